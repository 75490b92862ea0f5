"""The audit (đôn đốc): for each agency, which required sections are missing, empty or stale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from pbgdpl.catalog import Catalog
from pbgdpl.catalog.dissemination import Coverage, DocumentCoverage, agency_coverage
from pbgdpl.followup.register import Register
from pbgdpl.followup.review_due import ItemToReview, items_to_review
from pbgdpl.model.agency import KIND_LABELS, Agency
from pbgdpl.model.items import Item
from pbgdpl.model.sections import SECTIONS, SECTIONS_BY_SLUG


class Standing(StrEnum):
    """An agency's overall standing, worst first; the codes are what `--fail-on` takes."""

    MISSING = "missing"
    INCOMPLETE = "incomplete"
    STALE = "stale"
    OK = "ok"

    @property
    def label(self) -> str:
        """Return the Vietnamese name of the standing."""
        return STANDING_LABELS[self]

    @property
    def severity(self) -> int:
        """Return how bad the standing is: 0 for OK, 3 for a site never built."""
        return len(Standing) - 1 - list(Standing).index(self)


STANDING_LABELS = {
    Standing.MISSING: "Chưa xây dựng",
    Standing.INCOMPLETE: "Thiếu chuyên mục",
    Standing.STALE: "Chậm cập nhật",
    Standing.OK: "Đạt",
}


class SectionState(StrEnum):
    """The state of one section of one agency site."""

    MISSING = "missing"
    EMPTY = "empty"
    STALE = "stale"
    OK = "ok"

    @property
    def label(self) -> str:
        """Return the Vietnamese name of the state."""
        return SECTION_STATE_LABELS[self]


SECTION_STATE_LABELS = {
    SectionState.MISSING: "Chưa có chuyên mục",
    SectionState.EMPTY: "Chưa có bài",
    SectionState.STALE: "Chậm cập nhật",
    SectionState.OK: "Đạt",
}


class Actor(StrEnum):
    """Who must act on a finding: only the board can approve what `agency.yml` declares."""

    EDITORS = "editors"
    BOARD = "board"

    @property
    def label(self) -> str:
        """Return the Vietnamese name of who acts."""
        return ACTOR_LABELS[self]


ACTOR_LABELS = {
    Actor.EDITORS: "biên tập viên của đơn vị",
    Actor.BOARD: "Ban Biên tập",
}


@dataclass(frozen=True)
class Finding:
    """One thing the audit found, who must act on it and what they must do."""

    what: str
    actor: Actor
    action: str

    def __str__(self) -> str:
        return f"{self.what}. Việc của {self.actor.label}: {self.action}"


@dataclass(frozen=True)
class SectionAudit:
    """What the audit found in one section: its items, its newest date, and its state."""

    slug: str
    required: bool
    kept: bool
    count: int
    latest: dt.date | None
    stale_after: int | None
    days_since: int | None

    @property
    def title(self) -> str:
        """Return the section's Vietnamese title."""
        return SECTIONS_BY_SLUG[self.slug].title

    @property
    def state(self) -> SectionState:
        """Return missing (required, not kept), empty, stale or ok."""
        if self.required and not self.kept:
            return SectionState.MISSING
        if self.count == 0:
            return SectionState.EMPTY
        if self.stale_after is not None and (self.days_since or 0) > self.stale_after:
            return SectionState.STALE
        return SectionState.OK

    def finding(self, agency: str) -> Finding:
        """Say in Vietnamese what is wrong with the section of `agency` and who must act.

        A missing section can only be added through the agency's `agency.yml`, which the
        board approves; an empty or stale one is the agency's editors' to fill.
        """
        folder = f"agencies/{agency}/{self.slug}/"
        if self.state is SectionState.MISSING:
            return Finding(
                f"{self.title}: {self.state.label.lower()}",
                Actor.BOARD,
                f'duyệt việc thêm "{self.slug}" vào sections của agencies/{agency}/agency.yml '
                "(biên tập viên của đơn vị đề nghị bằng pull request)",
            )
        if self.state is SectionState.STALE and self.latest:
            return Finding(
                f"{self.title}: chậm cập nhật, bài mới nhất ngày {self.latest:%d/%m/%Y}, "
                f"đã {self.days_since} ngày (quy định {self.stale_after} ngày)",
                Actor.EDITORS,
                f"đăng bài mới vào {folder} hoặc cập nhật bài cũ kèm ghi chú thay đổi",
            )
        return Finding(
            f"{self.title}: {self.state.label.lower()}", Actor.EDITORS, f"đăng bài vào {folder}"
        )


@dataclass(frozen=True)
class AgencyAudit:
    """What the audit found for one agency: its site, its sections and its standing."""

    slug: str
    name: str
    kind: str
    in_register: bool
    built: bool
    sections: tuple[SectionAudit, ...] = ()
    to_review: tuple[ItemToReview, ...] = ()
    """Items to check again (cần rà soát), the oldest first; they do not change the standing."""
    dissemination: tuple[DocumentCoverage, ...] = ()
    """Whether each document the site posts was disseminated in time, the earliest first."""

    def disseminated(self, *states: Coverage) -> tuple[DocumentCoverage, ...]:
        """Return the site's documents whose dissemination is in one of `states`."""
        return tuple(c for c in self.dissemination if c.state in states)

    @property
    def dissemination_due(self) -> tuple[DocumentCoverage, ...]:
        """Return the documents whose time to be disseminated has passed or that were."""
        return self.disseminated(Coverage.ON_TIME, Coverage.LATE, Coverage.MISSING)

    @property
    def dissemination_rate(self) -> int | None:
        """Return the percentage of due documents disseminated in time, or None if none is due."""
        due = len(self.dissemination_due)
        return round(100 * len(self.disseminated(Coverage.ON_TIME)) / due) if due else None

    @property
    def kind_label(self) -> str:
        """Return the Vietnamese name of the agency's kind."""
        return KIND_LABELS[self.kind]

    @property
    def items(self) -> int:
        """Count the items the site had on the audit date."""
        return sum(section.count for section in self.sections)

    @property
    def latest(self) -> dt.date | None:
        """Return the date of the site's newest change, or None."""
        return max((s.latest for s in self.sections if s.latest), default=None)

    def sections_in(self, *states: SectionState) -> tuple[SectionAudit, ...]:
        """Return the sections in one of `states`."""
        return tuple(s for s in self.sections if s.state in states)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Say in Vietnamese what must be fixed and by whom, one finding per section."""
        if not self.built:
            return (
                Finding(
                    "Chưa có Trang thông tin điện tử PBGDPL thành phần trên Cổng",
                    Actor.BOARD,
                    f"duyệt việc tạo agencies/{self.slug}/agency.yml cùng biên tập viên của đơn vị",
                ),
            )
        found = [s.finding(self.slug) for s in self.sections if s.state is not SectionState.OK]
        if self.to_review:
            oldest = self.to_review[0].since
            found.append(
                Finding(
                    f"{len(self.to_review)} bài cần rà soát, cũ nhất từ {oldest:%d/%m/%Y}",
                    Actor.EDITORS,
                    "đối chiếu với văn bản hiện hành, sửa nếu cần và ghi ngày da_ra_soat",
                )
            )
        late = self.disseminated(Coverage.MISSING, Coverage.LATE)
        if late:
            found.append(
                Finding(
                    f"{len(late)} văn bản chưa được phổ biến đúng hạn: "
                    + ", ".join(c.document.number for c in late),
                    Actor.EDITORS,
                    "đăng bài giới thiệu, hỏi đáp hoặc tài liệu dẫn chiếu các văn bản này",
                )
            )
        return tuple(found)

    @property
    def problems(self) -> tuple[str, ...]:
        """Say in Vietnamese what must be fixed and by whom, one line per finding."""
        return tuple(str(finding) for finding in self.findings)

    @property
    def standing(self) -> Standing:
        """Return the worst thing found: not built, a section missing or empty, stale, or ok."""
        if not self.built:
            return Standing.MISSING
        if self.sections_in(SectionState.MISSING, SectionState.EMPTY):
            return Standing.INCOMPLETE
        if self.sections_in(SectionState.STALE):
            return Standing.STALE
        return Standing.OK


@dataclass(frozen=True)
class Audit:
    """The audit of the whole portal on one date."""

    as_of: dt.date
    agencies: tuple[AgencyAudit, ...]
    required_sections: tuple[str, ...]
    stale_after: Mapping[str, int]
    dissemination_days: int = 30

    def count(self, standing: Standing) -> int:
        """Count the agencies with `standing`."""
        return sum(1 for a in self.agencies if a.standing is standing)

    def failing(self, level: Standing) -> tuple[AgencyAudit, ...]:
        """Return the agencies whose standing is `level` or worse."""
        return tuple(a for a in self.agencies if a.standing.severity >= level.severity)


def last_changed(catalog: Catalog, item: Item, as_of: dt.date) -> dt.date:
    """Return when `item` last changed by `as_of`: the public date its page shows.

    That is the date of its last major change (one with a change note) by `as_of`, else
    its own date. A bulk import, a rename or a minor fix is no news for a citizen, so
    it does not make a stale site look fresh.
    """
    return catalog.history.of(item.path, item.date, as_of).updated


def audit_agency(
    agency: Agency, catalog: Catalog, register: Register, as_of: dt.date
) -> AgencyAudit:
    """Audit one agency's site: the sections it must keep and the sections it keeps."""
    stale_after = catalog.settings.stale_after_days
    sections = []
    for section in SECTIONS:
        required = section.slug in register.required_sections
        kept = section.slug in agency.sections
        if not (required or kept):
            continue
        # An item dated after the audit date was not published yet on that date.
        items = [i for i in catalog.items(agency.slug, section.slug) if i.date <= as_of]
        latest = max((last_changed(catalog, i, as_of) for i in items), default=None)
        sections.append(
            SectionAudit(
                slug=section.slug,
                required=required,
                kept=kept,
                count=len(items),
                latest=latest,
                stale_after=stale_after.get(section.slug),
                days_since=(as_of - latest).days if latest else None,
            )
        )
    return AgencyAudit(
        agency.slug,
        agency.name,
        agency.kind,
        agency.slug in register.slugs,
        True,
        tuple(sections),
        items_to_review(catalog, agency.slug, as_of),
        agency_coverage(catalog, agency.slug, as_of),
    )


def audit_portal(catalog: Catalog, register: Register, as_of: dt.date) -> Audit:
    """Audit every agency in the register and every agency site, on the date `as_of`."""
    found = [audit_agency(a, catalog, register, as_of) for a in catalog.agencies.values()]
    found += [
        AgencyAudit(unit.slug, unit.name, unit.kind, True, False)
        for unit in register.agencies
        if unit.slug not in catalog.agencies
    ]
    order = {unit.slug: n for n, unit in enumerate(register.agencies)}
    kinds = list(KIND_LABELS)
    found.sort(key=lambda a: (kinds.index(a.kind), order.get(a.slug, len(order)), a.slug))
    stale_after = dict(catalog.settings.stale_after_days)
    return Audit(
        as_of,
        tuple(found),
        register.required_sections,
        stale_after,
        catalog.settings.dissemination_days,
    )
