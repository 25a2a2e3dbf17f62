"""A diff as people and programs read it: a summary for the terminal, one record per change (TSV, JSONL), summary.json."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..model import SEVERITIES
from .model import DOCUMENT_STATUSES, DocumentDiff, ReleaseDiff, RowChange

#: The columns of ``diff --format tsv``: one line per changed row and per finding that is not just still open.
CHANGE_COLUMNS = (
    "document", "kind", "change", "old_row", "new_row", "code", "severity", "message",
    "old_zh", "new_zh", "old_en", "new_en", "identity",
)


def _counted(counts: dict[str, int], *, keep: tuple[str, ...] = ()) -> str:
    """``3 en-revised, 1 new`` for the non-zero counts (and those in ``keep``), ``none`` when there is nothing.

    >>> _counted({"unchanged": 0, "new": 2, "removed": 1}), _counted({"new": 0})
    ('2 new, 1 removed', 'none')
    """
    shown = [f"{count} {kind}" for kind, count in counts.items() if count or kind in keep]
    return ", ".join(shown) or "none"


def document_line(document: DocumentDiff) -> str:
    """One line for a document: its name, what became of its rows and of its findings.

    >>> from corpus_align.diff import diff_alignments
    >>> document_line(diff_alignments([("好。", "Good.")], [("好。", "Fine."), ("新。", "New.")], name="ch1"))
    'ch1: rows 1 en-revised, 1 new; findings none'
    """
    rows = {kind: count for kind, count in document.row_counts().items() if kind != "unchanged"}
    return f"{document.name}: rows {_counted(rows)}; findings {_counted(document.finding_counts())}"


def summary_lines(diff: DocumentDiff | ReleaseDiff) -> Iterator[str]:
    """The terminal summary: a line per document that changed (added, removed) with its new findings under it,
    then the totals.

    >>> from corpus_align.diff import diff_alignments
    >>> print("\\n".join(summary_lines(diff_alignments([("好。", "Good.")], [("好。", "Good.")], name="ch1"))))
    ch1: rows 1 unchanged; findings none
    """
    if isinstance(diff, DocumentDiff):
        yield f"{diff.name}: rows {_counted(diff.row_counts())}; findings {_counted(diff.finding_counts())}"
        yield from _new_finding_lines(diff)
        return
    for document in diff.documents:
        if document.status != "unchanged":
            yield f"{document.status:8} {document_line(document)}"
            yield from _new_finding_lines(document)
    for name, reason in diff.not_compared:
        yield f"not compared {name}: {reason}"
    yield release_line(diff)


def release_line(diff: ReleaseDiff) -> str:
    """The totals of a release diff on one line.

    >>> from pathlib import Path
    >>> release_line(ReleaseDiff(Path("v1"), Path("v2"), ()))
    '0 documents: 0 changed, 0 added, 0 removed, 0 unchanged; rows none; findings none'
    """
    documents = diff.document_counts()
    counted = ", ".join(f"{documents[status]} {status}" for status in DOCUMENT_STATUSES)
    rows = {kind: count for kind, count in diff.row_counts().items() if kind != "unchanged"}
    not_compared = f", {len(diff.not_compared)} not compared" if diff.not_compared else ""
    return (f"{len(diff.documents)} documents: {counted}{not_compared}; rows {_counted(rows)}; "
            f"findings {_counted(diff.finding_counts())}")


def _new_finding_lines(document: DocumentDiff) -> Iterator[str]:
    """A line per new finding, most severe first: what a release gate stops on."""
    new = [change for change in document.findings if change.change == "new"]
    new.sort(key=lambda change: -SEVERITIES.index(change.finding.severity))
    for change in new:
        finding = change.finding
        yield f"  new {finding.severity} {finding.code} on row {finding.row}: {finding.message}"


def _documents(diff: DocumentDiff | ReleaseDiff) -> tuple[DocumentDiff, ...]:
    return (diff,) if isinstance(diff, DocumentDiff) else diff.documents


def change_records(diff: DocumentDiff | ReleaseDiff, *, unchanged: bool = False) -> Iterator[dict]:
    """One record per changed row (with ``unchanged``, every row) and per finding new, fixed or accepted
    (with ``unchanged``, open ones too), document by document; fields :data:`CHANGE_COLUMNS`, plus the
    word-level edits of a revised row (``zh_edits``, ``en_edits``: ``[op, text]`` pairs).

    >>> from corpus_align.diff import diff_alignments
    >>> record = next(change_records(diff_alignments([("好。", "Good.")], [("好。", "Fine.")], name="ch1")))
    >>> record["change"], record["old_row"], record["new_row"], record["en_edits"]
    ('en-revised', 1, 1, [['-', 'Good'], ['+', 'Fine'], ['=', '.']])
    """
    for document in _documents(diff):
        for row in document.rows:
            if unchanged or row.change != "unchanged":
                yield _row_record(document.name, row)
        for change in document.findings:
            if not unchanged and change.change == "open":
                continue
            finding, side = change.finding, "old" if change.change == "fixed" else "new"
            record: dict[str, object] = dict.fromkeys(CHANGE_COLUMNS)
            record.update(document=document.name, kind="finding", change=change.change, code=finding.code,
                          severity=finding.severity, message=finding.message, identity=change.identity)
            record[f"{side}_row"] = finding.row
            if change.row is not None:
                record[f"{side}_zh"], record[f"{side}_en"] = change.row.zh, change.row.en
            yield record


def _row_record(name: str, row: RowChange) -> dict:
    record: dict[str, object] = dict.fromkeys(CHANGE_COLUMNS)
    record.update(document=name, kind="row", change=row.change)
    for side, found in (("old", row.old), ("new", row.new)):
        if found is not None:
            record[f"{side}_row"], record[f"{side}_zh"], record[f"{side}_en"] = found.row, found.zh, found.en
    record["zh_edits"] = [[edit.op, edit.text] for edit in row.zh_edits]
    record["en_edits"] = [[edit.op, edit.text] for edit in row.en_edits]
    if row.moved:
        record["moved"] = True
    return record


def to_change_tsv(records: Iterable[dict]) -> Iterator[str]:
    """A header line, then one TSV line per change record, cells made safe as in the aligned TSV.

    >>> list(to_change_tsv([]))[0].split("\\t")[:3]
    ['document', 'kind', 'change']
    """
    from ..io.tsv import tsv_cell

    yield "\t".join(CHANGE_COLUMNS) + "\n"
    for record in records:
        yield "\t".join("" if record[column] is None else tsv_cell(record[column]) for column in CHANGE_COLUMNS) + "\n"


def to_change_jsonl(diff: DocumentDiff | ReleaseDiff, records: Iterable[dict]) -> Iterator[str]:
    """A ``{"meta": ...}`` line with the counts (as :func:`summary_record`), then one JSON line per change record.

    >>> from corpus_align.diff import diff_alignments
    >>> json.loads(next(to_change_jsonl(diff_alignments([], [("新。", "New.")]), [])))["meta"]["rows"]["new"]
    1
    """
    meta = summary_record(diff)
    meta.pop("documents", None)
    yield json.dumps({"meta": meta}, ensure_ascii=False) + "\n"
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


def summary_record(diff: DocumentDiff | ReleaseDiff) -> dict:
    """What ``diff/summary.json`` holds: the version, the two sides, counts, and per document its status and counts.

    >>> from corpus_align.diff import diff_alignments
    >>> summary_record(diff_alignments([("好。", "Good.")], [], name="ch1"))["documents"][0]["status"]
    'removed'
    """
    from .. import __version__

    documents = _documents(diff)
    record: dict = {"version": __version__}
    if isinstance(diff, ReleaseDiff):
        record.update(old=str(diff.old), new=str(diff.new), documents_by_status=diff.document_counts(),
                      rows=diff.row_counts(), findings=diff.finding_counts(),
                      not_compared=[{"name": name, "reason": reason} for name, reason in diff.not_compared])
    else:
        record.update(rows=diff.row_counts(), findings=diff.finding_counts())
    record["documents"] = [
        {"name": document.name, "status": document.status, "rows": document.row_counts(), "findings": document.finding_counts()}
        for document in documents
    ]
    return record
