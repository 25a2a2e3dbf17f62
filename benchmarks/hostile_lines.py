"""Time and peak memory of ``check`` and ``align`` on one hostile line of 10 thousand to a million characters.

The kinds of line are those of ``tests/checks/test_bounds.py`` (one huge
word, a run of one Chinese character, a run of punctuation, alternating
scripts, a URL-like run, mojibake, many numbers, many romanized names beside
many characters they could spell).  The tests prove that the work grows
linearly, by counting it; this script says what that costs on this machine.

For each kind and length it writes the line as the English of a one-row TSV
beside an ordinary Chinese sentence and runs ``python -m corpus_align check``,
then writes it as both sides of a pair of files and runs ``align`` (the line is
segmented into sentences, each aligned).  Each run is a fresh process under the
wrapper of ``check_scale.py`` (wall seconds, CPU seconds, peak RSS).  A run
that fails prints its exit code and last stderr line instead.

Usage::

    python benchmarks/hostile_lines.py [--lengths 10000 100000] [--kinds one-huge-word ...] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.checks.test_bounds import EN, HOSTILE_LINES, ZH  # noqa: E402

from check_scale import WRAPPER  # noqa: E402


def measure(command: list[str]) -> dict:
    """Run ``command`` under the wrapper: its exit code, wall and CPU seconds, peak RSS in MB, last stderr line."""
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    errors = [line for line in done.stderr.splitlines() if line.strip()]
    figures["last_error"] = errors[-1][:110] if errors else ""
    return figures


def run_kind(kind: str, length: int, folder: Path) -> list[dict]:
    line = HOSTILE_LINES[kind](length)
    tsv = folder / "row.tsv"
    tsv.write_text(f"zh\ten\n{ZH}\t{line}\n{line}\t{EN}\n", "utf-8")
    zh, en = folder / "zh.txt", folder / "en.txt"
    zh.write_text(f"{ZH}\n{line}\n", "utf-8")
    en.write_text(f"{EN}\n{line}\n", "utf-8")
    module = [sys.executable, "-m", "corpus_align"]
    results = []
    for command, args in (("check", [str(tsv), "-f", "jsonl", "-o", str(folder / "out.jsonl"), "--fail-on", "never"]),
                          ("align", [str(zh), str(en), "-o", str(folder / "out.tsv"), "--no-check"])):
        figures = measure([*module, command, *args])
        results.append({"kind": kind, "chars": len(line), "command": command, **figures})
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--kinds", nargs="+", choices=sorted(HOSTILE_LINES), default=sorted(HOSTILE_LINES))
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args(argv)
    print(f"{'kind':30} {'chars':>9} {'command':7} {'code':>4} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}")
    everything = []
    with tempfile.TemporaryDirectory() as scratch:
        for length in args.lengths:
            for kind in args.kinds:
                for row in run_kind(kind, length, Path(scratch)):
                    everything.append(row)
                    print(f"{row['kind']:30} {row['chars']:>9,} {row['command']:7} {row['code']:>4} {row['seconds']:>7.1f} "
                          f"{row['cpu_seconds']:>7.1f} {row['peak_rss_mb']:>8.0f}"
                          + (f"  {row['last_error']}" if row["code"] not in (0, 1) else ""), flush=True)
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
