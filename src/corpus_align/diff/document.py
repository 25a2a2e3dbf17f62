"""The diff of one document: its rows paired by content, its findings told new, fixed, open or accepted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from ..model import Finding
from .identity import finding_identity
from .model import DiffRow, DocumentDiff, DocumentStatus, FindingChange, RowChange
from .rows import match_rows

# What a caller may pass as rows: ours, the readers' TsvRow (``row``, ``zh``, ``en``), or (zh, en) pairs.
RowLike = DiffRow | tuple[str, str] | object


def as_diff_rows(rows: Iterable[RowLike]) -> list[DiffRow]:
    """Rows as :class:`DiffRow`: anything with ``zh`` and ``en`` (and ``row``, else its position), or ``(zh, en)`` pairs.

    >>> as_diff_rows([("你好。", "Hello.")])
    [DiffRow(row=1, zh='你好。', en='Hello.')]
    """
    found = []
    for position, row in enumerate(rows, start=1):
        if isinstance(row, DiffRow):
            found.append(row)
        elif hasattr(row, "zh") and hasattr(row, "en"):
            number = getattr(row, "row", position)
            zh, en = getattr(row, "zh"), getattr(row, "en")  # noqa: B009  (any object with these fields)
            found.append(DiffRow(number if isinstance(number, int) else position, str(zh), str(en)))
        else:
            zh, en = row  # type: ignore[misc]
            found.append(DiffRow(position, str(zh), str(en)))
    return found


def diff_alignments(
    old_rows: Iterable[RowLike],
    new_rows: Iterable[RowLike],
    *,
    old_findings: Iterable[Finding] = (),
    new_findings: Iterable[Finding] = (),
    accepted: Collection[str] = frozenset(),
    name: str = "",
) -> DocumentDiff:
    """Diff two releases of one document: rows paired by content (see :func:`~.rows.match_rows`), findings by identity.

    ``old_findings`` and ``new_findings`` are the findings of each release,
    their ``row`` numbers those of ``old_rows`` and ``new_rows``; ``accepted``
    holds the identities of findings a reviewer accepted (the baseline), which
    are ``accepted`` instead of ``new`` or ``open``.

    >>> old = [("他二十一岁。", "He is twenty-two."), ("我很好。", "I am fine.")]
    >>> new = [("你好。", "Hello."), ("他二十一岁。", "He is twenty-two."), ("我很好。", "I am well.")]
    >>> diff = diff_alignments(old, new, old_findings=[Finding("number-mismatch", "error", 1, "21 vs 22")],
    ...                        new_findings=[Finding("number-mismatch", "error", 2, "21 vs 22")])
    >>> [(c.change, c.old and c.old.row, c.new and c.new.row) for c in diff.rows]
    [('new', None, 1), ('unchanged', 1, 2), ('en-revised', 2, 3)]
    >>> [c.change for c in diff.findings]
    ['open']
    """
    old, new = as_diff_rows(old_rows), as_diff_rows(new_rows)
    rows = match_rows(old, new)
    findings = classify_findings(old, list(old_findings), new, list(new_findings), accepted)
    return DocumentDiff(name, rows, findings, _status(rows, findings, old, new))


def _status(rows: Sequence[RowChange], findings: Sequence[FindingChange], old: list[DiffRow], new: list[DiffRow]) -> DocumentStatus:
    if not old and new:
        return "added"
    if old and not new:
        return "removed"
    if any(c.change != "unchanged" or c.moved for c in rows) or any(f.change in ("new", "fixed") for f in findings):
        return "changed"
    return "unchanged"


def classify_findings(
    old_rows: Sequence[DiffRow], old_findings: Sequence[Finding], new_rows: Sequence[DiffRow], new_findings: Sequence[Finding],
    accepted: Collection[str] = frozenset(),
) -> tuple[FindingChange, ...]:
    """Each finding of the new release as ``accepted``, ``open`` or ``new``, then each finding only the old one has as ``fixed``.

    Identical findings are counted, not merged: two in the old release and
    three in the new make two open and one new.

    >>> rows = [DiffRow(1, "好。", "Good.")]
    >>> [c.change for c in classify_findings(rows, [], rows, [Finding("typo", "warning", 1, "m")])]
    ['new']
    """
    old_identified = _identified(old_rows, old_findings)
    new_identified = _identified(new_rows, new_findings)
    left_in_old = Counter(identity for identity, _, _ in old_identified)
    changes = []
    for identity, finding, row in new_identified:
        if left_in_old[identity] > 0:
            left_in_old[identity] -= 1
            change = "accepted" if identity in accepted else "open"
        else:
            change = "accepted" if identity in accepted else "new"
        changes.append(FindingChange(change, finding, identity, row))  # type: ignore[arg-type]
    for identity, finding, row in old_identified:
        if left_in_old[identity] > 0:
            left_in_old[identity] -= 1
            changes.append(FindingChange("fixed", finding, identity, row))
    return tuple(changes)


def _identified(rows: Sequence[DiffRow], findings: Sequence[Finding]) -> list[tuple[str, Finding, DiffRow | None]]:
    """Each finding with its identity and its row (``None`` for a finding outside the rows)."""
    by_number: dict[int, DiffRow] = {}
    for row in rows:
        by_number.setdefault(row.row, row)
    identified: list[tuple[str, Finding, DiffRow | None]] = []
    for finding in findings:
        found = by_number.get(finding.row)
        identified.append((finding_identity(finding, found), finding, found))
    return identified
