"""Chinese sentence splitting by punctuation rules.

A sentence ends after 。！？!?； (and after an ellipsis …… that closes a
quotation or the paragraph), together with the closing quotes and brackets
that follow the end mark (」』”’） ...). Nothing inside a 《title》 ends a
sentence, and ASCII commas and full stops (3.5, 1,000) never do.
"""

from __future__ import annotations

import re

END_MARKS = frozenset("。！？!?；")
ELLIPSIS = frozenset("…⋯")
CLOSERS = frozenset("」』”’）)》〉】］]\"'")
_TITLE_OPEN, _TITLE_CLOSE = "《", "》"
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_SPACES = re.compile(r"\s*")


def split_zh(text: str) -> list[tuple[int, int]]:
    """Split Chinese ``text`` into sentences; return their ``(start, end)`` spans, white space trimmed.

    >>> text = "他說：「好！」我們走吧。《關於合作。協議》已簽。"
    >>> [text[s:e] for s, e in split_zh(text)]
    ['他說：「好！」', '我們走吧。', '《關於合作。協議》已簽。']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    title_depth = 0
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == _TITLE_OPEN:
            title_depth += 1
        elif char == _TITLE_CLOSE:
            title_depth = max(0, title_depth - 1)
        if title_depth == 0 and (char in END_MARKS or char in ELLIPSIS):
            end = i + 1
            while end < n and (text[end] in END_MARKS or text[end] in ELLIPSIS):
                end += 1
            marks = text[i:end]
            while end < n and text[end] in CLOSERS:
                end += 1
            if _ends_sentence(text, i, end, marks):
                spans.append((start, end))
                start = end
            i = end
            continue
        i += 1
    spans.append((start, n))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _ends_sentence(text: str, mark_start: int, end: int, marks: str) -> bool:
    # Where the following text starts, found in place: a copy of the rest of the text at every
    # end mark would make a line of thousands of them quadratic.
    following = _SPACES.match(text, end).end()  # type: ignore[union-attr]  # \s* matches everywhere
    if following == len(text):
        return True
    closed = end > mark_start + len(marks)
    if all(mark in ELLIPSIS for mark in marks):
        # A bare ellipsis inside a paragraph is a pause (我叫…… 叫小玄子。); it
        # ends a sentence only when it closes a quotation.
        return closed
    # Yahoo!公司 is fine, but "Yahoo!Inc" is one token.
    return not (marks[-1] in "!?" and not closed and _ASCII_ALNUM.match(text, following))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    chunk = text[start:end]
    if not chunk.strip():
        return None
    return start + len(chunk) - len(chunk.lstrip()), end - (len(chunk) - len(chunk.rstrip()))
