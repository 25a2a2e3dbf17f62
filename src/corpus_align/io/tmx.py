"""TMX 1.4b output for CAT tools: one translation unit per bead that has both sides.

A translation memory feeds later translations, so by default it stores the
text repaired (a converter's pinyin annotations removed, ``?`` glued between
words and mojibake undone), not the damage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..model import Alignment
from .records import join_sentences, shown_sentences

# Characters XML 1.0 forbids: C0 controls other than tab/LF/CR, surrogates, U+FFFE/U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class TmxResult:
    """The TMX document, the characters that XML forbids removed from it as ``(row, repr)`` pairs, and the
    one-sided rows (1-0, 0-1) ``left_out``."""

    text: str
    removed: tuple[tuple[int, str], ...]
    left_out: tuple[int, ...] = ()


def _clean(text: str, row: int, removed: list[tuple[int, str]]) -> str:
    for match in _XML_FORBIDDEN.finditer(text):
        removed.append((row, repr(match.group(0))))
    return _XML_FORBIDDEN.sub("", text)


def zh_language_tag(alignment: Alignment, *, text: str = "repaired") -> str:
    """``zh-Hant`` for Traditional text, ``zh-Hans`` otherwise (and whenever ``text`` is ``simplified``).

    >>> from corpus_align import align
    >>> zh_language_tag(align("關於重慶。", "About Chongqing.")), zh_language_tag(align("关于重庆。", "About Chongqing."))
    ('zh-Hant', 'zh-Hans')
    >>> zh_language_tag(align("關於重慶。", "About Chongqing."), text="simplified")
    'zh-Hans'
    """
    return "zh-Hant" if alignment.zh.script == "traditional" and text != "simplified" else "zh-Hans"


def to_tmx(alignment: Alignment, *, text: str = "repaired") -> TmxResult:
    """Render the alignment as TMX 1.4b (valid against the TMX 1.4b DTD).

    ``text`` is how segments show the text: ``repaired`` (the default),
    ``original`` or ``simplified`` (see :func:`~corpus_align.io.records.shown_sentences`).
    Null beads (1-0, 0-1) are left out, their rows listed in ``left_out``: a
    translation memory pairs texts. Text is escaped; characters that XML
    cannot carry are removed and listed in ``removed``.

    >>> from corpus_align import align
    >>> tmx = to_tmx(align("你好。", "Hello <world>."))
    >>> "<seg>Hello &lt;world&gt;.</seg>" in tmx.text, tmx.removed
    (True, ())
    >>> "<seg>Countries went.</seg>" in to_tmx(align("國家去了。", "Countries?went.")).text
    True
    """
    from .. import __version__

    source_lang = zh_language_tag(alignment, text=text)
    zh_shown, en_shown = shown_sentences(alignment.zh, text=text), shown_sentences(alignment.en, text=text)
    removed: list[tuple[int, str]] = []
    left_out: list[int] = []
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="corpus-align" creationtoolversion={quoteattr(__version__)} segtype="sentence"'
        f' o-tmf="corpus-align" adminlang="en" srclang="{source_lang}" datatype="plaintext"/>',
        "  <body>",
    ]
    for row, bead in alignment.rows():
        if not bead.zh or not bead.en:
            left_out.append(row)
            continue
        zh = escape(_clean(join_sentences(alignment.zh, zh_shown, bead.zh), row, removed))
        en = escape(_clean(join_sentences(alignment.en, en_shown, bead.en), row, removed))
        lines += [
            f'    <tu tuid="{row}">',
            f'      <prop type="x-bead">{bead.type}</prop>',
            f'      <prop type="x-score">{bead.score:.3f}</prop>',
            f'      <tuv xml:lang="{source_lang}"><seg>{zh}</seg></tuv>',
            f'      <tuv xml:lang="en"><seg>{en}</seg></tuv>',
            "    </tu>",
        ]
    lines += ["  </body>", "</tmx>"]
    return TmxResult("\n".join(lines) + "\n", tuple(removed), tuple(left_out))
