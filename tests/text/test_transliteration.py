"""A transliteration and an English name sound alike: consonant skeletons (text/transliteration.py)."""

from __future__ import annotations

import pytest

from corpus_align.text.transliteration import english_skeleton, pinyin_skeleton, sound_alike


@pytest.mark.parametrize(
    ("syllables", "word"),
    [
        (("lei", "ni", "er"), "Rainier"),
        (("te", "lang", "pu"), "Trump"),
        (("ai", "si", "ku", "luo", "si"), "Aeschylus"),
        (("mo", "wo", "er"), "Mughal"),
        (("si", "nuo", "kua", "er", "mi"), "Snoqualmie"),
        (("bo", "ge", "da"), "Bogota"),
    ],
)
def test_transliteration_names_in_two_scripts_sound_alike(syllables, word):
    assert sound_alike(syllables, word)


@pytest.mark.parametrize(
    ("syllables", "word"),
    [
        (("xi", "ya", "tu"), "Sunday"),  # ST against SNT: short skeletons match only exactly
        (("lei", "ni", "er"), "Police"),
        (("ba", "li"), "Berlin"),  # short skeletons match only exactly
        (("a",), "Ayodya"),  # one class says nothing
    ],
)
def test_transliteration_other_names_do_not(syllables, word):
    assert not sound_alike(syllables, word)


def test_transliteration_skeletons_fold_what_chinese_cannot_tell_apart():
    assert pinyin_skeleton(("lü", "lu")) == "L"
    assert english_skeleton("Robert") == english_skeleton("Lobelt") == "LPLT"
    assert english_skeleton("Cecil") == "SL"
