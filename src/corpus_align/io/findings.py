"""Write QA findings as JSON Lines or TSV, all at once or a few at a time as they are found.

When a baseline was applied (``baseline=True``), each finding also has its
``fingerprint``, whether it is ``accepted`` and the reviewer's ``reason``;
without one the output is as it always was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict

from ..model import Finding
from .tsv import tsv_cell

FINDING_COLUMNS = ("row", "code", "severity", "confidence", "message", "zh_text", "en_text", "suggestion")
FINDINGS_TSV_HEADER = "\t".join(FINDING_COLUMNS) + "\n"
# The columns a baseline adds (corpus_align.baseline): which findings it accepts, and why.
BASELINE_COLUMNS = ("fingerprint", "accepted", "reason")


def findings_tsv_header(*, baseline: bool = False) -> str:
    """The header line of the findings TSV, with the baseline's columns when one was applied.

    >>> findings_tsv_header(baseline=True).split("\\t")[-3:]
    ['fingerprint', 'accepted', 'reason\\n']
    """
    return "\t".join(FINDING_COLUMNS + (BASELINE_COLUMNS if baseline else ())) + "\n"


def finding_record(finding: Finding, *, baseline: bool = False) -> dict:
    """A finding as a JSON-ready dict with every field (``confidence`` is ``None`` for a code without calibration).

    ``spans`` locate the evidence in the row's text, when the check knows where it is: a list of
    ``{"side", "start", "end", "text"}`` with offsets into that side's text as written.

    >>> from corpus_align.model import Span
    >>> finding_record(Finding("typo", "warning", 2, "m", confidence=0.93))["confidence"]
    0.93
    >>> finding_record(Finding("encoding-artifact", "error", 2, "m", spans=(Span("zh", 1, 7, "(guān)"),)))["spans"]
    [{'side': 'zh', 'start': 1, 'end': 7, 'text': '(guān)'}]
    >>> finding_record(Finding("typo", "warning", 2, "m", accepted=True, reason="a name"), baseline=True)["reason"]
    'a name'
    """
    record: dict = {column: getattr(finding, column) for column in FINDING_COLUMNS}
    record["spans"] = [asdict(span) for span in finding.spans]
    if baseline:
        record.update((column, getattr(finding, column)) for column in BASELINE_COLUMNS)
    return record


def jsonl_lines(findings: Iterable[Finding], *, name: str | None = None, baseline: bool = False) -> Iterator[str]:
    """One JSON line (with its newline) per finding, ``file`` first when ``name`` is given; ``baseline``: see the module.

    >>> list(jsonl_lines([Finding("typo", "warning", 2, "m")], name="a.tsv"))[0][:34]
    '{"file": "a.tsv", "row": 2, "code"'
    """
    for finding in findings:
        record = finding_record(finding, baseline=baseline)
        if name is not None:
            record = {"file": name, **record}
        yield json.dumps(record, ensure_ascii=False) + "\n"


def findings_to_jsonl(findings: Iterable[Finding], *, name: str | None = None, baseline: bool = False) -> str:
    """One JSON object per finding (``file`` added when ``name`` is given; ``baseline``: see the module).

    >>> findings_to_jsonl([Finding("typo", "warning", 2, "m")])[:70]
    '{"row": 2, "code": "typo", "severity": "warning", "confidence": null, '
    """
    return "".join(jsonl_lines(findings, name=name, baseline=baseline))


def tsv_lines(findings: Iterable[Finding], *, baseline: bool = False) -> Iterator[str]:
    """One TSV line (with its newline) per finding, no header (:func:`findings_tsv_header`), cells made safe.

    A finding without a confidence has an empty cell there; with ``baseline``, ``accepted`` is ``yes`` or empty.

    >>> list(tsv_lines([Finding("typo", "warning", 2, "=bad", confidence=0.5)]))
    ["2\\ttypo\\twarning\\t0.500\\t'=bad\\t\\t\\t\\n"]
    """
    columns = FINDING_COLUMNS + (BASELINE_COLUMNS if baseline else ())
    for finding in findings:
        record = finding_record(finding, baseline=baseline)
        record["confidence"] = "" if finding.confidence is None else f"{finding.confidence:.3f}"
        if baseline:
            record["accepted"] = "yes" if finding.accepted else ""
        yield "\t".join(tsv_cell(record[column]) for column in columns) + "\n"


def findings_to_tsv(findings: Iterable[Finding]) -> str:
    """A header and one row per finding, cells made safe as in the aligned TSV.

    >>> findings_to_tsv([Finding("typo", "warning", 2, "=bad")]).splitlines()[1].split("\\t")
    ['2', 'typo', 'warning', '', "'=bad", '', '', '']
    """
    return FINDINGS_TSV_HEADER + "".join(tsv_lines(findings))
