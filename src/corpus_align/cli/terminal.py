"""Text bound for a terminal: document text and file names never reach it raw."""

from __future__ import annotations

import re

# C0 and C1 control characters (ESC starts the sequences that move the cursor, retitle the window or
# rewrite the screen), DEL, and the bidirectional overrides that can reorder what a reviewer reads.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe_for_terminal(text: str, *, keep_newlines: bool = False) -> str:
    r"""Escape control characters so that printing ``text`` shows them instead of obeying them.

    Tabs are kept; newlines only with ``keep_newlines`` (one finding, one line).

    >>> safe_for_terminal("red \x1b[31mtext\x1b[0m\r")
    'red \\x1b[31mtext\\x1b[0m\\r'
    >>> safe_for_terminal("a\nb"), safe_for_terminal("a\nb", keep_newlines=True)
    ('a\\nb', 'a\nb')
    """
    if not keep_newlines:
        text = text.replace("\n", "\\n")
    return _UNSAFE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)
