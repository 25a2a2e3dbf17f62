"""Every message template of every check, rendered with representative values, reads as English.

Messages are assembled from values: counts of one and of several, words that start with a vowel.
Each registered code has its messages rendered here (a new check must add its own), and every
message must pass :func:`tests.checks.grammar.grammar_slips` ('an exclamation', '1 clause', '3 clauses').
"""

from __future__ import annotations

import pytest

from corpus_align.checks import CHECKS, check_rows, rows_from_pairs
from corpus_align.checks.encoding import damage_message
from corpus_align.checks.format import end_mark_message
from corpus_align.checks.numbers import number_message
from corpus_align.checks.omission import omission_message
from corpus_align.io.tsv_read import MalformedRow
from corpus_align.model import CheckRow, GlossaryEntry, UnsureRegion
from corpus_align.qa import malformed_row_finding
from tests.checks.grammar import grammar_slips


def _messages(code: str, pairs: list[tuple[str, str]], **options) -> list[str]:
    found = [f.message for f in check_rows(rows_from_pairs(pairs), select=[code], **options)]
    assert found, f"{code} did not fire on {pairs}"
    return found


def _low_confidence() -> list[str]:
    rows = [CheckRow(i, "我们明天再谈。", "我们明天再谈。", "We will talk tomorrow.", "1-1", 0.5) for i in range(1, 6)]
    rows.append(CheckRow(6, "这件事我们明天再谈。", "这件事我们明天再谈。", "The river was frozen.", "1-1", 0.02))
    regions = [UnsureRegion(7, 7, "one-sided", 1, 0), UnsureRegion(7, 9, "one-sided", 0, 3),
               UnsureRegion(7, 7, "weak", 1, 0), UnsureRegion(7, 8, "weak", 1, 1), UnsureRegion(7, 9, "weak", 3, 1)]
    rows += [CheckRow(7 + i, "这件事", "这件事", "The river.", "1-1", 0.5, unsure=r.describe()) for i, r in enumerate(regions)]
    return [f.message for f in check_rows(rows, select=["low-confidence"])]


# code -> messages rendered with counts of one and of several, both sides, vowel-initial words.
RENDERINGS = {
    "number-mismatch": lambda: [
        number_message(["二十一"], ["twenty-two"]), number_message(["3", "5"], ["4", "8"]),
        number_message(["3"], []), number_message(["3", "5"], []), number_message([], ["8"]), number_message([], ["8", "11"]),
        *_messages("number-mismatch", [("他二十一岁那年去了北京。", "He went to Beijing when he was twenty-two."),
                                       ("你可以拨打 988 或发短信 989 来联系热线。", "Call or text 988.")]),
    ],
    "entity-missing": lambda: _messages("entity-missing", [("王广成率队赴四川省调研。", "He led a team to the province."),
                                                           ("《框架合作协议》落地了。", "It was implemented.")]),
    "untranslated": lambda: _messages("untranslated", [("他们在成都开会。", "They met in 成都."), ("成都", "成都")]),
    "typo": lambda: _messages("typo", [("我们必须相信政府。", "We must trust the goverment."),
                                       ("我们到了一个古老的城市。", "We reached an anceint city.")]),
    "inconsistent-spelling": lambda: _messages("inconsistent-spelling", [
        ("重庆市人民对外友好协会", "Chongqing People's Association"),
        ("重庆市人民对外友好协会", "the Chongqing People's Association"),
        ("重庆市人民对外友好协会负责人", "heads of Chongqing Peoples Association")]),
    "glossary-mismatch": lambda: _messages(
        "glossary-mismatch", [("市对外友协副会长", "vice president of the Friendship Society")],
        glossary=[GlossaryEntry("對外友協", "对外友协", "Association for Friendship with Foreign Countries")]),
    "encoding-artifact": lambda: [
        damage_message("pinyin-annotation", "Chinese", ["關(guān)于"]),
        damage_message("pinyin-annotation", "Chinese", [f"{c}(yī)于" for c in "關區經設協礎續"]),
        damage_message("replacement-character", "English", ["caf\ufffd"]),
        damage_message("mojibake", "English", ["donâ€™t"]),
        *_messages("encoding-artifact", [("關(guān)于推動成渝地區(qū)雙城經(jīng)濟圈", "Countries?went to Friendship?with")]),
    ],
    "punctuation-mismatch": lambda: [
        end_mark_message("?", in_chinese=True), end_mark_message("?", in_chinese=False),
        end_mark_message("!", in_chinese=True), end_mark_message("!", in_chinese=False),
        *_messages("punctuation-mismatch", [("你明天去北京吗？", "You are going to Beijing tomorrow."),
                                            ("他来了。", "He came!"), ("他说：“好。”", "He said (quietly.")]),
    ],
    "repeated-word": lambda: _messages("repeated-word", [("他们去了北京。", "They went to the the capital."),
                                                         ("这是一个问题。", "It is an an issue.")]),
    "whitespace": lambda: _messages("whitespace", [("我们到了。", "We  arrived ，at last. "), ("我们到了。", "We arrived , at last.")]),
    "omission": lambda: [
        omission_message(0.42, 1, 1, 1.0, 1, -1.2), omission_message(0.3, 1, 4, 0.0, 12, -2.5),
        omission_message(0.5, 3, 5, 2.4, 9, -1.01),
        *_messages("omission", [("她承认打我不对。", "")]),
    ],
    "addition": lambda: _messages("addition", [("", "The weather was cold."), ("我没走掉。", "I did not leave.")]),
    "low-confidence": _low_confidence,
    "malformed-row": lambda: [
        malformed_row_finding(MalformedRow(4, 5, "expected 2 tab-separated columns, found 3")).message,
        malformed_row_finding(MalformedRow(2, 3, "a quoted cell is never closed", end_line=9)).message,
        malformed_row_finding(MalformedRow(7, 8, "the zh cell holds the spreadsheet error #REF!", unit="sheet row")).message,
    ],
}


def test_messages_every_code_has_renderings():
    assert set(RENDERINGS) == set(CHECKS)


@pytest.mark.parametrize("code", sorted(RENDERINGS))
def test_messages_read_as_english(code):
    messages = RENDERINGS[code]()
    assert messages
    assert not {message: slips for message in messages if (slips := grammar_slips(message))}


@pytest.mark.parametrize(
    ("message", "slip"),
    [
        ("the English has '!' but the Chinese is not a exclamation", "a exclamation"),
        ("the English is 40% of the usual length, has 1 clauses for 3", "1 clauses"),
        ("has 3 clause(s) for 1", "clause(s)"),
        ("renders about 2 of the 3 content word of one half", "3 content word"),
        ("rows 3–3: 1 Chinese sentences have no English counterpart", "1 Chinese sentences"),
        ("the alignment is unsure: these 1 Chinese and 1 English sentences share", "these 1"),
        ("3, 5 in the Chinese is missing from the English", "3, 5 in the Chinese is"),
    ],
)
def test_messages_grammar_lint_catches_the_old_slips(message, slip):
    assert slip in grammar_slips(message)
