"""Whether the approvals a pull request has are the ones the portal's rules require.

On GitHub any one code owner's approval satisfies a path. This check, run as a required
status check with the pull request's approvals, holds the portal's own rules whatever
CODEOWNERS says: the platform needs a maintainer; the national content, the roles and
settings, a new agency and anything the report lists for the board need the board; an
agency's ordinary items need the board, or that agency's own editors where the board
delegated review (`delegated_review` in content/portal.yml). Nobody approves their own
change, and the roles are those of the base branch.

An approval is a login, or a team of the roles (`org/team`) when the caller knows that a
member of it approved; the forge's own code-owner rule stays the first guard.
"""

from __future__ import annotations

from dataclasses import dataclass

from pbgdpl.editorial.review import Review
from pbgdpl.editorial.roles import Roles


@dataclass(frozen=True)
class Requirement:
    """Who must approve one changed file, and whether an approval from them is there."""

    path: str
    who: str
    """Who may approve, in Vietnamese: "Ban Biên tập", "nhóm kỹ thuật" …"""
    approvers: tuple[str, ...]
    """The logins (or org/team) that may approve it."""
    approved_by: tuple[str, ...]
    """The approvals that count for it (never the author's)."""

    @property
    def met(self) -> bool:
        """Tell whether one of the approvers approved the change."""
        return bool(self.approved_by)


def _members(
    group: tuple[str, ...], approvals: tuple[str, ...], author: str | None
) -> tuple[str, ...]:
    """Return the approvals given by members of `group`, the author's never counting."""
    members = {login.lower() for login in group}
    mine = (author or "").lower()
    return tuple(a for a in approvals if a.lower() in members and a.lower() != mine)


def requirements(review: Review, approvals: tuple[str, ...]) -> list[Requirement]:
    """Return, for every changed file, who must approve it and whose approval counts."""
    roles: Roles = review.roles
    for_board = {d.path for d in review.decisions if d.who == "board"}
    found = []
    for file in review.files:
        path = file.change.path
        if file.area == "platform":
            who, group = "nhóm kỹ thuật", roles.maintainers
        elif (
            file.area == "agency"
            and file.agency in roles.delegated
            and path not in for_board
            and not path.endswith("/agency.yml")
        ):
            editors = roles.editors.get(file.agency or "", ())
            who, group = "Ban Biên tập hoặc biên tập viên của đơn vị", (*roles.board, *editors)
        else:
            who, group = "Ban Biên tập", roles.board
        found.append(Requirement(path, who, group, _members(group, approvals, review.author)))
    return found


def unmet(review: Review, approvals: tuple[str, ...]) -> list[Requirement]:
    """Return the changed files that still lack the approval the rules require."""
    return [r for r in requirements(review, approvals) if not r.met]
