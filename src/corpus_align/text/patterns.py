"""The character classes every layer reads Chinese by: one definition, so that no two stages disagree.

``CJK_CHARS`` is the body of a character class: the CJK Unified Ideographs, Extension A and the
compatibility ideographs (U+F900-U+FAFF; 﨑, 﨟 ...).  Text outside the Basic Multilingual Plane
(Extensions B and later) is rare in translations and left out, as jieba and OpenCC leave it.

>>> CJK.findall("他去了Beijing，㐀 也去了。")
['他', '去', '了', '㐀', '也', '去', '了']
>>> CJK_RUN.findall("A 重庆 B 成都")
['重庆', '成都']

``LATIN_LETTERS`` and ``EN_WORD`` are the same for English: a word is a run of Latin letters
(accented ones too: *café*, *Zoë*) with inner apostrophes and hyphens (*don't*, *Xi-feng*).
Every stage that reads English words uses ``EN_WORD``; a tokenizer that must split at hyphens
builds its own pattern from ``LATIN_LETTERS``.

>>> EN_WORD.findall("Xi-feng’s café didn't open (at 9).")
['Xi-feng’s', 'café', "didn't", 'open', 'at']
"""

from __future__ import annotations

import re

CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CHARS}]")
CJK_RUN = re.compile(f"[{CJK_CHARS}]+")

LATIN_LETTERS = "A-Za-z\u00c0-\u024f"
EN_WORD = re.compile(f"[{LATIN_LETTERS}]+(?:['’\\-][{LATIN_LETTERS}]+)*")
