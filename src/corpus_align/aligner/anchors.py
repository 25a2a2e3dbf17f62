"""Anchors: evidence that survives translation without a dictionary.

Each function returns *keys* (plain strings) found in one sentence; a key found
on both sides of a candidate bead is evidence for it.  Keys share one name space
with the English stems of :mod:`corpus_align.text.lexicon`, so the scorer
treats an anchor like any other word.

* numbers and dates: Arabic and Chinese numerals, ``3月11日`` ↔ ``March 11``,
  ``2021年`` ↔ ``2021`` (``#11``, ``#2021``, ``month:3``), from :mod:`corpus_align.text.numbers`;
* names: a Chinese word's pinyin against capitalised English words
  (``王广成`` ↔ ``Wang Guangcheng``, ``重庆`` ↔ ``Chongqing``), exactly or,
  document-wide, fuzzily (:func:`fuzzy_name_map`);
* glossary term pairs supplied by the caller (``gloss:K``);
* strong punctuation: question and exclamation marks, quotation marks.

>>> punctuation_keys("他说：“你来吗？”")
['?', 'quote']
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence

from .._lazy import toneless_pinyin
from ..text.lexicon import english_stem
from ..text.patterns import CJK_RUN, NAME_WORD


@functools.lru_cache(maxsize=100_000)
def zh_name_keys(word: str) -> tuple[str, ...]:
    """Return stemmed pinyin keys under which a Chinese word could appear as an English name.

    The whole word's pinyin always; for three-character words also the
    surname and the given name apart (``王广成`` → Wang, Guangcheng).

    >>> zh_name_keys("王广成")
    ('wangguangcheng', 'wang', 'guangcheng')
    >>> zh_name_keys("重庆")
    ('chongq',)
    """
    if len(word) < 2 or not CJK_RUN.fullmatch(word):
        return ()
    syllables = toneless_pinyin(word)
    keys = [english_stem("".join(syllables))]
    if len(syllables) == 3:
        keys += [english_stem(syllables[0]), english_stem(syllables[1] + syllables[2])]
    return tuple(dict.fromkeys(keys))




def en_name_keys(text: str) -> list[str]:
    """Return extra keys for capitalised English words: hyphen-free forms and joined neighbours.

    ``Wang Guangcheng`` also yields ``wangguangcheng`` (matching the pinyin of
    the whole Chinese name); ``Xi-feng`` yields ``xifeng``.

    >>> en_name_keys("Wang Guangcheng met Xi-feng.")
    ['wangguangcheng', 'xifeng']
    """
    keys: list[str] = []
    previous_end, previous = -2, ""
    for match in NAME_WORD.finditer(text):
        plain = re.sub(r"['’-]", "", match.group()).lower()
        if plain != match.group().lower():
            keys.append(english_stem(plain))
        if match.start() == previous_end + 1 and text[previous_end] == " ":
            keys.append(english_stem(previous + plain))
        previous_end, previous = match.end(), plain
    return keys


def fuzzy_name_map(zh_keys: Iterable[str], en_keys: Iterable[str], *, cutoff: float = 86.0) -> dict[str, str]:
    """Map English name keys to the closest Chinese pinyin key when they are spelled alike but not equal.

    Translators drop or change letters (``Qiao Feng`` / ``qiaofeng``, old
    spellings); an edit-distance ratio above ``cutoff`` (0–100) with a length
    of at least five letters is taken as the same name.  Only keys with the
    same first letter and a length that can reach ``cutoff`` are compared, so
    the work grows with the number of keys, not with its square.

    >>> fuzzy_name_map(["chenqingyang"], ["chenqinyang", "window"])
    {'chenqinyang': 'chenqingyang'}
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    chosen = {k for k in zh_keys if len(k) >= 5}
    by_start: dict[tuple[str, int], list[str]] = {}
    for key in sorted(chosen):
        by_start.setdefault((key[0], len(key)), []).append(key)
    # ratio = 2·matches / (len(a) + len(b)) <= 2·min / (sum): lengths further apart cannot reach the cutoff.
    share = cutoff / (200.0 - cutoff)
    # English keys of the same first letter and length share their candidates: one matrix of ratios each.
    groups: dict[tuple[str, int], list[str]] = {}
    for key in sorted(set(en_keys)):
        if len(key) >= 5 and key not in chosen:
            groups.setdefault((key[0], len(key)), []).append(key)
    mapping: dict[str, str] = {}
    for (first, length), keys in groups.items():
        shortest, longest = math.ceil(length * share), math.floor(length / share)
        choices = [c for size in range(shortest, longest + 1) for c in by_start.get((first, size), ())]
        if not choices:
            continue
        scores = process.cdist(keys, choices, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.float64)
        best = scores.argmax(axis=1)  # the first of the best, as process.extractOne chooses
        for key, column, score in zip(keys, best.tolist(), scores[np.arange(len(keys)), best].tolist(), strict=True):
            if score >= cutoff:
                mapping[key] = choices[column]
    return mapping


# English dialogue in single quotes (the British convention): an opening quote at the start or after a space or a dash,
# before a letter or digit, or a closing quote after final punctuation.  Apostrophes are neither (don't, the boys' room).
SINGLE_QUOTED = re.compile(r"(?:^|[\s(\[—–-])['‘](?=[^\W_])|[.,!?;:…—-]['’](?=\s|$|[)\]—–-])")


def punctuation_keys(text: str) -> list[str]:
    """Return keys for strong punctuation: ``?``, ``!`` and quotation marks (either language).

    >>> punctuation_keys("“你去吗？”"), punctuation_keys('"Are you going?"')
    (['?', 'quote'], ['?', 'quote'])
    """
    keys = []
    if "?" in text or "？" in text:
        keys.append("?")
    if "!" in text or "！" in text:
        keys.append("!")
    if any(ch in text for ch in "\"“”「」『』") or SINGLE_QUOTED.search(text):
        keys.append("quote")
    return keys


def glossary_keys(text: str, terms: Sequence[str], *, english: bool) -> list[str]:
    """Return ``gloss:K`` for each glossary term K found in the text (English: whole words, any case).

    >>> glossary_keys("He read the Analects.", ["analects"], english=True)
    ['gloss:0']
    >>> glossary_keys("他读《论语》。", ["论语"], english=False)
    ['gloss:0']
    """
    keys = []
    lowered = text.lower() if english else text
    for index, term in enumerate(terms):
        if not term:
            continue
        if english:
            if re.search(r"(?<![a-z])" + re.escape(term.lower()) + r"(?![a-z])", lowered):
                keys.append(f"gloss:{index}")
        elif term in lowered:
            keys.append(f"gloss:{index}")
    return keys
