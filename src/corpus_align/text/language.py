"""Which language a text is written in: its Han characters weighed against its English words.

A Han character carries about as much as an English word, so the two are
counted one for one; letters are not, or a Chinese line with a few product
names (``在 Visual Studio Code 中安装 Python 扩展``) would outweigh its Chinese.
Markup and code are no language of either side and are left out before
counting: tags and character entities, URLs, e-mail addresses, code in
backticks, placeholders (``{name}``, ``%s``, ``%(count)d``) and snake_case
identifiers.

>>> language_evidence('他在会上说：<b class="quote">这个计划很好</b>。')
LanguageEvidence(han=11, english_words=0)
>>> language_evidence("在 Visual Studio Code 中安装 Python 扩展").lang
'zh'
>>> language_evidence("The 成渝 region of Sichuan").describe()
'2 Han characters, 4 English words'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Lang
from .patterns import CJK, EN_WORD
from .wording import counted

# What is neither Chinese nor English prose, removed before counting (one pattern, tried left to right).
_NOT_PROSE = re.compile(
    "|".join(
        (
            r"```.*?```",  # a fenced code block
            r"`[^`\n]{1,300}`",  # inline code
            r"<!--.*?-->",  # an HTML comment
            r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,500})?/?>",  # a tag with its attributes
            r"&(?:[A-Za-z]{2,10}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});",  # a character entity
            r"\b(?:https?|ftp)://[\x21-\x7e]+|\bwww\.[\x21-\x7e]+",  # a URL: printable ASCII, so it stops at Chinese
            # An e-mail address: its local part starts a run (at most 64 characters), so that a huge word is not read
            # again from each of its characters in search of an @.
            r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
            r"\{\{?[^{}\s]{0,60}\}\}?|\$\{[^{}\s]{1,60}\}",  # {placeholder}, {{ name }}, ${var}
            r"%(?:\([A-Za-z_]\w*\))?[-+ #0]*\d*(?:\.\d+)?[sdifr]\b",  # printf: %s, %d, %(count)d
            r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b",  # a snake_case identifier
        )
    ),
    re.S,
)


@dataclass(frozen=True)
class LanguageEvidence:
    """The Han characters and English words of a text, markup and code left out, and the language they show."""

    han: int
    english_words: int

    @property
    def lang(self) -> Lang | None:
        """``zh`` when the Han characters are at least as many as the English words, ``en`` when fewer, ``None`` with neither.

        >>> LanguageEvidence(12, 340).lang, LanguageEvidence(3, 3).lang, LanguageEvidence(0, 0).lang
        ('en', 'zh', None)
        """
        if self.han == 0 and self.english_words == 0:
            return None
        return "zh" if self.han >= self.english_words else "en"

    def describe(self) -> str:
        """The counts for a message: ``12 Han characters, 340 English words``.

        >>> LanguageEvidence(1, 1).describe()
        '1 Han character, 1 English word'
        """
        return f"{counted(self.han, 'Han character')}, {counted(self.english_words, 'English word')}"


def prose(text: str) -> str:
    """``text`` with markup and code replaced by spaces: what is left to count.

    >>> prose("见 `pip install x` 或 https://example.com/a?b=1，联系 a.b@example.org。")
    '见   或  ，联系  。'
    """
    return _NOT_PROSE.sub(" ", text)


def language_evidence(text: str) -> LanguageEvidence:
    """Count the Han characters and the English words of ``text``'s prose (:func:`prose`).

    >>> language_evidence("Hello, 世界! See https://example.com or {name}.")
    LanguageEvidence(han=2, english_words=3)
    """
    kept = prose(text)
    return LanguageEvidence(len(CJK.findall(kept)), len(EN_WORD.findall(kept)))


__all__ = ["LanguageEvidence", "language_evidence", "prose"]
