"""encoding-artifact: damage left by converters and wrong encodings.

Evidence: the :class:`~corpus_align.model.Damage` records that normalization
attached to the row (pinyin annotations such as ``關(guān)`` in the Chinese;
``?`` glued between English words, U+FFFD, mojibake in the English).
Decision: a row with damage is one finding, whatever the number of damaged
spans: a web converter annotates a dozen characters of a sentence, and a
dozen findings for one repair would bury the rest of the report.  The
message lists the damaged spans by kind, the suggestion their repairs, and
the finding's :attr:`~corpus_align.model.Finding.spans` locate every one.

>>> from corpus_align.checks import check_rows, rows_from_pairs
>>> [finding] = check_rows(rows_from_pairs([("關(guān)于合作", "Friendship?with Foreign Countries")]))
>>> print(*finding.message.split("; "), sep=";\\n")
pinyin left by a web converter in the Chinese: 關(guān)于;
'?' glued between words in the English, probably a lost space or dash: Friendship?with
>>> [(span.side, span.start, span.end, span.text) for span in finding.spans]
[('zh', 1, 7, '(guān)'), ('en', 10, 11, '?')]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Damage, Lang, Span
from ..text.patterns import CJK
from ..text.wording import listed
from .context import CheckContext
from .registry import register

# What each kind of damage is, as the message names it; {side} is "Chinese" or "English".
_DESCRIPTIONS = {
    "pinyin-annotation": "pinyin left by a web converter in the {side}",
    "glued-question-mark": "'?' glued between words in the {side}, probably a lost space or dash",
    "replacement-character": "the replacement character U+FFFD (a character lost to a wrong encoding) in the {side}",
    "mojibake": "mojibake (UTF-8 read as Windows-1252) in the {side}",
    "html-entity": "HTML character references left by a converter in the {side}",
}
# Damaged spans a message names; the rest are counted ("… (26 in this row)") and kept in the finding's spans.
SHOWN_SPANS = 5


@register(
    "encoding-artifact",
    severity="error",
    family="encoding",
    what="Pinyin annotations left in the Chinese (關(guān)于), a '?' glued between English words "
    "(Countries?went), the replacement character U+FFFD, mojibake (â€™), or HTML character references (A&amp;B) "
    "that the other side does not write too. One finding per row lists every damaged span of the row.",
    why="These are traces of a broken conversion: the text shown to readers is corrupted even when the "
    "translation is right, and the damage often hides a lost character.",
    example=("關(guān)于合作", "Friendship?with Foreign Countries"),
    silence="`--ignore encoding-artifact`, or repair the source file (the suggestion holds the repair).",
    false_positives="A '?' written on purpose between letters (URLs, code); parenthesised pinyin that an "
    "author wrote as a reading aid; English that writes an HTML reference on purpose while the Chinese shows the "
    "character (a page about HTML escaping).",
)
def check_encoding(ctx: CheckContext) -> Iterator:
    for view in ctx.rows:
        row = view.row
        if not row.zh_damage and not row.en_damage:
            continue
        # The same references on both sides are an escaped file (XLIFF, HTML), not damage.
        zh_damage = tuple(d for d in row.zh_damage if not (d.kind == "html-entity" and d.text in row.en))
        en_damage = tuple(d for d in row.en_damage if not (d.kind == "html-entity" and d.text in row.zh))
        if not zh_damage and not en_damage:
            continue
        parts: list[str] = []
        evidence: dict[str, list[str]] = {"zh": [], "en": []}
        repairs: list[str] = []
        spans: list[Span] = []
        sides: tuple[tuple[Lang, str, tuple[Damage, ...]], ...] = (("zh", row.zh, zh_damage), ("en", row.en, en_damage))
        for side, text, damages in sides:
            for kind, group in _by_kind(damages):
                contexts = [_context(side, text, d) for d in group]
                parts.append(damage_message(kind, "Chinese" if side == "zh" else "English", contexts))
                evidence[side] += contexts
                repairs += [_repaired(d, context) for d, context in zip(group, contexts, strict=True)
                            if d.kind != "replacement-character"]
                spans += [Span(side, d.start, d.end, d.text) for d in group]
        yield ctx.finding("encoding-artifact", view, "; ".join(parts), zh_text=_shown(evidence["zh"]),
                          en_text=_shown(evidence["en"]), suggestion=_shown([r for r in repairs if r]), spans=spans)


def damage_message(kind: str, side: str, shown: Sequence[str]) -> str:
    """The part of the message for one kind of damage on one side: what it is, the spans, how many when not all are shown.

    >>> damage_message("pinyin-annotation", "Chinese", ["關(guān)于"])
    'pinyin left by a web converter in the Chinese: 關(guān)于'
    >>> damage_message("mojibake", "English", [f"{n}â€™s" for n in range(7)])
    'mojibake (UTF-8 read as Windows-1252) in the English: 0â€™s, 1â€™s, 2â€™s, 3â€™s, 4â€™s, … (7 in this row)'
    """
    description = _DESCRIPTIONS.get(kind, kind + " in the {side}").format(side=side)
    more = f" ({len(shown)} in this row)" if len(set(shown)) > SHOWN_SPANS else ""
    return f"{description}: {_shown(shown)}{more}"


def _shown(items: Sequence[str]) -> str:
    """The first :data:`SHOWN_SPANS` distinct items (a span repeated in a row is named once)."""
    return listed(list(dict.fromkeys(items)), limit=SHOWN_SPANS)


def _by_kind(damages: Sequence[Damage]) -> list[tuple[str, list[Damage]]]:
    """The damage of one side grouped by kind, kinds in the order they first occur, each group in text order."""
    groups: dict[str, list[Damage]] = {}
    for damage in sorted(damages, key=lambda d: d.start):
        groups.setdefault(damage.kind, []).append(damage)
    return list(groups.items())


def _context(side: str, text: str, damage: Damage) -> str:
    """The damaged span as a reviewer can find it: widened to whole words in English, to the annotated character
    and the one after it in Chinese (``關(guān)于``)."""
    if not text:
        return damage.text
    return _word_context(text, damage.start, damage.end) if side == "en" else _han_context(text, damage.start, damage.end)


def _repaired(damage: Damage, context: str) -> str:
    """The context with the damage repaired: the annotation removed, the '?' a space, the mojibake its character.

    >>> _repaired(Damage("glued-question-mark", 9, 10, "?", ""), "Countries?went")
    'Countries went'
    """
    repair = damage.repair or (" " if damage.kind == "glued-question-mark" else "")
    return context.replace(damage.text, repair, 1)


def _han_context(text: str, start: int, end: int) -> str:
    """The damaged span with the Chinese character on each side of it, if there is one.

    >>> _han_context("推動成渝地區(qū)雙城", 6, 10)
    '區(qū)雙'
    """
    if start > 0 and CJK.match(text[start - 1]):
        start -= 1
    if end < len(text) and CJK.match(text[end]):
        end += 1
    return text[start:end]


# A word is never longer than this; the bound keeps a line of thousands of damaged letters
# (ÃªÃªÃª…, every pair a mojibake record) from widening each record over the whole line.
CONTEXT_MAX_CHARS = 40


def _word_context(text: str, start: int, end: int) -> str:
    """The damaged span widened to whole words on both sides (``Countries?went``), so a reviewer can find it.

    At most :data:`CONTEXT_MAX_CHARS` characters are added on each side.

    >>> _word_context("Foreign Countries?went to", 17, 18)
    'Countries?went'
    >>> len(_word_context("a" * 1000 + "?" + "b" * 1000, 1000, 1001))
    81
    """
    lowest, highest = max(0, start - CONTEXT_MAX_CHARS), min(len(text), end + CONTEXT_MAX_CHARS)
    while start > lowest and text[start - 1].isalnum():
        start -= 1
    while end < highest and text[end].isalnum():
        end += 1
    return text[start:end]
