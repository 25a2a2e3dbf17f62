"""Normalize text for analysis, and record the damage found on the way.

Chinese: pinyin annotations left by web converters are removed (``關(guān)于`` →
``關于``), full-width digits and Latin letters are folded to ASCII, and the
text is converted to Simplified Chinese with OpenCC. English: white space is
collapsed. Both languages keep a record of damage (pinyin annotations, ``?``
glued between words, U+FFFD, mojibake) with its position in the source, so
the QA stage can report it. The original text is never changed; outputs
that show it repaired or in Simplified get a new string from
:func:`apply_text_mode`.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

from ._lazy import opencc_converter
from .errors import UsageError
from .model import Damage, Lang, Script
from .text.patterns import CJK_CHARS

OpenccMode = Literal["auto", "t2s", "tw2s", "hk2s", "none"]
OPENCC_MODES: tuple[str, ...] = ("auto", "t2s", "tw2s", "hk2s", "none")

_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
# One pinyin syllable: optional initial, a final, optional tone digit. Tone
# marks make an annotation unambiguous; a toneless one must still be a
# well-formed syllable, so that "(a)" or "(see)" are not taken for pinyin.
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|"
    r"ai|ei|ao|ou|an|en|in|un|ün|ia|ie|iu|ua|uo|ue|üe|ui|er|"
    r"a|o|e|i|u|ü|v|ê)"
)
_SYLLABLE = re.compile(rf"{_INITIAL}{_FINAL}[1-5]?", re.IGNORECASE)
_CJK_CHAR = f"[{CJK_CHARS}]"
_ANNOTATED_SYLLABLE = rf"[a-zA-Z{_TONE_VOWELS}]{{1,7}}[1-5]?"
# One syllable after a character (關(guān)), or a word's syllables separated by spaces after the word (推動(tuī dòng)).
_ANNOTATION = re.compile(rf"(?<={_CJK_CHAR})[(（]({_ANNOTATED_SYLLABLE}(?: {_ANNOTATED_SYLLABLE}){{0,3}})[)）]")

_FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]")
_GLUED_QUESTION_MARK = re.compile(r"(?<=[A-Za-z])\?(?=[A-Za-z])")
# An HTML character reference a web page or a CAT tool's export left in the text (&amp;, &quot;, &#8217;, &nbsp;);
# a name HTML does not know (R&D;) is no reference, and html.unescape tells them apart.
_HTML_REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Runs that look like UTF-8 bytes shown as Windows-1252/Latin-1 characters:
# a lead byte (Â-ô) followed by one or more continuation bytes.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+"
)


def is_pinyin_syllable(text: str) -> bool:
    """True when ``text`` is one pinyin syllable (with tone marks or a tone digit, or a well-formed toneless one).

    >>> is_pinyin_syllable("guān"), is_pinyin_syllable("zhang4"), is_pinyin_syllable("see")
    (True, True, False)
    """
    plain = _strip_tone_marks(text)
    return _SYLLABLE.fullmatch(plain) is not None


def _strip_tone_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


def find_pinyin_annotations(text: str, offset: int = 0) -> list[Damage]:
    """Find pinyin annotations left after Chinese characters, e.g. the ``(guān)`` in ``關(guān)于``.

    An annotation is one lower-case syllable in brackets right after a Chinese
    character, or up to four separated by spaces after a word (``推動(tuī dòng)``).
    Converters write tone marks, so a toneless syllable such as
    ``(a)`` counts only when tone-marked annotations occur in the same text.
    Positions are shifted by ``offset`` so they point into the whole source.

    >>> [(d.text, d.start) for d in find_pinyin_annotations("關(guān)于協(xié)")]
    [('(guān)', 1), ('(xié)', 9)]
    >>> [d.text for d in find_pinyin_annotations("共同推動(tuī dòng)兩地")]
    ['(tuī dòng)']
    >>> find_pinyin_annotations("函數(a)")
    []
    """
    candidates = [
        match
        for match in _ANNOTATION.finditer(text)
        if match.group(1).islower() and all(is_pinyin_syllable(part) for part in match.group(1).split(" "))
    ]
    toned = [match for match in candidates if any(_has_tone(part) for part in match.group(1).split(" "))]
    chosen = candidates if toned else []
    return [
        Damage("pinyin-annotation", offset + match.start(), offset + match.end(), match.group(0), "")
        for match in chosen
    ]


def _has_tone(syllable: str) -> bool:
    return syllable[-1].isdigit() or any(char in _TONE_VOWELS[:-2] for char in syllable)


def fold_fullwidth(text: str) -> str:
    """Fold full-width digits and Latin letters to ASCII (other full-width punctuation stays).

    >>> fold_fullwidth("２０２１年ＡＢ，")
    '2021年AB，'
    """
    return _FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group(0)) - 0xFEE0), text)


def traditional_share(text: str) -> float:
    """Share of the Chinese characters in ``text`` that OpenCC's t2s would change.

    >>> traditional_share("關於重慶") > 0.5, traditional_share("关于重庆")
    (True, 0.0)
    """
    # The first 20,000 Chinese characters are a large enough sample (and a book has millions).
    sample = "".join(match.group() for match in itertools.islice(re.finditer(_CJK_CHAR, text), 20000))
    if not sample:
        return 0.0
    converted = opencc_converter("t2s").convert(sample)
    changed = sum(a != b for a, b in zip(sample, converted, strict=False))
    return changed / len(sample)


def detect_script(text: str) -> Script | None:
    """``"traditional"`` or ``"simplified"`` for Chinese text, ``None`` when it has no Chinese characters.

    Simplified text has almost no characters that t2s would change; ordinary
    Traditional text has one in five or more. A few percent is the threshold.

    >>> detect_script("關於重慶"), detect_script("关于重庆"), detect_script("abc")
    ('traditional', 'simplified', None)
    """
    if not re.search(_CJK_CHAR, text):
        return None
    return "traditional" if traditional_share(text) >= 0.03 else "simplified"


def resolve_opencc(mode: str, text: str) -> str | None:
    """The OpenCC configuration to apply to ``text`` for ``mode``, or ``None`` for no conversion.

    >>> resolve_opencc("auto", "關於"), resolve_opencc("auto", "关于"), resolve_opencc("tw2s", "关于")
    ('t2s', None, 'tw2s')
    """
    if mode not in OPENCC_MODES:
        raise UsageError(f"unknown --opencc mode {mode!r}; choose one of {', '.join(OPENCC_MODES)}")
    if mode == "none":
        return None
    if mode == "auto":
        return "t2s" if detect_script(text) == "traditional" else None
    return mode


def remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Remove the ``(start, end)`` spans (sorted, non-overlapping) from ``text``.

    >>> remove_spans("ab(x)c", [(2, 5)])
    'abc'
    """
    return replace_spans(text, [(start, end, "") for start, end in spans])


def replace_spans(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace each ``(start, end, replacement)`` span (sorted, non-overlapping) of ``text``.

    >>> replace_spans("Countries?went", [(9, 10, " ")])
    'Countries went'
    """
    pieces, position = [], 0
    for start, end, replacement in edits:
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


_WRAPPED_BETWEEN_WIDE = re.compile(r"(?<=[^\x00-\x7f])[ \t]*\n\s*(?=[^\x00-\x7f])")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def normalize_zh(text: str, config: str | None, *, offset: int = 0) -> tuple[str, list[Damage]]:
    """Normalize Chinese ``text`` for analysis; return it with the damage found: pinyin annotations (removed from the
    text) and HTML character references (kept as written).

    ``config`` is an OpenCC configuration (``t2s``, ``tw2s``, ``hk2s``) or ``None``.

    >>> normalize_zh("關(guān)于２０２１年", "t2s")[0]
    '关于2021年'
    >>> normalize_zh("溝通與聯\\n繫，Wang\\nGuangcheng", None)[0]
    '溝通與聯繫，Wang Guangcheng'
    """
    annotations = find_pinyin_annotations(text, offset)
    cleaned = remove_spans(text, [(d.start - offset, d.end - offset) for d in annotations])
    cleaned = fold_fullwidth(cleaned)
    if "\n" in cleaned:
        # A hard-wrapped sentence: the line break between two Chinese characters is no space (a word may
        # be cut in two there); between Latin words it is one.
        cleaned = _WRAPPED_BETWEEN_WIDE.sub("", cleaned)
        cleaned = _LINE_BREAK.sub(" ", cleaned)
    if config:
        cleaned = opencc_converter(config).convert(cleaned)
    return cleaned, annotations + find_html_references(text, offset)


def normalize_en(text: str) -> str:
    """Normalize English for analysis: NFC and single spaces.

    >>> normalize_en("A  b\\nc")
    'A b c'
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def find_english_damage(text: str, offset: int = 0) -> list[Damage]:
    """Find damage in English text: ``?`` glued between letters, U+FFFD, UTF-8 read as Windows-1252, and HTML
    character references.

    >>> [(d.kind, d.repair) for d in find_english_damage("Countries?went â€™ \\ufffd A&amp;B R&D;")]
    [('glued-question-mark', ' '), ('mojibake', '’'), ('replacement-character', ''), ('html-entity', '&')]
    """
    found = [
        Damage("glued-question-mark", offset + m.start(), offset + m.end(), "?", " ")
        for m in _GLUED_QUESTION_MARK.finditer(text)
    ]
    for match in _MOJIBAKE.finditer(text):
        repaired = _undo_mojibake(match.group(0))
        if repaired is not None:
            found.append(Damage("mojibake", offset + match.start(), offset + match.end(), match.group(0), repaired))
    found += [
        Damage("replacement-character", offset + m.start(), offset + m.end(), "\ufffd", "")
        for m in re.finditer("\ufffd", text)
    ]
    found += find_html_references(text, offset)
    return sorted(found, key=lambda d: d.start)


def find_html_references(text: str, offset: int = 0) -> list[Damage]:
    """HTML character references left in ``text`` by a web page or a CAT tool's export, in either language.

    >>> [(d.text, d.repair) for d in find_html_references("A&amp;B公司&nbsp;R&D;")]
    [('&amp;', '&'), ('&nbsp;', '\xa0')]
    """
    found = []
    for match in _HTML_REFERENCE.finditer(text) if "&" in text else ():
        character = html.unescape(match.group())
        if character != match.group():
            found.append(Damage("html-entity", offset + match.start(), offset + match.end(), match.group(), character))
    return found


def _undo_mojibake(run: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            repaired = run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != run:
            return repaired
    return None


# --- the text that outputs show ------------------------------------------------------------

#: How outputs show the text: as the author wrote it; with the damage that can be undone with certainty undone;
#: repaired and converted to Simplified Chinese.
TEXT_MODES: tuple[str, ...] = ("original", "repaired", "simplified")
# Damage whose repair is known: a converter's pinyin goes, a "?" glued between words was a space, and UTF-8 read
# as Windows-1252 decodes back. A U+FFFD is not among them: what it replaced is lost.  Nor is an HTML reference:
# a file escaped on both sides (an XLIFF export) is the file's own format, which a reader of the output keeps.
REPAIRABLE_DAMAGE = frozenset({"pinyin-annotation", "glued-question-mark", "mojibake"})


def check_text_mode(mode: str) -> str:
    """``mode`` when it is one of :data:`TEXT_MODES`; a :class:`UsageError` listing them otherwise.

    >>> check_text_mode("repaired")
    'repaired'
    >>> check_text_mode("clean")
    Traceback (most recent call last):
    corpus_align.errors.UsageError: unknown --text 'clean'; choose one of original, repaired, simplified
    """
    if mode not in TEXT_MODES:
        raise UsageError(f"unknown --text {mode!r}; choose one of {', '.join(TEXT_MODES)}")
    return mode


def find_damage(text: str, lang: Lang, offset: int = 0) -> list[Damage]:
    """The damage segmentation records for text of ``lang``: pinyin annotations and HTML references in Chinese
    (as :func:`normalize_zh` finds them), the rest in English.

    >>> [d.kind for d in find_damage("關(guān)于&amp;", "zh")], [d.kind for d in find_damage("Countries?went", "en")]
    (['pinyin-annotation', 'html-entity'], ['glued-question-mark'])
    """
    if lang == "zh":
        return find_pinyin_annotations(text, offset) + find_html_references(text, offset)
    return find_english_damage(text, offset)


def repair(text: str, damage: Iterable[Damage], *, offset: int = 0) -> str:
    """``text`` with the repairable ``damage`` found in it undone (see :data:`REPAIRABLE_DAMAGE`).

    ``damage`` offsets are shifted by ``offset`` (where ``text`` starts in the
    source); damage outside ``text``, or overlapping damage already repaired,
    is skipped.

    >>> text = "Countries?went â€™ \ufffd"
    >>> repair(text, find_english_damage(text))
    'Countries went ’ \ufffd'
    """
    edits: list[tuple[int, int, str]] = []
    for found in sorted(damage, key=lambda d: (d.start, d.end)):
        start, end = found.start - offset, found.end - offset
        if found.kind in REPAIRABLE_DAMAGE and start >= 0 and end <= len(text) and (not edits or start >= edits[-1][1]):
            edits.append((start, end, found.repair))
    return replace_spans(text, edits)


def to_simplified(text: str, config: str | None = None) -> str:
    """Chinese ``text`` converted to Simplified with OpenCC's ``config`` (default ``t2s``).

    >>> to_simplified("關於重慶")
    '关于重庆'
    """
    return opencc_converter(config or "t2s").convert(text)


def apply_text_mode(
    text: str, lang: Lang, mode: str, *, damage: Iterable[Damage] | None = None, opencc: str | None = None
) -> str:
    """``text`` of ``lang`` as ``mode`` (one of :data:`TEXT_MODES`) shows it.

    ``original`` leaves it as written; ``repaired`` undoes the repairable
    damage (``damage`` when given, with offsets into ``text``; otherwise found
    here with :func:`find_damage`); ``simplified`` repairs it and converts
    Chinese with OpenCC's ``opencc`` configuration (default ``t2s``).

    >>> [apply_text_mode("關(guān)于協(xié)議", "zh", mode) for mode in TEXT_MODES]
    ['關(guān)于協(xié)議', '關于協議', '关于协议']
    """
    check_text_mode(mode)
    if mode == "original":
        return text
    repaired = repair(text, find_damage(text, lang) if damage is None else damage)
    return to_simplified(repaired, opencc) if mode == "simplified" and lang == "zh" else repaired
