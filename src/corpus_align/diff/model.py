"""What a release diff says: small frozen records for rows, findings, documents and the release.

A row of the old release is paired with a row of the new one by its content
(see :mod:`.rows`), never by its number; each pairing, or its absence, gets one
of :data:`ROW_CHANGES`. A finding is told apart from another by its identity
(see :mod:`.identity`) and gets one of :data:`FINDING_CHANGES`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..model import Finding

RowChangeKind = Literal["unchanged", "en-revised", "zh-revised", "both-revised", "new", "removed"]
#: Every class of row, in the order summaries list them.
ROW_CHANGES: tuple[RowChangeKind, ...] = ("unchanged", "en-revised", "zh-revised", "both-revised", "new", "removed")
FindingChangeKind = Literal["new", "fixed", "open", "accepted"]
#: Every class of finding, in the order summaries list them.
FINDING_CHANGES: tuple[FindingChangeKind, ...] = ("new", "fixed", "open", "accepted")
DocumentStatus = Literal["changed", "unchanged", "added", "removed"]
DOCUMENT_STATUSES: tuple[DocumentStatus, ...] = ("changed", "added", "removed", "unchanged")
EditOp = Literal["=", "-", "+"]


@dataclass(frozen=True)
class DiffRow:
    """One row of an aligned file: its 1-based ``row`` number in that file and its text as written.

    >>> DiffRow(3, "你好。", "Hello.").en
    'Hello.'
    """

    row: int
    zh: str
    en: str


@dataclass(frozen=True)
class Edit:
    """A stretch of a word-level diff: ``=`` kept, ``-`` only in the old text, ``+`` only in the new.

    >>> Edit("+", "quickly ")
    Edit(op='+', text='quickly ')
    """

    op: EditOp
    text: str


@dataclass(frozen=True)
class RowChange:
    """What became of one row: ``old`` and ``new`` are ``None`` for a new and a removed row.

    ``moved`` is true for a row paired with one elsewhere in the document
    (its neighbours differ). ``zh_edits`` and ``en_edits`` are the word-level
    diff of a revised side (empty when that side did not change).

    >>> RowChange("new", None, DiffRow(1, "新。", "New.")).new.row
    1
    """

    change: RowChangeKind
    old: DiffRow | None
    new: DiffRow | None
    moved: bool = False
    zh_edits: tuple[Edit, ...] = ()
    en_edits: tuple[Edit, ...] = ()


@dataclass(frozen=True)
class FindingChange:
    """What became of one finding: ``new`` (only in the new release), ``fixed`` (only in the old one),
    ``open`` (in both), ``accepted`` (in the new release and in the baseline of accepted findings).

    ``finding`` is the new release's finding, the old one's for ``fixed``;
    ``row`` is the row it is on, in that release's file.

    >>> FindingChange("fixed", Finding("typo", "warning", 2, "m"), "ab12", DiffRow(2, "好。", "Good.")).finding.code
    'typo'
    """

    change: FindingChangeKind
    finding: Finding
    identity: str
    row: DiffRow | None = None


@dataclass(frozen=True)
class DocumentDiff:
    """The diff of one document: every row's change in reading order, and every finding's.

    ``status`` is ``added`` or ``removed`` for a document in one release only
    (its rows all new or removed), else ``changed`` or ``unchanged``.

    >>> from corpus_align.diff import diff_alignments
    >>> diff = diff_alignments([DiffRow(1, "好。", "Good.")], [DiffRow(1, "好。", "Fine.")], name="a")
    >>> diff.status, diff.row_counts()["en-revised"]
    ('changed', 1)
    """

    name: str
    rows: tuple[RowChange, ...]
    findings: tuple[FindingChange, ...] = ()
    status: DocumentStatus = "changed"

    def row_counts(self) -> dict[str, int]:
        """Rows per class, every class present (zero when none)."""
        counts = Counter(change.change for change in self.rows)
        return {kind: counts.get(kind, 0) for kind in ROW_CHANGES}

    def finding_counts(self) -> dict[str, int]:
        """Findings per class, every class present (zero when none)."""
        counts = Counter(change.change for change in self.findings)
        return {kind: counts.get(kind, 0) for kind in FINDING_CHANGES}

    @property
    def changed_rows(self) -> tuple[RowChange, ...]:
        """The rows whose content changed (every class but ``unchanged``)."""
        return tuple(change for change in self.rows if change.change != "unchanged")

    @property
    def new_findings(self) -> tuple[Finding, ...]:
        """The findings only the new release has: what a CI gate looks at."""
        return tuple(change.finding for change in self.findings if change.change == "new")


@dataclass(frozen=True)
class ReleaseDiff:
    """The diff of two releases: one :class:`DocumentDiff` per document name in either, in name order.

    ``not_compared`` lists ``(name, reason)`` for documents one release has
    no outputs for (a batch that failed on them).

    >>> ReleaseDiff(Path("v1"), Path("v2"), ()).document_counts()["changed"]
    0
    """

    old: Path
    new: Path
    documents: tuple[DocumentDiff, ...]
    not_compared: tuple[tuple[str, str], ...] = ()

    def document_counts(self) -> dict[str, int]:
        """Documents per status, every status present."""
        counts = Counter(document.status for document in self.documents)
        return {status: counts.get(status, 0) for status in DOCUMENT_STATUSES}

    def row_counts(self) -> dict[str, int]:
        """Rows per class over every document."""
        return _summed(ROW_CHANGES, (document.row_counts() for document in self.documents))

    def finding_counts(self) -> dict[str, int]:
        """Findings per class over every document."""
        return _summed(FINDING_CHANGES, (document.finding_counts() for document in self.documents))

    @property
    def new_findings(self) -> tuple[Finding, ...]:
        """The findings only the new release has, over every document."""
        return tuple(finding for document in self.documents for finding in document.new_findings)


def _summed(kinds: tuple[str, ...], counts: Iterable[dict[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for one in counts:
        total.update(one)
    return {kind: total.get(kind, 0) for kind in kinds}
