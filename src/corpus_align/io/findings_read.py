"""Read back the findings that ``batch``, ``align --format findings`` and ``check --format jsonl`` write (JSON Lines)."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..model import SEVERITIES, Finding, Span
from .read import read_input_bytes


def read_findings(path: str | Path) -> list[Finding]:
    """Every finding of a findings JSONL file, in file order; blank lines skipped.

    A line that is not a finding (no ``code``, ``severity`` or ``row``) is an
    :class:`~corpus_align.errors.InputError` naming the file and line.

    >>> read_findings("review/chapter1.findings.jsonl")[0].code  # doctest: +SKIP
    'number-mismatch'
    """
    name = str(path)
    # Missing, a folder, a device, too large: the one-line errors of every other input.
    text = read_input_bytes(path).decode("utf-8", errors="surrogateescape").replace("\r\n", "\n")
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise InputError(name, f"line {number}: not valid JSON") from None
        finding = finding_of_record(record)
        if finding is None:
            raise InputError(name, f"line {number}: expected a finding (a JSON object with code, severity and row)")
        findings.append(finding)
    return findings


def finding_of_record(record: object) -> Finding | None:
    """The :class:`Finding` a JSON record describes (as :func:`~.findings.finding_record` writes it), or None.

    >>> finding_of_record({"row": 2, "code": "typo", "severity": "warning", "message": "m", "en_text": "teh"}).en_text
    'teh'
    >>> finding_of_record({"code": "typo"}) is None
    True
    """
    if not isinstance(record, dict):
        return None
    code, severity, row = record.get("code"), record.get("severity"), record.get("row")
    if not isinstance(code, str) or severity not in SEVERITIES or not isinstance(row, int) or isinstance(row, bool):
        return None

    def text(key: str) -> str:
        value = record.get(key)
        return value if isinstance(value, str) else ""

    confidence = record.get("confidence")
    spans = tuple(
        Span(span["side"], span["start"], span["end"], span["text"])
        for span in record.get("spans") or ()
        if isinstance(span, dict) and span.get("side") in ("zh", "en") and isinstance(span.get("start"), int)
        and isinstance(span.get("end"), int) and isinstance(span.get("text"), str)
    )
    return Finding(
        code, severity, row, text("message"), zh_text=text("zh_text"), en_text=text("en_text"),
        suggestion=text("suggestion"),
        confidence=float(confidence) if isinstance(confidence, (int, float)) and not isinstance(confidence, bool) else None,
        spans=spans,
    )
