"""Deletion sweep on MAC-Dev: does a sentence whose translation is missing come out as a null bead?

For every chapter, every 10th 1-1 gold bead whose Chinese has more than 15
characters (starting at the 4th) is a victim.  Two runs per chapter: delete
the victims' English (expect ``1-0`` beads), then separately their Chinese
(expect ``0-1``).  Prints the recovery (share of victims that come out
exactly as the expected null bead) per side and the pooled strict F1 on the
gold ladders adjusted for the deletions, plus the pooled strict F1 of the
undeleted chapters.

Usage::

    python benchmarks/align_deletions.py [--bench /work/shared/bench/mac-dev] [--step 10] [--offset 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpus_align.aligner.engine import align_document
from corpus_align.aligner.evaluate import pool, read_ladder, score

DEFAULT_BENCH = Path("/work/shared/bench/mac-dev")


def load(bench: Path):
    docs = []
    for gold in sorted((bench / "gold").glob("*.align")):
        name = gold.stem
        zh = (bench / "zh" / name).read_text("utf-8").splitlines()
        en = (bench / "en" / name).read_text("utf-8").splitlines()
        docs.append((name, zh, en, read_ladder(gold.read_text("utf-8"))))
    return docs


def deletion_cases(docs, step: int = 10, offset: int = 3):
    """Yield ``(chapter, side, zh, en, adjusted gold, expected null beads)``."""
    for name, zh, en, gold in docs:
        victims = [b for b in gold if len(b[0]) == 1 and len(b[1]) == 1 and len(zh[b[0][0]]) > 15][offset::step]
        if not victims:
            continue
        drop_en = {b[1][0] for b in victims}
        keep = [j for j in range(len(en)) if j not in drop_en]
        new = {j: x for x, j in enumerate(keep)}
        g_en = [(z, tuple(new[j] for j in e if j in new)) for z, e in gold]
        yield name, "en", zh, [en[j] for j in keep], g_en, [(b[0], ()) for b in victims]
        drop_zh = {b[0][0] for b in victims}
        keep = [i for i in range(len(zh)) if i not in drop_zh]
        new = {i: x for x, i in enumerate(keep)}
        g_zh = [(tuple(new[i] for i in z if i in new), e) for z, e in gold]
        yield name, "zh", [zh[i] for i in keep], en, g_zh, [((), b[1]) for b in victims]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--step", type=int, default=10)
    parser.add_argument("--offset", type=int, default=3)
    args = parser.parse_args()
    docs = load(args.bench)
    start = time.perf_counter()
    clean = [score(gold, [(b.zh, b.en) for b in align_document(zh, en).beads]) for _, zh, en, gold in docs]
    found = {"en": 0, "zh": 0}
    total = {"en": 0, "zh": 0}
    scores = []
    print("chapter side found/victims strict_F1(adjusted gold)")
    for name, side, zh, en, gold, expect in deletion_cases(docs, args.step, args.offset):
        beads = [(b.zh, b.en) for b in align_document(zh, en).beads]
        have = set(beads)
        hit = sum(1 for e in expect if e in have)
        found[side] += hit
        total[side] += len(expect)
        s = score(gold, beads)
        scores.append(s)
        print(f"  {name} {'1-0' if side == 'en' else '0-1'} {hit}/{len(expect)} {s['strict_f1']:.3f}")
    all_found, all_total = sum(found.values()), sum(total.values())
    print(f"recovery 1-0 (English deleted): {found['en']}/{total['en']} = {found['en'] / max(total['en'], 1):.3f}")
    print(f"recovery 0-1 (Chinese deleted): {found['zh']}/{total['zh']} = {found['zh'] / max(total['zh'], 1):.3f}")
    print(f"recovery all: {all_found}/{all_total} = {all_found / max(all_total, 1):.3f}")
    print(f"pooled strict F1 on adjusted gold: {pool(scores)['strict_f1']:.4f}")
    print(f"pooled strict F1 without deletions: {pool(clean)['strict_f1']:.4f} | {time.perf_counter() - start:.1f}s")


if __name__ == "__main__":
    main()
