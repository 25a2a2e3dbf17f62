from __future__ import annotations

import pytest

from corpus_align import load_bilingual, segment
from corpus_align.normalize import (
    apply_text_mode,
    detect_script,
    find_english_damage,
    find_pinyin_annotations,
    fold_fullwidth,
    is_pinyin_syllable,
    normalize_zh,
    repair,
    resolve_opencc,
)

# Hand-checked Simplified text of the sample's three Chinese sentences.
SAMPLE_SIMPLIFIED = [
    "3月11日,为贯彻落实市委市政府关于推动成渝地区双城经济圈建设的相关部署和要求,进一步加强重庆、四川两地对外友协的沟通与联系,"
    "推动两协会签署的《框架合作协议》落地落实,市对外友协副会长王广成率队赴四川省对外友协调研,与四川省对外友协秘书长向琼花举行座谈,"
    "就双方2021年合作重点等事宜交换意见。",
    "双方一致同意在2020年成功合作举办系列民间对外交流活动的良好基础上,继续加强交流与合作,共同整合川渝民间友好资源,"
    "共同筹划办好川渝地区民间交流品牌项目,形成川渝对外交流的合力,共同争取全国对外友协对川渝地区民间对外交往工作的支持,"
    "为推动成渝地区高质量发展贡献民间外事力量。",
    "市对外友协办、四川省对外友协国际交流与合作处负责人参与座谈。",
]
SAMPLE_ANNOTATIONS = (
    "guān qū jīng shè guān xié lián xié xié xié xié diào xié chǔ xù qū xié qū qū zhì fā xié xié zé".split()
)


def test_normalize_sample_chinese_is_the_hand_checked_simplified_text(sample_path):
    zh, _ = load_bilingual(sample_path)
    document = segment(zh)
    assert [s.normalized for s in document.sentences] == SAMPLE_SIMPLIFIED
    assert document.script == "traditional" and document.opencc == "t2s"
    assert document.sentences[0].original.startswith("3月11日,為貫徹落實市委市政府關(guān)于")


def test_normalize_sample_pinyin_annotations_are_removed_and_recorded(sample_path):
    zh, _ = load_bilingual(sample_path)
    document = segment(zh)
    annotations = [d for d in document.damage if d.kind == "pinyin-annotation"]
    assert [d.text.strip("()") for d in annotations] == SAMPLE_ANNOTATIONS
    text = zh.source.text
    for damage in annotations:
        assert text[damage.start : damage.end] == damage.text
    assert not any("(" in s.normalized for s in document.sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("關(guān)于", "关于"),
        ("協(xié)", "协"),
        ("調(diào)研", "调研"),
        ("繼續(xù)", "继续"),
        ("負責(zé)人", "负责人"),
        ("會（huì）議", "会议"),
    ],
)
def test_normalize_removes_pinyin_annotation(text, expected):
    assert normalize_zh(text, "t2s")[0] == expected


@pytest.mark.parametrize("text", ["函數(a)", "見(see)", "金額(USD)", "附件(1)", "王(Wang)先生"])
def test_normalize_keeps_parentheses_that_are_not_pinyin(text):
    assert find_pinyin_annotations(text) == []


def test_normalize_pinyin_syllables():
    assert all(is_pinyin_syllable(s) for s in ["guān", "zhuang", "lü", "er", "xiong3", "ǎi"])
    assert not any(is_pinyin_syllable(s) for s in ["see", "usd", "wxyz", "1"])


def test_normalize_folds_fullwidth_digits_and_letters_only():
    assert fold_fullwidth("２０２１年，ＣＰＣ！") == "2021年，CPC！"
    assert normalize_zh("２０２１年", None)[0] == "2021年"


def test_normalize_opencc_modes():
    assert resolve_opencc("auto", "這是繁體中文的句子") == "t2s"
    assert resolve_opencc("auto", "这是简体中文的句子") is None
    assert resolve_opencc("hk2s", "这") == "hk2s"
    assert resolve_opencc("none", "這是") is None
    assert normalize_zh("滑鼠", "tw2s")[0] in {"滑鼠", "鼠标"}
    assert detect_script("這是繁體") == "traditional"


def test_normalize_english_damage():
    damage = find_english_damage("Countries?went to the People’s â€™ Association\ufffd. Why? Yes.")
    kinds = [d.kind for d in damage]
    assert kinds == ["glued-question-mark", "mojibake", "replacement-character"]
    assert damage[1].repair == "’"


def test_normalize_english_ordinary_question_mark_is_not_damage():
    assert find_english_damage("Why? Because.") == []
    assert find_english_damage("Café naïve résumé, “quoted” – fine") == []


def test_normalize_sample_english_damage(sample_path):
    _, en = load_bilingual(sample_path)
    document = segment(en)
    glued = [d for d in document.damage if d.kind == "glued-question-mark"]
    assert len(glued) == 2
    assert en.source.text[glued[0].start - 9 : glued[0].end + 4] == "Countries?went"


def test_normalize_word_annotations_of_several_syllables_are_removed():
    from corpus_align.normalize import normalize_zh

    cleaned, found = normalize_zh("共同推動(tuī dòng)兩地的發展(fā zhǎn)。", "t2s")
    assert cleaned == "共同推动两地的发展。"
    assert [d.text for d in found] == ["(tuī dòng)", "(fā zhǎn)"]
    # Latin words in brackets that are not pinyin, or pinyin-like words in a text without tone marks, stay.
    assert normalize_zh("世界衛生組織(who)與聯合國(un)", "t2s")[1] == []
    assert normalize_zh("函數(map reduce)", None)[1] == []


def test_normalize_repair_undoes_only_the_damage_whose_repair_is_certain():
    text = "Countries?went â€™ \ufffd"
    assert repair(text, find_english_damage(text)) == "Countries went ’ \ufffd"  # U+FFFD: what it replaced is lost
    assert repair("a?b", find_english_damage("xx a?b"), offset=3) == "a b"  # offsets into a larger source
    assert repair("推動(tuī dòng)", find_pinyin_annotations("推動(tuī dòng)")) == "推動"


def test_normalize_apply_text_mode_converts_chinese_only():
    assert apply_text_mode("Countries?went", "en", "simplified") == "Countries went"
    assert apply_text_mode("關(guān)于", "zh", "simplified") == "关于"
    assert apply_text_mode("關(guān)于", "zh", "original") == "關(guān)于"
