"""What makes a finding the same finding in two releases, and the baseline of findings a reviewer accepted.

A finding's row number changes whenever a row is added above it, so its
identity is what it says about which text: its code, the normalized text of
its row and its evidence (:func:`finding_identity`). A finding on a row whose
text was revised is, by this identity, a new finding: the reviewer has not
seen it on this text.

The identity is the baseline's fingerprint, so that a finding accepted with
``check --update-baseline`` or from the HTML report is accepted in the diff too.
"""

from __future__ import annotations

from pathlib import Path

from ..baseline import finding_fingerprint
from ..io.baseline import load_baseline
from ..model import Finding
from .model import DiffRow


def finding_identity(finding: Finding, row: DiffRow | None) -> str:
    """The fingerprint of ``finding`` on ``row`` (its text as written): the one ``--baseline`` files hold
    (:func:`corpus_align.baseline.finding_fingerprint`), the same in every release where the finding says the
    same of the same text, whatever the row's number.

    >>> finding = Finding("number-mismatch", "error", 4, "21 vs 22", zh_text="二十一", en_text="twenty-two")
    >>> moved = Finding("number-mismatch", "error", 9, "21 vs 22", zh_text="二十一", en_text="twenty-two")
    >>> finding_identity(finding, DiffRow(4, "他二十一歲。", "He is twenty-two.")) == finding_identity(
    ...     moved, DiffRow(9, "他二十一岁。", "He is twenty-two."))
    True
    """
    if finding.fingerprint:
        return finding.fingerprint
    return finding_fingerprint(finding, row.zh if row else "", row.en if row else "")


def read_accepted(path: str | Path) -> frozenset[str]:
    """The fingerprints of a baseline of accepted findings (``--baseline FILE``, as ``check`` reads it).

    >>> read_accepted("baseline.jsonl")  # doctest: +SKIP
    frozenset({'3f2a9c0e1b7d4a55'})
    """
    return frozenset(load_baseline(path))
