"""The bead score: a calibrated probability that the bead is right (aligner/probability.py)."""

import numpy as np
import pytest

from corpus_align.aligner import params
from corpus_align.aligner.engine import RawBead, align_document, evidence_strength
from corpus_align.aligner.probability import INPUTS, probability

from ..conftest import bench_dir
from .test_engine import EN, ZH


def _news(lines: int = 200) -> tuple[list[str], list[str]]:
    base = bench_dir("newdomains-dev")
    zh = (base / "zh" / "news-wmt21-enzh").read_text("utf-8").splitlines()[:lines]
    en = (base / "en" / "news-wmt21-enzh").read_text("utf-8").splitlines()[:lines]
    return zh, en


def test_probability_scores_are_in_zero_one_and_the_raw_score_is_kept():
    result = align_document(ZH, EN)
    assert all(0.0 <= b.score <= 1.0 and 0.0 <= b.raw_score <= 1.0 for b in result.beads)
    assert result.inputs is not None and result.inputs.shape == (len(result.beads), len(INPUTS))


def test_probability_clean_translation_scores_high():
    assert min(b.score for b in align_document(ZH, EN).beads) >= 0.9


def test_probability_unrelated_lines_score_low_and_the_rest_high():
    zh, en = _news()
    other = (bench_dir("newdomains-dev") / "en" / "pydoc-faq").read_text("utf-8").splitlines()
    clean = align_document(zh, en).beads
    assert min(b.score for b in clean) > 0.5
    assert np.mean([b.score >= 0.9 for b in clean]) > 0.95
    wrong = list(en)
    wrong[50], wrong[150] = other[10], other[30]  # two English lines from another document
    beads = align_document(zh, wrong).beads
    replaced = [b for b in beads if set(b.en) & {50, 150}]
    assert replaced and all(b.score < 0.5 for b in replaced)
    assert np.mean([b.score >= 0.9 for b in beads if not set(b.en) & {50, 150}]) > 0.95


def test_probability_parameters_load_and_name_every_input():
    assert set(params.BEAD_PROBABILITY) == set(INPUTS) | {"intercept"}
    p = probability(np.zeros((2, len(INPUTS))))
    assert p.shape == (2,) and ((p > 0) & (p < 1)).all()
    with pytest.raises(ValueError, match="valid: intercept"):
        probability(np.zeros((1, len(INPUTS))), {"nope": 1.0})


def test_probability_does_not_feed_back_into_the_evidence_strength():
    assert evidence_strength([RawBead((0,), (0,), 0.99, 0.4), RawBead((1,), (1,), 0.01, 0.2)]) == pytest.approx(0.3)
