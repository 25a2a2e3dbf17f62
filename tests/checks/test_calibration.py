"""Calibrated confidence of findings (corpus_align.checks.calibration)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from corpus_align.checks import check_rows, rows_from_pairs
from corpus_align.checks.calibration import calibrate, confidence_of, finding_features, shipped_models
from corpus_align.errors import UsageError
from corpus_align.model import CheckRow, Finding

INJECTED_KINDS = {"entity-missing", "number-mismatch", "typo", "untranslated", "omission", "addition"}


def _rows(n: int) -> list[CheckRow]:
    return [CheckRow(i, "他来了。", "他来了。", "He came.") for i in range(1, n + 1)]


def test_calibration_every_injected_code_has_a_shipped_model_with_its_figures():
    data = json.loads(resources.files("corpus_align.resources").joinpath("checks", "calibration.json").read_text("utf-8"))
    assert set(shipped_models()) == INJECTED_KINDS == set(data["codes"])
    assert "seeds" in data["data"] and data["fitted_by"].startswith("python benchmarks/calibrate_findings.py")
    for entry in data["codes"].values():
        assert {"findings", "right", "kept", "precision", "right_kept"} <= set(entry["figures"])
        assert entry["leave_one_domain_out"]


def test_calibration_the_same_evidence_on_many_rows_counts_as_repeated():
    findings = [Finding("entity-missing", "error", row, "m", zh_text="上帝") for row in (1, 2, 3)]
    findings.append(Finding("entity-missing", "error", 4, "m", zh_text="王五"))
    features = finding_features(findings, _rows(10))
    assert [round(f["repeats"], 3) for f in features] == [1.099] * 3 + [0.0]


def test_calibration_a_document_full_of_findings_does_not_make_each_less_believable():
    one = [Finding("typo", "warning", 1, "m", en_text="teh")]
    many = one + [Finding("typo", "warning", row, "m", en_text=f"wrod{row}") for row in range(2, 10)]
    assert finding_features(one, _rows(10))[0] == finding_features(many, _rows(10))[0]


def test_calibration_a_finding_s_confidence_does_not_depend_on_other_codes():
    rows = rows_from_pairs([("他二十一岁，在北京。", "He is twenty-two, in Bejing."), ("我很好。", "I am fine.")])
    every = {(f.code, f.row): f.confidence for f in check_rows(rows)}
    alone = {(f.code, f.row): f.confidence for f in check_rows(rows, select=["number-mismatch"])}
    assert alone and all(every[key] == confidence for key, confidence in alone.items())


def test_calibration_codes_without_a_model_have_no_confidence():
    finding = Finding("whitespace", "info", 1, "m")
    assert calibrate([finding], _rows(1), {"typo": {"intercept": 3.0}}) == [finding]
    assert calibrate([finding], _rows(1), {"typo": {"intercept": 3.0}})[0].confidence is None


def test_calibration_confidence_follows_the_model_and_stays_in_range():
    assert confidence_of({"intercept": 0.0}, {}) == 0.5
    assert confidence_of({"intercept": 1e6}, {}) <= 1.0 and confidence_of({"intercept": -1e6}, {}) >= 0.0
    surer = confidence_of({"intercept": 0.0, "margin": 2.0}, {"margin": 1.0})
    assert surer > confidence_of({"intercept": 0.0, "margin": 2.0}, {"margin": 0.1})


def test_calibration_findings_of_a_row_come_surest_first():
    rows = rows_from_pairs([("他二十一岁，住在成都。", "Twenty-two years old, he lives in 成都 and recieves letters.  Yes.")]
                           + [("我很好。", "I am fine.")] * 5)
    findings = [f for f in check_rows(rows) if f.row == 1]
    calibrated = [f.confidence for f in findings if f.confidence is not None]
    assert len(calibrated) >= 3 and calibrated == sorted(calibrated, reverse=True)
    # Codes without a confidence (whitespace here) follow those with one.
    assert [f.confidence is None for f in findings] == [False] * len(calibrated) + [True] * (len(findings) - len(calibrated))
    assert len(findings) > len(calibrated)


def test_calibration_min_confidence_drops_the_less_sure_and_keeps_codes_without_one():
    rows = rows_from_pairs([("他二十一岁。", "He is twenty-two.  Yes.")])
    every = check_rows(rows)
    assert {f.code for f in every} >= {"number-mismatch", "whitespace"}
    threshold = max(f.confidence for f in every if f.confidence is not None) + 0.001
    kept = check_rows(rows, min_confidence=threshold)
    assert kept == [f for f in every if f.confidence is None]
    assert check_rows(rows, min_confidence=0.0) == every
    with pytest.raises(UsageError, match="between 0 and 1"):
        check_rows(rows, min_confidence=80)


def test_calibration_every_shipped_feature_is_held_to_the_range_the_fit_saw():
    for code, model in shipped_models().items():
        weighted = [name for name in model if name != "intercept" and ":" not in name]
        assert weighted, code
        for name in weighted:
            assert model["low:" + name] <= model["high:" + name], (code, name)


def test_calibration_a_measure_beyond_what_the_fit_saw_is_not_extrapolated():
    model = shipped_models()["typo"]
    at_bound = confidence_of(model, {"letters": model["high:letters"]})
    assert confidence_of(model, {"letters": model["high:letters"] + 40}) == at_bound


def test_calibration_a_doubtful_finding_is_kept_at_severity_info():
    from corpus_align.checks.params import DOUBTFUL_BELOW

    rows = [CheckRow(1, "他来了。", "他来了。", "He come.")]
    sure, doubtful = (calibrate([Finding("typo", "warning", 1, "m")], rows, {"typo": {"intercept": z}})[0] for z in (3.0, -3.0))
    assert (sure.severity, doubtful.severity) == ("warning", "info")
    assert doubtful.confidence < DOUBTFUL_BELOW <= sure.confidence
    unmodelled = calibrate([Finding("whitespace", "warning", 1, "m")], rows, {})[0]
    assert unmodelled.severity == "warning" and unmodelled.confidence is None


def test_calibration_omission_carries_its_score_s_evidences_and_the_model_weighs_them():
    # Each evidence of the omission score is a measure of its own, so that the model can trust a row much shorter than
    # usual more than one that only loses a clause.
    filler = [("他们走了。", "They left."), ("天亮了。", "It was day."), ("我很好。", "I am fine.")] * 8
    pairs = [("她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊是假的，还说了很多别的话。", "She admitted it.")] + filler
    found = [f for f in check_rows(rows_from_pairs(pairs), select=["omission"]) if f.row == 1]
    assert found and {"margin", "short", "half_uncovered", "clauses_lost"} <= set(dict(found[0].signals))
    assert {"short", "half_uncovered", "clauses_lost"} <= set(shipped_models()["omission"])


def test_calibration_an_omission_that_drops_a_figure_is_surer_than_one_that_drops_words():
    # On the calibration data no omission finding on a clean row drops a figure in digits (71 injected ones do).
    model = shipped_models()["omission"]
    features = {"margin": 0.1, "short": 0.5, "half_uncovered": 0.7, "clauses_lost": 0.3, "zh_chars": 3.0, "repeats": 0.0}
    assert confidence_of(model, {**features, "numbers_dropped": 1.0}) > confidence_of(model, {**features, "numbers_dropped": 0.0}) + 0.1
