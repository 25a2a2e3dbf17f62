"""Read what a diff compares from disk: two aligned files of one document, or two ``batch`` output folders."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, UsageError
from ..model import Finding
from .document import diff_alignments
from .model import DiffRow, DocumentDiff, DocumentStatus, ReleaseDiff

if TYPE_CHECKING:
    import sqlite3

# Written by ``batch`` beside each document's TSV, and by ``align --format findings``.
FINDINGS_SUFFIX = ".findings.jsonl"
# Statuses in a batch's summary.json whose documents have outputs (corpus_align.batch.settings).
_WITH_OUTPUTS = ("done", "unchanged")


def read_rows(path: str | Path, *, encoding: str | None = None) -> list[DiffRow]:
    """The rows of an aligned file (the TSV, JSONL or XLSX that ``align`` writes), in file order.

    A row that cannot be read stops the diff (its pairing would be a guess):
    an :class:`~corpus_align.errors.InputError` names the file and line.

    >>> read_rows("chapter1.tsv")[:1]  # doctest: +SKIP
    [DiffRow(row=1, zh='他二十一岁。', en='He is twenty-one.')]
    """
    from ..io.aligned_read import open_aligned_file
    from ..io.tsv_read import MalformedRow

    rows = []
    with open_aligned_file(path, encoding) as aligned:
        for record in aligned.records():
            if isinstance(record, MalformedRow):
                raise InputError(aligned.name, f"{record.lines}: {record.problem}")
            rows.append(DiffRow(record.row, record.zh, record.en))
    return rows


def findings_beside(path: str | Path) -> Path:
    """Where ``batch`` and ``align --format findings`` put the findings of an aligned file: NAME.findings.jsonl.

    >>> findings_beside("review/ch1.tsv").as_posix(), findings_beside("ch1.jsonl").as_posix()
    ('review/ch1.findings.jsonl', 'ch1.findings.jsonl')
    """
    path = Path(path)
    return path.with_name(path.name.rsplit(".", 1)[0] + FINDINGS_SUFFIX) if "." in path.name else path.with_name(
        path.name + FINDINGS_SUFFIX
    )


def diff_files(
    old_file: str | Path,
    new_file: str | Path,
    *,
    accepted: Collection[str] = frozenset(),
    check: bool = True,
    encoding: str | None = None,
) -> DocumentDiff:
    """Diff two aligned files of one document (named after the new file).

    The findings are read from ``NAME.findings.jsonl`` beside each file when
    both have one (what the reviewer saw); otherwise, with ``check``, the QA
    checks are run on both files as ``corpus-align check`` runs them, and
    without it only the rows are compared.

    >>> diff = diff_files("v1/chapter1.tsv", "v2/chapter1.tsv")  # doctest: +SKIP
    >>> diff.row_counts()["en-revised"]  # doctest: +SKIP
    3
    """
    for path in (old_file, new_file):
        if Path(path).is_dir():
            raise UsageError(f"{path} is a folder: give two aligned files, or two batch output folders")
    old_rows, new_rows = read_rows(old_file, encoding=encoding), read_rows(new_file, encoding=encoding)
    old_findings: list[Finding] = []
    new_findings: list[Finding] = []
    beside = findings_beside(old_file), findings_beside(new_file)
    if all(path.is_file() for path in beside):
        from ..io.findings_read import read_findings

        old_findings, new_findings = read_findings(beside[0]), read_findings(beside[1])
    elif check:
        from ..qa import check_file

        old_findings = list(check_file(old_file, encoding=encoding).findings)
        new_findings = list(check_file(new_file, encoding=encoding).findings)
    name = Path(new_file).name.rsplit(".", 1)[0] or str(new_file)
    return diff_alignments(old_rows, new_rows, old_findings=old_findings, new_findings=new_findings,
                           accepted=accepted, name=name)


def batch_documents(folder: str | Path) -> tuple[list[str], dict[str, str]]:
    """The documents of a ``batch`` output folder with outputs, in name order, and those without: name → why.

    Read from the folder's ``summary.json``; a folder without one is no batch
    output, and one from an interrupted batch is not all there: both are an
    :class:`~corpus_align.errors.InputError`.

    >>> batch_documents("review")  # doctest: +SKIP
    (['chapter1', 'chapter2'], {'chapter3': 'failed: ch3.zh.txt: no Chinese text'})
    """
    root = Path(folder)
    summary_path = root / "summary.json"
    if not root.is_dir():
        raise InputError(str(root), "no such folder" if not root.exists() else "not a folder")
    if not summary_path.is_file():
        raise InputError(str(root), "no summary.json: not a batch output folder (corpus-align batch RELEASE -o FOLDER writes one)")
    try:
        summary = json.loads(summary_path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(str(summary_path), f"cannot read: {error}") from None
    records = summary.get("documents") if isinstance(summary, dict) else None
    if not isinstance(records, list):
        raise InputError(str(summary_path), "no 'documents' list: not a batch summary")
    if summary.get("interrupted"):
        raise InputError(str(summary_path), "the batch was interrupted; run it again to finish before comparing")
    names, without = [], {}
    for record in records:
        if not isinstance(record, dict) or not isinstance(record.get("name"), str):
            continue
        status = record.get("status")
        if status in _WITH_OUTPUTS:
            names.append(record["name"])
        elif status == "failed":
            without[record["name"]] = f"failed: {record.get('error') or 'no outputs'}"
    return sorted(names), without


def diff_releases(old_dir: str | Path, new_dir: str | Path, *, accepted: Collection[str] = frozenset()) -> ReleaseDiff:
    """Diff two ``batch`` output folders, document by document (matched by name), rows by content.

    A document in one folder only is ``added`` or ``removed`` (its rows all
    new or removed, its findings new or fixed); a document the batch failed
    on in either folder is listed in ``not_compared``. Rows and findings are
    read from the folder's release store (``release.sqlite``), or, in a folder
    written without one, from each document's ``NAME.tsv`` and
    ``NAME.findings.jsonl``.

    >>> release = diff_releases("review-v1", "review-v2")  # doctest: +SKIP
    >>> release.document_counts()  # doctest: +SKIP
    {'changed': 12, 'added': 1, 'removed': 1, 'unchanged': 186}
    """
    old_root, new_root = Path(old_dir), Path(new_dir)
    for path in (old_root, new_root):
        if path.exists() and not path.is_dir():
            raise UsageError(f"{path} is a file: give two batch output folders, or two aligned files")
    old_names, old_without = batch_documents(old_root)
    new_names, new_without = batch_documents(new_root)
    not_compared = {**{name: f"{why} (in {old_root})" for name, why in old_without.items()},
                    **{name: f"{why} (in {new_root})" for name, why in new_without.items()}}
    documents = []
    old_set, new_set = set(old_names), set(new_names)
    with _BatchOutput(old_root) as old_release, _BatchOutput(new_root) as new_release:
        documents = _diff_documents(old_release, new_release, old_set, new_set, not_compared, accepted)
    return ReleaseDiff(old_root, new_root, tuple(documents), tuple(sorted(not_compared.items())))


def _diff_documents(old_release: _BatchOutput, new_release: _BatchOutput, old_set: set[str], new_set: set[str],
                    not_compared: dict[str, str], accepted: Collection[str]) -> list[DocumentDiff]:
    documents = []
    for name in sorted(old_set | new_set):
        if name in not_compared:
            continue

        old_rows, old_findings = old_release.document(name) if name in old_set else ([], [])
        new_rows, new_findings = new_release.document(name) if name in new_set else ([], [])
        document = diff_alignments(old_rows, new_rows, old_findings=old_findings, new_findings=new_findings,
                                   accepted=accepted, name=name)
        # In or out of a release is by name: a document with no rows in both is still in both.
        status: DocumentStatus = "added" if name not in old_set else "removed" if name not in new_set else document.status
        if status in ("added", "removed") and name in old_set and name in new_set:
            status = "changed"
        if status != document.status:
            document = replace(document, status=status)
        documents.append(document)
    return documents


class _BatchOutput:
    """The documents of a ``batch`` output folder: from its release store (``release.sqlite``) when it has one,
    else from each document's ``NAME.tsv`` and ``NAME.findings.jsonl`` (a folder written before the store)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.connection: sqlite3.Connection | None = None

    def __enter__(self) -> _BatchOutput:
        from ..io.store import STORE_FILE

        if (self.root / STORE_FILE).is_file():
            from ..io.store_read import open_store

            self.connection = open_store(self.root)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.connection is not None:
            self.connection.close()

    def document(self, name: str) -> tuple[list[DiffRow], list[Finding]]:
        """The rows and findings of document ``name``."""
        from ..io.findings_read import finding_of_record, read_findings

        if self.connection is not None:
            from ..io.store_read import document_findings, document_rows

            rows = document_rows(self.connection, name)
            if rows:
                found = [finding_of_record(record) for record in document_findings(self.connection, name)]
                return [DiffRow(r["row"], r["zh"], r["en"]) for r in rows], [f for f in found if f is not None]
        findings_path = self.root / f"{name}{FINDINGS_SUFFIX}"
        findings = read_findings(findings_path) if findings_path.is_file() else []
        return read_rows(self.root / f"{name}.tsv"), findings
