"""Score ladder files against gold ones: the API behind ``corpus-align eval``."""

from __future__ import annotations

from pathlib import Path

from .aligner.evaluate import pool, read_ladder, score
from .errors import InputError
from .io.read import read_text


def _ladder(path: Path):
    source = read_text(path, allow_empty=True)
    try:
        return read_ladder(source.text)
    except ValueError as error:
        raise InputError(str(path), f"not a ladder file: {error}") from None


def _pairs(gold: Path, test: Path) -> list[tuple[str, Path, Path]]:
    if gold.is_dir() != test.is_dir():
        raise InputError(str(test if gold.is_dir() else gold), "give two files or two folders of ladder files")
    if not gold.is_dir():
        return [(gold.name, gold, test)]
    golds = {p.name: p for p in sorted(gold.iterdir()) if p.is_file() and not p.name.startswith(".")}
    tests = {p.name: p for p in sorted(test.iterdir()) if p.is_file() and not p.name.startswith(".")}
    missing = sorted(set(golds) - set(tests))
    if missing:
        raise InputError(str(test), f"has no test ladder for {len(missing)} gold file(s): {', '.join(missing[:5])}")
    if not golds:
        raise InputError(str(gold), "holds no ladder files")
    return [(name, golds[name], tests[name]) for name in sorted(golds)]


def _summary(scores: dict) -> dict:
    return {
        mode: {"precision": scores[f"{mode}_p"], "recall": scores[f"{mode}_r"], "f1": scores[f"{mode}_f1"]}
        for mode in ("strict", "lax")
    }


def evaluate_paths(gold: str | Path, test: str | Path) -> dict:
    """Score a test ladder file (or folder of them, matched by name) against gold; documents are pooled.

    Strict: a bead counts only when identical; lax: when its Chinese and
    English overlap a bead of the other side. Precision is over all test
    beads, recall over gold beads that have both sides (Vecalign's scorer).

    >>> evaluate_paths("gold/001.align", "test/001.align")["strict"]["f1"]  # doctest: +SKIP
    0.9
    """
    per_document = {}
    scores = []
    for name, gold_path, test_path in _pairs(Path(gold), Path(test)):
        document_score = score(_ladder(gold_path), _ladder(test_path))
        scores.append(document_score)
        per_document[name] = _summary(document_score)
    pooled = pool(scores)
    return {
        **_summary(pooled),
        "documents": len(scores),
        "gold_beads": int(pooled["n_gold"]),
        "test_beads": int(pooled["n_test"]),
        "per_document": per_document,
    }
