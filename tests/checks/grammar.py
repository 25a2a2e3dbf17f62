"""A small grammar lint for the checks' messages: the slips that assembling messages from values makes.

Independent of :mod:`corpus_align.text.wording` on purpose: it judges by its own simple rules, so a
mistake in the helpers the messages use is caught rather than repeated.
"""

from __future__ import annotations

import re

# Vowel letters that sound as consonants (a union, a one-off), and a silent h (an hour).
_A_BEFORE_VOWEL_OK = re.compile(r"^(?:uni|use|usu|eu|one|once)", re.I)
_AN_BEFORE_CONSONANT_OK = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)
_ARTICLE = re.compile(r"\b(a|an|A|An) ['\"‘“(]?([A-Za-z][\w-]*)")
# The nouns the messages count; a count of one takes the singular, any other count the plural.
_COUNTED = re.compile(
    r"(?<![\d.,-])\b(\d+) (?:[A-Z][a-z]+ |content )?(clause|word|sentence|character|row|span|number)(s?)\b"
)
# A list of several values as the subject of a singular verb: "3, 5 in the Chinese is missing".
_LIST_WITH_SINGULAR_VERB = re.compile(r"\S+, \S+ in the (?:Chinese|English) (?:is|has)\b")
_HEDGED_PLURAL = re.compile(r"\w+\(s\)")
_DEMONSTRATIVE = re.compile(r"\bthese 1\b|\bthis (?:0|[2-9]|\d\d+)\b")


def grammar_slips(message: str) -> list[str]:
    """The pieces of ``message`` that break a rule: 'a' before a vowel, '1 clauses', '3 clause', 'clause(s)'.

    >>> grammar_slips("the Chinese is not a exclamation; has 1 clauses for 3 clause(s)")
    ['a exclamation', '1 clauses', '3 clause', 'clause(s)']
    >>> grammar_slips("an exclamation, a union, an hour, 1 clause, 3 Chinese sentences, 0 content words")
    []
    """
    slips = []
    for match in _ARTICLE.finditer(message):
        article, word = match.group(1).lower(), match.group(2)
        vowel = word[0].lower() in "aeiou"
        a_before_vowel = article == "a" and vowel and not _A_BEFORE_VOWEL_OK.match(word)
        an_before_consonant = article == "an" and not vowel and not _AN_BEFORE_CONSONANT_OK.match(word)
        if a_before_vowel or an_before_consonant:
            slips.append(match.group())
    for match in _COUNTED.finditer(message):
        one, plural = match.group(1) == "1", bool(match.group(3))
        if one == plural:
            slips.append(match.group())
    slips += [m.group() for m in _LIST_WITH_SINGULAR_VERB.finditer(message)]
    slips += [m.group() for m in _HEDGED_PLURAL.finditer(message)]
    slips += [m.group() for m in _DEMONSTRATIVE.finditer(message)]
    return slips
