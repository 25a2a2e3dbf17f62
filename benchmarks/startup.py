"""Start-up time of ``corpus-align --help`` and of the first segmentation (jieba cache warm).

Run: python benchmarks/startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "000_389ae536b82fb46d.txt"


def timed(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "corpus_align", *args], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    print(f"corpus-align --help            median {timed(['--help']):.3f} s")
    print(f"corpus-align segment SAMPLE    median {timed(['segment', str(SAMPLE)]):.3f} s")


if __name__ == "__main__":
    main()
