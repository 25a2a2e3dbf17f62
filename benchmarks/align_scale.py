"""Alignment time and peak memory against document length.

Builds long documents by concatenating MAC-Dev chapters in a shuffled order
(the same order on both sides, chapters repeated as needed) up to N Chinese
sentences, cut at a gold bead boundary; then joins random pairs of adjacent
English sentences until the English side has ~0.75 N sentences (MAC-Dev has
1.33 English sentences per Chinese one, the issue asks for 0.75).  Each size
runs in a fresh child process; its peak RSS is read with
``resource.getrusage(RUSAGE_CHILDREN)``.

Usage::

    python benchmarks/align_scale.py [--sizes 5000 10000 20000 40000] [--no-realign]
    python benchmarks/align_scale.py --cli [--checks]   # the corpus-align command, end to end
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "mac-dev"


def build(n_zh: int, en_ratio: float = 0.75, seed: int = 0) -> tuple[list[str], list[str]]:
    from corpus_align.aligner.evaluate import read_ladder

    chapters = []
    for gold in sorted((BENCH / "gold").glob("*.align")):
        zh = (BENCH / "zh" / gold.stem).read_text("utf-8").splitlines()
        en = (BENCH / "en" / gold.stem).read_text("utf-8").splitlines()
        chapters.append((zh, en, read_ladder(gold.read_text("utf-8"))))
    rng = random.Random(seed)
    zh_out: list[str] = []
    en_out: list[str] = []
    while len(zh_out) < n_zh:
        order = list(range(len(chapters)))
        rng.shuffle(order)
        for c in order:
            zh, en, gold = chapters[c]
            for z, e in gold:
                if len(zh_out) >= n_zh:
                    break
                zh_out.extend(zh[i] for i in z)
                en_out.extend(en[j] for j in e)
    target = int(en_ratio * n_zh)
    while len(en_out) > target:
        # Join pairs of neighbours in one sweep over random positions.
        excess = len(en_out) - target
        picks = sorted(rng.sample(range(0, len(en_out) - 1, 2), min(excess, (len(en_out) - 1) // 2)), reverse=True)
        for j in picks:
            en_out[j : j + 2] = [en_out[j] + " " + en_out[j + 1]]
    return zh_out, en_out


def child(n_zh: int, realign: bool) -> None:
    from corpus_align.aligner.engine import align_document

    align_document(["我去了重庆。"], ["I went to Chongqing."])  # load lexicon, jieba and compiled kernels
    zh, en = build(n_zh)
    start = time.perf_counter()
    result = align_document(zh, en, realign=realign)
    elapsed = time.perf_counter() - start
    print(json.dumps({"zh": len(zh), "en": len(en), "seconds": elapsed, "beads": len(result.beads), "evidence": result.evidence}))


def cli_runs(sizes: list[int], checks: bool) -> None:
    """Time the product command, `corpus-align align ZH EN --presegmented`, end to end (start-up and writing included)."""
    import tempfile

    label = "with checks" if checks else "--no-check"
    print(f"corpus-align align --presegmented ({label}); each size in a fresh process")
    print(f"{'zh':>7} {'en':>7} {'seconds':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        for size in sorted(sizes):
            zh, en = build(size)
            zh_path, en_path = Path(scratch) / "zh.txt", Path(scratch) / "en.txt"
            zh_path.write_text("\n".join(zh) + "\n", "utf-8")
            en_path.write_text("\n".join(en) + "\n", "utf-8")
            command = [sys.executable, "-m", "corpus_align", "align", str(zh_path), str(en_path), "--presegmented",
                       "-o", str(Path(scratch) / "out.tsv")] + ([] if checks else ["--no-check"])
            wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
                       "subprocess.run(sys.argv[1:], check=True); "
                       "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
            out = subprocess.run([sys.executable, "-c", wrapper, *command], check=True, capture_output=True, text=True).stdout
            seconds, peak_kb = out.split()
            print(f"{len(zh):>7} {len(en):>7} {float(seconds):>8.1f} {int(peak_kb) / 1024:>8.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[5000, 10000, 20000, 40000])
    parser.add_argument("--no-realign", action="store_true")
    parser.add_argument("--cli", action="store_true", help="time the corpus-align command instead of the engine")
    parser.add_argument("--checks", action="store_true", help="with --cli: keep the QA checks on")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, not args.no_realign)
        return
    if args.cli:
        cli_runs(args.sizes, args.checks)
        return
    print(f"{'zh':>7} {'en':>7} {'seconds':>8} {'peak MB':>8}")
    for size in sorted(args.sizes):
        command = [sys.executable, __file__, "--child", str(size)] + (["--no-realign"] if args.no_realign else [])
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        # ru_maxrss of children is the largest child so far; sizes run in increasing order.
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{row['zh']:>7} {row['en']:>7} {row['seconds']:>8.1f} {peak_mb:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
