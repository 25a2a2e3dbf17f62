"""Word tokenization: jieba for Chinese (with part-of-speech tags), a regular expression for English."""

from __future__ import annotations

import re

from .._lazy import jieba_posseg, jieba_tokenizer

_EN_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*|\S")


def tokenize_zh(text: str) -> list[str]:
    """Split Chinese text into words with jieba (precise mode), white space dropped.

    >>> tokenize_zh("王广成率队赴四川省调研")
    ['王广成', '率队', '赴', '四川省', '调研']
    """
    return [word for word in jieba_tokenizer().lcut(text) if word.strip()]


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
