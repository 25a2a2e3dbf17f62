"""The release store: one SQLite file, ``OUT/release.sqlite``, that holds a batch's sentences, beads and findings.

``batch`` writes it after the documents' own outputs; ``corpus-align search``
and whoever opens it in the ``sqlite3`` shell or Datasette read it (the
schema is in ``docs/store.md``). Plain tables and a full-text index on the
beads' text, nothing a reader needs our code for.

Writing goes through :class:`ReleaseStoreWriter`: it copies the previous
store into a temporary file beside it, replaces the rows of the documents
this run aligned (or found failed, or no longer finds), and moves the file
into place with one ``os.replace`` at the end. A run that dies half way
leaves the old store; the rows of the documents a run left unchanged are
never rewritten.

The rows of one document (:class:`DocumentRows`) are made where the
document was aligned, in a worker process, as plain tuples that travel back
with its outputs.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutputError

if TYPE_CHECKING:
    import sqlite3

    from ..model import Alignment, Finding

STORE_FILE = "release.sqlite"
# Raised whenever a table or column changes meaning; a store of another version is rebuilt, not patched.
SCHEMA_VERSION = 2
# What meta.search_index says: which full-text index the beads have.
TRIGRAM_INDEX = "fts5-trigram"
NO_INDEX = "none"
# The statuses a document row may have; equal to batch's (corpus_align.batch.settings), which cannot be imported
# from here without the store depending on batch.
ALIGNED_STATUSES = ("done", "unchanged")

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    zh_file TEXT NOT NULL,
    en_file TEXT NOT NULL,
    zh_sentences INTEGER,
    en_sentences INTEGER,
    beads INTEGER,
    mean_score REAL,
    errors INTEGER,
    warnings INTEGER,
    infos INTEGER,
    error TEXT NOT NULL,
    input_hash TEXT,
    aligned_at TEXT
);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(name),
    lang TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    row INTEGER,
    original TEXT NOT NULL,
    normalized TEXT NOT NULL
);
CREATE INDEX sentences_by_document ON sentences(document, lang, sentence);
CREATE TABLE beads (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(name),
    row INTEGER NOT NULL,
    type TEXT NOT NULL,
    score REAL NOT NULL,
    zh_ids TEXT NOT NULL,
    en_ids TEXT NOT NULL,
    zh TEXT NOT NULL,
    en TEXT NOT NULL,
    zh_normalized TEXT NOT NULL,
    en_normalized TEXT NOT NULL
);
CREATE UNIQUE INDEX beads_by_document ON beads(document, row);
CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(name),
    row INTEGER NOT NULL,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    evidence_zh TEXT NOT NULL,
    evidence_en TEXT NOT NULL,
    evidence_spans TEXT NOT NULL,
    suggestion TEXT NOT NULL,
    confidence REAL,
    fingerprint TEXT NOT NULL,
    accepted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX findings_by_fingerprint ON findings(fingerprint);
CREATE INDEX findings_by_document ON findings(document, row);
CREATE INDEX findings_by_code ON findings(code);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    reason TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
"""

# The full-text index: an external-content FTS5 table over the beads (no second copy of the text), kept in step
# by triggers, so that any writer of the beads table (ours, a user's sqlite3 shell) keeps it right. It leaves out
# en_normalized, which differs from en only in white space: a trigram index costs about a second of CPU per
# 2.5 million characters (the dev sets: 41,000 beads, 3.4 s for four columns), so each column is worth its cost.
#
# The trigram tokenizer, for both languages: it needs no word segmentation, which Chinese would (unicode61 reads
# a run of Han characters as one token), and it searches for a substring, case-insensitively, in either language:
# the same answer as the LIKE fallback gives, only faster, so that a store without the index or a query too short
# for trigrams (one or two characters) behaves the same. The indexed text is the text itself: Datasette's search
# box and a hand-written MATCH in the sqlite3 shell work as they are (Datasette finds the index of a table by
# its content="beads", written with double quotes).
TRIGRAM_SCHEMA = """
CREATE VIRTUAL TABLE beads_fts USING fts5(
    zh, en, zh_normalized, content="beads", content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER beads_fts_insert AFTER INSERT ON beads BEGIN
    INSERT INTO beads_fts(rowid, zh, en, zh_normalized) VALUES (new.id, new.zh, new.en, new.zh_normalized);
END;
CREATE TRIGGER beads_fts_delete AFTER DELETE ON beads BEGIN
    INSERT INTO beads_fts(beads_fts, rowid, zh, en, zh_normalized)
    VALUES ('delete', old.id, old.zh, old.en, old.zh_normalized);
END;
CREATE TRIGGER beads_fts_update AFTER UPDATE ON beads BEGIN
    INSERT INTO beads_fts(beads_fts, rowid, zh, en, zh_normalized)
    VALUES ('delete', old.id, old.zh, old.en, old.zh_normalized);
    INSERT INTO beads_fts(rowid, zh, en, zh_normalized) VALUES (new.id, new.zh, new.en, new.zh_normalized);
END;
"""

NO_INDEX_NOTE = (
    "this Python's SQLite has no FTS5 trigram tokenizer (SQLite 3.34 or later with FTS5): "
    "release.sqlite has no full-text index, and search reads every row (LIKE)"
)


@cache
def trigram_index_available() -> bool:
    """True when this Python's SQLite can build and read an FTS5 trigram index (SQLite 3.34 or later, built with FTS5).

    >>> isinstance(trigram_index_available(), bool)
    True
    """
    import sqlite3

    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='trigram')")
        return True
    except sqlite3.Error:  # "no such module: fts5", or "no such tokenizer: trigram" before 3.34
        return False
    finally:
        connection.close()


@dataclass(frozen=True)
class DocumentRows:
    """The store's rows of one document, as plain tuples in the column order of ``docs/store.md`` (no ``id``, no
    ``document``: the writer adds them).

    ``sentences``: ``(lang, sentence, paragraph, start_offset, end_offset, row, original, normalized)``;
    ``beads``: ``(row, type, score, zh_ids, en_ids, zh, en, zh_normalized, en_normalized)``;
    ``findings``: ``(row, code, severity, message, evidence_zh, evidence_en, evidence_spans, suggestion, confidence,
    fingerprint, accepted)``.
    """

    sentences: tuple[tuple, ...]
    beads: tuple[tuple, ...]
    findings: tuple[tuple, ...]


def store_rows(alignment: Alignment, findings: Sequence[Finding]) -> DocumentRows:
    """The store's rows of one aligned and checked document.

    The bead text is the author's (as the TSV shows it by default), each
    side's sentences on one line; ``*_normalized`` joins the sentences'
    normalized forms (Simplified Chinese, full-width digits folded), which is
    what a Traditional query converted to Simplified finds.

    >>> from corpus_align import align
    >>> rows = store_rows(align("關於合作。", "On cooperation."), [])
    >>> rows.beads[0][5:9]
    ('關於合作。', 'On cooperation.', '关于合作。', 'On cooperation.')
    >>> rows.sentences[0][:6]
    ('zh', 0, 0, 0, 5, 1)
    """
    from .records import join_sentences, shown_sentences

    sentence_row: dict[tuple[str, int], int] = {}
    for row, bead in alignment.rows():
        sentence_row.update({("zh", index): row for index in bead.zh})
        sentence_row.update({("en", index): row for index in bead.en})
    sentences = tuple(
        (s.lang, s.index, s.paragraph, s.start, s.end, sentence_row.get((s.lang, s.index)), s.original, s.normalized)
        for document in (alignment.zh, alignment.en) for s in document.sentences
    )
    zh_shown, en_shown = shown_sentences(alignment.zh), shown_sentences(alignment.en)
    zh_normalized = [s.normalized for s in alignment.zh.sentences]
    en_normalized = [s.normalized for s in alignment.en.sentences]
    beads = tuple(
        (
            row, bead.type, round(bead.score, 3), json.dumps(list(bead.zh)), json.dumps(list(bead.en)),
            join_sentences(alignment.zh, zh_shown, bead.zh), join_sentences(alignment.en, en_shown, bead.en),
            join_sentences(alignment.zh, zh_normalized, bead.zh), join_sentences(alignment.en, en_normalized, bead.en),
        )
        for row, bead in alignment.rows()
    )
    from ..baseline import finding_fingerprint

    row_text = {row: (zh, en) for row, _type, _score, _zh_ids, _en_ids, zh, en, _zh_n, _en_n in beads}
    finding_rows = tuple(
        (
            f.row, f.code, f.severity, f.message, f.zh_text, f.en_text,
            json.dumps([{"side": s.side, "start": s.start, "end": s.end, "text": s.text} for s in f.spans], ensure_ascii=False),
            f.suggestion, f.confidence,
            # The baseline's fingerprint, so a decision (or a diff) finds the finding whatever its row number.
            f.fingerprint or finding_fingerprint(f, *row_text.get(f.row, ("", ""))), int(f.accepted),
        )
        for f in findings
    )
    return DocumentRows(sentences, beads, finding_rows)


def stored_text(text: str) -> str:
    r"""``text`` as the store holds it: the lone surrogates of a file name that is not UTF-8 spelled out
    (as ``summary.json`` spells them), since SQLite text is UTF-8.

    >>> stored_text("caf\udce9")
    'caf\\udce9'
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class StoreProblem(Exception):
    """Why a file cannot serve as the previous store (not SQLite, another schema version): it is rebuilt instead."""


class ReleaseStoreWriter:
    """Builds ``release.sqlite`` from the previous one: a temporary copy, changed per document, moved into place.

    Use it as a context manager: leaving the block normally commits and
    replaces the store; leaving it by an exception drops the copy and keeps
    the old store. Each document's change is all or nothing (a savepoint), so
    a Ctrl-C between two documents commits the ones before it whole.

    >>> import tempfile, pathlib
    >>> from corpus_align import align
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> with ReleaseStoreWriter.open(out / STORE_FILE) as store:
    ...     store.replace_document({"name": "a", "status": "done", "zh_file": "a.zh.txt", "en_file": "a.en.txt"},
    ...                            "hash-1", store_rows(align("你好。", "Hello."), []))
    >>> ReleaseStoreWriter.open(out / STORE_FILE).holds("a", "hash-1")
    True
    """

    def __init__(self, path: Path, temporary: Path, connection: sqlite3.Connection, search_index: str) -> None:
        self.path = path
        self.temporary = temporary
        self.connection = connection
        self.search_index = search_index
        self._held = {
            name: digest for name, digest in connection.execute(
                "SELECT name, input_hash FROM documents WHERE status IN ('done', 'unchanged') AND input_hash IS NOT NULL"
            )
        }
        self._closed = False

    @classmethod
    def open(cls, path: str | Path, *, fresh: bool = False, warn: Callable[[str], None] | None = None) -> ReleaseStoreWriter:
        """Start the next store at ``path`` from the one there (if it is a store of this schema, else from nothing).

        ``fresh`` starts from nothing but the previous store's decisions
        (``--force``, which replaces every document: cheaper than deleting
        each one's rows from the index). ``warn`` hears once why an existing
        file was not used (and once when this SQLite cannot build the
        full-text index). Raises :class:`OutputError` when the temporary file
        cannot be made.
        """
        import sqlite3

        path = Path(path)
        search_index = TRIGRAM_INDEX if trigram_index_available() else NO_INDEX
        if search_index == NO_INDEX and warn is not None:
            warn(NO_INDEX_NOTE)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(handle)
        except OSError as error:
            raise OutputError(str(path), f"cannot write the release store: {error.strerror or error}") from None
        temporary = Path(name)
        connection = None
        try:
            connection = sqlite3.connect(temporary, isolation_level=None)
            reused = False
            if os.path.lexists(path) and not fresh:
                try:
                    _copy_previous(path, connection, search_index)
                    reused = True
                except StoreProblem as problem:
                    if warn is not None:
                        warn(f"{path}: {problem}; it is rebuilt, and the documents it held are aligned again")
                    connection.close()
                    temporary.write_bytes(b"")  # whatever half a copy left
                    connection = sqlite3.connect(temporary, isolation_level=None)
            if not reused:
                connection.executescript(SCHEMA + (TRIGRAM_SCHEMA if search_index == TRIGRAM_INDEX else ""))
                if fresh and os.path.lexists(path):
                    _carry_decisions(path, connection)
            connection.execute("BEGIN")
            return cls(path, temporary, connection, search_index)
        except (sqlite3.Error, OSError) as error:
            if connection is not None:
                connection.close()
            _remove(temporary)
            raise OutputError(str(path), f"cannot write the release store: {error}") from None

    def holds(self, name: str, digest: str) -> bool:
        """True when the previous store has rows of document ``name`` aligned from inputs and settings hashing to ``digest``."""
        return self._held.get(stored_text(name)) == digest

    def replace_document(self, record: dict, digest: str | None, rows: DocumentRows | None) -> None:
        """Replace the rows of document ``record["name"]`` with ``rows`` (none for a failed document).

        ``record`` is the document's summary record (name, status, files,
        counts, error); ``digest`` the hash of its inputs and settings, kept
        so that a later run knows these rows are still right.
        """
        name = stored_text(record["name"])
        with self._savepoint():
            self._delete_rows([name])
            aligned = rows is not None and record.get("status") in ALIGNED_STATUSES
            self.connection.execute(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    name, record.get("status", ""), stored_text(record.get("zh_file", "")),
                    stored_text(record.get("en_file", "")),
                    record.get("zh_sentences"), record.get("en_sentences"), record.get("beads"), record.get("mean_score"),
                    record.get("errors"), record.get("warnings"), record.get("infos"), stored_text(record.get("error", "")),
                    digest if aligned else None, _now() if aligned else None,
                ),
            )
            if rows is None or not aligned:
                return
            self.connection.executemany(
                "INSERT INTO sentences (document, lang, sentence, paragraph, start_offset, end_offset, row, original,"
                " normalized) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((name, *values) for values in rows.sentences),
            )
            self.connection.executemany(
                "INSERT INTO beads (document, row, type, score, zh_ids, en_ids, zh, en, zh_normalized, en_normalized)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((name, *values) for values in rows.beads),
            )
            self.connection.executemany(
                "INSERT INTO findings (document, row, code, severity, message, evidence_zh, evidence_en, evidence_spans,"
                " suggestion, confidence, fingerprint, accepted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((name, *values) for values in rows.findings),
            )

    def mark_unchanged(self, name: str) -> None:
        """Say that this run found document ``name`` unchanged: its rows stay as they are."""
        with self._savepoint():
            self.connection.execute("UPDATE documents SET status = 'unchanged' WHERE name = ?", (stored_text(name),))

    def keep_only(self, names: Collection[str]) -> None:
        """Drop every document not in ``names`` (gone from the release) with its rows."""
        held = [name for (name,) in self.connection.execute("SELECT name FROM documents")]
        wanted = {stored_text(name) for name in names}
        with self._savepoint():
            self._delete_rows([name for name in held if name not in wanted], documents=True)

    def set_decisions(self, accepted: Iterable[tuple[str, str]]) -> None:
        """Make the decisions those of the run's baseline: ``(fingerprint, reason)`` pairs (``batch --baseline``).

        Fingerprints that left the baseline leave the store; those still in it keep the time they were first seen.
        """
        pairs = dict(accepted)
        with self._savepoint():
            held = {fingerprint for (fingerprint,) in self.connection.execute("SELECT fingerprint FROM decisions")}
            self.connection.executemany("DELETE FROM decisions WHERE fingerprint = ?", [(f,) for f in held - set(pairs)])
            self.connection.executemany("UPDATE decisions SET reason = ? WHERE fingerprint = ?",
                                        [(reason, f) for f, reason in pairs.items() if f in held])
            now = _now()
            self.connection.executemany("INSERT INTO decisions (fingerprint, reason, decided_at) VALUES (?, ?, ?)",
                                        [(f, reason, now) for f, reason in pairs.items() if f not in held])

    def commit(self, meta: dict[str, object] | None = None) -> Path:
        """Record ``meta`` (besides the schema and corpus-align versions), commit, and move the store into place."""
        import sqlite3

        from .. import __version__
        from .atomic import move_into_place

        values = {"schema_version": SCHEMA_VERSION, "corpus_align_version": __version__, "search_index": self.search_index,
                  "written_at": _now(), **(meta or {})}
        try:
            self.connection.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [(key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)) for key, value in values.items()],
            )
            self.connection.execute("COMMIT")
            pages, free = (self.connection.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "freelist_count"))
            if free > pages // 4:  # the rows of many documents replaced: give the space back rather than carry it on
                self.connection.execute("VACUUM")
            self.connection.close()
            self._closed = True
            move_into_place(self.temporary, self.path)
        except (sqlite3.Error, OSError) as error:
            self.discard()
            raise OutputError(str(self.path), f"cannot write the release store: {error}") from None
        return self.path

    def discard(self) -> None:
        """Drop the temporary copy; the store that was there stays."""
        if not self._closed:
            with contextlib.suppress(Exception):
                self.connection.close()
            self._closed = True
        _remove(self.temporary)

    def __enter__(self) -> ReleaseStoreWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            if not self._closed:
                self.commit()
        else:
            self.discard()

    @contextlib.contextmanager
    def _savepoint(self):
        import sqlite3

        self.connection.execute("SAVEPOINT document")
        try:
            yield
        except BaseException as error:
            self.connection.execute("ROLLBACK TO document")
            self.connection.execute("RELEASE document")
            if isinstance(error, sqlite3.Error):
                raise OutputError(str(self.path), f"cannot write the release store: {error}") from None
            raise
        self.connection.execute("RELEASE document")

    def _delete_rows(self, names: Sequence[str], *, documents: bool = False) -> None:
        tables = ("sentences", "beads", "findings", "documents") if documents else ("sentences", "beads", "findings")
        for table in tables:
            column = "name" if table == "documents" else "document"
            self.connection.executemany(f"DELETE FROM {table} WHERE {column} = ?", ((name,) for name in names))
        for name in names:
            self._held.pop(name, None)


def _copy_previous(path: Path, connection: sqlite3.Connection, search_index: str) -> None:
    """Copy the store at ``path`` into ``connection`` (SQLite's backup: a consistent copy even while someone reads it)."""
    import sqlite3

    try:
        previous = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreProblem(f"it cannot be opened ({error})") from None
    try:
        try:
            found = dict(previous.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as error:
            raise StoreProblem(f"it is not a corpus-align release store ({error})") from None
        if found.get("schema_version") != str(SCHEMA_VERSION):
            raise StoreProblem(f"it has schema version {found.get('schema_version')}, this corpus-align writes {SCHEMA_VERSION}")
        if found.get("search_index") != search_index:
            # A trigram index that this SQLite cannot update, or none where one can now be built.
            raise StoreProblem(f"its search index is {found.get('search_index')}, this SQLite builds {search_index}")
        try:
            previous.backup(connection)
        except sqlite3.Error as error:
            raise StoreProblem(f"it cannot be read ({error})") from None
    finally:
        previous.close()


def _carry_decisions(path: Path, connection: sqlite3.Connection) -> None:
    """Copy the decisions of the store at ``path`` into the new one: a reviewer's work outlives any rebuild."""
    import sqlite3

    with contextlib.suppress(sqlite3.Error, StoreProblem):  # no previous store worth reading: nothing to carry
        connection.execute("ATTACH DATABASE ? AS previous", (str(path),))  # read only: nothing is written to it
        try:
            version = connection.execute("SELECT value FROM previous.meta WHERE key = 'schema_version'").fetchone()
            if version is None or version[0] != str(SCHEMA_VERSION):
                raise StoreProblem("another schema")
            connection.execute("INSERT INTO decisions SELECT * FROM previous.decisions")
        finally:
            connection.execute("DETACH DATABASE previous")


def _remove(temporary: Path) -> None:
    for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()
