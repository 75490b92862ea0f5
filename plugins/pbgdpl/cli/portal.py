"""The commands that build and check the portal: build, assemble, validate, schemas, serve.

Each command imports the parts of the portal it runs when it runs (`cli/__init__.py`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pbgdpl.cli.arguments import moment_argument
from pbgdpl.model.diagnostics import (
    COMMAND,
    FORMATTERS,
    Diagnostic,
    Severity,
    format_text,
    has_errors,
)
from pbgdpl.model.moment import BuildMoment
from pbgdpl.model.sites import site_label
from pbgdpl.model.terminal import one_line
from pbgdpl.pipeline.first_look import first_look
from pbgdpl.pipeline.options import BuildOptions, BuildReport

EDITOR_HELP = (
    "ghi thêm trình biên tập trên trình duyệt vào OUT/bien-tap/ để đăng cùng cổng "
    "(cần Decap CMS từ npm: 'make editor' hoặc 'npm ci')"
)


def _selected(diagnostics: list[Diagnostic], paths: Sequence[str], root: Path) -> list[Diagnostic]:
    if not paths:
        return diagnostics
    wanted = []
    for path in paths:
        resolved = Path(path).resolve()
        rel = (
            resolved.relative_to(root.resolve()).as_posix()
            if resolved.is_relative_to(root.resolve())
            else path
        )
        wanted.append(rel.rstrip("/"))
    return [
        d
        for d in diagnostics
        if any(d.path == w or d.path.startswith(w + "/") or w == "." for w in wanted)
    ]


def command_validate(args: argparse.Namespace) -> int:
    """Check the content and print every problem; exit 1 when there is an error."""
    from pbgdpl.editorial.validation_comment import validation_comment
    from pbgdpl.loading.fix import fix_files
    from pbgdpl.validate import load_checked

    portal = load_checked(args.root)
    if args.fix:
        fixed = fix_files(args.root, _selected(portal.diagnostics, args.paths, args.root))
        for path in fixed:
            print(f"{one_line(path)}: đã sửa (chuyển về NFC, xóa ký tự ẩn)", file=sys.stderr)
        if fixed:
            portal = load_checked(args.root)
    diagnostics = _selected(portal.diagnostics, args.paths, args.root)
    if args.format == "comment":
        output = validation_comment(diagnostics, portal)
    else:
        output = FORMATTERS[args.format](diagnostics)
    if output:
        print(output)
    if args.format == "text":
        errors = sum(d.severity is Severity.ERROR for d in diagnostics)
        print(
            f"Đã kiểm tra {len(portal.agencies)} trang thành phần, {len(portal.items)} bài: "
            f"{errors} lỗi, {len(diagnostics) - errors} cảnh báo.",
            file=sys.stderr,
        )
    failing = has_errors(diagnostics) or (args.strict and diagnostics)
    return 1 if failing else 0


def _print_excluded(report: BuildReport) -> None:
    for slug, errors in sorted(report.excluded.items()):
        print(
            f"Bỏ qua trang thành phần {slug} ({len(errors)} lỗi, giữ các trang đã đăng trước "
            f"đó nếu có); lỗi đầu tiên: {one_line(errors[0].path)}:{errors[0].line}: "
            f"{one_line(errors[0].message)}",
            file=sys.stderr,
        )


def command_build(args: argparse.Namespace) -> int:
    """Build the portal into the output folder.

    Content errors stop the build before anything is written, and every error is listed;
    with --keep-going, agencies with errors are left out (their previous pages stay) and
    every other site is built.
    """
    options = BuildOptions(
        root=args.root,
        out=args.out,
        moment=args.as_of or BuildMoment.now(),
        only=tuple(args.only),
        jobs=args.jobs,
        force=args.force,
        shard=args.shard,
        keep_going=args.keep_going,
        editor=args.editor,
    )
    looked = first_look(options)
    if looked.unchanged:
        report = looked.report
    else:
        from pbgdpl.pipeline.build import build_portal
        from pbgdpl.webeditor.admin import EditorError

        try:
            report = build_portal(options, looked)
        except EditorError as error:
            print(f"lỗi: {error}", file=sys.stderr)
            return 1
    if report.diagnostics:
        print(format_text(report.diagnostics), file=sys.stderr)
    for notice in report.notices:
        print(f"lưu ý: {one_line(notice)}", file=sys.stderr)
    errors = has_errors(report.diagnostics)
    if errors and not args.keep_going:
        count = sum(d.severity is Severity.ERROR for d in report.diagnostics)
        print(
            f"Không dựng cổng: nội dung có {count} lỗi (liệt kê ở trên). Sửa các lỗi, hoặc "
            "dùng --keep-going để dựng các trang thành phần không có lỗi.",
            file=sys.stderr,
        )
        return 1
    _print_excluded(report)
    if report.left_out:
        print(format_text(report.left_out), file=sys.stderr)
    for result in report.rendered:
        for warning in result.warnings:
            print(f"{site_label(result.site)}: cảnh báo: {one_line(warning)}", file=sys.stderr)
        if result.error:
            print(
                f"{site_label(result.site)}: lỗi dựng trang: {one_line(result.error)}",
                file=sys.stderr,
            )
    pages = sum(r.pages for r in report.rendered)
    kept = sum(r.kept for r in report.rendered)
    timings = ", ".join(f"{k} {v:.2f} s" for k, v in report.timings.items())
    print(
        f"Đã dựng {len(report.rendered)} trang ({pages} trang con), giữ nguyên "
        f"{len(report.skipped)} trang không đổi và {kept} trang con không đổi, "
        f"bỏ qua {len(report.excluded)} trang có lỗi, "
        f"vào {options.out} ({timings}); dữ liệu tính đến ngày {options.as_of:%d/%m/%Y}."
    )
    if args.report:
        args.report.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1), "utf-8")
    warned = any(r.warnings for r in report.rendered) or report.diagnostics
    if report.failed or (args.strict and warned):
        return 1
    if report.left_out and not args.keep_going:
        return 1
    # --keep-going publishes what is valid: errors outside the excluded agencies (the
    # national site's own pages) still fail the command.
    national_errors = [
        d
        for d in [*report.diagnostics, *report.left_out]
        if d.severity is Severity.ERROR and not d.path.startswith("agencies/")
    ]
    return 1 if national_errors else 0


def command_restore_last_good(args: argparse.Namespace) -> int:
    """Put back the last good version of each broken agency (the deploy's checkout only)."""
    from pbgdpl.loading.gitrepo import GitError
    from pbgdpl.pipeline.last_good import restore_last_good

    try:
        restored = restore_last_good(args.root)
    except GitError as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 2
    for agency in restored:
        first = agency.errors[0]
        where = f"{first.path}:{first.line}: {first.message}"
        if agency.commit is None:
            print(
                f"Trang thành phần {agency.slug}: {len(agency.errors)} lỗi ({where}); không tìm "
                "thấy bản không lỗi trước đó, trang này bị bỏ qua.",
                file=sys.stderr,
            )
        else:
            print(
                f"Trang thành phần {agency.slug}: {len(agency.errors)} lỗi ({where}); đăng lại "
                f"bản không lỗi gần nhất (commit {agency.commit.hexsha[:8]}, "
                f"{agency.commit.committed_datetime:%d/%m/%Y %H:%M}).",
                file=sys.stderr,
            )
    if not restored:
        print("Mọi trang thành phần đều không có lỗi.")
    return 0


def command_assemble(args: argparse.Namespace) -> int:
    """Join the outputs of sharded builds into one portal."""
    from pbgdpl.pipeline.shards import AssembleError, assemble
    from pbgdpl.webeditor.admin import EditorError

    try:
        sites = assemble(args.shards, args.out, args.root, editor=args.editor)
    except (AssembleError, EditorError) as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    print(f"Đã ghép {len(sites)} trang từ {len(args.shards)} phân đoạn vào {args.out}.")
    return 0


def _shard(text: str) -> tuple[int, int]:
    from pbgdpl.pipeline.shards import parse_shard

    try:
        return parse_shard(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def command_schemas(args: argparse.Namespace) -> int:
    """Write the JSON Schema files, or check that the committed ones are current."""
    from pbgdpl.model.schemas import check_schemas, write_schemas

    if args.check:
        stale = check_schemas(args.out)
        for name in stale:
            print(f"{args.out / name}: đã cũ; chạy '{COMMAND} schemas' (stale)")
        return 1 if stale else 0
    for path in write_schemas(args.out):
        print(path)
    return 0


def command_serve(args: argparse.Namespace) -> int:
    """Serve the built portal on 127.0.0.1 for a preview, compressed as a CDN sends it."""
    from pbgdpl.publishing.preview import preview_server

    with preview_server(args.out, args.port) as server:
        print(f"Xem cổng tại http://127.0.0.1:{args.port}/ (Ctrl+C để dừng)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register build, assemble, validate, schemas and serve."""
    build = commands.add_parser("build", help="dựng toàn bộ cổng (build the portal)")
    build.add_argument("--out", type=Path, default=Path("site"))
    build.add_argument(
        "--as-of",
        type=moment_argument,
        default=None,
        help="thời điểm dựng, giờ Việt Nam: YYYY-MM-DD (hết ngày đó) hoặc "
        "YYYY-MM-DDTHH:MM; tính hiệu lực và bài hẹn giờ (default: now)",
    )
    build.add_argument(
        "--only",
        nargs="+",
        default=[],
        metavar="SLUG",
        help="chỉ dựng trang quốc gia và các trang thành phần này",
    )
    build.add_argument("--jobs", type=int, default=0, help="số tiến trình (default: all cores)")
    build.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    build.add_argument("--force", action="store_true", help="dựng lại mọi trang")
    build.add_argument(
        "--keep-going",
        action="store_true",
        help="vẫn dựng các trang thành phần không có lỗi; bỏ qua trang có lỗi",
    )
    build.add_argument(
        "--report",
        type=Path,
        default=None,
        help="ghi số liệu của lần dựng (JSON) vào tệp này, cho benchmark",
    )
    build.add_argument(
        "--shard",
        type=_shard,
        default=None,
        metavar="I/N",
        help="chỉ dựng phần thứ I trong N phần của cổng (sharded build)",
    )
    build.add_argument("--editor", action="store_true", help=EDITOR_HELP)
    build.set_defaults(run=command_build)

    last_good = commands.add_parser(
        "restore-last-good",
        help="đưa trang thành phần có lỗi về bản không lỗi gần nhất, ngay trong thư mục làm "
        "việc; chỉ dùng trong lần dựng để đăng (restore broken agencies' last good version)",
    )
    last_good.set_defaults(run=command_restore_last_good)
    join = commands.add_parser("assemble", help="ghép kết quả các phân đoạn (join shards)")
    join.add_argument("shards", nargs="+", type=Path, help="thư mục kết quả của từng phân đoạn")
    join.add_argument("--out", type=Path, default=Path("site"))
    join.add_argument("--editor", action="store_true", help=EDITOR_HELP)
    join.set_defaults(run=command_assemble)

    validate = commands.add_parser("validate", help="kiểm tra nội dung (validate content)")
    validate.add_argument("paths", nargs="*", help="chỉ báo lỗi của các tệp/thư mục này")
    validate.add_argument(
        "--format",
        choices=[*sorted(FORMATTERS), "comment"],
        default="text",
        help="comment: nhận xét tiếng Việt cho đề nghị thay đổi (pull request comment)",
    )
    validate.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    validate.add_argument(
        "--fix", action="store_true", help="sửa chữ tổ hợp (NFD) và ký tự ẩn ngay trong tệp"
    )
    validate.set_defaults(run=command_validate)

    schemas = commands.add_parser("schemas", help="xuất JSON Schema cho trình soạn thảo")
    schemas.add_argument("--out", type=Path, default=Path("schemas"))
    schemas.add_argument("--check", action="store_true", help="báo lỗi nếu tệp đã cũ")
    schemas.set_defaults(run=command_schemas)

    serve = commands.add_parser("serve", help="xem trước cổng đã dựng (preview)")
    serve.add_argument("--out", type=Path, default=Path("site"))
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=command_serve)
