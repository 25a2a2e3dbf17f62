"""omission and addition: material of one side with no counterpart on the other.

Evidence per row (:func:`coverage_evidence`):

* the length ratio — English letters per Chinese character — against the
  document's median ratio and its spread (translators differ in verbosity, so
  each document is its own yardstick);
* dictionary coverage of the Chinese: the share of its content words whose
  CC-CEDICT translation appears among the English stems;
* coverage under the document's own lexicon (:class:`.document_lexicon.DocumentLexicon`, IBM
  Model 1 learned from the document's rows with CC-CEDICT as prior): for
  each Chinese content word, the posterior that it produced some English
  stem of the row; the omission score uses this one;
* the clause ratio — English clauses to Chinese clauses, runs of text between
  clause punctuation — against the document's usual ratio: a dropped run of
  clauses takes its punctuation with it;
* for each English sentence of the row, each content word and whether the
  row's Chinese supports it: a CC-CEDICT translation of a Chinese word of the
  row (single characters only when jieba keeps them as words), a capitalised
  word spelling the pinyin of the row's Chinese, or a name the document
  renders by meaning (韦小宝 → Trinket, learned from the rows that share it).

Decisions: a 1-0 bead is an omission and a 0-1 bead an addition (a whole
sentence).  Inside a bead, ``omission`` needs one score of length, coverage
and clause ratio, all relative to the document, to be very low.  ``addition``
adds log-likelihood ratios for each English sentence: its words' support
under "unrelated" against "translation" (each word's own support rate in the
rest of the document against the chance that the row's Chinese offers it),
and the row's length and clause ratio with and without the sentence; the
prior for "one of n sentences" is subtracted (a row whose Chinese has no Chinese character, a cue number or
a time code, has no length to compare, and its sentences are judged by their words alone).  A figure in
digits the English drops is a content word known to be unrendered.  Both thresholds are set for few false alarms on
free literary translation; they and the other tuned constants, with the data they were chosen on,
are in :mod:`.params`.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .._lazy import opencc_converter
from ..segment.en import sentence_candidates
from ..text.lexicon import EN_STOPWORDS, english_stem, load_lexicon, stem_sibling
from ..text.numbers import en_number_keys, en_numbers, number_keys, zh_number_keys, zh_numbers
from ..text.patterns import CJK, CJK_RUN, EN_WORD, ZH_SPEECH_INTRO
from ..text.transliteration import sound_alike, transliteration_sounds
from ..text.wording import counted
from .context import CheckContext, RowView, name_key, spells_pinyin_of, tag_zh
from .document_lexicon import DocumentLexicon, dictionary_stems, pair_count
from .name_spelling import row_name_keys
from .numbers import dropped_numbers, row_en_numbers
from .params import (
    ADDITION_MIN_UNWRITTEN_WORDS,
    ADDITION_THRESHOLD,
    ADDITION_UNWRITTEN_WORD_RATE,
    DEFAULT_CLAUSE_SPREAD,
    DEFAULT_LEARNED_SHARE,
    DEFAULT_LENGTH_SPREAD,
    DEFAULT_RATIO,
    LABEL_SENTENCE_MAX_WORDS,
    LEARNED_SHARE_MIN_CONTENT,
    LEXICON_ROW_PAIRS,
    NAME_MAX_FREQUENCY,
    NAME_MIN_ROWS,
    NORM_MIN_CHARS,
    NORM_MIN_ROWS,
    OMISSION_CLAUSE_WEIGHT,
    OMISSION_COVERAGE_WEIGHT,
    OMISSION_LENGTH_WEIGHT,
    OMISSION_MIN_CHARS,
    OMISSION_MIN_CONTENT,
    OMISSION_THRESHOLD,
    PRIOR_STRENGTH,
    SHORT_ROW_CHARS,
)
from .registry import register
from .resources import canonical_chinese, english_words, transliteration_chars
from .untranslated import row_chinese_runs

_LETTER = re.compile(r"[A-Za-z]")
_LETTER_OR_CJK = re.compile(f"[A-Za-z]|{CJK.pattern}")  # the content of an English clause that copies Chinese
_NOT_LETTERS = re.compile(r"[^A-Za-z]+")
_POSSESSIVE_S = re.compile(r"'s$")  # the tokens of _english_tokens write every apostrophe straight
_DIGIT = re.compile(r"\d")
# One to three syllables shaped as pinyin's are (an initial of two letters at most, vowels, then n, ng or r): a cheap
# test before the pinyin of the whole row is read (*bixing* passes, *tanned* and *clambered* do not).
_PINYIN_SHAPE = re.compile(r"(?:[bcdfghjklmnpqrstwxyz]{0,2}[aeiouü]{1,3}(?:ng|n|r)?){1,3}")
CJK_CHAR = CJK
# jieba tags of words that carry no content (punctuation, particles, pronouns, prepositions, numerals ...)
_FUNCTION_TAGS = frozenset(("x", "uj", "ul", "r", "p", "c", "u", "y", "e", "m", "q"))


@dataclass(frozen=True)
class Coverage:
    """Evidence for omission/addition in one row."""

    zh_chars: int
    en_letters: int
    zh_content: int  # Chinese words with a dictionary translation
    zh_covered: int  # ... whose translation is in the English
    # Per English sentence: (text, letters, its content words as (stem, supported by the row's Chinese)).
    # A capitalised word is supported when it spells the pinyin of the row's Chinese.
    sentences: tuple[tuple[str, int, tuple[tuple[str, bool], ...]], ...]
    zh_offers: frozenset[str] = frozenset()  # English stems the row's Chinese can be translated by
    zh_text: str = ""
    names: frozenset[str] = frozenset()  # stems of the capitalised words the row's Chinese does not spell
    zh_clauses: int = 0  # runs of Chinese text between clause punctuation
    en_clauses: int = 0  # runs of English words between clause punctuation
    # The Chinese content words (any with a content tag, known to CC-CEDICT or not) with their half
    # (0, 1, or -1 for both), and the English stems: what the document's own lexicon is learned from.
    zh_words: tuple[tuple[str, int], ...] = ()
    en_stems: tuple[str, ...] = ()
    speaker_chars: int = 0  # Chinese characters of an attribution the English leaves unsaid (韦小宝道：“)
    # For a heading whose English is one "sentence" that ends a sentence: the English cut before each capitalised
    # word, (head, tail) in the form of ``sentences`` (a sentence appended to a heading has no stop before it).
    heading_splits: tuple[tuple[tuple[str, int, tuple[tuple[str, bool], ...]], ...], ...] = ()
    # Per half of the Chinese (as zh_words cuts it): its numbers the English writes too.  A number is a content word
    # that no dictionary translates (numerals are tagged as function words), so the halves' coverage counts them here.
    half_numbers: tuple[int, int] = (0, 0)

    @property
    def clause_ratio(self) -> float:
        """``log((English clauses + 1) / (Chinese clauses + 1))``: translators keep most clause breaks."""
        return math.log((self.en_clauses + 1) / (self.zh_clauses + 1))

    @property
    def ratio(self) -> float:
        return self.en_letters / max(self.zh_chars, 1)

    @property
    def spoken_ratio(self) -> float:
        """:attr:`ratio` without an attribution the English leaves unsaid (:attr:`speaker_chars`)."""
        return self.en_letters / max(self.zh_chars - self.speaker_chars, 1)

    @property
    def spoken_clause_ratio(self) -> float:
        """:attr:`clause_ratio` without such an attribution, which is one clause of the Chinese."""
        return math.log((self.en_clauses + 1) / (self.zh_clauses - bool(self.speaker_chars) + 1))



def _reading_tags(view: RowView) -> tuple[tuple[str, str], ...]:
    """The row's Chinese words as omission and addition read them: variant characters canonical (轿伕 → 轿夫),
    after OpenCC s2t then t2s.

    Traditional input is converted to Simplified before the checks, but not always back to the
    characters a Simplified original has (想象 becomes 想像, 背 becomes 揹): one differing word would
    move every row's learned coverage a little.  After the round trip both inputs give the same text.
    """
    text = _read_as_simplified(view.row.zh_normalized)
    return view.zh_tags if text == view.row.zh_normalized else tag_zh(text)


def _read_as_simplified(text: str) -> str:
    """``text`` with its variant characters canonical, after OpenCC s2t then t2s (see :func:`_reading_tags`)."""
    text = canonical_chinese(text)
    if CJK_CHAR.search(text):
        text = canonical_chinese(opencc_converter("t2s").convert(opencc_converter("s2t").convert(text)))
    return text


def _copied_chinese(view: RowView) -> str:
    """The Chinese the English writes on purpose (a character list, a mention: see
    :func:`.untranslated.chinese_runs`), read as :func:`_reading_tags` reads the Chinese: what of the source needs no
    translation.  Chinese left untranslated by mistake is no such thing: it is a part of the source the English lacks.

    >>> from corpus_align.model import CheckRow
    >>> _copied_chinese(RowView(CheckRow(1, "", "我会写：奶、报、纸", "Characters to write: 奶, 報, 紙"))).split()
    ['奶', '报', '纸']
    >>> _copied_chinese(RowView(CheckRow(1, "", "他们在成都开会。", "They met in 成都.")))
    ''
    """
    if not CJK_CHAR.search(view.row.en):
        return ""
    return "\n".join(_read_as_simplified(match.group()) for match, on_purpose in row_chinese_runs(view) if on_purpose)


_CLAUSE_END = frozenset("，；：、。！？,;:!?")

# A row that opens with who speaks (韦小宝道：“…, 凤姐笑道：“…): translators of dialogue often leave the speaker to the
# context ('To steal a book.'), so when the English names no act of speech, omission measures the row's length and
# clauses without the attribution.
_SPEAKER = re.compile(r"[^，。！？；：:“”「」\"']{1,10}?" + ZH_SPEECH_INTRO)
_EN_SPEECH = re.compile(
    r"(?i)\b(?:sa(?:y|ys|id)|ask(?:s|ed)?|cr(?:y|ies|ied)|repl(?:y|ies|ied)|answer(?:s|ed)?|t(?:ell|ells|old)|"
    r"shout(?:s|ed)?|call(?:s|ed)?|exclaim(?:s|ed)?|add(?:s|ed)|continu(?:es|ed)|went on|mutter(?:s|ed)?|"
    r"whisper(?:s|ed)?|snap(?:s|ped)|laugh(?:s|ed)|demand(?:s|ed)|(?:in|en)quir(?:es|ed)|remark(?:s|ed)|"
    r"declar(?:es|ed)|retort(?:s|ed)|protest(?:s|ed)|insist(?:s|ed)|explain(?:s|ed)|rejoin(?:s|ed)|"
    r"interrupt(?:s|ed)|yell(?:s|ed)|scream(?:s|ed)|roar(?:s|ed)|groan(?:s|ed)|sigh(?:s|ed)|murmur(?:s|ed)?)\b")


def unspoken_speaker(zh: str, en: str) -> int:
    """The Chinese characters of an attribution that opens ``zh`` (韦小宝道：“) when ``en`` names no act of
    speech; 0 when the row opens otherwise or the English says it (*said Trinket*).

    >>> unspoken_speaker("韦小宝道：“是去偷一部书出来。”", "'To steal a book.'")
    4
    >>> unspoken_speaker("韦小宝道：“是去偷一部书出来。”", "'To steal a book,' said Trinket.")
    0
    """
    match = _SPEAKER.match(zh)
    if match is None or _EN_SPEECH.search(en):
        return 0
    return len(CJK_CHAR.findall(match.group()))


@lru_cache(maxsize=100_000)
def _cjk_count(word: str) -> int:
    """The Chinese characters of one word; cached, since a document repeats its words (a million look-ups in 50,000 rows)."""
    return len(CJK_CHAR.findall(word))


def _clause_halves(tags: tuple[tuple[str, str], ...]) -> list[int]:
    """For each word, the half of the Chinese it belongs to (0 or 1), cut at a clause boundary.

    The cut is the clause punctuation (，；：、。！？) whose position, counted in
    Chinese characters, is nearest the middle (the earlier one on a tie); each
    word goes to the half of its clause.  Word boundaries never cross
    punctuation, so the halves do not depend on how jieba cuts the words
    (Simplified and Traditional input agree).  With no clause boundary inside
    the text every word is in both halves (``-1``).

    >>> _clause_halves((("他", "r"), ("来", "v"), ("，", "x"), ("我", "r"), ("走", "v"), ("。", "x")))
    [0, 0, 0, 1, 1, 1]
    """
    sizes = [_cjk_count(word) for word, _ in tags]
    total = sum(sizes)
    best, cut, position = None, -1, 0
    for i, ((word, _tag), size) in enumerate(zip(tags, sizes, strict=True)):  # sizes: one per word of tags
        position += size
        if word in _CLAUSE_END and 0 < position < total:
            distance = abs(2 * position - total)
            if best is None or distance < best:
                best, cut = distance, i
    if cut < 0:
        return [-1] * len(tags)
    return [0 if i <= cut else 1 for i in range(len(tags))]


_ANY_DIGIT_OR_NUMERAL = re.compile(r"[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                                   r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b",
                                   re.IGNORECASE)
# A row that opens on a label and its colon, after a list number or not: 3. 面霜：, 注意：; *3. Moisturiser:*, *Note:*.
_ZH_LABEL_OPENING = re.compile(r"\s*(?:\d{1,3}[.、)]\s*)?[^\s:：。.!?，,]{1,12}[：:]")
_EN_LABEL_OPENING = re.compile(r"\s*(?:\d{1,3}[.)]\s*)?[A-Za-z][\w'’ -]{0,30}:\s")
_ZH_CLAUSE_BREAK = re.compile(r"[，；：、。！？…—,;:!?]+")
_EN_CLAUSE_BREAK = re.compile(r"[,;:.!?…—]+")


def count_clauses(text: str, break_pattern: re.Pattern, content: re.Pattern) -> int:
    """The runs of ``text`` between clause punctuation that contain ``content``.

    >>> count_clauses("他来了，我走了。", _ZH_CLAUSE_BREAK, CJK_CHAR), count_clauses("He came; I left.", _EN_CLAUSE_BREAK, _LETTER)
    (2, 2)
    """
    return sum(1 for part in break_pattern.split(text) if content.search(part))


def _letter_count(text: str) -> int:
    """The ASCII letters of ``text`` (what ``_LETTER`` matches), counted without a string per letter.

    >>> _letter_count("Xi-feng’s café, 3 times.")
    15
    """
    return len(_NOT_LETTERS.sub("", text))


def _english_tokens(sentence: str) -> list[str]:
    """The words of an English sentence as the coverage counts them: hyphenated words in parts.

    A part of *well-known* or *twenty-five* can be supported by the Chinese on its own.

    >>> _english_tokens("Xi-feng’s well-known café.")
    ['Xi', "feng's", 'well', 'known', 'café']
    """
    return [part for word in EN_WORD.findall(sentence.replace("’", "'")) for part in word.split("-")]


# English number words CC-CEDICT's glosses of the digits do not give (九十 offers "nine" and "ten", not "ninety").
_NUMBER_WORD = re.compile(r"(?i)\b(?:eleven(?:th)?|twel(?:ve|fth)|(?:thir|four|fif|six|seven|eigh|nine)teen(?:th)?|"
                          r"(?:twen|thir|for|fif|six|seven|eigh|nine)t(?:y|ieth)|twice|thrice|dozens?|score)\b")
# Words that say a number the Chinese may write in digits, which have no gloss at all (9名 ↔ *nine*, 120万 ↔ *1.2 million*).
_SPELLED_NUMBER = re.compile(r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|"
                             r"sixth|seventh|eighth|ninth|tenth|hundreds?|thousands?|millions?|billions?|trillions?)\b")


# Each numeral character's English word, as a pattern, and the word.
_NUMERAL_NAMES = {char: (re.compile(rf"(?i)\b{word}\b"), word) for char, word in zip(
    "一二两三四五六七八九十百千", "one two two three four five six seven eight nine ten hundred thousand".split(), strict=True)}


def source_number_stems(zh: str, en: str) -> frozenset[str]:
    """Stems of the English number words that say a number the Chinese writes: they translate it, though no
    dictionary gloss of its numerals or digits spells them (九万里 ↔ *ninety thousand li*, 9名 ↔ *nine*).

    >>> sorted(source_number_stems("抟扶摇而上者九万里", "He rises ninety thousand li, not fifteen."))
    ['nineti', 'thousand']
    >>> sorted(source_number_stems("退赔120万元，取得9名被害人的谅解", "paid RMB 1.2 million and was forgiven by nine of them"))
    ['million', 'nine']
    >>> sorted(source_number_stems("但悲不见九州同", "I shall not see the Nine Provinces made one"))
    ['nine']
    """
    # A numeral inside a name or a term the dictionary keeps whole says its number too: 九州 ↔ *the Nine Provinces*,
    # 五行 ↔ *the five phases*.
    named = frozenset(english_stem(_NUMERAL_NAMES[char][1]) for char in _NUMERAL_NAMES.keys() & set(zh)
                      if _NUMERAL_NAMES[char][0].search(en))
    if not _NUMBER_WORD.search(en) and not (_DIGIT.search(zh) and _SPELLED_NUMBER.search(en)):
        return named
    written = set(zh_number_keys(zh))
    said = [mention for mention in en_numbers(en) if not written.isdisjoint(number_keys([mention]))]
    return named | frozenset(english_stem(word.lower()) for mention in said for word in EN_WORD.findall(mention.text))


def coverage_evidence(view: RowView) -> Coverage:
    """Measure one row (see the module docstring).

    >>> from corpus_align.model import CheckRow
    >>> ev = coverage_evidence(RowView(CheckRow(1, "", "他去了北京。", "He went to Beijing.")))
    >>> ev.zh_content, ev.zh_covered, ev.sentences[0][2]
    (2, 2, (('go', True), ('beij', True)))
    """
    # A gloss in -ant stands for the English in -ance, and the other way (孕妇 "pregnant woman" ↔ *during pregnancy*);
    # only for the dictionary's glosses: the document's lexicon learns from the English stems as they are.
    stems = view.en_stems | {sibling for sibling in map(stem_sibling, view.en_stems) if sibling}
    content = covered = 0
    # The words after OpenCC's round trip, for every measure: Simplified and Traditional input then read alike.
    zh_tags = lexicon_tags = _reading_tags(view)
    zh_chars = view.zh_cjk
    copied = _copied_chinese(view)
    if copied:
        # Chinese the English writes as it stands (我会写：奶、报、纸 ↔ *Characters to write: 奶, 报, 纸*) is no
        # translation to measure: it counts neither in the Chinese length nor among its content words.
        kept = tuple((word, tag) for word, tag in zh_tags if not (CJK_CHAR.match(word) and word in copied))
        zh_chars -= sum(_cjk_count(word) for word, _tag in zh_tags) - sum(_cjk_count(word) for word, _tag in kept)
        zh_tags = lexicon_tags = kept
    lexicon = load_lexicon()
    for word, tag in zh_tags:
        if tag not in _FUNCTION_TAGS:
            found = lexicon.get(word)  # translations(word), without a call per word
            if found:
                content += 1
                covered += not found.isdisjoint(stems)
    halves = _clause_halves(lexicon_tags)  # one half (0, 1 or -1) per word
    words = [(word, which) for (word, tag), which in zip(lexicon_tags, halves, strict=True) if tag not in _FUNCTION_TAGS]
    zh_stems = dictionary_stems([w for w, _ in zh_tags])
    # Words the Chinese itself writes in Latin letters (names, code: LOAD_METHOD, Svetlov) are there in the English too.
    zh_stems |= {english_stem(word.lower()) for word in _english_tokens(view.row.zh_normalized)}
    zh_stems |= source_number_stems(view.row.zh_normalized, view.row.en)
    names = row_name_keys(view)
    unspelled: set[str] = set()
    common = english_words()

    def read(sentence: str) -> tuple[str, int, tuple[tuple[str, bool], ...]]:
        tokens = []
        for word in _english_tokens(sentence):
            lower = word.lower()
            if lower in EN_STOPWORDS or len(lower) < 2:
                continue
            stem = english_stem(lower)
            supported = (stem in zh_stems or stem_sibling(stem) in zh_stems
                         or (word[0].isupper() and name_key(_POSSESSIVE_S.sub("", word)) in names))
            if (not supported and word[0].islower() and len(lower) >= 4 and common.get(lower, 0) < NAME_MAX_FREQUENCY
                    and _PINYIN_SHAPE.fullmatch(lower) and f"-{word}" not in sentence):
                # A term in pinyin, lower case (*evocative imagery (bixing)* ↔ 比兴), is the source's word; a syllable
                # alone or after a hyphen (the *shi* of *Qin-shi*) spells some character of any row.
                supported = spells_pinyin_of(word, view.row.zh_normalized)
            if word[0].isupper() and not supported and len(lower) >= 3 and common.get(lower, 0) < NAME_MAX_FREQUENCY:
                unspelled.add(stem)
            tokens.append((stem, supported))
        return sentence, _letter_count(sentence), tuple(tokens)


    # The segmenter's sentences, which do not end after a title (Mr. Savage, U.S. agents), before a word in lower case
    # (3:30 p.m. on Sunday) or before a quotation's speech tag ("Who?" she asked): none of those is a sentence that
    # could have been added.  They are cut where a unit's full stop or an ellipsis stands before a capital (5.30 p.m.
    # Article 10), which Punkt cannot tell from 3 p.m. Beijing time.
    sentences = [read(sentence) for sentence in (view.row.en[start:end].strip() for start, end in sentence_candidates(view.row.en))
                 if sentence]
    splits: tuple = ()
    if len(sentences) == 1 and not _ZH_ENDS_SENTENCE.search(view.row.zh_normalized.rstrip()) and _ENDS_SENTENCE.search(sentences[0][0]):
        text = sentences[0][0]
        cuts = [m.start() for m in _CAPITAL_AFTER_SPACE.finditer(text)][:HEADING_MAX_CUTS]
        splits = tuple((read(text[:cut].strip()), read(text[cut:])) for cut in cuts)
    return Coverage(max(zh_chars, 0), _letter_count(view.row.en), content, covered, tuple(sentences),
                    frozenset(zh_stems), view.row.zh_normalized, frozenset(unspelled),
                    count_clauses(view.row.zh_normalized, _ZH_CLAUSE_BREAK, CJK_CHAR),
                    count_clauses(view.row.en, _EN_CLAUSE_BREAK, _LETTER_OR_CJK if copied else _LETTER),
                    tuple(words), tuple(sorted(view.en_stems)), unspoken_speaker(view.row.zh_normalized, view.row.en), splits,
                    _rendered_numbers_by_half(lexicon_tags, halves, view))


def _rendered_numbers_by_half(tags: tuple[tuple[str, str], ...], halves: list[int], view: RowView) -> tuple[int, int]:
    """How many numbers of each half of the Chinese (:func:`_clause_halves`) the English writes too, for a half whose
    every number it writes: those the English copies as figures, not the round numerals of an idiom said in words
    (千般的温存，万种的风流 said *a thousand kinds*).  A number in Chinese numerals counts where the English writes it
    in digits (每听五十枝，售大洋七角五分 ↔ *Tins of 50, 75 cents each*).

    >>> from corpus_align.model import CheckRow
    >>> tags = (("一类", "m"), ("每日", "t"), ("60", "m"), ("元", "q"), ("，", "x"), ("二类", "m"), ("40", "m"), ("元", "q"))
    >>> row = CheckRow(1, "", "一类每日60元，二类40元", "60 yuan a day in Zone 1, 45 yuan in Zone 2")
    >>> _rendered_numbers_by_half(tags, [0, 0, 0, 0, 0, 1, 1, 1], RowView(row))
    (1, 0)
    >>> tags = (("每", "r"), ("听", "v"), ("五十", "m"), ("枝", "q"), ("，", "x"), ("售", "v"), ("大洋", "n"), ("七角五分", "m"))
    >>> row = CheckRow(1, "", "每听五十枝，售大洋七角五分", "Tins of 50, 75 cents each")
    >>> _rendered_numbers_by_half(tags, [0, 0, 0, 0, 0, 1, 1, 1], RowView(row))
    (1, 1)

    A number both halves write that the English writes once is counted in neither (股权登记日为2024年6月18日，除权除息日为
    6月19日 ↔ *The record date is June 18*: neither half's June is sure to be the English one).

    >>> tags = (("6月", "m"), ("18日", "m"), ("，", "x"), ("6月", "m"), ("19日", "m"))
    >>> _rendered_numbers_by_half(tags, [0, 0, 0, 1, 1], RowView(CheckRow(1, "", "6月18日，6月19日", "The record date is June 18.")))
    (1, 0)
    """
    if not (_DIGIT.search(view.row.en) or (_DIGIT.search(view.row.zh_normalized) and _ANY_DIGIT_OR_NUMERAL.search(view.row.en))):
        return (0, 0)  # most rows: no figure in digits on either side
    texts = ["".join(word for (word, _tag), which in zip(tags, halves, strict=True) if which in (half, -1)) for half in (0, 1)]
    english = [mention for mention in row_en_numbers(view) if not mention.weak]
    said = {True: Counter(mention.value for mention in english), False: Counter(m.value for m in english if m.digits)}
    # Each number of a half: the values it may be said as (a price in jiao and fen has several, all weak), and whether
    # it is written in digits.  Numerals that are only weak, vague or in words on both sides are no copied figure.
    written = [_numbers_of(text) for text in texts]
    if -1 not in halves:  # two halves: a number both write, and the English once, is neither's
        shared = Counter(written[0]) & Counter(written[1])
        written = [[number for number in half if not (number in shared and sum(said[number[1]][value] for value in number[0]) < 2)]
                   for half in written]
    # Only a half whose every such number the English writes: a half the English renders in part (5纳米占32%，7纳米占17%
    # ↔ *5-nanometre for 32%*, the rest dropped) keeps its figures' evidence of the omission.
    counts = []
    for half in written:
        left = {digits: Counter(pool) for digits, pool in said.items()}
        found = 0
        for values, digits in half:
            value = next((value for value in values if left[digits][value] > 0), None)
            if value is not None:
                left[digits][value] -= 1
                found += 1
        counts.append(found if found == len(half) else 0)
    return (counts[0], counts[1])


def _numbers_of(text: str) -> list[tuple[frozenset[float], bool]]:
    """The numbers of ``text``, each as the values it may be said as and whether it is written in digits: a strong
    mention alone, or the weak readings of one sum (七角五分: 0.75, 75, 7, 5), which are one number.

    >>> _numbers_of("五十枝，七角五分，一心")
    [(frozenset({50}), False), (frozenset({0.75, 5.0, 70.0, 7.0, 75.0}), False)]
    """
    numbers: list[tuple[frozenset[float], bool]] = []
    weak_sum: tuple[str, list[float], bool] | None = None
    for mention in zh_numbers(text):
        if weak_sum is not None and (not mention.weak or mention.text != weak_sum[0]):
            numbers.append((frozenset(weak_sum[1]), weak_sum[2]))
            weak_sum = None
        if mention.approx and not mention.digits:
            continue  # 几十, 上百: no figure to copy
        if not mention.weak:
            numbers.append((frozenset({mention.value}), mention.digits))
        elif len(mention.text) > 1:  # a weak one alone (一个: "one", "1" or the article) is no figure
            weak_sum = weak_sum or (mention.text, [], mention.digits)
            weak_sum[1].append(mention.value)
    if weak_sum is not None:
        numbers.append((frozenset(weak_sum[1]), weak_sum[2]))
    return numbers


# A heading or a label does not end a sentence (示例：, 岗位职责：, （音乐）, 2024年3月15日（星期五）); its English, with a
# sentence appended, does.  A sentence's stop may stand inside its closing quote or bracket (……。”, （注：……。）).
_ZH_ENDS_SENTENCE = re.compile(r"[。！？!?.…；;][”’\"'」』）)\]】]*$")
_ENDS_SENTENCE = re.compile(r"[.!?…]['\"”’)]*$")
_CAPITAL_AFTER_SPACE = re.compile(r"(?<= )[A-Z]")
HEADING_MAX_CUTS = 12  # a heading has a few words; more cuts would only be tried on a long sentence


def _middle_mean(values: list[float], default: float) -> float:
    """The mean of the middle half of ``values`` (``default`` for fewer than :data:`.params.NORM_MIN_ROWS`, 10).

    Not the median: shares and clause ratios take few distinct values, and a median jumps
    between them when one row changes (Simplified and Traditional input must agree).

    >>> _middle_mean([1.0] * 6 + [0.0, 0.0, 100.0, 100.0], 0.5)
    1.0
    """
    if len(values) < NORM_MIN_ROWS:
        return default
    ordered = sorted(values)
    return statistics.fmean(ordered[len(ordered) // 4 : len(ordered) - len(ordered) // 4])


def _robust_spread(values: list[float], default: float, floor: float = 0.05) -> float:
    """1.4826 × the median absolute deviation (a standard deviation that ignores outliers), at least ``floor``,
    shrunk towards ``default`` as if :data:`.params.NORM_MIN_ROWS` rows had shown it (``default`` itself for fewer rows).

    The deviation of a few rows is a poor measure: ten rows of one book's chapter can agree to a tenth, and an
    ordinary sentence of the next row would then count as a four-sigma addition.  The shrinkage fades as the
    document grows (a hundred rows keep nine tenths of their own measure).

    >>> round(_robust_spread([0.0] * 5 + [0.1] * 5, 0.4), 3), round(_robust_spread([0.0] * 500 + [0.1] * 500, 0.4), 3)
    (0.288, 0.084)
    """
    if len(values) < NORM_MIN_ROWS:
        return default
    median = statistics.median(values)
    measured = max(1.4826 * statistics.median([abs(v - median) for v in values]), floor)
    return max(math.sqrt(_shrunk(measured**2, len(values), default**2)), floor)  # variances are what add up


def _shrunk(measured: float, rows: int, default: float) -> float:
    """``measured`` on ``rows`` rows, shrunk towards ``default`` as if :data:`.params.NORM_MIN_ROWS` rows had shown it.

    >>> _shrunk(1.0, 10, 0.0), _shrunk(1.0, 990, 0.0)
    (0.5, 0.99)
    """
    return (rows * measured + NORM_MIN_ROWS * default) / (rows + NORM_MIN_ROWS)


def _cjk_grams(text: str) -> set[str]:
    """The strings of two and three Chinese characters in ``text``.

    >>> sorted(_cjk_grams("韦小宝说：好"))
    ['宝说', '小宝', '小宝说', '韦小', '韦小宝']
    """
    return {run[i : i + n] for run in CJK_RUN.findall(text) for n in (2, 3) for i in range(len(run) - n + 1)}


class _Norms:
    """What is usual in this document: length ratio and its spread, coverage, and how reliably each English word is supported."""

    def __init__(self, ctx: CheckContext):
        self.ctx = ctx
        self._transliterated: dict[int, tuple[Coverage, frozenset[str]]] = {}  # by id() of a row's evidence

    @cached_property
    def evidence(self) -> dict[int, Coverage]:
        """The evidence of each row that can be judged: two-sided, a usual bead type, no longer than
        :data:`LEXICON_ROW_PAIRS` allows (a row that holds a whole chapter is not judged)."""
        found = {}
        for i, view in enumerate(self.ctx.rows):
            if view.row.zh_normalized.strip() and view.row.en.strip() and view.row.type in ("", "1-1", "2-1", "1-2", "2-2"):
                ev = coverage_evidence(view)
                if pair_count(ev) <= LEXICON_ROW_PAIRS:
                    found[i] = ev
        return found

    @cached_property
    def ratio(self) -> float:
        # Rows whose English has no letters at all (only punctuation or digits) say nothing of the usual ratio.
        ratios = [ev.ratio for ev in self.evidence.values() if ev.zh_chars >= NORM_MIN_CHARS and ev.en_letters]
        if len(ratios) < NORM_MIN_ROWS:
            return DEFAULT_RATIO
        # On the log scale: a ratio is a factor.
        return math.exp(_shrunk(math.log(statistics.median(ratios)), len(ratios), math.log(DEFAULT_RATIO)))

    @cached_property
    def length_spread(self) -> float:
        """Spread of log(length ratio / usual ratio) over the rows of :data:`.params.NORM_MIN_CHARS` Chinese characters or more."""
        logs = [math.log(max(ev.ratio, 1e-3) / self.ratio)
                for ev in self.evidence.values() if ev.zh_chars >= NORM_MIN_CHARS and ev.en_letters]
        return _robust_spread(logs, DEFAULT_LENGTH_SPREAD)

    @cached_property
    def clause_ratio(self) -> float:
        """The document's usual :attr:`Coverage.clause_ratio`."""
        return _middle_mean([ev.clause_ratio for ev in self.evidence.values() if ev.zh_chars >= NORM_MIN_CHARS], 0.0)

    @cached_property
    def clause_spread(self) -> float:
        """Spread of :attr:`Coverage.clause_ratio` over the document's rows of :data:`.params.NORM_MIN_CHARS` Chinese characters or more."""
        # Clause counts are small integers: in a document of one-clause rows most ratios are equal and
        # the deviation is 0, so the spread is kept at least one clause's step (log 3/2 ≈ 0.4).
        return _robust_spread([ev.clause_ratio for ev in self.evidence.values() if ev.zh_chars >= NORM_MIN_CHARS],
                              DEFAULT_CLAUSE_SPREAD, floor=DEFAULT_CLAUSE_SPREAD)

    @cached_property
    def lexicon(self) -> tuple[DocumentLexicon, dict[tuple, int]]:
        """The document's own lexicon (:class:`.document_lexicon.DocumentLexicon`) and each row's index in it, keyed by the row's words."""
        rows = list(self.evidence.values())
        return DocumentLexicon(rows), {(ev.zh_words, ev.en_stems): r for r, ev in enumerate(rows)}

    @cached_property
    def learned_share(self) -> float:
        """The usual share of a row's content words covered under the document's own lexicon."""
        lexicon = self.lexicon[0]
        enough = lexicon.content >= LEARNED_SHARE_MIN_CONTENT
        return _middle_mean((lexicon.covered[enough] / lexicon.content[enough]).tolist(), DEFAULT_LEARNED_SHARE)

    def learned_halves(self, ev: Coverage) -> tuple[tuple[int, float], ...]:
        """The halves' (content words, expected covered words) under the document's own lexicon."""
        lexicon, index = self.lexicon
        r = index.get((ev.zh_words, ev.en_stems))
        return lexicon.row_halves(r) if r is not None else DocumentLexicon([ev]).row_halves(0)

    def worse_half(self, ev: Coverage) -> tuple[int, float]:
        """The (content words, expected covered words) of the half with the lower smoothed coverage, each half's
        numbers the English writes counted as content words covered."""
        halves = [(content + numbers, covered + numbers)
                  for (content, covered), numbers in zip(self.learned_halves(ev), ev.half_numbers, strict=False)]
        return min(halves, key=lambda half: (half[1] + 1) / (half[0] + 2))

    @cached_property
    def word_stats(self) -> tuple[Counter, Counter, Counter, float, float]:
        """Per English stem: rows using it, rows where it is supported, rows whose Chinese offers it; the
        document's overall support rate and the mean number of stems a row's Chinese offers."""
        used: Counter = Counter()
        supported: Counter = Counter()
        offered: Counter = Counter()
        sizes = []
        for ev in self.evidence.values():
            offered.update(ev.zh_offers)
            sizes.append(len(ev.zh_offers))
            seen: dict[str, bool] = {}
            for _sentence, _letters, tokens in ev.sentences:
                for stem, ok in tokens:
                    seen[stem] = seen.get(stem, False) or self.supported(ev, stem, ok)
            used.update(seen.keys())
            supported.update(stem for stem, ok in seen.items() if ok)
        rate = sum(supported.values()) / max(sum(used.values()), 1)
        return used, supported, offered, min(max(rate, 0.05), 0.9), max(statistics.fmean(sizes) if sizes else 1.0, 1.0)

    @cached_property
    def learned_names(self) -> dict[str, str]:
        """Names the translator renders by meaning (韦小宝 → Trinket), learned from the document.

        For a capitalised English word that no row's Chinese spells in pinyin, used in
        ``NAME_MIN_ROWS`` rows or more: the Chinese string of 2–3 characters found in the most of
        those rows, when it is in at least half of them and not much more common elsewhere.
        """
        rows_of: dict[str, list[str]] = defaultdict(list)
        for ev in self.evidence.values():
            for stem in ev.names:
                rows_of[stem].append(ev.zh_text)
        learned: dict[str, str] = {}
        candidates = {stem: texts for stem, texts in rows_of.items() if len(texts) >= NAME_MIN_ROWS}
        if not candidates:
            return learned
        grams: dict[str, Counter] = {}
        for stem, texts in candidates.items():
            counts: Counter = Counter()
            for text in texts:
                counts.update(_cjk_grams(text))
            grams[stem] = counts
        # Ties broken by the gram itself: Counter.most_common keeps insertion order, which here is
        # the iteration order of a set of strings and so changes with Python's hash seed.
        top = {stem: sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[:3]
               for stem, counts in grams.items()}
        wanted = {gram for best in top.values() for gram, _c in best}
        everywhere: Counter = Counter()
        for ev in self.evidence.values():
            # A gram of Chinese characters is in a text exactly when it is one of the text's own grams:
            # a set intersection per row instead of a substring search per row and wanted gram.
            everywhere.update(_cjk_grams(ev.zh_text) & wanted)
        for stem, common in top.items():
            best = [(c, len(g), g) for g, c in common if everywhere[g] <= 2 * c]
            if best:
                c, _length, gram = max(best)
                if c * 2 >= len(candidates[stem]):
                    learned[stem] = gram
        return learned

    def supported(self, ev: Coverage, stem: str, ok: bool) -> bool:
        """A word's support, counting the names the document renders by meaning (:attr:`learned_names`) and the
        foreign names the row's Chinese transliterates (:func:`transliterated_names`)."""
        if ok or stem not in ev.names:
            return ok
        gram = self.learned_names.get(stem)
        if gram is not None and gram in ev.zh_text:
            return True
        cached = self._transliterated.get(id(ev))
        if cached is None or cached[0] is not ev:  # (an id is reused once its object is gone)
            cached = self._transliterated[id(ev)] = (ev, transliterated_names(ev))
        return stem in cached[1]

    def word_evidence(self, stem: str, ok: bool, row_ok: bool, ev: Coverage) -> float:
        """Log-likelihood ratio that the word translates this row's Chinese rather than being unrelated to it.

        Under "translation" the word is supported with its own rate in the rest of the document
        (leave-one-out, shrunk towards the document's rate); under "unrelated" with the chance that
        a row's Chinese offers it at all, scaled by how many stems this row's Chinese offers.
        """
        used, supported, offered, rate, mean_size = self.word_stats
        n = len(self.evidence)
        p_rel = (supported[stem] - row_ok + PRIOR_STRENGTH * rate) / (used[stem] - 1 + PRIOR_STRENGTH)
        p_chance = (max(offered[stem], supported[stem]) + 0.5) / (n + 1) * len(ev.zh_offers) / mean_size
        p_rel = min(max(p_rel, 0.01), 0.99)
        p_chance = min(max(p_chance, 0.001), p_rel)
        return math.log(p_rel / p_chance) if ok else math.log((1 - p_rel) / (1 - p_chance))


_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)*")
TRANSLITERATION_MAX_CHARS = 6  # a foreign name's transliteration, or the part of it that one English word renders


def transliterated_names(ev: Coverage) -> frozenset[str]:
    """The stems of the row's capitalised English words (:attr:`Coverage.names`) that sound like a run of the Chinese
    written in transliteration characters: a foreign name and its transliteration (弗朗什-孔泰 ↔ *Franche-Comté*).

    >>> zh = "维里埃尔小城可以算是弗朗什-孔泰最美丽的城市之一。"
    >>> en = "The little town of Verrières may be counted among the prettiest in Franche-Comté."
    >>> sorted(transliterated_names(Coverage(0, 0, 0, 0, ((en, 0, ()),), zh_text=zh, names=frozenset({"franch", "comt", "verrier"}))))
    ['franch', 'verrier']
    """
    foreign = transliteration_chars()
    runs = [run for run in CJK_RUN.findall(ev.zh_text) if len(run) >= 2]
    spans = {run[i:j] for run in runs for i in range(len(run)) if run[i] in foreign
             for j in range(i + 2, min(len(run), i + TRANSLITERATION_MAX_CHARS) + 1) if set(run[i:j]) <= foreign}
    if not spans:
        return frozenset()
    sounds = [transliteration_sounds(span) for span in spans]
    found = set()
    for sentence, _letters, _tokens in ev.sentences:
        for match in _CAPITALISED.finditer(sentence):
            for part in match.group().replace("’", "'").split("-"):
                stem = english_stem(_POSSESSIVE_S.sub("", part).lower())
                if stem in ev.names and stem not in found and any(sound_alike(syllables, part) for syllables in sounds):
                    found.add(stem)
    return frozenset(found)


def _norms(ctx: CheckContext) -> _Norms:
    """The document's norms, measured once per document and shared by ``omission`` and ``addition``."""
    return ctx.memo("omission.norms", lambda: _Norms(ctx))


def omission_score(ev: Coverage, norms: _Norms) -> float:
    """One calibrated score from the length ratio, the learned coverage of the worse half and the clause ratio (lower: more omitted).

    ``0.30·log(length / usual length) + 0.35·log(half coverage / usual coverage) + 0.35·(clause ratio − usual)``.
    The Chinese is cut in two at the clause punctuation nearest its middle
    (:func:`_clause_halves`) and the coverage of the worse-covered half is used: an omitted clause run (usually at one end)
    leaves one half of the Chinese with no English counterpart, while free
    translation spreads its unrendered words over both halves.  Coverage is
    the expected number of the half's content words that produced an English
    stem of the row under the document's own lexicon (:class:`.document_lexicon.DocumentLexicon`),
    smoothed as ``(covered + 1) / (content + 2)`` so that a half with no
    content word neither fires nor hides an omission.  All evidences are
    relative to the document, so a terse translator is his own yardstick.
    The clause ratio (:attr:`Coverage.clause_ratio`) tells a dropped run of
    clauses, which takes its punctuation with it, from a terse rendering of
    every clause.
    """
    length = math.log(max(ev.spoken_ratio / norms.ratio, 1e-3))
    content, covered = norms.worse_half(ev)
    share = math.log(max((covered + 1) / (content + 2) / max(norms.learned_share, 0.05), 0.1))
    clauses = ev.spoken_clause_ratio - norms.clause_ratio
    return OMISSION_LENGTH_WEIGHT * length + OMISSION_COVERAGE_WEIGHT * share + OMISSION_CLAUSE_WEIGHT * clauses


def addition_score(ev: Coverage, norms: _Norms) -> tuple[float, str]:
    """The evidence that one English sentence of the row was added, and that sentence ('' when none qualifies).

    A heading whose English is one sentence is read as the heading and what follows it, cut where the head's
    length is nearest to what the document's ratio expects of the Chinese (:attr:`Coverage.heading_splits`), among
    the cuts that leave the head every telling number of the Chinese; only the tail can be the added sentence then.

    Log-likelihood ratios, added: (1) the sentence's words — each supported
    or not by the row's Chinese — under "unrelated" against "translation"
    (:meth:`_Norms.word_evidence`); (2) the row's length with and without the
    sentence, the log length ratio taken as normal around the document's
    usual ratio with the document's own spread: an appended sentence makes a
    row of usual length too long, a needed sentence leaves it too short when
    removed; (3) the same for the clause ratio, since an appended sentence
    brings clauses the Chinese does not have.  A sentence that writes a telling number of the Chinese
    (:func:`shares_a_telling_number`) translates some of it and is no candidate.
    """
    best, found = -math.inf, ""
    if not ev.zh_chars:
        return _addition_without_chinese_characters(ev)
    spread = norms.length_spread * math.sqrt(max(1.0, SHORT_ROW_CHARS / ev.zh_chars))
    usual = norms.ratio * ev.zh_chars
    sentences, candidates = ev.sentences, range(len(ev.sentences))
    if len(sentences) < 2:
        # The tail cannot write a telling number of the Chinese (a date line's 2024 belongs to its head).
        splits = [split for split in ev.heading_splits if not shares_a_telling_number(split[1][0], ev.zh_text)]
        if not splits:
            return best, found
        sentences = min(splits, key=lambda split: abs(math.log(max(split[0][1], 1) / usual)))
        candidates = range(1, 2)
    with_all = math.log(max(ev.en_letters, 1) / usual)
    row_ok: dict[str, bool] = {}
    for _sentence, _letters, tokens in sentences:
        for stem, ok in tokens:
            row_ok[stem] = row_ok.get(stem, False) or norms.supported(ev, stem, ok)
    clauses_with = ev.clause_ratio - norms.clause_ratio
    # A first sentence that opens on a label, as the Chinese does (3. 面霜：适乐肤C乳，… ↔ *3. Moisturiser: CeraVe
    # Moisturising Lotion.* then the rest), renders the Chinese's label and what it names.
    labelled = len(sentences) >= 2 and _ZH_LABEL_OPENING.match(ev.zh_text) is not None
    for i in candidates:
        sentence, letters, tokens = sentences[i]
        if not tokens or shares_a_telling_number(sentence, ev.zh_text):
            continue
        if i == 0 and labelled and _EN_LABEL_OPENING.match(sentence) and len(tokens) <= LABEL_SENTENCE_MAX_WORDS:
            continue
        words = -sum(norms.word_evidence(stem, norms.supported(ev, stem, ok), row_ok[stem], ev) for stem, ok in tokens)
        without = math.log(max(ev.en_letters - letters, 1) / usual)
        length = (with_all**2 - without**2) / (2 * spread**2)
        en_clauses_without = max(ev.en_clauses - count_clauses(sentence, _EN_CLAUSE_BREAK, _LETTER), 0)
        clauses_without = math.log((en_clauses_without + 1) / (ev.zh_clauses + 1)) - norms.clause_ratio
        clauses = (clauses_with**2 - clauses_without**2) / (2 * norms.clause_spread**2)
        # Prior odds: any one of the row's sentences could be the added one (more sentences, more chances).
        score = words + length + clauses - math.log(len(sentences))
        if score > best:
            best, found = score, sentence
    return best, found


def _addition_without_chinese_characters(ev: Coverage) -> tuple[float, str]:
    """:func:`addition_score` for a row whose Chinese has no Chinese character (a number, a time code, an ISBN, code).

    Its English writes what the Chinese writes; an English sentence of :data:`.params.ADDITION_MIN_UNWRITTEN_WORDS` words
    or more, none of which the Chinese writes, was added (``1`` ↔ *1 The difficult things of the world...*).  There is
    no length to measure: the evidence is the sentence's words alone, each unwritten one
    ``log(1 / ADDITION_UNWRITTEN_WORD_RATE)`` (how rarely such a row's English writes a word its Chinese does not).
    """
    best, found = -math.inf, ""
    sentences, candidates = ev.sentences, range(len(ev.sentences))
    if len(sentences) < 2:
        if not ev.heading_splits:
            return best, found
        # The head is what the Chinese writes: the longest one whose every word it writes.
        heads = [split for split in ev.heading_splits if all(ok for _stem, ok in split[0][2])]
        if not heads:
            return best, found
        sentences, candidates = max(heads, key=lambda split: split[0][1]), range(1, 2)
    for i in candidates:
        sentence, _letters, tokens = sentences[i]
        if len(tokens) < ADDITION_MIN_UNWRITTEN_WORDS or any(ok for _stem, ok in tokens):
            continue
        score = len(tokens) * -math.log(ADDITION_UNWRITTEN_WORD_RATE) - math.log(len(sentences))
        if score > best:
            best, found = score, sentence
    return best, found


@register(
    "omission",
    severity="error",
    family="omission",
    what="Chinese left untranslated: a Chinese sentence aligned to nothing (a 1-0 bead), or a bead whose "
    "omission score (length ratio, coverage under a lexicon learned from the document with CC-CEDICT as prior, "
    "and clause count, all relative to the document, in one number) is very low.",
    why="Omitted clauses are the most frequent serious translation error and are invisible to a reader of "
    "the English alone.",
    example=("她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊是假的。",
             "She admitted that she'd been wrong to slap me."),
    silence="`--ignore omission`. For a deliberate cut, leave the row out of the reviewed set.",
    false_positives="Concise renderings of wordy Chinese (four-character idioms, repeated official titles "
    "that the translator shortens); Chinese sentences aligned as 1-0 because the translator merged them "
    "into a neighbour's bead.",
)
def check_omission(ctx: CheckContext) -> Iterator:
    norms = _norms(ctx)
    for index, view in enumerate(ctx.rows):
        row = view.row
        if row.zh_normalized.strip() and not row.en.strip():
            if row.type == "1-0" or row.type == "" or row.type.endswith("-0"):
                yield ctx.finding("omission", view, f"no English translation of {_quote(row.zh)}", zh_text=row.zh,
                                  signals={"one_sided": 1.0})
            continue
        ev = norms.evidence.get(index)
        if ev is None or ev.zh_chars - ev.speaker_chars < OMISSION_MIN_CHARS:
            continue
        score = omission_score(ev, norms)
        if score >= OMISSION_THRESHOLD:
            continue
        # A figure the English leaves out with no other number in its place went with the words around it: it is a
        # content word known to be unrendered (截至9月30日，总资产为8,765亿元 → "As of September 30.").
        dropped = [m.text for m in dropped_numbers(view)]
        if ev.zh_content + len(dropped) >= OMISSION_MIN_CONTENT:
            length = ev.spoken_ratio / norms.ratio
            content, covered = norms.worse_half(ev)
            zh_clauses = ev.zh_clauses - bool(ev.speaker_chars)
            yield ctx.finding(
                "omission", view, omission_message(length, ev.en_clauses, zh_clauses, covered, content, score, dropped),
                zh_text=row.zh, en_text=row.en,
                # The score's three evidences besides its margin: the confidence model weighs them on its own data
                # (on the calibration data, clean rows kept at 0.2 or more 227 -> 126, right findings kept 0.978 -> 0.989).
                signals={"margin": OMISSION_THRESHOLD - score, "short": -math.log(max(length, 1e-3)),
                         "half_uncovered": 1 - (covered + 1) / (content + 2),
                         "clauses_lost": norms.clause_ratio - ev.spoken_clause_ratio,
                         "numbers_dropped": float(bool(dropped))},
            )


@register(
    "addition",
    severity="warning",
    family="omission",
    # This text is shown in the HTML report (tests/golden/sample.html); docs/checks.md has the details.
    what="English with no counterpart in the Chinese: an English sentence aligned to nothing (a 0-1 bead), "
    "or an English sentence inside a bead whose own words barely translate the Chinese while the row is longer "
    "than the document's norm (one addition score).",
    why="Added material is either a translator's gloss that should be marked, or text pasted from elsewhere.",
    example=("我没走掉。", "I did not leave. The weather was cold and the market closed early that year."),
    silence="`--ignore addition`. Titles and translator's notes that have no Chinese counterpart are expected "
    "additions; review and ignore them.",
    false_positives="Explanatory additions that literary translators make on purpose (a gloss of a custom); "
    "a sentence whose words the dictionary glosses otherwise, in a document too short to learn them "
    "(恳请法庭从轻处罚 ↔ 'We respectfully ask the court to impose a lighter punishment').",
)
def check_addition(ctx: CheckContext) -> Iterator:
    norms = _norms(ctx)
    for index, view in enumerate(ctx.rows):
        row = view.row
        if row.en.strip() and not row.zh_normalized.strip():
            yield ctx.finding("addition", view, f"no Chinese source for {_quote(row.en)}", en_text=row.en,
                              signals={"one_sided": 1.0})
            continue
        ev = norms.evidence.get(index)
        if ev is None:
            continue
        score, sentence = addition_score(ev, norms)
        if score > ADDITION_THRESHOLD:
            yield ctx.finding(
                "addition", view,
                f"the English sentence {sentence[:60]!r} has no counterpart in the Chinese (score {score:.2f})",
                en_text=sentence, signals={"margin": score - ADDITION_THRESHOLD},
            )


def shares_a_telling_number(sentence: str, zh: str) -> bool:
    """True when ``sentence`` writes a number of the Chinese ``zh`` that chance rarely repeats (not round, over 12, or
    with decimals), or two numbers of it: it translates some of the Chinese, whatever its words (a caption's
    *24.8 × 528.7 cm*; *less than 12 months … 1% of the amount* for 未满12个月……金额的1%).

    >>> zh = "绢本设色，纵24.8厘米，横528.7厘米，20天，第3卷。"
    >>> shares_a_telling_number("Silk, 24.8 × 528.7 cm.", zh), shares_a_telling_number("In 20 days.", zh)
    (True, False)
    >>> shares_a_telling_number("Volume 3, in 20 days.", zh)
    True
    """
    if not _DIGIT.search(sentence):
        return False
    shared = {key for key in en_number_keys(sentence) if key.startswith("#")} & set(zh_number_keys(zh))
    return len(shared) >= 2 or any(_telling(float(key[1:])) for key in shared)


def _telling(value: float) -> bool:
    """True for a number chance rarely repeats: with decimals, or over 12 and not a multiple of ten."""
    return value != int(value) or value > 12 and value % 10 != 0


def omission_message(length: float, en_clauses: int, zh_clauses: int, covered: float, content: int, score: float,
                     dropped: Sequence[str] = ()) -> str:
    """The message for a row whose English leaves part of the Chinese out: the evidences the score was made of.

    >>> omission_message(0.42, 1, 3, 0.6, 1, -1.234)  # doctest: +NORMALIZE_WHITESPACE
    'the English is 42% of the usual length for this much Chinese, has 1 clause for 3, and renders about 1 of the
    1 content word of one half of the Chinese (score -1.23)'
    >>> omission_message(0.42, 1, 2, 0.6, 3, -1.234, ["4万亿"])  # doctest: +NORMALIZE_WHITESPACE
    'the English is 42% of the usual length for this much Chinese, has 1 clause for 2, and renders about 1 of the
    3 content words of one half of the Chinese, and none of 4万亿 (score -1.23)'
    """
    numbers = f", and none of {', '.join(dropped)}" if dropped else ""
    return (f"the English is {length:.0%} of the usual length for this much Chinese, has {counted(en_clauses, 'clause')} "
            f"for {zh_clauses}, and renders about {covered:.0f} of the {counted(content, 'content word')} "
            f"of one half of the Chinese{numbers} (score {score:.2f})")


def _quote(text: str, limit: int = 60) -> str:
    """The start of a text, quoted, for a one-line message.

    >>> _quote("Chongqing People's Association for Friendship with Foreign Countries went to Sichuan")
    "'Chongqing People's Association for Friendship with Foreign C…'"
    """
    text = " ".join(text.split())
    return "'" + (text if len(text) <= limit else text[:limit].rstrip() + "…") + "'"
