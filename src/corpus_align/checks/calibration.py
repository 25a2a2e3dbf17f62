"""Calibrated confidence: the chance, measured on the benchmark, that a finding is right.

A finding's confidence is a logistic model of its code over a few measures:

* what the document says about it: ``repeats``, the log of how many findings of the code
  share its evidence (a name reported on every row is a rendering the checks do not know,
  not a slip);
* ``zh_chars``, the log of the row's Chinese length;
* the check's own signals (:attr:`~corpus_align.model.Finding.signals`): how far the omission
  score lies past its threshold and the evidences it adds up (short, half uncovered, clauses lost),
  a number changed rather than dropped, the suggestion's
  frequency for a typo...

The measures of a finding depend only on the findings of its own code, so selecting or
ignoring other codes does not change it.  None of them is how many rows the code flags: a
rough draft full of real errors must not make each of them less believable (with that
measure, a benchmark where 60 % of the rows carry an error kept 0.03 of its dropped names,
0.62 of its omissions and 0.55 of its additions at warning or above; without it, see
docs/checks.md).  The weights are fitted by
``benchmarks/calibrate_findings.py`` on whole development documents with errors injected,
and shipped in ``resources/checks/calibration.json`` with the data they were fitted on and
the figures they gave.  Codes the benchmark has no injected errors of (the mechanical
checks: encoding, whitespace, punctuation, repeated words; glossary, consistency and the
aligner's own doubts) have no model, and their findings have no confidence (``None``).

>>> from corpus_align.checks import check_rows, rows_from_pairs
>>> [(f.code, f.confidence is not None) for f in check_rows(rows_from_pairs([("他二十一岁。", "He is twenty-two.")]))]
[('number-mismatch', True)]
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from importlib import resources

from ..errors import UsageError
from ..model import CheckRow, Finding

CALIBRATION_FORMAT = 1

# feature name -> weight; "intercept" is the constant; "low:NAME" and "high:NAME" bound a feature to the range the
# fit saw, so that a document unlike the fitted ones (a rough draft where a code flags a third of the rows) is not
# extrapolated into a near-zero confidence.
Model = Mapping[str, float]


def _evidence_key(finding: Finding) -> tuple[str, str, str]:
    return finding.code, finding.zh_text, finding.en_text


def valid_min_confidence(value: float | None) -> None:
    """Raise :class:`~corpus_align.errors.UsageError` unless ``value`` is ``None`` or a number from 0 to 1.

    >>> valid_min_confidence(0.8)
    >>> valid_min_confidence(80)
    Traceback (most recent call last):
    ...
    corpus_align.errors.UsageError: min_confidence must be between 0 and 1 (a calibrated chance), not 80
    """
    if value is not None and not (isinstance(value, (int, float)) and 0.0 <= value <= 1.0):
        raise UsageError(f"min_confidence must be between 0 and 1 (a calibrated chance), not {value!r}")


def finding_features(findings: Sequence[Finding], rows: Sequence[CheckRow]) -> list[dict[str, float]]:
    """The measures each finding's confidence is computed from, in the order of ``findings``.

    >>> from corpus_align.model import CheckRow
    >>> rows = [CheckRow(1, "王五来了。", "王五来了。", "Wang Wu came.")]
    >>> finding_features([Finding("typo", "warning", 1, "m", signals=(("letters", 5.0),))], rows)[0]["letters"]
    5.0
    """
    same = Counter(_evidence_key(f) for f in findings)
    zh_chars = {row.row: len(row.zh_normalized) for row in rows}
    features = []
    for finding in findings:
        measured = {"repeats": math.log(same[_evidence_key(finding)]), "zh_chars": math.log1p(zh_chars.get(finding.row, 0))}
        features.append({**measured, **dict(finding.signals)})
    return features


def confidence_of(model: Model, features: Mapping[str, float]) -> float:
    """The model's chance that a finding with these features is right (a missing feature counts 0).

    A feature outside the range the fit saw (``low:NAME`` to ``high:NAME``) counts as its nearest bound.

    >>> round(confidence_of({"intercept": 0.0, "repeats": -1.0}, {"repeats": 0.0}), 2)
    0.5
    >>> round(confidence_of({"intercept": 0.0, "repeats": -1.0, "high:repeats": 1.0}, {"repeats": 5.0}), 2)
    0.27
    """
    z = model.get("intercept", 0.0)
    for name, weight in model.items():
        if name == "intercept" or ":" in name:
            continue
        value = features.get(name, 0.0)
        value = min(max(value, model.get("low:" + name, value)), model.get("high:" + name, value))
        z += weight * value
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.cache
def shipped_models() -> dict[str, dict[str, float]]:
    """The per-code models shipped with the package (``resources/checks/calibration.json``).

    >>> "typo" in shipped_models()
    True
    """
    text = resources.files("corpus_align.resources").joinpath("checks", "calibration.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if data.get("format") != CALIBRATION_FORMAT:
        raise RuntimeError(f"calibration.json has format {data.get('format')}, this version reads {CALIBRATION_FORMAT}")
    return {code: dict(entry["weights"]) for code, entry in data["codes"].items()}


def calibrate(findings: Sequence[Finding], rows: Sequence[CheckRow], models: Mapping[str, Model] | None = None) -> list[Finding]:
    """``findings`` with their confidence set, rounded to 3 places (``None`` for a code without a model).

    ``rows`` are the rows the findings were found in (one document, or one window of a long file).
    A finding whose confidence is below :data:`~corpus_align.checks.params.DOUBTFUL_BELOW` is
    doubtful: it is kept, at severity ``info``, so that it neither fails a run nor counts among the
    warnings a reviewer is asked to read first.

    >>> from corpus_align.model import CheckRow
    >>> rows = [CheckRow(1, "他来了。", "他来了。", "He come.")]
    >>> calibrate([Finding("typo", "warning", 1, "m")], rows, {"typo": {"intercept": 0.0}})[0].confidence
    0.5
    >>> calibrate([Finding("typo", "warning", 1, "m")], rows, {"typo": {"intercept": -3.0}})[0].severity
    'info'
    """
    from .params import DOUBTFUL_BELOW

    models = shipped_models() if models is None else models
    out = []
    for finding, features in zip(findings, finding_features(findings, rows), strict=True):
        model = models.get(finding.code)
        if model is None:
            out.append(finding)
            continue
        confidence = round(confidence_of(model, features), 3)
        severity = "info" if confidence < DOUBTFUL_BELOW else finding.severity
        out.append(replace(finding, confidence=confidence, severity=severity))
    return out
