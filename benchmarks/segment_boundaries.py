"""Sentence-boundary precision/recall and speed on ../shared/bench/mac-dev.

Each chapter's lines (one sentence per line) are joined into running text
(English with a space, Chinese with nothing), re-segmented by corpus-align,
and the predicted boundaries are compared with the line boundaries. The gold
comes from the corpus's own splitter, which also splits inside quotations, so
100% is not the aim.

Run: python benchmarks/segment_boundaries.py [MAC_DEV_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from corpus_align.io.read import document_of
from corpus_align.model import SourceText
from corpus_align.segment import segment

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "mac-dev"


def boundaries(lines: list[str], joiner: str) -> tuple[str, set[int]]:
    text, cuts, position = "", set(), 0
    for i, line in enumerate(lines):
        if i:
            text += joiner
            position += len(joiner)
            cuts.add(position)
        text += line
        position += len(line)
    return text, cuts


def evaluate(folder: Path, lang: str) -> tuple[int, int, int, float, int]:
    true_positive = predicted_count = gold_count = 0
    seconds = 0.0
    size = 0
    for path in sorted((folder / lang).iterdir()):
        lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        text, gold = boundaries(lines, " " if lang == "en" else "")
        source = SourceText(path.name, text, "utf-8")
        started = time.perf_counter()
        document = segment(document_of(source, lang))
        seconds += time.perf_counter() - started
        size += len(text.encode("utf-8"))
        predicted = {s.start for s in document.sentences[1:]}
        true_positive += len(predicted & gold)
        predicted_count += len(predicted)
        gold_count += len(gold)
    return true_positive, predicted_count, gold_count, seconds, size


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    # Warm up jieba/OpenCC/Punkt so the timing measures segmentation, not loading.
    segment(document_of(SourceText("warm", "你好。", "utf-8"), "zh"))
    segment(document_of(SourceText("warm", "Hello. World.", "utf-8"), "en"))
    print(f"{'lang':<5}{'precision':>10}{'recall':>8}{'F1':>7}{'gold':>7}{'seconds':>9}{'s/MB':>8}")
    for lang in ("en", "zh"):
        tp, predicted, gold, seconds, size = evaluate(folder, lang)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_mb = seconds / (size / 1e6)
        print(f"{lang:<5}{precision:>10.3f}{recall:>8.3f}{f1:>7.3f}{gold:>7}{seconds:>9.2f}{per_mb:>8.2f}")


if __name__ == "__main__":
    main()
