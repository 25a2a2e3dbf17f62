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

Names in English text, for the stages that look for them:

* ``NAME_WORD``: a capital then lower-case letters (*Wang*, *Xi-feng*, *Liu's*); the aligner's name anchors;
* ``CAPITALISED``: any capitalised token, acronyms included (*USA*, *Sichuan*); proper nouns in dictionary glosses;
* ``ACRONYM``: two to four capitals, dotted or not (*UN*, *U.S.*); a country by its initials;
* ``NAME_RUN``: up to three capitalised words in a row (*Wang Guangcheng*, *Chengdu-Chongqing*); spellings compared.

>>> NAME_WORD.findall("Wang met the USA's Xi-feng."), ACRONYM.findall("the U.S. and UN")
(['Wang', 'Xi-feng'], ['U.S.', 'UN'])
"""

from __future__ import annotations

import re

CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CHARS}]")
CJK_RUN = re.compile(f"[{CJK_CHARS}]+")

LATIN_LETTERS = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"  # Latin-1 to Latin Extended-B, and the Additional block (ṣ, ṇ, ạ)
EN_WORD = re.compile(f"[{LATIN_LETTERS}]+(?:['’\\-][{LATIN_LETTERS}]+)*")

# What introduces a quotation after its speaker: a verb of speech (道, 说, 问 ...; 笑 alone, 她笑：“), a colon or a
# comma, the opening quote.  After a name, entity-missing leaves the speaker to the context; at a row's start,
# omission does not count the attribution when the English names no act of speech.
ZH_SPEECH_INTRO = r"(?:道|说|问|答|叫|喊|笑)[道了着]?[：:，,]?\s*[“「\"'‘]"

NAME_WORD = re.compile(r"\b[A-Z][a-z]+(?:['’-][A-Za-z]+)*")
CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'-]+")
ACRONYM = re.compile(r"\b[A-Z]{2,4}\b|\b(?:[A-Z]\.){2,4}")
NAME_RUN = re.compile(r"[A-Z][A-Za-z]*(?:['’\-][A-Za-z]+)*(?:[ \-][A-Z][A-Za-z]*(?:['’\-][A-Za-z]+)*){0,2}")
# Days and months: capitalised in English and in CC-CEDICT's glosses, yet no names (lower case).
CALENDAR_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
