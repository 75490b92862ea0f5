"""Time reading the public history of a generated portal: an import, notes, minor fixes.

The portal of `generate.py` is committed as one bulk import; then a share of its items
get a change note (major changes) and another share a minor fix, one commit each round.
Prints how long `read_history` takes and what it found. Usage:

    python benchmarks/history.py OUT --items 10000 --noted 500 --rounds 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

from pbgdpl.loading.history import read_history

GIT = ["git", "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.vn"]


def commit(root: Path, message: str, day: dt.date) -> None:
    """Commit every change of `root` on `day`."""
    stamp = f"{day.isoformat()}T09:00:00+07:00"
    env = {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "PATH": "/usr/bin:/bin"}
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", message], cwd=root, check=True, env=env)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="thư mục đích (empty folder)")
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--noted", type=int, default=500, help="bài có thay đổi lớn mỗi vòng")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    generate = Path(__file__).with_name("generate.py")
    subprocess.run(
        [sys.executable, str(generate), str(args.out), "--items", str(args.items)], check=True
    )
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=args.out, check=True)
    day = dt.date(2026, 1, 5)
    commit(args.out, "Import", day)
    items = sorted((args.out / "agencies").glob("*/*/*.md"))
    for round_ in range(args.rounds):
        day += dt.timedelta(days=30)
        for n, path in enumerate(items[: 2 * args.noted]):
            text = path.read_text("utf-8")
            if n % 2 == 0:  # a major change: a new note
                head, _, rest = text.partition("\n")
                text = f"{head}\nghi_chu_thay_doi: Thay đổi lớn lần {round_ + 1}\n{rest}"
                text = text.replace(f"\nghi_chu_thay_doi: Thay đổi lớn lần {round_}\n", "\n")
            path.write_text(text + "\nSửa nhỏ.\n", "utf-8")
        commit(args.out, f"Vòng {round_ + 1}", day)
    noted = [path.relative_to(args.out).as_posix() for path in items[: 2 * args.noted : 2]]
    started = time.perf_counter()
    history = read_history(args.out, noted=noted)
    took = time.perf_counter() - started
    major = sum(len(changes) for changes in history.notes.values())
    print(
        f"read_history: {len(items)} bài, {args.rounds + 1} lần ghi, {len(history.files)} tệp có "
        f"lịch sử, {len(history.notes)} tệp có ghi chú ({major} thay đổi lớn): {took:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
