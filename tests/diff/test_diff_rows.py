"""Rows of two releases paired by content: every class, Simplified equal to Traditional, moves, word-level edits."""

from __future__ import annotations

import pytest

from corpus_align.diff import DiffRow, diff_alignments, word_diff
from corpus_align.diff.rows import MAX_SIMILARITY_PAIRS, match_rows

BASE = [
    ("王广成率队赴重庆调研。", "Wang Guangcheng led a team to Chongqing for a survey."),
    ("双方同意继续加强交流与合作。", "Both sides agreed to strengthen exchanges and cooperation."),
    ("他们在2021年3月11日签署了协议。", "They signed the agreement on March 11, 2021."),
    ("会议在四川省举行。", "The meeting was held in Sichuan Province."),
]


def classes(old, new) -> list[tuple[str, int | None, int | None]]:
    return [(c.change, c.old and c.old.row, c.new and c.new.row) for c in diff_alignments(old, new).rows]


def test_diff_rows_identical_releases_are_unchanged():
    diff = diff_alignments(BASE, BASE)
    assert diff.status == "unchanged" and diff.row_counts()["unchanged"] == 4 and not diff.changed_rows


@pytest.mark.parametrize("traditional", [
    ("王廣成率隊赴重慶調研。", "Wang Guangcheng led a team to Chongqing for a survey."),
    ("王广成率队赴重庆调研。", "Wang  Guangcheng led a team to Chongqing for a survey."),  # spacing only
    ("王广成率队赴重庆调研。", "Ｗａｎｇ Guangcheng led a team to Chongqing for a survey."),  # full-width letters
])
def test_diff_rows_traditional_and_simplified_rows_are_equal(traditional):
    assert classes(BASE, [traditional, *BASE[1:]]) == [("unchanged", n, n) for n in range(1, 5)]


def test_diff_rows_full_width_digits_and_traditional_in_one_row_are_equal():
    assert classes(BASE, [*BASE[:2], ("他們在２０２１年３月１１日簽署了協議。", BASE[2][1]), BASE[3]])[2] == ("unchanged", 3, 3)


def test_diff_rows_english_revised_with_its_word_edits():
    new = [BASE[0], (BASE[1][0], "Both sides agreed to further strengthen exchanges and cooperation."), *BASE[2:]]
    change = diff_alignments(BASE, new).rows[1]
    assert (change.change, change.old.row, change.new.row) == ("en-revised", 2, 2)
    assert [(e.op, e.text) for e in change.en_edits if e.op != "="] == [("+", " further")]
    assert change.zh_edits == ()


def test_diff_rows_chinese_revised_in_traditional_too():
    new = [BASE[0], ("雙方同意進一步加強交流與合作。", BASE[1][1]), *BASE[2:]]
    change = diff_alignments(BASE, new).rows[1]
    assert change.change == "zh-revised" and change.en_edits == ()
    assert any(e.op == "+" for e in change.zh_edits)


def test_diff_rows_both_sides_revised_when_still_alike_else_removed_and_new():
    alike = ("他们在2021年3月12日签署了协议。", "They signed the agreement on March 12, 2021.")
    assert classes(BASE, [*BASE[:2], alike, BASE[3]])[2] == ("both-revised", 3, 3)
    unlike = ("今天下雨。", "It rains today.")
    assert classes(BASE, [*BASE[:2], unlike, BASE[3]])[2:4] == [("removed", 3, None), ("new", None, 3)]


def test_diff_rows_a_sentence_added_at_the_top_does_not_shift_the_rest():
    added = ("新的一年开始了。", "A new year has begun.")
    assert classes(BASE, [added, *BASE]) == [("new", None, 1)] + [("unchanged", n, n + 1) for n in range(1, 5)]


def test_diff_rows_removed_row_sits_where_it_was():
    assert classes(BASE, [BASE[0], *BASE[2:]]) == [("unchanged", 1, 1), ("removed", 2, None), ("unchanged", 3, 2),
                                                   ("unchanged", 4, 3)]


def test_diff_rows_reordered_rows_are_matched_by_content_and_marked_moved():
    new = [BASE[3], BASE[0], BASE[1], (BASE[2][0], "They signed the deal on March 11, 2021.")]
    rows = diff_alignments(BASE[::1], new).rows
    assert [(c.change, c.old.row, c.new.row) for c in rows] == [
        ("unchanged", 4, 1), ("unchanged", 1, 2), ("unchanged", 2, 3), ("en-revised", 3, 4)]
    assert rows[0].moved and not rows[1].moved


def test_diff_rows_moved_and_revised_row_is_still_one_row():
    new = [(BASE[3][0], "The meeting took place in Sichuan Province."), *BASE[:3]]
    assert classes(BASE, new)[0] == ("en-revised", 4, 1)


def test_diff_rows_one_sided_row_that_gets_its_translation_is_english_revised():
    old = [BASE[0], (BASE[1][0], ""), BASE[2]]
    assert classes(old, BASE[:3])[1] == ("en-revised", 2, 2)


def test_diff_rows_blank_sides_are_no_evidence_of_the_same_row():
    # Two English-only rows are not one row for having the same (empty) Chinese.
    old = [("", "A note from the translator about the names.")]
    new = [("", "Printed in Singapore by the publisher.")]
    assert classes(old, new) == [("removed", 1, None), ("new", None, 1)]


def test_diff_rows_repeated_rows_pair_in_order():
    repeated = ("谢谢。", "Thank you.")
    assert classes([repeated, BASE[0], repeated], [repeated, repeated]) == [
        ("unchanged", 1, 1), ("removed", 2, None), ("unchanged", 3, 2)]


def test_diff_rows_row_numbers_come_from_the_file():
    old = [DiffRow(7, *BASE[0]), DiffRow(9, *BASE[1])]
    assert [(c.old.row, c.new.row) for c in match_rows(old, [DiffRow(1, *BASE[0]), DiffRow(2, *BASE[1])])] == [(7, 1), (9, 2)]


def test_diff_rows_a_document_rewritten_from_top_to_bottom_stays_fast_and_whole():
    old = [(f"第{n}句。", f"Sentence {n} of the old text.") for n in range(400)]
    new = [(f"第{n}句话。", f"Line {n} of the new text.") for n in range(400)]
    assert len(old) * len(new) > MAX_SIMILARITY_PAIRS
    counts = diff_alignments(old, new).row_counts()
    assert sum(counts.values()) - counts["removed"] == 400  # every new row once, every old row once


def test_diff_word_diff_english_by_words_chinese_by_characters():
    assert [(e.op, e.text) for e in word_diff("He came home late.", "He came back home.")] == [
        ("=", "He came "), ("+", "back "), ("=", "home"), ("-", " late"), ("=", ".")]
    assert [(e.op, e.text) for e in word_diff("他在2021年来了。", "他在2022年来了。", "zh")] == [
        ("=", "他在"), ("-", "2021"), ("+", "2022"), ("=", "年来了。")]
    assert [(e.op, e.text) for e in word_diff("", "New.")] == [("+", "New.")]
