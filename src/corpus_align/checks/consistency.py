"""inconsistent-spelling: one name or term spelled two ways in the English of one document.

Evidence: every capitalised word (and every run of two or three capitalised
words) of the document grouped under its letters-only, lower-case key, so
``People's``/``Peoples`` and ``Xi-feng``/``Xifeng``/``Xi Feng`` fall together,
with the rows that use each spelling.  Decision: a key written in two or more
ways, at least one of them capitalised inside a sentence (a name or term, not
just a sentence-initial word), is reported on the rows that use the other
spellings, suggesting the glossary's spelling when a glossary target spells
the name (``corpus-align terms`` writes such glossaries), else the most
common one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..model import GlossaryEntry
from ..text.patterns import NAME_RUN
from .context import CheckContext, at_sentence_start, name_key, written_in_source
from .registry import register
from .resources import english_words

# "the Jias", "the Wangs": a family as a plural, not a misspelt possessive (Jia's).
_FAMILY_PLURAL = re.compile(r"\b[Tt]he ([A-Z][a-z]+s)\b(?![ \-][A-Z])")
# One capitalised word of a run of NAME_RUN.
_CAPITALISED_WORD = re.compile(r"[A-Z][A-Za-z]*(?:['’\-][A-Za-z]+)*")
COMMON_WORD_FREQUENCY = 5000  # a sentence-initial word this common in English is a word, not a name


def spellings(text: str) -> list[tuple[str, str, bool, bool]]:
    """``(key, surface, inside_sentence, in_name)`` for capitalised words and runs of them; ``in_name`` when another
    capitalised word follows (*Peoples* in *Peoples Association*).

    >>> [s for s in spellings("the Chongqing Peoples Association") if s[1] == "Peoples"]
    [('peoples', 'Peoples', True, True)]
    >>> [s[1] for s in spellings("the C PYTHON_API_VERSION macro of CPython, webbrowser.MacOSX, #CrossCountryFlight")]
    ['CPython']
    """
    out = []
    for run in NAME_RUN.finditer(text):
        before = text[max(0, run.start() - 2) : run.start()]
        if text[run.end() : run.end() + 1] == "_" or before[-1:] in ("_", "#") or before[-1:] == "." and before[:1].isalnum():
            continue  # part of an identifier (PYTHON_API_VERSION, _Py_NoneStruct, webbrowser.MacOSX) or a hashtag: no name
        words = list(_CAPITALISED_WORD.finditer(run.group()))
        inside = not at_sentence_start(text, run.start())
        for i, word in enumerate(words):
            surface = word.group().replace("’", "'")
            if _compound_of_a_word(surface):
                continue
            out.append((name_key(surface), surface, inside or i > 0, i + 1 < len(words)))
        if len(words) in (2, 3) and all(len(w.group()) <= 8 for w in words):
            surface = run.group().replace("’", "'")
            out.append((name_key(surface), surface, inside, True))
    return out


# A name hyphened to a common English word in lower case: an adjective made of the name (Yang-style, Qing-era,
# Beijing-based), which a title writes as two words (Yang Style) without spelling the name another way.
_HYPHENED_WORD = re.compile(r"([A-Z][A-Za-z]*)-([a-z]+)")


def _compound_of_a_word(surface: str) -> bool:
    """True when ``surface`` is a name hyphened to a common English word in lower case (not two words: *Clean-up*
    beside *Cleanup* is a spelling of one term, which the check reports).

    >>> [_compound_of_a_word(w) for w in ("Yang-style", "Beijing-based", "Xi-feng", "Clean-up", "Run-time")]
    [True, True, False, False, False]
    """
    match = _HYPHENED_WORD.fullmatch(surface) if "-" in surface else None
    words = english_words()
    return (match is not None and words.get(match.group(2), 0) >= COMMON_WORD_FREQUENCY
            and words.get(match.group(1).lower(), 0) < COMMON_WORD_FREQUENCY)


def glossary_spellings(glossary: Iterable[GlossaryEntry]) -> set[str]:
    """The capitalised words and runs of the glossary's English targets, as :func:`spellings` reads them.

    >>> sorted(glossary_spellings([GlossaryEntry("凤姐", "凤姐", "Xi-feng")]))
    ['Xi-feng']
    """
    return {surface for entry in glossary for _key, surface, _inside, _followed in spellings(entry.target)}


def _form(surface: str) -> str:
    """A spelling as the check compares it: an all-capital one (CHONGQING, OSX) as a capitalised word."""
    return surface if not surface.isupper() else surface.capitalize()


def _plural_and_possessive(forms: Iterable[str], in_name: set[str]) -> bool:
    """True when the forms are a word's plural and its possessive (*Ministers*, *Minister's*), not both inside a name:
    two words, not two spellings of one (*Peoples Association* beside *People's Association* is a slip)."""
    bare = {form.lower().replace("'s", "s").replace("s'", "s") for form in forms}
    return len(bare) == 1 and not all(form in in_name for form in forms)


@register(
    "inconsistent-spelling",
    severity="warning",
    family="consistency",
    what="A name or capitalised term written two ways in the English of one document: People's / Peoples, "
    "Xi-feng / Xifeng / Xi Feng. A spelling the row's Chinese writes the same way is copied from the source and "
    "never the one reported.",
    why="Readers take two spellings for two different people or bodies; consistent names are a basic "
    "requirement of publishers and clients.",
    example=("重庆市人民对外友好协会负责人参加了座谈。", "The heads of Chongqing Peoples Association ... (where "
             "other rows write People's)"),
    silence="`--ignore inconsistent-spelling`; put the intended spelling in the glossary, and the other spellings are the "
    "ones reported.",
    false_positives="A plural of a family name without 'the' ('both Wangs' / 'Wang's'); two different people "
    "whose romanized names differ only by a hyphen.",
)
def check_inconsistent(ctx: CheckContext) -> Iterator:
    rows_of: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    named: set[str] = set()
    in_name: set[str] = set()
    copied: set[tuple[int, str]] = set()
    words = english_words()
    for index, view in enumerate(ctx.rows):
        if not view.row.en:
            continue
        plurals = {m.group(1) for m in _FAMILY_PLURAL.finditer(view.row.en)}
        for key, surface, inside, followed in spellings(view.row.en):
            if len(key) < 3 or surface in plurals:
                continue
            if written_in_source(surface, view.row.zh_normalized):  # the source's spelling (Jesse-Bakker, OSX):
                copied.add((index, _form(surface)))                 # a variant to compare with, never the slip
            if followed:
                in_name.add(surface)
            if not inside and words.get(surface.split(" ")[0].lower(), 0) >= COMMON_WORD_FREQUENCY:
                continue  # an English word opening a sentence ("Yes", "In C"), not a spelling of a name ("Ye's", "Inc")
            if surface.isupper() and len(surface) >= 5 and " " not in surface:
                continue  # an identifier (PYTHONUTF8, CPUTIME), not a spelling of the words it runs together
            rows_of[key][surface].add(index)
            if inside:
                named.add(key)
    preferred = glossary_spellings(ctx.glossary)
    reported: set[tuple[int, str]] = set()
    for key, variants in rows_of.items():
        if len(variants) < 2 or key not in named:
            continue
        # Only spelling differences count, not case ("CHONGQING", sentence-initial capitals).
        by_form: dict[str, set[int]] = defaultdict(set)
        for surface, rows in variants.items():
            by_form[_form(surface)] |= rows
        forms = {f: r for f, r in by_form.items() if f.lower() != f}
        lowered = {f.lower() for f in forms}
        if len(forms) < 2 or len(lowered) < 2 and len({f.replace(" ", "") for f in forms}) < 2:
            continue
        if _plural_and_possessive(forms, in_name):
            continue
        # The client's spelling first, however rare in this document; then the commonest.
        ranked = sorted(forms.items(), key=lambda item: (item[0] not in preferred, -len(item[1]), item[0]))
        main = ranked[0][0]
        for form, rows in ranked[1:]:
            if form.lower() == main.lower():
                continue
            for index in sorted(rows):
                if (index, form) in reported or (index, form) in copied:
                    continue
                reported.add((index, form))
                yield ctx.finding(
                    "inconsistent-spelling", ctx.rows[index],
                    f"'{form}' is spelled '{main}' elsewhere in the document",
                    en_text=form, suggestion=main,
                )
