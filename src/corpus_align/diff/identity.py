"""What makes a finding the same finding in two releases, and the baseline of findings a reviewer accepted.

A finding's row number changes whenever a row is added above it, so its
identity is what it says about which text: its code, the normalized text of
its row and its evidence (:func:`finding_identity`). A finding on a row whose
text was revised is, by this identity, a new finding: the reviewer has not
seen it on this text.

This module is the one place that knows the identity and reads the baseline
(``--baseline FILE``: JSON Lines, one accepted finding per line with its
``fingerprint``), so both can follow the baseline's own fingerprint when it
changes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..errors import InputError
from ..model import Finding
from .model import DiffRow
from .rows import RowKey, row_keys

# Between the parts of an identity: a character no text holds, so that ("ab", "c") and ("a", "bc") differ.
_SEPARATOR = "\x1f"


def finding_identity(finding: Finding, row_key: RowKey) -> str:
    """A short stable id of ``finding`` on a row whose normalized text is ``row_key`` (see :func:`~.rows.row_keys`):
    the same in every release where the finding says the same of the same text, whatever the row's number.

    >>> key = row_keys([DiffRow(1, "他二十一岁。", "He is twenty-two.")])[0]
    >>> finding = Finding("number-mismatch", "error", 4, "21 vs 22", zh_text="二十一", en_text="twenty-two")
    >>> finding_identity(finding, key) == finding_identity(Finding("number-mismatch", "error", 9, "21 vs 22",
    ...     zh_text="二十一", en_text="twenty-two"), key)
    True
    >>> len(finding_identity(finding, key))
    16
    """
    evidence_zh, evidence_en = row_keys([DiffRow(0, finding.zh_text, finding.en_text)])[0]
    parts = (finding.code, *row_key, evidence_zh, evidence_en)
    data = _SEPARATOR.join(parts).encode("utf-8", "surrogatepass")  # undecodable input keeps its lone surrogates
    return hashlib.sha256(data).hexdigest()[:16]


def read_accepted(path: str | Path) -> frozenset[str]:
    """The fingerprints of a baseline of accepted findings: JSON Lines with a ``fingerprint`` on every line.

    Blank lines are skipped; anything else that is not such a line is an
    :class:`~corpus_align.errors.InputError` naming the line.

    >>> read_accepted("baseline.jsonl")  # doctest: +SKIP
    frozenset({'3f2a9c0e1b7d4a55'})
    """
    name = str(path)
    try:
        text = Path(path).read_text("utf-8")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a baseline file") from None
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text; a baseline is JSON Lines") from None
    except OSError as error:
        raise InputError(name, f"cannot read: {error.strerror or error}") from None
    fingerprints = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise InputError(name, f"line {number}: not valid JSON") from None
        fingerprint = record.get("fingerprint") if isinstance(record, dict) else None
        if not isinstance(fingerprint, str) or not fingerprint:
            raise InputError(name, f"line {number}: expected a JSON object with a 'fingerprint'")
        fingerprints.add(fingerprint)
    return frozenset(fingerprints)
