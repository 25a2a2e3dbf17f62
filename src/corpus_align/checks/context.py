"""Evidence shared by the checks, computed lazily once per row and once per document.

A :class:`RowView` wraps one :class:`~corpus_align.model.CheckRow` and caches
what several checks look at (Chinese words with their part of speech, English
words, stems and capitalised name keys); :class:`CheckContext` holds the rows
of one document plus document-wide counts (how often each English word or
name is used), so a check can look beyond its row.

>>> from corpus_align.model import CheckRow
>>> view = RowView(CheckRow(1, "王广成去重庆。", "王广成去重庆。", "Wang Guangcheng went to Chongqing."))
>>> sorted(view.en_names)[:3]
['chongqing', 'guangcheng', 'wang']
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any, TypeVar

from .._lazy import jieba_posseg, toneless_pinyin, zh_word_cut
from ..model import CheckRow, Finding, GlossaryEntry, Span
from ..text.lexicon import EN_STOPWORDS, english_stem, fold_accents
from ..text.patterns import CJK, EN_WORD
from ..text.transliteration import TRANSLITERATION_READINGS, toneless_syllables
from .registry import CHECKS

T = TypeVar("T")

# An English word: letters with inner apostrophes or hyphens ("People's", "Xi-feng").
# A dash opens a sentence (— Then, - Then); a hyphen joined to a word does not (Eid al-Adha).
_SENTENCE_START = re.compile(r"(?:^|(?:[.!?:;\"“‘'(\[—–]|(?<![A-Za-z])-)\s*|[.!?]['\"”’)]?\s+)$")
# The full stop of a title before a name ends no sentence: Mrs. Edu's ministry, Dr. Li.
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sen|Rep|Gov|Gen|Capt|Lt|Col|Sgt|Rev|Hon|Mme|Mlle|Messrs)\.\s+$")
_NOT_NAME_LETTER = re.compile(r"[^a-z\u00e0-\u024f\u1e00-\u1eff]")
# A possessive ending ('s or ’s), dropped from a name before it is keyed: Qiyao's is Qiyao.
POSSESSIVE = re.compile(r"['’]s$")


@functools.lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    return jieba_posseg().word_tag_tab


@functools.lru_cache(maxsize=200_000)
def tag_zh(text: str) -> tuple[tuple[str, str], ...]:
    """Chinese words with a part-of-speech tag: jieba's dictionary tag, ``oov`` for words jieba guessed.

    jieba.posseg tags every sentence with an HMM, which is slow; the checks
    only need to know names, so a dictionary look-up after plain (HMM)
    segmentation is enough: unknown multi-character words are mostly names.

    >>> tag_zh("王广成去重庆")
    (('王广成', 'oov'), ('去', 'v'), ('重庆', 'ns'))
    """
    tags = _word_tags()
    out = []
    for word in zh_word_cut()(text):
        if not word.strip():
            continue
        tag = tags.get(word)
        if tag is None:  # the regex only for the words jieba's dictionary lacks
            tag = "oov" if CJK.match(word) else "x"
        out.append((word, tag))
    return tuple(out)


def name_key(word: str) -> str:
    """A capitalised English word as a name key: lower case, letters only, without accents.

    Pinyin written with its tones (*Wáng Xiǎomíng*, *Lǚ Bù*) is the same name as without them.

    >>> name_key("Xi-feng"), name_key("People's"), name_key("Xiǎomíng"), name_key("Lǚ")
    ('xifeng', 'peoples', 'xiaoming', 'lu')
    """
    return _NOT_NAME_LETTER.sub("", fold_accents(word.lower()))


def at_sentence_start(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence (so its capital says nothing).

    >>> at_sentence_start("He said. Then", 9), at_sentence_start("He met Wang", 7), at_sentence_start("Eid al-Adha", 7)
    (True, False, False)
    >>> at_sentence_start("under Mrs. Edu's ministry", 11)
    False
    """
    if start == 0:
        return True
    return _SENTENCE_START.search(text[max(0, start - 4) : start]) is not None and not (
        text[start - 2 : start - 1] == "." and _TITLE_BEFORE.search(text, max(0, start - 9), start))


@functools.lru_cache(maxsize=50_000)
def _pinyin_keys(zh: str) -> frozenset[str]:
    """The toneless pinyin of each run of one to three syllables of ``zh``, joined (神舟: shen, zhou, shenzhou); a
    character of :data:`.TRANSLITERATION_READINGS` also with its neighbours in the reading transliterations give it
    (老克勒: kele as well as kelei).

    >>> sorted(key for key in _pinyin_keys("老克勒") if key.startswith("ke"))
    ['ke', 'kele', 'kelei']
    """
    syllables = [s for s in toneless_pinyin(zh) if s.isalpha()]
    keys = set(syllables)
    for size in (2, 3):
        keys.update("".join(syllables[i : i + size]) for i in range(len(syllables) - size + 1))
    for i, char in enumerate(zh) if not TRANSLITERATION_READINGS.keys().isdisjoint(zh) else ():
        reading = TRANSLITERATION_READINGS.get(char)
        if reading is not None:
            before = "".join(toneless_syllables(zh[max(0, i - 1) : i]))
            after = "".join(toneless_syllables(zh[i + 1 : i + 2]))
            keys.update((reading, before + reading, reading + after, before + reading + after))
    return frozenset(keys)


def spells_pinyin_of(word: str, zh: str) -> bool:
    """True when ``word`` spells the toneless pinyin of one to three syllables of ``zh`` (hyphens and apostrophes left out).

    Tone marks are read as the syllables they mark (竖 *shù*, 横 *héng*).

    >>> spells_pinyin_of("Shenzhou", "神舟十九号发射升空"), spells_pinyin_of("Chang'e", "嫦娥六号"), spells_pinyin_of("Land", "诺里斯")
    (True, True, False)
    >>> spells_pinyin_of("shù", "点、横、竖")
    True
    """
    return fold_accents(word.lower()).replace("-", "").replace("'", "") in _pinyin_keys(zh) if zh else False


def written_in_source(word: str, zh: str) -> bool:
    """True when the Chinese writes ``word`` the same, in Latin letters: a name copied from code or from the source
    (设置 instance 指定的实例, webbrowser.MacOSX, 由 Jesse-Bakker 贡献), not the translator's own spelling or slip.

    >>> written_in_source("instance", "调用此方法以设置 instance 指定的实例"), written_in_source("the", "他们去了北京")
    (True, False)
    """
    # The substring test first: most Chinese writes no Latin letters, and a pattern per word fills re's cache.
    return word.isascii() and word in zh and re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", zh) is not None


class RowView:
    """One row with its evidence computed on first use.

    Evidence every check may want is a cached property here; evidence that
    one check family derives and shares among its own checks is kept with
    :meth:`memo`, under the family's key, never as a hidden attribute.
    """

    def __init__(self, row: CheckRow):
        self.row = row
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()`` the first time ``key`` is asked for this row, the same value after.

        >>> view = RowView(CheckRow(1, "", "", "Hi."))
        >>> view.memo("length", lambda: len(view.row.en)), view.memo("length", lambda: 0)
        (3, 3)
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def zh_tags(self) -> tuple[tuple[str, str], ...]:
        return tag_zh(self.row.zh_normalized) if self.row.zh_normalized.strip() else ()

    @cached_property
    def zh_words(self) -> list[str]:
        return [w for w, _ in self.zh_tags]

    @cached_property
    def zh_cjk(self) -> int:
        return len(CJK.findall(self.row.zh_normalized))

    @cached_property
    def en_words(self) -> list[re.Match]:
        return list(EN_WORD.finditer(self.row.en))

    @cached_property
    def en_capitalised(self) -> list[re.Match]:
        """The :attr:`en_words` that start with a capital, in order: what the name look-ups walk.

        Two capitalised words are neighbours in a run of names only when nothing but a space or a
        hyphen separates them, so a look-up that walks these alone still sees every run.
        """
        return [m for m in self.en_words if m.group()[:1].isupper()]

    @cached_property
    def en_stems(self) -> set[str]:
        stems = set()
        for m in self.en_words:
            for part in m.group().split("-"):
                lower = part.lower()
                if lower not in EN_STOPWORDS:
                    stems.add(english_stem(lower))
        return stems

    @cached_property
    def en_names(self) -> set[str]:
        """Name keys of capitalised words: each word, its hyphen parts, and runs of two or three joined."""
        return set(self.en_name_surfaces)

    @cached_property
    def en_name_surfaces(self) -> dict[str, str]:
        """Each of :attr:`en_names` with the English that spells it, as written (the first time the row writes it).

        >>> RowView(CheckRow(1, "", "", "Wang Qiyao's room, Xi-feng said.")).en_name_surfaces
        {'wang': 'Wang', 'qiyao': 'Qiyao', 'qiyaos': "Qiyao's", 'wangqiyao': 'Wang Qiyao', 'xifeng': 'Xi-feng', 'xi': 'Xi', 'feng': 'feng'}
        """
        surfaces: dict[str, str] = {}
        run: list[tuple[str, int, int]] = []  # (key, start, end) of the run's words, possessive left out
        text = self.row.en
        previous_end = -10
        for m in self.en_capitalised:
            word = m.group()
            bare = POSSESSIVE.sub("", word)
            key = name_key(bare)
            surfaces.setdefault(key, bare)
            for part in word.split("-"):
                if part:
                    surfaces.setdefault(name_key(part), part)
            if m.start() - previous_end > 1 or text[previous_end : m.start()] not in (" ", "-"):
                run = []
            run.append((key, m.start(), m.start() + len(bare)))
            for length in (2, 3):
                if len(run) >= length:
                    joined = run[-length:]
                    surfaces.setdefault("".join(k for k, _, _ in joined), text[joined[0][1] : joined[-1][2]])
            previous_end = m.end()
        surfaces.pop("", None)
        return surfaces


def english_word_keys(text: str) -> set[str]:
    """The English words of a text as :attr:`CheckContext.en_word_rows` counts them: lower case, ’ as '.

    >>> sorted(english_word_keys("People’s people went"))
    ['people', "people's", 'went']
    """
    # Both apostrophes join the parts of a word, so unifying them first changes no match; lower-casing
    # before matching does not either for ASCII text (it can elsewhere: Ⱥ lower-cases out of the letters
    # EN_WORD knows, K the Kelvin sign into them), and it is one call for the text instead of one per word.
    unified = text.replace("’", "'") if "’" in text else text
    if unified.isascii():
        return set(EN_WORD.findall(unified.lower()))
    return {word.lower().replace("’", "'") for word in EN_WORD.findall(text)}


class CheckContext:
    """The rows of one document, their evidence, the glossary, and document-wide counts.

    When the rows are one window of a longer document (``check`` reads a big
    file in windows), ``en_word_rows`` gives the counts of the whole document,
    gathered beforehand with :func:`english_word_keys`; otherwise they are
    counted over ``rows``.

    >>> from collections import Counter
    >>> ctx = CheckContext([CheckRow(1, "", "", "Goverment.")], en_word_rows=Counter({"goverment": 2}))
    >>> ctx.en_word_rows["goverment"]
    2
    """

    def __init__(self, rows: Sequence[CheckRow], glossary: Sequence[GlossaryEntry] = (), *,
                 en_word_rows: Counter | None = None):
        self.rows = [RowView(r) for r in rows]
        self.glossary = tuple(glossary)
        self._given_en_word_rows = en_word_rows
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per document for ``key`` (a check family's document-wide evidence), the same value after."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def finding(self, code: str, view: RowView, message: str, *, zh_text: str = "", en_text: str = "", suggestion: str = "",
                signals: dict[str, float] | None = None, spans: Sequence[Span] = ()) -> Finding:
        """A finding of ``code`` on the row of ``view``; ``signals`` measure its evidence (see ``checks/calibration.py``),
        ``spans`` locate it in the row's text."""
        return Finding(code, CHECKS[code].severity, view.row.row, message, zh_text, en_text, suggestion,
                       signals=tuple(sorted((signals or {}).items())), spans=tuple(spans))

    @cached_property
    def en_word_rows(self) -> Counter:
        """How many rows use each English word (lower case, as written): the counts given, or this document's."""
        if self._given_en_word_rows is not None:
            return self._given_en_word_rows
        counts: Counter = Counter()
        for view in self.rows:
            counts.update(english_word_keys(view.row.en))
        return counts

    @cached_property
    def glossary_targets(self) -> set[str]:
        words: set[str] = set()
        for entry in self.glossary:
            words.update(m.group().lower() for m in EN_WORD.finditer(entry.target))
        return words


def zh_original_span(row: CheckRow, start: int, end: int) -> str:
    """The author's text for ``zh_normalized[start:end]`` when the two line up character for character.

    Normalization removes pinyin annotations and converts the script; once
    annotations are skipped, OpenCC's t2s keeps one character per character,
    so the span can be shown as written.

    >>> from corpus_align.model import CheckRow, Damage
    >>> r = CheckRow(1, "關(guān)於重慶", "关于重庆", "", zh_damage=(Damage("pinyin-annotation", 1, 7, "(guān)"),))
    >>> zh_original_span(r, 2, 4)
    '重慶'
    """
    removed: set[int] = set()
    for d in row.zh_damage:
        if d.kind == "pinyin-annotation":
            removed.update(range(d.start, d.end))
    kept = [i for i in range(len(row.zh)) if i not in removed]
    if len(kept) != len(row.zh_normalized) or start >= end or end > len(kept):
        return row.zh_normalized[start:end]
    return row.zh[kept[start] : kept[end - 1] + 1]
