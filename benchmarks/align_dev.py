"""Alignment quality on MAC-Dev: per-chapter and pooled strict/lax P/R/F1, with a Gale–Church baseline.

Usage::

    python benchmarks/align_dev.py [--bench /work/shared/bench/mac-dev] [--no-realign]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpus_align.aligner.engine import align_document
from corpus_align.aligner.evaluate import pool, read_ladder, score

DEFAULT_BENCH = Path("/work/shared/bench/mac-dev")


def load(bench: Path) -> list[tuple[str, list[str], list[str], list]]:
    docs = []
    for gold in sorted((bench / "gold").glob("*.align")):
        name = gold.stem
        zh = (bench / "zh" / name).read_text("utf-8").splitlines()
        en = (bench / "en" / name).read_text("utf-8").splitlines()
        docs.append((name, zh, en, read_ladder(gold.read_text("utf-8"))))
    return docs


def gale_church(zh: list[str], en: list[str]) -> list:
    """nltk's Gale–Church with character lengths, the whole chapter as one block."""
    from nltk.translate.gale_church import align_blocks

    zl = [max(1, len(s.replace(" ", ""))) for s in zh]
    el = [max(1, len(s.replace(" ", ""))) for s in en]
    # nltk assumes equal expected lengths; rescale the Chinese side by the chapter's ratio.
    ratio = sum(el) / sum(zl)
    pairs = align_blocks([max(1, round(x * ratio)) for x in zl], el)
    zh_of: dict[int, set[int]] = {}
    # Turn sentence links into beads: connected components of the link graph.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(("z", a))] = find(("e", b))
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for i in range(len(zh)):
        groups.setdefault(find(("z", i)), (set(), set()))[0].add(i)
    for j in range(len(en)):
        groups.setdefault(find(("e", j)), (set(), set()))[1].add(j)
    beads = [(tuple(sorted(z)), tuple(sorted(e))) for z, e in groups.values()]
    del zh_of
    return sorted(beads, key=lambda b: (min(b[0], default=1e9) if b[0] else min(b[1]) - 0.5, min(b[1], default=1e9)))


def fmt(s: dict) -> str:
    return (
        f"strict P {s['strict_p']:.3f} R {s['strict_r']:.3f} F1 {s['strict_f1']:.3f} | "
        f"lax P {s['lax_p']:.3f} R {s['lax_r']:.3f} F1 {s['lax_f1']:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--no-realign", action="store_true")
    args = parser.parse_args()
    docs = load(args.bench)
    ours, baseline = [], []
    print("corpus-align engine (realign=%s)" % (not args.no_realign))
    total = 0.0
    for name, zh, en, gold in docs:
        start = time.perf_counter()
        result = align_document(zh, en, realign=not args.no_realign)
        elapsed = time.perf_counter() - start
        total += elapsed
        s = score(gold, [(b.zh, b.en) for b in result.beads])
        ours.append(s)
        print(f"  {name}: {fmt(s)} | evidence {result.evidence:.3f} | {elapsed:.2f}s")
    print(f"  pooled: {fmt(pool(ours))} | {total:.2f}s")
    print("nltk gale_church.align_blocks (character lengths, one block per chapter)")
    total = 0.0
    for name, zh, en, gold in docs:
        start = time.perf_counter()
        test = gale_church(zh, en)
        elapsed = time.perf_counter() - start
        total += elapsed
        s = score(gold, test)
        baseline.append(s)
        print(f"  {name}: {fmt(s)} | {elapsed:.2f}s")
    print(f"  pooled: {fmt(pool(baseline))} | {total:.2f}s")


if __name__ == "__main__":
    main()
