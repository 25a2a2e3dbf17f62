"""Alignment quality on MAC-Dev: corpus-align against nltk's Gale–Church in one run.

Every chapter of ../shared/bench/mac-dev is aligned as `corpus-align align
--presegmented` does (through the same API), scored against the gold ladders
with the Vecalign/Bertalign metric, and pooled over chapters. nltk's
``gale_church.align_blocks`` (sentence lengths in characters, one block per
chapter) runs on the same data as the baseline.

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


def gale_church_beads(zh_lines: list[str], en_lines: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """nltk's Gale–Church on one block, turned into beads (its output is 1-1 links between sentence ids)."""
    from nltk.translate.gale_church import align_blocks

    links = align_blocks([len(s) for s in zh_lines], [len(s) for s in en_lines])
    # Group links into beads: connected components of the link graph.
    beads: list[tuple[set[int], set[int]]] = []
    for zh_id, en_id in sorted(links):
        if beads and (zh_id in beads[-1][0] or en_id in beads[-1][1]):
            beads[-1][0].add(zh_id)
            beads[-1][1].add(en_id)
        else:
            beads.append(({zh_id}, {en_id}))
    linked_zh = {z for z, _ in links}
    linked_en = {e for _, e in links}
    result = [(tuple(sorted(z)), tuple(sorted(e))) for z, e in beads]
    result += [((z,), ()) for z in range(len(zh_lines)) if z not in linked_zh]
    result += [((), (e,)) for e in range(len(en_lines)) if e not in linked_en]
    return result


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
