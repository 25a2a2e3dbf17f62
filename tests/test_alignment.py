"""The align stage as users meet it: the API, language checks, degenerate inputs, paragraphs, glossary."""

from __future__ import annotations

import pytest

from corpus_align import InputError, align, align_files, read_glossary
from corpus_align.io.glossary import parse_glossary

UNRELATED_ZH = "\n".join([
    "今天早上我去市场买了三斤西红柿和两把青菜。",
    "老王家的猫昨天晚上又跑到屋顶上叫了一夜。",
    "这道红烧肉要先用冰糖炒出糖色再慢慢炖。",
    "小学生们排着队走进了博物馆的恐龙展厅。",
    "下雨的时候山路很滑，爷爷总是拄着拐杖。",
    "她把旧毛衣拆了，织成了一条长长的围巾。",
    "村口那棵老槐树据说已经有五百年了。",
    "我们在河边钓了一下午的鱼，一条也没钓到。",
])
UNRELATED_EN = "\n".join([
    "Quantum chromodynamics describes the strong interaction between quarks and gluons.",
    "The compiler rejected the program because of a missing semicolon.",
    "Interest rates were raised by the central bank to curb inflation.",
    "Photosynthesis converts light energy into chemical energy stored in glucose.",
    "The orchestra rehearsed the symphony for three weeks before the premiere.",
    "Glaciers carve U-shaped valleys as they move slowly downhill.",
    "The database index made the query about ten times faster.",
    "Volcanic ash can disrupt air traffic across an entire continent.",
])


def test_alignment_sample_title_is_english_only_and_paragraphs_pair_up(sample_path):
    result = align_files(sample_path)
    assert [(b.zh, b.en) for b in result.beads] == [((), (0,)), ((0,), (1,)), ((1,), (2,)), ((2,), (3,))]
    assert result.warnings == ()
    assert all(0.0 <= b.score <= 1.0 for b in result.beads)
    assert min(b.score for b in result.beads if b.zh and b.en) > 0.3


def test_alignment_title_is_the_same_with_and_without_presegmented(sample_path):
    """--presegmented says only that each line is a sentence: the headline the Chinese lacks stays a row of its own."""
    beads = [(b.zh, b.en) for b in align_files(sample_path, presegmented=True).beads]
    assert beads == [((), (0,)), ((0,), (1,)), ((1,), (2,)), ((2,), (3,))]


def test_alignment_first_line_without_full_stop_is_no_title_when_it_reads_as_a_translation():
    zh = "我最喜欢的音乐符号是p\n它的意思是轻柔。\n后来我学会了弹琴。\n"
    en = "My favourite musical symbol is p.\nIt means softly.\nLater I learned to play.\n"
    assert [(b.zh, b.en) for b in align(zh, en, presegmented=True).beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_alignment_api_accepts_strings_and_keeps_every_sentence():
    result = align(
        "王廣成率隊赴重慶。雙方同意繼續合作。他們在2021年3月11日簽署了協議。",
        "Wang Guangcheng led a team to Chongqing. Both sides agreed to continue cooperating. "
        "They signed the agreement on March 11, 2021.",
    )
    assert [(b.zh, b.en) for b in result.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert result.zh.script == "traditional"


def test_alignment_one_side_empty_gives_null_beads_and_a_warning(tmp_path):
    zh = tmp_path / "a.zh.txt"
    en = tmp_path / "a.en.txt"
    zh.write_text("第一句。第二句。", "utf-8")
    en.write_text("", "utf-8")
    result = align_files(zh, en)
    assert [b.type for b in result.beads] == ["1-0", "1-0"]
    assert len(result.warnings) == 1 and "no English sentences" in result.warnings[0]
    result = align("", "One. Two.")
    assert [b.type for b in result.beads] == ["0-1", "0-1"]


def test_alignment_unrelated_texts_warn_but_still_align():
    result = align(UNRELATED_ZH, UNRELATED_EN, presegmented=True)
    assert any("not translations" in warning for warning in result.warnings)
    assert sum(len(b.zh) for b in result.beads) == 8 and sum(len(b.en) for b in result.beads) == 8


def test_alignment_related_texts_do_not_warn(sample_path):
    assert align_files(sample_path).evidence > 0.05


@pytest.mark.parametrize(
    ("zh", "en", "message"),
    [
        ("Hello there. This is English.", "你好。这是中文。", "seem swapped"),
        ("Hello there. This is English.", "More English here.", "both inputs are English"),
        ("你好。", "这也是中文。", "both inputs are Chinese"),
    ],
)
def test_alignment_wrong_languages_are_a_clear_error(zh, en, message):
    with pytest.raises(InputError, match=message):
        align(zh, en)


def test_alignment_paragraphs_bound_the_beads():
    zh = "第一段第一句。第一段第二句。\n\n第二段只有一句。"
    en = "First paragraph, first sentence. First paragraph, second sentence.\n\nThe second paragraph has one sentence."
    result = align(zh, en)
    for bead in result.beads:
        zh_paragraphs = {result.zh.sentences[i].paragraph for i in bead.zh}
        en_paragraphs = {result.en.sentences[i].paragraph for i in bead.en}
        assert len(zh_paragraphs | en_paragraphs) <= 1 or not (bead.zh and bead.en)
    assert dict(result.settings)["by_paragraph"] is True


def test_alignment_deleted_sentence_comes_out_as_null_bead():
    zh = ["王广成率队赴重庆调研。", "双方同意继续加强交流与合作。", "他们在2021年3月11日签署了框架合作协议。",
          "秘书长向琼花主持了座谈。", "会议在四川省举行。", "双方交换了意见。"]
    en = ["Wang Guangcheng led a team to Chongqing for a survey.", "Both sides agreed to strengthen exchanges and cooperation.",
          "They signed the framework cooperation agreement on March 11, 2021.", "Secretary general Xiang Qionghua chaired the meeting.",
          "The meeting was held in Sichuan Province.", "The two sides exchanged views."]
    result = align("\n".join(zh), "\n".join(en[:2] + en[3:]), presegmented=True)
    assert ((2,), ()) in [(b.zh, b.en) for b in result.beads]


def test_alignment_glossary_reads_traditional_and_simplified(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("# term\tEnglish\n對外友協\tFriendship Association\tshort\n川渝\tSichuan and Chongqing\n", "utf-8")
    entries = read_glossary(path)
    assert [(e.source, e.simplified, e.target, e.note) for e in entries] == [
        ("對外友協", "对外友协", "Friendship Association", "short"),
        ("川渝", "川渝", "Sichuan and Chongqing", ""),
    ]
    with pytest.raises(InputError, match="line 2: expected"):
        parse_glossary("a\tb\nno tab here\n", "g.tsv")


def test_alignment_api_function_survives_engine_import():
    import corpus_align
    import corpus_align.aligner.engine  # noqa: F401  (a submodule import must not shadow the function)

    assert callable(corpus_align.align)
    assert corpus_align.align("你好。", "Hello.").beads[0].type == "1-1"
