"""The web editor's command of build.py: `editor` writes it, or serves it over this checkout."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from pbgdpl.webeditor.admin import EDITOR_PATH, EditorError, write_editor
from pbgdpl.webeditor.local import local_editor


def command_editor(args: argparse.Namespace) -> int:
    """Write the editor into OUT/bien-tap/, or with --local run it on 127.0.0.1 until Ctrl+C."""
    try:
        if not args.local:
            site = write_editor(args.root, args.out)
            print(f"Đã ghi trình biên tập của {len(site.agencies)} đơn vị vào {site.folder}/")
            return 0
        with local_editor(args.root, args.out, args.port, args.api_port) as editor:
            print(
                f"Trình biên tập đang chạy: mở {editor.url} rồi chọn đơn vị; bấm Ctrl+C để dừng "
                "(the editor runs until Ctrl+C).",
                flush=True,
            )
            # A stop from outside (kill, a closed terminal) stops the Git server too.
            signal.signal(signal.SIGTERM, signal.default_int_handler)
            try:
                threading.Event().wait()
            except KeyboardInterrupt:
                print("Đã dừng trình biên tập.")
    except EditorError as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    return 0


def add_commands(commands: Any) -> None:
    """Register `editor` on build.py's subcommand parser."""
    editor = commands.add_parser(
        "editor",
        help=f"trình biên tập trên trình duyệt, ghi vào OUT/{EDITOR_PATH}/ (the web editor)",
    )
    editor.add_argument(
        "--out", type=Path, default=Path("build/editor"), help="thư mục ghi trình biên tập"
    )
    editor.add_argument(
        "--local",
        action="store_true",
        help="chạy trên 127.0.0.1 với kho Git này, không cần tài khoản (serve over this checkout)",
    )
    editor.add_argument("--port", type=int, default=8000, help="cổng của trang biên tập")
    editor.add_argument("--api-port", type=int, default=8081, help="cổng của máy chủ Git cục bộ")
    editor.set_defaults(run=command_editor)
