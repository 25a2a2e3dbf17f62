"""``corpus-align search``: rows of a batch's release store, for people and as JSON lines; mistakes in one line."""

from __future__ import annotations

import json

import pytest

from tests.batch.conftest import run_batch_here, store_release
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    root = tmp_path_factory.mktemp("search")
    run_batch_here(store_release(root / "release"), root / "out")
    return root / "out"


def test_search_cli_prints_each_row_with_its_document_and_both_sides(out):
    done = run_cli("search", str(out), "協議", "--lang", "zh")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines[:3] == ["b row 1 (1-1, score 1.00)", "  zh  他们在2021年3月11日签署了协议。",
                         "  en  They signed the agreement on March 11, 2021."]
    assert [line for line in lines if not line.startswith("  ")] == [
        "b row 1 (1-1, score 1.00)", "sample row 2 (1-1, score 0.99) encoding-artifact", "trad row 1 (1-1, score 1.00)",
    ]
    assert done.stderr == b""


def test_search_cli_jsonl_by_code_and_limit(out):
    done = run_cli("search", str(out), "--code", "encoding-artifact", "--format", "jsonl", "--limit", "2")
    assert done.returncode == 0
    hits = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [(hit["document"], hit["row"]) for hit in hits] == [("sample", 1), ("sample", 2)]
    assert all("encoding-artifact" in hit["codes"] and {"zh", "en", "type", "score"} <= set(hit) for hit in hits)
    assert done.stderr.decode("utf-8") == "corpus-align: warning: more rows match than the 2 shown; --limit 0 shows them all\n"


def test_search_cli_english_word_in_either_case_and_nothing_found(out):
    done = run_cli("search", str(out), "SICHUAN PROVINCE", "--lang", "en", "-f", "jsonl")
    assert [json.loads(line)["document"] for line in done.stdout.decode("utf-8").splitlines()] == ["b"]
    nothing = run_cli("search", str(out), "合作", "--lang", "en")
    assert (nothing.returncode, nothing.stdout, nothing.stderr) == (0, b"", b"corpus-align: no row matches\n")


@pytest.mark.parametrize(("args", "message"), [
    (["{tmp}"], "{tmp}: no release.sqlite in this folder; write one with: corpus-align batch RELEASE -o {tmp}"),
    (["{out}"], "nothing to search for: give a QUERY, a --code, or both"),
    (["{out}", "x", "--code", "number-mismatches"], "unknown check code 'number-mismatches' for --code; valid codes: addition,"),
    (["{out}", "x", "--lang", "fr"], "Invalid value for '--lang'"),
])
def test_search_cli_mistakes_are_one_line_and_exit_2(out, tmp_path, args, message):
    done = run_cli("search", *[arg.format(out=out, tmp=tmp_path) for arg in args])
    error = done.stderr.decode("utf-8")
    assert done.returncode == 2 and error.count("\n") == 1 and "Traceback" not in error
    assert error.startswith("corpus-align: error: " + message.format(out=out, tmp=tmp_path))


def test_search_cli_says_once_when_the_store_has_no_index(tmp_path, monkeypatch):
    from corpus_align.io import store

    monkeypatch.setattr(store, "trigram_index_available", lambda: False)
    run_batch_here(store_release(tmp_path / "release"), tmp_path / "out")
    done = run_cli("search", str(tmp_path / "out"), "加強交流", "-f", "jsonl")
    assert len(done.stdout.splitlines()) == 3
    assert done.stderr.decode("utf-8").count("warning") == 1 and "no full-text index" in done.stderr.decode("utf-8")
