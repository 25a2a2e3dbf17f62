"""Numbers as the aligner's keys (``#11``, ``month:3``), built from the typed mentions of :mod:`.zh` and :mod:`.en`."""

from __future__ import annotations

from .common import Mention
from .en import en_numbers
from .zh import zh_numbers

# ---------------------------------------------------------------------------------------------------------------
# Numbers as keys ('#11', 'month:3'): what the aligner anchors beads on, built from the same mentions.


def number_keys(mentions: list[Mention]) -> list[str]:
    """The aligner's keys of some mentions: ``#value`` for a number, ``month:n`` for a month.

    Weak mentions ("first", 第一, "both") are left out: they are everywhere and say little of a match.

    >>> number_keys(zh_numbers("3月11日，二十两银子，第一次"))
    ['month:3', '#11', '#20']
    """
    return [f"month:{m.value}" if m.month else f"#{m.value}" for m in mentions if not m.weak]


def zh_number_keys(text: str, words: list[str] | None = None) -> list[str]:
    """Return number and month keys found in Chinese text (:func:`zh_numbers`, then :func:`number_keys`).

    >>> zh_number_keys("2021年他们三个人走了二十里路，第五天到了。")
    ['#2021', '#3', '#20', '#5']
    """
    return number_keys(zh_numbers(text, words))


def en_number_keys(text: str) -> list[str]:
    """Return number and month keys found in English text (:func:`en_numbers`, then :func:`number_keys`).

    >>> en_number_keys("Twenty-three men left in 1987, three hundred stayed till May 4.")
    ['#23', '#1987', '#300', 'month:5', '#4']
    """
    return number_keys(en_numbers(text))
