"""Fingerprints and baselines: stable across edits elsewhere and across scripts; the file sorted, strict and atomic."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_align.baseline import (
    BaselineReview,
    Decision,
    accepted_reasons,
    baseline_entry,
    finding_fingerprint,
    merged_decisions,
    updated_baseline,
)
from corpus_align.checks import check_rows, rows_from_pairs
from corpus_align.errors import InputError
from corpus_align.io.baseline import BaselineEntry, baseline_lines, load_baseline, load_decisions, write_baseline
from corpus_align.model import Finding
from corpus_align.qa import check_file, should_fail

# Rows whose findings depend on the row alone (numbers, converter damage), so they fire wherever the row is.
FLAGGED = [
    ("他二十一岁。", "He is twenty-two."),
    ("關(guān)于合作。", "About cooperation."),
    ("价格是三百元。", "The price is 400 yuan."),
]
LOCAL_CODES = ["number-mismatch", "encoding-artifact"]


@cache
def _common_characters() -> str:
    """The common Chinese characters the checks know, Simplified and Traditional."""
    text = resources.files("corpus_align.resources").joinpath("common_chars.txt").read_text("utf-8")
    return "".join(c for c in text if "\u4e00" <= c <= "\u9fff")


def fingerprints_by_row(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """The fingerprints of the local findings of each row, keyed by the row's text."""
    rows = rows_from_pairs(pairs)
    found: dict[tuple[str, str], set[str]] = {}
    for finding in check_rows(rows, select=LOCAL_CODES):
        row = rows[finding.row - 1]
        found.setdefault((row.zh, row.en), set()).add(finding_fingerprint(finding, row.zh, row.en))
    return found


other_rows = st.lists(
    st.tuples(st.sampled_from(["我很好。", "今天下雨。", "他来了。", "谢谢你。", ""]),
              st.sampled_from(["I am fine.", "It rains today.", "He came.", "Thank you.", "", "Two more."])),
    max_size=6,
)


@settings(max_examples=25, deadline=None)
@given(inserted=other_rows, positions=st.lists(st.integers(0, len(FLAGGED)), min_size=6, max_size=6))
def test_baseline_fingerprint_unchanged_by_rows_inserted_elsewhere(inserted, positions):
    before = fingerprints_by_row(FLAGGED)
    assert set(before) == set(FLAGGED)  # each flagged row has its findings
    pairs = list(FLAGGED)
    for (zh, en), at in zip(inserted, positions, strict=False):
        pairs.insert(min(at, len(pairs)), (zh, en))
    after = fingerprints_by_row(pairs)
    assert {row: after[row] for row in FLAGGED} == before


chinese_text = st.builds(
    lambda chars, digits: chars + digits,
    st.text(alphabet=st.sampled_from(_common_characters()), min_size=1, max_size=12),
    st.sampled_from(["", "2021年", "３月", "，第一"]),
)


@settings(max_examples=100, deadline=None)
@given(zh=chinese_text, en=st.text(alphabet="abc XYZ,.", max_size=20), cut=st.integers(0, 12))
def test_baseline_fingerprint_same_in_traditional_and_simplified(zh, en, cut):
    from corpus_align._lazy import opencc_converter

    # Whole rows are converted by phrase (s2t makes 伙夫 伙伕, which t2s keeps): the fingerprint still matches.
    to_traditional = opencc_converter("s2t").convert
    evidence = zh[: max(1, cut)]
    simplified = Finding("number-mismatch", "error", 1, "m", zh_text=evidence, en_text=en[:3])
    traditional = Finding("number-mismatch", "error", 7, "other words", zh_text=to_traditional(evidence), en_text=en[:3])
    assert finding_fingerprint(simplified, zh, en) == finding_fingerprint(traditional, to_traditional(zh), en)


def test_baseline_fingerprint_changes_with_the_row_code_and_evidence():
    finding = Finding("number-mismatch", "error", 1, "m", zh_text="二十一", en_text="twenty-two")
    fingerprint = finding_fingerprint(finding, "他二十一岁。", "He is twenty-two.")
    assert fingerprint != finding_fingerprint(finding, "她二十一岁。", "He is twenty-two.")
    assert fingerprint != finding_fingerprint(finding, "他二十一岁。", "She is twenty-two.")
    assert fingerprint != finding_fingerprint(Finding("typo", "error", 1, "m", zh_text="二十一", en_text="twenty-two"),
                                              "他二十一岁。", "He is twenty-two.")
    assert fingerprint != finding_fingerprint(Finding("number-mismatch", "error", 1, "m", zh_text="二十", en_text="twenty-two"),
                                              "他二十一岁。", "He is twenty-two.")
    # Full-width digits and a converter's pinyin are not what the row says: the normalized form drops them.
    assert finding_fingerprint(finding, "他２１岁。", "x") == finding_fingerprint(finding, "他21岁。", "x")


def test_baseline_check_file_matches_traditional_and_simplified_rows(tmp_path):
    simplified, traditional = tmp_path / "s.tsv", tmp_path / "t.tsv"
    simplified.write_text("他二十一岁，来自台湾。\tHe is twenty-two, from Taiwan.\n", "utf-8")
    traditional.write_text("我很好。\tI am fine.\n他二十一歲，來自臺灣。\tHe is twenty-two, from Taiwan.\n", "utf-8")
    first = check_file(simplified, select=["number-mismatch"], baseline={})
    second = check_file(traditional, select=["number-mismatch"], baseline={})
    assert [f.fingerprint for f in first.findings] == [f.fingerprint for f in second.findings]
    assert first.findings[0].row == 1 and second.findings[0].row == 2


def test_baseline_accepted_findings_are_marked_and_never_fail(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("他二十一岁。\tHe is twenty-two.\n他三岁。\tHe is four.\n", "utf-8")
    open_findings = check_file(path, select=["number-mismatch"]).findings
    row = {1: ("他二十一岁。", "He is twenty-two."), 2: ("他三岁。", "He is four.")}
    baseline = {entry.fingerprint: entry for entry in
                (baseline_entry(f, *row[f.row], reason="checked with the client") for f in open_findings)}
    report = check_file(path, select=["number-mismatch"], baseline=baseline)
    assert [(f.accepted, f.reason) for f in report.findings] == [(True, "checked with the client")] * 2
    assert should_fail(open_findings, "error") and not should_fail(report.findings, "error")


def test_baseline_review_never_accepts_a_malformed_row():
    review = BaselineReview(accept_all=True, gather=True)
    found = review.row([Finding("malformed-row", "error", 3, "line 4: bad")], "", "")
    assert not found[0].accepted and review.found == {}


def test_baseline_update_keeps_reasons_drops_fixed_and_keeps_codes_not_checked():
    old = {
        "kept": BaselineEntry("kept", "typo", en="Goverment.", reason="a quotation"),
        "fixed": BaselineEntry("fixed", "typo", en="Recieve."),
        "other": BaselineEntry("other", "number-mismatch", reason="source error"),
    }
    found = {"kept": BaselineEntry("kept", "typo", en="Goverment. "), "new": BaselineEntry("new", "typo", reason="x")}
    update = updated_baseline(old, found, checked_codes={"typo"})
    assert (update.added, update.removed, update.kept) == (("new",), ("fixed",), ("kept", "other"))
    assert update.entries["kept"] == old["kept"]  # unchanged, text included: the file's diff stays quiet
    assert update.entries["new"].reason == ""
    assert "other" not in updated_baseline(old, found).entries  # every code checked: the mismatch is fixed


def test_baseline_merge_decisions_adds_updates_reason_and_removes():
    old = {"a": BaselineEntry("a", "typo", reason="old reason"), "b": BaselineEntry("b", "typo")}
    decisions = [
        Decision(BaselineEntry("c", "typo", reason="new")),
        Decision(BaselineEntry("a", "typo", reason="better reason")),
        Decision(BaselineEntry("b", "typo"), accepted=False),
        Decision(BaselineEntry("d", "typo")), Decision(BaselineEntry("d", "typo"), accepted=False),  # the last one wins
    ]
    update = merged_decisions(old, decisions)
    assert sorted(update.entries) == ["a", "c"] and update.entries["a"].reason == "better reason"
    assert update.describe() == "baseline: 1 added, 1 removed, 1 kept"


def test_baseline_file_is_sorted_stable_and_round_trips(tmp_path):
    entries = [BaselineEntry("f2", "typo", "", "Goverment.", "", "Goverment", "a name"),
               BaselineEntry("f1", "typo"), BaselineEntry("f9", "number-mismatch", "他二十一岁。", "He is 22.", "二十一", "22")]
    path = tmp_path / "baseline.jsonl"
    write_baseline(path, entries)
    text = path.read_text("utf-8")
    assert text == baseline_lines(reversed(entries))  # the order given does not matter
    records = [json.loads(line) for line in text.splitlines()]
    assert [(r["code"], r["fingerprint"]) for r in records] == [("number-mismatch", "f9"), ("typo", "f1"), ("typo", "f2")]
    assert list(records[0]) == ["fingerprint", "code", "zh", "en", "evidence", "reason"]
    assert "他二十一岁" in text  # readable in a diff, not \\u escapes
    assert load_baseline(path) == {entry.fingerprint: entry for entry in entries}
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.jsonl"]  # no temporary file left behind


@pytest.mark.parametrize(("content", "problem"), [
    ('{"fingerprint": "a1", "code": "typo"}\n<<<<<<< HEAD\n', "line 2: not a JSON object"),
    ('\n["a1", "typo"]\n', "line 2: not a JSON object"),
    ('{"fingerprint": "", "code": "typo"}\n', "line 1: 'fingerprint' must be a non-empty string"),
    ('{"fingerprint": "a1", "code": "typo", "reason": 3}\n', "line 1: 'reason' must be a string"),
    ('{"fingerprint": "a1", "code": "typo", "evidence": "x"}\n', "line 1: 'evidence' must be an object"),
    ('{"fingerprint": "a1", "code": "typo"}\n{"fingerprint": "a1", "code": "typo", "reason": "x"}\n',
     "line 2: fingerprint a1 is on line 1 too"),
])
def test_baseline_malformed_file_names_the_line(tmp_path, content, problem):
    path = tmp_path / "baseline.jsonl"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError) as raised:
        load_baseline(path)
    assert str(raised.value).startswith(f"{path}: {problem}") and "\n" not in str(raised.value)


def test_baseline_same_line_twice_is_one_entry(tmp_path):
    path = tmp_path / "baseline.jsonl"
    path.write_text('{"fingerprint": "a1", "code": "typo"}\n' * 2, "utf-8")
    assert accepted_reasons(path) == {"a1": ""}


def test_baseline_decisions_say_accepted_or_not(tmp_path):
    path = tmp_path / "decisions.jsonl"
    path.write_text('{"fingerprint": "a1", "code": "typo", "accepted": "yes"}\n', "utf-8")
    with pytest.raises(InputError, match="line 1: 'accepted' must be true or false"):
        load_decisions(path)
