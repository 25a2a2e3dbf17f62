
import pytest

from corpus_align.aligner.anchors import en_name_keys, fuzzy_name_map, punctuation_keys, zh_name_keys
from corpus_align.text.lexicon import english_stem


def test_anchors_person_name_pinyin():
    keys = set(zh_name_keys("王广成"))
    en = {english_stem(w) for w in ["Wang", "Guangcheng"]} | set(en_name_keys("Wang Guangcheng said"))
    assert {"wang", english_stem("guangcheng"), "wangguangcheng"} <= keys
    assert keys & en == keys


def test_anchors_place_name_pinyin():
    assert english_stem("Chongqing") in zh_name_keys("重庆")


def test_anchors_fuzzy_names():
    assert fuzzy_name_map(["chenqingyang"], ["chenqinyang"]) == {"chenqinyang": "chenqingyang"}
    assert fuzzy_name_map(["chenqingyang"], ["mountain"]) == {}


@pytest.mark.parametrize(
    ("english", "quoted"),
    [
        ("'Very well!' he replied.", True),
        ("‘Cripes!’ he cried silently to himself.", True),
        ("That's why I was so late for lunch.'", True),  # the close of a quotation begun on an earlier line
        ("Trinket seized the boy's arms.", False),
        ("The boys' room was empty.", False),
        ("I don't know.", False),
    ],
)
def test_anchors_single_quoted_dialogue_is_a_quotation(english, quoted):
    # British translations quote dialogue in single quotes; the Chinese side marks it with “ ” all the same.
    assert ("quote" in punctuation_keys(english)) is quoted
