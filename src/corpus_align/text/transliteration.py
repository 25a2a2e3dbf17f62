"""Do a Chinese transliteration and an English name sound alike?

Chinese writes foreign names by sound (雷尼尔 *lei ni er* for Rainier, 埃斯库罗斯 *ai si ku luo si* for
Aeschylus), and no dictionary lists them all.  Both spellings are reduced to a skeleton of consonant
classes, the sounds that survive transliteration: vowels go, and so do the sounds Chinese has no way to
keep apart (l and r; b and p; d and t; g, k and hard c; s, z, j, ch and sh; f and v; and a pinyin w may be a v,
which Chinese has not: 维拉 *Villa*).  Two names whose
skeletons are equal, or differ by one class when both have three or more, are taken to be one name
written in two scripts.

>>> sound_alike(("lei", "ni", "er"), "Rainier"), sound_alike(("ai", "si", "ku", "luo", "si"), "Aeschylus")
(True, True)
>>> sound_alike(("xi", "ya", "tu"), "Sunday"), sound_alike(("te", "lang", "pu"), "Trump")
(False, True)
"""

from __future__ import annotations

import functools
import re

from .._lazy import toneless_pinyin

# Pinyin initials and their consonant class; y and w are glides, left out like vowels.
_PINYIN_INITIALS = (
    ("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("m", "M"), ("f", "F"), ("d", "T"), ("t", "T"),
    ("n", "N"), ("l", "L"), ("g", "K"), ("k", "K"), ("h", ""), ("j", "S"), ("q", "S"), ("x", "S"), ("r", "L"),
    ("z", "S"), ("c", "S"), ("s", "S"), ("y", ""), ("w", ""),
)
# English spellings and their class, longest first; letters not listed (vowels, h, w, y) are left out.
_ENGLISH = re.compile(r"sch|tch|ch|sh|ph|th|ck|qu|gh|[bcdfgjklmnpqrstvxz]")
_ENGLISH_CLASS = {
    "sch": "S", "tch": "S", "ch": "S", "sh": "S", "ph": "F", "th": "T", "ck": "K", "qu": "K", "gh": "",
    "b": "P", "p": "P", "d": "T", "t": "T", "c": "K", "g": "K", "k": "K", "q": "K", "j": "S", "s": "S", "z": "S",
    "x": "KS", "l": "L", "r": "L", "m": "M", "n": "N", "f": "F", "v": "F",
}


def _collapse(classes: str) -> str:
    return re.sub(r"(.)\1+", r"\1", classes)


# Characters whose everyday reading is not the one they have in transliterations: 布什 is bu shi (Bush), not bu shen;
# 克勒, 希特勒 end in le (Shanghai's *lao kele*, Hitler), not lei.
TRANSLITERATION_READINGS = {"什": "shi", "勒": "le"}


@functools.lru_cache(maxsize=100_000)
def toneless_syllables(word: str) -> tuple[str, ...]:
    """The toneless pinyin syllables of ``word``, without what is not a syllable.

    >>> toneless_syllables("特朗普")
    ('te', 'lang', 'pu')
    """
    return tuple(s for s in toneless_pinyin(word) if s.isalpha())


def transliteration_sounds(word: str) -> tuple[str, ...]:
    """The syllables of a transliteration, each character read as transliterations read it (布什 bu shi, not bu shen).

    >>> transliteration_sounds("布什")
    ('bu', 'shi')
    """
    syllables = toneless_syllables(word)
    if len(syllables) != len(word) or TRANSLITERATION_READINGS.keys().isdisjoint(word):
        return syllables
    return tuple(TRANSLITERATION_READINGS.get(char, syllable) for char, syllable in zip(word, syllables, strict=True))


def pinyin_skeleton(syllables: tuple[str, ...], *, w_as_v: bool = False) -> str:
    """The consonant classes of toneless pinyin syllables: each initial, a final n or ng, and *er*.

    ``w_as_v``: a w is a v (维拉 Villa, 瓦伦西亚 Valencia), which Chinese has not, instead of a glide.

    >>> pinyin_skeleton(("te", "lang", "pu")), pinyin_skeleton(("wei", "la"), w_as_v=True)
    ('TLNP', 'FL')
    """
    out = []
    for syllable in syllables:
        syllable = syllable.lower().replace("ü", "u").replace("v", "u")
        if w_as_v and syllable.startswith("w"):
            out.append("F")
            syllable = syllable[1:]
        if syllable == "er":
            out.append("L")
            continue
        for initial, cls in _PINYIN_INITIALS:
            if syllable.startswith(initial):
                out.append(cls)
                break
        if syllable.endswith("n") or syllable.endswith("ng"):
            out.append("N")
    return _collapse("".join(out))


@functools.lru_cache(maxsize=50_000)
def english_skeleton(word: str, *, rhotic: bool = True) -> str:
    """The consonant classes of an English (or Latin-letter) name; c before e, i or y is s.

    ``rhotic=False`` drops an r after a vowel that no vowel follows (Meyers, Carter), as British English does.

    >>> english_skeleton("Rainier"), english_skeleton("Cecil"), english_skeleton("Meyers", rhotic=False)
    ('LNL', 'SL', 'MS')
    """
    word = word.lower()
    if not rhotic:
        word = re.sub(r"(?<=[aeiouy])r(?![aeiouy])", "", word)
    word = re.sub(r"c(?=[eiy])", "s", word)
    word = re.sub(r"[^a-z]", "", word)
    return _collapse("".join(_ENGLISH_CLASS.get(m.group(), "") for m in _ENGLISH.finditer(word)))


def _within_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 3:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def sound_alike(syllables: tuple[str, ...], word: str) -> bool:
    """True when the transliteration spelled by ``syllables`` and the English ``word`` have (nearly) one skeleton.

    Skeletons of fewer than two classes say nothing and never match.

    >>> sound_alike(("mo", "wo", "er"), "Mughal"), sound_alike(("si", "nuo", "kua", "er", "mi"), "Snoqualmie")
    (True, True)
    >>> sound_alike(("wei", "la"), "Villa"), sound_alike(("ka", "luo", "lai", "na"), "Carolina")
    (True, True)
    """
    english = (english_skeleton(word), english_skeleton(word, rhotic=False))
    for a in dict.fromkeys((pinyin_skeleton(syllables), pinyin_skeleton(syllables, w_as_v=True))):
        # An r after a vowel is often silent and not transliterated (Meyers 迈耶斯), often written 尔 (Farthing 法尔辛).
        if len(a) >= 2 and any(len(b) >= 2 and _within_one(a, b) for b in english):
            return True
    return False
