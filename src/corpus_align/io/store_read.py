"""Read a release store (``OUT/release.sqlite``): its documents, their rows and findings, and a search over them.

The read side of :mod:`corpus_align.io.store`, for ``corpus-align search``
and for whatever compares two releases: :func:`document_rows` and
:func:`document_findings` give a document's beads and findings in the shapes
``NAME.tsv`` (as JSONL) and ``NAME.findings.jsonl`` hold, so that a reader of
those files can read the store instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, UsageError
from . import store
from .store import NO_INDEX_NOTE, SCHEMA_VERSION, STORE_FILE, TRIGRAM_INDEX

if TYPE_CHECKING:
    import sqlite3

    from .baseline import BaselineEntry

# A trigram index finds nothing shorter than three characters: shorter queries read every row instead.
TRIGRAM_LENGTH = 3
# The columns a search looks at: those of the full-text index (see corpus_align.io.store), for LIKE too, so that
# both give one answer. en_normalized differs from en only in white space.
LANGUAGE_COLUMNS = {"zh": ("zh", "zh_normalized"), "en": ("en",)}


def store_path(location: str | Path) -> Path:
    """The store file of ``location``: a batch's output folder (its ``release.sqlite``) or the file itself.

    >>> store_path("review").as_posix(), store_path("old.sqlite").as_posix()
    ('review/release.sqlite', 'old.sqlite')
    """
    path = Path(location)
    return path / STORE_FILE if path.is_dir() or path.suffix != ".sqlite" else path


def open_store(location: str | Path) -> sqlite3.Connection:
    """Open the release store of ``location`` (see :func:`store_path`) read-only, rows readable by column name.

    Raises :class:`~corpus_align.errors.InputError` (one line) when there is
    no store, it is not one, or a newer corpus-align wrote it.

    >>> connection = open_store("review/")  # doctest: +SKIP
    >>> document_names(connection)  # doctest: +SKIP
    ['news/a', 'news/b']
    """
    import sqlite3

    path = store_path(location)
    if not path.is_file():
        where = f"no {STORE_FILE} in this folder" if path.name == STORE_FILE else "no such file"
        raise InputError(str(location), f"{where}; write one with: corpus-align batch RELEASE -o {location}")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        connection.row_factory = sqlite3.Row
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error as error:
        raise InputError(str(path), f"not a corpus-align release store ({error})") from None
    version = meta.get("schema_version", "")
    if version != str(SCHEMA_VERSION):
        connection.close()
        newer = version.isdigit() and int(version) > SCHEMA_VERSION
        advice = "upgrade corpus-align to read it" if newer else "run batch again to rebuild it"
        raise InputError(str(path), f"a release store of schema version {version or '?'}, this corpus-align reads"
                                    f" {SCHEMA_VERSION}; {advice}")
    return connection


def store_meta(connection: sqlite3.Connection) -> dict[str, str]:
    """The store's ``meta`` table: ``schema_version``, ``corpus_align_version``, ``search_index``, ``written_at``, ``settings``.

    >>> store_meta(open_store("review/"))["schema_version"]  # doctest: +SKIP
    '1'
    """
    return {row[0]: row[1] for row in connection.execute("SELECT key, value FROM meta")}


def document_names(connection: sqlite3.Connection) -> list[str]:
    """The names of the documents the store holds, failed ones included, in name order.

    >>> document_names(open_store("review/"))  # doctest: +SKIP
    ['news/a', 'news/b']
    """
    return [row[0] for row in connection.execute("SELECT name FROM documents ORDER BY name")]


def document_rows(connection: sqlite3.Connection, name: str) -> list[dict]:
    """The beads of document ``name`` in row order, each as the JSONL output has it: ``row``, ``zh``, ``en``,
    ``type``, ``score``, ``zh_ids``, ``en_ids`` and ``issues`` (the codes of the row's findings).

    Empty for a document the store does not hold or that failed.

    >>> document_rows(open_store("review/"), "news/a")[0]["zh_ids"]  # doctest: +SKIP
    [0]
    """
    issues: dict[int, list[str]] = {}
    for row, code in connection.execute("SELECT row, code FROM findings WHERE document = ? ORDER BY id", (name,)):
        issues.setdefault(row, []).append(code)
    return [
        {
            "row": bead[0], "zh": bead[1], "en": bead[2], "type": bead[3], "score": bead[4],
            "zh_ids": json.loads(bead[5]), "en_ids": json.loads(bead[6]), "issues": issues.get(bead[0], []),
        }
        for bead in connection.execute(
            "SELECT row, zh, en, type, score, zh_ids, en_ids FROM beads WHERE document = ? ORDER BY row", (name,)
        )
    ]


def document_findings(connection: sqlite3.Connection, name: str) -> list[dict]:
    """The findings of document ``name`` as ``NAME.findings.jsonl`` has them: ``row``, ``code``, ``severity``,
    ``confidence``, ``message``, ``zh_text``, ``en_text``, ``suggestion``, ``spans``.

    >>> document_findings(open_store("review/"), "news/a")[0]["code"]  # doctest: +SKIP
    'number-mismatch'
    """
    return [
        {
            "row": f[0], "code": f[1], "severity": f[2], "confidence": f[3], "message": f[4],
            "zh_text": f[5], "en_text": f[6], "suggestion": f[7], "spans": json.loads(f[8]),
        }
        for f in connection.execute(
            "SELECT row, code, severity, confidence, message, evidence_zh, evidence_en, suggestion, evidence_spans"
            " FROM findings WHERE document = ? ORDER BY id", (name,)
        )
    ]


@dataclass
class SearchResult:
    """The rows a search found (``document``, ``row``, ``zh``, ``en``, ``type``, ``score``, ``codes``), in document
    and row order; ``more`` when the limit left some out; ``method`` ``fts5-trigram`` or ``like``; ``note`` says,
    when it is not empty, why the index could not be used."""

    hits: list[dict]
    more: bool = False
    method: str = "like"
    note: str = ""


def search_query_forms(query: str) -> list[str]:
    """``query`` and, when it differs, its normalized form (Simplified, full-width letters and digits folded).

    A Traditional query then finds a Simplified document (through its text)
    and a Traditional one (through its normalized text), and so does a
    Simplified one.

    >>> search_query_forms("關於"), search_query_forms("关于"), search_query_forms("ＧＤＰ")
    (['關於', '关于'], ['关于'], ['ＧＤＰ', 'GDP'])
    """
    from ..normalize import fold_fullwidth, to_simplified

    normalized = to_simplified(fold_fullwidth(query)) if any(ord(c) > 0x7F for c in query) else query
    return [query] if normalized == query else [query, normalized]


def search(
    connection: sqlite3.Connection, query: str = "", *, lang: str | None = None, code: str | None = None, limit: int = 20,
) -> SearchResult:
    """The bead rows whose text contains ``query`` (case-insensitively; Traditional or Simplified alike) and that
    have a finding ``code``, either or both; ``lang`` looks at one side only; ``limit`` 0 returns every row.

    The trigram index answers queries of three or more characters; shorter
    ones, and stores without the index, are answered by reading every row
    (``LIKE``), with the same result.

    >>> result = search(open_store("review/"), "合作", lang="zh")  # doctest: +SKIP
    >>> [(hit["document"], hit["row"], hit["en"]) for hit in result.hits]  # doctest: +SKIP
    [('news/a', 2, 'Both sides agreed to strengthen exchanges and cooperation.')]
    """
    if lang is not None and lang not in LANGUAGE_COLUMNS:
        raise UsageError(f"unknown language {lang!r}; choose zh or en")
    if limit < 0:
        raise UsageError(f"--limit must be 0 (every row) or more, not {limit}")
    if not query and not code:
        raise UsageError("nothing to search for: give a QUERY, a --code, or both")
    columns = LANGUAGE_COLUMNS[lang] if lang else (*LANGUAGE_COLUMNS["zh"], *LANGUAGE_COLUMNS["en"])
    conditions: list[str] = []
    parameters: list[object] = []
    method, note = "like", ""
    if query:
        forms = search_query_forms(query)
        has_index = store_meta(connection).get("search_index") == TRIGRAM_INDEX
        if has_index and not store.trigram_index_available():
            note = NO_INDEX_NOTE.replace("release.sqlite has no full-text index", "its full-text index cannot be read")
        elif not has_index:
            note = "this release.sqlite has no full-text index (the SQLite that wrote it had no FTS5 trigram tokenizer):" \
                   " search reads every row (LIKE)"
        if not note and min(len(form) for form in forms) >= TRIGRAM_LENGTH:
            method = TRIGRAM_INDEX
            phrases = " OR ".join('"' + form.replace('"', '""') + '"' for form in forms)
            conditions.append("b.id IN (SELECT rowid FROM beads_fts WHERE beads_fts MATCH ?)")
            parameters.append(f"{{{' '.join(columns)}}} : ({phrases})")
        else:
            conditions.append("(" + " OR ".join(f"b.{column} LIKE ? ESCAPE '\\'" for column in columns for _ in forms) + ")")
            parameters += [_like_pattern(form) for _ in columns for form in forms]
    if code:
        conditions.append("EXISTS (SELECT 1 FROM findings f WHERE f.document = b.document AND f.row = b.row AND f.code = ?)")
        parameters.append(code)
    sql = (
        "SELECT b.document, b.row, b.zh, b.en, b.type, b.score,"
        " (SELECT group_concat(f.code, ' ') FROM findings f WHERE f.document = b.document AND f.row = b.row) AS codes"
        f" FROM beads b WHERE {' AND '.join(conditions)} ORDER BY b.document, b.row"
    )
    if limit:
        sql += " LIMIT ?"
        parameters.append(limit + 1)
    rows = connection.execute(sql, parameters).fetchall()
    hits = [
        {"document": r[0], "row": r[1], "zh": r[2], "en": r[3], "type": r[4], "score": r[5],
         "codes": sorted(set((r[6] or "").split()))}
        for r in rows[: limit or None]
    ]
    return SearchResult(hits, more=bool(limit) and len(rows) > limit, method=method, note=note)


def _like_pattern(text: str) -> str:
    r"""A LIKE pattern for ``text`` anywhere, its own ``%``, ``_`` and ``\`` taken literally.

    >>> _like_pattern("5%_a\\b")
    '%5\\%\\_a\\\\b%'
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def baseline_entries(connection: sqlite3.Connection) -> dict[str, BaselineEntry]:
    """Every finding of the release as a baseline entry (fingerprint, code, its row's text, evidence), one per
    fingerprint: what ``batch --update-baseline`` writes.

    >>> sorted(baseline_entries(open_store("review/")))[:1]  # doctest: +SKIP
    ['03f1c2...']
    """
    from .baseline import BaselineEntry

    entries: dict[str, BaselineEntry] = {}
    query = (
        "SELECT f.fingerprint, f.code, coalesce(b.zh, ''), coalesce(b.en, ''), f.evidence_zh, f.evidence_en"
        " FROM findings AS f LEFT JOIN beads AS b ON b.document = f.document AND b.row = f.row ORDER BY f.id"
    )
    for fingerprint, code, zh, en, evidence_zh, evidence_en in connection.execute(query):
        entries.setdefault(fingerprint, BaselineEntry(fingerprint, code, zh, en, evidence_zh, evidence_en))
    return entries
