"""Heavy data the checks need, each loaded once on first use and cached.

* CC-CEDICT word classes (:func:`cedict_classes`): which Chinese words the
  dictionary knows as proper nouns (capitalised pinyin) and which as common
  words; built from :func:`corpus_align.text.lexicon.cedict_entries` and
  pickled in the user cache with :func:`corpus_align._lazy.cached_pickle`.
* The English word list (:func:`english_words`): pyspellchecker's frequency
  list (a PyPI package, so nothing is downloaded), plus a few words it lacks.
* The province abbreviations shipped in ``resources/checks/place_abbreviations.tsv``, and the other
  small tables of ``resources/checks`` (US state abbreviations, place metonyms, institutions).
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from importlib import resources as _res

from .._lazy import cached_pickle
from ..text.lexicon import fold_accents
from ..text.patterns import CAPITALISED, CJK_CHARS

PROPER = 1
COMMON = 2
# 4: a name that only points to another takes its renderings; 3: a country's people and language (瑞典 → Swedish);
# 2: cross-references found with the shared CJK class
_FORMAT = 4


def _read_resource(name: str) -> str:
    return _res.files("corpus_align.resources").joinpath("checks").joinpath(name).read_text(encoding="utf-8")


def _resource_lines(name: str) -> list[str]:
    """The lines of a ``resources/checks`` file that hold data: stripped, without blank and ``#`` comment lines."""
    return [line.strip() for line in _read_resource(name).splitlines() if line.strip() and not line.startswith("#")]


def _read_names_table(name: str) -> dict[str, tuple[str, ...]]:
    """A ``Chinese<TAB>English|English...`` table of ``resources/checks`` (# starts a comment line)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in _resource_lines(name):
        key, names = line.split("\t")[:2]
        table[key] = tuple(n.strip() for n in names.split("|") if n.strip())
    return table


@functools.lru_cache(maxsize=1)
def place_abbreviations() -> dict[str, tuple[str, ...]]:
    """One-character abbreviations of Chinese places → their English names.

    >>> place_abbreviations()["渝"]
    ('Chongqing',)
    """
    return _read_names_table("place_abbreviations.tsv")


@functools.lru_cache(maxsize=1)
def irregular_forms() -> dict[tuple[str, str], str]:
    """``(base, kind) -> form`` for English words whose regular inflection is a slip
    (``resources/checks/irregular_forms.tsv``; kind ``past`` or ``plural``).

    >>> irregular_forms()[("say", "past")], irregular_forms()[("child", "plural")]
    ('said', 'children')
    """
    table = {}
    for line in _resource_lines("irregular_forms.tsv"):
        base, form, kind = line.split("\t")
        table[(base, kind)] = form
    return table


@functools.lru_cache(maxsize=1)
def transliteration_chars() -> frozenset[str]:
    """Characters Chinese spells foreign names with (``resources/checks/transliteration_chars.txt``).

    >>> {"斯", "尼", "的"} & transliteration_chars() == {"斯", "尼"}
    True
    """
    return frozenset("".join(_resource_lines("transliteration_chars.txt")))


@functools.lru_cache(maxsize=1)
def place_metonyms() -> dict[str, tuple[str, ...]]:
    """Chinese country name → the English names that stand for it in news (``resources/checks/place_metonyms.tsv``).

    >>> place_metonyms()["伊朗"]
    ('Tehran',)
    """
    return _read_names_table("place_metonyms.tsv")


@functools.lru_cache(maxsize=1)
def surname_romanizations() -> dict[str, tuple[str, ...]]:
    """Surname → its Cantonese and Wade-Giles spellings (``resources/checks/surname_romanizations.tsv``).

    >>> surname_romanizations()["陈"]
    ('Chan', 'Chin')
    """
    return _read_names_table("surname_romanizations.tsv")


@functools.lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, tuple[str, ...]]:
    """US state → the abbreviations news writes for it (``resources/checks/us_state_abbreviations.tsv``).

    >>> state_abbreviations()["Oregon"]
    ('Ore.', 'Oreg.', 'OR')
    """
    return _read_names_table("us_state_abbreviations.tsv")


@functools.lru_cache(maxsize=1)
def institutions() -> tuple[str, ...]:
    """Words a place name modifies where English leaves the place understood (``resources/checks/institutions.txt``).

    >>> "政府" in institutions()
    True
    """
    return tuple(sorted(set(_resource_lines("institutions.txt")), key=len, reverse=True))


def _build_cedict_classes() -> dict[str, int]:
    from ..text.lexicon import cedict_entries

    classes: dict[str, int] = {}
    for _traditional, word, pinyin, glosses in cedict_entries():
        if glosses.startswith(("surname ", "variant of", "old variant")):
            # A variant of a name is a name (丘吉尔, variant of 邱吉尔 Churchill); of a character or word, nothing new.
            flag = PROPER if glosses.startswith("surname") or len(word) >= 2 and pinyin[:1].isupper() else 0
        else:
            flag = PROPER if pinyin[:1].isupper() else COMMON
        classes[word] = classes.get(word, 0) | flag
    return classes




# A cross-reference of a CC-CEDICT gloss: 邱吉爾|邱吉尔[Qiu1 ji2 er3] (traditional|simplified), or one form alone.
_CROSS_REFERENCE = re.compile(rf"(?:[{CJK_CHARS}]+\|)?([{CJK_CHARS}]+)\[")


def _build_proper_renderings() -> dict[str, frozenset[str]]:
    from ..text.lexicon import EN_STOPWORDS, cedict_entries, english_stem, fold_accents

    names: dict[str, set[str]] = {}
    references: dict[str, set[str]] = {}
    for _traditional, word, pinyin, glosses in cedict_entries():
        if not pinyin[:1].isupper():
            continue
        for gloss in glosses.split("/"):
            references.setdefault(word, set()).update(_CROSS_REFERENCE.findall(gloss))
            gloss = re.sub(rf"[{CJK_CHARS}|]+\[[^\]]*\]", " ", fold_accents(gloss))  # cross-references
            for token in CAPITALISED.findall(gloss):
                if token.lower() not in EN_STOPWORDS and token not in ("CL", "PRC", "Chinese", "China"):
                    names.setdefault(word, set()).add(english_stem(token.lower()))
    # A name whose entry only points to another (丘吉尔 "variant of 邱吉尔", 腾讯 "see 腾讯控股有限公司") is rendered as that one.
    for word, targets in references.items():
        if word not in names:
            found = set().union(*(names.get(target, ()) for target in targets))
            if found:
                names[word] = found
    # A country is rendered by its people and its language too, which CC-CEDICT lists as words of their own:
    # 瑞典 → 瑞典人 Swede, 瑞典语 Swedish; 德国 → 德语 German; 英国 → 英国人 British.
    for word, stems in names.items():
        roots = (word, word[:-1]) if word.endswith("国") else (word,)
        for root in roots:
            for suffix in ("人", "语"):
                stems |= names.get(root + suffix, set()) if root + suffix != word else set()
    return {word: frozenset(stems) for word, stems in names.items()}


@functools.lru_cache(maxsize=1)
def proper_renderings() -> dict[str, frozenset[str]]:
    """Proper nouns of CC-CEDICT → the stems of the capitalised words of their glosses, the name itself.

    "city", "county" or "province" in a gloss say what a place is, not what it is called, and do not
    render it (扬州 is rendered by "Yangzhou", not by "the city").

    >>> sorted(proper_renderings()["扬州"])
    ['jiangsu', 'yangzhou']
    >>> sorted(proper_renderings()["丘吉尔"])  # "variant of 邱吉尔"
    ['churchil', 'uk', 'winston']
    """
    from .. import __version__

    return cached_pickle(f"cedict-proper-{__version__}-f{_FORMAT}.pickle", _build_proper_renderings)


@functools.lru_cache(maxsize=1)
def cedict_classes() -> dict[str, int]:
    """Simplified CC-CEDICT headwords → bit flags ``PROPER`` (capitalised pinyin) and ``COMMON``.

    >>> cedict_classes()["北京"] & PROPER, cedict_classes()["卫星"] & PROPER
    (1, 0)
    """
    from .. import __version__

    return cached_pickle(f"cedict-classes-{__version__}-f{_FORMAT}.pickle", _build_cedict_classes)


_VARIANT = re.compile(r"^(?:old |archaic |unofficial )?variant of (\S)(?:\|(\S))?\[")


def _build_variant_characters() -> dict[str, str]:
    from ..text.lexicon import cedict_entries

    senses: dict[str, list[str]] = {}
    for _traditional, simplified, _pinyin, glosses in cedict_entries():
        if len(simplified) == 1:
            senses.setdefault(simplified, []).extend(glosses.split("/"))
    table: dict[str, str] = {}
    for char, glosses in senses.items():
        targets = set()
        for gloss in glosses:
            match = _VARIANT.match(gloss)
            if not match:
                break
            targets.add(match.group(2) or match.group(1))
        else:
            if len(targets) == 1 and char not in targets:
                table[char] = targets.pop()
    return table


@functools.lru_cache(maxsize=1)
def variant_characters() -> dict[str, str]:
    """Characters that CC-CEDICT knows only as a variant of one other character → that character.

    OpenCC's round trip is not always the identity (轿夫 → 轎伕 → 轿伕); mapping such
    variants makes Simplified and Traditional input give the same words.

    >>> variant_characters()["伕"]
    '夫'
    """
    from .. import __version__

    return cached_pickle(f"cedict-variants-{__version__}-f{_FORMAT}.pickle", _build_variant_characters)


def canonical_chinese(text: str) -> str:
    """``text`` with :func:`variant_characters` replaced, one character for one (positions are kept).

    >>> canonical_chinese("轿伕们")
    '轿夫们'
    """
    table = variant_characters()
    if table.keys().isdisjoint(text):  # most rows have no variant character: one scan in C
        return text
    return "".join(table.get(ch, ch) for ch in text)


@functools.lru_cache(maxsize=1)
def foreign_phrases() -> tuple[re.Pattern, frozenset[str]]:
    """A pattern of the Latin, French and Italian phrases English writes as they are (``resources/checks/english_foreign_phrases.txt``),
    with and without their accents, whole words only, any case; and the lower-case words of those phrases, so that a
    word in none of them is ruled out without the pattern (a search of hundreds of alternatives).

    >>> pattern, words = foreign_phrases()
    >>> [m.group() for m in pattern.finditer("Costs are shared pro rata, mutatis mutandis; a raison d'etre, de-facto.")]
    ['pro rata', 'mutatis mutandis', "raison d'etre", 'de-facto']
    >>> "facie" in words
    True
    """
    phrases: set[str] = set()
    for line in _resource_lines("english_foreign_phrases.txt"):
        phrases.update((line, fold_accents(line)))
    # Longest first, so that "status quo ante" is taken whole rather than "status quo"; the space of a phrase may be any
    # space, or a hyphen as an adjective writes it (the de-facto standard, an ad-hoc fix).
    alternatives = sorted((re.escape(p).replace(r"\ ", r"(?:\s+|-)") for p in phrases), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w'’-])", re.IGNORECASE)
    # A word as the typo check reads it keeps an inner apostrophe (d'être) or is cut there: both are listed.
    words = frozenset(word.lower() for phrase in phrases for cut in (r"[\s-]+", r"[\s'’-]+")
                      for word in re.split(cut, phrase) if word)
    return pattern, words


# Common British spellings and literary words the American-leaning list lacks are
# accepted through rules in typos.py; these few are simply added.
@functools.lru_cache(maxsize=1)
def english_words() -> dict[str, int]:
    """Lower-case English words → corpus frequency (pyspellchecker's list, and ``resources/checks/english_extra_words.txt``).

    >>> english_words()["government"] > 1000, "goverment" in english_words()
    (True, False)
    """
    data = _res.files("spellchecker").joinpath("resources").joinpath("en.json.gz").read_bytes()
    words: dict[str, int] = json.loads(gzip.decompress(data).decode("utf-8"))
    for line in _resource_lines("english_extra_words.txt"):
        for entry in line.split():
            # programme/program: as common as the American spelling, less by one, so that a slip one edit from
            # both (colur) is suggested as the list's (American) spelling, and one from the British alone
            # (favourte) as the British.
            word, _, american = entry.partition("/")
            words.setdefault(word, max(100, words.get(american, 0) - 1))
    return words
