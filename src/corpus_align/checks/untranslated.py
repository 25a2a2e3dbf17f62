"""untranslated: Chinese left in the English, or English identical to the source.

Evidence: the runs of Chinese characters in the English text, and whether the
English equals the Chinese once white space is ignored.  Decision: any
Chinese character in the English is reported (the English column should hold
none), as is a copy of the source; except a short run the English writes on
purpose, as a mention or beside its gloss (:func:`mentioned`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .._lazy import opencc_converter, toneless_syllable
from ..model import CheckRow
from ..text.lexicon import english_content_words, english_stem
from ..text.patterns import CJK, CJK_CHARS, CJK_RUN, EN_WORD, LATIN_LETTERS
from ..text.transliteration import toneless_syllables
from .context import CheckContext, RowView, tag_zh
from .document_lexicon import dictionary_stems
from .registry import register

# A run of Chinese that the English writes on purpose is short (a character, a word, a name) and either named as
# writing (the character 人, the word 道, an inscription reading 福, the English name of 香港) or set beside its gloss:
# qigong (气功), 气 (qi).
MENTION_MAX_CHARS = 4
_NAMED_AS_WRITING = re.compile(
    r"(?i)\b(?:characters?|words?|ideograms?|glyphs?|signs?|radicals?|written|writes|wrote|reads?|reading|inscribed|"
    r"inscriptions?|calligraphy|surname|(?:Chinese|Mandarin|Cantonese) (?:names?|terms?|for)|names? (?:of|for)|"
    r"in Chinese(?: as)?|(?:trade)?marks?|logos?|brands?|slogans?|mottos?),?\s*[\"“'‘(]?\s*$")
# 气 (qi), "金穗" (Jinsui), 永 (yǒng, "eternal"): a bracket that opens on a word in Latin letters, tone marks and all,
# and holds no Chinese.  Used with .match(text, end).
_GLOSS_AFTER = re.compile(rf"\s*[)）\"”'’]?\s*[(（]\s*[\"“'‘]?[{LATIN_LETTERS}][^()（）{CJK_CHARS}]*[)）]")
# Writing named earlier in the sentence, before a quotation of the source's own quoted words: *the sign gave the name in
# both Chinese and Tibetan: “那曲” and …*.  Used with .search(text, start - 80, start).
_WRITING_NAMED_BEFORE = re.compile(r"(?i)\b(?:Chinese|characters?|signs?|inscriptions?|inscribed|reads?|reading|written|"
                                   r"calligraphy|plaque|banner)\b[^.!?]*$")
# The same, defined before it: *equivalent to* 寨, *the same as* 返影, *stands for* 影; rendered: *rendering* 学习知识 *as
# "learn knowledge"*; or named: *called* 巷 *in Chinese*.  Used with .search(text, start - 30,
# start).
_DEFINED_BEFORE = re.compile(r"(?i)\b(?:equivalent to|same as|stands? for|variant of|short for|written as|read as|"
                             r"meaning|means|i\.e\.,?|render(?:s|ed|ing)?|translat(?:e|es|ed|ing)|called|known as|named)"
                             r"\s*[\"“'‘]?$")
# A note's headword before its colon (柴: equivalent to 寨), which the source heads its note with too (柴：同“寨”).
# Used with .match(text, end).
_HEADWORD_AFTER = re.compile(r"[\"”'’]?\s?[:：]")
# A word the source quotes as a word (「落水」即下雨) and the English defines: 落水 means "to rain", 涯 (also written 𠊎)
# is the first-person pronoun.  Used with .match(text, end).
_DEFINED_AFTER = re.compile(r"(?i)[\"”'’」』]?\s*(?:\([^()]*\)\s*)?(?:means?|meant|is (?:an?|the)|refers? to|stands? for|"
                            r"corresponds? to|denotes|signifies|literally|becomes|in (?:Chinese|Cantonese|Mandarin)|"
                            r"(?:is|are|should be|must be|is to be)(?: always| usually| often| generally)? (?:abbreviated|translated|"
                            r"rendered|written|shortened|locali[sz]ed|romani[sz]ed|transliterated) (?:as|to|into))\b")
# A headword before its own reading, as a textbook's word list gives it: 出院 chū yuàn v. to leave hospital; 香山
# Xiāng Shān.  Used with .match(text, end): the words that may spell the reading.
_WORDS_AFTER = re.compile(rf"(?:\s*[{LATIN_LETTERS}\u0300-\u036f'’]+\d?){{1,8}}")
# The rows with Chinese written on purpose that make a document one that teaches Chinese words.
TEACHING_MIN_ROWS = 3
_GLOSSED_BEFORE = re.compile(r"[A-Za-z][A-Za-z'-]*\s*[(（]\s*$")  # qigong (, used with .search(text, 0, start)
_CLOSING_BRACKET = re.compile(r"\s*[)）]")  # used with .match(text, end)
# Scholarly English gives the Chinese of a name or a title in brackets with its romanization or translation: the Analects
# (Lunyu, 论语), (红楼梦, Dream of the Red Chamber), fu (福, fortune).  Such a run may be longer than a mention, but it is the
# source's own words, set apart and glossed.  (Alone in brackets, a long run may as well be a clause left untranslated.)
BRACKETED_MAX_CHARS = 12
# English brackets only: a Chinese clause with names in it, left in its own brackets （由 Joongi Kim 和 John Belmonte 贡献）, is
# Chinese text, not a gloss (and its bracket holds more than one run of Chinese).
_OPEN_BEFORE = re.compile(r"\(([^()（）]*)$")  # used with .search(text, 0, start)
_CLOSE_AFTER = re.compile(r"([^()（）]*)\)")  # used with .match(text, end)
# An official name after its translation, alone in brackets: the National Bureau of Statistics (国家统计局).  It is a gloss
# when it is a name or a noun (jieba's n* tags, abbreviations, unknown words) and the English words of the clause before the
# bracket translate at least half of its words; a clause left untranslated, (讨论了预算), has verbs and particles in it.
_BOOK_MARKS = re.compile(r"[《》〈〉「」『』\s]*")
_CLAUSE_BEFORE = re.compile(r"[^.;:!?()（）,，]*$")  # used with .search(text, 0, start)
_NAME_TAGS = ("n", "j", "oov")


_WORD_BEFORE_BRACKET = re.compile(r"[A-Za-z]\s*$")  # used with .search(text, 0, start of the bracket)
# A quoted English term right before the bracket: "employee" (僱員) means …, "Party A" (甲方).
_QUOTED_TERM_BEFORE = re.compile(r"[\"”'’]\s?$")


def _translated_before(en: str, run: str, opened: int) -> bool:
    """True when the English of the clause before the bracket at ``opened`` translates at least half of ``run``'s words."""
    words = tag_zh(opencc_converter("t2s").convert(run))
    if not words or not all(tag.startswith(_NAME_TAGS) for _word, tag in words):
        return False
    clause = _CLAUSE_BEFORE.search(en, 0, opened)
    before = {english_stem(word) for word in english_content_words(clause.group() if clause else "")}
    translated = sum(bool(dictionary_stems([word]) & before) for word, _tag in words)
    return translated > 0 and 2 * translated >= len(words)


# A URL, a path, a file name or an identifier is copied, not translated, whatever script it is in: the Chinese of
# https://example.com/路径 or 报告_final(1).docx is a part of such a token, set off by one of its separators, that the
# source writes as it stands.  Chinese merely glued to a URL or a version (https://bugs.python.org的一个…, 2.7计划成为…)
# is prose.
_TOKEN = re.compile(r"[^\s\"“”'‘’「」《》<>]+")
_LITERAL_SEPARATORS = frozenset("/\\_=?&#@")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_HANDLE_MARKS = ("@", "#")
_TOKEN_END_PUNCTUATION = ".,;:!?。，；：！？)）"
# Each candidate is looked up in the whole source: a row of thousands of them (a hostile line) is looked up this many
# times at most, so the work stays linear in the row's length.
MAX_LITERAL_LOOKUPS = 20
# The Chinese runs of one row's English weighed as mentions: far above the few a scholarly line glosses.
MAX_MENTION_LOOKUPS = 50


def copied_literals(en: str, source: str) -> list[tuple[int, int]]:
    """The spans of the Chinese runs that are parts of a URL, a path or a file name the ``source`` writes the same.

    >>> en = "Visit https://example.com/路径 or open 报告_final(1).docx, not https://a.org的网站."
    >>> source = "访问https://example.com/路径或打开报告_final(1).docx，而不是https://a.org的网站"
    >>> [en[start:end] for start, end in copied_literals(en, source)]
    ['路径', '报告']
    >>> en = "Follow us on Weibo at @四川天府足球俱乐部."
    >>> [en[start:end] for start, end in copied_literals(en, "官方微博@四川天府足球俱乐部及官方抖音号")]
    ['四川天府足球俱乐部']
    """
    spans: list[tuple[int, int]] = []
    lookups = 0
    for match in _TOKEN.finditer(en):
        token = match.group().rstrip(_TOKEN_END_PUNCTUATION)
        if not CJK.search(token) or _LITERAL_SEPARATORS.isdisjoint(token):
            continue
        runs = [(run.start(), run.end()) for run in CJK_RUN.finditer(token)
                if token[run.start() - 1 : run.start()] in _LITERAL_SEPARATORS or token[run.end() : run.end() + 1] in _LITERAL_SEPARATORS]
        # A URL or a file name has Latin letters or digits (好啊?周嫂子 is Chinese prose); a handle or a hashtag
        # (@四川天府足球俱乐部, #春节#) may be Chinese alone.
        if not runs or not (_LATIN_OR_DIGIT.search(token) or any(token[start - 1 : start] in _HANDLE_MARKS for start, _ in runs)):
            continue
        lookups += 1
        if lookups > MAX_LITERAL_LOOKUPS:
            break
        if token in source:
            spans.extend((match.start() + start, match.start() + end) for start, end in runs)
    return spans


# A list of Chinese items the English copies from the source after a label (Characters to write: 奶, 报, 纸): a
# textbook's or a glossary's list of characters or words, written as the source writes them on purpose.  Three items
# at least, each a short run, and nothing but the list between the label's colon and the end of the sentence.
_COPIED_LIST = re.compile(
    rf"(?:^|(?<=[:：]))\s*((?:{CJK.pattern}{{1,{MENTION_MAX_CHARS}}}\s*[,、，;；/]\s*){{2,}}{CJK.pattern}{{1,{MENTION_MAX_CHARS}}})"
    r"\s*(?=[.;。；)]|$)")


def copied_lists(en: str, source: str) -> list[tuple[int, int]]:
    """The spans of the Chinese runs of lists the English copies, item by item and in order, from the ``source``.

    >>> en = "Characters to write: 奶, 报, 纸"
    >>> [en[start:end] for start, end in copied_lists(en, "我会写：奶、报、纸")]
    ['奶', '报', '纸']
    >>> copied_lists("They visited: 北京, 上海, 广州.", "他们去了北京和广州")  # 上海 is not in the source
    []
    >>> copied_lists("He met 李四, 王五, 赵六.", "他见了李四、王五、赵六")  # no label introduces a list
    []
    """
    spans: list[tuple[int, int]] = []
    for match in _COPIED_LIST.finditer(en):
        position, items = 0, []
        for item in CJK_RUN.finditer(en, match.start(1), match.end(1)):
            found = source.find(item.group(), position)
            if found < 0:
                found = source.find(opencc_converter("t2s").convert(item.group()), position)
            if found < 0:
                break
            position = found + len(item.group())
            items.append(item.span())
        else:
            spans.extend(items)
    return spans


def _inside(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """True when ``position`` is inside one of the ordered, disjoint ``spans`` (``starts``: their starts)."""
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and position < spans[i][1]


def mentioned(en: str, match: re.Match, source: str = "") -> bool:
    """True when the Chinese run ``match`` of the English ``en`` is written there on purpose: short, and named as
    writing or set beside its gloss; or words of the ``source`` in brackets with their gloss, or alone in brackets
    after the English that translates them.

    >>> [mentioned(en, m) for en in ("The character 人 means person.", "They practise qigong (气功).", "They met in 成都.")
    ...  for m in CJK_RUN.finditer(en)]
    [True, True, False]
    >>> en = "The Analects (Lunyu, 论语) and the ministry (中华人民共和国商务部)."
    >>> [mentioned(en, m, "中华人民共和国商务部引用《论语》") for m in CJK_RUN.finditer(en)]
    [True, False]
    >>> en = "The Ministry of Commerce (中华人民共和国商务部) met the committee (讨论了预算)."
    >>> [mentioned(en, m, "中华人民共和国商务部讨论了预算") for m in CJK_RUN.finditer(en)]
    [True, False]
    >>> en = '"Commissioner" (處長) means the Commissioner for Labour; "employer" (老板).'
    >>> [mentioned(en, m, "“處長”（Commissioner）指勞工處處長") for m in CJK_RUN.finditer(en)]
    [True, False]
    >>> en = 'Note: 落水 means "to rain"; 涯 (also written 𠊎) is the pronoun, like 我 ("I"). 日头 means the sun.'
    >>> [mentioned(en, m, "「落水」即下雨；「涯」（亦寫作「𠊎」）相當於「我」。日头即太阳") for m in CJK_RUN.finditer(en)]
    [True, True, True, False]
    >>> en = "[Notes] 柴: equivalent to 寨, a palisade. Here 景 stands for 影. He chopped 柴."
    >>> [mentioned(en, m, "【注释】柴：同“寨”，指木栅。“景”通“影”。") for m in CJK_RUN.finditer(en)]
    [True, True, True, True, False]
    >>> en = "The sign gave the name in Chinese: “那曲”. We met in “那曲”."
    >>> [mentioned(en, m, "站牌写着“那曲”。") for m in CJK_RUN.finditer(en)]
    [True, False]
    >>> en = "(由 Joongi Kim 和 John Belmonte 贡献)"
    >>> [mentioned(en, m, "由 Joongi Kim 和 John Belmonte 贡献") for m in CJK_RUN.finditer(en)]
    [False, False, False]
    """
    run = match.group()
    if _written_as_the_source_writes_it(en, match, source):
        return True
    if len(run) <= MENTION_MAX_CHARS and (
            _NAMED_AS_WRITING.search(en, 0, match.start()) or _GLOSS_AFTER.match(en, match.end())
            or (_GLOSSED_BEFORE.search(en, 0, match.start()) and _CLOSING_BRACKET.match(en, match.end()))
            or _defined_as_quoted(en, match, source)
            or _glossed_headword(en, match, source) or _read_after(en, match)
            or (_quoted_in(source, run) and _QUOTED.fullmatch(en, match.start() - 1, match.end() + 1) is not None
                and _WRITING_NAMED_BEFORE.search(en, max(0, match.start() - 80), match.start()) is not None)):
        return True
    if len(run) > BRACKETED_MAX_CHARS:
        return False
    opened, closed = _OPEN_BEFORE.search(en, 0, match.start()), _CLOSE_AFTER.match(en, match.end())
    if opened is None or closed is None:
        return False
    rest = opened.group(1) + closed.group(1)
    if "《" in rest and _BOOK_MARKS.fullmatch(rest) and _WORD_BEFORE_BRACKET.search(en, 0, opened.start()):
        return True  # a work's Chinese title in brackets after its English one: the Duobao Pagoda Stele (《多宝塔碑》)
    if _BOOK_MARKS.fullmatch(rest):
        if _QUOTED_TERM_BEFORE.search(en, 0, opened.start()) and (
                run in source or opencc_converter("t2s").convert(run) in source):
            return True  # a defined term with the source's word for it, as bilingual laws and contracts write them
        return _translated_before(en, run, opened.start())
    return (run in source or opencc_converter("t2s").convert(run) in source) and bool(EN_WORD.search(rest)) and not CJK.search(rest)


# A user's name after its label (– user 小鹿乱撞), and a licence plate (沪A·7K392, 粤B12345): names a translation copies as
# they are written.  Used with .search(text, start - 20, start) and .match(text, end).
_HANDLE_LABEL_BEFORE = re.compile(r"(?i)\b(?:user(?:name)?|handle|nickname|screen name|account|posted by)\s*[:：]?\s*$")
_PLATE_AFTER = re.compile(r"[A-Z][·.\- ]?[A-Z0-9]{4,6}\b")
PLATE_MAX_CHARS = 2  # the province's character (沪, 粤) and, on some plates, one more (使, 领)


def _written_as_the_source_writes_it(en: str, match: re.Match, source: str) -> bool:
    """True when the run ``match`` is a user's name after its label, or the start of a licence plate, copied from the
    ``source``.

    >>> en = "Highly recommended. – user 小鹿乱撞; plate: 沪A·7K392; he met 李四."
    >>> [_written_as_the_source_writes_it(en, m, "——用户 小鹿乱撞，车牌号：沪A·7K392，他见了李四") for m in CJK_RUN.finditer(en)]
    [True, True, False]
    """
    run = match.group()
    if run not in source:
        return False
    if _HANDLE_LABEL_BEFORE.search(en, max(0, match.start() - 20), match.start()):
        return True
    plate = _PLATE_AFTER.match(en, match.end()) if len(run) <= PLATE_MAX_CHARS else None
    return plate is not None and en[match.start() : plate.end()] in source


def _glossed_headword(en: str, match: re.Match, source: str) -> bool:
    """True when the run ``match`` heads a note of the English as it heads one of the source (柴: equivalent to 寨 for
    柴：同“寨”), in either script; not when what follows is the source's own text, a label pasted untranslated with
    its value (*Release date: 发布日期: 2021-04-05*).

    >>> source = "【注释】柴：同“寨”。发布日期: 2021-04-05"
    >>> [_glossed_headword(en, m, source) for en in ("[Notes] 柴: equivalent to 寨", "Release date: 发布日期: 2021-04-05")
    ...  for m in list(CJK_RUN.finditer(en))[:1]]
    [True, False]
    """
    colon = _HEADWORD_AFTER.match(en, match.end())
    if colon is None:
        return False
    following = en[colon.end() :].strip()[:6]
    for word in {match.group(), opencc_converter("t2s").convert(match.group())}:
        headed = re.search(f"(?:^|[】\\]」』）)。；\\s]){re.escape(word)}[：:]", source)
        if headed is not None and source[headed.end() :].strip()[:6] != following:
            return True
    return False


def _read_after(en: str, match: re.Match) -> bool:
    """True when the run ``match`` is followed by its own pinyin, tone marks, tone digits and spaces as they may be.

    >>> [_read_after(en, m) for en in ("4. 出院 chū yuàn v. to leave", "周末 zhōumò n.", "We went to 香山 by bus.")
    ...  for m in CJK_RUN.finditer(en)]
    [True, True, False]
    """
    words = _WORDS_AFTER.match(en, match.end())
    if words is None:
        return False
    reading = "".join(toneless_syllables(opencc_converter("t2s").convert(match.group())))
    spelled = ""
    for word in words.group().split():
        spelled += _toneless_letters(word)
        if spelled == reading:
            return True
        if not reading.startswith(spelled):
            return False
    return False


def _toneless_letters(word: str) -> str:
    """``word`` in lower case, its tone marks, tone digits and apostrophes dropped and ü written v, as pypinyin writes it.

    >>> _toneless_letters("Lǜ'shān3")
    'lvshan'
    """
    return "".join(ch for ch in toneless_syllable(word.lower()) if ch.isascii() and ch.isalpha())


def _defined_as_quoted(en: str, match: re.Match, source: str) -> bool:
    """True when the run ``match`` is part of words the source quotes as words (「落水」, “冷却12秒”), which the English
    copies whole and defines, renders or says how to translate (落水 means "to rain"; rendering 学习知识 as …; 冷却12秒 is
    translated as "CD: 12s"; 符咒·寒冰 becomes "Talisman: Frost").

    >>> source = "冷却时间统一写作“CD: Xs”，例如“冷却12秒”译为“CD: 12s”。"
    >>> en = 'For example, 冷却12秒 is translated as "CD: 12s". The 冷却 bar.'
    >>> [_defined_as_quoted(en, m, source) for m in CJK_RUN.finditer(en)]
    [True, True, False]
    """
    for start, end in _source_quotes_around(en, match, source):
        if _DEFINED_AFTER.match(en, end) or _DEFINED_BEFORE.search(en, max(0, start - 30), start):
            return True
    return False


# Words a source quotes as words: a short quotation with Chinese in it.
_SOURCE_QUOTE = re.compile(r"[「『“‘\"']([^」』”’\"'\n]{1,16})[」』”’\"']")


def _source_quotes_around(en: str, match: re.Match, source: str) -> list[tuple[int, int]]:
    """The spans of the English that copy, whole, a quotation of ``source`` that holds the run ``match``."""
    if not any(mark in source for mark in "「『“‘\"'"):
        return []
    spans = []
    for quoted in {q.group(1) for q in _SOURCE_QUOTE.finditer(source) if match.group() in q.group(1)}:
        for offset in range(max(0, match.end() - len(quoted)), match.start() + 1):
            if en.startswith(quoted, offset):
                spans.append((offset, offset + len(quoted)))
    return spans


def _quoted_in(source: str, run: str) -> bool:
    """True when ``source`` quotes ``run`` as a word of its own, in either script: 「落水」, “落水”.

    >>> _quoted_in("「落水」即下雨", "落水"), _quoted_in("落水即下雨", "落水"), _quoted_in("“日头”即太阳", "日頭")
    (True, False, True)
    """
    return any(re.search(f"[「『“‘\"']{re.escape(word)}[」』”’\"']", source) is not None
               for word in {run, opencc_converter("t2s").convert(run)})


_QUOTED = re.compile(r"[\"“'‘「『][^\"“”'‘’「」『』]+[\"”'’」』]")  # used with .fullmatch(text, start - 1, end + 1)


def chinese_runs(row: CheckRow) -> list[tuple[re.Match, bool]]:
    """The runs of Chinese in the row's English, each with whether it is written there on purpose: a part of a URL or
    a handle the source writes (:func:`copied_literals`), an item of a list copied from the source (:func:`copied_lists`),
    a mention (:func:`mentioned`).

    >>> row = CheckRow(1, "", "他练气功。", "He met 李四 and practised qigong (气功).")
    >>> [(m.group(), on_purpose) for m, on_purpose in chinese_runs(row)]
    [('李四', False), ('气功', True)]
    """
    found = list(CJK_RUN.finditer(row.en))
    if not found:
        return []  # most rows: no Chinese in the English, and no source text to join
    source = row.zh + "\n" + row.zh_normalized
    literals = sorted(copied_literals(row.en, source) + copied_lists(row.en, row.zh_normalized))
    starts = [start for start, _end in literals]
    # Each weighing of a mention reads the row up to the run, so only the first MAX_MENTION_LOOKUPS runs are
    # weighed: a line of thousands of runs (alternating scripts) is left untranslated, not read thousands of times.
    return [(match, _inside(match.start(), literals, starts) or (i < MAX_MENTION_LOOKUPS and mentioned(row.en, match, source)))
            for i, match in enumerate(found)]


def row_chinese_runs(view: RowView) -> list[tuple[re.Match, bool]]:
    """:func:`chinese_runs` of the view's row, read once for untranslated and omission alike."""
    return view.memo("untranslated.chinese_runs", lambda: chinese_runs(view.row))


@register(
    "untranslated",
    severity="error",
    family="untranslated",
    what="Chinese characters left in the English, or an English side that is a copy of the Chinese.",
    why="Untranslated text means the translator skipped a passage or pasted the wrong column; the reader of the "
    "English cannot read it.",
    example=("他们在成都开会。", "They met in 成都."),
    silence="`--ignore untranslated`. Chinese quoted on purpose (a calligraphy inscription, a glossed term) "
    "can be put in the glossary's note and the row ignored.",
    false_positives="Chinese that the English keeps on purpose in other ways than as a short mention (the character "
    "人), beside its gloss (qi (气)) or, as words of the source, in brackets with their gloss (the Analects (Lunyu, "
    "论语)) or, as a name alone in brackets, after the English that translates it (the National Bureau of Statistics "
    "(国家统计局)), which are not reported: a line of verse quoted before its translation; a name alone in brackets after "
    "English that CC-CEDICT does not give as its translation (the ministry (商务部)).",
)
def check_untranslated(ctx: CheckContext) -> Iterator:
    # Chinese the document writes on purpose somewhere (the trademark "金穗" (Jinsui)) is written on purpose where the
    # English quotes it again without naming it so ("金穗" is neither the generic name ...).
    on_purpose_rows = {view.row.row: {match.group() for match, on_purpose in row_chinese_runs(view) if on_purpose}
                       for view in ctx.rows if CJK.search(view.row.en)}
    established = set().union(*on_purpose_rows.values())
    # A document that writes Chinese on purpose in rows of their own (a textbook's word list, a glossary) teaches the
    # words: the words its source quotes as words are mentions too (Use 打算 and 怎么样 … for 用“打算”“怎么样”…).
    teaches = sum(map(bool, on_purpose_rows.values())) >= TEACHING_MIN_ROWS
    for view in ctx.rows:
        row = view.row
        en = row.en.strip()
        if not en:
            continue
        copied = "".join(en.split()) in ("".join(row.zh.split()), "".join(row.zh_normalized.split()))
        if copied and CJK.search(en):  # a URL, a hashtag or a code line is the same in both languages
            yield ctx.finding("untranslated", view, "the English is a copy of the Chinese", zh_text=row.zh, en_text=row.en,
                              signals={"copy": 1.0})
            continue
        runs = [match.group() for match, on_purpose in row_chinese_runs(view) if not on_purpose
                and not (match.group() in established and _QUOTED.fullmatch(row.en, match.start() - 1, match.end() + 1))
                and not (teaches and len(match.group()) <= MENTION_MAX_CHARS and _quoted_in(row.zh + row.zh_normalized, match.group()))]
        if runs:
            shown = "".join(runs[:3])
            yield ctx.finding(
                "untranslated", view,
                f"Chinese text left in the English: {'、'.join(runs[:3])}",
                zh_text=shown, en_text="、".join(runs[:3]),
                signals={"cjk_share": sum(map(len, runs)) / max(1, len("".join(row.en.split())))},
            )
