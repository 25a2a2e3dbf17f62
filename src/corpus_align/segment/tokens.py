"""Word tokenization: jieba for Chinese (with part-of-speech tags), a regular expression for English."""

from __future__ import annotations

import re

from .._lazy import jieba_posseg, jieba_tokenizer
from ..text.patterns import LATIN_LETTERS

# Words split at hyphens (a tokenizer's unit), numbers, and any other visible character.
_EN_TOKEN = re.compile(f"[{LATIN_LETTERS}]+(?:['’][{LATIN_LETTERS}]+)*|\\d+(?:[.,:]\\d+)*|\\S")

# jieba's HMM copies its best path at every character of a run it does not know, which is
# quadratic in the run (50,000 的 in a row take 20 s), so it is given text in pieces of at most
# this many characters.  A piece ends after a character outside jieba's blocks (its
# ``re_han_default``: punctuation, space, other scripts), where jieba cuts anyway, so the words
# are the same; only a longer run of block characters is cut where the limit falls.
JIEBA_PIECE_CHARS = 1000
# Up to the last character outside jieba's blocks (the complement of its re_han_default).
_UP_TO_BLOCK_END = re.compile(r".*[^\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]", re.DOTALL)


def _jieba_pieces(text: str, limit: int = JIEBA_PIECE_CHARS) -> list[str]:
    """``text`` in consecutive pieces of at most ``limit`` characters, cut where jieba's blocks end.

    >>> _jieba_pieces("你好，世界。", 4)
    ['你好，', '世界。']
    >>> _jieba_pieces("的" * 5, 2)
    ['的的', '的的', '的']
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        block_end = _UP_TO_BLOCK_END.match(text, start, start + limit)
        cut = block_end.end() if block_end else start + limit  # else one block longer than the limit
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def tokenize_zh(text: str) -> list[str]:
    """Split Chinese text into words with jieba (precise mode), white space dropped.

    >>> tokenize_zh("王广成率队赴四川省调研")
    ['王广成', '率队', '赴', '四川省', '调研']
    """
    cut = jieba_tokenizer().lcut
    return [word for piece in _jieba_pieces(text) for word in cut(piece) if word.strip()]


def pos_tag_zh(text: str) -> list[tuple[str, str]]:
    """Split Chinese text into ``(word, part-of-speech)`` pairs with jieba.posseg (ICTCLAS tags: nr person, ns place, nt organization ...).

    >>> pos_tag_zh("王广成去重庆")[0]
    ('王广成', 'nr')
    """
    return [(pair.word, pair.flag) for pair in jieba_posseg().lcut(text) if pair.word.strip()]


def tokenize_en(text: str) -> list[str]:
    """Split English text into words, numbers and punctuation marks.

    >>> tokenize_en("People's 3.5 million, U.S.")
    ["People's", '3.5', 'million', ',', 'U', '.', 'S', '.']
    """
    return _EN_TOKEN.findall(text)
