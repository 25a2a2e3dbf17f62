"""The English of messages: a count with its noun in the right number, 'a' or 'an', a short list.

Messages are assembled from values (counts, words, marks), so their grammar is
decided at run time; these helpers decide it in one place.

>>> counted(1, "clause"), counted(3, "clause"), counted(0, "content word")
('1 clause', '3 clauses', '0 content words')
>>> with_article("exclamation"), with_article("question")
('an exclamation', 'a question')
>>> listed(["關(guān)于", "記(jì)者", "經(jīng)濟"], limit=2)
'關(guān)于, 記(jì)者, …'
"""

from __future__ import annotations

from collections.abc import Sequence

# Words that start with a vowel letter but a consonant sound (a union, a European, a one-off), and
# words that start with a silent h (an hour): the exceptions to choosing the article by the first letter.
_CONSONANT_SOUND = ("uni", "use", "usu", "uti", "eu", "one", "once", "ubiq", "ura", "ure", "uri")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")


def plural(noun: str) -> str:
    """The regular plural of an English noun (or of the last word of a noun phrase).

    >>> plural("clause"), plural("glossary entry"), plural("match"), plural("day")
    ('clauses', 'glossary entries', 'matches', 'days')
    """
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def counted(count: int, noun: str, noun_plural: str | None = None) -> str:
    """``count`` and ``noun``, the noun plural unless the count is one (``noun_plural`` for irregular ones).

    >>> counted(1, "Han character"), counted(12, "Han character"), counted(2, "person", "people")
    ('1 Han character', '12 Han characters', '2 people')
    """
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun_plural or plural(noun)}"


def article(word: str) -> str:
    """'a' or 'an' for the word it goes before, by the sound its spelling usually has.

    >>> article("exclamation"), article("unbalanced"), article("union"), article("hour"), article("question")
    ('an', 'an', 'a', 'an', 'a')
    """
    lower = word.lower().lstrip("'\"‘“(")
    if lower.startswith(_SILENT_H):
        return "an"
    if lower[:1] in ("a", "e", "i", "o", "u") and not lower.startswith(_CONSONANT_SOUND):
        return "an"
    return "a"


def with_article(phrase: str) -> str:
    """``phrase`` with 'a' or 'an' before it.

    >>> with_article("English word"), with_article("Chinese word")
    ('an English word', 'a Chinese word')
    """
    return f"{article(phrase)} {phrase}"


def listed(items: Sequence[str], *, limit: int = 5) -> str:
    """The first ``limit`` items joined by commas, '…' after them when there are more.

    >>> listed(["a", "b"]), listed(["a", "b", "c"], limit=2)
    ('a, b', 'a, b, …')
    """
    shown = ", ".join(items[:limit])
    return shown + ", …" if len(items) > limit else shown


__all__ = ["article", "counted", "listed", "plural", "with_article"]
