"""Write QA findings as JSON Lines or TSV."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..model import Finding
from .tsv import tsv_cell

FINDING_COLUMNS = ("row", "code", "severity", "message", "zh_text", "en_text", "suggestion")


def finding_record(finding: Finding) -> dict:
    """A finding as a JSON-ready dict with every field.

    >>> finding_record(Finding("typo", "warning", 2, "m"))["code"]
    'typo'
    """
    return {column: getattr(finding, column) for column in FINDING_COLUMNS}


def findings_to_jsonl(findings: Iterable[Finding], *, name: str | None = None) -> str:
    """One JSON object per finding (``file`` added when ``name`` is given).

    >>> findings_to_jsonl([Finding("typo", "warning", 2, "m")])
    '{"row": 2, "code": "typo", "severity": "warning", "message": "m", "zh_text": "", "en_text": "", "suggestion": ""}\\n'
    """
    lines = []
    for finding in findings:
        record = finding_record(finding)
        if name is not None:
            record = {"file": name, **record}
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def findings_to_tsv(findings: Iterable[Finding]) -> str:
    """A header and one row per finding, cells made safe as in the aligned TSV.

    >>> findings_to_tsv([Finding("typo", "warning", 2, "=bad")]).splitlines()[1].split("\\t")
    ['2', 'typo', 'warning', "'=bad", '', '', '']
    """
    lines = ["\t".join(FINDING_COLUMNS)]
    for finding in findings:
        record = finding_record(finding)
        lines.append("\t".join(tsv_cell(record[column]) for column in FINDING_COLUMNS))
    return "\n".join(lines) + "\n"
