"""One fixture per check code: firing and non-firing pairs, each run in Simplified and Traditional."""

from __future__ import annotations

import pytest

from corpus_align._lazy import opencc_converter
from corpus_align.checks import CHECKS, check_rows, rows_from_pairs
from corpus_align.model import CheckRow, GlossaryEntry
from tests.checks.grammar import grammar_slips
from tests.checks.scripts import read_alike

# (code, zh, en, fires)
CASES = [
    ("number-mismatch", "他二十一岁那年去了北京。", "He went to Beijing when he was twenty-two.", True),
    ("number-mismatch", "他二十一岁那年去了北京。", "He went to Beijing when he was twenty-one.", False),
    ("number-mismatch", "３月１１日，他们到了重庆。", "On March 12, they reached Chongqing.", True),
    ("number-mismatch", "３月１１日，他们到了重庆。", "On March 11, they reached Chongqing.", False),
    ("number-mismatch", "全市有十多万人参加。", "Over one hundred thousand people in the city took part.", False),
    ("number-mismatch", "2021年合作重点", "cooperation priorities for 2020", True),
    ("number-mismatch", "他十分高兴。", "He was very happy.", False),
    # A sum in yuan, jiao and fen, as older prices were said: English gives it in fen, in yuan or part by part.
    ("number-mismatch", "1983年10月3日，票价一角五分。", "October 3, 1983. Tickets were 15 fen.", False),
    ("number-mismatch", "票价一角五分。", "Tickets cost 0.15 yuan.", False),
    ("number-mismatch", "一斤三元五角。", "A jin costs 3.5 yuan.", False),
    ("number-mismatch", "一斤三元五角。", "A jin costs 4.5 yuan.", True),
    ("number-mismatch", "房间一角放着三本书。", "Three books lay in a corner of the room.", False),
    # A price said as it is spoken (one yuan seventy: 1.70), a count in dozens, a holiday named by its date.
    ("number-mismatch", "他只掏出一块七毛。", "He could only turn up one yuan seventy.", False),
    ("number-mismatch", "两块五一包。", "Two yuan sixty a pack.", True),
    ("number-mismatch", "她一天要说上十来遍。", "She would say it a dozen times a day.", False),
    ("number-mismatch", "她一天要说上二十来遍。", "She would say it a dozen times a day.", True),
    ("number-mismatch", "以前也就‘五一’‘十一’能住满。", "We used to be full only over the May Day and National Day holidays.", False),
    ("number-mismatch", "十一黄金周期间游客很多。", "There were many tourists during the National Day Golden Week.", False),
    ("number-mismatch", "他十一岁。", "He is twelve.", True),
    ("number-mismatch", "凡数十万人。", "There were several hundred thousand men in all.", False),
    ("number-mismatch", "凡数十万人。", "There were ten thousand men in all.", True),
    # A last digit after a unit counts the next unit down (八万五 is 85,000); a statistic's arguments are two numbers.
    ("number-mismatch", "下个月起租金加到八万五。", "From next month the rent goes up to HK$85,000.", False),
    ("number-mismatch", "下个月起租金加到八万五。", "From next month the rent goes up to HK$80,500.", True),
    ("number-mismatch", "组别主效应显著（F(2,117)=24.6，p<0.001）。", "The effect was significant (F(2, 117) = 24.6, p < 0.001).", False),
    ("number-mismatch", "债务余额控制在1,286.4亿元以内。", "Debt is to be kept within 128.64 billion yuan.", False),
    ("number-mismatch", "有五百余口人。", "There were more than three hundred people.", True),
    ("number-mismatch", "有三百余口人。", "There were more than three hundred people.", False),
    ("number-mismatch", "大约三个人来了。", "About five people came.", True),
    ("number-mismatch", "他赢了五十两银子。", "He won fifty taels of silver.", False),
    ("number-mismatch", "她十七八岁。", "She was seventeen or eighteen.", False),
    ("number-mismatch", "他们在十七队。", "They were in the fifteenth team.", True),
    ("number-mismatch", "他三心二意，一下子就走了。", "He was half-hearted and left at once.", False),
    ("number-mismatch", "体重六十公斤。", "She weighed about 130 pounds.", False),
    # Shares said in tenths or as a fraction, and percentages (七成 70 %, 百分之七十 seven in ten); 八成是 "probably".
    ("number-mismatch", "超过七成的受访者表示满意。", "More than 70 percent of respondents said they were satisfied.", False),
    ("number-mismatch", "该公司营收同比增长两成。", "The company's revenue rose 20 percent year on year.", False),
    ("number-mismatch", "该公司营收同比增长两成。", "The company's revenue rose 30 percent year on year.", True),
    ("number-mismatch", "超过百分之七十的人同意。", "Seven in ten people agreed.", False),
    ("number-mismatch", "十分之七的人同意。", "60 percent agreed.", True),
    # Areas in square units: one area in two metric units, or in metric and imperial units, is a conversion.
    ("number-mismatch", "中国面积约960万平方公里。", "China covers about 9.6 million square kilometres.", False),
    ("number-mismatch", "中国面积约960万平方公里。", "China covers about 3.7 million square miles.", False),
    ("number-mismatch", "公园占地0.5平方公里。", "The park covers 50 hectares.", False),
    ("number-mismatch", "公园占地0.5平方公里。", "The park covers 80 hectares.", True),
    ("number-mismatch", "这套房子面积120平方米。", "The flat is about 1,300 square feet.", False),
    ("number-mismatch", "这套房子面积120平方米。", "The flat is 150 square metres.", True),
    # Volumes and durations in two units of a family (两周 ↔ 14 days), and an hour on the other clock (20时 ↔ 8 p.m.).
    ("number-mismatch", "水箱容量为200升。", "The tank holds about 53 gallons.", False),
    ("number-mismatch", "水箱容量为200升。", "The tank holds 300 litres.", True),
    ("number-mismatch", "两周后见。", "See you in 14 days.", False),
    ("number-mismatch", "两周后见。", "See you in 10 days.", True),
    ("number-mismatch", "他等了两个小时。", "He waited 120 minutes.", False),
    ("number-mismatch", "会议于20时开始。", "The meeting starts at 8 p.m.", False),
    ("number-mismatch", "会议于20时开始。", "The meeting starts at 9 p.m.", True),
    ("number-mismatch", "下午两点开会。", "The meeting is at 14:00.", False),
    ("number-mismatch", "下午两点开会。", "The meeting is at 15:00.", True),
    # Tens and units joined by 有 (六十有五, 65), as older and formal Chinese counts years; 十有八九 is "most likely".
    ("number-mismatch", "他今年六十有五。", "He is sixty-five this year.", False),
    ("number-mismatch", "他今年六十有五。", "He is sixty this year.", True),
    ("number-mismatch", "十有八九是他干的。", "It was most likely him.", False),
    # Hundreds and the rest joined by 单 (一百单八, 108), as older vernacular fiction counts; 单 alone is "single".
    ("number-mismatch", "梁山泊一百单八将，各有绰号。", "Each of the hundred and eight heroes of Liangshan Marsh had a nickname.", False),
    ("number-mismatch", "梁山泊一百单八将，各有绰号。", "Each of the hundred and six heroes of Liangshan Marsh had a nickname.", True),
    ("number-mismatch", "他买了一百单件。", "He bought a hundred single items.", False),
    # A speed in kilometres an hour and in miles an hour (mph, kph, km/h) is one speed converted.
    ("number-mismatch", "最高时速达350公里。", "A top speed of 217 mph.", False),
    ("number-mismatch", "车速为每小时100公里。", "The car was doing 100 km/h.", False),
    ("number-mismatch", "车速为每小时100公里。", "The car was doing 130 km/h.", True),
    # A bare 度 is the scale the English does not name (35度 ↔ 95 °F); three and a half is 3.5; 三块五一斤 is 3.5 a jin.
    ("number-mismatch", "今天最高气温35度。", "Today's high is 95 degrees Fahrenheit.", False),
    ("number-mismatch", "今天最高气温35度。", "Today's high is 95°F.", False),
    ("number-mismatch", "今天最高气温35度。", "Today's high is 100 degrees Fahrenheit.", True),
    ("number-mismatch", "苹果三块五一斤。", "Apples are three and a half yuan a jin.", False),
    ("number-mismatch", "苹果三块五一斤。", "Apples are four and a half yuan a jin.", True),
    ("number-mismatch", "这个西瓜三块五毛六。", "This watermelon costs 3.56 yuan.", False),
    ("number-mismatch", "这个西瓜三块五毛六。", "This watermelon costs 3.5 yuan.", True),
    # 斤 is half a kilogram (a catty is the 斤): 1.3万亿斤 ↔ 650 million metric tons.
    ("number-mismatch", "粮食产量保持在1.3万亿斤以上。", "Grain output will stay above 650 million metric tons.", False),
    ("number-mismatch", "他买了三斤苹果。", "He bought 1.5 kilos of apples.", False),
    ("number-mismatch", "他买了三斤苹果。", "He bought three catties of apples.", False),
    ("number-mismatch", "体重一百二十斤。", "She weighs 60 kilograms.", False),
    ("number-mismatch", "体重一百二十斤。", "She weighs 70 kilograms.", True),
    # 千 is the kilo- of a unit after digits (350千卡 is 350 kcal), and 千克 a kilogram.
    ("number-mismatch", "每100克含热量350千卡。", "Per 100 g: 350 kcal.", False),
    ("number-mismatch", "每100克含热量350千卡。", "Per 100 g: 530 kcal.", True),
    ("number-mismatch", "这袋米重5千克。", "This bag of rice weighs 5,000 grams.", False),
    ("number-mismatch", "电机功率为100千瓦。", "The motor is rated at 100 kW.", False),
    # A year written short: the last two digits (98年, 九八年 ↔ 1998), or a year of the Republic of China (民國112年 ↔ 2023).
    ("number-mismatch", "98年的洪水很大。", "The 1998 flood was huge.", False),
    ("number-mismatch", "九八年的洪水很大。", "The 1998 flood was huge.", False),
    ("number-mismatch", "98年的洪水很大。", "The 1989 flood was huge.", True),
    ("number-mismatch", "民國112年，台灣出口總額創新高。", "In 2023, Taiwan's exports hit a record high.", False),
    ("number-mismatch", "民國112年，台灣出口總額創新高。", "In 2022, Taiwan's exports hit a record high.", True),
    ("number-mismatch", "112年度預算已三讀通過。", "The 2023 budget passed its third reading.", False),
    ("number-mismatch", "他生於民國五十年。", "He was born in 1961.", False),
    ("number-mismatch", "他在这里住了10年。", "He has lived here for 10 years.", False),
    # Financial numerals, as contracts and invoices write amounts (叁拾万 is 300,000; 參 is 叁 in Traditional).
    ("number-mismatch", "借款金额为人民币叁拾万元整。", "The loan amount is RMB 300,000.", False),
    ("number-mismatch", "借款金額為人民幣參拾萬元整。", "The loan amount is RMB 300,000.", False),
    ("number-mismatch", "借款金额为人民币叁拾万元整。", "The loan amount is RMB 30,000.", True),
    ("number-mismatch", "共计玖仟捌佰柒拾陆元伍角。", "Total: 9,876.5 yuan.", False),
    ("number-mismatch", "他们参加了收拾大陆的工作。", "They took part in the clean-up.", False),
    # A height in feet and inches converts a height in metres.
    ("number-mismatch", "他身高一米七八。", "He is five foot ten.", False),
    ("number-mismatch", "他身高一米七八。", "He is 5 ft 10 in tall.", False),
    # A year counted in an era: a reign of the Qing (康熙二十年 ↔ 1681, 光绪元年 ↔ 1875), Japan's (令和5年 ↔ 2023).
    ("number-mismatch", "康熙二十年，三藩之乱平定。", "In 1681, the Revolt of the Three Feudatories was put down.", False),
    ("number-mismatch", "康熙二十年，三藩之乱平定。", "In 1682, the Revolt of the Three Feudatories was put down.", True),
    ("number-mismatch", "光绪元年，他进了京。", "In 1875 he went to the capital.", False),
    ("number-mismatch", "令和5年，日本的出生人数创新低。", "In 2023, births in Japan hit a record low.", False),
    # Older English says the unit before the tens (seven and twenty is 27), but not between two numbers.
    ("number-mismatch", "撒拉享寿一百二十七岁。", "And Sarah was an hundred and seven and twenty years old.", False),
    ("number-mismatch", "撒拉享寿一百二十七岁。", "And Sarah was an hundred and seven and thirty years old.", True),
    ("number-mismatch", "有七到二十人参加。", "Between seven and twenty people came.", False),
    ("number-mismatch", "我们一生的年日是七十岁。", "The days of our years are threescore years and ten.", False),
    ("number-mismatch", "我们一生的年日是八十岁。", "The days of our years are threescore years and ten.", True),
    ("number-mismatch", "八十七年前，我们的先辈建立了一个新国家。", "Four score and seven years ago our fathers founded a nation.", False),
    ("number-mismatch", "比分是三比一。", "The final score was 3-1.", False),
    # Counters of groups, books and land: 两帮人 is two gangs.
    ("number-mismatch", "两帮人在街上打了起来。", "Three gangs fought in the street.", True),
    ("number-mismatch", "他买了三卷胶带。", "He bought three rolls of tape.", False),
    # A list inside a row, labelled （一） or ①, which the English numbers (1) or not at all.
    ("number-mismatch", "①准备材料；②搅拌均匀。", "(1) Prepare the ingredients; (2) stir well.", False),
    ("number-mismatch", "（一）取得同意；（二）订立合同。", "(a) with consent; (b) to conclude a contract.", False),
    # A five-year plan by its number: 十三五 is the 13th Five-Year Plan.
    ("number-mismatch", "十三五规划完成了。", "The 13th Five-Year Plan was completed.", False),
    ("number-mismatch", "十三五规划完成了。", "The 12th Five-Year Plan was completed.", True),
    # A share per thousand is a share (千分之三 is 0.3 %), and 翻了三番 multiplies by eight.
    ("number-mismatch", "千分之三的误差。", "An error of 0.3 percent.", False),
    ("number-mismatch", "千分之三的误差。", "An error of 3 percent.", True),
    ("number-mismatch", "他的收入翻了三番。", "His income increased eightfold.", False),
    ("number-mismatch", "局部存在百万分之五的涨落。", "There are local fluctuations of five parts per million.", False),
    ("number-mismatch", "温度为2.726K，局部存在百万分之五的涨落。", "At 4.7255 K, with fluctuations in the parts per million.", True),
    ("number-mismatch", "他的收入翻了两番。", "His income quadrupled.", False),
    # A discount: 七折 is 30 % off (70 % off is the classic slip), 8.5折 15 % off; 五折 may be "half price"; 折叠 folds.
    ("number-mismatch", "限时特惠，全场七折！", "Limited-time offer: 30% off everything!", False),
    ("number-mismatch", "限时特惠，全场七折！", "Limited-time offer: 70% off everything!", True),
    ("number-mismatch", "会员享8.5折优惠。", "Members get 15 percent off.", False),
    ("number-mismatch", "会员享8.5折优惠。", "Members get 85 percent off.", True),
    ("number-mismatch", "全场五折。", "Everything is half price.", False),
    ("number-mismatch", "他把纸折了三折。", "He folded the paper in three.", False),
    # 零 joining two quantities is "and"; one quantity in two units of one family; an oven's rounded Fahrenheit.
    ("number-mismatch", "她用了三年零两个月。", "It took her three years and two months.", False),
    ("number-mismatch", "她用了三年零两个月。", "It took her three years and five months.", True),
    ("number-mismatch", "这座桥全长一千六百米。", "The bridge is 1.6 kilometres long.", False),
    ("number-mismatch", "这座桥全长一千六百米。", "The bridge is 1.8 kilometres long.", True),
    ("number-mismatch", "这里离市中心5公里。", "It is 5,000 metres from the city centre.", False),
    ("number-mismatch", "烤箱预热至180摄氏度。", "Preheat the oven to 350 degrees Fahrenheit.", False),
    ("number-mismatch", "烤箱预热至180摄氏度。", "Preheat the oven to 400 degrees Fahrenheit.", True),
    # Spoken heights, scores in numerals, centuries counted in years.
    ("number-mismatch", "他身高一米八。", "He is 1.8 metres tall.", False),
    ("number-mismatch", "他身高一米八。", "He is 1.6 metres tall.", True),
    ("number-mismatch", "他以9秒58的成绩打破世界纪录。", "He broke the world record with a time of 9.58 seconds.", False),
    ("number-mismatch", "他以9秒58的成绩打破世界纪录。", "He broke the world record with a time of 9.68 seconds.", True),
    ("number-mismatch", "会议定于3月中旬举行。", "The meeting is scheduled for mid-March.", False),
    ("number-mismatch", "会议定于3月中旬举行。", "The meeting is scheduled for mid-April.", True),
    ("number-mismatch", "比分是三比一。", "The score was 3-1.", False),
    ("number-mismatch", "比分是三比一。", "The score was 3-2.", True),
    ("number-mismatch", "唐朝持续了近三百年。", "The Tang dynasty lasted nearly three centuries.", False),
    ("number-mismatch", "这种传统延续了三个世纪。", "The tradition lasted three hundred years.", False),
    # News typesetting: spaces around digits, thousands separators, scales after a space, codes and handles.
    ("number-mismatch", "报告估计，该组织成员有 2,200 人。", "The report estimated the membership at 2,200.", False),
    ("number-mismatch", "报告估计，该组织成员有 2,200 人。", "The report estimated the membership at 2,300.", True),
    ("number-mismatch", "兵力多达 17.5 万。", "As many as 175,000 troops.", False),
    ("number-mismatch", "将有 1,000 万英镑的资金投入整修。", "A £10m renovation is planned.", False),
    ("number-mismatch", "死亡人数已超过 2 万人。", "The death toll exceeded 20,000.", False),
    ("number-mismatch", "死亡人数已超过 2 万人。", "The death toll exceeded 30,000.", True),
    ("number-mismatch", "2022 年 10 月 13 日，部长发表讲话。", "The secretary spoke on October 13, 2022.", False),
    ("number-mismatch", "骑手在 12 点 39 分到达。", "The rider arrived at 12:39.", False),
    ("number-mismatch", "骑手在 12 点 39 分到达。", "The rider arrived at 12:49.", True),
    ("number-mismatch", "[PERSON14] 是的，我想是这样。", "(PERSON14) Yeah, I think so.", False),
    ("number-mismatch", "A4 相框可自由悬挂。", "The frame can be hung freely.", False),
    # "two dozen" is about 24; 每2个人中就有1个 is a share, "one in two".
    ("number-mismatch", "将近二十多个项目采用了它。", "Almost two dozen projects adopted it.", False),
    ("number-mismatch", "有三十个项目。", "There were two dozen projects.", True),
    ("number-mismatch", "每2个人中就有1个可能患病。", "Your chance of getting it will be one in two.", False),
    ("number-mismatch", "每3个人中就有1个可能患病。", "Your chance of getting it will be one in two.", True),
    ("number-mismatch", "每十个人里有一个人是左撇子。", "One in ten people is left-handed.", False),
    # Counters CC-CEDICT names (筐, 处, 栋): a lone numeral before them is a count.
    ("number-mismatch", "他们买了三筐苹果。", "They bought five baskets of apples.", True),
    ("number-mismatch", "他们买了三筐苹果。", "They bought three baskets of apples.", False),
    ("number-mismatch", "三处房子都卖了。", "All five houses were sold.", True),
    ("number-mismatch", "谣言四起。", "Rumours spread everywhere.", False),
    # A range written with one unit: both ends are in it, so hectares against acres is a conversion.
    ("number-mismatch", "过火面积已从约 2-4 公顷扩大至约 100 公顷。", "It grew from about 5-10 acres to 250 acres.", False),
    ("number-mismatch", "过火面积已从约 2-4 公顷扩大至约 100 公顷。", "It grew from about 5-10 hectares to 100 hectares.", True),
    # The King James Bible's order: nine hundred sixty and nine is 969.
    ("number-mismatch", "玛土撒拉共活了九百六十九岁。", "And all the days of Methuselah were nine hundred sixty and nine years.", False),
    ("number-mismatch", "玛土撒拉共活了九百六十九岁。", "And all the days of Methuselah were nine hundred sixty and eight years.", True),
    ("number-mismatch", "新冠病毒免疫只有短期效果。", "Immunity to Covid-19 may be temporary.", False),
    # A temperature converts by its formula (32.2 °C is 90 °F); 911 事件 is the date 9/11; 100k is 100,000;
    # 6、70 年代 and 七八十年代 are two decades.
    ("number-mismatch", "苏珊维尔地区日间气温超 32.2 摄氏度。", "Temperatures were above 90 degrees in the Susanville area.", False),
    ("number-mismatch", "苏珊维尔地区日间气温超 32.2 摄氏度。", "Temperatures were above 95 degrees in the Susanville area.", True),
    ("number-mismatch", "就如 911 事件之后各种安全措施随处可见一样。", "Just as security measures became ubiquitous after 9/11.", False),
    ("number-mismatch", "在 911 事件之后，他们有权询问。", "In the wake of September 11, they were given power.", False),
    ("number-mismatch", "在 911 事件之后，他们有权询问。", "In the wake of September 12, they were given power.", True),
    ("number-mismatch", "这个月我在争取划到10万米。", "I was pushing for 100k meters this month.", False),
    ("number-mismatch", "这个月我在争取划到10万米。", "I was pushing for 200k meters this month.", True),
    ("number-mismatch", "我说的从前指的是上世纪 6、70 年代。", "I mean '60s, '70s.", False),
    ("number-mismatch", "他们七八十年代来过。", "They came in the 1970s and 1980s.", False),
    ("number-mismatch", "他们七八十年代来过。", "They came in the 1950s.", True),
    # A hedge on one side covers the other side's rounding, not another number.
    ("number-mismatch", "有三百人参加了会议。", "About 350 people attended the meeting.", True),
    ("number-mismatch", "有三百人参加了会议。", "About 310 people attended the meeting.", False),
    # A bound said in the negative is a bound ("no more than nine" is at most nine); a bound on a small number is
    # no window of twice its size ("more than two years" is no rendering of 三年余).
    ("number-mismatch", "每队上场球员不得多于十一名。", "Each team may have no more than nine players on the field.", True),
    ("number-mismatch", "每队上场球员不得多于十一名。", "Each team may have no more than eleven players on the field.", False),
    ("number-mismatch", "护照有效期须在八个月以上。", "The passport must be valid for at least six more months.", True),
    ("number-mismatch", "护照有效期须在六个月以上。", "The passport must be valid for at least six more months.", False),
    ("number-mismatch", "我与父亲不相见已三年余了。", "It is more than two years since I last saw my father.", True),
    ("number-mismatch", "我与父亲不相见已二年余了。", "It is more than two years since I last saw my father.", False),
    ("number-mismatch", "他在这里住了三十多年。", "He has lived here for more than thirty years.", False),
    ("number-mismatch", "他在这里住了三十多年。", "He has lived here for more than twenty years.", True),
    # A scale in digits with what is below it in digits and characters is one number (4亿5千万 is 450 million).
    ("number-mismatch", "大约4亿5千万年前，植物来到陆地。", "About 450 million years ago, plants came onto land.", False),
    ("number-mismatch", "大约4亿5千万年前，植物来到陆地。", "About 400 million years ago, plants came onto land.", True),
    ("number-mismatch", "全场共有1万2千人。", "There were 12,000 people.", False),
    ("number-mismatch", "全场共有1万2千人。", "There were 10,000 people.", True),
    # Power and pixels: Chinese counts in 万, English by an SI prefix.
    ("number-mismatch", "主摄为5000万像素。", "The main camera has 50 megapixels.", False),
    ("number-mismatch", "主摄为5000万像素。", "The main camera has 48 megapixels.", True),
    ("number-mismatch", "装机容量120万千瓦。", "Its installed capacity is 1,200 megawatts.", False),
    ("number-mismatch", "装机容量120万千瓦。", "Its installed capacity is 1.2 gigawatts.", False),
    ("number-mismatch", "装机容量120万千瓦。", "Its installed capacity is 1,500 megawatts.", True),
    # As many parts as make a whole or more are a count of parts, not a fraction (two halves: 两个半场, not one).
    ("number-mismatch", "比赛分为上下两个半场，每半场四十五分钟。", "A match consists of two halves of 45 minutes each.", False),
    ("number-mismatch", "比赛分三节进行。", "The game is played in four quarters.", True),
    ("number-mismatch", "三分之二的议员投了赞成票。", "Two thirds of the members voted in favour.", False),
    # Both sides hedged: one figure, copied or rounded; the two windows do not add up (约68% is not "about 73%").
    ("number-mismatch", "约三百人参加了会议。", "About 350 people attended the meeting.", True),
    ("number-mismatch", "约三百人参加了会议。", "About 300 people attended the meeting.", False),
    ("number-mismatch", "约68%的观测值落在均值的一个标准差之内。", "About 73% of observations fall within one standard deviation.", True),
    ("number-mismatch", "约68%的观测值落在均值的一个标准差之内。", "About 70% of observations fall within one standard deviation.", False),
    ("number-mismatch", "由罗湖到金钟只需约45分钟。", "The trip from Lo Wu to Admiralty takes about 48 minutes.", True),
    ("number-mismatch", "全镇约有4,870人。", "The town has about 4,900 people.", False),
    ("number-mismatch", "两地相距约三公里。", "They are about two miles apart.", False),
    # "both" is never reported alone, but a count it cannot be has changed.
    ("number-mismatch", "三个孩子都来了。", "Both children came.", True),
    ("number-mismatch", "两个孩子都来了。", "Both children came.", False),
    # A code (Covid-19) is no changed count, and a number said twice in Chinese may be said once in English.
    ("number-mismatch", "检测呈阳性的人必须隔离 10 天，密切接触者也必须隔离 10 天。",
     "Anyone who tests positive for Covid-19 will have to isolate for 10 days, as will close contacts.", False),
    ("number-mismatch", "检测呈阳性的人必须隔离 10 天。", "Anyone who tests positive for Covid-19 will have to isolate for 12 days.", True),
    ("number-mismatch", "一个 90 年代的情景喜剧明星。", "A nineties sitcom star.", False),
    # A version or an address is no number on either side.
    ("number-mismatch", "Python 3.9.1 中的重要变化", "Notable changes in Python 3.9.1", False),
    ("number-mismatch", "要求 OpenSSL 1.1.1 或更新的版本", "Require OpenSSL 1.1.1 or newer", False),
    # Months as news writes them: abbreviated before a day, and May inside a sentence.
    ("number-mismatch", "特朗普试图阻止众议院 1 月 6 日委员会获得记录。",
     "Trump tried to block the House Jan. 6 committee from getting records.", False),
    ("number-mismatch", "基尔彻自首，并于 5 月被传讯。", "Kilcher surrendered and was arraigned in May.", False),
    ("number-mismatch", "基尔彻自首，并于 6 月被传讯。", "Kilcher surrendered and was arraigned in May.", True),
    # Large numbers, scales glued or after a space, units of area, list labels, versions and ordinals.
    ("number-mismatch", "工党或需支付 300 万到 800 万的赔偿金。", "Labour could have to pay between £3million and £8million.", False),
    ("number-mismatch", "工党或需支付 300 万到 900 万的赔偿金。", "Labour could have to pay between £3million and £8million.", True),
    ("number-mismatch", "全国有三亿五千万人。", "The country has 350 million people.", False),
    ("number-mismatch", "全国有三亿五千万人。", "The country has 3.5 million people.", True),
    ("number-mismatch", "预计金额将达到 1 万亿美元。", "The sum is expected to reach $1 trillion.", False),
    ("number-mismatch", "这个能容纳 6 千多人的体育场。", "This stadium seats over six thousand people.", False),
    ("number-mismatch", "这个动物园占地约 222.7 公顷。", "The 550-acre park is large.", False),
    ("number-mismatch", "2)点击屏幕右下方的图标。", "2)Tap the icon at the bottom right of the screen.", False),
    ("number-mismatch", "只会安装 python3.8 程序。", "Only the python3.8 program is installed.", False),
    ("number-mismatch", "还有第三种方式来阻止这项规则。", "There is also a third way to block the rule.", False),
    ("number-mismatch", "超过三分之一的客户打算购买。", "More than a third of the customers plan to buy.", False),
    ("number-mismatch", "我们的办公时间为：周一到周五，09:00 - 17:30。", "Our office hours are Monday-Friday from 09:00 - 17:30.", False),
    ("number-mismatch", "我们的办公时间为：周一到周五，09:00 - 17:30。", "Our office hours are Monday-Friday from 09:00 - 18:30.", True),
    ("number-mismatch", "2）控制器的按钮磨损非常快。", "2) The controller's buttons wear out very quickly.", False),
    ("number-mismatch", "4.其他爱好", "4.Have other joys", False),
    ("number-mismatch", "他活了八十六岁。", "He lived fourscore and six years.", False),
    ("number-mismatch", "他活了八十五岁。", "He lived fourscore and six years.", True),
    ("number-mismatch", "产量增长了七倍。", "Output grew sevenfold.", False),
    ("number-mismatch", "产量增长了七倍。", "Output grew fivefold.", True),
    ("number-mismatch", "你可以拨打 988 或发短信 989 来联系热线。", "You can reach the lifeline by calling or texting 988.", True),
    ("number-mismatch", "当初投资 100 美元可以换来今天的 200 多万美元！", "A $100 investment would be worth over $2 million today!", False),
    # Decades and centuries, with or without the century said (上世纪80年代, 90年代, 19世纪).
    ("number-mismatch", "直到上世纪70年代，研究人员才开始质疑这个理论。", "Not until the 1970s did researchers test it.", False),
    ("number-mismatch", "在80年代晚期和90年代初期，这些改变有了成效。", "In the late '80s and early 1990s, it worked.", False),
    ("number-mismatch", "故事发生在 19 世纪 80 年代的纽约。", "Set in 1880s New York.", False),
    ("number-mismatch", "这座建于 19 世纪的工厂被列入了文物保护名录。", "They are based in a listed mill built in the 1800s.", False),
    ("number-mismatch", "直到上世纪70年代，研究人员才开始质疑这个理论。", "Not until the 1960s did researchers test it.", True),
    # Shares and fractions said another way; 亿 then 万; lakh; SI thousands; list commas; 5.30pm; 24/7.
    ("number-mismatch", "十分之四的患者候诊时间超过4小时。", "Four-in-ten patients wait more than 4 hours.", False),
    ("number-mismatch", "黑熊主要分布在该州北部三分之一的地区。", "Bears live mainly in the northern third of the state.", False),
    ("number-mismatch", "还有300分之1的机会可以降低我的胆固醇。", "One in 300 chance of lowering my cholesterol.", False),
    ("number-mismatch", "还有300分之1的机会可以降低我的胆固醇。", "One in 30 chance of lowering my cholesterol.", True),
    ("number-mismatch", "到2050年，这一数字将是1亿5000万。", "By 2050, it will affect 150 million people.", False),
    ("number-mismatch", "确诊病例总数迅速接近 140 万例。", "The number of confirmed cases is rapidly approaching 14 lakh.", False),
    ("number-mismatch", "我认为在线文本流量至少在 2000 左右。", "I think online text flow is around 2 000 at least.", False),
    ("number-mismatch", "例如 [1,2] == (1,2) 为假值。", "For example, [1,2] == (1,2) is false.", False),
    ("number-mismatch", "例如 [1,2] == (1,3) 为假值。", "For example, [1,2] == (1,2) is false.", True),
    ("number-mismatch", "周五下午 5 点半之前，他被发现受了重伤。", "He was found seriously injured just before 5.30pm on Friday.", False),
    ("number-mismatch", "请记住，我们的聊天服务 24/7 开放。", "Remember that our chat service is open 24/7.", False),
    ("number-mismatch", "1981年至1987年间，华盛顿州曾设立这个办公室。", "Washington state had such an office from 1981-87.", False),
    ("number-mismatch", "其中一个风扇听声音好像失去了平衡。", "1 of the fans sounded out of balance.", False),
    ("number-mismatch", "我们拥有大量的通用零件选件。", "We have a large stock of parts, 6,000 of them.", True),
    ("number-mismatch", "今天，整个太平洋都受到了铯-137的污染。", "Today the whole Pacific has traces of cesium.", False),
    ("number-mismatch", "就在第三个期限内，你应该提交。", "Just within the second deadline, you should submit it.", True),
    ("entity-missing", "王琦瑶把我拽住，叫我留下来。", "Somebody caught me and asked me to stay.", True),
    ("entity-missing", "王琦瑶把我拽住，叫我留下来。", "Wang Qiyao caught me and asked me to stay.", False),
    ("entity-missing", "她的名字叫王小明。", "Her name is Wáng Xiǎomíng.", False),  # pinyin with its tones
    # ü as English writes it (吕 is lü; pypinyin writes lv): Lü, Lyu, Lu all render the surname.
    ("entity-missing", "吕先生来了。", "Mr Lü came.", False),
    ("entity-missing", "吕先生来了。", "Mr Lyu came.", False),
    ("entity-missing", "吕先生来了。", "Mr Lu came.", False),
    ("entity-missing", "吕先生来了。", "He came.", True),
    # A one-syllable key belonging to another name of the row renders nothing: the Wang of Wang Qiyao is not 王安忆.
    ("entity-missing", "王琦瑶看见了王安忆。", "Wang Qiyao saw her.", True),
    ("entity-missing", "王琦瑶看见了王安忆。", "Wang Qiyao saw Wang.", False),
    ("entity-missing", "王琦瑶看见了王安忆。", "Wang Qiyao saw Wang Anyi.", False),
    # A name jieba cuts out of a longer transliteration (撒拉 of 玛土撒拉) is rendered by the name the longer span sounds like.
    ("entity-missing", "玛土撒拉共活了九百六十九岁。", "And all the days of Methuselah were nine hundred sixty and nine years.", False),
    ("entity-missing", "玛土撒拉共活了九百六十九岁。", "And all his days were nine hundred sixty and nine years.", True),
    ("entity-missing", "陈清扬把我拽住，叫我留下来。", "Chen Qingyang caught me and asked me to stay.", False),
    ("entity-missing", "他们推动《框架合作协议》落实。", "They pushed the implementation forward.", True),
    ("entity-missing", "他们推动《框架合作协议》落实。", "They implemented the Framework Cooperation Agreement.", False),
    ("entity-missing", "共同整合川渝民间友好资源。", "Jointly integrate the amity resources of Sichuan and Chongqing.", False),
    ("entity-missing", "两个美国人意外地发现了它。", "Two Americans discovered it by accident.", False),
    # A country by its people or language (CC-CEDICT's 瑞典人/瑞典语), or by dotted initials; an ordinary word is no name.
    ("entity-missing", "瑞典拳手毫不犹豫地出手。", "The Swedish fighter capitalized without hesitation.", False),
    ("entity-missing", "瑞典拳手毫不犹豫地出手。", "The fighter capitalized without hesitation.", True),
    ("entity-missing", "美国驻成都总领事馆被要求关闭。", "The U.S. consulate in Chengdu was told to close.", False),
    ("entity-missing", "好的，谢谢您。", "Okay, thank you.", False),
    ("entity-missing", "苏格兰一家回收企业开设了第二家工厂。", "A Scottish recycling business opened a second plant.", False),
    ("entity-missing", "作者被邀请为下一期《PBML》提交评论。", "They were invited to submit a review for the next PBML issue.", False),
    ("entity-missing", "《Celeste》是我最喜欢的小游戏。", "celeste is my favorite tiny game.", False),
    # A short name that is the end of a longer foreign name; a name inside a longer word.
    ("entity-missing", "我把它弄成艾格尼斯·马丁风格的格子。", "I made it into a sort of Agnes Martin grid.", False),
    ("entity-missing", "可能是我们怎样吃意大利面。", "Maybe how we eat spaghetti.", False),
    ("entity-missing", "教堂的罗马式尖顶像三根黑色的巨指。", "The church's Romanesque vaults were like three black fingers.", False),
    ("entity-missing", "他在扬州住过几年。", "He lived in the city for a few years.", True),
    ("entity-missing", "他在扬州住过几年。", "He lived in Yangzhou for a few years.", False),
    ("entity-missing", "北京人说，不怕贼偷。", "Beijingers say: better a thief should steal from you.", False),
    ("entity-missing", "她联系了乌鲁木齐射电观测基地。", "She got in touch with the Ürümqi radio observatory.", False),
    ("entity-missing", "他到了中科院的观测基地。", "He reached the observatory of the Chinese Academy of Sciences.", False),
    ("entity-missing", "他到了中科院的观测基地。", "He reached the observatory.", True),
    ("entity-missing", "韦小宝道：“叫做《四十二章经》。”", "'The Sutra in Forty-Two Sections,' said Trinket.", False),
    ("entity-missing", "单家利用廉价原料酿酒牟利。", "The Shan family made a living by making wine from cheap grain.", False),
    # A country by its people or adjective, or by its initials (news).
    ("entity-missing", "乌克兰儿童享有在和平环境中成长的权利。", "Ukrainian children have a right to grow up in peace.", False),
    ("entity-missing", "乌克兰儿童享有在和平环境中成长的权利。", "Children have a right to grow up in peace.", True),
    ("entity-missing", "合同将很快得到希腊议会的批准。", "The contracts will soon be ratified by the Greek Parliament.", False),
    ("entity-missing", "针对英国旅客的隔离措施最初于六月初公布。", "Quarantine measures for UK travellers were introduced in June.", False),
    ("entity-missing", "针对英国旅客的隔离措施最初于六月初公布。", "Quarantine measures for travellers were introduced in June.", True),
    ("entity-missing", "联合国称阿富汗驻扎有数千名武装分子。", "UN says thousands of militants are in Afghanistan.", False),
    # A place that only says whose institution it is; a work under its English title.
    ("entity-missing", "周三晚间，批评人士对美国证监会进行了猛烈抨击。", "Critics blasted the SEC on Wednesday night.", False),
    ("entity-missing", "苏格兰政府表示，他们正着眼于寻找恢复活动的方法。", "The government said events could restart.", False),
    ("entity-missing", "苏格兰的活动将在下个月恢复。", "Events will restart next month.", True),
    ("entity-missing", "西方担心该项目，而伊朗对此予以否认。", "The West fears it, something Tehran denies.", False),
    ("entity-missing", "随着英国国家医疗服务体系（NHS）的最新数据披露出更多坏消息。", "The latest NHS figures reveal bad news.", False),
    ("entity-missing", "她的作品还包括《沉默的天使》。", 'Her credits also include "The Alienist."', False),
    ("entity-missing", "我们仍然痴迷于像《王牌播音员》之类的电影。", "We still watch movies like Anchorman.", False),
    ("entity-missing", "她的作品还包括《冰雪奇缘》和《沉默的天使》。", 'Her credits also include "Frozen."', True),
    # A name next to an ordinary word whose characters also spell foreign names (布 of 宣布) is a name of its own.
    ("entity-missing", "周六警方宣布西雅图发生骚乱。", "Police declared a riot in Seattle on Saturday.", False),
    ("entity-missing", "周六警方宣布西雅图发生骚乱。", "Police declared a riot on Saturday.", True),
    # A transliteration no dictionary lists is rendered by the English name that sounds like it.
    ("entity-missing", "雷尼尔贡多拉的风速达到每小时 100 英里。", "The Mt. Rainier Gondola had winds of 100 mph.", False),
    # A name the Chinese glosses in Latin letters is rendered by that name; a country before its state is no finding.
    ("entity-missing", "网络安全公司副总裁亚当·迈耶斯 (Adam Meyers) 说。", "Adam Meyers, a vice president of the firm, said.", False),
    ("entity-missing", "位于美国加州的拉森县发生了山火。", "Fires broke out in Lassen County, California.", False),
    # A foreign name that jieba cuts in two (埃斯库 + 罗斯) is one name.
    ("entity-missing", "埃斯库罗斯笔下的失利", "Aeschylus's portrait of defeat", False),
    ("entity-missing", "埃斯库罗斯笔下的失利", "A portrait of defeat", True),
    # A dotted foreign name is checked, and rendered by any of its parts or by a full name of the same sounds.
    ("entity-missing", "球队老板杰里·琼斯本周说，他们会卖出更多帽子。", "The owner said this week they would sell more hats.", True),
    ("entity-missing", "球队老板杰里·琼斯本周说，他们会卖出更多帽子。", "Jones said this week they would sell more hats.", False),
    ("entity-missing", "这位是鲍勃·柴尔兹博士，他是一名心理医生。", "This is Dr. Bob Childs, a psychotherapist.", False),
    ("entity-missing", "这位是鲍勃·柴尔兹博士，他是一名心理医生。", "This is a psychotherapist.", True),
    # A people by the place's initials or its adjective (英国人 → UK travellers, 犹太人 → Jewish).
    ("entity-missing", "政府还未公布关于英国人前往西班牙的规定。", "No rules for UK travellers arriving in Spain were announced.", False),
    ("entity-missing", "他的前经纪人也是犹太人。", "His former manager, who is Jewish, wrote.", False),
    ("entity-missing", "他的前经纪人也是犹太人。", "His former manager, who is old, wrote.", True),
    # A name whose dictionary entry points to another (丘吉尔 "variant of 邱吉尔", 腾讯 "see 腾讯控股有限公司") is that one.
    ("entity-missing", "丘吉尔发表了演讲。", "Churchill gave a speech.", False),
    ("entity-missing", "丘吉尔发表了演讲。", "He gave a speech.", True),
    ("entity-missing", "腾讯公布了财报。", "Tencent released its results.", False),
    # A country before its city is split from it: each is rendered, or reported, on its own.
    ("entity-missing", "肯尼亚加里萨警察因枪击事件被捕。", "Kenyan police officers arrested after fatal shooting in Garissa.", False),
    ("entity-missing", "肯尼亚加里萨警察因枪击事件被捕。", "Kenyan police officers arrested after fatal shooting.", True),
    # A US state by its news or postal abbreviation; a state whose English has a direction (南卡罗莱纳 South Carolina).
    ("entity-missing", "俄勒冈州的抗议者与警方发生冲突。", "Protesters in Salem, Ore., clashed with police.", False),
    ("entity-missing", "俄勒冈州的抗议者与警方发生冲突。", "Protesters clashed with police.", True),
    ("entity-missing", "在南卡罗莱纳举办的一场活动中，他发言了。", "He spoke during an event in South Carolina.", False),
    # A body of the state named without its country; the seat of a government (唐宁街 → No 10); ordinary words
    # that jieba tags as names (高高的, 哈达哈达).
    ("entity-missing", "英国气象局发布了大风预警。", "The Met Office has issued a wind warning.", False),
    ("entity-missing", "工作人员在唐宁街 10 号喝酒。", "Staff were drinking in No 10.", False),
    ("entity-missing", "敌人盘踞在高高的山头。", "The enemy was perched high on the mountains.", False),
    ("entity-missing", "蛤蟆哈达哈达地抖着皮肤。", "Toads shook their skin noisily.", False),
    # The source's words in brackets with their romanization or translation are a scholarly gloss; a clause alone is not.
    ("untranslated", "他引用了《论语》。", "He quoted the Analects (Lunyu, 论语).", False),
    ("untranslated", "标题是《红楼梦》。", "The title is Hongloumeng (红楼梦, Dream of the Red Chamber).", False),
    ("untranslated", "他们在成都开会，讨论了预算。", "They met in Chengdu (讨论了预算).", True),
    # An official name alone in brackets after the English that translates it is a gloss; after English that does not, or
    # a clause with a verb in it, is not.
    ("untranslated", "国家统计局公布了数据。", "The National Bureau of Statistics (国家统计局) released the data.", False),
    ("untranslated", "國家統計局公佈了數據。", "The National Bureau of Statistics (國家統計局) released the data.", False),
    ("untranslated", "商务部周二发表声明。", "The Ministry of Commerce (中华人民共和国商务部) said on Tuesday.", False),
    ("untranslated", "该公司在深圳证券交易所上市。", "It is listed on the Shenzhen Stock Exchange (深圳证券交易所).", False),
    ("untranslated", "国家统计局公布了数据。", "The data were released (国家统计局).", True),
    ("untranslated", "委员会讨论了预算。", "The committee discussed the budget (讨论了预算).", True),
    # A URL or a file name is copied whatever its script, when the source writes it the same; a run beside it is not.
    ("untranslated", "请访问https://example.com/路径。", "Please visit https://example.com/路径.", False),
    ("untranslated", "文件名为“报告_final(1).docx”。", 'The file is named "报告_final(1).docx".', False),
    ("untranslated", "文件名为“报告_final(1).docx”。", 'The file 报告 is named "report_final(1).docx".', True),
    # Chinese glued to a URL or a version number is prose the translator left, even when the source writes it the same.
    ("untranslated", "安装在https://bugs.python.org的一个服务器上。", "It was set up at https://bugs.python.org的一个服务器上.", True),
    ("untranslated", "为了帮助迁移到Python 2.7计划成为最后一个版本。", "To help with porting, Python 2.7计划成为最后一个版本.", True),
    ("untranslated", "刘老老迎上来笑问道：“好啊?周嫂子。”", "'How are you?' said Grannie Liu, “好啊?周嫂子", True),
    ("untranslated", "（由 Joongi Kim 和 John Belmonte 贡献。）", "(由 Joongi Kim 和 John Belmonte 贡献。)", True),
    ("untranslated", "他们在成都开会。", "They met in 成都.", True),
    ("untranslated", "他们在成都开会。", "They met in Chengdu.", False),
    # Chinese the English writes on purpose: a character it talks about, a term beside its gloss; a name beside them is not.
    ("untranslated", "“人”字的意思是人。", 'The character 人 means "person".', False),
    ("untranslated", "香港的英文名是Hong Kong。", "Hong Kong is the English name of 香港.", False),
    ("untranslated", "朋友的英文是friend。", "Friend is rendered in Chinese as 朋友.", False),
    ("untranslated", "他们去了成都。", "They went to a city named 成都.", True),
    ("untranslated", "他们每天练气功。", "They practise qigong (气功) every day.", False),
    ("untranslated", "这个字念道，他们在成都开会。", "The character 道 is read dao, and they met in 成都.", True),
    ("untranslated", "他们在成都开会。", "他们在成都开会。", True),
    ("untranslated", "#DIY #HomeRenovation", "#DIY #HomeRenovation", False),
    # A handle or a hashtag the source writes in Chinese is copied as it stands; the Chinese beside it is not.
    ("untranslated", "官方微博@四川天府足球俱乐部", "Weibo: @四川天府足球俱乐部", False),
    ("untranslated", "话题#春节回家#阅读量破亿", "The hashtag #春节回家# has passed 100 million views.", False),
    ("untranslated", "官方微博@四川天府足球俱乐部", "Weibo: @四川天府 足球俱乐部", True),
    ("untranslated", "https://twitter.com/user/status/1771286936944099483", "https://twitter.com/user/status/1771286936944099483", False),
    # A place jieba's dictionary lacks (its tagger cannot call 高雄 a place) that CC-CEDICT knows only as a proper noun.
    ("entity-missing", "蔡英文总统今天在高雄视察。", "President Tsai Ing-wen inspected the city today.", True),
    ("entity-missing", "蔡英文总统今天在高雄视察。", "President Tsai Ing-wen inspected Kaohsiung today.", False),
    # A name of three characters or more that jieba's tagger calls a noun or a time; a unit after a number is none.
    ("entity-missing", "莫里亚蒂教授是犯罪界的拿破仑。", "Professor Moriarty is the mastermind of crime.", True),
    ("entity-missing", "莫里亚蒂教授是犯罪界的拿破仑。", "Professor Moriarty is the Napoleon of crime.", False),
    ("entity-missing", "端午节那天，我们吃了粽子。", "On that day we ate zongzi.", True),
    ("entity-missing", "端午节那天，我们吃了粽子。", "On the Dragon Boat Festival we ate zongzi.", False),
    ("entity-missing", "烤箱预热至180摄氏度。", "Preheat the oven to 350 degrees Fahrenheit.", False),
    # 第一 is "first" or "best", but before the label of a part of a text or a plan it is the number 1.
    ("number-mismatch", "第一条 保险责任", "Article 4 Coverage", True),
    ("number-mismatch", "第一条 保险责任", "Article 1 Coverage", False),
    ("number-mismatch", "第一天：抵达成都。", "Day 2: Arrive in Chengdu.", True),
    ("number-mismatch", "第一天：抵达成都。", "On the first day, arrive in Chengdu.", False),
    ("number-mismatch", "他是世界第一。", "He is the best in the world.", False),
    # 近两年 is nearly two years, though jieba keeps it as one word; *tens of thousands* is one vague number (数万).
    ("number-mismatch", "冲突已持续近两年，造成数万人死亡。",
     "The conflict has dragged on for nearly two years, killing tens of thousands.", False),
    ("number-mismatch", "冲突已持续近两年，造成数万人死亡。",
     "The conflict has dragged on for nearly three years, killing tens of thousands.", True),
    # Equal numbers pair by kind, a month with a month and an ordinal with an ordinal: 2月 takes *February* and 第二
    # *second*, so the *two* of *the two players* is left to 三.
    ("number-mismatch", "三位外援已于2月15日抵达海口，参加第二阶段冬训。",
     "The two overseas players arrived in Haikou on 15 February for the second phase of winter training.", True),
    ("number-mismatch", "两位外援已于2月15日抵达海口，参加第二阶段冬训。",
     "The two overseas players arrived in Haikou on 15 February for the second phase of winter training.", False),
    # A code of one letter is a numbered label (C-73 for 丙字七十三号), not a thing's name (COVID-19 for 新冠).
    ("number-mismatch", "上面刻着“丙字七十三号”。", 'Engraved on it was "C-72."', True),
    ("number-mismatch", "上面刻着“丙字七十三号”。", 'Engraved on it was "C-73."', False),
    # A rank is a count though jieba keeps it as one word (前十名); a name or an idiom so cut is not (头一无二).
    ("number-mismatch", "前十名可获得一千块灵石。", "The top twenty each receive a thousand spirit stones.", True),
    ("number-mismatch", "前十名可获得一千块灵石。", "The top ten each receive a thousand spirit stones.", False),
    ("number-mismatch", "他的功夫天下头一无二。", "His kung fu is unrivalled under heaven.", False),
    # *At first* says when, not which: 第二年 is *the next year*, and 第三 against *the second* is still a change.
    ("number-mismatch", "刚开始食堂里的馒头随便吃，到第二年开春就不行了。",
     "At first you could eat as many buns as you liked, but by the spring of the next year things had gone bad.", False),
    ("number-mismatch", "刚开始大家都很高兴，到第三年就不行了。",
     "Everyone was happy at first, but by the second year things had gone bad.", True),
    # A share said as a fraction or a percentage is one share (the English % sign was not read as a percentage).
    ("number-mismatch", "十分之七的人同意。", "70% of people agreed.", False),
    ("number-mismatch", "三分之一的人同意。", "33% of people agreed.", False),
    ("number-mismatch", "失业率降至百分之四点五。", "The unemployment rate fell to 4.5%.", False),
    ("number-mismatch", "失业率降至百分之四点五。", "The unemployment rate fell to 4.7%.", True),
    # A decimal said in numerals before a scale, a multiple or a unit is one number; 三点五十分 is an hour.
    ("number-mismatch", "公司营收达到三点五亿元。", "Revenue reached 350 million yuan.", False),
    ("number-mismatch", "价格上涨了一点五倍。", "Prices rose 1.5 times.", False),
    ("number-mismatch", "价格上涨了一点五倍。", "Prices rose 2.5 times.", True),
    ("number-mismatch", "下午三点五十分开会。", "The meeting is at 3:50 p.m.", False),
    # A list item numbered on both sides keeps its number (full-width digits too); numbered on one side only, it is a
    # heading the translator numbers otherwise or not at all.
    ("number-mismatch", "12. 饮酒后驾驶的，暂扣驾驶证。", "2. A driver who drinks and drives loses the licence.", True),
    ("number-mismatch", "１２．饮酒后驾驶的，暂扣驾驶证。", "2. A driver who drinks and drives loses the licence.", True),
    ("number-mismatch", "12. 饮酒后驾驶的，暂扣驾驶证。", "12. A driver who drinks and drives loses the licence.", False),
    ("number-mismatch", "3、禁止吸烟。", "3) No smoking.", False),
    ("number-mismatch", "6.片厂", "The Film Studio", False),
    # A numeral that jieba's model glues to the word before it (处七 + 万元) is still a number; an ordinal of a scale
    # multiplies the number before it (the six hundredth year).
    ("number-mismatch", "违反本法规定的，处七万元以上罚款。", "Violators shall be fined not less than 50,000 yuan.", True),
    ("number-mismatch", "违反本法规定的，处七万元以上罚款。", "Violators shall be fined not less than 70,000 yuan.", False),
    ("number-mismatch", "挪亚六百岁那年，洪水泛滥在地上。", "In the six hundredth year of Noah's life the flood came.", False),
    ("number-mismatch", "挪亚六百岁那年，洪水泛滥在地上。", "In the five hundredth year of Noah's life the flood came.", True),
    # A code named by the pinyin of the Chinese name before its number is one thing named alike on both sides: its
    # number is compared (a code named otherwise, COVID-19 for 新冠, is not).
    ("number-mismatch", "神舟十九号载人飞船发射升空。", "Shenzhou-17 lifted off.", True),
    ("number-mismatch", "神舟十九号载人飞船发射升空。", "Shenzhou-19 lifted off.", False),
    ("number-mismatch", "嫦娥六号完成月球背面采样。", "Chang'e-6 took samples from the far side of the Moon.", False),
    ("number-mismatch", "新冠疫情持续了三年。", "The COVID-19 pandemic lasted three years.", False),
    # Years and months are one family (三年 is 36 months, 两岁 24 months); a year of the calendar is still a year.
    ("number-mismatch", "合同期限为三年。", "The contract runs for 36 months.", False),
    ("number-mismatch", "合同期限为三年。", "The contract runs for 30 months.", True),
    ("number-mismatch", "宝宝两岁了。", "The baby is 24 months old.", False),
    ("number-mismatch", "他在2023年退休。", "He retired in 2024.", True),
    ("typo", "我们必须相信政府。", "We must trust the goverment.", True),
    # A name in the pinyin of the Chinese, with its possessive, opening the sentence (not "Ergo").
    ("typo", "二狗本名叫刘二旺。", "Ergou's real name was Liu Erwang.", False),
    ("typo", "加上浮动条款，交易总价值可达8500万欧元。", "Including add-ons, the deal could be worth 85 million euros.", False),
    # A long word that a letter struck twice or two letters swapped make of a listed word is its slip, however rare the
    # word (respondents, tenterhooks); a letter changed or added may be a rare word's own spelling (parameterize).
    ("typo", "超过70%的受访者表示满意。", "More than 70 percent of respondeents said they were satisfied.", True),
    ("typo", "我心里七上八下的。", "I was on tetnerhooks.", True),
    ("typo", "泛型类型常常需要参数化。", "It is often useful to parameterize a generic type.", False),
    # A given name the Chinese leaves out, before a surname it writes by sound, opens the sentence as no slip.
    ("typo", "诺里斯以0.812秒之差获得亚军。", "Lando Norris finished second, 0.812 seconds behind.", False),
    ("typo", "他以0.812秒之差获得亚军。", "Lando finished second, 0.812 seconds behind.", True),
    # French terms of art and of the antiques trade, as English writes them.
    ("typo", "清乾隆粉彩花卉纹双耳瓶", "A famille rose double-handled vase, Qianlong period", False),
    # A capitalised word that opens a bracket inside a sentence is a name (a constituency in Hokkien); one that opens a
    # bracketed sentence of its own is read; *Tel* is an abbreviation.
    ("typo", "陈伟明议员（义顺集选区）询问国家发展部长：", "Mr Tan Wei Ming (Nee Soon) asked the Minister for National Development:",
     False),
    ("typo", "他走了。（这是后话。）", "He left. (Thsi came later.)", True),
    ("typo", "电话：0471-3456789。", "Tel: 0471-3456789.", False),
    # Hong Kong English writes its dim sum in Cantonese; a slip in it is still a slip.
    ("typo", "1. 虾饺（$48／4粒）：皮薄到见到入面嘅虾，好味！",
     "1. Har gow (HK$48 for 4): the wrappers are so thin you can see the shrimp. Delicious!", False),
    ("typo", "1. 虾饺（$48／4粒）：皮薄到见到入面嘅虾，好味！",
     "1. Har gow (HK$48 for 4): the wrapers are so thin you can see the shrimp. Delicious!", True),
    # A foreign name of two words opening the sentence; a slip before an English word is still one.
    ("typo", "比邻星距离地球约4.24光年。", "Proxima Centauri is about 4.24 light years from Earth.", False),
    ("typo", "政府大楼今天关闭。", "Goverment House is closed today.", True),
    # Units of measure as English writes them short.
    ("typo", "心率每分钟72次。", "Heart rate 72 bpm.", False),
    # British spellings with a prefix or a suffix, and the few the rules name one by one.
    ("typo", "这些街区认不出来了。", "These neighbourhoods are unrecognisable.", False),
    ("typo", "墙上长了霉，首饰也少得可怜。", "Mould grew on the walls, and the jewellery was meagre.", False),
    ("typo", "门缝里有穿堂风。", "There is a draught under the door.", False),
    ("typo", "节日结束后举行会谈。", "Talks will be held after the holiday of Eid al-Adha.", False),
    ("typo", "（续）", "[cont'd]", False),
    ("typo", "如有疑问，请使用互斥锁！", "When in doubt, use a mutex!", False),
    ("typo", "被调用方做出的任何更改。", "Any changes the callee makes.", False),
    # British digraphs (anaemia, foetus) are spellings; an "ea" typed "ae" is a slip, though "gret" and "yer" pass as words.
    ("typo", "她患有贫血，胎儿很健康。", "She has anaemia, and the foetus is healthy.", False),
    ("typo", "这是很好的一年。", "It was a graet year.", True),
    ("typo", "这是很好的一年。", "It was a great yaer.", True),
    ("typo", "他们应该得到帮助。", "They daeserve help.", True),
    ("typo", "儿科医生给孩子做了麻醉。", "The paediatricians anaesthetised the child.", False),
    # Two letters glued to a word are no closed compound (an + ever, on + body), an ox is (oxhide); no British word
    # ends in -thre, so an "-er" typed "-re" is a slip there (mothre), a spelling elsewhere (centre, sombre).
    ("typo", "他从来不说谎。", "He would anever lie.", True),
    ("typo", "没有人来。", "Onbody came.", True),
    ("typo", "她是我的母亲。", "She is my mothre.", True),
    # A reading as an inflection of a rare listed string loses to a word a hundred times as common (famin + ly).
    ("typo", "他爱他的家人。", "He loves his faminly.", True),
    ("typo", "他给我们看了照片。", "He shawed us the photos.", True),
    ("typo", "市中心的剧院气氛阴郁。", "The theatre in the town centre was sombre.", False),
    # Loan words of English from Japanese and Cantonese (a social-media post, a Hong Kong food guide).
    ("typo", "转发这条锦鲤，下周考试全过！", "Repost this lucky koi and you'll pass all your exams next week!", False),
    ("typo", "这间茶餐厅的菠萝油很好吃。", "The pineapple buns at this cha chaan teng are great.", False),
    ("typo", "这间茶餐厅的菠萝油很好吃。", "The pineapple buns at this cha chaan teng are gerat.", True),
    # Speech spelled as it sounds: the g of -ing dropped and marked (goin'), not dropped alone (goin).
    ("typo", "你要去哪儿？", "Where ya goin'?", False),
    ("typo", "你要去哪儿？", "Where are you goin?", True),
    ("typo", "这台相机能拍每秒60帧的视频。", "The camera shoots 60 fps video.", False),
    ("typo", "我们必须相信政府。", "We must trust the government.", False),
    ("typo", "陈清扬笑了。", "Qingyang smiled.", False),
    # A loan word with its accents kept is its word (crêpes, rosé); chat abbreviations are words of their own.
    ("typo", "我们吃了可丽饼，喝了桃红葡萄酒。", "We had crêpes and a rosé.", False),
    ("typo", "他回复说：谢谢，顺便说一下，我不知道。", "He replied: thx, btw, idk.", False),
    # Latin and French phrases of English prose are no slips as a whole; their words alone still are.
    ("typo", "本条款经必要修改后适用于分包合同。", "This clause applies mutatis mutandis to subcontracts.", False),
    ("typo", "初步看来，该主张成立。", "Prima facie, the claim holds.", False),
    ("typo", "这是事实上的禁令。", "It is a de facto ban.", False),
    ("typo", "这是事实上的禁令。", "It is a facto ban.", True),
    # A foreign name opening the sentence that the Chinese spells by sound is no slip; a slip beside it still is.
    ("typo", "比赛第85分钟，梅西打进制胜一球。", "Messi scored the winner in the 85th minute.", False),
    ("typo", "莫德罗过去在共产党的强硬统治下被送上法庭。", "Modrow's past under communist rule landed him in court.", False),
    ("typo", "比赛第85分钟，梅西打进制胜一球。", "Messi scored the goal in the 85th minnute.", True),
    ("typo", "他马上就来。", "Messi will come at once.", True),
    ("typo", "李小龙是功夫明星。", "Bruce Lee was a kung fu star.", False),  # a loan word in its Wade-Giles spelling
    ("typo", "溶液浓度为0.1摩尔每升。", "The solution has a concentration of 0.1 mol/L.", False),  # a unit's symbol
    ("typo", "他向一边侧了侧身。", "He leant a little to one side.", False),
    ("typo", "他去击打皮人。", "He attacked the oxhide cut-outs.", False),
    # Inflections English does not make (over-regularized, an undoubled or wrongly doubled consonant) ...
    ("typo", "他说他会来。", "He sayed he would come.", True),
    ("typo", "孩子们都来了。", "The childs all came.", True),
    ("typo", "车停了。", "The car stoped.", True),
    ("typo", "他们来了。", "They are comming.", True),
    ("typo", "她在写信。", "She is writting a letter.", True),
    ("typo", "他们玩了游戏。", "They played a game.", False),
    # ... and words run together with "the", "of" or "and"; prefixed words and closed compounds are words.
    ("typo", "他走进了房子。", "He walked into the middle ofthe house.", True),
    ("typo", "请调整窗口大小。", "Resize the window and check your inbox.", False),
    ("typo", "这是一个演练。", "This is a walkthrough.", False),
    # British spellings of derived words, and a prefix before a listed word, are words; un + till is not.
    ("typo", "他们的行为问题。", "Their behavioural problems grew.", False),
    ("typo", "不要运行不可信的代码。", "Never run untrusted code.", False),
    ("typo", "等到明天。", "Wait untill tomorrow.", True),
    # A slip that happens to read as an inflection of a rare word is still a slip; archaic
    # and British spellings are words.
    ("typo", "我们回家吧。", "We are gooing home.", True),
    ("typo", "利用内置函数 getattr：", "Use the bublt-in function getattr:", True),
    ("typo", "利用内置函数 getattr：", "Use the built-in function getattr:", False),
    ("typo", "凤姐笑了。", "Xi-feng laughed.", False),
    ("typo", "他进了城。", "Then cometh he to the city.", False),
    ("typo", "你知道这颜色。", "Thou knowest the colour well.", False),
    ("typo", "他们意识到了。", "They did realise it.", False),
    ("typo", "食品、炊具等等", "food, utensils, etc.", False),
    ("typo", "咯当咯当的响声", "a persistent tock tock tock sound", False),
    # Brands, handles and words the Chinese itself keeps in Latin letters are not typos.
    ("typo", "此外，苹果可以频繁发布新的 iOS 和 macOS 版本。", "Also, Apple can release new iOS and macOS versions often.", False),
    ("typo", "而且依赖方面也没有 nodejs 厉害。", "The dependency story is less insane than nodejs, too.", False),
    ("typo", "我一直在断断续续地听 @iotar 的作品", "I've been, on and off, listening to the works of @iotar", False),
    ("typo", "而且依赖方面也没有它厉害。", "The dependensy story is less insane, too.", True),
    # British spellings with a possessive, informal words and Latin of English prose are words.
    ("typo", "这个组织的光纤网络覆盖全国。", "The organisation's fibre network covers the country.", False),
    ("typo", "反之亦然，哈哈。", "And vice versa, lol.", False),
    ("typo", "这个组织的光纤网络覆盖全国。", "The organisation's fibre netwrok covers the country.", True),
    ("typo", "雅各布说他会来。", "Jakob said he would come.", False),
    ("typo", "请稍等。", "Pleaae wait.", True),
    # Units written short and the interjections of speech are English too.
    ("typo", "这辆车重三千磅，时速一百二十英里。", "The car weighs 3,000 lbs and does 120 mph.", False),
    ("typo", "嗯，呃，好吧，就这样。", "Erm, umm, voila, that's it.", False),
    ("typo", "这辆车重三千磅。", "The car weighs 3,000 lbss.", True),
    ("encoding-artifact", "关(guān)于合作", "About cooperation", True),
    ("encoding-artifact", "关于合作", "About cooperation", False),
    ("encoding-artifact", "关于合作", "Friendship?with Foreign Countries", True),
    ("punctuation-mismatch", "你明天去北京吗？", "You are going to Beijing tomorrow.", True),
    ("punctuation-mismatch", "你明天去北京吗？", "Are you going to Beijing tomorrow?", False),
    ("repeated-word", "他们去了北京。", "They went to the the capital.", True),
    ("repeated-word", "他们去了北京。", "They went to the capital.", False),
    ("repeated-word", "瑶瑶笑了。", "Yao Yao smiled.", False),
    # A capital A that labels a party, then the article: no doubling.
    ("repeated-word", "乙方向甲方支付押金。", "Party B shall pay Party A a deposit.", False),
    ("repeated-word", "他们问她有什么事。", "They asked her her business.", False),
    ("repeated-word", "“变焦、变焦”的孩子，现在已然成年。", 'The "zoom zoom" kid is now an adult.', False),
    ("repeated-word", "他们常常去北京。", "They often went to the the capital.", True),
    ("repeated-word", "他们去了北京。", "The The capital.", True),
    ("whitespace", "我们到了。", "We  arrived ，at last.", True),
    ("whitespace", "我们到了。", "We arrived, at last.", False),
    ("whitespace", "他说：“好吧。”", "He said, “All right.”", False),
    ("whitespace", "他说：“好吧。”", "He said，“All right.”", True),
    ("omission", "她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊是假的，还说我把她骗出来就是想研究她的结构。",
     "She admitted it.", True),
    ("omission", "她承认打我不对，也承认没有好好待我。",
     "She admitted that she'd been wrong to slap me, and that she hadn't treated me well.", False),
    # A row of terms the dictionary lacks (心理健康, 自我报告): two words it knows are enough to judge a cut this plain.
    ("omission", "其次，心理健康的测量依赖于自我报告。", "Second.", True),
    ("omission", "其次，心理健康的测量依赖于自我报告。", "Second, mental health was measured by self-report.", False),
    # The second half of the Chinese (after the clause boundary nearest the middle) has no English counterpart.
    ("omission", "她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊是假的，还说我把她骗出来就是想研究她的结构。",
     "She admitted that she'd been wrong to slap me and that she hadn't treated me well.", True),
    ("omission", "她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊是假的，还说我把她骗出来就是想研究她的结构。",
     "She admitted she had been wrong to hit me and had treated me badly, but said that my great friendship was "
     "false and that I had lured her out to study her structure.", False),
    # Who speaks (韦小宝道：“) is left to the context in dialogue: only the quotation must be rendered.
    ("omission", "小玄子道：“你不服，便…… 便起来打过。”", "'Then get up ... and fight!'", False),
    ("omission", "韦小宝道：“这个我理会得，偷东西给人抓住了，还有好戏唱吗？”", "'I know.'", True),
    ("addition", "我没走掉。", "I did not leave. The market closed early that year because the harvest failed in every province.", True),
    ("addition", "我没走掉。", "I did not leave.", False),
    ("addition", "他去了北京。我们都很高兴。", "He went to Beijing. We were all very happy.", False),
    ("addition", "他去了北京。", "He went to Beijing. The market closed early that year because the harvest failed.", True),
    # A dot inside a name (PyConfig.verbose, os.path) ends no sentence: no fragment to report.
    ("addition", "Py_VerboseFlag: 改用 PyConfig.verbose。", "Py_VerboseFlag: Use PyConfig.verbose instead.", False),
    ("addition", "此运算可使用特殊的 object.__mul__ 和 object.__rmul__ 方法来自定义。",
     "This operation can be customized using the special object.__mul__ and object.__rmul__ methods.", False),
    # A sentence that writes a telling number of the Chinese translates some of it, however few of its words do
    # (a museum caption's measurements); a round number or a small one proves nothing.
    ("addition", "《清明上河图》，北宋，张择端，绢本设色，纵24.8厘米，横528.7厘米。",
     "Along the River During the Qingming Festival. Northern Song dynasty. Zhang Zeduan. "
     "Handscroll, ink and colour on silk, 24.8 × 528.7 cm.", False),
    ("addition", "他去了北京，住了20天。",
     "He went to Beijing for 20 days. The market closed early that year because the harvest had failed 20 times.", True),
    # Stop 30's unseen domains.  A band of thousands written with K (月薪40K-60K) is thousands; a lone 4K is a code.
    ("number-mismatch", "薪资待遇：月薪40K-60K，14薪。", "Pay: 40,000 to 60,000 yuan a month, 14 months a year.", False),
    ("number-mismatch", "薪资待遇：月薪40K-60K，14薪。", "Pay: 40,000 to 50,000 yuan a month, 14 months a year.", True),
    ("number-mismatch", "底薪8K。", "A base salary of 8,000 yuan.", False),
    ("number-mismatch", "目前为止平均每天划5000多米。", "So far I average a little over 5K a weekday.", False),
    ("number-mismatch", "一台4K电视。", "A 4K television.", False),
    # A range that says its scale once (3 to 5 million, between 100 and 400 billion) scales both ends; 三五百 is 300–500.
    ("number-mismatch", "银河系包含1000亿到4000亿颗恒星。", "The Milky Way has between 100 and 400 billion stars.", False),
    ("number-mismatch", "银河系包含1000亿到4000亿颗恒星。", "The Milky Way has between 200 and 400 billion stars.", True),
    ("number-mismatch", "约有300万到500万人。", "About 3 to 5 million people.", False),
    ("number-mismatch", "美猴王享乐天真，何期有三五百载。", "The Monkey King lived carefree for three or four hundred years.", False),
    ("number-mismatch", "美猴王享乐天真，何期有三五百载。", "The Monkey King lived carefree for six hundred years.", True),
    # 丈 and 尺 are one length in 尺: 丈八 is eighteen, 一丈二尺 twelve.
    ("number-mismatch", "翼德挺丈八蛇矛。", "Zhang Fei raised his eighteen-span serpent lance.", False),
    ("number-mismatch", "那棒有一丈二尺长。", "The cudgel was twelve feet long.", False),
    ("number-mismatch", "翼德挺丈八蛇矛。", "Zhang Fei raised his sixteen-span serpent lance.", True),
    # 陆 and 伍 alone are a surname, land or ranks, never financial numerals: 陆家嘴 is a place.
    ("number-mismatch", "浦东陆家嘴滨江三房出售。", "Three-bedroom riverside flat for sale in Lujiazui, Pudong.", False),
    ("number-mismatch", "一式贰份。", "In two copies.", False),
    # Indian English multiplies its scales (5 lakh crore is 5 × 10^12); digits glued to a letter after a space are a
    # model number, not SI thousands (Ultra 7 155H is no 7,155).
    ("number-mismatch", "该项目总投资达5万亿卢比。", "The project involves a total investment of ₹5 lakh crore.", False),
    ("number-mismatch", "该项目总投资达5万亿卢比。", "The project involves a total investment of ₹5 lakh.", True),
    ("number-mismatch", "处理器：英特尔酷睿Ultra 7 155H，16核", "Processor: Intel Core Ultra 7 155H, 16 cores", False),
    ("number-mismatch", "全程10000公里。", "The trip is 10 000 km.", False),
    # Unit symbols of science and energy (atm, hPa, TWh, IU).
    ("typo", "实验在25℃、1个标准大气压下进行，年发电量为12太瓦时。", "The experiment ran at 25 °C and 1 atm; output is 12 TWh a year.",
     False),
    # The clipped and blended words of the 2020s' business news, and loan words of Japanese food and crafts.
    ("typo", "班加罗尔的科技园区聚集了超过3,500家初创公司。", "More than 3,500 start-ups are clustered in Bengaluru's tech parks.",
     False),
    ("typo", "跟一位做乐烧的师傅学习。", "To study with a raku potter.", False),
    ("typo", "班加罗尔的科技园区聚集了初创公司。", "Start-ups are clusterd in Bengaluru's tech parks.", True),
    # -d joins only an e (agreed), -ed never does (closeed), -ing only ee, oe and ye (seeing, canoeing; not closeing).
    ("typo", "他们同意了，看着我们划独木舟。", "They agreed, seeing us canoeing.", False),
    ("typo", "商店正在关门。", "The shop is closeing.", True),
    # A share said as a count of a count: 十个有九个 is nine out of 10.
    ("number-mismatch", "疑似自闭症的患者中，十个有九个都不应该被诊断为自闭症。",
     "Nine out of 10 children referred as autistic should not have been diagnosed so.", False),
    ("number-mismatch", "疑似自闭症的患者中，十个有八个都不应该被诊断为自闭症。",
     "Nine out of 10 children referred as autistic should not have been diagnosed so.", True),
    # Programming words, and a code name with a possessive that the Chinese writes (ssl's).
    ("typo", "现在 collections.Counter 类支持单目的 + 和 - 运算符。", "Counter now supports the unary + and - operators.", False),
    ("typo", "移除了 ssl 的 ssl.RAND_pseudo_bytes 函数。", "Remove ssl's ssl.RAND_pseudo_bytes function.", False),
    # A hedge before a dozen is read (more than a dozen is 12 to 23; nearly a dozen up to 12), not taken for "about".
    ("number-mismatch", "翻了十七八个滚。", "They rolled over more than a dozen times.", False),
    ("number-mismatch", "翻了三十个滚。", "They rolled over more than a dozen times.", True),
    # HTML references a converter left in the English are damage; the same references on both sides are the file's
    # own escaping (an XLIFF export), and a name HTML does not know (R&D;) is no reference.
    ("encoding-artifact", "A&B公司成立于1998年。", "A&amp;B Company was founded in 1998.", True),
    ("encoding-artifact", "他说：“是的。”", "He said, &#8220;Yes.&#8221;", True),
    ("encoding-artifact", "请输入 &lt;用户名&gt;。", "Enter &lt;username&gt;.", False),
    ("encoding-artifact", "研发和电信。", "R&D; and AT&T.", False),
    ("encoding-artifact", "A&amp;B公司成立于1998年。", "A&B Company was founded in 1998.", True),
    # A word the Chinese writes in Latin letters is a name from code: the English word beside it is no slip.
    ("repeated-word", "调用此方法以设置 instance 指定的所有者类的实例的属性。",
     "Called to set the attribute on an instance instance of the owner class.", False),
    ("repeated-word", "布尔运算符 and 和 or 是短路运算符。", "The Boolean operators and and or are short-circuit operators.", False),
    ("repeated-word", "调用此方法以设置实例的属性。", "Called to set the attribute on an instance instance of the owner class.", True),
    # The full stop of a title (Mrs., Dr.) ends no sentence: the capitalised word after it is a name, not a slip.
    ("typo", "一个属于埃杜夫人部委的项目。", "A project under Mrs. Edu's ministry.", False),
    ("typo", "一个属于埃杜夫人部委的项目。", "A project under Mrs. Edu's minstry.", True),
    # A foreign phrase joined by a hyphen, as an adjective writes it (the de-facto standard), is the phrase.
    ("typo", "UTF-8 是现代事实上的标准。", "UTF-8 is the modern de-facto standard.", False),
    # Words of games and the internet one letter from a common word (bot/both, gif/gift, esports/sports).
    ("typo", "首局比赛，BLZ凭借下路的强势压制率先拿下一分。", "BLZ took the opening game on the back of pressure in the bot lane.", False),
    ("typo", "电竞比赛的动图在网上流传。", "GIFs and gifs of the esports final spread online.", False),
    ("typo", "电竞比赛的动图在网上流传。", "Gifts of the esports fnial spread online.", True),
    # An abbreviation the segmenter knows, with its full stop (tel., approx.), is no slip of a word (tel for tell).
    ("typo", "快递员李强（电话：138****6021）正在为您派送。", "Courier Li Qiang (tel.: 138****6021) is out for delivery.", False),
    ("typo", "他告诉我了。", "He did tel me.", True),
    # A quoted English term with the source's word for it in brackets is a defined term (bilingual laws and contracts).
    ("untranslated", "“處長”（Commissioner）指勞工處處長；", '"Commissioner" (處長) means the Commissioner for Labour;', False),
    ("untranslated", "“处长”（Commissioner）指劳工处处长；", '"Commissioner" (劳工处处长助理) means the Commissioner for Labour;', True),
    # An hour said with 时 after a part of the day (下午三时) or before its minutes, a half hour (七时半), and a day of a
    # lunar month (初八), read as the English reads them; 四时 (the four seasons) and 一时半会 ("a while") are no hour.
    ("number-mismatch", "十月初八（星期四）下午三时：迎神。", "8th day (Thursday), 3:00 p.m.: Welcoming of the deities.", False),
    ("number-mismatch", "十月初八（星期四）下午三时：迎神。", "9th day (Thursday), 3:00 p.m.: Welcoming of the deities.", True),
    ("number-mismatch", "十月初八（星期四）下午三时：迎神。", "8th day (Thursday), 4:00 p.m.: Welcoming of the deities.", True),
    ("number-mismatch", "每晚七时半上演粤剧。", "Cantonese opera is staged nightly at 7:30 p.m.", False),
    ("number-mismatch", "每晚七时半上演粤剧。", "Cantonese opera is staged nightly at 8:30 p.m.", True),
    ("number-mismatch", "会议于九时三十分开始。", "The meeting began at 9:40.", True),
    ("number-mismatch", "四时之景不同，而乐亦无穷也。", "The scenes of the four seasons differ, and so does the joy of them.", False),
    ("number-mismatch", "一时半会儿也说不清，下午3点再谈。", "It can't be explained in a moment; let's talk at 3 p.m.", False),
    # The Long March (长征) and its rockets are no month; an hour takes an hour (八号 the 8 of Long March-8, not 8:10).
    ("number-mismatch", "北京时间20时10分，长征八号火箭发射升空。", "A Long March-8 rocket lifted off at 8:10 p.m. Beijing time.", False),
    ("number-mismatch", "北京时间20时10分，长征八号火箭发射升空。", "A Long March-8 rocket lifted off at 9:10 p.m. Beijing time.", True),
    # A character's gloss that says what it is (洛 "name of a river") renders nothing: *my given name is* is no
    # rendering of 洛阳 (a doubtful finding, as a place dropped beside no gap is).
    ("entity-missing", "老夫姓柳名存义，祖居洛阳人氏。",
     "I am surnamed Liu, and my given name is Cunyi; my family has lived in for generations.", True),
    ("entity-missing", "老夫姓柳名存义，祖居洛阳人氏。",
     "I am surnamed Liu, and my given name is Cunyi; my family has lived in Luoyang for generations.", False),
    # 七旬 is a decade of age (*past seventy*); 第二天 is *the next day*, whatever *first* the row says besides.
    ("number-mismatch", "一位年过七旬的老居士双手合十。", "A lay Buddhist, well past seventy, pressed his palms together.", False),
    ("number-mismatch", "一位年过七旬的老居士双手合十。", "A lay Buddhist, well past sixty, pressed his palms together.", True),
    ("number-mismatch", "第二天清晨，我们先去了显通寺。", "Early the next morning, we went first to Xiantong Temple.", False),
    ("number-mismatch", "第三天清晨，我们先去了显通寺。", "Early the next morning, we went first to Xiantong Temple.", True),
    # A list of characters a textbook's English edition copies from the source, after its label, is written on purpose;
    # Chinese the source does not list in that order, or with no label before it, is still untranslated.
    ("untranslated", "我会写：奶、报、纸、忘、找、沙、床、零、系", "Characters to write: 奶, 报, 纸, 忘, 找, 沙, 床, 零, 系", False),
    ("omission", "我会写：奶、报、纸、忘、找、沙、床、零、系、读", "Characters to write: 奶, 报, 纸, 忘, 找, 沙, 床, 零, 系, 读", False),
    ("untranslated", "我会写：奶、报、纸、忘、找", "Characters to write: 奶, 纸, 报, 忘, 找", True),
    ("untranslated", "他见了李四、王五、赵六。", "He met 李四, 王五, 赵六.", True),
    # 七八个 is seven or eight (乱七八糟 is no number); a move of Chinese chess (车9平8 ↔ R9=8) is a code, not counts,
    # while the move's number is still compared.
    ("number-mismatch", "来了七八个人。", "Seven or eight people came.", False),
    ("number-mismatch", "来了七八个人。", "Five people came.", True),
    ("number-mismatch", "屋里乱七八糟的。", "The room was a mess.", False),
    ("number-mismatch", "双方走出马二进三、车9平8，红方第4回合车二进六。", "After H2+3 R9=8, Red played R2+6 on move 4.", False),
    ("number-mismatch", "双方走出马二进三、车9平8，红方第4回合车二进六。", "After H2+3 R9=8, Red played R2+6 on move 5.", True),
    # A word doubled where the second opens a Latin phrase of English prose (In in vitro) is no slip.
    ("repeated-word", "在体外试验中，该药抑制了激酶。", "In in vitro assays, the drug inhibited the kinase.", False),
    ("repeated-word", "药放在盒子里。", "The drug was in in the box.", True),
    ("typo", "蓝色来自青金石。", "Blue comes from lapis lazuli.", False),
    ("typo", "蓝色来自青金石。", "Blue comes from lapsi lazuli.", True),
    # A trademark quoted in Chinese, named as a mark or glossed after its quotation mark, is written on purpose.
    ("untranslated", "悦享公司上诉称：“金穗”系常用词汇。", 'Yuexiang appealed that "金穗" (golden ears of grain) is a common term.', False),
    ("untranslated", "法院认为，“金穗坊”标识包含了“金穗”商标。", 'The court held the sign "金穗坊" includes the trademark "金穗".', False),
    ("untranslated", "法院认为，“金穗坊”标识包含了“金穗”商标。", "The court held that the name 包含了 the trademark.", True),
    # Numerals counted out one by one (a rhyme, a countdown) are each a number; 三四五号 is still room 345.
    ("number-mismatch", "一二三四五，上山打老虎。", "One, two, three, four, five, up the hill to hunt a tiger.", False),
    ("number-mismatch", "一二三四五，上山打老虎。", "One, two, three, four, six, up the hill to hunt a tiger.", True),
    ("number-mismatch", "他住在三四五号房间。", "He stays in Room 345.", False),
    # Pinyin with its tone marks is the row's Chinese said aloud; a character glossed with its tone-marked pinyin is a
    # mention, and so is a work's Chinese title in brackets after its English one.
    ("typo", "基本笔画有：横、竖。", "The basic strokes are the horizontal (横 héng) and the vertical (竖 shù).", False),
    ("untranslated", "古人将这些笔画归纳在一个“永”字之中。", 'They summed up the strokes in one character, 永 (yǒng, "eternal").', False),
    ("untranslated", "初学者临摹颜真卿的《多宝塔碑》。", "Beginners copy Yan Zhenqing's Duobao Pagoda Stele (《多宝塔碑》).", False),
    ("untranslated", "初学者临摹颜真卿的《多宝塔碑》。", "Beginners copy Yan Zhenqing's 多宝塔碑.", True),
    # A share per ten thousand (万分之二) is 0.0002, not 0 (every small share was equal before): *two ten-thousandths*
    # and *0.02%* say it, *0.05%* does not.
    ("number-mismatch", "按日支付逾期应付款万分之二的违约金。", "Damages of two ten-thousandths of the overdue sum a day.", False),
    ("number-mismatch", "按日支付逾期应付款万分之二的违约金。", "Liquidated damages of 0.02% of the overdue sum a day.", False),
    ("number-mismatch", "按日支付逾期应付款万分之二的违约金。", "Liquidated damages of 0.05% of the overdue sum a day.", True),
    # A surname before a hyphened Hong Kong given name is a name (Lau Ka-man), not a slip for *Luau*.
    ("typo", "媳：劉嘉敏", "Daughter-in-law: Lau Ka-man", False),
    ("typo", "片头音乐", "[Intro music]", False),
    # British spellings are suggested when a slip is one edit from the British word alone.
    ("typo", "他最喜欢的球队输了。", "His favourte team lost.", True),
    ("typo", "他最喜欢的球队输了。", "His favourite team lost.", False),
    ("typo", "醮期程序如下：", "The festival pnogramme is as follows:", True),
    ("typo", "醮期程序如下：", "The festival programme is as follows:", False),
    # A year of the Republic said vaguely (民国四十几年, 1952-1960) is a year of *the 1950s*, not of *the 1940s*.
    ("number-mismatch", "民国四十几年开始有机动船。", "Motorboats started appearing in the 1950s.", False),
    ("number-mismatch", "民国四十几年开始有机动船。", "Motorboats started appearing in the 1940s.", True),
    # A range that runs down says its scale once: *388 to 383 million years ago*.
    ("number-mismatch", "形成时代约为3.88亿至3.83亿年前。", "It was deposited roughly 388 to 383 million years ago.", False),
    ("number-mismatch", "形成时代约为3.88亿至3.83亿年前。", "It was deposited roughly 398 to 383 million years ago.", True),
    # A word the source quotes as a word, defined in the English (落水 means "to rain") or glossed in quotes (我 ("I")).
    ("untranslated", "「落水」即下雨；「冇」即没有；相当于「我」。", 'Note: 落水 means "to rain"; 冇 means "not have"; like 我 ("I").',
     False),
    ("untranslated", "落水即下雨。", 'Note: 落水 means "to rain".', True),
    # A term in pinyin, lower case, is the source's word: no sentence added.
    ("addition", "其基本形式为七言四句，一般第一、二、四句押韵，多用比兴、双关等手法，语言生动，乡土气息浓厚。",
     "The basic form is a four-line stanza of seven syllables per line, usually with the first, second and fourth lines "
     "rhyming. The songs rely heavily on devices such as analogy, evocative imagery (bixing) and puns, and their language "
     "is vivid and richly redolent of rural life.", False),
    # 万 then its thousands in digits is one sum (1万5,000元 is 15,000).
    ("number-mismatch", "按月给付扶养费新台币1万5,000元。", "Child support of NT$15,000 shall be paid monthly.", False),
    ("number-mismatch", "按月给付扶养费新台币1万5,000元。", "Child support of NT$16,000 shall be paid monthly.", True),
    # A fraction written with a slash is the share said in words (1/4子 ↔ *a quarter of a stone*).
    ("number-mismatch", "黑棋以1/4子的微弱优势获胜。", "Black wins by a quarter of a stone.", False),
    ("number-mismatch", "黑棋以1/4子的微弱优势获胜。", "Black wins by a third of a stone.", True),
    # A half after a counter or a unit is a half (二升半, 三个半小时), and said in words it is exact: *two and a half*
    # does not round to the 三 of 减三升.
    ("number-mismatch", "以水九升，减三升，煮取二升半。", "In nine sheng of water, reduce by three sheng, boil to two and a half sheng.",
     False),
    ("number-mismatch", "以水九升，减三升，煮取二升半。", "In nine sheng of water, reduce by two sheng, boil to two and a half sheng.",
     True),
    ("number-mismatch", "他们走了三个小时。", "They walked for three and a half hours.", True),
    ("number-mismatch", "他们走了三个半小时。", "They walked for three and a half hours.", False),
    ("number-mismatch", "人参三两　半夏半升", "Renshen 3 liang; Banxia half a sheng", False),
    ("number-mismatch", "一型两级半中型液体运载火箭", "a medium-sized, two-and-a-half-stage liquid-propellant rocket", False),
    # Words of Go from Japanese, and *pcs* for pieces, are English.
    ("typo", "白棋试图压缩黑棋的模样。", "White tries to reduce Black's moyo.", False),
    ("typo", "马介休球（六件）", "Salt cod fritters (6 pcs)", False),
    # A species' Latin epithet after its genus or the genus's initial; a reduplication of sound (roly-poly, zig-zag).
    ("typo", "青霉素G对敏感肺炎链球菌的MIC一般≤0.06 μg/mL。",
     "The MIC of penicillin G against susceptible Streptococcus pneumoniae is generally ≤0.06 μg/mL.", False),
    ("typo", "大肠杆菌", "E. coli and S. aureus", False),
    ("typo", "一只圆滚滚的熊猫", "a round, roly-poly panda", False),
    ("typo", "一只圆滚滚的熊猫", "a round, rloy panda", True),
    # A baseball count (两好球 two strikes, 两出局 two outs) and a price a liang (两块五一两, 2.5 yuan per 50 grams).
    ("number-mismatch", "代打许廷恩在两好球后击出右外野安打，追回1分。",
     "Pinch hitter Hsu Ting-en battled with two strikes and lined a single to right to drive in one run.", False),
    ("number-mismatch", "代打许廷恩在两好球后击出右外野安打，追回1分。",
     "Pinch hitter Hsu Ting-en battled with three strikes and lined a single to right to drive in one run.", True),
    ("number-mismatch", "素菜两块五一两，荤菜论串算。", "Veggies go for 2.5 yuan a liang; meat is priced by the skewer.", False),
    ("number-mismatch", "素菜两块五一两，荤菜论串算。", "Veggies go for 3.5 yuan a liang; meat is priced by the skewer.", True),
    # The pinyin of a character the Chinese doubles, doubled (串串香 chuan chuan xiang).
    ("repeated-word", "最后一站当然是串串香。", "The last stop has to be chuan chuan xiang.", False),
    ("repeated-word", "最后一站当然是串串香。", "The last stop has to be the the hotpot.", True),
    # A note's headword and the words it is defined by (柴：同“寨”; “景”通“影”).
    ("untranslated", "【注释】柴：同“寨”，指用木栅围成的地方。“景”通“影”。",
     "[Notes] 柴: equivalent to 寨, a place enclosed by a palisade. Here 景 stands for 影.", False),
    ("untranslated", "【注释】柴：同“寨”，指用木栅围成的地方。",
     "[Notes] Chai: equivalent to zhai, a place enclosed by a 木栅.", True),
    # A numeral the English spells in pinyin within a name (三台 ↔ *Santai*); a range of fractions that says its
    # denominator once (九成、八成 ↔ *nine or eight tenths*); a prefix before a hyphen (tri-mode).
    ("number-mismatch", "新刻天下四民便览三台万用正宗卷之十七", "Santai Orthodox Source for Myriad Uses, Juan 17", False),
    ("number-mismatch", "新刻天下四民便览三台万用正宗卷之十七", "Santai Orthodox Source for Myriad Uses, Juan 16", True),
    ("number-mismatch", "九成、八成者递减其值。", "Silver of nine or eight tenths is worth correspondingly less.", False),
    ("number-mismatch", "五成、四成者递减其值。", "Silver of nine or eight tenths is worth correspondingly less.", True),
    ("typo", "连线方式是三模。", "It's tri-mode.", False),
    ("typo", "连线方式是三模。", "It's tri-mdoe.", True),
    # A decimal said in words (*zero point eight*); countless said with stacked scales (亿万 ↔ *hundreds of millions*).
    ("number-mismatch", "0.8千帕，听上去不多。", "Zero point eight kilopascals didn't sound like much.", False),
    ("number-mismatch", "0.9千帕，听上去不多。", "Zero point eight kilopascals didn't sound like much.", True),
    ("number-mismatch", "一举而三役济，计省费以亿万计。", "One measure did three tasks, and saved hundreds of millions of cash.", False),
    ("typo", "通讯频道里传来他沙哑的声音。", "His hoarse voice came over the comm channel.", False),
    # Energy in the symbols of SI prefixes (5.87亿千瓦时 ↔ *587 GWh*); an academic year of the Republic's calendar spans two
    # Western years (113学年度 ↔ *2024–2025*); a route's number with a letter is a code (19S).
    ("number-mismatch", "2023年全年累计上网电量为5.87亿千瓦时。", "In 2023, total electricity fed into the grid was 587 GWh.", False),
    ("number-mismatch", "2023年全年累计上网电量为5.87亿千瓦时。", "In 2023, total electricity fed into the grid was 687 GWh.", True),
    ("number-mismatch", "中国文学系　113学年度课程纲要", "Department of Chinese Literature: Course Descriptions, Academic Year 2024–2025",
     False),
    ("number-mismatch", "中国文学系　113学年度课程纲要", "Department of Chinese Literature: Course Descriptions, Academic Year 2022–2023",
     True),
    ("number-mismatch", "新界专线小巴19S号线", "NT Green Minibus Route No. 19S", False),
    # A brand's own letters (Curél), a product named after a label, a syllable of a romanization in brackets, *arr.*
    ("typo", "1. 洁面：珂润润浸保湿洁颜泡沫。", "1. Cleanser: Curél Foaming Facial Wash.", False),
    ("typo", "4. 防晒：安热沙小金瓶。", "4. Sunscreen: Anessa Perfect UV Sunscreen Skincare Milk.", False),
    ("typo", "注意：安热沙很好。", "Note: Anessa is good.", True),
    ("typo", "连得三次「圣筊」，方可取签。", "Only after three consecutive positive answers (sheng jiao) may you take a lot.", False),
    ("typo", "02　渔舟唱晚　娄树华 编曲", "02 Singing on the Fishing Boats at Dusk – arr. Lou Shuhua", False),
    # A first sentence that opens on a label as the Chinese does renders the label and what it names.
    ("addition", "3. 面霜：适乐肤C乳，含3种必需神经酰胺，质地轻薄不闷痘。",
     "3. Moisturiser: CeraVe Moisturising Lotion. It contains three essential ceramides, and the texture is light and "
     "won't clog pores or cause breakouts.", False),
    # 四周 "all around" (not four weeks), the degree of a term (二次方程 quadratic), 百分比 (percentage), a part numbered
    # after its name (课题五 ↔ *Topic 5*), thousands set apart by a space ($50 000).
    ("number-mismatch", "三女巫并未现身，只有她们的声音从观众席四周响起。",
     "The three witches never appear; only their voices ring out from all around the auditorium.", False),
    ("number-mismatch", "持续四周后复诊。", "Return after three weeks.", True),
    ("number-mismatch", "课题五：二次方程及判别式", "Topic 5: Quadratic Equations and the Discriminant", False),
    ("number-mismatch", "课题五：二次方程及判别式", "Topic 6: Quadratic Equations and the Discriminant", True),
    ("number-mismatch", "课题八：百分法", "Topic 8: Percentages", False),
    ("number-mismatch", "陈先生把 $50 000 存入银行，年利率为 3%。", "Mr Chan deposits $50 000 in a bank at 3% p.a.", False),
    ("number-mismatch", "陈先生把 $50 000 存入银行，年利率为 3%。", "Mr Chan deposits $60 000 in a bank at 3% p.a.", True),
    # *p.a.* and *at or below* leave no word out: no gap beside the name.
    ("entity-missing", "例题3：陈先生把 $50 000 存入银行，年利率为 3%，每季复利计算。",
     "Example 3: Mr Chan deposits $50 000 in a bank at an interest rate of 3% p.a., compounded quarterly.", False),
    ("entity-missing", "第五条　生鲜食材应冷藏于摄氏7度以下，冷冻食材应保存于摄氏零下18度以下。",
     "Article 5 Fresh ingredients shall be refrigerated at or below 7°C and frozen ingredients stored at or below −18°C.",
     False),
    # *woollen*, a greeting the source spells by sound (“扎西德勒” ↔ *“Tashi delek”*), a Portuguese street name.
    ("typo", "他只穿着毛袜攀上岩壁。", "He climbed the rock in his woollen socks.", False),
    ("typo", "他用藏语对我说了一句“扎西德勒”。", "He said “Tashi delek” to me in Tibetan.", False),
    ("typo", "堂区办事处：澳门风顺堂街", "Parish Office: Rua de São Lourenço, Macau", False),
    # The source's quoted words, quoted where the English says what the sign is written in.
    ("untranslated", "站牌用汉、藏两种文字写着“那曲”。", "The platform sign gave the name in both Chinese and Tibetan: “那曲”.", False),
    ("untranslated", "我们到达了那曲。", "We arrived at “那曲”.", True),
    # The British *rouble*; an English plural of a word in pinyin (*five tuos* of 沱茶).
    ("typo", "他欠了银行一万二千卢布。", "He owes the bank twelve thousand roubles.", False),
    ("typo", "2003年下关老沱茶，五个一条。", "2003 Xiaguan Vintage Tuocha, five tuos per pack.", False),
    ("typo", "2003年下关老沱茶，五个一条。", "2003 Xiaguan Vintage Tuocha, five tuso per pack.", True),
    # A condition said by inversion leaves no subject out (Were the General here today, … would): no gap beside the name.
    ("entity-missing", "但使龙城飞将在，不教胡马度阴山。",
     "Were the Flying General of Dragon City here today, / No Hu horse would cross the Yin Mountains.", False),
    # Stop 42's unseen documents.  A word list's headword before its own reading (出院 chū yuàn), a phrase the English
    # says it renders (rendering 学习知识 as "learn knowledge"): the Chinese is kept on purpose.
    ("untranslated", "4. 出院　chū yuàn　动　病人治好后离开医院", "4. 出院 chū yuàn v. (of a patient) to leave hospital after recovering",
     False),
    ("untranslated", "4. 出院　动　病人治好后离开医院", "4. 出院 v. (of a patient) to leave hospital after recovering", True),
    ("untranslated", "中式英语表达，如把“学习知识”写成“learn knowledge”，应视为用词不当。",
     "Chinglish expressions, such as rendering 学习知识 as \"learn knowledge\", should be treated as inappropriate word choice.",
     False),
    ("untranslated", "中式英语表达，如把学习知识写成“learn knowledge”，应视为用词不当。",
     "Chinglish expressions, such as rendering 学习知识 as \"learn knowledge\", should be treated as inappropriate word choice.",
     True),
    # A share said as a part of a hundred (百分之一秒 ↔ *one hundredth of a second*); a race's time with its hundredths
    # (1分07.82秒 ↔ *1:07.82*); yuan and cents in digits (3元80分 ↔ *S$3.80*); a text of a lesson numbered after its name.
    ("number-mismatch", "计时准确至百分之一秒。", "Times are recorded to one hundredth of a second.", False),
    ("number-mismatch", "计时准确至百分之一秒。", "Times are recorded to one thousandth of a second.", True),
    ("number-mismatch", "冠军：香港警察龙舟会（第三线），1分07.82秒", "Champion: Hong Kong Police Dragon Boat Club (Lane 3), 1:07.82",
     False),
    ("number-mismatch", "冠军：香港警察龙舟会（第三线），1分07.82秒", "Champion: Hong Kong Police Dragon Boat Club (Lane 3), 1:07.28",
     True),
    ("number-mismatch", "五个2元，十个3元80分。", "Five for S$2, ten for S$3.80.", False),
    ("number-mismatch", "五个2元，十个3元80分。", "Five for S$2, ten for S$3.90.", True),
    ("number-mismatch", "课文一", "Text 1", False),
    ("number-mismatch", "课文二", "Text 3", True),
    # A currency's code against its amount (RM286,500); a road's number the English writes as its code (G318); a range
    # that says its counter once (三至四天); a day before a month's short name (12 Feb).
    ("number-mismatch", "该会今年共颁发奖贷学金，总额达28万6500令吉。", "The association awarded scholarships totalling RM286,500.",
     False),
    ("number-mismatch", "该会今年共颁发奖贷学金，总额达28万6500令吉。", "The association awarded scholarships totalling RM268,500.",
     True),
    ("number-mismatch", "沿318国道西行可抵达塔钦，车程通常需要三至四天。",
     "Darchen lies to the west along National Highway G318, a drive that usually takes three to four days.", False),
    ("number-mismatch", "沿318国道西行可抵达塔钦，车程通常需要三至四天。",
     "Darchen lies to the west along National Highway G318, a drive that usually takes two to four days.", True),
    ("number-mismatch", "2月12日（三）正月十五上午9:00至11:30，举行祝寿大典。",
     "Wed 12 Feb (15th day of the first lunar month), 9:00–11:30 am: birthday ceremony.", False),
    ("number-mismatch", "2月12日（三）正月十五上午9:00至11:30，举行祝寿大典。",
     "Wed 12 Mar (15th day of the first lunar month), 9:00–11:30 am: birthday ceremony.", True),
    # A numeral of birth order (三太子 *the Third Prince*); a quarter to the hour after (七点四十五分 ↔ *a quarter to
    # eight*); a quarter of an hour in minutes; spoons of a recipe.
    ("number-mismatch", "2月11日（二）19:30 电音三太子踩街", "Tue 11 Feb, 7:30 pm: Techno Third Prince street parade", False),
    ("number-mismatch", "可是男管家说，上校直到七点四十五分才进门。", "The butler says the Colonel came in at a quarter to eight.",
     False),
    ("number-mismatch", "可是男管家说，上校直到七点四十五分才进门。", "The butler says the Colonel came in at a quarter to nine.",
     True),
    ("number-mismatch", "他在伦敦就多待了整整一小时十五分钟。", "He had a full hour and a quarter longer in London.", False),
    ("number-mismatch", "他在伦敦就多待了整整一小时二十分钟。", "He had a full hour and a quarter longer in London.", True),
    ("number-mismatch", "生油两汤匙", "2 tbsp cooking oil", False),
    ("number-mismatch", "生油两汤匙", "3 tbsp cooking oil", True),
    # Words of Singapore menus (in their dish's name only), anatomy's Latin, *adv.*, *Repot*, *specialities*, Sanskrit
    # with its diacritics, an instrument.
    ("typo", "顺发粿汁：宽粿片泡在卤汤里，另配豆卜和卤蛋。", "Soon Huat Kway Chap: rice sheets in broth, with tau pok and egg.",
     False),
    ("typo", "他把卤蛋戳开。", "He gave the egg a pok.", True),
    ("typo", "配一小碟叁巴辣椒。", "Served with a small dish of sambal chilli.", False),
    ("typo", "腕横纹上2寸，掌长肌腱与桡侧腕屈肌腱之间。", "2 cun above the crease, between palmaris longus and flexor carpi radialis.",
     False),
    ("typo", "7. 特别　tèbié　副　非常", "7. 特别 tèbié adv. very; extremely", False),
    ("typo", "一般每一至两年于花谢后换盆一次。", "Repot generally once every one to two years after flowering.", False),
    ("typo", "适合搭配宁夏风味菜肴。", "An ideal match for Ningxia specialities.", False),
    ("typo", "健驮逻国都城号布路沙布逻。", "The capital of Gandhāra is called Puruṣapura.", False),
    ("typo", "一把好的萨塔尔要花上大半年。", "A good satar takes the better part of a year to make.", False),
    ("typo", "每人获赠红包一份。", "Each received an ang pow.", False),
    ("repeated-word", "skr skr，别跟我比谁更 real", "Skr skr, don't try to out-real me", False),
    ("repeated-word", "别跟我比谁更 real", "Skr skr, don't try to out-real me", True),
    # Figures in Chinese numerals that the English writes in digits render their half (每听五十枝 ↔ *Tins of 50*).
    ("omission", "每听五十枝，售大洋七角五分", "Tins of 50, 75 cents each", False),
    # Tenths in 分 (煎八分 ↔ *down to eight-tenths*) and the cup of a prescription (水二钟 ↔ *two cups of water*); an obo, a
    # stat; a name that opens on the word before it (to To Tei Wan); quoted terms a localisation guide says how to render.
    ("number-mismatch", "加生姜三片，大枣二枚，水二钟，煎八分，食远温服。",
     "Add three slices of ginger and two jujubes; decoct in two cups of water down to eight-tenths, and take warm.", False),
    ("number-mismatch", "加生姜三片，大枣二枚，水二钟，煎八分，食远温服。",
     "Add three slices of ginger and two jujubes; decoct in two cups of water down to seven-tenths, and take warm.", True),
    ("typo", "正月里还要去敖包磕头。", "In the first lunar month we go to the obo to kowtow.", False),
    ("typo", "数值描述中的“攻击力”统一缩写为ATK。", "In stat descriptions, Attack is always abbreviated as ATK.", False),
    ("repeated-word", "转乘9号巴士往土地湾。", "Then take bus 9 to To Tei Wan.", False),
    ("repeated-word", "转乘9号巴士往土地湾。", "Then take bus 9 to to Tei Wan.", True),
    ("untranslated", "数值描述中的“攻击力”统一缩写为ATK，技能说明中的“伤害”缩写为DMG。",
     "In stat descriptions, 攻击力 is always abbreviated as ATK; in skill descriptions, 伤害 is abbreviated as DMG.", False),
    ("untranslated", "冷却时间统一写作“CD: Xs”，例如“冷却12秒”译为“CD: 12s”。",
     'Cooldowns are always written as "CD: Xs"; for example, 冷却12秒 is translated as "CD: 12s".', False),
    ("untranslated", "冷却时间统一写作“CD: Xs”，例如冷却12秒译为“CD: 12s”。",
     'Cooldowns are always written as "CD: Xs"; for example, 冷却12秒 is translated as "CD: 12s".', True),
    # Round five: a vitamin (D3 125 is no spaced thousand), a clock after a colon (時間:17:00), *a single* dose, the plural of
    # a noun in use (*ethers* beside *others*), an epithet like an English word (*influenzae*), a word called so in Chinese.
    ("number-mismatch", "维生素D3 125国际单位｜100片/瓶", "125 IU vitamin D3 | 100 tablets/bottle", False),
    ("number-mismatch", "维生素D3 125国际单位｜100片/瓶", "125 IU vitamin D3 | 120 tablets/bottle", True),
    ("number-mismatch", "营业时间:17:00–00:30,礼拜一公休", "Opening hours: 5:00 p.m.–12:30 a.m., closed Mondays", False),
    ("number-mismatch", "营业时间:17:00–00:30,礼拜一公休", "Opening hours: 6:00 p.m.–12:30 a.m., closed Mondays", True),
    ("number-mismatch", "出生时：卡介苗（BCG）1剂", "At birth: BCG vaccine, single dose", False),
    ("number-mismatch", "出生时：卡介苗（BCG）1剂", "At birth: BCG vaccine, 2 doses", True),
    ("typo", "研究人员检测出高浓度的多溴联苯醚。", "Researchers detected high concentrations of polybrominated diphenyl ethers.", False),
    ("typo", "研究人员检测出高浓度的多溴联苯醚。", "Researchers detected high concentrations of polybrominated diphenyl etherz.", True),
    ("typo", "b型流感嗜血杆菌结合疫苗（Hib）", "Haemophilus influenzae type b conjugate vaccine (Hib)", False),
    ("typo", "13价肺炎球菌结合疫苗，无细胞百白破疫苗", "13-valent pneumococcal conjugate vaccine, acellular pertussis vaccine", False),
    ("untranslated", "Travessa 指连接两条街道的小巷，中文称「巷」。", "A Travessa is a lane, called 巷 in Chinese.", False),
    ("untranslated", "Travessa 指连接两条街道的小巷，中文称巷。", "A Travessa is a lane, called 巷 in Chinese.", True),
    ("number-mismatch", "学生在家中使用族语的比例约三成五。", "The proportion of students who use Paiwan at home is about 35%.", False),
    ("number-mismatch", "学生在家中使用族语的比例约三成五。", "The proportion of students who use Paiwan at home is about 53%.", True),
    # Round eight: a word of Taiwanese spelled as it is said, *samsa*; a rating in thousands with K and the scale it is
    # out of; *two and a half thousand*; discounts in digits (65折 ↔ *35% off*); a user's name and a licence plate
    # copied as written.
    ("typo", "擲筊（台語稱「跋桮」）是傳統方式。", "Throwing moon blocks (puah-pue in Taiwanese) is a traditional way.", False),
    ("typo", "隔壁摊子的烤包子五元一个。", "At the next stall, samsa went for five yuan apiece.", False),
    ("typo", "讲座以粤语进行。", "The talk will be condducted in Cantonese.", True),
    ("typo", "由此得出的“史瓦西半径”与天体质量成正比。", "The resulting “Schwarzschild radis” is proportional to its mass.", True),
    ("number-mismatch", "4.8分，共12.6万个评分", "4.8 out of 5 · 126K Ratings", False),
    ("number-mismatch", "4.8分，共12.6万个评分", "4.8 out of 5 · 162K Ratings", True),
    ("number-mismatch", "两千五百年后的今天，《孙子兵法》已被译成数十种语言。",
     "Two and a half thousand years on, The Art of War is read in dozens of languages.", False),
    ("number-mismatch", "三千五百年后的今天，《孙子兵法》已被译成数十种语言。",
     "Two and a half thousand years on, The Art of War is read in dozens of languages.", True),
    ("number-mismatch", "早鸟优惠共分为65折、8折及9折三种折扣。", "Early Bird discounts come in three tiers: 35% off, 20% off and 10% off.",
     False),
    ("number-mismatch", "早鸟优惠共分为65折、8折及9折三种折扣。", "Early Bird discounts come in three tiers: 25% off, 20% off and 10% off.",
     True),
    ("untranslated", "“强烈推荐雨夜那一集。”——用户 小鹿乱撞", '"Highly recommend the Rainy Night episode." – user 小鹿乱撞', False),
    ("untranslated", "“强烈推荐雨夜那一集。”——用户 小鹿乱撞", '"Highly recommend the 雨夜 episode." – user Xiaolu', True),
    ("untranslated", "车型：大众帕萨特，车牌号：沪A·7K392。", "Model: Volkswagen Passat; licence plate: 沪A·7K392.", False),
    # Round nine: *savoury*; a transliteration's 勒 (*lao kele*); a
    # Cantonese shout in quotes; a sum and its half with the unit between them; the nines of winter counted.
    ("typo", "一碗咸豆浆四分。", "A bowl of savoury soy milk was four fen.", False),
    ("typo", "外婆是弄堂里出了名的老克勒。", "Grandma was known throughout the lane as a true lao kele.", False),
    ("typo", "最怕的是听见有人喊「走鬼」。", 'What we dreaded most was hearing someone shout "Jau gwai!"', False),
    ("number-mismatch", "价钱是十一块半。", "He let it go for eleven dollars and a half.", False),
    ("number-mismatch", "价钱是十二块半。", "He let it go for eleven dollars and a half.", True),
    ("number-mismatch", "我们花了九个半钟头才到开罗。", "We made Cairo in nine hours and a half.", False),
    ("number-mismatch", "民间《九九歌》唱道：“一九二九不出手，三九四九冰上走。”",
     "A folk “Song of the Nines” goes: “In the first and second nines, keep your hands in; in the third and fourth, walk on ice.”",
     False),
    # Round ten: a whole number and its fraction (5 1/2, 5½); prices said as spoken (*two-forty* for 两百四); a phone
    # number in groups; ordinals of centuries; the *first* of 首次; one more multiple (额外1倍 ↔ *double*); a
    # possessive name opening its sentence.
    ("number-mismatch", "所需时间：五个半小时。", "Time. — 5 1/2 hours.", False),
    ("number-mismatch", "所需时间：六个半小时。", "Time. — 5 1/2 hours.", True),
    ("number-mismatch", "所需时间：五个半小时。", "Time: 5½ hours.", False),
    ("number-mismatch", "两百四？东边那家才卖两百一。", "Two-forty? The place on the east side only charges two-ten.", False),
    ("number-mismatch", "两百四？东边那家才卖两百一。", "Two-forty? The place on the east side only charges two-twenty.", True),
    ("number-mismatch", "档口电话系八三三二七六五。", "The stall's number is 833 2765.", False),
    ("number-mismatch", "档口电话系八三三二七六五。", "The stall's number is 833 2766.", True),
    ("number-mismatch", "又在十七、十八世纪被介绍到欧洲。", "It reached Europe in the seventeenth and eighteenth centuries.", False),
    ("number-mismatch", "首次予以警告，第二次起每次扣除押金100元。", "A warning the first time, RMB 100 each time after.", False),
    ("number-mismatch", "使用DD Pay付款，可额外再获得1倍点数。", "Pay with DD Pay and you'll earn double points.", False),
    ("typo", "伯希和藏品则以“P.”字头编号。", "Pelliot's collection is catalogued with the prefix \"P.\"", False),
    ("typo", "政府的计划。", "Goverment's plan.", True),
    # Round eleven, on the final source: a price with its cents said in words, an hour of the clock beside a count of the
    # same value, a Hong Kong festival's Cantonese name.
    ("number-mismatch", "一块八毛七分钱。就这么多。", "One dollar and eighty-seven cents. That was all.", False),
    ("number-mismatch", "一块八毛七分钱。就这么多。", "One dollar and seventy-eight cents. That was all.", True),
    ("number-mismatch", "5月12日14时28分发生地震，震源深度约14千米。", "At 2:28 p.m. on 12 May a quake struck 14 km down.", False),
    ("number-mismatch", "5月12日14时28分发生地震，震源深度约14千米。", "At 3:28 p.m. on 12 May a quake struck 14 km down.", True),
    ("typo", "【端午节联欢】包粽子工作坊", "[Tuen Ng Festival Gathering] Rice Dumpling Workshop", False),
    ("typo", "推行郡县制。", "Implementing the commandery-county system.", False),
    ("typo", "绿豆糕　¥26／份", "Mung Bean Cake · ¥26 per serving", False),
    ("untranslated", "注：技能名中的间隔号“·”一律译为冒号，如“符咒·寒冰”译为“Talisman: Frost”。",
     'Note: The interpunct (·) in skill names is always rendered as a colon; for example, 符咒·寒冰 becomes "Talisman: Frost."',
     False),
]


def _script(text: str, script: str) -> str:
    return opencc_converter("s2t").convert(text) if script == "traditional" else text


def _checked(pairs: list[tuple[str, str]], script: str, code: str) -> list:
    """The findings of ``code`` on ``pairs`` checked as one document, the Chinese in ``script``."""
    return check_rows(rows_from_pairs([(_script(zh, script), en) for zh, en in pairs]), select=[code])


# Each case in Simplified, and in Traditional where the checks would read it otherwise (OpenCC's round trip gives other
# Chinese, or the English holds Chinese); elsewhere the Traditional case is the same input to every check, and checking
# it again would only double the time of the largest test of the suite.
@pytest.mark.parametrize(("code", "zh", "en", "fires"), CASES)
def test_fixture_fires_as_expected(code, zh, en, fires):
    simplified = rows_from_pairs([(zh, en)])
    traditional = rows_from_pairs([(_script(zh, "traditional"), en)])
    for rows in (simplified,) if read_alike(simplified, traditional) else (simplified, traditional):
        found = [f for f in check_rows(rows, select=[code])]
        assert bool(found) == fires, (rows[0].zh, found)
        assert not [slip for f in found for slip in grammar_slips(f.message)]


# A hedge is one number and widens only to a rounding: (zh, en, reported at warning or above).
_HEDGED_NUMBERS = [
    ("实用率约83%。", "Efficiency ratio approx. 78%.", True),  # approx. is a hedge; 78 is no rounding of 83
    ("实用率约83%。", "Efficiency ratio about 80%.", False),
    ("建筑面积约563平方呎。", "Gross floor area 562 sq ft.", True),  # one side hedges: 562 is no rounding of 563
    ("共有310人参加。", "About 300 people took part.", False),
    ("距离我们约11.9光年。", "It is 12 light-years from us.", False),
    ("距离我们约11.9光年，发射时间为十二年前。", "It is about 11.9 light-years away and was sent six years ago.", True),
    ("第九条 贷款发放未满12个月的，不得提前还款。",
     "Article 7 No early repayment may be made less than 12 months after the loan is disbursed.", True),
    ("第七条 贷款发放未满12个月的，不得提前还款。",
     "Article 7 No early repayment may be made less than 12 months after the loan is disbursed.", False),
    ("有两三个人在场。", "Two or three people were there.", False),  # a range still takes two numbers
    # A year written digit by digit is no range (二〇二三 is not 二三 "two or three"), with 〇 or Hong Kong's ○.
    ("二○二三年新呈报的个案为615宗。", "In 2023, 615 new cases were reported.", False),
    ("二〇二三年新呈报的个案为615宗。", "In 2023, 615 new cases were reported.", False),
    ("二○二三年新呈报的个案为615宗。", "In 2022, 615 new cases were reported.", True),
    # A hedged hour is an hour of the day all the same.
    ("2024年2月12日晚约20时，我被撞倒。", "At about 8 p.m. on 12 February 2024 I was knocked down.", False),
    ("2024年2月12日晚约20时，我被撞倒。", "At about 9 p.m. on 12 February 2024 I was knocked down.", True),
    # Both sides hedge: the English copies or rounds the Chinese, never knows it finer.
    ("列车预计晚点约30分钟。", "The train is expected to be delayed by about 25 minutes.", True),
    ("列车预计晚点约27分钟。", "The train is expected to be delayed by about 30 minutes.", False),
    ("僧众五百余人。", "There were more than 502 monks.", True),
    ("僧众五百余人。", "There were more than 500 monks.", False),
    # 两 after a numeral and before a digit is the tael: 二万六千三百一十八两四钱 is 26,318 taels and 4 qian.
    ("岁征地丁银二万六千三百一十八两四钱。", "The annual levy is 26,318 taels 4 qian of silver.", False),
    ("岁征地丁银二万六千三百一十八两四钱。", "The annual levy is 26,381 taels 4 qian of silver.", True),
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(("zh", "en", "reported"), _HEDGED_NUMBERS)
def test_fixture_number_hedge_is_one_number_that_only_rounds(zh, en, reported, script):
    found = [f for f in _checked([(zh, en)], script, "number-mismatch") if f.severity != "info"]
    assert bool(found) == reported, found


def test_fixture_number_year_beside_a_western_date_is_compared():
    """An English year with no counterpart is an era year converted (民国元年 ↔ 1912) only when the Chinese writes no
    Western year itself."""
    changed = _checked([("2024年11月5日至11月7日进行实弹射击。", "Live firing from 5 November 2024 to 7 November 2025.")],
                       "simplified", "number-mismatch")
    assert [f.en_text for f in changed] == ["2025"]
    assert not _checked([("民国元年，他去了上海。", "In 1912 he went to Shanghai.")], "simplified", "number-mismatch")


# A name missing from the English is reported at warning or above only where the English shows the gap it left;
# a name the translator replaced by a pronoun or a noun leaves fluent English and stays doubtful (info).
_NAME_GAPS = [
    ("周六警方宣布西雅图发生骚乱。", "Police declared a riot in on Saturday.", True),
    ("周六警方宣布西雅图发生骚乱。", "Police declared a riot in the city on Saturday.", False),
    ("吴佩珍有个表哥在片厂做照明工。", "Had a cousin who did lighting at the film studio.", True),
    ("吴佩珍有个表哥在片厂做照明工。", "She had a cousin who did lighting at the film studio.", False),
    ("我在香港港口小学教科学。", "I teach science at the.", True),
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(("zh", "en", "reported"), _NAME_GAPS)
def test_fixture_entity_missing_is_sure_only_where_the_english_shows_a_gap(zh, en, reported, script):
    found = _checked([(zh, en)], script, "entity-missing")
    assert found, "the name is missing either way, so a finding is made"
    assert (found[0].severity != "info") == reported, found
    assert ("as if a word were missing" in found[0].message) == reported


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_missing_a_gap_outweighs_what_the_row_suggests_stands_for_the_name(script):
    """A speaker who only introduces a quotation is left out, since translators move or drop these; not when the
    English tag has lost its speaker."""
    assert not _checked([("王琦瑶说：“我不去。”", '"I am not going," she said.')], script, "entity-missing")
    found = _checked([("王琦瑶说：“我不去。”", '"I am not going," said.')], script, "entity-missing")
    assert [f.severity != "info" for f in found] == [True]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_missing_a_proper_noun_jieba_does_not_tag_is_read_beside_a_gap(script):
    """A festival or a country inside a longer word is no name on every row, but beside a gap it is what was dropped."""
    assert _checked([("农历正月初一是春节。", "The first day of the first lunar month is the.")], script, "entity-missing")
    assert not _checked([("农历正月初一是春节。", "The first day of the first lunar month is the festival.")], script,
                        "entity-missing")
    # A proper noun that is also a common word is the word (成功 Chenggong, or "success").
    assert not _checked([("我们成功了。", "Managed it, in the end.")], script, "entity-missing")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_missing_a_name_no_dictionary_knows_is_read_where_the_english_opens_on_its_verb(script):
    """陈涉 is in no dictionary and occurs once: where the English has lost its first subject, the name opening the
    Chinese is what was dropped; not where the English names him, nor where the Chinese opens on a pronoun."""
    found = _checked([("陈涉少时，尝与人佣耕。", "When was young, he once worked as a hired farmhand.")], script, "entity-missing")
    assert [(f.zh_text, f.severity != "info") for f in found] == [("陈涉" if script == "simplified" else "陳涉", True)]
    assert not _checked([("陈涉少时，尝与人佣耕。", "When Chen She was young, he worked as a hired farmhand.")], script,
                        "entity-missing")
    assert not _checked([("我少时，尝与人佣耕。", "When was young, I worked as a hired farmhand.")], script, "entity-missing")
    assert not _checked([("陈涉少时，尝与人佣耕。", "He once worked as a hired farmhand when he was young.")], script,
                        "entity-missing")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_missing_a_name_twice_in_the_row_is_one_finding(script):
    """The second 爱沙尼亚, inside a longer word, is read beside the gap too: still one name, one finding."""
    found = _checked([("我来自爱沙尼亚，是爱沙尼亚国防军的军人。", "I am from, where I am part of the National Defense Force.")],
                     script, "entity-missing")
    assert [f.zh_text for f in found] == ["爱沙尼亚" if script == "simplified" else "愛沙尼亞"]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_missing_a_dotted_name_is_whole_though_jieba_tags_a_piece_as_punctuation(script):
    # jieba: 娜塔莉 + 娅 (tagged x) + · + 谢尔盖耶夫 + 娜 (tagged x); the finding names the whole name, not 娜塔莉.
    zh = _script("娜塔莉娅·谢尔盖耶夫娜听了这话，眼泪立刻涌了出来。", script)
    found = check_rows(rows_from_pairs([(zh, "At these words the eyes of filled with tears.")]), select=["entity-missing"])
    assert [f.zh_text for f in found] == [_script("娜塔莉娅·谢尔盖耶夫娜", script)]
    rendered = check_rows(rows_from_pairs([(zh, "At these words Natalya Sergeyevna's eyes filled with tears.")]),
                          select=["entity-missing"])
    assert rendered == []


def test_fixture_every_code_has_firing_case():
    firing = {code for code, *_, fires in CASES if fires}
    # Tested elsewhere: across rows (inconsistent-spelling, low-confidence), with a glossary, or on reading a file
    # (malformed-row: tests/io/test_aligned_read.py).
    assert firing | {"inconsistent-spelling", "glossary-mismatch", "low-confidence", "malformed-row"} == set(CHECKS)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_inconsistent_spelling(script):
    pairs = [("重庆市人民对外友好协会", "Chongqing People's Association"),
             ("重庆市人民对外友好协会", "the Chongqing People's Association"),
             ("重庆市人民对外友好协会负责人", "heads of Chongqing Peoples Association")]
    found = _checked(pairs, script, "inconsistent-spelling")
    assert [(f.row, f.en_text) for f in found] == [(3, "Peoples")]
    family = [("贾府", "the Jias"), ("贾母", "Grandmother Jia's maid"), ("贾母", "Grandmother Jia's room"),
              ("叶文洁的", "Ye's student"), ("是的", "Yes, he said.")]
    assert not _checked(family, script, "inconsistent-spelling")
    same = [(z, "Chongqing People's Association") for z, _ in pairs]
    assert not check_rows(rows_from_pairs(same), select=["inconsistent-spelling"])


def test_fixture_inconsistent_spelling_plural_and_possessive_are_two_words():
    pairs = [("首相的顾问上周到访。", "The Prime Minister's adviser came."), ("部长们开会了。", "The Ministers met."),
             ("工作日不包括周日。", "Business days exclude Sundays."), ("周日的比赛取消了。", "Sunday's game was cancelled."),
             ("在 PYTHONUTF8 模式下", "In PYTHONUTF8 mode"), ("Python UTF-8 模式", "the Python UTF-8 Mode")]
    assert not check_rows(rows_from_pairs(pairs), select=["inconsistent-spelling"])


def test_fixture_inconsistent_spelling_an_identifier_is_code_not_a_name():
    pairs = [("现在 C PYTHON_API_VERSION 宏的值将在 Python 层级上暴露为 sys.api_version。",
              "The value of the C PYTHON_API_VERSION macro is now exposed at the Python level as sys.api_version."),
             ("CPython 解释器", "the CPython interpreter"), ("CPython 的实现", "the CPython implementation")]
    assert not check_rows(rows_from_pairs(pairs), select=["inconsistent-spelling"])


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_inconsistent_spelling_a_spelling_copied_from_the_source_is_not_the_translators(script):
    """webbrowser.MacOSX (a dotted name), 由 Jesse-Bakker 贡献 (the source's spelling) and #CrossCountryFlight (a
    hashtag) are copied; Mac OS X and Jesse Bakker in prose are the translator's, and a prose variant is still reported."""
    pairs = [("webbrowser.MacOSX 已被弃用。", "webbrowser.MacOSX has been deprecated."),
             ("适用于 Mac OS X 的安装程序。", "The installer for Mac OS X."),
             ("在 Mac OS X 上运行。", "It runs on Mac OS X."),
             ("由 Jesse-Bakker 贡献。", "Contributed by Jesse-Bakker."),
             ("感谢 Jesse Bakker 的补丁。", "Thanks to Jesse Bakker for the patch."),
             ("#飞行训练 #越野飞行", "#PilotTraining #CrossCountryFlight"),
             ("一次越野飞行。", "A Cross Country Flight."), ("又一次越野飞行。", "Another Cross Country Flight.")]
    assert not _checked(pairs, script, "inconsistent-spelling")
    slipped = [*pairs, ("在 Mac OS X 上安装。", "Install it on MacOS X.")]
    assert [(f.row, f.en_text) for f in _checked(slipped, script, "inconsistent-spelling")] == [(9, "MacOS X")]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_inconsistent_spelling_a_name_hyphened_to_a_word_is_an_adjective(script):
    """*Yang-style* beside a title's *(Yang Style)* spells no name two ways; *Xi-feng* beside *Xi Feng* does."""
    pairs = [("二十四式简化太极拳（杨式）", "24-Form Simplified Tai Chi (Yang Style)"),
             ("本套路根据杨式太极拳改编而成。", "This routine was adapted from Yang-style tai chi.")]
    assert not _checked(pairs, script, "inconsistent-spelling")
    names = [("凤姐笑道", "Xi Feng laughed"), ("凤姐说", "Xi Feng said"), ("凤姐来了", "then Xi-feng came")]
    assert [f.en_text for f in _checked(names, script, "inconsistent-spelling")] == ["Xi-feng"]
    # Two words hyphened are one term spelled two ways (Clean-up, Cleanup), as stop 40 reported them.
    terms = [("清理", "Cleanup of the cache"), ("清理", "the Cleanup step"), ("清理", "a Clean-up pass")]
    assert [f.en_text for f in _checked(terms, script, "inconsistent-spelling")] == ["Clean-up"]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_glossary_mismatch(script):
    glossary = [GlossaryEntry("對外友協", "对外友协", "Association for Friendship with Foreign Countries")]
    zh = _script("市对外友协副会长", script)
    bad = check_rows(rows_from_pairs([(zh, "vice president of the Friendship Society")]), glossary=glossary,
                     select=["glossary-mismatch"])
    good = check_rows(rows_from_pairs([(zh, "vice president of the Association for Friendship with Foreign Countries")]),
                      glossary=glossary, select=["glossary-mismatch"])
    assert [f.suggestion for f in bad] == ["Association for Friendship with Foreign Countries"] and not good


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(
    ("zh", "en", "term"),
    [
        # An organisation that the dictionaries know as a name, dropped from the English.
        ("重庆市对外友协副会长来了。", "The vice president came.", GlossaryEntry("對外友協", "对外友协", "Friendship Association")),
        # A person, dropped.
        ("副会长王广成率队赴成都。", "The vice president led a team to Chengdu.", GlossaryEntry("王廣成", "王广成", "Wang Guangcheng")),
        # A place rendered, but not as the glossary asks.
        ("他们去了重庆。", "They went to Chongqing.", GlossaryEntry("重慶", "重庆", "Chungking")),
    ],
)
def test_fixture_glossary_missing_term_is_one_finding(zh, en, term, script):
    found = check_rows(rows_from_pairs([(_script(zh, script), en)]), glossary=[term])
    about_term = [f for f in found if term.target in f.suggestion or term.simplified in opencc_converter("t2s").convert(f.message)]
    assert [(f.code, f.suggestion) for f in about_term] == [("glossary-mismatch", term.target)]
    assert _script(term.simplified, script) in about_term[0].message


def test_fixture_low_confidence():
    rows = [CheckRow(i, "我们明天再谈。", "我们明天再谈。", "We will talk tomorrow.", "1-1", 0.5) for i in range(1, 6)]
    rows.append(CheckRow(6, "这件事我们明天再谈。", "这件事我们明天再谈。", "The river was frozen.", "1-1", 0.02))
    rows.append(CheckRow(7, "这件事", "这件事", "", "", None))
    found = check_rows(rows, select=["low-confidence"])
    assert [f.row for f in found] == [6]


def test_fixture_low_confidence_reports_beads_more_likely_wrong_than_right():
    from corpus_align.checks.confidence import LIKELY_WRONG

    assert LIKELY_WRONG == 0.5
    rows = [CheckRow(i, "我们明天再谈。", "我们明天再谈。", "We will talk tomorrow.", "1-1", 0.97) for i in range(1, 6)]
    rows.append(CheckRow(6, "这件事我们明天再谈。", "这件事我们明天再谈。", "The river was frozen.", "1-1", 0.45))
    rows.append(CheckRow(7, "這件事我們明天再談。", "这件事我们明天再谈。", "We will talk about it tomorrow.", "1-1", 0.55))
    rows.append(CheckRow(8, "", "", "A line alone.", "0-1", 0.1))
    found = check_rows(rows, select=["low-confidence"])
    assert [f.row for f in found] == [6]
    assert "0.45" in found[0].message


def test_fixture_unknown_code_lists_valid_ones():
    from corpus_align.errors import UsageError

    with pytest.raises(UsageError, match="valid codes: .*typo"):
        check_rows([], select=["nope"])
    with pytest.raises(UsageError):
        check_rows([], ignore=["typos"])


def test_fixture_findings_sorted_by_row():
    rows = rows_from_pairs([("他们去了北京。", "They went to the the capital."), ("他们在成都开会。", "They met in 成都.")])
    found = check_rows(rows)
    assert [f.row for f in found] == sorted(f.row for f in found)


def test_fixture_addition_learns_names_rendered_by_meaning():
    """韦小宝 is always 'Trinket': a sentence about Trinket pasted into a row without 韦小宝 is unsupported."""
    from corpus_align.checks.context import CheckContext
    from corpus_align.checks.omission import _norms

    pairs = [("韦小宝笑了。", "Trinket laughed."), ("韦小宝走了。", "Trinket left."),
             ("韦小宝哭了。", "Trinket wept."), ("他们去了北京。", "They went to Beijing.")]
    norms = _norms(CheckContext(rows_from_pairs(pairs)))
    assert norms.learned_names.get("trinket") == "韦小宝"


_MUSEUM_LABELS = [
    ("青铜鼎，商代晚期（约公元前13世纪—前11世纪），1976年河南安阳殷墟妇好墓出土。",
     "Bronze ding cauldron, late Shang dynasty (about 13th–11th century BC). Excavated in 1976 from the tomb of Fu Hao "
     "at Yinxu, Anyang, Henan."),
    ("高42.5厘米，口径33厘米，重约16公斤。", "Height 42.5 cm, mouth diameter 33 cm, weight about 16 kg."),
    ("腹内壁铸有铭文“妇好”二字。", 'The inner wall bears the cast inscription "Fu Hao".'),
    ("妇好是商王武丁的王后，也是一位统兵作战的将领。",
     "Fu Hao was a consort of the Shang king Wu Ding and a general who led armies in battle."),
    ("青花缠枝莲纹梅瓶，明永乐年间（1403—1424），景德镇御窑烧造。",
     "Meiping vase with lotus scroll in underglaze blue. Ming dynasty, Yongle period (1403–1424). Made at the imperial "
     "kilns, Jingdezhen."),
    ("此瓶所用钴料含铁量高，烧成后局部呈黑褐色斑点，俗称“铁锈斑”。",
     'The cobalt used for this vase was rich in iron, which fired to dark brown spots known as "heaping and piling".'),
    ("清乾隆皇帝曾作诗题咏此类瓷器。", "The Qianlong Emperor of the Qing dynasty wrote poems in praise of such porcelain."),
    ("《清明上河图》（局部），北宋，张择端，绢本设色，纵24.8厘米，横528.7厘米。",
     "Along the River During the Qingming Festival (detail). Northern Song dynasty. Zhang Zeduan. "
     "Handscroll, ink and colour on silk, 24.8 × 528.7 cm."),
    ("画中共绘有人物814人、牲畜60余匹、船只28艘。", "The painting shows 814 people, more than 60 animals and 28 boats."),
    ("本展品为复制品，原件藏于北京故宫博物院。", "This is a replica; the original is in the Palace Museum, Beijing."),
    ("请勿触摸展品，禁止使用闪光灯拍照。", "Please do not touch the exhibits. No flash photography."),
]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_addition_a_sentence_with_the_chinese_numbers_translates_it(script):
    """A caption's measurements (24.8 × 528.7 cm) translate the Chinese, though few of the sentence's words do;
    the same sentence with numbers the Chinese lacks is the row's likeliest addition (and a number-mismatch)."""
    from corpus_align.checks.context import CheckContext
    from corpus_align.checks.omission import _norms, addition_score

    def likeliest_addition(pairs: list[tuple[str, str]]) -> tuple[float, str]:
        norms = _norms(CheckContext(rows_from_pairs([(_script(zh, script), en) for zh, en in pairs]), ()))
        return addition_score(norms.evidence[7], norms)

    assert _checked(_MUSEUM_LABELS, script, "addition") == []
    zh, en = _MUSEUM_LABELS[7]
    changed = [*_MUSEUM_LABELS[:7], (zh, en.replace("24.8 × 528.7", "31.5 × 402.6")), *_MUSEUM_LABELS[8:]]
    kept, added = likeliest_addition(_MUSEUM_LABELS), likeliest_addition(changed)
    assert "402.6" not in kept[1] and added[1] == "Handscroll, ink and colour on silk, 31.5 × 402.6 cm."
    assert added[0] > kept[0] + 1
    assert [f.row for f in _checked(changed, script, "number-mismatch")] == [8]


_RACE_NOTICE = [
    ("第71届澳门格兰披治大赛车将于2024年11月14日至17日举行，为配合赛事进行，东望洋跑道沿线将实施封路及交通管制措施。",
     "The 71st Macau Grand Prix will take place from 14 to 17 November 2024. To facilitate the event, road closures and "
     "traffic control measures will be put in place along the Guia Circuit."),
    ("赛事期间，每日上午6时至晚上7时，友谊大马路及葡京路等赛道路段将禁止车辆及行人通行。",
     "During the event, circuit sections including Avenida da Amizade and Avenida de Lisboa will be closed to vehicles and "
     "pedestrians from 6 a.m. to 7 p.m. daily."),
    ("由11月12日（星期二）晚上10时起，跑道范围内所有泊车位将暂停使用，停泊于该范围的车辆须于上述时间前驶离，否则将被拖走。",
     "From 10 p.m. on Tuesday, 12 November, all parking spaces within the circuit area will be suspended; vehicles parked "
     "in the area must be removed before that time or they will be towed away."),
    ("受封路影响，巴士3、3A、10及10A号路线将改道行驶，部分站点暂停服务，详情请留意交通事务局公布。",
     "Owing to the closures, bus routes 3, 3A, 10 and 10A will be diverted and some stops will be temporarily out of "
     "service. For details, please refer to announcements by the Transport Bureau."),
    ("澳门特别行政区政府旅游局提醒市民及旅客，前往看台的观众应预留充足时间，并尽量乘搭公共交通工具。",
     "The Macao Government Tourism Office reminds residents and visitors heading to the grandstands to allow plenty of "
     "time and to use public transport wherever possible."),
    ("11月17日（星期日）压轴赛事「澳门格兰披治大赛」将于下午3时30分开赛，赛事结束后约一小时跑道将重新开放。",
     "The main event, the Macau Grand Prix race, will start at 3:30 p.m. on Sunday, 17 November, and the circuit will "
     "reopen to traffic about one hour after the race ends."),
    ("查询热线：(853) 2833 3000。", "Enquiry hotline: (853) 2833 3000."),
]

_LOAN_CLAUSES = [
    ("第二条 贷款期限为360个月，自首次放款之日起计算。",
     "Article 2 The term of the loan shall be 360 months, commencing on the date of the first disbursement."),
    ("第三条 贷款年利率为3.95%；贷款期限内，利率于每年1月1日根据全国银行间同业拆借中心公布的贷款市场报价利率（LPR）调整一次。",
     "Article 3 The annual interest rate of the loan shall be 3.95%. During the term of the loan, the rate shall be "
     "adjusted once a year, on 1 January, in accordance with the Loan Prime Rate (LPR) published by the National Interbank "
     "Funding Center."),
    ("第四条 乙方应按等额本息方式按月还款，还款日为每月20日，首期还款日为2024年8月20日。",
     "Article 4 Party B shall repay the loan in equal monthly instalments of principal and interest on the 20th day of "
     "each month, the first repayment date being 20 August 2024."),
    ("第五条 乙方未按期足额还款的，甲方有权自逾期之日起对逾期金额按日万分之五计收罚息，直至全部清偿为止。",
     "Article 5 If Party B fails to make any repayment in full when due, Party A shall be entitled to charge penalty "
     "interest on the overdue amount at the rate of 0.05% per day from the date on which the payment becomes overdue "
     "until it is repaid in full."),
    ("第六条 乙方连续3个月或累计6个月未按期还款的，甲方有权宣布贷款提前到期，并要求乙方立即偿还全部贷款本息。",
     "Article 6 If Party B fails to make repayments when due for three consecutive months or for a total of six months, "
     "Party A shall be entitled to declare the loan immediately due and to require Party B to repay all outstanding "
     "principal and interest forthwith."),
    ("第七条 乙方申请提前还款的，应提前30日向甲方提交书面申请；贷款发放未满12个月提前还款的，甲方可按提前还款金额的1%收取违约金。",
     "Article 7 Where Party B wishes to make an early repayment, it shall submit a written application to Party A 30 days "
     "in advance. For any early repayment made less than 12 months after the loan is disbursed, Party A may charge "
     "liquidated damages equal to 1% of the amount repaid early."),
    ("第八条 本合同一式三份，甲乙双方各执一份，登记机关存档一份，自双方签字盖章之日起生效。",
     "Article 8 This Contract is executed in three counterparts, one to be held by each of Party A and Party B and one to "
     "be filed with the registration authority, and shall take effect on the date on which it is signed and sealed by "
     "both parties."),
]

_APPENDED = " The committee will publish its annual report on fisheries and coastal wildlife next spring."


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(("pairs", "row"), [(_RACE_NOTICE, 6), (_LOAN_CLAUSES, 6)], ids=["abbreviation", "two-numbers"])
def test_fixture_addition_sentences_are_the_segmenter_s_and_two_shared_numbers_translate(pairs, row, script):
    """*3:30 p.m. on Sunday* goes on one sentence (it was cut after *p.m.* and the head read as added), and a sentence
    that writes two numbers of the Chinese (*12 months … 1%* for 未满12个月……1%) translates it; a sentence appended
    to the same row is still found."""
    assert [f for f in _checked(pairs, script, "addition") if f.severity != "info"] == []
    zh, en = pairs[row - 1]
    appended = [*pairs[: row - 1], (zh, en + _APPENDED), *pairs[row:]]
    found = [(f.row, f.en_text) for f in _checked(appended, script, "addition") if f.severity != "info"]
    assert found == [(row, _APPENDED.strip())]


def test_fixture_addition_single_character_names_need_the_usual_reading():
    """哈 can be read sha, but "Sha" in a row whose Chinese has only 哈哈 is not its name; 单 still spells Shan."""
    from corpus_align.checks.context import RowView
    from corpus_align.checks.name_spelling import row_name_keys

    laugh = RowView(rows_from_pairs([("小玄子哈哈一笑。", "Misty laughed. Sha took out a computer.")])[0])
    assert "sha" not in row_name_keys(laugh)
    wang = RowView(rows_from_pairs([("王琦瑶笑了。", "Wang smiled.")])[0])
    assert "wang" in row_name_keys(wang)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_name_lexicon_reads_u_umlaut(script):
    """A name romanized with ü (Lüqiu Luwei) enters the document's name lexicon whole, so the row that drops it
    reports 闾丘露薇, not the piece 露薇 that the dictionaries know."""
    pairs = [("闾丘露薇来了。", "Lüqiu Luwei came."), ("闾丘露薇走了。", "Then everyone left.")]
    if script == "traditional":
        pairs = [(opencc_converter("s2t").convert(zh), en) for zh, en in pairs]
    found = [(f.row, f.zh_text) for f in check_rows(rows_from_pairs(pairs), select=["entity-missing"])]
    assert found == [(2, pairs[1][0][:4])]


def test_fixture_omission_counts_dropped_clauses():
    """At the same length and coverage, an English with fewer clauses than the Chinese scores lower."""
    from dataclasses import replace

    from corpus_align.checks.context import CheckContext, RowView
    from corpus_align.checks.omission import _norms, coverage_evidence, omission_score

    zh = "她承认打我不对，也承认没有好好待我，但是她说我的伟大友谊是假的。"
    evidence = coverage_evidence(RowView(rows_from_pairs([(zh, "She admitted she was wrong, and she was bad to me.")])[0]))
    assert (evidence.zh_clauses, evidence.en_clauses) == (3, 2)
    norms = _norms(CheckContext(rows_from_pairs([(zh, "x")])))
    assert omission_score(replace(evidence, en_clauses=1), norms) < omission_score(evidence, norms)


def test_fixture_entity_one_chance_rendering_does_not_expose_a_translated_name():
    """韦小宝 is always 'Trinket'; one row whose "Bao-yu" happens to spell 宝 must not make every row a finding."""
    pairs = [("韦小宝笑了。", "Trinket laughed.")] * 24 + [("韦小宝看着宝玉。", "Trinket watched Bao-yu.")]
    assert not check_rows(rows_from_pairs(pairs), select=["entity-missing"])


def test_fixture_clause_spread_has_a_floor_in_one_clause_documents():
    """All rows one clause each: the clause ratios are all equal, yet one extra English clause is not a 30-sigma event."""
    from corpus_align.checks.context import CheckContext
    from corpus_align.checks.omission import DEFAULT_CLAUSE_SPREAD, _norms

    pairs = [("他来了。", "He came."), ("她走了。", "She left."), ("我们吃饭。", "We ate."), ("天黑了。", "It got dark.")] * 8
    assert _norms(CheckContext(rows_from_pairs(pairs))).clause_spread >= DEFAULT_CLAUSE_SPREAD


def test_fixture_omission_learns_the_translators_renderings():
    """韦小宝 is not in CC-CEDICT; the document's own lexicon learns 'Trinket' from the rows that share them."""
    from corpus_align.checks.context import CheckContext
    from corpus_align.checks.document_lexicon import DocumentLexicon
    from corpus_align.checks.omission import _norms

    pairs = [("韦小宝笑了起来。", "Trinket burst out laughing."), ("韦小宝走了出去。", "Trinket went out."),
             ("韦小宝哭了。", "Trinket wept."), ("韦小宝睡着了。", "Trinket fell asleep."),
             ("他们去了北京。", "They went to Beijing."), ("我们吃了饭。", "We ate.")] * 5
    with_name = ("韦小宝吃了饭。", "Trinket ate.")
    without_name = ("韦小宝吃了饭。", "He ate.")
    norms = _norms(CheckContext(rows_from_pairs(pairs + [with_name, without_name])))
    (_, rendered), = [half for half in [norms.learned_halves(norms.evidence[len(pairs)])[0]]]
    (_, dropped), = [half for half in [norms.learned_halves(norms.evidence[len(pairs) + 1])[0]]]
    assert rendered - dropped > 0.25  # the name counts as rendered only where 'Trinket' is
    alone = DocumentLexicon([norms.evidence[len(pairs)]])  # one row: CC-CEDICT alone cannot know 'Trinket'
    assert alone.row_halves(0)[0][1] < rendered


@pytest.mark.parametrize("pairs", [
    [("他想象自己是个大英雄，时时幻想，又背着背篓上山去了。", "He imagined himself a great hero."),
     ("她熏了一屋子的香。", "She filled the room with incense.")] * 6,
])
def test_fixture_omission_scores_same_in_simplified_and_traditional(pairs):
    """OpenCC's round trip changes 想象 → 想像 and 背篓 → 揹篓; the learned lexicon must not see the difference."""
    from corpus_align.checks.context import CheckContext
    from corpus_align.checks.omission import _norms, omission_score

    def scores(data):
        norms = _norms(CheckContext(rows_from_pairs(data)))
        return [omission_score(ev, norms) for ev in norms.evidence.values()]

    traditional = [(_script(zh, "traditional"), en) for zh, en in pairs]
    assert scores(pairs) == scores(traditional)


def test_fixture_omission_english_without_letters_is_an_omission_not_a_crash():
    """Every English side only punctuation: no usual ratio can be measured, and every row is an omission."""
    pairs = [("他来了，我们都很高兴地走了出去。", "...")] * 12
    found = check_rows(rows_from_pairs(pairs), select=["omission"])
    assert [f.row for f in found] == list(range(1, 13))


def test_fixture_addition_learned_names_do_not_depend_on_the_hash_seed():
    """Tied Chinese strings for a name are ordered by the strings, not by set iteration (PYTHONHASHSEED)."""
    from tests.conftest import output_here_and_under_another_hash_seed

    code = (
        "from corpus_align.checks import rows_from_pairs\n"
        "from corpus_align.checks.context import CheckContext\n"
        "from corpus_align.checks.omission import _norms\n"
        "pairs = [('韦小宝在扬州城里笑了。', 'Trinket laughed.')] * 4 + [('他们去了北京。', 'They went to Beijing.')]\n"
        "print(_norms(CheckContext(rows_from_pairs(pairs))).learned_names)\n"
    )
    # Eight 3-grams tie here, so two set orders rarely agree by luck.
    here, there = output_here_and_under_another_hash_seed(code)
    assert here == there


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_missing_learns_a_rendering_by_title_from_the_document(script):
    # 耶和华 is "Jehovah" to the dictionary and in one verse, but this translation mostly calls him "the LORD": those
    # rows are rendered (before, each was reported), and the one that drops him is still reported.
    filler = [("他们走了。", "They left."), ("天亮了。", "It was day."), ("我很好。", "I am fine."),
              ("他们吃饭。", "They ate."), ("雨停了。", "The rain stopped.")] * 4
    pairs = [("耶和华对摩西说话。", "And the LORD spake unto Moses."), ("耶和华吩咐他们。", "The LORD commanded them."),
             ("耶和华看见了。", "And the LORD saw it."), ("耶和华很喜悦。", "And the LORD was pleased."),
             ("耶和华就离开了。", "And he departed."), ("耶和华是我的牧者。", "Jehovah is my shepherd.")] + filler
    pairs = [(_script(zh, script), en) for zh, en in pairs]
    found = [(f.row, f.zh_text) for f in check_rows(rows_from_pairs(pairs), select=["entity-missing"])]
    assert found == [(5, pairs[4][0][:3])]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_addition_finds_a_sentence_appended_to_a_heading(script):
    # A heading's English has no stop before what was appended to it, so the row is one "sentence": it is cut where
    # the heading's length fits the Chinese, and only the tail can be the addition; a heading alone is no addition.
    filler = [("他们走了。", "They left."), ("天亮了。", "It was day."), ("我很好。", "I am fine.")] * 8
    pairs = [("闪烁文本", "Blinking text A statement issued by the company was published by local media on Friday."),
             ("超亮或粗体文本", "Extra bright or bold text"), ("安装", "Installation")] + filler
    pairs = [(_script(zh, script), en) for zh, en in pairs]
    found = [(f.row, f.en_text[:11]) for f in check_rows(rows_from_pairs(pairs), select=["addition"])]
    assert found == [(1, "A statement")]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_a_place_named_elsewhere_may_be_the_country(script):
    # "the country" stands for a place the document names in another row; with no such row, it renders nothing.
    pairs = [("西班牙宣布了新的规定。", "Spain announced new rules."),
             ("西班牙一直在安全旅行名单上。", "The country had been on the list of safe places."),
             ("他在扬州住过几年。", "He lived in the city for a few years.")]
    found = _checked(pairs, script, "entity-missing")
    assert [f.row for f in found] == [3]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_a_name_twice_in_a_row_is_one_finding(script):
    pairs = [("王琦瑶来了。", "Wang Qiyao came."), ("吴佩珍不如王琦瑶，也是为王琦瑶分担。", "Wu Peizhen took her share.")]
    found = _checked(pairs, script, "entity-missing")
    assert [f.row for f in found] == [2]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_a_dictionary_name_dropped_in_both_its_rows_is_reported(script):
    # Two rows are too few to conclude that the translator renders Estonia by meaning; a dictionary renders it.
    pairs = [("我来自爱沙尼亚，是一名军人。", "I am from a small country and I am a soldier."),
             ("在爱沙尼亚，所有男性都必须服兵役。", "Here military service is mandatory for all men.")]
    found = _checked(pairs, script, "entity-missing")
    assert [f.row for f in found] == [1, 2]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_typo_a_slip_of_a_rare_word_the_document_uses_is_reported(script):
    # "deprecated" is too rare in English at large to be suggested (50 in the word list), but a manual that says it in
    # two rows makes it the word "deprecaed" slips from; one row alone, or a word the list lacks (setattr), does not.
    manual = [("此函数已弃用。", "This function is deprecated."),
              ("该参数已被弃用。", "The parameter has been deprecated."),
              ("这个模块也已弃用。", "This module is deprecaed too.")]
    found = _checked(manual, script, "typo")
    assert [(f.row, f.suggestion) for f in found] == [(3, "deprecated")]
    assert found[0].severity == "warning"
    assert not _checked([manual[0], manual[2]], script, "typo")
    code = [("用 setattr 设置属性。", "Use setattr to set it."), ("setattr 返回 None。", "The setattr call returns None."),
            ("用同样的函数读取属性。", "Use getattr to read it.")]
    assert not _checked(code, script, "typo")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_number_first_before_a_part_label_is_changed_not_only_added(script):
    # 第一条 is Article 1: Article 4 changes it (an error a reviewer reads first), not merely adds a 4 to a "first".
    for zh, en in [("第一条 保险责任", "Article 4 Coverage"), ("第一天：抵达成都。", "Day 2: Arrive in Chengdu.")]:
        found = _checked([(zh, en)], script, "number-mismatch")
        assert [(f.severity, "第一" in f.message) for f in found] == [("error", True)], found


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_number_a_share_is_no_rounding_of_a_count(script):
    # "less than 24 hours" is a window down from 24; the fee's 20% must not fall into it and leave 23% unexplained,
    # and 百分之四点五 is 4.5 %, not 4 %.
    found = _checked([("开车前不足24小时的，收取票价20%的退票费。", "For refunds less than 24 hours, the fee is 23% of the fare.")],
                     script, "number-mismatch")
    assert [(f.severity, f.zh_text) for f in found] == [("error", "20%")]
    found = _checked([("失业率降至百分之四点五。", "The unemployment rate fell to 4.7%.")], script, "number-mismatch")
    assert [f.zh_text for f in found] == ["百分之四点五"]


def test_fixture_untranslated_runs_past_the_mention_window_are_reported():
    """Only the first 50 Chinese runs of a row's English are weighed as mentions; a row of more is untranslated."""
    en = " ".join(f"They practise qigong (气功) {i}." for i in range(60))
    found = _checked([("他们练气功。", en)], "simplified", "untranslated")
    assert found and found[0].en_text == "气功、气功、气功"  # the first three runs past the window
    assert not _checked([("他们练气功。", "They practise qigong (气功).")], "simplified", "untranslated")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_untranslated_a_term_the_document_writes_on_purpose_may_be_quoted_again(script):
    # A trademark the judgment names as a mark ("the trademark "金穗"") is written on purpose where it is quoted again
    # without being named so; a Chinese word the document never writes on purpose is still reported, quoted or not.
    named = ("原审法院认为，“金穗坊”标识包含了“金穗”商标。", 'The court held that the sign "金穗坊" includes the trademark "金穗".')
    quoted = ("然而，“金穗”并非挂面的通用名称。", 'However, "金穗" is not the generic name of dried noodles.')
    assert not _checked([named, quoted], script, "untranslated")
    assert [f.row for f in _checked([quoted], script, "untranslated")] == [1]
    other = ("然而，“金穗”并非挂面的通用名称。", 'However, "挂面" is not the generic name of the mark.')
    assert [f.row for f in _checked([named, other], script, "untranslated")] == [2]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_entity_a_surname_spelled_as_hong_kong_or_taiwan_spells_it_renders_it(script):
    """陈大文 is rendered by *Chan Tai-man* (Cantonese) and 许廷恩 by *Hsu Ting-en* (Wade-Giles); *Wong* renders no 陈."""
    from corpus_align.checks.context import RowView
    from corpus_align.checks.entities import Entity, rendering

    def rendered(zh: str, name: str, en: str) -> bool:
        row = rows_from_pairs([(_script(zh, script), en)])[0]
        start = row.zh_normalized.index(name)
        return rendering(Entity(name, "person", start, start + len(name)), RowView(row)) is not None

    assert rendered("陈大文把钱存入银行。", "陈大文", "Chan Tai-man put the money in the bank.")
    assert rendered("代打许廷恩击出安打。", "许廷恩", "Pinch hitter Hsu Ting-en lined a single.")
    assert not rendered("陈大文把钱存入银行。", "陈大文", "Wong Siu-ming put the money in the bank.")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_fixture_untranslated_a_lesson_that_glosses_words_mentions_the_words_its_source_quotes(script):
    # A textbook's word list glosses its headwords with their readings; its exercise asks for words its source quotes
    # (用“打算”“怎么样”…), which the English names as they are (stop 42's unseen documents: an HSK lesson).
    words = [("1. 周末　zhōumò　名　星期六和星期日", "1. 周末 zhōumò n. weekend (Saturday and Sunday)"),
             ("2. 打算　dǎsuàn　动　计划，准备做某事", "2. 打算 dǎsuàn v. to plan; to intend to do something"),
             ("3. 奶奶　nǎinai　名　爸爸的妈妈", "3. 奶奶 nǎinai n. father's mother; grandmother")]
    exercise = ("练习二：两人一组，用“打算”“怎么样”谈谈你下个周末的安排。",
                "Exercise 2: Work in pairs. Use 打算 and 怎么样 to talk about your plans for next weekend.")
    unquoted = ("练习二：两人一组，谈谈你下个周末的安排。", "Exercise 2: Work in pairs. Talk about 怎么样 your plans for next weekend.")
    convert = opencc_converter("s2t").convert if script == "traditional" else str

    def untranslated_rows(pairs):
        rows = rows_from_pairs([(convert(zh), en) for zh, en in pairs])
        return [f.row for f in check_rows(rows) if f.code == "untranslated"]

    assert untranslated_rows(words + [exercise]) == []
    assert untranslated_rows(words[:2] + [exercise]) == [3]  # two rows of words are no lesson yet
    assert untranslated_rows(words + [unquoted]) == [4]  # a word its source does not quote is left untranslated
