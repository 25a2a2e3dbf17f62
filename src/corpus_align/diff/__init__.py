"""Compare two releases of a translation: which rows were revised, added or removed, which findings are new or fixed.

* :func:`diff_alignments`: two lists of rows of one document (and their findings) → :class:`DocumentDiff`;
* :func:`diff_files`: two aligned files (TSV, JSONL, XLSX) of one document → :class:`DocumentDiff`;
* :func:`diff_releases`: two ``batch`` output folders → :class:`ReleaseDiff`.

Rows are paired by content, never by number (:mod:`.rows`); findings by
their identity, code + normalized row text + evidence (:mod:`.identity`).

    >>> from corpus_align.diff import diff_alignments
    >>> diff = diff_alignments([("你好。", "Hello.")], [("你好。", "Hello there.")])
    >>> [(c.change, [(e.op, e.text) for e in c.en_edits]) for c in diff.rows]
    [('en-revised', [('=', 'Hello'), ('+', ' there'), ('=', '.')])]
"""

from __future__ import annotations

from .document import diff_alignments
from .identity import finding_identity, read_accepted
from .model import (
    FINDING_CHANGES,
    ROW_CHANGES,
    DiffRow,
    DocumentDiff,
    Edit,
    FindingChange,
    ReleaseDiff,
    RowChange,
)
from .release import diff_files, diff_releases, read_rows
from .rows import word_diff

__all__ = [
    "FINDING_CHANGES",
    "ROW_CHANGES",
    "DiffRow",
    "DocumentDiff",
    "Edit",
    "FindingChange",
    "ReleaseDiff",
    "RowChange",
    "diff_alignments",
    "diff_files",
    "diff_releases",
    "finding_identity",
    "read_accepted",
    "read_rows",
    "word_diff",
]
