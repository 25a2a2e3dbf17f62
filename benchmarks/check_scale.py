"""Time and peak memory of ``corpus-align check`` on aligned TSV files of 10 thousand to a million rows.

The rows are real aligned text: every distinct dev document (the 6 MAC-Dev
chapters and the NewDomains-Dev documents other than ``long-*``) aligned once
with ``corpus_align.align(presegmented=True)`` and written as ``align`` writes
its TSV (header ``row zh en type score zh_ids en_ids issues``).  A file of N
rows cycles those rows, renumbered 1..N.  The base rows are cached in the
scratch folder, so only the first run pays for aligning them.

``check`` answers a row equal to one it has already checked from memory
(a translation memory's repetitions), so without options a million-row file
means some 21 thousand distinct rows checked and the rest read, parsed and
answered.  With ``--distinct`` a made-up word is appended to every English
cell, so that every row is distinct and checked, as in a corpus without
repetitions (the Chinese still repeats: the dev sets are all the Chinese
there is).

Each size runs ``python -m corpus_align check FILE -f jsonl -o OUT`` in a
fresh process under a small wrapper that reports the wall time, the CPU
time and the peak RSS of the largest process of the command
(``resource.getrusage(RUSAGE_CHILDREN)``); as ``check`` forks two workers
for files of more than one window, the benchmark also samples the PSS of
the whole process tree (``tree MB``: shared pages counted once), which is
the memory the command really holds.  On a shared machine, wall time
depends on what else runs; CPU time does not.

Usage::

    python benchmarks/check_scale.py [--sizes 10000 100000 1000000] [--distinct] [--scratch DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets  # noqa: E402

HEADER = "row\tzh\ten\ttype\tscore\tzh_ids\ten_ids\tissues"
BASE_NAME = "check_scale_base.tsv"

# The command runs under this wrapper, which reports its wall time, its CPU time (workers included) and the
# peak RSS of its largest process.
WRAPPER = ("import json, resource, subprocess, sys, time; t = time.perf_counter(); "
           "code = subprocess.run(sys.argv[1:]).returncode; u = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(json.dumps({'code': code, 'seconds': time.perf_counter() - t, 'cpu_seconds': u.ru_utime + u.ru_stime, "
           "'peak_rss_mb': u.ru_maxrss / 1024}))")


def aligned_base_rows(bench: Path) -> list[str]:
    """The data lines (no header, no row number) of every distinct dev document aligned as ``align`` writes them."""
    from corpus_align import align
    from corpus_align.io.tsv import to_tsv

    lines: list[str] = []
    for doc in devsets.distinct(devsets.load_mac(bench) + devsets.load_newdomains(bench)):
        alignment = align("\n".join(doc.zh), "\n".join(doc.en), presegmented=True)
        for line in to_tsv(alignment).splitlines()[1:]:
            lines.append(line.split("\t", 1)[1])
    return lines


def base_rows(scratch: Path, bench: Path) -> list[str]:
    """:func:`aligned_base_rows`, cached in ``scratch``."""
    cached = scratch / BASE_NAME
    if not cached.exists():
        rows = aligned_base_rows(bench)
        cached.write_text("".join(row + "\n" for row in rows), "utf-8")
    return cached.read_text("utf-8").splitlines()


def scaled_lines(base: Sequence[str], n_rows: int, *, distinct: bool) -> Iterator[str]:
    """The header and ``n_rows`` data lines cycling ``base``, numbered from 1.

    >>> list(scaled_lines(["甲\\ta\\t1-1\\t0.5\\t0\\t0\\t", "乙\\tb\\t1-1\\t0.5\\t1\\t1\\t"], 3, distinct=True))[1:]
    ['1\\t甲\\ta Qa\\t1-1\\t0.5\\t0\\t0\\t', '2\\t乙\\tb Qb\\t1-1\\t0.5\\t1\\t1\\t', '3\\t甲\\ta Qc\\t1-1\\t0.5\\t0\\t0\\t']
    """
    yield HEADER
    for index in range(n_rows):
        line = base[index % len(base)]
        if distinct:
            zh, en, rest = line.split("\t", 2)
            line = f"{zh}\t{en} Q{devsets.made_up_word(index)}\t{rest}" if en else line
        yield f"{index + 1}\t{line}"


def write_scaled(path: Path, base: Sequence[str], n_rows: int, *, distinct: bool) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        for line in scaled_lines(base, n_rows, distinct=distinct):
            stream.write(line + "\n")


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (Linux ``/proc``)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo.extend(int(child) for child in task.read_text().split())
            except OSError:
                continue
    return found


def _tree_pss_mb(pid: int) -> float:
    """Proportional set size of a process tree: shared pages (the workers share the dictionaries) counted once."""
    total = 0
    for process in _descendants(pid):
        try:
            for line in Path(f"/proc/{process}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def run_check(path: Path, out: Path, extra: Sequence[str] = ()) -> dict:
    """``python -m corpus_align check PATH -f jsonl -o OUT`` under :data:`WRAPPER`.

    Returns the exit code, wall seconds, CPU seconds, the peak RSS of the
    largest process (``RUSAGE_CHILDREN``), the peak PSS of the whole process
    tree (sampled every 0.2 s; the command forks workers for big files) and
    the number of findings.
    """
    command = [sys.executable, "-m", "corpus_align", "check", str(path), "-f", "jsonl", "-o", str(out),
               "--fail-on", "never", *extra]
    process = subprocess.Popen([sys.executable, "-c", WRAPPER, *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    peak_tree = 0.0
    while process.poll() is None:
        if Path("/proc").is_dir():
            peak_tree = max(peak_tree, _tree_pss_mb(process.pid))
        time.sleep(0.2)
    stdout, stderr = process.communicate()
    timing = json.loads(stdout.strip().splitlines()[-1])
    if timing["code"] != 0:
        raise RuntimeError(f"check exited with {timing['code']}: {stderr.strip().splitlines()[-3:]}")
    timing["tree_pss_mb"] = peak_tree
    with out.open("rb") as stream:
        timing["findings"] = sum(1 for _ in stream)
    return timing


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="Example: python benchmarks/check_scale.py --sizes 10000 100000 1000000")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000], help="rows per file")
    parser.add_argument("--distinct", action="store_true", help="append a made-up word to every English cell")
    parser.add_argument("--bench", type=Path, default=devsets.BENCH, help="folder holding mac-dev/ and newdomains-dev/")
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "corpus-align-check-scale",
                        help="folder for the base rows (kept) and the scaled files (deleted after each run)")
    parser.add_argument("--json", type=Path, help="write every number to this JSON file")
    parser.add_argument("--check-args", default="", help="extra options for check, e.g. '--ignore omission'")
    args = parser.parse_args(argv)
    args.scratch.mkdir(parents=True, exist_ok=True)
    base = base_rows(args.scratch, args.bench)
    print(f"python -m corpus_align check FILE -f jsonl -o OUT {args.check_args}; {len(base)} distinct aligned rows "
          f"of real text cycled{', English made distinct' if args.distinct else ''}; each size in a fresh process",
          flush=True)
    print(f"{'rows':>9} {'MB in':>7} {'seconds':>8} {'CPU s':>7} {'rows/s':>8} {'peak MB':>8} {'tree MB':>8} {'findings':>9}",
          flush=True)
    results = []
    for size in sorted(args.sizes):
        path, out = args.scratch / f"rows-{size}.tsv", args.scratch / f"rows-{size}.findings.jsonl"
        write_scaled(path, base, size, distinct=args.distinct)
        try:
            result = run_check(path, out, args.check_args.split())
        except RuntimeError as error:
            print(f"{size:>9} failed: {error}", flush=True)
            continue
        finally:
            megabytes = path.stat().st_size / 2**20
            path.unlink(missing_ok=True)
            out.unlink(missing_ok=True)
        result.update(rows=size, input_mb=megabytes)
        results.append(result)
        print(f"{size:>9} {megabytes:>7.0f} {result['seconds']:>8.1f} {result['cpu_seconds']:>7.1f} "
              f"{size / result['seconds']:>8,.0f} {result['peak_rss_mb']:>8.0f} {result['tree_pss_mb']:>8.0f} "
              f"{result['findings']:>9}", flush=True)
    if args.json:
        args.json.write_text(json.dumps({"distinct": args.distinct, "results": results}, indent=1) + "\n", "utf-8")
        print(f"numbers written to {args.json}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
