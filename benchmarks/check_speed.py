"""Speed of the QA checks: 50,000 two-column pairs (the quality benchmark's pairs repeated).

Prints the wall time, the CPU time of this process (what a busy shared machine changes least) and
its peak RSS (the benchmark's own pairs included).

With ``--distinct`` every pair is made unique, so caches keyed on the text
do not help and the time is that of 50,000 different sentences.

Usage::

    python benchmarks/check_speed.py [--pairs 50000] [--distinct]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_quality  # noqa: E402
import devsets  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=50_000)
    parser.add_argument("--bench", type=Path, default=check_quality.DEFAULT_BENCH)
    parser.add_argument("--distinct", action="store_true",
                        help="make every pair distinct (a unique made-up word appended), so no per-text cache helps")
    args = parser.parse_args(argv)
    items = check_quality.build(args.bench, 20240311)
    base = [(zh, en) for _, zh, en in items]
    pairs = (base * (args.pairs // len(base) + 1))[: args.pairs]
    if args.distinct:
        pairs = [(zh, f"{en} Q{devsets.made_up_word(i)}") for i, (zh, en) in enumerate(pairs)]
    from corpus_align.checks import check_rows, rows_from_pairs

    started, cpu_started = time.perf_counter(), time.process_time()
    rows = rows_from_pairs(pairs)
    built = time.perf_counter()
    findings = check_rows(rows)
    done, cpu = time.perf_counter(), time.process_time() - cpu_started
    total = done - started
    # The CPU time is what a busy shared machine changes least (the wall time waits for other work too).
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(pairs)} pairs: rows {built - started:.1f} s, checks {done - built:.1f} s, total {total:.1f} s "
          f"= {len(pairs) / total:,.0f} pairs/second (CPU {cpu:.1f} s); {len(findings)} findings; peak RSS {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
