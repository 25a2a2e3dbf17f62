"""Numbers in Chinese: digits, numerals and their ranges, hedges, units, months, decades, shares and discounts.

:func:`zh_numbers` reads the typed mentions (:class:`~.common.Mention`) the number check compares and the
aligner's keys are built from.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re

from .common import (
    _ZH_TABLES,
    SPACED_THOUSANDS,
    ZH_DIGITS,
    ZH_UNITS,
    Mention,
    clock_times,
    hedged,
    hyphen_named,
    list_number_mention,
    place_value,
    share,
    statistic_arguments,
    thousands_band,
    unit_factor,
    unit_family,
    units_over_ranges,
    year_ranges_and_always,
)
from .zh_numerals import (
    COUNTERS,
    FINANCIAL_DIGITS,
    ZH_ERA_FIRST_YEAR,
    ZH_ERAS,
    ZH_FINANCIAL,
    chinese_numeral_value,
    era_year_base,
    financial,
    numeral_value,
    read_short_year,
)

_NUMERAL = "".join(ZH_DIGITS) + "".join(ZH_UNITS)
_APPROX_ZH: str = _ZH_TABLES["approximate"]
_NUMERAL_CHARS = frozenset(_NUMERAL)
_NUMERAL_CHAR = re.compile(f"[{_NUMERAL}]")
# Labels of a list inside a row: （一） (二) and ①②, which English numbers (1) (2) or not at all: weak.
_ZH_LIST_LABEL = re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]|([\u2460-\u2473])")
# Doublings: 翻一番 doubles, 翻两番 quadruples, 翻了三番 multiplies by eight.  English often says it with no number
# (doubled, quadrupled), so the factor is weak: matched when the English has it (eightfold), never reported alone.
_ZH_DOUBLINGS = re.compile(r"翻了?([一两二三四五\d])番")
# The count of a baseball at-bat and the outs of an inning: 两好球 (two strikes), 三坏球, 两出局.  No counter follows
# the numeral, which alone would not be read.
_ZH_BASEBALL_COUNT = re.compile(r"(?<![一二两三四五六七八九十\d])([一二两三四])(?=[好坏]球|人?出局)")
# A five-year plan by its number and its five: 十四五 (规划) is the 14th Five-Year Plan, not 145 or "14 or 15".
_ZH_FIVE_YEAR_PLAN = re.compile(r"(?<![一二三四五六七八九十])(十[一二三四五六七八九]?|[一二三四五六七八九])五"
                                r"(?=”?(?:规划|计划|时期|期间|以来|末|初|开局))|(?<=“)(十[一二三四五六七八九]?)五(?=”)")
_ANY_NUMERAL = re.compile(rf"[{_NUMERAL}{FINANCIAL_DIGITS}\d０-９\u2460-\u2473]")
# A Chinese number: an optional 几/数 ("several") before a unit, digits or numerals, an approximation
# mark, a 万/亿 scale, a percentage, and the character after it (a counter, 月 ...).
# Digits glued to Latin letters (A4, G7, K1100, @user13, [PERSON14]) or hyphened to a word (COVID-19, CCTV-2)
# name a thing; English reads them the same way.  Digits joined by an underscore are part of an identifier
# (TLSv1_2, x86_64, sha3_224, 1_000 in code), which English's word boundaries never read either.
# Modern Chinese often sets a space between digits and characters (17.5 万, 2022 年 10 月): the scale
# and the character after a number may follow one space.
# 千 after digits is a thousand, except as the kilo- of a unit (3千克, 350千卡 kcal, 100千瓦 kW, 50千帕 kPa).
# 两 after a numeral and before a digit is the tael, not two: 二万六千三百一十八两四钱 is 26,318 taels 4 qian.
_ZH_NUMBER = re.compile(
    rf"(百分之)?(第)?([几数](?=[十百千万亿]))?((?<![A-Za-z\d._])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\d_])|"
    rf"(?:(?!(?<=[{_NUMERAL}])两(?=[一二三四五六七八九零〇]))[{_NUMERAL}])+)"
    rf"([{_APPROX_ZH}]| [多余](?=[万亿]))?"
    rf"(?: ?(万亿|[万亿]|(?:(?<=\d)|(?<=\d ))(?:千(?![克米瓦卡焦赫伏帕])|百(?!分))))?([多余]?)"
    rf"(%|％)?(?: (?=[年月日号点时分秒万亿个人]))?(.?)"
)
# A decade, with its century when it is said: 90年代, 上世纪60年代, 19 世纪 80 年代, 1930年代, 六十年代.
_ZH_DECADE = re.compile(rf"(?:(上|\d{{2}}|[{_NUMERAL}]{{2,3}}) ?世纪 ?)?((?<![\d{_NUMERAL}])(?:\d{{2}}|\d{{4}}|[{_NUMERAL}]{{2,4}})) ?年代")
# Two neighbouring decades said at once: 6、70 年代, 七八十年代 (the '70s and '80s), with their century when it is said.
_ZH_DECADE_PAIR = re.compile(rf"(?:(上|\d{{2}}|[{_NUMERAL}]{{2,3}}) ?世纪 ?)?(?<![\d{_NUMERAL}])"
                             rf"([1-8一二三四五六七八])、?([2-9二三四五六七八九])(0|十) ?年代")
# Tenths: 七成 is 70 %, 八九成 80-90 %, with the hedges around it (近七成, 七成以上).  成 is a share only where a share
# ends (七成的人, 占七成。) or after a verb of quantity (增长两成); 八成是 is "probably", 一成不变 "unchanging".
_ZH_TENTHS = re.compile(r"(?<![\d.一二两三四五六七八九十百千万亿零〇])([一二两三四五六七八九]{1,2}|十|\d(?:\.\d)?)成"
                        r"([一二三四五六七八九](?![\d一二两三四五六七八九十百千万亿零〇]|[个只条位人次年天]))?"  # 三成五: 35 %
                        r"(?:(多|以上|以下|左右)|(?=[的之，。；、,.;：:）)」”\s]|$))?")
_ZH_QUANTITY_VERB = re.compile(r"(?:占|达|达到|超过|超|逾|增长|增加|上涨|上升|下降|下跌|减少|提高|降低|涨|跌|约|近|不到|不足)$")
# A discount: 七折 is a price of 70 % of the original, which English says as 30 % off; 八五折 and 8.5折 are 15 % off.
# 折 is a discount only where a price is spoken of around it (打七折, 全场五折, 低至三折, 八折优惠): 折叠 (fold),
# 一波三折 (twists and turns) and 他把纸折了三折 (folded in three) are none.
_ZH_DISCOUNT = re.compile(r"(?<![\d.一二两三四五六七八九十百千万亿零〇])(\d(?:\.\d|\d)?|[一二三四五六七八九]{1,2})折"
                          r"(?![叠腾磨断服扣返射旧算合线纸页])")
_ZH_DISCOUNT_BEFORE = re.compile(r"(?:打|享|低至|全场|全馆|一律|均|统一|会员|特价|优惠|限时|仅|只要|可享|最低)$")
_ZH_DISCOUNT_AFTER = re.compile(r"(?:优惠|促销|特价|特卖|销售|出售|起|券|卡)")
# A score or a ratio in numerals: 三比一 (3-1), 二比零; every part counts, 一 and 零 too.
_ZH_SCORE = re.compile(rf"(?<![\d{_NUMERAL}])([零〇一二两三四五六七八九十]{{1,3}})比"
                       rf"([零〇一二两三四五六七八九十]{{1,3}})(?![\d{_NUMERAL}])")
# A decimal said the spoken way, the unit between the whole and the fraction: a height (一米八 1.8 m, 一米七五 1.75 m,
# 8米95), a time (9秒58, 9.58 seconds), a price (三块五, 3.5 yuan; 两块五一两, 2.5 yuan a liang).
_ZH_SPOKEN_DECIMAL = re.compile(rf"(?<![\d{_NUMERAL}.])(\d{{1,2}}|[一两二三四五六七八九十])(米|秒|块)"
                                rf"(\d{{1,2}}|[一二三四五六七八九]{{1,2}})(?!(?!一两)[\d{_NUMERAL}.厘毫分秒米块元])")
# 丈 and 尺 read as one length in 尺, the 丈 counted once when no numeral says more: 丈八 (蛇矛) and 一丈八尺 are 18, 三丈五 is 35.
_ZH_ZHANG_AND_CHI = re.compile(rf"(?<![\d{_NUMERAL}.])([一两二三四五六七八九]?)丈([一二三四五六七八九])尺?(?![\d{_NUMERAL}.尺寸])")
# A sum in yuan, jiao and fen (一角五分, 三元五角, 一元二角三分, 五毛钱), as prices were said before decimals: English
# gives it in its smallest unit (*15 fen*), in yuan (*0.15 yuan*) or part by part (*1 jiao 5 fen*).  角 and 毛 alone are
# a corner, a horn or a name (一角, 五角星, 毛泽东), so a 元 before or a 分 or 钱 after is required.
_ZH_PRICE_DIGIT = r"(\d|[一二两三四五六七八九])"
_ZH_YUAN_JIAO_FEN = re.compile(
    rf"(?<![\d{_NUMERAL}.])(?:(\d{{1,4}}|[一二两三四五六七八九十]{{1,3}})[元块]{_ZH_PRICE_DIGIT}[角毛](?:{_ZH_PRICE_DIGIT}分)?"
    rf"|{_ZH_PRICE_DIGIT}[角毛]{_ZH_PRICE_DIGIT}分|{_ZH_PRICE_DIGIT}毛钱)(?![\d{_NUMERAL}])"
)
# Yuan and cents in digits, as a price tag writes them: 3元80分 is 3.80 (十个3元80分 ↔ *ten for S$3.80*), or 380 cents.
_ZH_YUAN_AND_FEN = re.compile(r"(?<![\d.])(\d{1,6})[元块](\d{1,2})分(?![\d钟])")
_ZH_SPOKEN_CENTS = re.compile(r"[毛角]([\d一二三四五六七八九])(?![\d一二三四五六七八九十百千万])")  # after 三块五: 毛六
# 911 事件: the attacks of 11 September, which English writes 9/11 or September 11 (a date, not nine hundred and eleven).
_ZH_NINE_ELEVEN = re.compile(r"(?<![\d.])911(?= ?事件)")
# Holidays named by their date, month then day: 五一 May Day, 十一 National Day (1 October), 双十一 Singles' Day, 三八
# Women's Day.  Read so only in quotation marks (‘五一’‘十一’) or before a word of holidays (十一黄金周, 五一期间), where
# English names the holiday without its numbers, or says the date.
_ZH_HOLIDAY = re.compile(r"(?<=[‘“'\"「『])(双十一|十一|[五六七八]一|三八)(?=[’”'\"」』])|"
                         r"(?<![\d零〇一二两三四五六七八九十百千万亿第])(双十一|十一|[五六七八]一|三八)(?=黄金周|小长假|长假|假期|假日|期间)")
_HOLIDAY_HINT = re.compile(r"[一八][’”'\"」』]|[一八](?:黄金周|小长假|长假|假期|假日|期间)")  # most text has neither
_HOLIDAY_DATES = {"双十一": (11, 11), "十一": (10, 1), "五一": (5, 1), "六一": (6, 1), "七一": (7, 1), "八一": (8, 1),
                  "三八": (3, 8)}
# Tens and units joined by 有, as older and formal Chinese counts years: 六十有五 is 65 (十有八九 "most likely" is none).
_ZH_TENS_AND_UNITS = re.compile(r"(?<![一二两三四五六七八九十百千万亿零〇\d])([二三四五六七八九]?十)有([一二三四五六七八九])"
                                r"(?![一二两三四五六七八九十百千万亿零〇\d])")
# Hundreds and what is over them joined by 单, as older vernacular fiction counts: 一百单八将 is 108 (modern 一百零八).
_ZH_HUNDREDS_AND_ODD = re.compile(r"(?<![一二两三四五六七八九十百千万亿零〇\d])([一二两三四五六七八九]?百)单"
                                  r"([一二三四五六七八九]?十?[一二三四五六七八九]?)(?![一二两三四五六七八九十百千万亿零〇\d])")
# 亿 then 万 in digits, one number: 1亿5000万 is 150 million.
_ZH_YI_WAN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?) ?亿(\d,\d{3}|\d{1,4}) ?万")
# A scale in digits, then what is below it in digits and characters, one number: 4亿5千万 is 450 million, 1万2千 is 12,000;
# and 万 then its thousands in digits, as Taiwanese contracts and judgments write sums: 1万5,000元 is 15,000.
_ZH_SCALE_AND_REST = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)(?:亿((?:[1-9][千百十]){1,3}万)|万((?:[1-9][千百十]){1,3}|"
                                r"\d,?\d{3}(?![.,]\d)))(?![\d一二两三四五六七八九十百千万亿])")
_ASCII_TO_ZH_DIGIT = str.maketrans("123456789", "一二三四五六七八九")
# A decimal said in numerals: after 百分之 (百分之四点五 is 4.5 %), or before a scale, a multiple or a unit of measure
# (三点五亿 350 million, 一点五倍 1.5 times, 三点五米), its decimals read digit by digit.  Anywhere else 三点五 is as often
# half past three (三点五十分 is 3:50: 十 is no decimal digit).
_ZH_NUMERAL_DECIMAL = re.compile(rf"(?:(百分之)|(?<![{_NUMERAL}]))([{_NUMERAL}]+)点([零〇一二三四五六七八九]+)(万亿|亿|万|倍)?")
# The value of a scale after digits or a numeral: 3 万, 1 万亿 (10^12), 6 千 (digits only: 六千 is one numeral).
_ZH_SCALES = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000, "万亿": 10**12}
# The look-behinds start a denominator only where its run starts: without them a long run with no
# 分之 after it is scanned again from each of its characters (quadratic in the run's length).
_ZH_FRACTION = re.compile(rf"((?<![{_NUMERAL}])[{_NUMERAL}]+|(?<!\d)\d+)分之([{_NUMERAL}]+|\d+)")
# 每2个人中就有1个, 每十人有一人: a share (English "one in two"), read as a fraction like 分之.
_ZH_EVERY_HAS = re.compile(rf"每 ?((?<![{_NUMERAL}])[{_NUMERAL}]+|(?<!\d)\d+) ?[个名位人家户只台辆]?[^，。；！？、\d{_NUMERAL}]{{0,6}}?"
                           rf"[中里]?[，,]? ?[就便]?有 ?([{_NUMERAL}]+|\d+)(?![{_NUMERAL}\d])")
# The longest Chinese numeral a text writes is about 22 characters (一千二百三十四亿五千六百七十八万九千零一十二);
# a longer run is not a number, and its value would be an integer of thousands of digits.
MAX_ZH_NUMERAL_CHARS = 30
# Hong Kong and Taiwan official text writes the zero of a year digit by digit with a white circle (二○二三年).
_CIRCLE_ZERO_RUN = re.compile(r"[一二三四五六七八九〇零○]*○[一二三四五六七八九〇零○]*")


def _circle_as_zero(run: re.Match) -> str:
    """A run of digit characters with ○ in it, its ○ read as 〇 when it holds a numeral (not a censored name, 王○○)."""
    digits = run.group()
    return digits.replace("○", "〇") if any(ch in "一二三四五六七八九" for ch in digits) else digits
_ZH_NOT_NUMBERS = frozenset(_ZH_TABLES["not_numbers"])
_ZH_MEASURES: tuple[str, ...] = tuple(_ZH_TABLES["measures"])
# Hedges around a Chinese number: before it (将近 "nearly", 约 "about") and after it (左右 "or so").
_ZH_HEDGE_BEFORE = re.compile("(" + "|".join(_ZH_TABLES["hedges_before"]) + ")$")
_ZH_HEDGE_AFTER = re.compile(".?.?(" + "|".join(_ZH_TABLES["hedges_after"]) + ")")  # used with .match(text, position)


def _hedge_around(text: str, start: int, end: int) -> str:
    """The hedge of the number at ``text[start:end]``: ``about`` (约, 大约 before it, 左右 after it), ``below`` (近,
    将近 before it) or ``""``.

    >>> _hedge_around("约三百人", 1, 3), _hedge_around("将近三百人", 2, 4), _hedge_around("三百人左右", 0, 2)
    ('about', 'below', 'about')
    """
    before = text[max(0, start - 3) : start]
    if _ZH_HEDGE_AFTER.match(text, end):
        return "about"
    if before.endswith(("将近", "接近", "近")):
        return "below"
    return "about" if _ZH_HEDGE_BEFORE.search(before) else ""


# 点半, 时半: half past the hour, thirty minutes (not the 时半 of 一时半会, 一时半刻 "a short while").
_ZH_HALF_HOUR = re.compile(rf"(?<=[\d{_NUMERAL}]) ?(?:点半|时半(?![会刻]))")
# The part of the day before an hour said with 时 (下午三时, 晚上九时): with it, or with the minutes after it (九时三十分),
# 三时 is the time of day; alone it may be a count of seasons or moments (四时, 一时).
_DAY_PART = re.compile(r"(?:上午|下午|中午|晚上|早上|凌晨|清晨|早晨|傍晚|夜间|夜里|深夜|午夜|晚间|今晚|当晚|昨晚|明晚|今早|明早)\s*$")
_HOUR_FOLLOWED = re.compile(rf"[许整正半]|[{_NUMERAL}\d]+分")
# A move of Chinese chess: piece, file (or 前/后 for two pieces on one file), direction, file or distance (炮二平五, 马8进7).
_ZH_XIANGQI_MOVE = re.compile(r"[车马炮相象仕士帅将兵卒][1-9一二三四五六七八九前后][进退平][1-9一二三四五六七八九]")
# A day of a lunar month: 十月初八, 正月初一 (the 8th, the 1st).  Without its month, 初一 may be the first year of
# junior school, and 三月初 is early March.
_ZH_LUNAR_DAY = re.compile(r"(?<=月)初([一二三四五六七八九十])(?![一二三四五六七八九十百千万])")
# List numbering at the start of a row ("7. Camera", "3、"): a label, not a quantity.
_MORE_DOTS = re.compile(r"\.\d")  # used with .match(text, end of a number)
# Pay words a K after digits follows (月薪25K, 年薪30K, 底薪8K): thousands of the currency, not a code.
_PAY_BEFORE = re.compile(r"[薪资酬]\s*[:：]?\s*$")
_ZH_ENUMERATOR = re.compile(r"^\s*\d+\s*[.、．)）](?!\d)\s*(?=\S)")  # "3." numbers a list; "3.5" is a number


_DEGREE_TERM = re.compile(r"[一二三四]次(?:方程|函数|曲线|多项式|根式|型|元)")
# 四周 "all around", unless a span of weeks: after a verb of duration or a demonstrative (持续四周, 这四周), or before
# what follows a span (四周后, 四周内, 四周以来, 四周左右, 四周的时间).
_WEEKS_BEFORE = re.compile(r"(?:持续|连续|为期|历时|经过|用了|花了|需要|需|共|约|近|大约|这|那|头|最后|每|满|了|过去)$")
_WEEKS_AFTER = re.compile(r"四周(?:后|内|前|以|左右|时间|的时间|岁|半|多|来)")


# A numeral before a kinship term or a title counts a child's place among its siblings: 三太子 *the Third Prince*, 二叔
# *Second Uncle*, 四阿哥, 三姑娘.  English says it as an ordinal, or as a name, or not at all.  Used with .match(text, end
# of the numeral).
_BIRTH_ORDER_AFTER = re.compile(r"(?:太子|皇子|王子|阿哥|格格|公主|少爷|小姐|公子|姑娘|少奶奶|奶奶|当家|师兄|师姐|师弟|师妹|"
                                r"哥|姐|弟|妹|叔|伯|姑|舅|姨|嫂|婶|爷|娘)")
# The first end of a range said with its counter once, after the second (三至四天, 十到十五年, 三或四个).
_RANGE_MARKS = frozenset("至到或～~－-—–")
_NUMERAL_NEXT = re.compile(rf"[\d{_NUMERAL}]")  # used with .match(text, position after the range's mark)
# A part numbered after its name, as textbooks and appendices number them: 课题五：, 课文一, 例题三, 附件一, 步骤二.
_PART_NAMED_BEFORE = re.compile(r"(?:课题|课文|对话|例句|例题|习题|练习|问题|思考题|步骤|方法|附件|附录|单元|部分|阶段|方案|任务|活动)$")


def _numbers_a_part(text: str, start: int, after: str) -> bool:
    """True when the lone numeral at ``start`` numbers the part named before it and ends the label (课题五： ↔ *Topic 5:*).

    >>> _numbers_a_part("课题五：二次方程", 2, "："), _numbers_a_part("方法一样", 2, "样")
    (True, False)
    """
    return (after == "" or after in "：:、，,。. ）)") and _PART_NAMED_BEFORE.search(text, max(0, start - 2), start) is not None


def _around(text: str, start: int) -> bool:
    """True when 四周 at ``start`` is "all around", not four weeks.

    >>> _around("观众席四周响起", 3), _around("持续四周", 2), _around("四周后复诊", 0)
    (True, False, False)
    """
    return _WEEKS_BEFORE.search(text, max(0, start - 2), start) is None and _WEEKS_AFTER.match(text, start) is None


_LUNAR_DATE_WORD = re.compile(r"(?:正|腊|冬|[一二三四五六七八九十]{1,2})月(?:初|廿)?[一二三四五六七八九十]{1,3}日?")


def _idiom_word(word: str) -> bool:
    """A dictionary word whose numerals are not a quantity: 统一, 三心二意, 四面八方, 十字路口.

    >>> [_idiom_word(word) for word in ("统一", "十字路口", "前十名", "前三天", "近两年", "前三合村", "头一无二")]
    [True, True, False, False, False, True, True]
    >>> [_idiom_word(word) for word in ("百分比", "百分制", "二次方程", "两次", "正月十五")]
    [True, False, True, False, False]
    """
    if word in _ZH_NOT_NUMBERS:
        return True
    if _LUNAR_DATE_WORD.fullmatch(word):
        return False  # 正月十五, 八月十五: a festival named by its date, which English gives as a date (the 15th day)
    if word.startswith("十分") and not word.startswith("十分钟"):
        return True  # 十分高兴 "very glad", one word to jieba; 十分钟 is ten minutes
    if word.startswith("百分") and word[2:3] in ("比", "点", "法", "数", "率"):
        return True  # 百分比 percentage, 百分点 percentage point: no hundred (百分制, a scale of 100, is one)
    if _DEGREE_TERM.match(word):
        return True  # 二次方程 a quadratic equation, 三次函数 a cubic: the degree of a term, no count
    if word[0] in "前头近每" and word[1:2] in _NUMERAL:
        # A rank, a first few, a recent span or a rate (前十名 the top ten, 头一回, 近两年 nearly two years, 每千人) counts;
        # a name or an idiom (前三合村, 头一无二) does not.
        return len(word) >= 4 and word[2] not in _NUMERAL + _APPROX_ZH and word[2] not in COUNTERS
    body = word[1:] if word[0] == "第" else word
    if not body or body[0] not in _NUMERAL and body[0] not in "几数" and not body[0].isdigit():
        return True  # the numeral is inside the word (统一, 星期三)
    # Four characters or more with a non-numeral second character: 三心二意, 千方百计.
    return len(word) >= 4 and word[1] not in _NUMERAL + _APPROX_ZH and word[1] not in COUNTERS


def _range_run(run: str) -> tuple[int, int] | None:
    """``(low, high)`` for a run with two consecutive digits: 两三 2–3, 十七八 17–18, 一二十 10–20, 三四百 300–400;
    and 三五, a few (三五百 300–500, 三五成群).

    >>> _range_run("三五百"), _range_run("三百五"), _range_run("二〇二三")
    ((300, 500), None, None)
    """
    if len(run) >= 3 and all(ch in ZH_DIGITS for ch in run):
        return None  # read digit by digit: a year (二〇二三), not 二三 "two or three"
    for i in range(len(run) - 1):
        a, b = run[i], run[i + 1]
        if a in ZH_DIGITS and b in ZH_DIGITS and ZH_DIGITS[a] >= 1 and (ZH_DIGITS[b] - ZH_DIGITS[a] == 1 or a + b == "三五"):
            low = numeral_value(run[: i + 1] + run[i + 2 :])
            high = numeral_value(run[:i] + run[i + 1 :])
            if low is not None and high is not None and low < high:
                return low, high
    return None


def _numeral_words(text: str, words: list[str]) -> list[tuple[int, str]]:
    """``(start, word)`` of the words of two characters or more that hold a numeral character.

    When the words cover the text exactly (jieba's cut does), each numeral is
    placed in its word by bisection over the words' ends: a book has a
    million words and a few thousand numerals.

    >>> _numeral_words("他十分高兴，三个人。", ["他", "十分", "高兴", "，", "三个", "人", "。"])
    [(1, '十分'), (6, '三个')]
    """
    ends = list(itertools.accumulate(map(len, words)))
    found: list[tuple[int, str]] = []
    if ends and ends[-1] == len(text):
        last = -1
        for match in _NUMERAL_CHAR.finditer(text):
            k = bisect.bisect_right(ends, match.start())
            if k != last and len(words[k]) >= 2:
                found.append((ends[k] - len(words[k]), words[k]))
            last = k
        return found
    position = 0
    for word in words:
        start = text.find(word, position)
        if start < 0:
            continue
        position = start + len(word)
        if len(word) >= 2 and not _NUMERAL_CHARS.isdisjoint(word):
            found.append((start, word))
    return found


def zh_list_number(text: str) -> Mention | None:
    """The number of the list item ``text`` opens with (``12.``, ``3、``), or None.

    >>> zh_list_number("12. 驾驶人饮酒后驾驶机动车的……").value, zh_list_number("3.5米")
    (12.0, None)
    """
    return list_number_mention(_ZH_ENUMERATOR.match(text))


def _yuan_jiao_fen(match: re.Match) -> list[Mention]:
    """The ways English may say a sum in yuan, jiao and fen, each weak (matched when there, never missed): the sum in
    yuan, in its smallest unit, and each part.

    >>> sorted(m.value for m in _yuan_jiao_fen(_ZH_YUAN_JIAO_FEN.search("票价一角五分")))
    [0.15, 1.0, 5.0, 10.0, 15.0]
    >>> sorted(m.value for m in _yuan_jiao_fen(_ZH_YUAN_JIAO_FEN.search("挣了一元二角")))
    [1.0, 1.2, 2.0, 12.0, 20.0, 120.0]
    """
    def value(part: str | None) -> int:
        if not part:
            return 0
        return int(part) if part.isdigit() else numeral_value(part) or 0

    yuan = value(match.group(1))
    jiao = value(match.group(2) or match.group(4) or match.group(6))
    fen = value(match.group(3) or match.group(5))
    in_fen, in_jiao = yuan * 100 + jiao * 10 + fen, yuan * 10 + jiao
    # The sum in yuan, in fen (English cents: 一元二角 is *one yuan and twenty cents*), in jiao when no fen is said,
    # and each part, the jiao in fen too.  (A spoken price, 一块二毛, is read before this as 1.2 yuan.)
    sums = {round(yuan + jiao / 10 + fen / 100, 2), float(in_fen), float(jiao * 10), *(float(part) for part in (yuan, jiao, fen))}
    if not fen:
        sums.add(float(in_jiao))
    sums.discard(0.0)
    return [Mention(number, False, False, match.group(), weak=True) for number in sorted(sums)]


def zh_numbers(text: str, words: list[str] | None = None) -> list[Mention]:
    """Numbers in (normalized, Simplified) Chinese text.

    A numeral inside a dictionary word that is not a number (``十分`` "very",
    ``三心二意``) is skipped when ``words`` (the jieba words) are given; a
    lone ``一`` is the article "a" and is skipped too.  Approximate
    expressions carry their range: 十多万 is 100,000–199,999, 二十几 21–29,
    几百 200–900, 十七八 17–18, 三十左右 ±20%.

    >>> [m.value for m in zh_numbers("百分之五十的人走了两三里，第五天是2021年")]
    [50, 2, 5, 2021]
    >>> [m.span for m in zh_numbers("五百余口人，二十几两银子，十七八个")]
    [(500, 599.9), (21, 29), (17, 18)]
    >>> [(m.text, m.value) for m in zh_numbers("三年零两个月，比分三比一，他一米八，三个世纪")]
    [('三', 3), ('两', 2), ('三', 3), ('一', 1), ('一米八', 1.8), ('三', 300)]
    >>> [(m.text, m.value) for m in zh_numbers("新台币1万5,000元，1万5000元，3亿2,000万元")]
    [('1万5,000', 15000), ('1万5000', 15000), ('3亿2,000万', 320000000)]
    >>> [(m.value, m.era, m.weak) for m in zh_numbers("113学年度课程")]
    [(113, 1911, False), (2025, 0, True)]
    >>> [(m.text, m.value, m.weak) for m in zh_numbers("计省费以亿万计，千千万万的人，三百万人")]
    [('亿万', 100000000, True), ('千千万万', 10000, True), ('三百万', 3000000, False)]
    >>> [(m.text, m.value) for m in zh_numbers("他在两好球后击出安打，两出局；素菜两块五一两")]
    [('两', 2), ('两', 2), ('两块五', 2.5)]
    """
    # Positions inside idiom words, list numbering and fractions: one flag per character, so that
    # a line of thousands of numbers and idioms is not a product of the two.
    if not _ANY_NUMERAL.search(text):
        return []  # half of all sentences: no digit and no numeral character
    if "○" in text:
        text = _CIRCLE_ZERO_RUN.sub(_circle_as_zero, text)  # same length: positions hold
    in_words = bytearray(len(text) + 1)
    if words:
        for start, word in _numeral_words(text, words):
            if _idiom_word(word) or (word == "四周" and _around(text, start)):
                in_words[start : start + len(word)] = b"\x01" * len(word)
    enumerator = _ZH_ENUMERATOR.match(text)
    if enumerator:
        in_words[: enumerator.end()] = b"\x01" * enumerator.end()
    for match in _ZH_XIANGQI_MOVE.finditer(text) if "进" in text or "退" in text or "平" in text else ():
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())  # 车9平8: a move, files not counts
    found: list[tuple[int, Mention]] = []
    for (start, end), mentions in clock_times(text) if ":" in text else ():
        found.extend(mentions)  # 09:00 - 17:30, read as English reads it
        in_words[start:end] = b"\x01" * (end - start)
    for match in _ZH_DECADE_PAIR.finditer(text) if "年代" in text else ():
        first, second = (numeral_value(d) if not d.isdigit() else int(d) for d in match.group(2, 3))
        if first is None or second != first + 1 or in_words[match.start(2)]:
            continue
        for position, digit in ((match.start(2), first), (match.start(3), second)):
            year = _decade_year(match.group(1), f"{digit}0")
            if year is not None:
                found.append((position, Mention(year, False, match.group(4) == "0", f"{digit}0年代", year, year + 9, decade=True)))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_DECADE.finditer(text) if "年代" in text else ():
        year = _decade_year(match.group(1), match.group(2))
        if year is not None and not in_words[match.start(2)]:
            found.append((match.start(), Mention(year, False, match.group(2).isdigit(), match.group().replace(" ", ""),
                                                 year, year + 9, decade=True)))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for (start, end), mentions in year_ranges_and_always(text) + statistic_arguments(text):
        found.extend(mentions)
        in_words[start:end] = b"\x01" * (end - start)
    for match in SPACED_THOUSANDS.finditer(text) if " " in text else ():
        if not in_words[match.start()]:  # $50 000 (Hong Kong textbooks), as English reads it
            found.append((match.start(), Mention(int(match.group().replace(" ", "")), False, True, match.group())))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_HALF_HOUR.finditer(text) if "半" in text else ():
        found.append((match.start(), Mention(30, True, False, "半", weak=True)))
    for match in _ZH_LUNAR_DAY.finditer(text) if "月初" in text else ():
        # Read though jieba keeps 初八 as one word (its dictionary's words of numerals are mostly idioms).
        found.append((match.start(), Mention(ZH_DIGITS.get(match.group(1), 10), False, False, match.group())))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_TENTHS.finditer(text) if "成" in text else ():
        mention = _tenths(text, match)
        if mention is not None and not in_words[match.start()]:
            found.append((match.start(), mention))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_DISCOUNT.finditer(text) if "折" in text else ():
        mention = _discount(text, match)
        if mention is not None and not in_words[match.start()]:
            found.append((match.start(), mention))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_SCORE.finditer(text) if "比" in text else ():
        scores = [0 if part in "零〇" else numeral_value(part) for part in match.groups()]
        if in_words[match.start()]:
            continue
        for position, part, score in zip((match.start(1), match.start(2)), match.groups(), scores, strict=True):
            if score is not None:
                found.append((position, Mention(score, False, False, part)))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_SPOKEN_DECIMAL.finditer(text) if "米" in text or "秒" in text or "块" in text else ():
        whole, unit_word, fraction = match.groups()
        if unit_word == "块" and not fraction.isdigit():
            fraction = fraction[0]  # 三块五一斤: 3.5 yuan a jin (money says its second place in 毛, 三块五毛一)
        end = match.start(3) + len(fraction)
        cents = _ZH_SPOKEN_CENTS.match(text, end) if unit_word == "块" and len(fraction) == 1 else None
        if cents:
            fraction, end = fraction + cents.group(1), cents.end()  # 三块五毛六: 3.56
        digits = fraction if fraction.isdigit() else "".join(str(ZH_DIGITS[ch]) for ch in fraction)
        units = int(whole) if whole.isdigit() else numeral_value(whole)
        if units is None or in_words[match.start()]:
            continue
        spoken = round(units + int(digits) / 10 ** len(digits), len(digits))
        found.append((match.start(), Mention(spoken, False, whole.isdigit(), text[match.start() : end],
                                             unit=_zh_unit(text, match.start(2)))))
        in_words[match.start() : end] = b"\x01" * (end - match.start())
    for match in _ZH_YUAN_JIAO_FEN.finditer(text) if "角" in text or "毛" in text else ():
        if not in_words[match.start()]:
            found.extend((match.start(), mention) for mention in _yuan_jiao_fen(match))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_YUAN_AND_FEN.finditer(text) if "分" in text else ():
        if not in_words[match.start()]:
            yuan, fen = int(match.group(1)), int(match.group(2))
            # Each way English may say it, weak as in _yuan_jiao_fen: the sum, the cents, each part.
            found.extend((match.start(), Mention(float(number), False, True, match.group(), weak=True))
                         for number in {round(yuan + fen / 100, 2), yuan, fen, yuan * 100 + fen} if number)
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_ZHANG_AND_CHI.finditer(text) if "丈" in text else ():  # (丈八蛇矛 is one word to jieba)
        zhang = ZH_DIGITS[match.group(1)] if match.group(1) else 1
        found.append((match.start(), Mention(zhang * 10 + ZH_DIGITS[match.group(2)], False, False, match.group(),
                                             unit=unit_family("尺"), factor=unit_factor("尺"))))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_HOLIDAY.finditer(text) if _HOLIDAY_HINT.search(text) else ():
        holiday = match.group(1) or match.group(2)
        month, day = _HOLIDAY_DATES[holiday]
        found.append((match.start(), Mention(month, False, False, holiday, weak=True)))
        found.append((match.start() + 1, Mention(day, False, False, holiday, weak=True)))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_NINE_ELEVEN.finditer(text) if "911" in text else ():
        found.append((match.start(), Mention(9, False, True, "9", weak=True)))  # the month: 9/11 or September
        found.append((match.start() + 1, Mention(11, False, True, "11")))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_LIST_LABEL.finditer(text):
        label = chinese_numeral_value(match.group(1)) if match.group(1) else ord(match.group(2)) - 0x2460 + 1
        if label:
            found.append((match.start(), Mention(label, False, False, match.group(), weak=True)))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_FIVE_YEAR_PLAN.finditer(text) if "五" in text else ():
        number = match.group(1) or match.group(2)
        found.append((match.start(), Mention(chinese_numeral_value(number) or 0, False, False, number)))
        found.append((match.end() - 1, Mention(5, False, False, "五", weak=True)))  # Five-Year, or five-year, or unsaid
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_BASEBALL_COUNT.finditer(text) if "球" in text or "出局" in text else ():
        if not in_words[match.start()]:
            found.append((match.start(), Mention(ZH_DIGITS[match.group(1)], False, False, match.group(1))))
            in_words[match.start() : match.end()] = b"\x01"
    for match in _ZH_DOUBLINGS.finditer(text) if "番" in text else ():
        times = int(match.group(1)) if match.group(1).isdigit() else ZH_DIGITS[match.group(1)]
        found.append((match.start(), Mention(2**times, False, False, match.group(), weak=True)))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in ZH_FINANCIAL.finditer(text):
        mention = financial(text, match)
        if mention is not None and not in_words[match.start()]:
            found.append((match.start(), mention))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in ZH_ERA_FIRST_YEAR.finditer(text) if "元年" in text else ():
        era = ZH_ERAS[match.group(1)] - 1  # 光绪元年: the first year of the era, 1875
        found.append((match.start(), Mention(1, False, False, match.group(), short_year=True, era=era)))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_TENS_AND_UNITS.finditer(text) if "有" in text else ():
        tens = numeral_value(match.group(1))
        if tens is not None and not in_words[match.start()]:
            found.append((match.start(), Mention(tens + ZH_DIGITS[match.group(2)], False, False, match.group())))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_HUNDREDS_AND_ODD.finditer(text) if "单" in text else ():
        hundreds = numeral_value(match.group(1))
        odd = numeral_value(match.group(2)) if match.group(2) else None
        if hundreds is not None and odd and not in_words[match.start()]:
            found.append((match.start(), Mention(hundreds + odd, False, False, match.group())))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_YI_WAN.finditer(text) if "亿" in text else ():
        joined = float(match.group(1)) * 100_000_000 + int(match.group(2).replace(",", "")) * 10_000
        found.append((match.start(), Mention(int(joined) if joined == int(joined) else joined, False, True, match.group())))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_SCALE_AND_REST.finditer(text) if "亿" in text or "万" in text else ():
        head, below_yi, below_wan = match.groups()
        below = below_yi or below_wan
        rest = int(below.replace(",", "")) if below.replace(",", "").isdigit() else numeral_value(below.translate(_ASCII_TO_ZH_DIGIT))
        if rest is not None and not in_words[match.start()]:
            joined = float(head) * (100_000_000 if below_yi else 10_000) + rest
            scaled_value: float = int(joined) if joined == int(joined) else joined
            hedge = _hedge_around(text, match.start(), match.end())
            low, high = hedged(scaled_value, hedge)
            found.append((match.start(), Mention(scaled_value, bool(hedge), True, match.group(), low, high)))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_NUMERAL_DECIMAL.finditer(text) if "点" in text else ():
        percent_word, run, decimals, scale_word = match.groups()
        whole = numeral_value(run)
        unit_word = "" if percent_word or scale_word else _zh_unit_word(text, match.end())
        if whole is None or in_words[match.start()] or not (percent_word or scale_word or unit_word):
            continue
        decimal = float(f"{whole}." + "".join(str(ZH_DIGITS[c]) for c in decimals))
        scaled = round(decimal * _ZH_SCALES[scale_word], 6) if scale_word in _ZH_SCALES and not percent_word else decimal
        hedge = _hedge_around(text, match.start(), match.end())
        low, high = hedged(scaled, hedge)
        found.append((match.start(), Mention(int(scaled) if scaled == int(scaled) else scaled, bool(hedge), False, match.group(),
                                             low, high, unit=unit_family(unit_word) if unit_word else "",
                                             factor=unit_factor(unit_word), percent=bool(percent_word))))
        in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_EVERY_HAS.finditer(text) if "每" in text else ():
        whole, part = (int(g) if g.isdigit() else numeral_value(g) for g in match.groups())
        if whole and part and part < whole:
            found.append((match.start(1), Mention(share(part / whole), False, match.group(1).isdigit(), match.group())))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_FRACTION.finditer(text):
        if match.group(1) == "百" or match.start() > 0 and text[match.start() - 1] in _NUMERAL:
            continue  # 百分之五十 is a percentage (千分之三 is a share: 0.3 %)
        if match.group(1) == "百万":  # 百万分之五: 5 parts per million, as English says it, when it says a number: weak
            per_million = numeral_value(match.group(2)) if not match.group(2).isdigit() else int(match.group(2))
            if per_million is not None:
                found.append((match.start(2), Mention(per_million, False, match.group(2).isdigit(), match.group(2), weak=True)))
                in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            continue
        if max(len(match.group(1)), len(match.group(2))) > MAX_ZH_NUMERAL_CHARS:
            continue
        denominator = numeral_value(match.group(1)) if not match.group(1).isdigit() else int(match.group(1))
        numerator = numeral_value(match.group(2)) if not match.group(2).isdigit() else int(match.group(2))
        if denominator and numerator is not None:
            found.append((match.start(), Mention(share(numerator / denominator), False, match.group(1).isdigit(), match.group())))
            in_words[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ZH_NUMBER.finditer(text):
        percent, ordinal, several, run, approx, scale, approx_after_scale, percent_sign, after = match.groups()
        approx = (approx or "").strip() or approx_after_scale  # 200 多万; 6 千多: over six thousand (not 989 来: "to come")
        start = match.start(4)
        if in_words[start]:
            continue
        if run == "千" and text.startswith("米", match.end(4)):
            continue  # 平方千米, 每千米: the unit (kilometre), not a thousand
        hedge = _hedge_around(text, match.start(), match.end() - len(after))
        if run[0].isdigit():
            if _MORE_DOTS.match(text, match.end(4)):
                continue  # 3.7.1, 192.0.2.1: a version or an address, which English does not read as a number either
            try:
                number = float(run.replace(",", ""))
            except ValueError:
                continue
            if scale:
                number *= _ZH_SCALES[scale]
            if not math.isfinite(number):
                continue  # hundreds of digits: not a quantity, and no integer value
            if after == "月" and not approx and not scale and 1 <= number <= 12:
                found.append((start, Mention(int(number), False, True, run + "月", month=True)))
                continue
            if after in ("k", "K") and not re.match(r"[A-Za-z_]", text[match.end() : match.end() + 1]) and (
                    after == "k" or hedge or thousands_band(text, start) or _PAY_BEFORE.search(text, max(0, start - 4), start)):
                number, after = number * 1000, ""  # 100k, 约5K, 月薪25K, 40K-60K: thousands, as English reads them
            code = (bool(re.match(r"[A-Za-z_]", after)) and not percent_sign) or hyphen_named(text, start) and not (
                number >= 1000 and thousands_band(text, start))
            shown = (match.group(0)[: len(match.group(0)) - len(after)] if after else match.group(0)).rstrip()
            low, high = hedged(number, "above" if approx in ("多", "余") else "about" if approx else hedge)
            unit_word = _zh_unit_word(text, match.end() - len(after))
            clock = _zh_hour(after, number, bool(approx or scale or percent or percent_sign))  # 约20时 is about 8 p.m.
            academic = text.startswith("学年", match.end() - len(after))  # 113学年度: August 2024 to July 2025
            short_year, era = read_short_year(text, start, run, number, (after == "年" or academic) and not (
                approx or hedge or scale or percent or percent_sign or "." in run))
            one_more = _one_more_multiple(text, start, after, bool(approx or hedge or percent))
            if one_more:
                found.append((start, Mention(number + 1, False, True, shown, weak=True)))  # 额外1倍: double
            found.append((start, Mention(int(number) if number == int(number) else number, bool(approx or hedge), True,
                                         shown, low, high, code, unit=unit_family(unit_word) if unit_word else "",
                                         factor=unit_factor(unit_word), percent=bool(percent or percent_sign), clock=clock,
                                         short_year=short_year, era=era, weak=one_more)))
            if academic and short_year and era:  # its second year, which the English may give too (*2024–2025*)
                found.append((start, Mention(int(number) + 1 + era, False, True, shown, weak=True)))
            continue
        if run[0] in "零〇" and len(run) > 1 and not (start and (text[start - 1] in _NUMERAL_CHARS or text[start - 1].isdigit())):
            run, start = run[1:], start + 1  # 三年零两个月, 一斤零三两: 零 joins two quantities ("and"), it is no digit
        if run.endswith("两") and len(run) >= 2 and run[-2] != "一":
            run = run[:-1]  # 五十两: fifty taels (两 is the unit, not "two")
            after = "两"
        # (七八 of 乱七八糟 is no number, but 七八个人, 七八岁 are seven or eight.)
        if ((run in _ZH_NOT_NUMBERS and not (run == "七八" and (after in COUNTERS or _zh_unit(text, match.end() - len(after)))))
                or text[start : start + 4] in _ZH_NOT_NUMBERS or len(run) > MAX_ZH_NUMERAL_CHARS):
            continue
        shown = (percent or "") + (ordinal or "") + (several or "") + run + approx + (scale or "")
        if (after == "分" and len(run) == 1 and not (percent or ordinal or several or approx or scale)
                and text[match.end() : match.end() + 1] not in ("钟", "之")):
            shown += after  # 八分 may be tenths (煎八分, 七分饱): shown whole, for the check to weigh it so
        if several:
            unit = numeral_value(run + (scale or ""))
            if unit:
                found.append((start, Mention(unit * 2, True, False, shown, unit * 2, unit * 9)))
            continue
        pair = _range_run(run)
        if pair and not approx:
            factor = _ZH_SCALES[scale] if scale else 1
            low, high = pair[0] * factor, pair[1] * factor
            found.append((start, Mention(low, True, False, shown, low, high)))
            continue
        if (len(run) == 1 and not (ordinal or percent or approx or scale) and after not in COUNTERS
                and not _zh_unit(text, match.end() - len(after)) and not _hour_of_day(text, start, match.end(), after)
                and after != "旬" and not _numbers_a_part(text, start, after)
                and not (after in _RANGE_MARKS and _NUMERAL_NEXT.match(text, match.end()))):
            if run in ZH_DIGITS and _BIRTH_ORDER_AFTER.match(text, match.end() - len(after)):
                # 三太子 *the Third Prince*, 二叔 *Second Uncle*: matched when said, never missed
                found.append((start, Mention(ZH_DIGITS[run], False, False, run, weak=True)))
            continue  # 三思, 一心: a lone numeral counts only before a counter or a unit (三个, 三厘米), or opening a range (三至四天)
        if after == "成" and len(run) <= 2 and not (ordinal or percent or scale) and not _starts_word(words, match.end() - 1):
            continue  # tenths that end no share (八成是他 "probably him", 一成不变): the shares were read above
        if _counted_out(run) and not (ordinal or percent or approx or scale) and after not in _LABELLED_BY:
            # 一二三四五, 五四三二一: counted out one by one (a rhyme, a countdown), not a number read digit by digit
            # (三四五号房间 is room 345)
            found.extend((start + i, Mention(ZH_DIGITS[ch], ZH_DIGITS[ch] == 1, False, ch, weak=ZH_DIGITS[ch] == 1))
                         for i, ch in enumerate(run))
            continue
        if len(run) >= 3 and all(ch in ZH_DIGITS for ch in run) and approx == "几":
            year = numeral_value(run)  # 一九六几年: the 1960s (three digits or more always have a value)
            if year is not None:
                found.append((start, Mention(year * 10, True, False, shown, year * 10, year * 10 + 9)))
            continue
        stacked = run + (scale or "")
        if len(stacked) >= 2 and all(ch in "百千万亿" for ch in stacked) and any(
                _ZH_SCALES[a] >= _ZH_SCALES[b] for a, b in itertools.pairwise(stacked)):
            # 亿万, 千千万万, 万千: countless (*hundreds of millions*, *thousands upon thousands*), no figure; a scale
            # before a larger one is a figure (千万 ten million, 百万).
            largest = max(_ZH_SCALES[ch] for ch in stacked)
            found.append((start, Mention(largest, True, False, shown, largest, largest * 10_000, weak=True)))
            continue
        value: float | None = numeral_value(stacked)
        if value is None and after == "年" and len(run) == 2 and all(ch in ZH_DIGITS for ch in run) and not scale:
            value = 10 * ZH_DIGITS[run[0]] + ZH_DIGITS[run[1]]  # 九八年: '98, read digit by digit
        if value is not None and after == "个" and text.startswith("世纪", match.end()):
            value *= 100  # 三个世纪: three hundred years, as three centuries and 三百年 are
        half = _half_after(text, match.end() - len(after), after) if value and value != 1 and not (
            approx or scale or percent or ordinal) else 0
        if value and half:
            value, shown = value + 0.5, text[start:half]  # 二升半, 三个半小时: two and a half, three and a half
        if value == 1 and not ordinal and not percent and after in COUNTERS and not approx:
            found.append((start, Mention(1, True, False, shown, weak=True)))  # 一个: "one", "1", or the article
            continue
        if value == 1 and len(run) == 1 and not (ordinal or percent or approx) and _numbers_a_part(text, start, after):
            found.append((start, Mention(1, False, False, shown, weak=True)))  # 课文一: *Text 1*, or *Text One*
            continue
        if value is None or (value == 1 and not ordinal and not percent):
            continue
        if after == "月" and 1 <= value <= 12 and not approx:
            found.append((start, Mention(value, False, False, run + "月", month=True)))
            continue
        if after == "旬" and 1 <= value <= 12 and not (approx or scale or ordinal or percent):
            # 年过七旬, 八旬老人: a decade of age, seventy to seventy-nine (*past seventy*, *in his eighties*)
            found.append((start, Mention(value * 10, True, False, run + "旬", value * 10, value * 10 + 9)))
            continue
        if approx == "几":
            place = place_value(numeral_value(run) or 1) * (_ZH_SCALES[scale] if scale else 1)
            low, high = value + place // 10 or 1, value + 9 * max(place // 10, 1)
            if place == 1:
                low, high = value, value + 9
            era = era_year_base(text, start) if after == "年" and not (ordinal or percent or scale) else 0
            if era:  # 民国四十几年: a year of the 1950s, said in the Republic's years
                found.append((start, Mention(value + era, True, False, shown, low + era, high + era)))
                continue
        elif approx in ("多", "余"):
            low, high = hedged(value, "above", place_value(numeral_value(run) or 1) * (_ZH_SCALES[scale] if scale else 1))
        elif approx == "来" or hedge:
            low, high = hedged(value, hedge or "about")
        else:
            low, high = -1.0, -1.0
        # 第一 is *first*, *best* or *top*; before a label of a document's parts (第一条 Article 1, 第一章, 第一天 Day 1)
        # it is the number 1 all the same.
        weak = bool(ordinal) and value == 1 and after not in _PART_LABELS
        short_year, era = read_short_year(text, start, run, value, after == "年" and not (
            ordinal or approx or hedge or scale or percent))
        unit_word = _zh_unit_word(text, match.end() - len(after))
        if _one_more_multiple(text, start, after, bool(approx or hedge or percent)):
            found.append((start, Mention(value + 1, False, False, shown, weak=True)))  # 再加两倍: three times
            weak = True
        found.append((start, Mention(value, bool(approx or hedge or weak), False, shown, low, high, weak=weak,
                                     unit=unit_family(unit_word) if unit_word else "", factor=unit_factor(unit_word),
                                     percent=bool(percent or percent_sign),
                                     clock=_zh_hour(after, value, bool(approx or scale or percent or ordinal)),
                                     short_year=short_year, era=era)))
    return units_over_ranges(text, found)


# Before a multiple, what makes it one more than it says: 额外1倍 is double (twice the points).
_MORE_BEFORE = re.compile(r"(?:额外|再|多出|另外|另)(?:再)?(?:获得|得到|赠送|送|给|加|多)?$")
def _one_more_multiple(text: str, start: int, after: str, hedged_or_share: bool) -> bool:
    """True when the multiple at ``start`` is one more than it says (额外再获得1倍点数: *double points*), which English
    may give either way; both readings are then weak.

    >>> _one_more_multiple("可额外再获得1倍点数", 6, "倍", False), _one_more_multiple("上涨了1倍", 3, "倍", False)
    (True, False)
    """
    return after == "倍" and not hedged_or_share and _MORE_BEFORE.search(text, max(0, start - 6), start) is not None


# What 第N numbers when it labels a part of a text or a plan: article, chapter, section, clause, item, volume, episode,
# page, number, piece, chapter of a novel, lesson, day.  English numbers these too (Article 1, Day 1, Chapter One).
_PART_LABELS = frozenset("条章节款项卷集页号篇回课天")


def _starts_word(words: list[str] | None, position: int) -> bool:
    """True when one of jieba's ``words`` (covering the text) of two characters or more starts at ``position``:
    the 成 of 三 + 成员国 (three member states) starts a word; the 成 of 七成 does not."""
    start = 0
    for word in words or ():
        if start == position:
            return len(word) >= 2
        if start > position:
            return False
        start += len(word)
    return False


def _tenths(text: str, match: re.Match) -> Mention | None:
    """The percentage a match of :data:`_ZH_TENTHS` says, or None when its 成 is no share (八成是 "probably").

    >>> [(m.text, m.span, m.percent) for m in zh_numbers("超过七成的受访者满意，利润增长两成，近八九成。八成是他。约三成五。")]
    [('七成', (70, 79.9), True), ('两成', (20, 20), True), ('八九成', (56.0, 90), True), ('三成五', (28.0, 42.0), True)]
    """
    run, hundredths, hedge_after = match.group(1), match.group(2), match.group(3)
    before = text[max(0, match.start() - 2) : match.start()]
    # A hedge after it (七成以上), the end of the text, 的 or punctuation: the share ends there.
    ends_a_share = hedge_after is not None or match.end() == len(text) or text[match.end()] in "的之，。；、,.;：:）)」” "
    if not ends_a_share and not _ZH_QUANTITY_VERB.search(before):
        return None
    low: float
    high: float
    if run[0].isdigit():
        low = high = float(run) * 10
    else:
        pair = _range_run(run) if len(run) == 2 else None
        tenths = numeral_value(run)
        if pair is not None:
            low, high = pair[0] * 10, pair[1] * 10
        elif tenths is not None:
            low = high = tenths * 10
        else:
            return None
    if hundredths and low == high:
        low = high = low + ZH_DIGITS[hundredths]  # 三成五: 35 %
    value: float = int(low) if low == int(low) else low
    hedge = ("above" if hedge_after in ("多", "以上") or before.endswith(("超过", "超", "逾")) else
             "below" if hedge_after == "以下" or before.endswith(("近", "不到", "不足")) else
             "about" if hedge_after == "左右" or before.endswith("约") else "")
    if hedge == "above":
        low, high = value, high + 9.9
    elif hedge:
        low, high = hedged(value, hedge)[0], max(hedged(high, hedge)[1], high)
    shown = match.group(0)
    return Mention(value, bool(hedge) or low != high, run[0].isdigit(), shown, low if low != high or hedge else -1.0,
                   high if low != high or hedge else -1.0, percent=True)


def _discount(text: str, match: re.Match) -> Mention | None:
    """The reduction a match of :data:`_ZH_DISCOUNT` gives, as the percentage English says (七折: 30 % off), or None
    when no price is spoken of around it.

    五折 is *half price* as often as *50 % off*, and English says *half* without a number: it is weak (matched when it
    can be, never reported alone).

    >>> [(m.text, m.value, m.weak) for m in zh_numbers("全场七折，会员八五折，8.5折优惠，打五折。折叠三次，一波三折")]
    [('七折', 30, False), ('八五折', 15, False), ('8.5折', 15, False), ('五折', 50, True), ('三', 3, False)]
    >>> [(m.text, m.value) for m in zh_numbers("共分为65折、8折及9折三种。65折：车次0803")]
    [('65折', 35), ('8折', 20), ('9折', 10), ('三', 3), ('65折', 35), ('0803', 803)]
    """
    run = match.group(1)
    # In digits it is a discount wherever it stands (65折：車次…); in numerals only where a price is spoken of.
    if not (run[0].isdigit() or _ZH_DISCOUNT_BEFORE.search(text, 0, match.start()) or _ZH_DISCOUNT_AFTER.match(text, match.end())):
        return None
    if run[0].isdigit():
        tenths = float(run) / 10 if len(run) == 2 else float(run)  # 65折 is 6.5 tenths: 35 % off
    elif len(run) == 2:
        first, second = (numeral_value(ch) for ch in run)
        if first is None or second is None:
            return None
        tenths = first + second / 10  # 八五折: 8.5 tenths
    else:
        value = numeral_value(run)
        if value is None:
            return None
        tenths = value
    if not 0 < tenths < 10:
        return None
    off = round(100 - tenths * 10, 1)
    return Mention(int(off) if off == int(off) else off, False, run[0].isdigit(), match.group(), percent=True, weak=off == 50)


def _decade_year(century: str | None, decade: str) -> int | None:
    """The first year of a decade (上世纪 + 60 → 1960; 1930 → 1930); a decade without its century stays 60.

    >>> _decade_year("上", "60"), _decade_year("19", "80"), _decade_year(None, "九十"), _decade_year(None, "1930")
    (1960, 1880, 90, 1930)
    """
    value = int(decade) if decade.isdigit() else numeral_value(decade)
    if value is None or value % 10:
        return None
    if value >= 100:
        return value if 1000 <= value <= 2100 else None
    if century is None:
        return value
    number = 20 if century == "上" else int(century) if century.isdigit() else numeral_value(century)
    return (number - 1) * 100 + value if number and 10 <= number <= 21 else None


# What follows a number read digit by digit that labels a thing (三四五号房间 is room 345, 一二三路 bus 123).
_LABELLED_BY = frozenset("号路室栋楼层次班")


def _counted_out(run: str) -> bool:
    """True for three numerals or more that count up or down by one (一二三四五, 三四五, 五四三二一).

    >>> _counted_out("一二三四五"), _counted_out("五四三二一"), _counted_out("一九九八"), _counted_out("三四")
    (True, True, False, False)
    """
    if len(run) < 3 or not all(ch in ZH_DIGITS for ch in run):
        return False
    steps = {ZH_DIGITS[b] - ZH_DIGITS[a] for a, b in itertools.pairwise(run)}
    return steps in ({1}, {-1})


def _hour_of_day(text: str, start: int, end: int, after: str) -> bool:
    """True when the numeral ``text[start:end]`` before 时 is an hour: after a part of the day or before minutes.

    >>> _hour_of_day("下午三时开会", 2, 4, "时"), _hour_of_day("九时三十分", 0, 2, "时"), _hour_of_day("四时之景", 0, 2, "时")
    (True, True, False)
    """
    return after == "时" and (_DAY_PART.search(text, max(0, start - 4), start) is not None
                              or _HOUR_FOLLOWED.match(text, end) is not None)


def _zh_hour(after: str, value: float, qualified: bool) -> bool:
    """True when a Chinese number followed by ``after`` is an hour of the day: 20时, 两点 (not 两点半's 30, read apart).

    >>> _zh_hour("时", 20, False), _zh_hour("点", 2, False), _zh_hour("个", 2, False), _zh_hour("点", 30, False)
    (True, True, False, False)
    """
    return after in ("点", "时") and not qualified and value == int(value) and 0 <= value <= 24


# Characters after 半 in words that begin with it: 半场, 半岛, 半径, 半球, 半决赛, 半数, 半价, 半山, 半身, 半途, 半导体,
# 半夏 (a herb: 三两半夏), 半天 (两个半天, two half-days), 半夜, 半边, 半路, 半空, 半生.
_HALF_OPENS = frozenset("场岛径球决数价山身途导壁截圆夏天夜边路空生")


def _half_after(text: str, end: int, after: str) -> int:
    """Where a half said right after a counter or a unit ends (the 半 of 三个半小时, 二升半, 两年半), or 0.

    >>> _half_after("三个半小时", 1, "个"), _half_after("煮取二升半", 3, "升"), _half_after("两个半场", 1, "个")
    (3, 5, 0)
    >>> _half_after("人参三两 半夏半升", 3, "两"), _half_after("黄芩三两半", 3, "两")
    (0, 5)
    """
    unit = after if after in COUNTERS or after == "个" else _zh_unit_word(text, end)
    half = end + len(unit)
    # (两月半 is rare and 两点半, 三时半 are times of day: half past, read apart.)  A 半 that opens a word is no half
    # of the count: 两个半场 are two halves of a match, 三个半岛 three peninsulas.
    if (not unit or not text.startswith(unit, end) or after in "月点时" or not text.startswith("半", half)
            or text[half + 1 : half + 2] in _HALF_OPENS):
        return 0
    return half + 1


def _zh_unit_word(text: str, end: int) -> str:
    """The unit of measure right after a Chinese number (一千六百米 → 米), or ''."""
    rest = text[end : end + 4].lstrip(" ")  # 222.7 公顷, 32.2 摄氏度: modern typesetting sets a space before the unit
    return next((u for u in _ZH_MEASURES if rest.startswith(u)), "")


def _zh_unit(text: str, end: int) -> str:
    """The family of the unit of measure right after a Chinese number (一米六 → metric length), or ''."""
    word = _zh_unit_word(text, end)
    return unit_family(word) if word else ""
