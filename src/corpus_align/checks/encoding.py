"""encoding-artifact: damage left by converters and wrong encodings.

Evidence: the :class:`~corpus_align.model.Damage` records that normalization
attached to the row (pinyin annotations such as ``關(guān)`` in the Chinese;
``?`` glued between English words, U+FFFD, mojibake in the English).
Decision: every record is a finding; its repair is the suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator

from .context import CheckContext
from .registry import register

_DESCRIPTIONS = {
    "pinyin-annotation": "pinyin annotation {text!r} left in the Chinese",
    "glued-question-mark": "'?' glued between words in {context!r}, probably a lost space or dash",
    "replacement-character": "replacement character U+FFFD in the {side} (a character lost to a wrong encoding)",
    "mojibake": "mojibake {text!r} in the {side} (UTF-8 read as Windows-1252)",
}


@register(
    "encoding-artifact",
    severity="error",
    family="encoding",
    what="Pinyin annotations left in the Chinese (關(guān)于), a '?' glued between English words "
    "(Countries?went), the replacement character U+FFFD, or mojibake (â€™).",
    why="These are traces of a broken conversion: the text shown to readers is corrupted even when the "
    "translation is right, and the damage often hides a lost character.",
    example=("關(guān)于合作", "Friendship?with Foreign Countries"),
    silence="`--ignore encoding-artifact`, or repair the source file (the suggestion holds the repair).",
    false_positives="A '?' written on purpose between letters (URLs, code); parenthesised pinyin that an "
    "author wrote as a reading aid.",
)
def check_encoding(ctx: CheckContext) -> Iterator:
    for view in ctx.rows:
        row = view.row
        for side, text, damages in (("Chinese", row.zh, row.zh_damage), ("English", row.en, row.en_damage)):
            for damage in damages:
                context = _word_context(text, damage.start, damage.end) if text else damage.text
                template = _DESCRIPTIONS.get(damage.kind, "{kind} in the {side}")
                message = template.format(text=damage.text, context=context, side=side, kind=damage.kind)
                suggestion = damage.repair
                if damage.kind == "glued-question-mark":
                    suggestion = context.replace("?", damage.repair or " ")
                zh_text, en_text = (damage.text, "") if side == "Chinese" else ("", context or damage.text)
                yield ctx.finding("encoding-artifact", view, message, suggestion=suggestion, zh_text=zh_text, en_text=en_text)


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
