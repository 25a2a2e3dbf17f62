"""typo: an English word that is not in the dictionary but is one edit away from a common word.

Evidence per word: whether the word list knows it (directly, through a
regular inflection, a British spelling or each part of a hyphenated word) and,
if not, the dictionary words one edit away (a letter dropped, added, changed
or two swapped), ranked by frequency and by rapidfuzz similarity.  Decision:
an unknown lower-case word (or sentence-initial word) with a suggestion is a
typo unless it is a name (its letters spell the pinyin of the Chinese), a
glossary word, or a word the document uses in more than one row (a
deliberate spelling).  Capitalised words inside a sentence are names and are
left to ``inconsistent-spelling``.

>>> is_known("colours"), is_known("travelled"), is_known("goverment"), is_known("leant"), is_known("oxhide")
(True, True, False, True, True)
>>> suggest("goverment")
'government'
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator

import numpy as np

from .._arrays import sorted_unique
from ..segment.en import abbreviations
from ..text.lexicon import EN_STOPWORDS, fold_accents
from . import params
from .context import CheckContext, at_sentence_start, spells_pinyin_of
from .registry import register
from .resources import english_words, foreign_phrases, transliteration_chars
from .zh_names import transliterates

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A suggestion must be a reasonably common word: rare dictionary entries are
# more often the intended rare word's neighbours than the intended word.
MIN_SUGGESTION_FREQUENCY = 200
# A long unknown word that a typist's mechanical slip (a letter struck twice or once too few, two letters swapped:
# typed_slip_sources) makes of a listed word, however rare, is its slip: *respondeents*, *tetnerhooks*,
# *poolicyholder* (50-190 in the word list, under MIN_SUGGESTION_FREQUENCY).  From this many letters, when no common
# word is one edit away.
# Chosen on: the clean development and probe documents (every typo finding) and the probes with slips injected
# (check_documents.py --probes --share 0.3 --seeds 0-9).  Figure: no finding more on a clean row at 8 or 7 letters,
# one at 6 (*waahoo*); probe typo recall 0.977 -> 0.986, MAC-Dev 0.952 -> 0.964 (docs/checks.md, "Stop 35").
RARE_SUGGESTION_MIN_LETTERS = 8
# Both halves of a closed compound (oxhide) must be at least this common.
COMPOUND_PART_FREQUENCY = 2000
# Longer tokens are not words (a URL, a hash, a run of letters) and get no suggestion.  The
# longest word common enough to be suggested has 20 letters ("uncharacteristically") and one
# edit changes the length by at most one, so nothing up to 30 letters loses a suggestion;
# the bound keeps the one-edit variants (about 54 per letter, each a copy of the word) small.
MAX_WORD_LETTERS = 30
# A suggestion this common is an English word first, even when a name shares it (Buck, Muse).
NAME_SUGGESTION_MAX_FREQUENCY = 5000
# A listed word rarer than MIN_SUGGESTION_FREQUENCY may still be suggested when the document itself uses it in this
# many rows: in a manual *deprecated*, *subdirectory* and *placeholders* (50 in the word list) are common words, and a
# word one edit from them (deprecaed) is their slip.
# Chosen on: the development documents (check_documents.py, nothing injected and 6 % injected) and the unseen-domain
# probes (--probes --share 0.3 --seeds 0-4); figures in docs/checks.md ("Stop 33").
DOCUMENT_WORD_MIN_ROWS = 2
_BRITISH = (
    (re.compile(r"our(s|ed|ing|ful|less|able|ably|ite|ites|al|ally|ist|ists|ism|er|ers|hood|hoods|ship)?$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers|able|ably)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    # centre, fibre, meagre, ochre; an h only after a c (ochre, sepulchre): no British word ends in -thre, where an "-er"
    # typed "-re" would otherwise pass (mothre, rathre, furthre).
    (re.compile(r"([tbg]|(?<=c)h)re(s|d)?$"), r"\1er\2"),
    (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"ellery$"), "elry"),  # jewellery
    (re.compile(r"^(s?m)oul(d|ds|ded|ding|dy|der|ders|dered|dering)$"), r"\1ol\2"),  # mould, smoulder
    (re.compile(r"draught"), "draft"),
)
# The British digraphs of Greek and Latin roots (haemorrhage, foetus): read only in those roots, into an American
# spelling that is listed itself.  Read anywhere they let the commonest slips through: an "ea" typed "ae" (graet,
# yaer: gret and yer pass as words) and an a or o typed before an e (daeserve, roeach).
_BRITISH_DIGRAPH_ROOTS = re.compile(r"haem|paed|aemi|aesth|anaes|faec|caes|mediaev|palae|gynaec|aetio|archae|aeon|"
                                    r"encyclopae|oestr|oesoph|oedem|foet|manoeuv|rrhoe|homoeo|amoeb|oenol|coeli|oecum")
_SUFFIXES = ("'s", "s", "es", "ed", "d", "ing", "ly", "ness", "er", "est", "ers", "ful", "less", "ish")
# Archaic verb endings (cometh, goeth, knowest): the King James Bible and older literature.
_ARCHAIC_SUFFIXES = ("eth", "est", "st")
# A word read as an inflection or a compound of listed words (gooing: goo + ing) is still a typo when a word one
# edit away is this many times as common as the rarest listed part (going).
# Chosen on: the dev documents with nothing injected (check_documents.py) and the example: at 20 the rule
# also caught neeither (neither / ne: 23 times) but flagged six real words on clean rows (duking, linters, storer,
# borked, tactually, co-ordinated) and cost 1.7 s on 50,000 rows; at 1,000 it keeps gooing (going / goo: 2,173 times)
# and the real compound oxhide (oxide / ox: 0.3).  Every legitimate unlisted inflection looked at (mooing, wooing,
# canoeing...) is listed, so the rule rarely meets one.  Stop 31 lowered it to 100: on one-edit slips of the 4,000
# commonest words, unfiltered (benchmarks/typo_slips.py), recall 0.955 at 1,000, 0.965 at 100, 0.967 at 30; the dev
# documents' clean rows get the same typo warnings at 100 as at 1,000, and at 30 two real words more (duking, linters).
TYPO_OVER_INFLECTION_RATIO = 100
# A plural in -s of a word this common is a word, whatever word one edit away is commoner: *ethers* beside *others*,
# *brines* beside *brings* (the list lacks many regular plurals).  Other inflections stay under the ratio (gooing).
# Chosen on: stop 42's unseen documents (ethers) and stop 41's listed false alarm (brines); benchmarks/typo_slips.py
# on seeds 1-3 gave the figures in docs/checks.md ("Stop 42").
PLURAL_STEM_MIN_FREQUENCY = 500
# The same for a word read by cutting it: a closed compound of two listed words (comming: com + ming; writting:
# writ + ting) or an inflection that doubles its base's last letter (writ + t + ing).  Any two listed strings make a
# "compound", so a word one edit away this many times as common is meant.
# Chosen on: the dev documents with nothing injected (check_documents.py) and the examples: comming (coming /
# ming: 286) and writting (writing / ting: 47) are caught, oxhide (oxide / ox: 0.3) is kept; on the dev documents it
# flags one real word more (duking, du + king, against during: 24), once prefixed words (resize, rewatch, reshore,
# Downton) count as words, which they did not at first.
TYPO_OVER_CUT_RATIO = 20
_VOWELS = frozenset("aeiou")
# Words that begin or end no closed compound: a token with one of them is two words run together.
_RUN_TOGETHER_WORDS = frozenset(("the", "of", "and"))
# The first part of a closed compound has three letters or more, or is a prefix (_PREFIXES) or one of the two-letter
# nouns English compounds (oxcart, oxhide).  Chosen on: one-edit slips of the 4,000 commonest words, each in a
# two-row document (stop 31): cuts at two letters passed an "a", "is", "on" or "es" glued to a word (anever,
# onbody); typo recall on 2,000 slips 0.947 -> 0.955 (with the -thre rule of _BRITISH), no new warning on the dev
# documents or probes.
COMPOUND_MIN_HEAD = 3
_SHORT_COMPOUND_HEADS = frozenset(("ox", "ax"))
# Prefixes English puts before any word (resize, rewatch, underprepared): a prefix and a listed word is a word.
_PREFIXES = frozenset(("re", "un", "in", "im", "dis", "mis", "non", "pre", "sub", "super", "over", "under", "out", "up",
                       "down", "back", "co", "counter", "inter", "multi", "self", "post", "fore", "after", "mid", "semi",
                       "anti", "de", "ex", "bi", "tri"))
# Suffixes that start with a vowel, before which a one-syllable base ending consonant-vowel-consonant doubles
# its last letter (running, stopped): runing and stoped are no inflections.
_VOWEL_SUFFIXES = frozenset(("ing", "ed", "er", "est", "ers"))


def _doubles(base: str) -> bool:
    """True when English doubles the last consonant of ``base`` before a suffix: a consonant-vowel-consonant end
    (stop → stopping), not a cluster (walk → walking, never walkking) and never w, x or y.

    >>> _doubles("stop"), _doubles("walk"), _doubles("show")
    (True, False, False)
    """
    return (len(base) >= 3 and base[-1] not in _VOWELS and base[-1] not in "wxy" and base[-2] in _VOWELS
            and base[-3] not in _VOWELS)


_SURE = sys.maxsize


@functools.lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """True when ``word`` (any case) is an English word: listed, inflected, British, archaic or hyphenated.

    >>> is_known("well-known"), is_known("Qingyang"), is_known("cometh")
    (True, False, True)
    """
    return known_as(word) is not None


@functools.lru_cache(maxsize=200_000)
def known_as(word: str) -> int | None:
    """How ``word`` is known: ``None`` when it is not a word, else the frequency of its evidence.

    A listed word (or a stopword, a British or archaic spelling, a hyphenated or possessive form of known words)
    is sure, with no upper bound on how common an alternative may be (``sys.maxsize``); a word read as an
    inflection or a compound is as sure as its rarest listed part is common.

    >>> known_as("going") > 10**6, known_as("gooing") < 10**4, known_as("qingyang"), known_as("crêpes") is not None
    (True, True, None, True)
    """
    sure = _SURE
    words = english_words()
    lower = word.lower().replace("’", "'")
    if lower in words or lower in EN_STOPWORDS:  # stopwords include abbreviations the list lacks (etc)
        return sure
    if not lower.isascii():
        folded = fold_accents(lower)
        if folded != lower and folded.isascii():
            return known_as(folded)  # a loan word with its accents kept: café, rosé, crêpes, naïve, résumé
    if "-" in lower:
        return sure if all(is_known(part) for part in lower.split("-") if part) else None  # co-ordinated
    if lower.endswith("'s") and len(lower) > 2 and known_as(lower[:-2]) == sure:
        return sure  # the government's, the organisation's
    if "'" in lower:
        return sure if lower.split("'")[0] in words else None
    # British and older past forms in -t whose -ed form is listed: leant, spoilt, kneelt.
    if lower.endswith("t") and len(lower) >= 4 and lower[:-1] + "ed" in words:
        return sure
    for pattern, replacement in _BRITISH:
        american = pattern.sub(replacement, lower)
        if american != lower and (american in words or known_as(american) == sure):
            return sure  # colour, and with a prefix or a suffix the rules read: unrecognisable, neighbourhoods
    if _BRITISH_DIGRAPH_ROOTS.search(lower):
        american = lower.replace("ae", "e").replace("oe", "e")
        if american in words:
            return sure  # anaemia, manoeuvre, paediatricians; with another rule first: anaesthetised (anaesthetized)
    for suffix in _ARCHAIC_SUFFIXES:
        stem = lower[: -len(suffix)]
        if lower.endswith(suffix) and len(stem) >= 2 and (words.get(stem, 0) >= COMPOUND_PART_FREQUENCY
                                                          or words.get(stem + "e", 0) >= COMPOUND_PART_FREQUENCY):
            return sure  # cometh, goeth, knowest: only of common verbs, so that a slip is not read as one
    # A prefix before a listed word of five letters or more (untrusted, deconfigure, untrackable); a shorter rest would
    # let slips through (untill: un + till), and so would a rest only read as a compound (dis + sap + pointed).
    for prefix in _PREFIXES:
        rest = lower[len(prefix):]
        if lower.startswith(prefix) and len(rest) >= 5 and "-" not in rest and (rest in words or known_as(rest) == sure):
            return words.get(rest, sure)
    # Closed compounds of two common words: oxhide, cartwheel.  Only cuts whose both halves can be
    # that common are tried, so a long token costs a few slices, not one per letter.
    # A word run together with "the", "of" or "and" (ofthe, andthe) is a slip, not a compound (see run_together).
    longest = longest_word(COMPOUND_PART_FREQUENCY)
    if len(lower) >= 6:
        for i in range(max(2, len(lower) - longest), min(len(lower) - 2, longest + 1)):
            if i < COMPOUND_MIN_HEAD and lower[:i] not in _PREFIXES and lower[:i] not in _SHORT_COMPOUND_HEADS:
                continue
            head, tail = words.get(lower[:i], 0), words.get(lower[i:], 0)
            if (head >= COMPOUND_PART_FREQUENCY and tail >= COMPOUND_PART_FREQUENCY
                    and lower[:i] not in _RUN_TOGETHER_WORDS and lower[i:] not in _RUN_TOGETHER_WORDS):
                # A prefix and a word (resize, rewatch, downturn) is a word English makes at will.
                return min(head, tail) if lower[:i] in _PREFIXES else _as_cut(min(head, tail))
    if over_regularized(lower):
        return None  # sayed, childs: the inflection English does not make
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            stem = lower[: -len(suffix)]
            if _misjoined(stem, suffix):
                continue
            if stem in words and not (suffix in _VOWEL_SUFFIXES and _one_syllable_doubling(stem)):
                if suffix == "s" and words[stem] >= PLURAL_STEM_MIN_FREQUENCY:
                    return sure  # the plural of a noun in use (ethers, brines), however much commoner a word one edit away
                return words[stem]
            if stem + "e" in words:
                return words[stem + "e"]
            if len(stem) > 3 and stem[-1] == stem[-2] and _doubles(stem[:-1]) and stem[:-1] in words:
                return _as_cut(words[stem[:-1]])
            if stem.endswith("i") and stem[:-1] + "y" in words:
                return words[stem[:-1] + "y"]
    return None


def _misjoined(stem: str, suffix: str) -> bool:
    """True when English never joins ``suffix`` to ``stem`` so: -d only after an e (agreed), -ed, -er and -est never
    after one (closeed), -ing after an e only when it is ee, oe or ye (seeing, canoeing; not closeing).

    >>> [_misjoined(stem, suffix) for stem, suffix in [("cluster", "d"), ("agree", "d"), ("close", "ed"), ("see", "ing"),
    ...                                                 ("close", "ing"), ("walk", "ed")]]
    [True, False, True, False, True, False]
    """
    if suffix == "d":
        return not stem.endswith("e")
    if suffix in ("ed", "er", "est", "ers"):
        return stem.endswith("e")
    return suffix == "ing" and stem.endswith("e") and not stem.endswith(("ee", "oe", "ye"))


def _as_cut(frequency: int) -> int:
    """The evidence of a reading that cuts the word (a compound, a doubled last letter): as sure as a listed inflection
    :data:`TYPO_OVER_INFLECTION_RATIO` / :data:`TYPO_OVER_CUT_RATIO` times rarer, so that the one ratio decides both."""
    return max(1, frequency * TYPO_OVER_CUT_RATIO // TYPO_OVER_INFLECTION_RATIO)


def _one_syllable_doubling(base: str) -> bool:
    """True when ``base`` has one syllable and doubles its last letter before a vowel suffix (run, stop; not open, show).

    >>> _one_syllable_doubling("run"), _one_syllable_doubling("open"), _one_syllable_doubling("show")
    (True, False, False)
    """
    return _doubles(base) and len(re.findall(r"[aeiou]+", base)) == 1


def over_regularized(lower: str) -> str | None:
    """The irregular form meant by a regular inflection English does not make (sayed → said, childs → children), or None.

    >>> over_regularized("sayed"), over_regularized("thinked"), over_regularized("childs"), over_regularized("played")
    ('said', 'thought', 'children', None)
    """
    from .resources import irregular_forms

    table = irregular_forms()
    for suffix, kind in (("ed", "past"), ("d", "past"), ("s", "plural"), ("es", "plural")):
        if lower.endswith(suffix):
            stem = lower[: -len(suffix)]
            for base in (stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
                if base and (base, kind) in table:
                    return table[(base, kind)]
    return None


def run_together(lower: str) -> str | None:
    """Two words written as one, one of them "the", "of" or "and" (ofthe → "of the"), or None.

    Only these: other short words begin or end real compounds (inbox, walkthrough, dropdown).

    >>> run_together("ofthe"), run_together("andthe"), run_together("inbox")
    ('of the', 'and the', None)
    """
    words = english_words()
    best: tuple[int, str] | None = None
    for i in range(1, len(lower)):
        head, tail = lower[:i], lower[i:]
        if (head in _RUN_TOGETHER_WORDS or tail in _RUN_TOGETHER_WORDS) and words.get(head, 0) >= COMPOUND_PART_FREQUENCY \
                and words.get(tail, 0) >= COMPOUND_PART_FREQUENCY:
            score = min(words[head], words[tail])
            if best is None or score > best[0]:
                best = (score, f"{head} {tail}")
    return best[1] if best else None


@functools.cache
def _most_common_frequency() -> int:
    return max(english_words().values())


@functools.lru_cache(maxsize=4)
def longest_word(min_frequency: int) -> int:
    """The length of the longest word of the list at least ``min_frequency`` common.

    >>> longest_word(MIN_SUGGESTION_FREQUENCY) < MAX_WORD_LETTERS
    True
    """
    return max(len(word) for word, frequency in english_words().items() if frequency >= min_frequency)


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + swaps + replaces + inserts)


@functools.lru_cache(maxsize=100_000)
def suggest(word: str) -> str | None:
    """The most likely intended word one edit away from ``word`` (lower case), or None.

    A token longer than :data:`MAX_WORD_LETTERS` is not a word and has no suggestion.

    >>> suggest("recieve"), suggest("qingyang"), suggest("recieve" * 10), suggest("favourte")
    ('receive', None, None, 'favourite')
    """
    if len(word) > MAX_WORD_LETTERS:
        return None
    from rapidfuzz.distance import Indel

    words = english_words()
    lower = word.lower()
    candidates: list[str] = []
    if _may_be_one_edit_from_suggestible(lower):  # most unknown words (names, coinages) are near no common word
        suggestible = _suggestible_words()
        candidates = [w for w in _edits1(lower) if w in suggestible]
    if not candidates and len(lower) >= RARE_SUGGESTION_MIN_LETTERS:
        candidates = [w for w in typed_slip_sources(lower) if w in words]  # respondeents, tetnerhooks: any listed word
    if not candidates:
        return None
    return max(candidates, key=lambda w: (Indel.normalized_similarity(lower, w) > 0.8, words[w]))


def typed_slip_sources(word: str) -> set[str]:
    """The words a typist's mechanical slip turns into ``word``: a letter struck twice, a double letter struck once,
    two neighbouring letters swapped.

    Unlike a letter changed, added or dropped, these rarely turn one real word into another: a long unknown word
    they explain is a slip even of a rare word (*respondeents*, *scalywag*, *tetnerhooks*), where a letter changed
    may be a rare word's own spelling (*parameterize*, *undecodable*).

    >>> [source in typed_slip_sources(slip) for slip, source in
    ...  [("respondeents", "respondents"), ("scalywag", "scallywag"), ("tetnerhooks", "tenterhooks"), ("parameterize", "parametrize")]]
    [True, True, True, False]
    """
    sources = set()
    for i, letter in enumerate(word):
        if i and letter == word[i - 1]:
            sources.add(word[:i] + word[i + 1 :])
        sources.add(word[: i + 1] + letter + word[i + 1 :])
        if i + 1 < len(word) and letter != word[i + 1]:
            sources.add(word[:i] + word[i + 1] + letter + word[i + 2 :])
    return sources


def _one_letter_dropped(word: str) -> list[str]:
    """``word`` and each of its forms with one letter dropped.

    >>> _one_letter_dropped("cat")
    ['cat', 'at', 'ct', 'ca']
    """
    return [word] + [word[:i] + word[i + 1 :] for i in range(len(word))]


@functools.lru_cache(maxsize=1)
def _suggestible_neighbourhood_hashes() -> np.ndarray:
    """The sorted hashes of every suggestible word's :func:`_one_letter_dropped` forms (some 275,000; 2 MB as hashes).

    Two words one edit apart (a letter dropped, added, changed, or two swapped) share a form with one letter
    dropped, or one is the other: changing or swapping letters leaves the same word once the changed
    letter (or one of the swapped) is dropped from both.  Hashes rather than the strings keep it small;
    a hash shared by chance only sends a word to the full search.
    """
    # Straight into an array, not through a set of Python ints, which would cost some 16 MB more at its peak.
    hashes = np.fromiter((hash(form) for word in _suggestible_words() for form in _one_letter_dropped(word)), dtype=np.int64)
    return sorted_unique(hashes)


def _may_be_one_edit_from_suggestible(lower: str) -> bool:
    """False when no suggestible word is one edit from ``lower`` (exact); True when one may be (then search).

    >>> _may_be_one_edit_from_suggestible("goverment"), _may_be_one_edit_from_suggestible("qxzqv")
    (True, False)
    """
    table = _suggestible_neighbourhood_hashes()
    if not len(table):
        return False
    forms = _one_letter_dropped(lower)
    hashes = np.fromiter((hash(form) for form in forms), dtype=np.int64, count=len(forms))
    at = np.minimum(np.searchsorted(table, hashes), len(table) - 1)
    return bool((table[at] == hashes).any())


@functools.lru_cache(maxsize=1)
def _suggestible_words() -> frozenset[str]:
    """The words :func:`suggest` may propose for any word: longer than two letters and at least
    :data:`MIN_SUGGESTION_FREQUENCY` common (for a long word, see :data:`RARE_SUGGESTION_MIN_LETTERS`).

    One set test per one-edit variant instead of a frequency look-up and two comparisons (some 250 variants a word).
    """
    return frozenset(w for w, frequency in english_words().items() if frequency >= MIN_SUGGESTION_FREQUENCY and len(w) > 2)


class DocumentWords:
    """The rare words a document uses often enough to be suggested for a slip of them (see :data:`DOCUMENT_WORD_MIN_ROWS`).

    ``en_word_rows`` counts the rows that use each word (:attr:`~.context.CheckContext.en_word_rows`).  Only listed
    words too rare for :func:`suggest` and longer than four letters are kept: a short word has many neighbours.

    >>> from collections import Counter
    >>> words = DocumentWords(Counter({"deprecated": 5, "subdirectory": 1}))
    >>> words.suggest("deprecaed"), words.suggest("subdirectpry"), words.suggest("getattr")
    ('deprecated', None, None)
    """

    def __init__(self, en_word_rows: Counter):
        self.rows = en_word_rows
        listed = english_words()
        self.by_form: dict[str, list[str]] = {}
        for word, rows in en_word_rows.items():
            if rows >= DOCUMENT_WORD_MIN_ROWS and len(word) > 4 and 0 < listed.get(word, 0) < MIN_SUGGESTION_FREQUENCY:
                for form in _one_letter_dropped(word):
                    self.by_form.setdefault(form, []).append(word)

    def suggest(self, lower: str) -> str | None:
        """The document's word one edit from ``lower`` that it uses in most rows, or None."""
        if not self.by_form:
            return None
        near = {word for form in _one_letter_dropped(lower) for word in self.by_form.get(form, ())}
        if not near:
            return None
        edits = _edits1(lower)
        found = [word for word in near if word in edits]  # a shared form is needed for one edit, not enough
        return max(found, key=lambda word: (self.rows[word], english_words()[word], word)) if found else None


def _names_a_person_or_place(suggestion: str) -> bool:
    """True when ``suggestion`` is a name in CC-CEDICT's glosses (Obama, Jacob, Shiva) and no common English word.

    >>> _names_a_person_or_place("Jacob"), _names_a_person_or_place("Please")
    (True, False)
    """
    from ..text.lexicon import english_stem

    lower = suggestion.lower()
    return english_words().get(lower, 0) < NAME_SUGGESTION_MAX_FREQUENCY and english_stem(lower) in _proper_name_stems()


@functools.lru_cache(maxsize=1)
def _proper_name_stems() -> frozenset[str]:
    from .resources import proper_renderings

    return frozenset(stem for stems in proper_renderings().values() for stem in stems)


# Prefixes English sets before a hyphen, no words of their own (tri-mode, bi-weekly, co-op, quad-core, non-stick).
_COMBINING_PREFIXES = frozenset(
    "tri bi quad penta hexa octa multi poly mono uni semi hemi demi sub co non pre post anti pro inter intra mid micro "
    "macro mini mega ultra hyper neo pseudo quasi ex re de mis dis un".split())


_BRACKET_OPEN_BEFORE = re.compile(r"\(([^()]*)$")  # used with .search(text, start - 60, start)
_BRACKET_CLOSE_AFTER = re.compile(r"([^()]*)\)")  # used with .match(text, start)
_LATIN_WORD = re.compile(r"[^\W\d_]+")


_LABEL_BEFORE = re.compile(r"\w:\s*$")  # used with .search(text, start - 3, start)
_TITLE_RUN = re.compile(r"\S+(?:\s+[A-Z][\w'’-]*){2,}")  # used with .match(text, start)


def _names_a_product_after_a_label(text: str, start: int) -> bool:
    """True when the capitalised word at ``start`` follows a label's colon and opens a run of three capitalised words
    or more: a product or a work named after what it is (*Sunscreen: Anessa Perfect UV Milk*).

    >>> text = "4. Sunscreen: Anessa Perfect UV Milk. Note: Anessa is good."
    >>> _names_a_product_after_a_label(text, 14), _names_a_product_after_a_label(text, text.rindex("Anessa"))
    (True, False)
    """
    return _LABEL_BEFORE.search(text, max(0, start - 3), start) is not None and _TITLE_RUN.match(text, start) is not None


_QUOTE_OPEN_BEFORE = re.compile(r"[“\"]([^“”\"]{0,60})$")  # used with .search(text, start - 60, start)
_QUOTE_CLOSE_AFTER = re.compile(r"[^“”\"]{0,60}[”\"]")  # used with .match(text, start)
_QUOTE_IN_ZH = re.compile(r"[“「『\"]")
_ZH_QUOTED_RUN = re.compile(r"[“「『\"]([^“”「」『』\"]{2,8})[”」』\"]")


def _quotes_a_transliteration(text: str, start: int, zh: str) -> bool:
    """True when the word at ``start`` is inside a quotation and the Chinese quotes a run of transliteration
    characters only: a foreign phrase the source spells by sound (“扎西德勒” ↔ *“Tashi delek”*).

    >>> text = 'He said “Tashi delek” to me.'
    >>> _quotes_a_transliteration(text, text.index("delek"), "他说了一句“扎西德勒”"), _quotes_a_transliteration(text, 3, "扎西德勒")
    (True, False)
    >>> text = 'Someone shouted "Jau gwai!" and we ran. He said "Hungyr!" The "Schwarzschild radis" is small.'
    >>> [_quotes_a_transliteration(text, text.index(w), zh) for w, zh in (
    ...     ("Jau", "有人喊「走鬼」"), ("Hungyr", "他说「我饿了」"), ("radis", "“史瓦西半径”很小"))]
    [True, False, False]
    """
    opened = _QUOTE_OPEN_BEFORE.search(text, max(0, start - 60), start)
    closed = _QUOTE_CLOSE_AFTER.match(text, start)
    if opened is None or closed is None:
        return False
    quoted_in_zh = _ZH_QUOTED_RUN.findall(zh)
    foreign = transliteration_chars()
    if any(set(run) <= foreign for run in quoted_in_zh):
        return True
    # A short phrase of a Chinese language said as it sounds, a word for each of the quoted characters and none of them
    # English (“走鬼” ↔ *"Jau gwai!"*): two words at least, so that a slip alone in quotation marks is still one, and as
    # many as the characters, so that a quoted term translated with a slip in it (“史瓦西半径” ↔ *“Schwarzschild radis”*)
    # is too.
    words = _LATIN_WORD.findall(opened.group(1) + closed.group()[:-1])
    return (2 <= len(words) <= 4 and any(len(run) == len(words) for run in quoted_in_zh)
            and not any(is_known(word) for word in words))


# The Chinese languages English names when it spells one of their words as it is said: *puah-pue in Taiwanese*,
# *Cantonese: yum cha*.
_DIALECTS = r"Taiwanese|Hokkien|Min ?nan|Cantonese|Hakka|Teochew|Hainanese|Shanghainese|Taishanese|Hoisanese|Fuzhounese"
_DIALECT = re.compile(rf"\b(?:{_DIALECTS})\b")
# In brackets, so that a slip before *in Cantonese* in a sentence (*conducted in Cantonese*) is still one.
_DIALECT_AFTER = re.compile(rf"(?:[-\s][a-z'’]+){{0,3}}\s+in\s+(?:{_DIALECTS})\s*[)）]")  # used with .match(text, end)
_DIALECT_BEFORE = re.compile(rf"\b(?:{_DIALECTS})(?:\s+(?:term|word|name))?\s*[:(]\s*(?:[a-z'’]+[-\s]){{0,3}}$")


def _romanized_dialect_word(text: str, start: int, length: int) -> bool:
    """True when the word at ``start`` spells a word of a Chinese language that the English names beside it.

    >>> text = "Moon blocks (puah-pue in Taiwanese) are a tradition; Cantonese: yum cha. In Cantonese teh tea, condducted in Cantonese."
    >>> [_romanized_dialect_word(text, text.index(w), len(w)) for w in ("puah", "pue", "yum", "tradition", "teh", "condducted")]
    [True, True, True, False, False, False]
    """
    return (_DIALECT_AFTER.match(text, start + length) is not None
            or _DIALECT_BEFORE.search(text, max(0, start - 60), start) is not None)


def _in_a_romanization(text: str, start: int, zh: str) -> bool:
    """True when the word at ``start`` is inside brackets that hold pinyin syllables only, one of which spells the
    Chinese: a romanization whose other syllables a character's rarer reading gives (筊 *jiao*, which the pinyin tables
    read *xiao*).

    >>> text = "three positive answers (sheng jiao)."
    >>> _in_a_romanization(text, text.index("jiao"), "连得三次「圣筊」"), _in_a_romanization(text, text.index("three"), "圣筊")
    (True, False)
    """
    from ..normalize import is_pinyin_syllable

    opened = _BRACKET_OPEN_BEFORE.search(text, max(0, start - 60), start)
    closed = _BRACKET_CLOSE_AFTER.match(text, start)
    if opened is None or closed is None:
        return False
    words = _LATIN_WORD.findall(opened.group(1) + closed.group(1))
    return (len(words) <= 6 and all(is_pinyin_syllable(word) for word in words)
            and any(spells_pinyin_of(word, zh) for word in words))


def _words_and_parts(matches: list[re.Match], once: Callable[[str], bool]) -> Iterator[tuple[str, int]]:
    """Each English word with its offset; a hyphenated word that is not known whole, part by part (bublt-in: bublt, in),
    unless it is capitalised, a reduplication (*roly-poly*) or ``once(word)`` is false: a romanized name (Xi-feng,
    Goong-goong) or a coinage the document repeats is written so on purpose.

    >>> [w for w, _ in _words_and_parts(list(re.finditer(r"[\\w-]+", "a bublt-in well-known Xi-feng add-ons")), lambda w: True)]
    ['a', 'bublt', 'in', 'well-known', 'Xi-feng', 'add-ons']
    >>> [w for w, _ in _words_and_parts(list(re.finditer(r"[\\w-]+", "a tri-mode hub")), lambda w: True)]
    ['a', 'mode', 'hub']
    """
    for match in matches:
        word = match.group()
        # (A plural of a known compound is known too: add-ons of add-on.)
        if ("-" not in word or word[:1].isupper() or is_known(word) or word.endswith("s") and is_known(word[:-1]) or not once(word)
                or _reduplicated(word)):
            yield word, match.start()
            continue
        offset = match.start()
        parts = word.split("-")
        for i, part in enumerate(parts):
            if part and not (i + 1 < len(parts) and part.lower() in _COMBINING_PREFIXES):
                yield part, offset
            offset += len(part) + 1


_APOSTROPHES = ("'", "’")


def _in_foreign_phrase(text: str, start: int, length: int) -> bool:
    """True when the word at ``start`` lies inside a Latin, French or Italian phrase of English prose.

    >>> _in_foreign_phrase("It applies mutatis mutandis.", 11, 7), _in_foreign_phrase("The mutatis form.", 4, 7)
    (True, False)
    """
    pattern, words = foreign_phrases()
    if text[start : start + length].lower() not in words:
        return False
    return any(m.start() <= start and start + length <= m.end() for m in pattern.finditer(text))


# A species' Latin name: a genus that reads as Latin and is no common English word, or its initial, then the epithet in
# lower case with an ending only Latin has (Streptococcus pneumoniae, Staphylococcus aureus, E. coli; not *Ghana
# prouces*).  Used with .search(text, start - 40, start of the epithet).
_GENUS_BEFORE = re.compile(r"(?:\b([A-Z][a-z]{3,}(?:us|a|um|ia|ium|is|es|o|on|ella|myces|bacter|coccus|ops|ix|ax))|\b[A-Z]\.)"
                           r"[ \u00a0]$")
_EPITHET_END = re.compile(r"(?:ae|ii|i|um|us|is|ensis|oides|orum|arum)$")
# A genus this common in English is an English word (Homo is not: it stays under it).
# Chosen as a class, with NAME_MAX_FREQUENCY's bound for names (Grandma, 18,082, is a word). Figure: not measured alone.
GENUS_MAX_FREQUENCY = 5000


# A suggestion this common is an English word that a Latin epithet resembles (pneumonia for pneumoniae, 2,110;
# influenza for influenzae, 649), not the epithet the translator meant (pylori for pyloi, 50 in the list).
# Chosen on: stop 41's unseen documents and the probes' injected typos (Helicobacter pyloi); lowered from 1,000 at stop
# 42 for *Haemophilus influenzae*. Figure: not measured alone.
EPITHET_AS_ENGLISH_FREQUENCY = 500


def _species_epithet(text: str, start: int, lower: str) -> bool:
    """True when the word ``lower`` at ``start`` is the epithet of a species' Latin name.

    >>> text = "Streptococcus pneumoniae and E. coli, not Ghana prouces or Grandma misses"
    >>> [_species_epithet(text, text.index(w), w) for w in ("pneumoniae", "coli", "prouces", "misses")]
    [True, True, False, False]
    """
    if _EPITHET_END.search(lower) is None:
        return False
    genus = _GENUS_BEFORE.search(text, max(0, start - 40), start)
    return genus is not None and (genus.group(1) is None or english_words().get(genus.group(1).lower(), 0) < GENUS_MAX_FREQUENCY)


def _reduplicated(word: str) -> bool:
    """True when a hyphened word is two halves that rhyme or differ only in their vowels, as English reduplications are
    (roly-poly, helter-skelter, zig-zag, chit-chat): a coinage of sound, no slip in either half.

    >>> [_reduplicated(w) for w in ("roly-poly", "helter-skelter", "zig-zag", "bulit-in", "well-knwon", "splish-splsh")]
    [True, True, True, False, False, False]
    """
    parts = word.lower().split("-")
    if len(parts) != 2 or min(len(part) for part in parts) < 3:
        return False
    first, second = parts
    rhyme = re.sub(r"^[^aeiouy]+", "", first)
    return (bool(rhyme) and rhyme == re.sub(r"^[^aeiouy]+", "", second)) or (
        first != second and len(first) == len(second) and bool(re.search("[aeiouy]", second))
        and re.sub(r"[aeiouy]", "", first) == re.sub(r"[aeiouy]", "", second))


# A particle of a Romance, Dutch or German name, then a capital: *Rua de São Lourenço*, *Vasco da Gama*, *van Gogh*.
# Used with .match(text, end of the word before).
_NAME_PARTICLE_THEN_CAPITAL = re.compile(r"[ \u00a0](?:de|da|do|dos|das|del|della|di|du|des|van|von|der|den)[ \u00a0][A-ZÀ-Þ]")
_NEXT_CAPITALISED = re.compile(r"[ \u00a0]([A-Z][a-z]{2,})\b")
# A given name of Hong Kong or Taiwan, two syllables joined by a hyphen (Ka-man, Chi-wai, Siu-ming): after it, the word
# before is a surname (Lau Ka-man), unless both syllables are common English words (Long-term).  Used with .match(text, end).
_HYPHENED_GIVEN_NAME = re.compile(r"[ \u00a0]([A-Z][a-z]{1,4})-([a-z]{1,5})\b")
# How common an English word both syllables of a hyphened name must be for the two to be an English compound instead.
COMMON_SYLLABLE_FREQUENCY = 10_000
# A bracket opened after a word or a comma, right before a capitalised word: the bracket holds a name (Mr Tan (Nee
# Soon) asked), not a sentence of its own, whose bracket follows a full stop.  Used with .search(text, start - 3, start).
_MID_SENTENCE_BRACKET = re.compile(r"[\w,] ?[(\[]$")


def _opens_a_two_word_name(text: str, end: int, zh: str) -> bool:
    """True when the word ending at ``end`` is followed by a capitalised word that is evidently a name: no English
    word (*Proxima Centauri*), or one the Chinese writes by sound or in pinyin, a surname the Chinese gives without
    the given name (诺里斯 ↔ *Lando Norris*).  The first word of such a name is no slip for an English one
    (*Proximal*, *Land*).

    >>> _opens_a_two_word_name("Proxima Centauri is near.", 7, ""), _opens_a_two_word_name("Goverment House is shut.", 9, "")
    (True, False)
    >>> _opens_a_two_word_name("Lando Norris was second.", 5, "诺里斯获得亚军。"), _opens_a_two_word_name("Lando Norris was second.", 5, "")
    (True, False)
    >>> _opens_a_two_word_name("Daughter-in-law: Lau Ka-man", 20, "媳：劉嘉敏")
    True
    >>> _opens_a_two_word_name("Office: Rua de São Lourenço", 11, ""), _opens_a_two_word_name("Goverment de facto", 9, "")
    (True, False)
    """
    if _NAME_PARTICLE_THEN_CAPITAL.match(text, end):
        return True  # Rua de São Lourenço, Avenida da Praia Grande: a name whose parts a particle joins
    given = _HYPHENED_GIVEN_NAME.match(text, end)
    if given and min(english_words().get(part.lower(), 0) for part in given.groups()) < COMMON_SYLLABLE_FREQUENCY:
        return True
    following = _NEXT_CAPITALISED.match(text, end)
    if following is None:
        return False
    name = following.group(1)
    return not is_known(name) or transliterates(zh, name) or spells_pinyin_of(name, zh)


@register(
    "typo",
    severity="warning",
    family="typos",
    what="An English word that is not in the dictionary but is one edit (a letter dropped, added, changed or "
    "two letters swapped) away from a common word; the suggestion is that word.",
    why="Spelling slips are the most visible errors of a published translation and the cheapest to fix.",
    example=("我们必须相信政府。", "We must trust the goverment."),
    silence="`--ignore typo`; add a deliberate spelling to the glossary, or use it consistently (a word the "
    "document uses in more than one row is never reported).",
    false_positives="Rare or dialect words and deliberate misspellings in dialogue that happen to be one "
    "letter from a common word; romanized names at the start of a sentence that neither spell the source's pinyin "
    "nor sound like a transliteration in it; a Latin or French phrase of English prose that "
    "`resources/checks/english_foreign_phrases.txt` lacks (those it lists, such as *mutatis mutandis*, are left alone).",
)
def check_typo(ctx: CheckContext) -> Iterator:
    glossary_words = ctx.glossary_targets
    document_words: DocumentWords | None = None  # built for the first word that needs it: most documents have none
    for view in ctx.rows:
        row = view.row
        en = row.en
        in_row: Counter | None = None  # counted for the rows that have an unknown word only
        zh_lower: str | None = None
        def once(word: str, words: list[re.Match] = view.en_words) -> bool:
            lower = word.lower().replace("’", "'")
            return ctx.en_word_rows[lower] <= 1 and sum(m.group().lower().replace("’", "'") == lower for m in words) <= 1

        for word, start in _words_and_parts(view.en_words, once):
            if len(word) < 3 or len(word) > MAX_WORD_LETTERS or word.isupper():
                continue
            evidence = known_as(word)
            if evidence is not None and evidence * TYPO_OVER_INFLECTION_RATIO > _most_common_frequency():
                continue  # listed, or an inflection no word one edit away could be that much commoner than
            if word[0].isupper() and (not at_sentence_start(en, start) or _MID_SENTENCE_BRACKET.search(en, max(0, start - 3), start)):
                continue  # a name, or a name in brackets inside a sentence: Mr Tan (Nee Soon) asked
            if any(c.isupper() for c in word[1:]) or en[max(0, start - 1) : start] in ("@", "#"):
                continue  # a brand or a handle: macOS, iPhone, @iotar, #pa28
            if zh_lower is None:
                zh_lower = row.zh_normalized.lower()
            lower = word.lower().replace("’", "'")  # only for the few words left: most are known
            if lower in zh_lower or len(lower.split("'")[0]) >= 3 and lower.split("'")[0] in zh_lower:
                continue  # written so in the Chinese too: a code name or a brand kept as it is (nodejs, ssl's)
            if lower in glossary_words or ctx.en_word_rows[lower] > 1:
                continue
            if in_row is None:  # counted only for a row that gets this far
                in_row = Counter(m.group().lower().replace("’", "'") for m in view.en_words)
            if in_row[lower] > 1:
                continue
            if lower.endswith("in") and en[start + len(word) : start + len(word) + 1] in _APOSTROPHES and is_known(lower + "g"):
                continue  # goin', fixin': speech the translator spells as it sounds, the g dropped on purpose
            if _in_foreign_phrase(en, start, len(word)):
                continue  # mutatis of mutatis mutandis, facie of prima facie: a phrase English writes in Latin or French
            if en[start + len(word) : start + len(word) + 1] in (".", ":") and lower in abbreviations():
                continue  # tel., approx., dept., Tel: 0471-…: an abbreviation the segmenter knows, with its stop or a label's colon
            base = lower.split("'")[0]
            suggestion = over_regularized(base) or suggest(base)
            if suggestion is None and evidence is None and len(base) >= 5:
                suggestion = run_together(base)  # ofthe: two words, not one edit from one
            if suggestion is None and evidence is None:
                if document_words is None:
                    document_words = DocumentWords(ctx.en_word_rows)
                suggestion = document_words.suggest(base)  # deprecaed, in a manual that says deprecated elsewhere
            # The pinyin of the whole Chinese is the dearest test, so it is made last: most unknown words have no suggestion.
            if suggestion is None or evidence is not None and english_words().get(suggestion, 0) < TYPO_OVER_INFLECTION_RATIO * evidence:
                continue  # no likelier word, or a real inflection or compound (oxhide) rather than a slip (gooing)
            if spells_pinyin_of(base, row.zh_normalized) or (
                    base.endswith("s") and len(base) >= 4 and spells_pinyin_of(base[:-1], row.zh_normalized)):
                continue  # (without its possessive: Ergou's is 二狗's; nor its plural: *five tuos* of 沱茶)
            if _species_epithet(en, start, lower) and english_words().get(suggestion.lower(), 0) >= EPITHET_AS_ENGLISH_FREQUENCY:
                continue  # pneumoniae of Streptococcus pneumoniae is no slip for pneumonia (pyloi for pylori still is)
            if _QUOTE_IN_ZH.search(row.zh_normalized) and _quotes_a_transliteration(en, start, row.zh_normalized):
                continue  # the delek of “Tashi delek” for “扎西德勒”: a greeting the source spells by sound, quoted
            if word[0].islower() and "(" in en and _in_a_romanization(en, start, row.zh_normalized):
                continue  # the jiao of (sheng jiao) for 圣筊: a syllable of a romanization in brackets
            if _DIALECT.search(en) and _romanized_dialect_word(en, start, len(word)):
                continue  # puah-pue in Taiwanese: a word of a Chinese language the English spells as it is said
            if word[0].isupper() and _names_a_person_or_place(suggestion):
                continue  # Osama for Obama, Jakob for Jacob: a name opening the sentence, one letter from another name
            if word[0].isupper() and word.endswith(("'s", "’s")) and english_words().get(suggestion.lower(), 0) < params.NAME_MAX_FREQUENCY:
                continue  # Pelliot's collection (Elliot, 707): an owner opening its sentence, one letter from a rare word
            if word[0].isupper() and transliterates(row.zh_normalized, base):
                continue  # Messi for 梅西, Modrow for 莫德罗: a name the Chinese spells by sound, opening the sentence
            if word[0].isupper() and _opens_a_two_word_name(en, start + len(word), row.zh_normalized):
                continue  # Proxima Centauri, Lando Norris for 诺里斯: a name of two words, the first opening the sentence
            if word[0].isupper() and (not word.isascii() or _names_a_product_after_a_label(en, start)):
                continue  # Curél: a brand's own letters; Sunscreen: Anessa Perfect UV Milk, a product named after its label
            if word[0].isupper():
                suggestion = suggestion.capitalize()
            signals = {"letters": float(len(word)), "suggestion_frequency": math.log1p(english_words().get(suggestion.lower(), 0))}
            yield ctx.finding("typo", view, f"'{word}' is not an English word; did you mean '{suggestion}'?",
                              en_text=word, suggestion=suggestion, signals=signals)
