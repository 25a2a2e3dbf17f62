"""Alignment time, peak memory and quality against document length, on real text.

Each document is built by ``devsets.scale_doc``: the distinct dev documents
(6 MAC-Dev chapters, then the 22 NewDomains-Dev documents other than
``long-*``) concatenated in order and cycled whole until the Chinese side has
N lines (cut at a gold bead boundary); then random neighbouring English lines
are joined (seeded) until English has round(0.75 N) lines, the gold beads a
join spans being merged.  So every size is scored too: strict and lax F1
against that gold, and the one-sided share (test beads with an empty side /
all test beads).  Each size runs in a fresh child process, which reports its
own peak RSS (``resource.getrusage``).

Timing assumes warm caches.  numba caches its compiled kernels on disk, and
the first run after a change of the engine compiles them: run the script once
before timing.  In engine mode the child aligns one small pair before the
clock starts (lexicon, jieba and kernels loaded); in ``--cli`` mode one tiny
run of the command fills numba's cache first, and then the command is timed
end to end, start-up and writing the ladder included.

Usage::

    python benchmarks/align_scale.py [--sizes 5000 10000 20000 40000] [--no-realign] [--json FILE]
    python benchmarks/align_scale.py --cli [--checks]   # python -m corpus_align align ... --format ladder, scored
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import devsets
from align_quality import engine_align, measure
from corpus_align.aligner.evaluate import read_ladder


def build(n_zh: int, seed: int, bench: Path) -> devsets.EvalDoc:
    docs = devsets.distinct(devsets.load_mac(bench) + devsets.load_newdomains(bench))
    return devsets.scale_doc(docs, n_zh, seed=seed)


def child(n_zh: int, realign: bool, seed: int, bench: Path) -> None:
    """Engine mode, in a fresh process: warm up, align one document, print one JSON line."""
    options = {} if realign else {"realign": False}
    engine_align(["我去了重庆。"], ["I went to Chongqing."], **options)  # lexicon, jieba, compiled kernels
    doc = build(n_zh, seed, bench)
    started = time.perf_counter()
    test = engine_align(doc.zh, doc.en, **options)
    result = measure(doc, test, time.perf_counter() - started)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


# The command runs under this wrapper, which reports its wall time and its peak RSS.
WRAPPER = ("import json, resource, subprocess, sys, time; t = time.perf_counter(); "
           "code = subprocess.run(sys.argv[1:]).returncode; "
           "print(json.dumps({'code': code, 'seconds': time.perf_counter() - t, "
           "'peak_rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")


def run_cli(doc: devsets.EvalDoc, scratch: Path, checks: bool, realign: bool) -> dict:
    """Write the document, run ``python -m corpus_align align`` on it under :data:`WRAPPER`, score the ladder it writes."""
    zh_path, en_path, out_path = scratch / "zh.txt", scratch / "en.txt", scratch / "out.ladder"
    zh_path.write_text("\n".join(doc.zh) + "\n", "utf-8")
    en_path.write_text("\n".join(doc.en) + "\n", "utf-8")
    out_path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "corpus_align", "align", str(zh_path), str(en_path), "--presegmented",
               "--format", "ladder", "-o", str(out_path)]
    command += ([] if checks else ["--no-check"]) + ([] if realign else ["--no-realign"])
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True)
    timing = json.loads(done.stdout.strip().splitlines()[-1])
    if timing["code"] != 0:
        raise RuntimeError(f"corpus_align align exited with {timing['code']}: {done.stderr.strip().splitlines()[-1:]}")
    result = measure(doc, read_ladder(out_path.read_text("utf-8")), timing["seconds"])
    result["peak_rss_mb"] = timing["peak_rss_mb"]
    return result


def run_engine(size: int, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--child", str(size), "--seed", str(args.seed), "--bench", str(args.bench)]
    command += ["--no-realign"] if args.no_realign else []
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"child exited with {done.returncode}: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


HEADER = f"{'zh':>7} {'en':>7} {'seconds':>8} {'peak MB':>8} {'str-F1':>7} {'lax-F1':>7} {'1-side':>7} {'gold 1s':>7}"


def row(r: dict) -> str:
    s = r["score"]
    return (f"{r['n_zh']:>7} {r['n_en']:>7} {r['seconds']:>8.1f} {r['peak_rss_mb']:>8.0f} "
            f"{s['strict_f1']:>7.3f} {s['lax_f1']:>7.3f} {r['one_sided_share']:>7.3f} {r['gold_nulls'] / max(1, len_gold(r)):>7.3f}")


def len_gold(r: dict) -> int:
    """Gold beads of a result: those with both sides plus the one-sided ones."""
    return int(r["score"]["n_gold"]) + r["gold_nulls"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="Example: python benchmarks/align_scale.py --sizes 5000 40000 --json scale.json")
    parser.add_argument("--sizes", type=int, nargs="*", default=[5000, 10000, 20000, 40000], help="Chinese lines per document")
    parser.add_argument("--no-realign", action="store_true", help="align without the second pass")
    parser.add_argument("--cli", action="store_true", help="time the corpus-align command instead of the engine")
    parser.add_argument("--checks", action="store_true", help="with --cli: keep the QA checks on")
    parser.add_argument("--seed", type=int, default=0, help="seed of the English joins (default 0)")
    parser.add_argument("--bench", type=Path, default=devsets.BENCH, help="folder holding mac-dev/ and newdomains-dev/")
    parser.add_argument("--json", type=Path, help="write every number to this JSON file")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, not args.no_realign, args.seed, args.bench)
        return

    if args.cli:
        mode = f"python -m corpus_align align --presegmented --format ladder{'' if args.checks else ' --no-check'}"
    else:
        mode = "corpus_align.alignment.align(presegmented=True)"
    print(f"{mode}{' --no-realign' if args.no_realign else ''}; real text, English joined to 0.75 N; "
          f"each size in a fresh process; seed {args.seed}", flush=True)
    print(HEADER, flush=True)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        if args.cli:  # fill numba's on-disk cache so the first size does not pay for compiling
            run_cli(devsets.EvalDoc("warm-up", "scale", "mixed", ["我去了重庆。"], ["I went to Chongqing."], [((0,), (0,))], True),
                    scratch, args.checks, not args.no_realign)
        for size in sorted(args.sizes):
            try:
                if args.cli:
                    result = run_cli(build(size, args.seed, args.bench), scratch, args.checks, not args.no_realign)
                else:
                    result = run_engine(size, args)
            except RuntimeError as error:
                print(f"{size:>7} failed: {error}", flush=True)
                continue
            results.append(result)
            print(row(result), flush=True)
    if args.json:
        report = {"mode": "cli" if args.cli else "engine", "checks": args.checks, "realign": not args.no_realign,
                  "seed": args.seed, "results": results}
        args.json.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
        print(f"numbers written to {args.json}", flush=True)


if __name__ == "__main__":
    main()
