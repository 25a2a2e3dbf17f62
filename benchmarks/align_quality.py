"""Alignment quality on MAC-Dev: corpus-align against nltk's Gale–Church in one run.

Every chapter of ../shared/bench/mac-dev is aligned as `corpus-align align
--presegmented` does (through the same API), scored against the gold ladders
with the Vecalign/Bertalign metric, and pooled over chapters. nltk's
``gale_church.align_blocks`` (sentence lengths in characters, the Chinese
rescaled by the chapter's length ratio since nltk expects equal lengths, one
block per chapter) runs on the same data as the baseline.

Run: python benchmarks/align_quality.py [MAC_DEV_DIR] [--no-realign]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from corpus_align.aligner.evaluate import pool, read_ladder, score
from corpus_align.alignment import align_files

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "mac-dev"
PUBLISHED = [("Gale–Church", 0.485), ("Hunalign", 0.610), ("Bleualign", 0.641), ("Vecalign", 0.863), ("Bertalign", 0.911)]


def gale_church_beads(zh: list[str], en: list[str]) -> list:
    """nltk's Gale–Church with character lengths, the whole chapter as one block."""
    from nltk.translate.gale_church import align_blocks

    zl = [max(1, len(s.replace(" ", ""))) for s in zh]
    el = [max(1, len(s.replace(" ", ""))) for s in en]
    # nltk assumes equal expected lengths; rescale the Chinese side by the chapter's ratio.
    ratio = sum(el) / sum(zl)
    pairs = align_blocks([max(1, round(x * ratio)) for x in zl], el)
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
    return sorted(beads, key=lambda b: (min(b[0], default=1e9) if b[0] else min(b[1]) - 0.5, min(b[1], default=1e9)))


def row(name: str, s: dict, seconds: float) -> str:
    return (f"{name:<14}{s['strict_p']:>8.3f}{s['strict_r']:>8.3f}{s['strict_f1']:>8.3f}"
            f"{s['lax_p']:>8.3f}{s['lax_r']:>8.3f}{s['lax_f1']:>8.3f}{seconds:>9.2f}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    realign = "--no-realign" not in sys.argv
    folder = Path(args[0]) if args else DEFAULT
    header = f"{'':<14}{'str-P':>8}{'str-R':>8}{'str-F1':>8}{'lax-P':>8}{'lax-R':>8}{'lax-F1':>8}{'seconds':>9}"
    ours, baseline = [], []
    ours_time = base_time = 0.0
    print("corpus-align" + ("" if realign else " (no realign)"))
    print(header)
    for gold_path in sorted((folder / "gold").glob("*.align")):
        name = gold_path.stem
        zh_path, en_path = folder / "zh" / name, folder / "en" / name
        gold = read_ladder(gold_path.read_text("utf-8"))
        started = time.perf_counter()
        result = align_files(zh_path, en_path, presegmented=True, realign=realign)
        seconds = time.perf_counter() - started
        ours_time += seconds
        s = score(gold, [(b.zh, b.en) for b in result.beads])
        ours.append(s)
        print(row(name, s, seconds))

        zh_lines = [l for l in zh_path.read_text("utf-8").splitlines() if l.strip()]
        en_lines = [l for l in en_path.read_text("utf-8").splitlines() if l.strip()]
        started = time.perf_counter()
        baseline.append(score(gold, gale_church_beads(zh_lines, en_lines)))
        base_time += time.perf_counter() - started
    print(row("pooled", pool(ours), ours_time))
    print()
    print("nltk gale_church.align_blocks (baseline, same run)")
    print(header)
    print(row("pooled", pool(baseline), base_time))
    print()
    print("published strict F1 on MAC-Dev: " + ", ".join(f"{n} {f:.3f}" for n, f in PUBLISHED))


if __name__ == "__main__":
    main()
