"""The release store batch writes (``OUT/release.sqlite``): its content, its rebuilds, its search and its docs."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing

import pytest

from corpus_align import __version__
from corpus_align.batch import BatchSettings
from corpus_align.errors import InputError, UsageError
from corpus_align.io import store as store_module
from corpus_align.io.baseline import load_baseline
from corpus_align.io.store import SCHEMA_VERSION, STORE_FILE, ReleaseStoreWriter
from corpus_align.io.store_read import document_findings, document_names, document_rows, open_store, search, store_meta
from tests.batch.conftest import EN, ZH, run_batch_here, store_release, two_file_release
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def release_out(tmp_path_factory):
    """A release aligned once for the read-only tests of this module, with JSONL outputs to compare the store with."""
    root = tmp_path_factory.mktemp("store")
    out = root / "out"
    report = run_batch_here(store_release(root / "release"), out, settings=BatchSettings(formats=("jsonl",)))
    return out, report


@pytest.fixture
def connection(release_out):
    connection = open_store(release_out[0])
    yield connection
    connection.close()


def _rows_of(out, name):
    """A document's bead ids and the time its rows were made: what must not change when it is left unchanged."""
    connection = sqlite3.connect(out / STORE_FILE)
    try:
        ids = [row[0] for row in connection.execute("SELECT id FROM beads WHERE document = ? ORDER BY row", (name,))]
        ids += [row[0] for row in connection.execute("SELECT id FROM sentences WHERE document = ? ORDER BY id", (name,))]
        made = connection.execute("SELECT aligned_at, status FROM documents WHERE name = ?", (name,)).fetchone()
        return ids, made
    finally:
        connection.close()


def test_store_holds_every_document_of_the_summary(release_out, connection):
    out, report = release_out
    summary = {record["name"]: record for record in report.documents}
    documents = {row["name"]: row for row in connection.execute("SELECT * FROM documents")}
    assert sorted(documents) == document_names(connection) == sorted(summary) == ["a", "b", "broken", "sample", "trad"]
    for name, record in summary.items():
        stored = documents[name]
        assert stored["status"] == record["status"]
        if record["status"] == "failed":
            assert stored["error"] == record["error"] and stored["input_hash"] is None
            assert connection.execute("SELECT count(*) FROM beads WHERE document = ?", (name,)).fetchone()[0] == 0
            continue
        sentences = connection.execute(
            "SELECT lang, count(*) FROM sentences WHERE document = ? GROUP BY lang", (name,)).fetchall()
        assert dict(sentences) == {"zh": record["zh_sentences"], "en": record["en_sentences"]}
        assert (stored["beads"], stored["errors"], stored["warnings"]) == (record["beads"], record["errors"], record["warnings"])
        findings = connection.execute("SELECT count(*) FROM findings WHERE document = ?", (name,)).fetchone()[0]
        assert findings == record["errors"] + record["warnings"] + record["infos"]
    assert connection.execute("SELECT count(*) FROM decisions").fetchone()[0] == 0


def test_store_records_its_schema_and_corpus_align_version(connection):
    meta = store_meta(connection)
    assert meta["schema_version"] == str(SCHEMA_VERSION) and meta["corpus_align_version"] == __version__
    assert meta["search_index"] == "fts5-trigram"
    assert json.loads(meta["settings"])["formats"] == ["jsonl"]


def test_store_rows_and_findings_read_as_the_document_outputs_have_them(release_out, connection):
    out, _ = release_out
    for name in ("a", "sample", "trad"):
        records = [json.loads(line) for line in (out / f"{name}.jsonl").read_text("utf-8").splitlines()[1:]]
        assert document_rows(connection, name) == [{k: v for k, v in r.items() if k != "raw_score"} for r in records]
        findings = [json.loads(line) for line in (out / f"{name}.findings.jsonl").read_text("utf-8").splitlines()]
        assert document_findings(connection, name) == findings
    assert document_findings(connection, "sample")  # the sample has findings: the comparison saw some


def test_store_sentences_keep_the_original_its_offsets_and_the_normalized_text(release_out, connection):
    source = (release_out[0].parent / "release" / "trad.zh.txt").read_text("utf-8")
    sentences = connection.execute(
        "SELECT sentence, paragraph, start_offset, end_offset, row, original, normalized FROM sentences"
        " WHERE document = 'trad' AND lang = 'zh' ORDER BY sentence").fetchall()
    assert [tuple(s) for s in sentences] == [
        (0, 0, 0, 10, 1, "關於雙方合作的協議。", "关于双方合作的协议。"),
        (1, 1, 11, 22, 2, "他們同意繼續加強交流。", "他们同意继续加强交流。"),
    ]
    assert all(source[s["start_offset"]:s["end_offset"]] == s["original"] for s in sentences)


@pytest.mark.parametrize(("query", "lang", "method", "found"), [
    ("cooperation", "en", "fts5-trigram", {("a", 2), ("trad", 1), ("sample", 2), ("sample", 3), ("sample", 4)}),
    ("COOPERATION", None, "fts5-trigram", {("a", 2), ("trad", 1), ("sample", 2), ("sample", 3), ("sample", 4)}),
    ("协议", "zh", "like", {("b", 1), ("trad", 1), ("sample", 2)}),  # Simplified, two characters
    ("協議", "zh", "like", {("b", 1), ("trad", 1), ("sample", 2)}),  # Traditional, two characters
    ("加强交流", "zh", "fts5-trigram", {("a", 2), ("trad", 2), ("sample", 3)}),  # Simplified, four characters
    ("加強交流", "zh", "fts5-trigram", {("a", 2), ("trad", 2), ("sample", 3)}),  # Traditional, four characters
    ("关于", "zh", "like", {("trad", 1), ("sample", 2)}),  # the sample writes 關(guān)于: found by its normalized text
    ("合作", "en", "like", set()),
    ("100%_", None, "fts5-trigram", set()),  # LIKE's wildcards are text here
])
def test_store_search_finds_rows_in_either_script_and_language(connection, query, lang, method, found):
    result = search(connection, query, lang=lang, limit=0)
    assert {(hit["document"], hit["row"]) for hit in result.hits} == found
    assert result.method == method and not result.note


def test_store_search_by_code_alone_or_with_text(connection):
    by_code = search(connection, code="encoding-artifact", limit=0).hits
    assert {hit["document"] for hit in by_code} == {"sample"} and all("encoding-artifact" in hit["codes"] for hit in by_code)
    both = search(connection, "cooperation", code="encoding-artifact", limit=0).hits
    assert {(hit["document"], hit["row"]) for hit in both} == {("sample", 2), ("sample", 3), ("sample", 4)}
    hit = both[0]
    assert hit["zh"].startswith("3月11日") and hit["en"].startswith("On March 11")  # the other side comes along


def test_store_search_limit_says_when_it_left_rows_out(connection):
    one, every = search(connection, "the", limit=1), search(connection, "the", limit=0)
    assert len(one.hits) == 1 and one.more
    assert len(every.hits) > 1 and not every.more and every.hits[0] == one.hits[0]


def test_store_search_refuses_nothing_to_search_for_and_unknown_languages(connection):
    with pytest.raises(UsageError, match="give a QUERY, a --code, or both"):
        search(connection, "")
    with pytest.raises(UsageError, match="choose zh or en"):
        search(connection, "合作", lang="fr")


def test_store_open_says_what_is_missing(tmp_path):
    with pytest.raises(InputError, match="no release.sqlite in this folder; write one with: corpus-align batch"):
        open_store(tmp_path)
    (tmp_path / STORE_FILE).write_bytes(b"not a database, just bytes" * 100)
    with pytest.raises(InputError, match="not a corpus-align release store"):
        open_store(tmp_path)


def _documented_queries() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", (ROOT / "docs" / "store.md").read_text("utf-8"), re.S)


def test_store_every_example_query_of_the_docs_runs_and_finds_rows(connection):
    queries = _documented_queries()
    assert len(queries) >= 10
    for query in queries:
        rows = connection.execute(query).fetchall()
        if "decisions" not in query:  # empty until a reviewer records decisions
            assert rows, f"docs/store.md: no row from\n{query}"


def test_store_opens_as_it_is_in_the_sqlite3_shell(release_out, connection):
    shell = shutil.which("sqlite3")
    if shell is None:
        pytest.skip("no sqlite3 shell on this machine")
    version = subprocess.run([shell, "--version"], capture_output=True, text=True).stdout.split()[0]
    if tuple(int(part) for part in version.split(".")[:2]) < (3, 34):
        pytest.skip(f"the sqlite3 shell is {version}: the trigram index needs 3.34")
    for query in _documented_queries():
        shown = subprocess.run([shell, "-readonly", "-json", str(release_out[0] / STORE_FILE), query],
                               capture_output=True, text=True, check=True).stdout
        assert len(json.loads(shown or "[]")) == len(connection.execute(query).fetchall()), query


def test_store_rebuilt_only_for_the_documents_that_changed(tmp_path, serial_batch):
    from corpus_align.batch import run_batch

    release = two_file_release(tmp_path / "release", {"a": (ZH[0], EN[0]), "b": (ZH[1], EN[1]), "c": (ZH[2], EN[2])})
    out = tmp_path / "out"
    run_batch(release, out)
    a_before = _rows_of(out, "a")
    (release / "b.zh.txt").write_text(ZH[3], "utf-8")
    (release / "b.en.txt").write_text(EN[3], "utf-8")
    for gone in ("c.zh.txt", "c.en.txt"):
        (release / gone).unlink()
    again = run_batch(release, out)
    assert (again.done, again.unchanged) == (1, 1)
    a_after = _rows_of(out, "a")
    assert a_after[0] == a_before[0] and a_after[1][0] == a_before[1][0]  # the same rows, made at the same time
    assert a_after[1][1] == "unchanged"
    with closing(open_store(out)) as connection:
        assert document_names(connection) == ["a", "b"]
        assert [row["en"] for row in document_rows(connection, "b")] == [EN[3]]
        assert connection.execute("SELECT count(*) FROM sentences WHERE document = 'c'").fetchone()[0] == 0
        assert [hit["document"] for hit in search(connection, "Sichuan").hits] == ["b"]  # the index follows the rows
        assert not search(connection, "strengthen exchanges").hits


def test_store_a_document_that_fails_keeps_its_record_and_loses_its_rows(tmp_path, serial_batch):
    from corpus_align.batch import run_batch

    release = two_file_release(tmp_path / "release", {"a": (ZH[0], EN[0]), "b": (ZH[1], EN[1])})
    out = tmp_path / "out"
    run_batch(release, out)
    (release / "b.zh.txt").write_text("", "utf-8")
    run_batch(release, out)
    with closing(open_store(out)) as connection:
        status, error = connection.execute("SELECT status, error FROM documents WHERE name = 'b'").fetchone()
        assert (status, error) == ("failed", "b.zh.txt: no Chinese text (the file is empty)")
        assert document_rows(connection, "b") == [] and document_rows(connection, "a")


def test_store_a_failure_while_writing_leaves_the_old_store(tmp_path, serial_batch, monkeypatch):
    from corpus_align.batch import run_batch

    release = two_file_release(tmp_path / "release", {"a": (ZH[0], EN[0]), "b": (ZH[1], EN[1])})
    out = tmp_path / "out"
    run_batch(release, out)
    before = (out / STORE_FILE).read_bytes()
    (release / "b.en.txt").write_text(EN[3], "utf-8")

    def disk_full(self, record, digest, rows):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ReleaseStoreWriter, "replace_document", disk_full)
    with pytest.raises(OSError):
        run_batch(release, out)
    assert (out / STORE_FILE).read_bytes() == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".release")] == []
    monkeypatch.undo()
    again = run_batch(release, out)
    assert (again.done, again.unchanged) == (1, 1)  # b was never stored: done again, a stays


def test_store_missing_or_of_another_schema_aligns_its_documents_again(tmp_path, serial_batch):
    from corpus_align.batch import run_batch

    release = two_file_release(tmp_path / "release", {"a": (ZH[0], EN[0])})
    out = tmp_path / "out"
    run_batch(release, out)
    (out / STORE_FILE).unlink()
    assert run_batch(release, out).done == 1  # nothing vouches for a's rows: aligned again, and stored
    with sqlite3.connect(out / STORE_FILE) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    connection.close()
    warnings: list[str] = []
    assert run_batch(release, out, warn=warnings.append).done == 1
    assert warnings == [f"{out / STORE_FILE}: it has schema version 0, this corpus-align writes {SCHEMA_VERSION};"
                        " it is rebuilt, and the documents it held are aligned again"]
    with closing(open_store(out)) as connection:
        assert store_meta(connection)["schema_version"] == str(SCHEMA_VERSION) and document_rows(connection, "a")


def test_store_without_fts5_searches_by_like_with_the_same_answers(tmp_path, serial_batch, monkeypatch, connection):
    from corpus_align.batch import run_batch

    monkeypatch.setattr(store_module, "trigram_index_available", lambda: False)
    warnings: list[str] = []
    out = tmp_path / "out"
    run_batch(store_release(tmp_path / "release"), out, warn=warnings.append)
    assert warnings == [store_module.NO_INDEX_NOTE]  # said once, not once per document
    with closing(open_store(out)) as plain:
        assert store_meta(plain)["search_index"] == "none"
        assert not plain.execute("SELECT name FROM sqlite_master WHERE name LIKE 'beads_fts%'").fetchall()
        for query in ("cooperation", "加強交流", "协议"):
            found = search(plain, query, limit=0)
            assert found.method == "like" and "no full-text index" in found.note
            assert found.hits == search(connection, query, limit=0).hits
    # A store with the index, read where FTS5 is missing, is read by LIKE too.
    indexed = search(connection, "加強交流", limit=0)
    assert indexed.method == "like" and "cannot be read" in indexed.note and len(indexed.hits) == 3


def test_store_decisions_outlive_reruns_and_force(tmp_path, serial_batch):
    from corpus_align.batch import run_batch

    release = two_file_release(tmp_path / "release", {"a": (ZH[0], EN[0])})
    out = tmp_path / "out"
    run_batch(release, out)
    with closing(sqlite3.connect(out / STORE_FILE)) as connection, connection:
        connection.execute("INSERT INTO decisions (fingerprint, reason, decided_at) VALUES ('f1', 'a name', '2026-01-02')")
    run_batch(release, out)
    assert run_batch(release, out, force=True).done == 1
    with closing(open_store(out)) as connection:
        assert [tuple(row) for row in connection.execute("SELECT fingerprint, reason FROM decisions")] == [("f1", "a name")]
        assert document_rows(connection, "a")


def test_store_findings_carry_the_baseline_fingerprint_and_batch_baseline_fills_the_decisions(tmp_path, serial_batch):
    from corpus_align.batch import run_batch
    from tests.conftest import run_cli

    release, out = store_release(tmp_path / "release"), tmp_path / "out"
    run_batch(release, out)
    # The fingerprint is the one a baseline holds: check --update-baseline on the document's TSV writes the same.
    baseline = tmp_path / "baseline.jsonl"
    assert run_cli("check", str(out / "sample.tsv"), "--baseline", str(baseline), "--update-baseline").returncode == 0
    written = load_baseline(baseline)
    with closing(open_store(out)) as connection:
        stored = {row[0]: row[1] for row in connection.execute("SELECT fingerprint, code FROM findings WHERE document = 'sample'")}
    assert stored and set(stored) == set(written)
    accepted = sorted(stored)[0]
    run_batch(release, out, settings=BatchSettings(baseline=((accepted, "a name, rendered by meaning"),)))
    with closing(open_store(out)) as connection:
        assert [tuple(r) for r in connection.execute("SELECT fingerprint, reason FROM decisions")] == [
            (accepted, "a name, rendered by meaning")]
        flags = dict(connection.execute("SELECT fingerprint, accepted FROM findings WHERE document = 'sample'").fetchall())
    assert flags[accepted] == 1 and sum(flags.values()) == 1
    run_batch(release, out, settings=BatchSettings(baseline=()))  # an empty baseline: nothing accepted any more
    with closing(open_store(out)) as connection:
        assert connection.execute("SELECT count(*) FROM decisions").fetchone()[0] == 0


def test_store_index_is_one_datasette_finds_for_the_beads(connection):
    """Datasette's search box appears on a table whose FTS index says content="beads" (its detect_fts looks for
    that, or content=[beads]); with content='beads' the index works but Datasette does not offer it."""
    (sql,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'beads_fts'").fetchone()
    assert re.search(r'VIRTUAL TABLE.*USING FTS.*content="beads"', sql, re.I | re.S)
