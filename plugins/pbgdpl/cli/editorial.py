"""The editorial commands of build.py: codeowners, review and new."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from pbgdpl.editorial.approvals import unmet
from pbgdpl.editorial.codeowners import CODEOWNERS_PATH, render_codeowners
from pbgdpl.editorial.review import review_changes
from pbgdpl.editorial.review_format import to_json, to_markdown
from pbgdpl.editorial.roles import Roles, roles_in_commit, roles_in_folder
from pbgdpl.editorial.scaffold import ScaffoldError, new_agency, new_item
from pbgdpl.loading.gitrepo import GitError, open_repository, resolve
from pbgdpl.model.agency import KIND_LABELS
from pbgdpl.model.diagnostics import COMMAND, Diagnostic, format_text
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.sections import SECTIONS_BY_SLUG
from pbgdpl.model.terminal import one_line


def _base_roles(args: argparse.Namespace) -> tuple[Roles, list[Diagnostic]]:
    """Return the roles CODEOWNERS is made from: at `--base`, else in the working tree."""
    if args.base is None:
        return roles_in_folder(args.root)
    with open_repository(args.root) as repo:
        return roles_in_commit(repo, resolve(repo, args.base)), []


def _stale_message(args: argparse.Namespace, current: str | None) -> str:
    """Explain a CODEOWNERS that differs from the base's roles, and the one safe fix."""
    fix = f"{COMMAND} codeowners --base {args.base or 'origin/main'}"
    own = render_codeowners(roles_in_folder(args.root)[0])
    if args.base is not None and current == own:
        return (
            f"{CODEOWNERS_PATH}: được sinh từ vai trò mới của chính thay đổi này, không phải từ "
            f"vai trò của nhánh gốc {args.base}. Đổi vai trò cần Ban Biên tập duyệt; "
            f"CODEOWNERS chỉ theo sau khi đã hợp nhất. Khôi phục tệp: '{fix}' "
            "(CODEOWNERS comes from the base branch's roles, never from the pull request)."
        )
    return (
        f"{CODEOWNERS_PATH}: khác với vai trò của {args.base or 'bản làm việc'} "
        f"(content/portal.yml, agencies/*/agency.yml); chạy '{fix}' rồi gửi kèm tệp "
        "(stale CODEOWNERS)."
    )


def command_codeowners(args: argparse.Namespace) -> int:
    """Write .github/CODEOWNERS from the base's roles, or check the committed file against them."""
    try:
        roles, problems = _base_roles(args)
    except GitError as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 2
    if problems:
        print(format_text(problems), file=sys.stderr)
    text = render_codeowners(roles)
    path = args.root / CODEOWNERS_PATH
    if args.check:
        current = path.read_text("utf-8") if path.is_file() else None
        if current != text:
            print(_stale_message(args, current), file=sys.stderr)
            return 1
        if args.base is not None and roles_in_folder(args.root)[0] != roles:
            print(
                f"Thay đổi này sửa vai trò so với {args.base}: Ban Biên tập duyệt; CODEOWNERS "
                "giữ theo nhánh gốc cho tới khi hợp nhất (roles change: for the board)."
            )
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        print(f"Đã ghi {CODEOWNERS_PATH} ({len(roles.editors)} trang thành phần).")
    return 1 if problems else 0


def command_review(args: argparse.Namespace) -> int:
    """Print the review report of the changes from BASE to HEAD; exit 1 on an error."""
    try:
        review = review_changes(args.root, args.base, args.head, args.author)
    except GitError as error:
        print(f"lỗi: {one_line(error)}", file=sys.stderr)
        return 2
    approvals = None if args.approved_by is None else tuple(a for a in args.approved_by if a)
    if args.format == "markdown":
        print(to_markdown(review, args.preview_url, approvals))
    else:
        print(to_json(review, approvals))
    # A status check with the approvals fails until the right people approved.
    return 1 if review.errors or (approvals is not None and unmet(review, approvals)) else 0


def command_new(args: argparse.Namespace) -> int:
    """Create a new agency site, or a new item of a section from its template."""
    try:
        if args.what == "agency":
            if not args.slug or not args.name or not args.kind:
                raise ScaffoldError(
                    f'Cần tên thư mục, tên và loại: {COMMAND} new agency SLUG --name "…" '
                    "--kind " + "|".join(KIND_LABELS)
                )
            made = new_agency(
                args.root,
                args.slug,
                args.name,
                args.kind,
                tuple(args.editors),
                tuple(args.sections),
            )
            hint = (
                f"Tạo bài đầu tiên: {COMMAND} new tin-tuc --agency {args.slug} "
                f'--title "…"; rồi cập nhật CODEOWNERS: {COMMAND} codeowners'
            )
        else:
            if not args.agency or not args.title:
                raise ScaffoldError(
                    f'Cần đơn vị và tiêu đề: {COMMAND} new {args.what} --agency SLUG --title "…"'
                )
            made = new_item(
                args.root,
                args.what,
                args.agency,
                args.title,
                BuildMoment.now().date,
                args.item_slug,
            )
            hint = f"Điền các trường trong tệp, rồi kiểm tra: {COMMAND} validate {made.written[0]}"
    except ScaffoldError as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    for path in made.written:
        print(f"Đã tạo {path}")
    print(hint)
    return 0


def add_commands(commands: Any) -> None:
    """Register codeowners, review and new on build.py's subcommand parser."""
    owners = commands.add_parser(
        "codeowners", help="sinh .github/CODEOWNERS từ vai trò (write CODEOWNERS from roles)"
    )
    owners.add_argument(
        "--check", action="store_true", help="báo lỗi nếu tệp đã cũ, không ghi (fail when stale)"
    )
    owners.add_argument(
        "--base",
        default=None,
        help="lấy vai trò ở phiên bản gốc này, ví dụ origin/main (roles of the base branch)",
    )
    owners.set_defaults(run=command_codeowners)

    review = commands.add_parser(
        "review", help="báo cáo thay đổi cho Ban Biên tập (review report of a change)"
    )
    review.add_argument("base", help="phiên bản gốc, ví dụ origin/main")
    review.add_argument(
        "head",
        nargs="?",
        default=None,
        help="phiên bản thay đổi (default: bản làm việc, the working tree)",
    )
    review.add_argument("--author", default=None, help="tài khoản Git của người gửi")
    review.add_argument(
        "--approved-by",
        action="append",
        default=None,
        metavar="LOGIN",
        help="tài khoản đã duyệt (lặp lại cho mỗi người; --approved-by '' khi chưa ai duyệt): "
        "báo cáo xét người duyệt có đủ thẩm quyền không, trả mã 1 khi chưa đủ",
    )
    review.add_argument("--format", choices=("markdown", "json"), default="markdown")
    review.add_argument(
        "--preview-url",
        default=None,
        help="địa chỉ gốc của bản xem trước, để báo cáo dẫn tới từng trang (preview root URL)",
    )
    review.set_defaults(run=command_review)

    new = commands.add_parser(
        "new", help="tạo trang thành phần hoặc bài mới từ mẫu (scaffold an agency or an item)"
    )
    new.add_argument(
        "what",
        choices=("agency", *SECTIONS_BY_SLUG),
        metavar="agency|SECTION",
        help="agency, hoặc chuyên mục của bài mới: " + ", ".join(SECTIONS_BY_SLUG),
    )
    new.add_argument(
        "slug", nargs="?", default=None, help="tên thư mục của trang thành phần mới (new agency)"
    )
    new.add_argument("--name", help="tên cơ quan (new agency)")
    new.add_argument("--kind", choices=tuple(KIND_LABELS), help="loại cơ quan (new agency)")
    new.add_argument("--editors", nargs="*", default=[], help="tài khoản biên tập viên")
    new.add_argument(
        "--sections", nargs="*", default=[], help="các chuyên mục (default: mọi chuyên mục)"
    )
    new.add_argument("--agency", help="trang thành phần của bài mới")
    new.add_argument("--title", help="tiêu đề bài mới")
    new.add_argument(
        "--slug",
        dest="item_slug",
        default=None,
        help="tên tệp bài mới (default: từ tiêu đề, không dấu)",
    )
    new.set_defaults(run=command_new)
