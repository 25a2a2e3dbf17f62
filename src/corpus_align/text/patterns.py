"""The character classes every layer reads Chinese by: one definition, so that no two stages disagree.

``CJK_CHARS`` is the body of a character class: the CJK Unified Ideographs, Extension A and the
compatibility ideographs (U+F900-U+FAFF; 﨑, 﨟 ...).  Text outside the Basic Multilingual Plane
(Extensions B and later) is rare in translations and left out, as jieba and OpenCC leave it.

>>> CJK.findall("他去了Beijing，㐀 也去了。")
['他', '去', '了', '㐀', '也', '去', '了']
>>> CJK_RUN.findall("A 重庆 B 成都")
['重庆', '成都']
"""

from __future__ import annotations

import re

CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CHARS}]")
CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
