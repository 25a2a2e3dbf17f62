"""Time `corpus-align batch` on a release of 240 documents with 1 and 2 workers, and a re-run.

The release is cut from the MAC-Dev chapters (../shared/bench/mac-dev): each
chapter is split into pieces of 8–40 consecutive sentences (Chinese and the
English aligned to them by the gold ladder), written as running text in three
layouts (NAME.zh.txt + NAME.en.txt, zh/ + en/ folders, and bilingual files),
plus copies of the bundled sample. A fixed seed makes it repeatable.

Run: python benchmarks/batch_release.py [MAC_DEV_DIR] [--documents N]
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "bench" / "mac-dev"
SAMPLE = ROOT / "data" / "samples" / "000_389ae536b82fb46d.txt"


def build_release(mac_dev: Path, target: Path, documents: int, seed: int = 7) -> tuple[int, int]:
    from corpus_align.aligner.evaluate import read_ladder

    rng = random.Random(seed)
    chapters = []
    for gold in sorted((mac_dev / "gold").glob("*.align")):
        zh = (mac_dev / "zh" / gold.stem).read_text("utf-8").splitlines()
        en = (mac_dev / "en" / gold.stem).read_text("utf-8").splitlines()
        chapters.append((zh, en, [b for b in read_ladder(gold.read_text("utf-8")) if b[0] and b[1]]))
    made = sentences = 0
    while made < documents:
        if made % 20 == 19:
            shutil.copy(SAMPLE, target / f"sample_{made:03d}.txt")
            made += 1
            continue
        zh, en, beads = rng.choice(chapters)
        size = rng.randint(8, 40)
        start = rng.randrange(0, max(1, len(beads) - size))
        piece = beads[start : start + size]
        zh_text = "".join(zh[i] for bead in piece for i in bead[0])
        en_text = " ".join(en[j] for bead in piece for j in bead[1])
        sentences += sum(len(b[0]) + len(b[1]) for b in piece)
        layout = made % 3
        name = f"doc_{made:03d}"
        if layout == 0:
            (target / f"{name}.zh.txt").write_text(zh_text + "\n", "utf-8")
            (target / f"{name}.en.txt").write_text(en_text + "\n", "utf-8")
        elif layout == 1:
            for lang, text in (("zh", zh_text), ("en", en_text)):
                folder = target / "chapters" / lang
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{name}.txt").write_text(text + "\n", "utf-8")
        else:
            (target / f"{name}.txt").write_text(zh_text + "\n\n" + en_text + "\n", "utf-8")
        made += 1
    return made, sentences


def timed_batch(release: Path, out: Path, workers: int) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "corpus_align", "batch", str(release), "-o", str(out), "--workers", str(workers)],
        capture_output=True, text=True,
    )
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr)
    print("   ", result.stderr.strip().splitlines()[-1])
    return seconds


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mac_dev", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--documents", type=int, default=240)
    args = parser.parse_args()
    documents, mac_dev = args.documents, args.mac_dev
    with tempfile.TemporaryDirectory() as scratch:
        release = Path(scratch) / "release"
        release.mkdir()
        made, sentences = build_release(mac_dev, release, documents)
        print(f"release: {made} documents, {sentences} sentences (both sides)")
        results = {}
        for workers in (1, 2):
            out = Path(scratch) / f"out{workers}"
            seconds = timed_batch(release, out, workers)
            results[workers] = seconds
            print(f"--workers {workers}: {seconds:6.1f} s  {made / seconds:6.2f} documents/s")
        rerun = timed_batch(release, Path(scratch) / "out2", 2)
        print(f"speed-up with 2 workers: {results[1] / results[2]:.2f}x")
        print(f"second run, nothing changed (--workers 2): {rerun:.1f} s")


if __name__ == "__main__":
    main()
