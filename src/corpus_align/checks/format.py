"""Format checks: punctuation-mismatch, repeated-word, whitespace.

Evidence first (the end marks of each side, bracket and quote counts, doubled
words, space runs and full-width marks in the English), then a decision that
tolerates what literary translation does on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..text.patterns import CJK_CHARS
from ..text.wording import with_article
from .context import CheckContext, spells_pinyin_of, written_in_source
from .registry import register
from .resources import english_words, foreign_phrases

_ZH_QUESTION = re.compile(r"[？?]")
_ZH_EXCLAIM = re.compile(r"[！!]")
# Pairs that must balance within a sentence; quotes only when the Chinese side balances its own.
_EN_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))
_ZH_PAIRS = (("(", ")"), ("（", "）"), ("[", "]"), ("“", "”"), ("「", "」"), ("『", "』"), ("《", "》"))
_REPEAT = re.compile(r"\b([A-Za-z]+)\s+(\1)\b", re.I)
_NAME_OPENS = re.compile(r"[A-Z][a-z]*\s+[A-Z]")  # To Tei Wan, In Sha Tsui: used with .match(text, start of the second)
# A word, then spaces, just before a position: a capital after it labels that word (Party A, Grade A).
_WORD_BEFORE = re.compile(r"[A-Za-z]\s+$")
_LABEL_WINDOW = 20
# Doubled words that English uses on purpose, and interjections.
_REPEAT_OK = frozenset(
    """had that ha ho he hee ah oh aha bye no yes well very so tut tsk hush come go there now quick quickly
    hello dear poor boo mm hm hmm knock chop pooh yeah yo la da dum tick tock bang boom again round over on
    out far more many by much little slowly really wait help run fast up down ding dong tap rat pit
    pat drip drop buzz la-la cha her blah bla yada choo chug clap click knock-knock""".split()
)
# The Chinese doubles a word of two or more characters too (变焦、变焦): the English doubling renders it.
_ZH_DOUBLED = re.compile(rf"([{CJK_CHARS}]{{2,4}})[、，, ]?\1")
# A character the Chinese doubles (串串香, 妈妈, 星星): its pinyin doubled in the English renders it (chuan chuan xiang).
_ZH_DOUBLED_CHARACTER = re.compile(rf"([{CJK_CHARS}])\1")
# Curly quotes (“ ”) are English typography as much as Chinese: not reported.
_FULLWIDTH_PUNCT = re.compile(r"[，。：；！？（）、【】《》]")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPACE_BEFORE = re.compile(r"(?<=[A-Za-z0-9]) +(?=[,.;:!?](?:\s|$))")


def end_marks(zh: str, en: str) -> dict[str, tuple[bool, bool]]:
    """Whether each side asks a question or exclaims: ``{"?": (zh, en), "!": (zh, en)}``.

    >>> end_marks("你去吗？", "Are you going?")
    {'?': (True, True), '!': (False, False)}
    """
    return {
        "?": (bool(_ZH_QUESTION.search(zh)), "?" in en),
        "!": (bool(_ZH_EXCLAIM.search(zh)), "!" in en),
    }


def end_mark_message(mark: str, *, in_chinese: bool) -> str:
    """The message for a question or exclamation that one side has and the other has not.

    >>> end_mark_message("!", in_chinese=False)
    "the English has '!' but the Chinese is not an exclamation"
    >>> end_mark_message("?", in_chinese=True)
    "the Chinese is a question but the English has no '?'"
    """
    kind = with_article("question" if mark == "?" else "exclamation")
    if in_chinese:
        return f"the Chinese is {kind} but the English has no '{mark}'"
    return f"the English has '{mark}' but the Chinese is not {kind}"


def unbalanced(text: str, pairs) -> list[str]:
    """The bracket or quote pairs whose opening and closing counts differ.

    >>> unbalanced("He said (quietly.", _EN_PAIRS)
    ['()']
    """
    return [a + b for a, b in pairs if text.count(a) != text.count(b)]


@register(
    "punctuation-mismatch",
    severity="info",
    family="format",
    what="A question in one language but not in the other, an exclamation in one but not the other, or "
    "brackets/quotation marks that do not balance in the English while they do in the Chinese.",
    why="A question turned into a statement changes the meaning; an unclosed bracket or quote usually means "
    "text was cut.",
    example=("你明天去北京吗？", "You are going to Beijing tomorrow."),
    silence="`--ignore punctuation-mismatch`. It is information only: literary translators often turn "
    "rhetorical questions into statements.",
    false_positives="Rhetorical questions rendered as statements; exclamations softened; quotations split "
    "across sentences by the segmenter.",
)
def check_punctuation(ctx: CheckContext) -> Iterator:
    for view in ctx.rows:
        row = view.row
        if not row.zh.strip() or not row.en.strip():
            continue
        marks = end_marks(row.zh_normalized, row.en)
        glued = any(d.kind == "glued-question-mark" for d in row.en_damage)
        for mark, (zh, en) in marks.items():
            if zh == en or (mark == "?" and glued):  # a glued '?' is a lost space or dash, not a question
                continue
            yield ctx.finding("punctuation-mismatch", view, end_mark_message(mark, in_chinese=zh),
                              zh_text=mark if zh else "", en_text=mark if en else "")
        if not unbalanced(row.zh, _ZH_PAIRS):
            for pair in unbalanced(row.en, _EN_PAIRS):
                yield ctx.finding("punctuation-mismatch", view, f"unbalanced {pair} in the English", en_text=pair)


def _label_before_article(text: str, match: re.Match) -> bool:
    """True for the article *a* after a capital *A* that labels the word before it ("Party A a deposit");
    "A a man" opening a sentence is a slip.

    >>> text = "Party B shall pay Party A a deposit."
    >>> _label_before_article(text, _REPEAT.search(text)), _label_before_article("A a man came.", _REPEAT.search("A a man came."))
    (True, False)
    """
    # The word before is looked for just before the match: a search from the line's start, once per doubling, would read
    # a hostile line of doublings once per doubling.
    return match.group(1) == "A" and match.group(2) == "a" and bool(
        _WORD_BEFORE.search(text, max(0, match.start() - _LABEL_WINDOW), match.start()))


def _doubled_pinyin(word: str, zh: str) -> bool:
    """True when ``word`` spells the pinyin of a character the Chinese doubles.

    >>> _doubled_pinyin("chuan", "最后一站是串串香。"), _doubled_pinyin("the", "最后一站是串串香。")
    (True, False)
    """
    return any(spells_pinyin_of(word, match.group(1)) for match in _ZH_DOUBLED_CHARACTER.finditer(zh))


def _doubled_name(match: re.Match) -> bool:
    """True for a doubled romanized name ("Yao Yao", "Zhen Zhen"): both capitalised, not an English word.

    >>> _doubled_name(_REPEAT.search("Yao Yao smiled")), _doubled_name(_REPEAT.search("The The end"))
    (True, False)
    """
    first, second = match.group(1), match.group(2)
    return first[:1].isupper() and second[:1].isupper() and english_words().get(first.lower(), 0) < 5000


@register(
    "repeated-word",
    severity="warning",
    family="format",
    what="The same word twice in a row in the English ('the the').",
    why="A doubled word is almost always an editing slip and is easy to miss when proofreading.",
    example=("他们去了北京。", "They went to the the capital."),
    silence="`--ignore repeated-word`. Deliberate doublings ('had had', 'that that', 'asked her her name', "
    "interjections such as 'ha ha', 'bye bye'), doubled romanized names ('Yao Yao') and a word the Chinese writes in "
    "Latin letters too, a name from code beside the word ('an instance instance', 'the operators and and or'), are "
    "never reported.",
    false_positives="Emphatic repetition in dialogue ('very very', 'go go') outside the built-in list.",
)
def check_repeated(ctx: CheckContext) -> Iterator:
    for view in ctx.rows:
        for match in _REPEAT.finditer(view.row.en):
            word = match.group(1)
            if word.lower() in _REPEAT_OK or word.isupper() and len(word) > 1:
                continue
            if _ZH_DOUBLED.search(view.row.zh_normalized):
                continue
            # A word the Chinese writes in Latin letters too, in any case (skr skr ↔ Skr skr)
            if (_doubled_name(match) or _label_before_article(view.row.en, match)
                    or written_in_source(word.lower(), view.row.zh_normalized.lower()) or _doubled_pinyin(word, view.row.zh_normalized)):
                continue
            if match.group(1)[0].islower() and _NAME_OPENS.match(view.row.en, match.start(2)):
                continue  # bus 9 to To Tei Wan: the second opens a name of capitalised words
            if foreign_phrases()[0].match(view.row.en, match.start(2)):
                continue  # In in vitro assays: the second opens a Latin or French phrase of English prose
            yield ctx.finding("repeated-word", view, f"'{word}' is repeated: {match.group(0)!r}",
                              en_text=match.group(0), suggestion=word)


@register(
    "whitespace",
    severity="info",
    family="format",
    what="Double spaces between words, a space before a comma or full stop, leading or trailing spaces, "
    "and full-width Chinese punctuation (，。：；) inside the English.",
    why="These are typesetting slips that survive into print and make the text look unedited.",
    example=("我们到了。", "We  arrived ，at last."),
    silence="`--ignore whitespace`.",
    false_positives="Two spaces after a full stop as a deliberate house style; full-width marks quoted on purpose. "
    "Curly quotes (“ ”) are English typography too, and are not reported.",
)
def check_whitespace(ctx: CheckContext) -> Iterator:
    for view in ctx.rows:
        en = view.row.en
        if not en:
            continue
        problems = []
        double = _DOUBLE_SPACE.search(en)
        if double:
            problems.append(("double space", double.group(0), " "))
        match = _SPACE_BEFORE.search(en)
        if match:
            problems.append(("space before punctuation", en[max(0, match.start() - 8) : match.end() + 1], ""))
        if en != en.strip():
            problems.append(("leading or trailing space", en[:8] if en[0].isspace() else en[-8:], en.strip()))
        full = _FULLWIDTH_PUNCT.findall(en)
        if full:
            problems.append((f"full-width punctuation {''.join(dict.fromkeys(full))}", "".join(dict.fromkeys(full)), ""))
        for what, text, suggestion in problems:
            yield ctx.finding("whitespace", view, f"{what} in the English: {text!r}", en_text=text, suggestion=suggestion)
