"""Numbers of both languages as keys: dates, years, numerals, number words (corpus_align.text.numbers)."""

import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus_align.text.numbers import chinese_numeral_value, en_number_keys, en_numbers, zh_number_keys, zh_numbers


def test_numbers_date_matches_english_date():
    assert set(zh_number_keys("3月11日，他到了。")) == set(en_number_keys("On March 11 he arrived.")) == {"month:3", "#11"}


def test_numbers_year_matches():
    assert "#2021" in zh_number_keys("2021年") and "#2021" in en_number_keys("in 2021")
    assert "#1987" in zh_number_keys("一九八七年")


@pytest.mark.parametrize(
    "text, value",
    [("三", 3), ("十", 10), ("十五", 15), ("二十三", 23), ("一百零五", 105), ("两千", 2000), ("三万五千", 35000), ("一九八七", 1987)],
)
def test_numbers_chinese_numerals(text, value):
    assert chinese_numeral_value(text) == value


def test_numbers_chinese_numerals_in_text_match_english_words():
    assert "#3" in zh_number_keys("三个人") and "#3" in en_number_keys("three men")
    assert "#25" in zh_number_keys("二十五岁") and "#25" in en_number_keys("twenty-five years")


def test_numbers_numeral_words_are_not_numbers():
    from corpus_align._lazy import zh_word_cut

    text = "他十分高兴，一样。"
    assert zh_number_keys(text, zh_word_cut()(text)) == []  # the words say 十分 is "very"
    assert zh_number_keys("十分钟后", zh_word_cut()("十分钟后")) == ["#10"]


@pytest.mark.parametrize(
    "text, keys",
    [
        # The aligner's own extractor read the measure word 两 (tael) as "two", and a range as one number.
        ("你也拿三两银子出来。", ["#3"]),
        ("韦小宝借了二十两给他们。", ["#20"]),
        ("五十两本钱已输干了。", ["#50"]),
        ("约莫十四五岁年纪", ["#14"]),
        ("一千人", ["#1000"]),
    ],
)
def test_numbers_keys_are_the_mentions_the_number_check_reads(text, keys):
    from corpus_align.text.numbers import number_keys, zh_numbers

    assert zh_number_keys(text) == keys == number_keys(zh_numbers(text))


@pytest.mark.parametrize(
    "text",
    ["She tended the garden.", "Secondly, it works.", "They danced in the eighties.", "Tens of millions came.", "Seconds passed."],
)
def test_numbers_number_words_are_whole_words(text):
    # The number-word pattern once matched the start of any word: "tended" was ten, "Secondly" two.
    assert en_number_keys(text) == []


def test_numbers_number_words_and_months_still_found():
    keys = en_number_keys("Two thousand and five people came on the third of May 4, in June.")
    assert keys == ["#2005", "#3", "month:5", "#4", "month:6"]


def _number_tables() -> dict:
    import tomllib
    from importlib import resources

    return tomllib.loads(resources.files("corpus_align.resources").joinpath("numbers.toml").read_text(encoding="utf-8"))


def test_numbers_every_english_number_word_of_the_tables_is_read():
    from corpus_align.text.numbers import en_numbers

    tables = _number_tables()["en"]
    # "a" is one only before a scale; "zero" is no count to compare.
    exact = {word: (value, value) for word, value in tables["words"].items() if word not in ("a", "zero")}
    for word, span in {**exact, **{word: tuple(span) for word, span in tables["ranges"].items()}}.items():
        mentions = en_numbers(f"They saw {word} birds.")
        assert [m.span for m in mentions] == [span], word


def test_numbers_a_lone_chinese_numeral_is_read_before_every_counter_and_unit_of_the_tables():
    from corpus_align.text.numbers import zh_numbers

    tables = _number_tables()["zh"]
    for counter in tables["counters"].strip():
        # 三成 is a share, 30 % (test_numbers_tenths_are_a_percentage); 七旬 is seventy (years of age, or days).
        if counter not in ("成", "旬"):
            assert [m.span for m in zh_numbers(f"他有三{counter}。")] == [(3, 3)], counter
    for unit in (unit for unit in tables["measures"] if unit[0] not in tables["units"]):  # 三千米 is 3,000 metres
        mentions = zh_numbers(f"有三{unit}长。")  # 三厘米 and 三毫米 were not read before the units were consulted
        assert [m.span for m in mentions] == [(3, 3)] and mentions[0].unit, unit
    assert zh_numbers("他三思而行。") == []


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("他有三成。", [(30, True)]),
        ("占七成的人同意", [(70, True)]),
        ("利润增长两成", [(20, True)]),
        ("7成的人", [(70, True)]),
        ("他八成是忘了。", []),  # "probably"
        ("他一成不变。", []),  # "unchanging"
        ("欧盟三成员国反对。", [(3, False)]),  # three member states
        ("百分之七十", [(70, True)]),
        ("百分之四点五", [(4.5, True)]),  # decimals said in numerals, read digit by digit
        ("约百分之三点二五", [(3.25, True)]),
        ("增长了70%", [(70, True)]),
        ("全场七折", [(30, True)]),  # a discount: the reduction, as English says it (30 % off)
        ("打9折", [(10, True)]),
        ("会员八五折", [(15, True)]),
        ("折叠三次", [(3, False)]),  # folding, no price
    ],
)
def test_numbers_tenths_are_a_percentage(text, shares):
    from corpus_align.checks import rows_from_pairs
    from corpus_align.checks.context import RowView
    from corpus_align.text.numbers import zh_numbers

    words = RowView(rows_from_pairs([(text, "x")])[0]).zh_words
    assert [(m.value, m.percent) for m in zh_numbers(text, words)] == shares


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("上世纪60年代", [1960]),
        ("19 世纪 80 年代的纽约", [1880]),
        ("在80年代晚期和90年代初期", [80, 90]),
        ("六十年代", [60]),
        ("1亿5000万", [150_000_000]),
        ("营收三点五亿元", [350_000_000]),  # a decimal said in numerals, before a scale, a multiple or a unit
        ("上涨了一点五倍", [1.5]),
        ("跳了二点零五米", [2.05]),
        ("下午三点五十分", [3, 50]),  # an hour: 十 is no decimal digit, and nothing measured follows
        ("五点半到了", [5, 30]),
        ("下午 5 点半之前", [5, 30]),
        ("1981年至1987年", [1981, 1987]),
        ("请记住，我们的聊天服务 24/7 开放。", []),
    ],
)
def test_numbers_chinese_decades_joined_scales_and_half_hours(text, values):
    assert [m.value for m in zh_numbers(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("in the 1980's", [1980]),
        ("the '60s and '70s", [60, 70]),
        ("the 1800s", [19]),  # the nineteenth century
        ("one in 300 chance", [0.00333]),
        ("four-in-ten patients", [0.4]),
        ("14 lakh cases", [1_400_000]),
        ("around 2 000 at least", [2000]),
        ("[1,2] and 1,000 and 2,06,737", [1, 2, 1000, 206_737]),
        ("by 5.30pm", [5, 30]),
        ("from 1981-87.", [1981, 1987]),
        ("open 24/7", []),
        ("after midnight", [12]),
        ("a quarter past eight", [15, 8]),
        ("over 6 decades", [60]),
    ],
)
def test_numbers_english_decades_shares_scales_and_times(text, values):
    assert [m.value for m in en_numbers(text)] == values


def test_numbers_digits_hyphened_to_a_word_are_codes_on_both_sides():
    assert [(m.value, m.code) for m in en_numbers("cesium-137 and COVID-19")] == [(137, True), (19, True)]
    assert [(m.value, m.code) for m in zh_numbers("铯-137的污染")] == [(137, True)]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("OP_NO_TLSv1_1 和 OP_NO_TLSv1_2 被弃用", "OP_NO_TLSv1_1 and OP_NO_TLSv1_2 are deprecated"),
        ("x86_64-linux-android 是第 3 层级的平台", "x86_64-linux-android is a tier 3 platform"),
        ("增加了 hashlib.sha3_224 和 hashlib.shake_128", "hashlib.sha3_224 and hashlib.shake_128 were added"),
        ("写作 1_000_000 更易读", "written 1_000_000 it reads better"),
    ],
)
def test_numbers_digits_inside_an_identifier_are_read_alike_on_both_sides(zh, en):
    # An underscore joins digits to an identifier: neither side reads them as a number.
    assert [m.value for m in zh_numbers(zh)] == [m.value for m in en_numbers(en)]


def test_numbers_a_version_number_before_in_is_not_a_share():
    assert [m.value for m in en_numbers("introduced in Python 2.6 in 1739468")] == [2.6, 1739468]
    assert [m.value for m in en_numbers("one in 300 chance, 3 in 10 people")] == [0.00333, 0.3]


@pytest.mark.parametrize(
    ("text", "side", "unit", "square_metres"),
    [
        ("960万平方公里", "zh", "metric-area", 9_600_000_000_000),
        ("0.5平方千米", "zh", "metric-area", 500_000),
        ("50公顷", "zh", "metric-area", 500_000),
        ("120平方米", "zh", "metric-area", 120),
        ("9.6 million square kilometres", "en", "metric-area", 9_600_000_000_000),
        ("50 hectares", "en", "metric-area", 500_000),
        ("3 sq m", "en", "metric-area", 3),
    ],
)
def test_numbers_areas_are_read_with_their_size_in_square_metres(text, side, unit, square_metres):
    from corpus_align.text.numbers import en_numbers, zh_numbers

    [mention] = (zh_numbers if side == "zh" else en_numbers)(text)
    assert (mention.unit, round(mention.value * mention.factor)) == (unit, square_metres)


def test_numbers_square_miles_and_feet_are_imperial_areas_not_lengths():
    from corpus_align.text.numbers import en_numbers, zh_numbers

    assert [m.unit for m in en_numbers("3.7 million square miles, 1,300 square feet, 2 sq mi, 5 sq ft")] == ["imperial-area"] * 4
    assert [m.unit for m in zh_numbers("2英亩，30平方英尺")] == ["imperial-area"] * 2


@pytest.mark.parametrize(
    ("text", "side", "hours"),
    [("会议于20时开始", "zh", [20]), ("下午两点开会", "zh", [2]), ("09:00开始", "zh", [9]), ("at 8 p.m.", "en", [8]),
     ("at eight o'clock", "en", [8]), ("at 14:30", "en", [14]), ("他有三个孩子", "zh", []), ("three children", "en", [])],
)
def test_numbers_hours_of_the_day_are_marked_as_clock_times(text, side, hours):
    from corpus_align.text.numbers import en_numbers, zh_numbers

    assert [m.value for m in (zh_numbers if side == "zh" else en_numbers)(text) if m.clock] == hours


def test_numbers_durations_and_volumes_carry_their_size():
    from corpus_align.text.numbers import en_numbers, zh_numbers

    assert [(m.unit, m.value * m.factor) for m in zh_numbers("两周，三天，两个小时，500毫升")] == [
        ("duration", 1_209_600), ("duration", 259_200), ("duration", 7_200), ("metric-volume", 0.5)]
    assert [(m.unit, m.value * m.factor) for m in en_numbers("14 days, 120 minutes, 0.5 litres")] == [
        ("duration", 1_209_600), ("duration", 7_200), ("metric-volume", 0.5)]


@pytest.mark.parametrize(
    ("text", "read"),
    [("three and a half yuan", [(3.5, "")]), ("two and a half hours", [(2.5, "duration")]), ("95°F", [(95, "fahrenheit")]),
     ("35 degrees Celsius", [(35, "celsius")]), ("35 degrees", [(35, "degree")]), ("one and a half hours", [(1.5, "duration")])],
)
def test_numbers_english_halves_and_temperature_scales(text, read):
    from corpus_align.text.numbers import en_numbers

    assert [(m.value, m.unit) for m in en_numbers(text) if not m.weak] == read


def test_numbers_spoken_money_takes_one_place_after_kuai():
    from corpus_align.text.numbers import zh_numbers

    assert [(m.text, m.value) for m in zh_numbers("三块五一斤，三块五毛，一米七五")][:3] == [
        ("三块五", 3.5), ("三块五", 3.5), ("一米七五", 1.75)]


def test_numbers_spoken_money_reads_its_second_place_in_mao():
    from corpus_align.text.numbers import zh_numbers

    assert [(m.text, m.value) for m in zh_numbers("三块五毛六，两块三角四，三块5毛6，三块五毛钱")] == [
        ("三块五毛六", 3.56), ("两块三角四", 2.34), ("三块5毛6", 3.56), ("三块五", 3.5)]


def test_numbers_short_years_are_marked_with_their_era_and_durations_are_not():
    from corpus_align.text.numbers import zh_numbers

    read = [(m.text, m.value, m.short_year, m.era)
            for m in zh_numbers("98年，九八年，民国五十年，112年度，2003年，三年，3.5年，约10年，光绪元年，令和5年")]
    assert read == [("98", 98, True, 0), ("九八", 98, True, 0), ("五十", 50, True, 1911), ("112", 112, True, 1911),
                    ("2003", 2003, False, 0), ("三", 3, False, 0), ("3.5", 3.5, False, 0), ("10", 10, False, 0),
                    ("光绪元年", 1, True, 1874), ("5", 5, True, 2018)]


def test_numbers_financial_numerals_are_read_and_their_characters_alone_are_not():
    from corpus_align.text.numbers import zh_numbers

    read = [(m.text, m.value) for m in zh_numbers("叁拾万元整，玖仟捌佰柒拾陆元伍角，参拾，一式贰份。参加，大陆，伍子胥，收拾一下。")]
    assert read == [("叁拾万", 300000), ("玖仟捌佰柒拾陆元伍角", 9876.5), ("参拾", 30), ("贰", 2)]


def test_numbers_shares_per_thousand_and_doublings():
    from corpus_align.text.numbers import en_numbers, zh_numbers

    assert [(m.text, m.value, m.weak) for m in zh_numbers("千分之三，百万分之五，翻了三番，翻一番")] == [
        ("千分之三", 0.003, False), ("五", 5, True), ("翻了三番", 8, True), ("翻一番", 2, True)]
    assert [(m.text, m.value) for m in en_numbers("one in a thousand, 1 in 10,000")] == [
        ("one in a thousand", 0.001), ("1 in 10,000", 0.0001)]  # three significant digits (to three decimals it was 0)


def test_numbers_list_labels_in_a_row_are_weak():
    from corpus_align.text.numbers import zh_numbers

    assert [(m.text, m.value, m.weak) for m in zh_numbers("（一）取得同意；（二）订立合同；①准备；②搅拌")] == [
        ("（一）", 1, True), ("（二）", 2, True), ("①", 1, True), ("②", 2, True)]


def test_numbers_thousands_written_with_k_in_a_band_or_after_pay():
    from corpus_align.text.numbers import en_numbers, zh_numbers

    assert [(m.value, m.code) for m in zh_numbers("月薪40K-60K，底薪：8K，15k~25k，4K电视，A-60K")] == [
        (40000, False), (60000, False), (8000, False), (15000, False), (25000, False), (4, True), (60, True)]
    assert [(m.value, m.code) for m in en_numbers("40K-60K a month, $80K–$120K, a 4K screen, a 10K run, over 5K")] == [
        (40000, False), (60000, False), (80000, False), (120000, False), (4, True), (10, True), (5000, False)]


def test_numbers_a_range_says_its_scale_once():
    from corpus_align.text.numbers import en_numbers, zh_numbers

    read = [(m.text, m.value) for m in en_numbers("2-3 million, 1,000 to 5 million, in 2019 and 3 million, 5 or 6 hundred")]
    assert read == [("2", 2000000), ("3 million", 3000000), ("1,000", 1000), ("5 million", 5000000), ("2019", 2019),
                    ("3 million", 3000000), ("5", 500), ("6 hundred", 600)]
    assert [(m.value, m.low, m.high) for m in zh_numbers("三五百载，三五成群，三十五岁")] == [
        (300, 300, 500), (3, 3, 5), (35, -1.0, -1.0)]


def test_numbers_zhang_and_chi_are_one_length():
    from corpus_align.text.numbers import zh_numbers

    assert [(m.text, m.value, m.unit) for m in zh_numbers("丈八蛇矛，一丈二尺，三丈五，三丈，丈夫")] == [
        ("丈八", 18, "chinese-length"), ("一丈二尺", 12, "chinese-length"), ("三丈五", 35, "chinese-length"),
        ("三", 3, "chinese-length")]


def test_numbers_a_lone_financial_digit_that_is_also_a_word_is_none():
    from corpus_align.text.numbers import zh_numbers

    assert [(m.text, m.value) for m in zh_numbers("浦东陆家嘴，队伍里，参天大树，一式贰份，陆万元")] == [("贰", 2), ("陆万", 60000)]


def test_numbers_scales_multiply_and_a_model_number_is_no_si_thousands():
    from corpus_align.text.numbers import en_numbers

    assert [(m.text, m.value) for m in en_numbers("₹5 lakh crore, 5 hundred thousand, £3million")] == [
        ("5 lakh crore", 5 * 10**12), ("5 hundred thousand", 500000), ("3million", 3000000)]
    assert [(m.text, m.value, m.code) for m in en_numbers("Ultra 7 155H, a 10 000 km trip")] == [
        ("7", 7, False), ("155", 155, True), ("10 000", 10000, False)]


@pytest.mark.parametrize(
    ("text", "shares"),
    [("It fell to 4.5%.", [(4.5, True)]), ("about 70%", [(70, True)]), ("70%-80%", [(70, True), (80, True)]),
     ("20 percent", [(20, True)]), ("70 per cent", [(70, True)]), ("a 5% cut", [(5, True)]), ("5 people", [(5, False)])],
)
def test_numbers_english_percent_sign_makes_a_percentage(text, shares):
    # The sign is followed by no letter, so it needs no word boundary after it (70% was read as the count 70).
    from corpus_align.text.numbers import en_numbers

    assert [(m.value, m.percent) for m in en_numbers(text)] == shares


def test_numbers_numerals_counted_out_are_each_a_number_at_the_end_of_a_line_too():
    from corpus_align.text.numbers import zh_numbers

    # The character after the run told a label (三四五号 is room 345); at the end of the line there is none, and the
    # empty string was "in" the labels' string.
    assert [m.value for m in zh_numbers("数来又数去，一二三四五")] == [1, 2, 3, 4, 5]
    assert [m.value for m in zh_numbers("他住在三四五号房间")] == [345]


# Pieces numbers are written with in either language, joined at random: a reader must never raise on any of them.
_EN_PIECES = ["19", "S", "s", "19S", "3", "million", "lakh", "crore", "point", "five", "zero", "and", "a", "half", "-", "/",
              "1/4", "two", "tenths", "or", "to", "percent", "%", "No.", "the", "1960s", "'s", "k", "K", "bn", "£", "$", ".",
              ",", "1,000", "at", "one", "dozen", "quarter", "past", "5.30", "p.m.", "in", "out of", "of", "388", "thirds"]
_ZH_PIECES = ["1", "万", "5,000", "亿", "千", "百", "十", "两", "半", "个", "升", "三", "点", "五", "好球", "出局", "块", "一",
              "民国", "四十", "几", "年", "月", "初", "八", "成", "/", "4", "子", "零", "〇", "第", "号", "时", "分", "约",
              "多", "余", "%", "，", "。", "S", "19"]


@settings(max_examples=120, deadline=None)
@example(["Route", "No.", "19S"], ["19S"], " ")  # raised KeyError before stop 41's fix
@given(st.lists(st.sampled_from(_EN_PIECES), max_size=12), st.lists(st.sampled_from(_ZH_PIECES), max_size=12),
       st.sampled_from(["", " "]))
def test_numbers_readers_never_raise_and_give_finite_values(en_pieces, zh_pieces, joiner):
    en, zh = joiner.join(en_pieces), joiner.join(zh_pieces)
    for mention in en_numbers(en) + zh_numbers(zh):
        assert math.isfinite(mention.value)
