"""One definition of a Chinese character for every layer (corpus_align.text.patterns)."""

from __future__ import annotations

import re
from pathlib import Path

from corpus_align.text.patterns import CJK, CJK_CHARS, CJK_RUN

SOURCE = Path(__file__).resolve().parents[2] / "src" / "corpus_align"
# jieba's own test for a Chinese word, which the jieba-rs wrapper must mirror to cut as jieba does.
MIRRORS_JIEBA = {"_lazy.py"}


def test_patterns_cover_extension_a_and_compatibility_ideographs():
    assert CJK.fullmatch("㐀") and CJK.fullmatch("﨑") and CJK.fullmatch("中")
    assert not CJK.search("abc，。！")
    assert CJK_RUN.findall("他说：“Hi”，好。") == ["他说", "好"]


def test_patterns_no_other_module_spells_out_a_cjk_range():
    # Eight slightly different ranges used to decide what counts as Chinese in different stages.
    ranges = re.compile(r"\\u4e00|\\u3400|\u4e00-|\u3400-")
    offenders = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if path.name not in MIRRORS_JIEBA | {"patterns.py"} and ranges.search(path.read_text("utf-8"))
    ]
    assert offenders == [], f"use corpus_align.text.patterns instead of a CJK range in {offenders}"
    assert CJK_CHARS.startswith("\u3400")


def test_patterns_no_other_module_spells_out_the_latin_letters_of_a_word():
    # Five English word patterns used to disagree on accents, hyphens and apostrophes (café, Xi-feng, don't).
    latin = re.compile(r"\\u00c0-\\u024f|\u00c0-\u024f")
    offenders = [str(path.relative_to(SOURCE)) for path in SOURCE.rglob("*.py") if path.name != "patterns.py"
                 and latin.search(path.read_text("utf-8"))]
    assert offenders == [], f"use corpus_align.text.patterns (EN_WORD, LATIN_LETTERS) instead in {offenders}"


def test_patterns_an_english_word_keeps_accents_hyphens_and_apostrophes():
    from corpus_align.text.patterns import EN_WORD

    assert EN_WORD.findall("Zoë's café: Xi-feng didn’t-") == ["Zoë's", "café", "Xi-feng", "didn’t"]
