"""The checks on the canonical sample, with rows built as the aligner produces them."""

from __future__ import annotations

import pytest

import corpus_align
from corpus_align.checks import check_rows
from corpus_align.model import CheckRow, Damage
from tests.conftest import SAMPLE


def _relative(damage, sentence):
    return tuple(
        Damage(d.kind, d.start - sentence.start, d.end - sentence.start, d.text, d.repair)
        for d in damage
        if sentence.start <= d.start and d.end <= sentence.end
    )


@pytest.fixture(scope="module")
def sample_findings():
    zh, en = corpus_align.load_bilingual(SAMPLE)
    zh, en = corpus_align.segment(zh), corpus_align.segment(en)
    assert len(zh.sentences) == 3 and len(en.sentences) == 4
    title = en.sentences[0]
    rows = [CheckRow(1, "", "", title.original, "0-1", 0.0, (), _relative(en.damage, title))]
    for i, z in enumerate(zh.sentences):
        e = en.sentences[i + 1]
        rows.append(CheckRow(i + 2, z.original, z.normalized, e.original, "1-1", 0.9,
                             _relative(zh.damage, z), _relative(en.damage, e)))
    return check_rows(rows)


def test_sample_addition_on_title(sample_findings):
    assert any(f.code == "addition" and f.row == 1 for f in sample_findings)


def test_sample_encoding_artifacts(sample_findings):
    encoding = [f for f in sample_findings if f.code == "encoding-artifact"]
    assert any(f.row == 1 and "?" in f.message for f in encoding)
    assert any(f.row >= 2 and "關(guān)于" in f.message for f in encoding)


def test_sample_encoding_artifacts_one_finding_per_row_keeps_every_span(sample_findings):
    """26 damaged spans in 4 rows: 4 findings, each listing its row's spans and locating every one of them."""
    encoding = [f for f in sample_findings if f.code == "encoding-artifact"]
    assert [f.row for f in encoding] == [1, 2, 3, 4]
    assert [len(f.spans) for f in encoding] == [2, 13, 8, 3]
    assert "Countries?went, Friendship?with" in encoding[0].message and "(13 in this row)" in encoding[1].message
    zh, en = corpus_align.load_bilingual(SAMPLE)
    zh, en = corpus_align.segment(zh), corpus_align.segment(en)
    texts = {1: {"en": en.sentences[0].original}} | {
        i + 2: {"zh": z.original, "en": en.sentences[i + 1].original} for i, z in enumerate(zh.sentences)}
    for finding in encoding:
        for span in finding.spans:
            assert texts[finding.row][span.side][span.start : span.end] == span.text


def test_sample_inconsistent_peoples(sample_findings):
    found = [f for f in sample_findings if f.code == "inconsistent-spelling"]
    assert any(f.en_text == "Peoples" and f.suggestion == "People's" for f in found)


@pytest.mark.parametrize(
    "name", ["王廣成", "向瓊花", "重慶", "四川", "框架合作協議", "成渝", "川渝", "王广成", "向琼花", "重庆", "成渝", "川渝"]
)
def test_sample_no_false_entity_missing(sample_findings, name):
    assert not [f for f in sample_findings if f.code == "entity-missing" and name in (f.zh_text + f.message)]


@pytest.mark.parametrize("number", ["3月", "11", "2021", "2020"])
def test_sample_no_number_mismatch(sample_findings, number):
    assert not [f for f in sample_findings if f.code == "number-mismatch" and number in (f.zh_text + f.en_text + f.message)]
