"""The evidence of omission and addition (corpus_align.checks.omission)."""

from __future__ import annotations

from dataclasses import replace

from corpus_align.checks.context import RowView
from corpus_align.checks.omission import coverage_evidence
from corpus_align.model import CheckRow


def test_omission_simplified_and_traditional_words_give_the_same_evidence():
    # OpenCC turns 想象 into 想像 and back into 想像, which jieba cuts as one word (想像中): one word read
    # differently made a borderline addition differ between the two scripts (MAC-Dev benchmark, seed 4).
    en = "It was not nearly as magical a place as she had imagined."
    simplified = coverage_evidence(RowView(CheckRow(1, "", "它不如她想象中的那样神奇。", en)))
    traditional = coverage_evidence(RowView(CheckRow(1, "", "它不如她想像中的那样神奇。", en)))
    assert replace(simplified, zh_text="") == replace(traditional, zh_text="")  # all the evidence but the text itself


def test_omission_number_words_that_say_the_chinese_number_are_supported():
    # CC-CEDICT glosses 九 and 万 as "nine" and "ten thousand": "ninety" was unsupported, and a sentence that
    # translates 九万里 counted as added (stop 31's probes, a Zhuangzi chapter).
    evidence = coverage_evidence(RowView(CheckRow(1, "", "抟扶摇而上者九万里。", "He rises ninety thousand li, not fifteen.")))
    supported = dict(evidence.sentences[0][2])
    assert supported["nineti"] and supported["thousand"]
    assert not supported["fifteen"]



def test_omission_a_term_in_lower_case_pinyin_is_the_source_s_word():
    # A folk-song note glossed 比兴 as *evocative imagery (bixing)*: *bixing* was an English word the Chinese did not
    # support, and with the note's free wording the second sentence came out added (stop 41's unseen documents).
    en = "The songs use evocative imagery (bixing) and puns, not fengshui, says Qin-shi."
    for zh in ("多用比兴、双关等手法，便是。", "多用比興、雙關等手法，便是。"):
        supported = dict(coverage_evidence(RowView(CheckRow(1, "", zh, en))).sentences[0][2])
        assert supported["bix"] and supported["pun"]
        assert not supported["fengshui"]  # pinyin of no word of this row
        assert not supported["shi"]  # a syllable after a hyphen (Qin-shi) spells 是 by chance (MAC-Dev, seed 9)



def test_omission_numbers_the_english_writes_are_content_words_rendered():
    # A parking notice's caps (一类区域每日不超过60元 ↔ *60 yuan per day in Zone 1*) translate their half though the
    # dictionary renders few of its words: the matched numbers in digits count as rendered content (stop 41's unseen
    # documents); round numerals of an idiom (千般的温存 ↔ *a thousand kinds*) do not (MAC-Dev seeds 6 and 9 lost an
    # omission to them).
    zh = "小型车白天时段累计收费设上限：一类区域每日不超过60元，二类区域不超过40元，三类区域不超过20元。"
    en = "Daytime charges for small vehicles are capped at 60 yuan per day in Zone 1, 40 yuan in Zone 2 and 20 yuan in Zone 3."
    # 60; 40, 20 and the zones 二类, 三类 (*Zone 2*, *Zone 3*: numerals the English writes in digits, stop 42)
    assert coverage_evidence(RowView(CheckRow(1, "", zh, en))).half_numbers == (1, 4)
    dropped = "Daytime charges for small vehicles are capped."
    assert coverage_evidence(RowView(CheckRow(1, "", zh, dropped))).half_numbers == (0, 0)


# A short chapter whose rows agree closely in length (stop 31's probes: a Little Prince chapter in translation).
_TEN_ROW_CHAPTER = [
    ("六岁那年，我在一本描写原始森林的书里看到过一幅精彩的插画。",
     "Once when I was six years old I saw a magnificent picture in a book about the primeval forest."),
    ("我有充分的理由相信，小王子来自的那颗星球是B612号小行星。",
     "I have serious reason to believe that the planet from which the little prince came is the asteroid known as B612."),
    ("这颗小行星只在1909年被一位土耳其天文学家用望远镜看到过一次。",
     "This asteroid has only once been seen through the telescope, in 1909, by a Turkish astronomer."),
    ("“有一天，我看了四十三次日落！”", "\"One day I saw the sunset forty-three times!\""),
    ("大人们喜欢数字。你跟他们讲起一个新朋友，他们从来不问你最要紧的事。",
     "Grown-ups love figures. When you tell them you have made a new friend, they never ask you about what really matters."),
    ("他们会问：“他几岁？有几个兄弟？体重多少？他父亲挣多少钱？”",
     "They ask: \"How old is he? How many brothers has he? How much does he weigh? How much money does his father make?\""),
    ("“你要是对他们说：‘我看到一幢漂亮的房子，是用玫瑰色的砖砌的’，他们想象不出这幢房子是什么样的。”",
     "If you were to say, \"I saw a beautiful house made of rosy brick,\" they would not be able to get any idea of that house at all."),
    ("你得说：“我看见了一幢价值十万法郎的房子。”他们就会惊叫：“多漂亮的房子啊！”",
     "You would have to say: \"I saw a house that cost 100,000 francs.\" Then they would exclaim: \"Oh, what a pretty house that is!\""),
    ("“只有用心才能看清楚。本质的东西，用眼睛是看不见的。”",
     "\"It is only with the heart that one can see rightly; what is essential is invisible to the eye.\""),
    ("“你为你的玫瑰花费的时间，使你的玫瑰变得如此重要。”",
     "\"It is the time you have wasted for your rose that makes your rose so important.\""),
]


def test_omission_spread_of_a_short_document_is_shrunk_towards_the_default():
    # Its ten rows' length ratios agree to a tenth: measured alone, their spread made the fourth question of row 6
    # ("How much does he weigh?", whose "weigh" CC-CEDICT's 体重 "weight" does not give) a four-sigma addition.
    from corpus_align.checks import check_rows, rows_from_pairs
    from corpus_align.checks.omission import _robust_spread

    assert not [f for f in check_rows(rows_from_pairs(_TEN_ROW_CHAPTER)) if f.severity != "info"]
    assert 0.07 < _robust_spread([0.0] * 500 + [0.1] * 500, 0.4) < 0.09  # a long document keeps its own measure


_SQL_TUTORIAL = [
    ("使用SELECT语句可以从表中查询数据，例如SELECT name FROM users WHERE age > 18;。",
     "Use a SELECT statement to query data from a table, for example SELECT name FROM users WHERE age > 18;."),
    ("如果省略WHERE子句，UPDATE会修改表中的所有行。", "If you leave out the WHERE clause, UPDATE changes every row in the table."),
    ("GROUP BY通常与COUNT()、SUM()等聚合函数一起使用。",
     "GROUP BY is usually used together with aggregate functions such as COUNT() and SUM()."),
    ("主键列的值必须唯一，并且不能为NULL。", "The values of a primary key column must be unique and cannot be NULL."),
    ("LIMIT 10 OFFSET 20表示跳过前20行，返回接下来的10行。", "LIMIT 10 OFFSET 20 skips the first 20 rows and returns the next 10."),
    ("在PostgreSQL中，字符串要用单引号括起来，标识符用双引号。",
     "In PostgreSQL, strings go in single quotes and identifiers in double quotes."),
    ("索引能加快查询，但会让INSERT变慢，并占用额外的磁盘空间。",
     "Indexes speed up queries, but they slow down inserts and take up extra disk space."),
]


def test_omission_a_short_document_is_measured_against_the_usual_ratio_of_the_dev_documents():
    # Too short to measure its own length ratio, a document is held to the default, now the dev documents' usual
    # 3.15 letters a character; at 2.6, below every domain's, half a row's English left out looked like a full row.
    from corpus_align.checks import check_rows, rows_from_pairs

    assert not [f for f in check_rows(rows_from_pairs(_SQL_TUTORIAL)) if f.severity != "info"]
    cut = [*_SQL_TUTORIAL[:1], (_SQL_TUTORIAL[1][0], "If you leave out the WHERE clause."), *_SQL_TUTORIAL[2:]]
    assert [(f.row, f.code) for f in check_rows(rows_from_pairs(cut)) if f.severity != "info"] == [(2, "omission")]


_PHILOSOPHY_LECTURE = [
    ("康德在《纯粹理性批判》中区分了现象与物自体。",
     "In the Critique of Pure Reason, Kant distinguishes phenomena from things in themselves."),
    ("黑格尔认为，凡是现实的都是合理的，凡是合理的都是现实的。",
     "Hegel held that what is rational is actual, and what is actual is rational."),
    ("维特根斯坦说：“凡是不可说的，必须保持沉默。”", "Wittgenstein said: \"Whereof one cannot speak, thereof one must be silent.\""),
    ("柏拉图的洞穴比喻出现在《理想国》第七卷。", "Plato's allegory of the cave appears in Book VII of the Republic."),
    ("海德格尔把人的存在称为“此在”。", "Heidegger calls human existence Dasein."),
    ("尼采宣称“上帝死了”，但他并不是在庆祝。", "Nietzsche declared that \"God is dead\", but he was not celebrating."),
    ("笛卡尔的“我思故我在”是近代哲学的起点。", "Descartes' \"I think, therefore I am\" is the starting point of modern philosophy."),
]


def test_omission_a_short_document_is_held_to_the_usual_coverage_of_the_dev_documents():
    # Too short to measure its own, a document is held to the dev documents' usual learned coverage (0.53); at 0.4,
    # below every dev document's, the half of a row left untranslated looked usually covered.
    from corpus_align.checks import check_rows, rows_from_pairs

    assert not [f for f in check_rows(rows_from_pairs(_PHILOSOPHY_LECTURE)) if f.severity != "info"]
    cut = [*_PHILOSOPHY_LECTURE[:1], (_PHILOSOPHY_LECTURE[1][0], "Hegel held that what is rational is actual."),
           *_PHILOSOPHY_LECTURE[2:]]
    assert [(f.row, f.code) for f in check_rows(rows_from_pairs(cut)) if f.severity != "info"] == [(2, "omission")]


_WEDDING_INVITATION = [
    ("谨定于2025年10月2日（星期四）中午十二时，为张伟先生与李娜小姐举行婚礼。",
     "We request the pleasure of your company at the wedding of Mr Zhang Wei and Miss Li Na at 12 noon on Thursday, 2 October 2025."),
    ("敬备喜宴，恭候光临。", "A reception will follow. We look forward to seeing you."),
    ("地点：上海市静安区南京西路1376号波特曼丽思卡尔顿酒店三楼宴会厅",
     "Venue: Ballroom, 3rd floor, The Portman Ritz-Carlton, 1376 Nanjing West Road, Jing'an District, Shanghai"),
    ("请于9月20日前回复是否出席。", "Please RSVP by 20 September."),
    ("张建国　王秀英　敬邀", "Zhang Jianguo and Wang Xiuying"),
]


def test_omission_a_set_phrase_the_dictionary_lacks_is_read_by_the_words_in_it():
    # jieba keeps 恭候光临 whole and CC-CEDICT lacks it: read by its characters alone, "We look forward to seeing
    # you" had no support and was reported as an appended sentence (stop 32's probes).  恭候 is "look forward to".
    from corpus_align._lazy import opencc_converter
    from corpus_align.checks import check_rows, rows_from_pairs
    from corpus_align.checks.document_lexicon import dictionary_stems

    assert {"look", "forward"} <= dictionary_stems(["恭候光临"])
    for script in ("s2t", "t2s"):
        pairs = [(opencc_converter(script).convert(zh), en) for zh, en in _WEDDING_INVITATION]
        assert not [f for f in check_rows(rows_from_pairs(pairs)) if f.severity != "info"]
    added = [*_WEDDING_INVITATION[:1], ("敬备喜宴，恭候光临。", "A reception will follow. Prices of rice rose sharply in the north."),
             *_WEDDING_INVITATION[2:]]
    assert [(f.row, f.code) for f in check_rows(rows_from_pairs(added)) if f.severity != "info"] == [(2, "addition")]


def _in_traditional(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    from corpus_align._lazy import opencc_converter

    return [(opencc_converter("s2t").convert(zh), en) for zh, en in pairs]


_QUARTERLY_REPORT = [
    ("公司前三季度实现营业收入1,234亿元，同比增长8.5%。",
     "Revenue for the first three quarters was 123.4 billion yuan, up 8.5% year on year."),
    ("截至9月30日，公司总资产为8,765亿元，资产负债率为61.2%。",
     "As of September 30, total assets were 876.5 billion yuan and the debt-to-asset ratio was 61.2%."),
    ("第三季度净利润为56亿元，创历史新高。", "Net profit in the third quarter was a record 5.6 billion yuan."),
    ("公司董事会建议每股派发现金红利0.35元。", "The board proposed a cash dividend of 0.35 yuan per share."),
    ("研发投入同比增长12%，占营业收入的4.1%。", "R&D spending rose 12% year on year, to 4.1% of revenue."),
    ("海外业务收入占比提升至27%。", "Overseas business rose to 27% of revenue."),
]


def test_omission_figures_the_english_drops_are_content_it_leaves_unrendered():
    # "As of September 30." for a row of two more figures: CC-CEDICT knows one content word of the rest (公司; not
    # 总资产 or 资产负债率), too few to judge coverage by, so the omission went unreported and the row showed only a
    # doubtful number-mismatch.  The dropped figures are content the English provably leaves out.
    from corpus_align.checks import check_rows, rows_from_pairs

    assert not [f for f in check_rows(rows_from_pairs(_QUARTERLY_REPORT), select=["omission"])]
    cut = [_QUARTERLY_REPORT[0], (_QUARTERLY_REPORT[1][0], "As of September 30."), *_QUARTERLY_REPORT[2:]]
    for pairs in (cut, _in_traditional(cut)):
        found = check_rows(rows_from_pairs(pairs), select=["omission"])
        assert [(f.row, f.severity) for f in found] == [(2, "error")]
        assert "none of 8,765亿, 61.2%" in found[0].message and dict(found[0].signals)["numbers_dropped"] == 1.0


_JOB_POSTING = [
    ("高级数据工程师", "Senior Data Engineer"),
    ("岗位职责：", "Responsibilities:"),
    ("1. 负责公司数据仓库的设计与开发；", "1. Design and develop the company's data warehouse;"),
    ("2. 优化数据处理流程，提升数据质量。", "2. Optimise data pipelines and improve data quality."),
    ("任职要求：", "Requirements:"),
    ("计算机相关专业本科及以上学历。", "A bachelor's degree in computer science or a related field."),
    ("（音乐）", "(Music)"),
]


def _additions(pairs: list[tuple[str, str]]) -> list[tuple[int, str]]:
    from corpus_align.checks import check_rows, rows_from_pairs

    simplified = [(f.row, f.severity) for f in check_rows(rows_from_pairs(pairs), select=["addition"])]
    assert [(f.row, f.severity) for f in check_rows(rows_from_pairs(_in_traditional(pairs)), select=["addition"])] == simplified
    return simplified


def test_omission_a_sentence_appended_to_a_label_that_ends_in_a_colon_or_a_bracket_is_an_addition():
    # A label (岗位职责：, （音乐）) ends no sentence, though its last mark was taken for a stop: its English, with a
    # sentence appended, was read as one sentence with nothing to compare.
    assert _additions(_JOB_POSTING) == []
    appended = [*_JOB_POSTING[:1], ("岗位职责：", "Responsibilities: That kills two birds with one stone."), *_JOB_POSTING[2:]]
    assert _additions(appended) == [(2, "warning")]
    appended = [*_JOB_POSTING[:6], ("（音乐）", "(Music) He watched the sunset in Tamsui.")]
    assert _additions(appended) == [(7, "warning")]


_SUBTITLES = [
    ("1", "1"), ("00:00:01,000 --> 00:00:03,500", "00:00:01,000 --> 00:00:03,500"),
    ("你好，欢迎收看本期节目。", "Hello, and welcome to the show."),
    ("2", "2"), ("00:00:03,600 --> 00:00:06,000", "00:00:03,600 --> 00:00:06,000"),
    ("今天我们来聊聊天气。", "Today we'll talk about the weather."),
]


def test_omission_a_sentence_appended_to_chinese_without_chinese_characters_is_an_addition():
    # A cue number or a time code has no length to measure an English sentence against: the sentence's words, none of
    # which the Chinese writes, are the evidence.  English that writes what the Chinese writes is no addition.
    assert _additions(_SUBTITLES) == []
    # A cue's number that took in the next cue's line: four words, none of which the number writes.
    assert _additions([*_SUBTITLES[:3], ("2", "2 Today we'll talk about the weather in Beijing."), *_SUBTITLES[4:]]) == [(4, "warning")]
    assert _additions([*_SUBTITLES[:3], ("2", "2 Sorry, the traffic was terrible."), *_SUBTITLES[4:]]) == []  # three words
    assert _additions([*_SUBTITLES[:3], ("ISBN 978-7-02", "ISBN 978-7-02 Frequently asked questions"), *_SUBTITLES[4:]]) == []


_BEEKEEPING_MANUAL = [
    ("台湾养蜂入门手册：蜂群管理要点", "An Introduction to Beekeeping in Taiwan: Key Points of Colony Management"),
    ("一、开箱检查", "1. Hive Inspection"),
    ("开箱前先穿戴好蜂帽与手套，并以喷烟器从巢门轻喷两三下，使蜜蜂安静下来。",
     "Before opening the hive, put on a bee veil and gloves, and give two or three gentle puffs from the smoker at the "
     "entrance to calm the bees."),
    ("若发现巢脾上有多个王台，表示蜂群可能准备分蜂，应及时处理。",
     "If several queen cells are found on the combs, the colony may be preparing to swarm and should be dealt with promptly."),
    ("二、蜂蟹螨的防治", "2. Control of Varroa Mites"),
    ("东方蜂对蜂蟹螨具有较强的抵抗力，因其工蜂会互相清理并咬除螨虫。",
     "The eastern honey bee is relatively resistant to varroa mites, because its workers groom one another and bite off "
     "the mites."),
    ("若每100只蜂的螨数超过3只，即应进行防治。", "If there are more than 3 mites per 100 bees, treatment should be carried out."),
    ("临江市公安局 2024年3月13日", "Linjiang Municipal Public Security Bureau, March 13, 2024"),
]


def test_omission_a_sentence_appended_to_a_numbered_heading_or_a_dated_signature_is_an_addition():
    # Punkt takes a list number (1.) for a sentence of its own, so a numbered heading with a sentence appended was two
    # sentences, and the appended one was weighed with the heading's few words; a signature's date (2024) belongs to
    # its head, so the tail cut after it is the one that can be added (stop 40's probes, a beekeeping manual and a
    # police bulletin).
    assert _additions(_BEEKEEPING_MANUAL) == []
    added = "She suffers from mild Alzheimer's disease, has a poor memory and cannot use a mobile phone."
    heading = [*_BEEKEEPING_MANUAL[:4], ("二、蜂蟹螨的防治", f"2. Control of Varroa Mites {added}"), *_BEEKEEPING_MANUAL[5:]]
    assert _additions(heading) == [(5, "warning")]
    signed = [*_BEEKEEPING_MANUAL[:7], (_BEEKEEPING_MANUAL[7][0], f"{_BEEKEEPING_MANUAL[7][1]} {added}")]
    assert _additions(signed) == [(8, "warning")]
