"""The checks on clean rows of domains none of them was tuned on: no warning.

``tests/data/other_domains_clean.tsv`` (domain<TAB>zh<TAB>en) holds seven hundred and eighty-one documents, mostly short: law
and contracts; business, sports and world news, international bodies; weather, dates and ages, durations, recipes and
measures; science, medicine and research papers; software documentation, interface strings with placeholders and
Taiwanese software text in Traditional characters; reviews and travel guides; subtitles, scripture, classical poetry
and children's stories; names in Wade-Giles, Taiwanese romanization and pinyin with tones; Chinese the English
mentions on purpose; idioms with numbers; English that repeats a word on purpose (*that that*, *had had*); market
news, policy reports, social media, fantasy, eye dialect, financial numerals, years of the Qing, the Republic of China
and Japan's eras, typography and URLs, wire datelines, subtitles and chat logs, a data-protection law, a Lu Xun story;
the Analects, Journey to the West, Three Kingdoms, the Heart Sutra, an interview, a job posting, an insurance policy,
AI news, game patch notes, meeting minutes, a football report, museum labels, a property listing, a support chat,
popular astronomy, a Hong Kong ordinance, a family letter; school arithmetic, a court judgment, Taiwan travel, a
privacy notice, a modern poem, an obituary, airport announcements, four modern novels, an earnings report, Indian and
African news, a laptop's specifications, scientific notation, music and chess, basketball statistics, translators'
glosses of customs, a freely translated story, headings and typography, the Gospel of John, a product listing, film
subtitles, a travel itinerary, a cooking video, a medical case report, an energy white paper, match commentary;
Chinese translations of English novels and fairy tales (transliterated names), Water Margin's epithets, Zhuangzi, a
prescription, a lab protocol, a timetable, esports, a stock announcement, SQL, the lunar calendar, chemistry, military
history, an HR handbook, Cantonese chat, Weibo posts, a bank statement, a car review, a typhoon warning, philosophy,
a criminal judgment, a marathon, the Diamond Sutra, the Qur'an, three modern novels, Strange Tales, The Story of the
Stone with names rendered by meaning, and news full of abbreviations; and, from stop 32, a restaurant menu, an
epidemiology report, election results in Simplified and Traditional, volleyball, Uyghur and Tibetan names, Zheng He's
reign years, the Tao Te Ching, crosstalk, song lyrics, crypto news, shipping, a physics exam, statistics, festivals,
Korean drama subtitles, a mobile game, an academic CV, patent claims, a business e-mail, tea, nursing, agriculture, an
environmental assessment, the zodiac, Hong Kong news, baking, two play scripts (Thunderstorm, Teahouse), Lu Xun, Zhu
Ziqing, Yu Guangzhong, Jin Yong, Folding Beijing, a wedding invitation, mahjong, a recall notice, a warranty, Zhihu,
Douban, a hotel booking, visa rules, a lease, football rules, yoga, pet care, cabin safety, Taiwan's health insurance,
a medal table, box office, a phone review, a nutrition label, a dosage leaflet, astronomy, the Qin, tax and rates, a
launch, a census, a school report, Eileen Chang, Su Tong, Sanmao and Gu Long, and twelve written after the last fix
(the *Shiji*, *Shishuo Xinyu*, Taiwan and Singapore news, the stock market, swimming, a primary textbook, a Hong Kong
court, Yu Hua's *Brothers*, Mo Yan's *Frog*, a game review, a kindergarten notice); and, from stop 33, fourteen
written before they were checked (a customs declaration, Go commentary, chip news, an excavation report, an admission
letter, fire safety, a climate report, a temple guide, Ba Jin's *Family*, television shopping, a traffic report, rail
refund rules, a genome press release, children's science); and, from stop 34, ten written before they were checked
(a tea farmer's interview, a subtitle file, an application form, a pancake recipe, quarterly highlights, a play
script, a software changelog, a museum label, a consumer-price brief, a hotel notice); and, from stop 35, eleven
written before they were checked (a foreign ministry press conference, a course syllabus, driving-test questions, an
auction catalogue, a Formula One report, an encyclopaedia entry on a city, a safety data sheet, bank text messages,
Taipei metro and Hong Kong weather announcements in Traditional characters, a start-up's pitch) and seven written
after this stop's fixes (a football transfer, a product launch, a sermon, a wuxia passage, European politics, contract
definitions, *The Story of the Stone*); and, from stop 36, twenty-four written before they were checked (a
clinical trial, a Rust blog post, a commentary on Du Fu, a mortgage contract, a Dunhuang exhibition, a flood report, a
navigation warning, a vet's notice, a chess column, admissions, a Republican-era memoir, a cross-border shop; a Taiwan
legislative bulletin, a Hong Kong flat, the Macau Grand Prix, a serum's label, fitness notifications, stand-up comedy, a
web novel, NBA live text, an earthquake bulletin, a crypto exchange, a Kunqu libretto, a discharge note) and twelve
written after the first fixes (a trial transcript, a Chinese-medicine leaflet, an earnings call, a picture book, station
announcements, kung-fu subtitles, a climate speech, a Taipei rental, wine notes, an esports final, a temple's history,
database release notes) and twelve more after all but the last fix (a flight delay, school arithmetic, a Ming novel, a
phone review, a Hong Kong Legislative Council reply, a co-operative's harvest, a film festival, an insurance claim, a
climbing log, a philosophy seminar, waste sorting rules, game patch notes) and twelve after it (a tariff notice, a
kindergarten chat, a Qing memorial, an electric car's manual, a Taiwan election notice, a marathon guide, a cold
remedy's label, a jazz review, glacier research, a hotel's reply to a complaint, notes on translating Su Shi, parcel
tracking); and, from stop 37, thirty-six written before they were checked (a ferry notice, a memoir, a drug approval, a
chess olympiad, a wuxia duel, an MTR incident, an audio guide, a 1980s diary, drama subtitles, a WeChat group, a dharma
talk, a tenancy contract, district council minutes, a village co-operative, a science-fiction story, badminton, an
earthquake bulletin, a Republican-era story, a hospital guide, an ESG report, Macau gaming news, a podcast, fables, a
mountain rescue ...); and, from stop 38, twelve longer ones (22 to 30 rows) written before they were checked: a
village feud in a 1990s rural novel, a Taiwanese family saga in Traditional characters, a Victorian novel in Chinese
translation, a county's new railway station, a textbook chapter on Ming and Qing sea trade, a talk on the deep sea, a
wuxia inn fight, a Hong Kong judgment in Traditional characters, a transfer round-up, an office drama's script, a rice
cooker's manual and a battle in the style of the *Zizhi Tongjian*; and six more, written after the fixes they prompted
and checked once before the last ones (a Yunnan travel blog, a physicist's biography, a Cantonese novel in Traditional
characters, a children's novel about forest animals, a city's budget report, linguistics abstracts); and, from stop
39, nine more (22 to 27 rows) written before they were checked: a Protestant sermon, a cultivation web novel, an
airliner maintenance procedure, a Taiwanese hospital's health leaflet in Traditional characters, a Russian novel in
Chinese translation, a football club's press release, a Hong Kong bank's annual report in Traditional characters, a
children's encyclopaedia on dinosaurs and a village elder's oral history; and nine more after their fixes (a French
novel in Chinese translation, battery industry news, a Tang tale in Classical Chinese, a Taiwanese typhoon notice in
Traditional characters, an open-source README, a wuxia novel, a Security Council statement, an economics lecture, a
Hong Kong restaurant review in Traditional characters and Cantonese) and nine after theirs (a Japanese novel in
Chinese translation, battery patent claims, a cooking show, a Catholic homily in Traditional characters, an esports
recap, a Qing county gazetteer, a trade policy review, a village teacher's memoir, a Taiwanese airline's
announcements in Traditional characters) and nine after theirs (German philosophy in Chinese translation, a Shanghai
Metro notice, a Hong Kong budget speech in Traditional characters, a crime novel, a veterinary vaccine leaflet, a
founder's thread of posts, a jataka tale, a wheat pest bulletin, a Singapore parliamentary answer); and, from stop
40, forty-seven more (25 to 44 rows) written before they were checked: Song ci with commentary, police bulletins, a
Taiwanese beekeeping manual, a Republican-era satirical essay, rocket launch news, a Taiwanese dental clinic's
aftercare, a Yuan zaju scene, a perfume blog, a lecture on Jingdezhen porcelain, a Hong Kong Daoist festival, a
construction tender, a family's voice messages, a Judge Bao story, a Taiwanese indigenous festival, a
microcontroller's datasheet, a self-help book in Chinese, a Hong Kong race report, a rural loan contract, a Wutai Shan
pilgrimage, a livestream sales script, deep-sea research news, a Macau heritage walk, a primary textbook's lesson with
its character lists, a graduation speech, a Latin American novel in Chinese, a drug's clinical pharmacology, a
Chinese chess commentary, the Inner Classic with commentary, a personal finance article, a Taiwanese host's messages, a
thangka guide, a fantasy game's dialogue and items, a Taiwanese homeowners' meeting, a long short story of a family
quarrel, a long feature on a water-diversion project, a bridge column, Ming and Qing furniture at auction, nursery
rhymes, a trademark judgment, an astronaut's diary, a Cantonese opera programme, a photography tutorial, Lu You's poems,
an elevator maintenance log, a missionary's letters, a weather broadcast and a Taiwanese banking app's notes) and
twelve after their fixes (Chinese medicine case records, a calligraphy lesson, a cycling race, a materials science
paper, a China-ASEAN statement, hotpot reviews, Pushkin in Chinese, Hong Kong funeral notices, a command-line tool's
help, a Qing edict with commentary, a presale housing contract, a children's science podcast); and, from stop 41,
twelve more (26 to 30 rows) written before they were checked: a knitting pattern, a field report on Guilin's karst, a
Hong Kong nursing handover, a travel diary in the manner of Xu Xiake, a dog show's judging report, a Taiwanese
hardware start-up's letter to investors, Hakka folk songs with notes, a flood-control bulletin, university dormitory
rules, the Shanghan Lun with commentary, a Penghu fisherman's oral history and a high-speed railway track
specification; and twenty-four more after their fixes (an aquarium guide, Zeng Guofan's family letters, reviews of a
Taiwanese delivery app, the 24-form tai chi, a Taiwanese divorce mediation, a Mars rover update, a Peking opera aria,
a water-quality report, a Hong Kong speech day, a Tang fox-spirit tale, a Go commentary, a Macanese menu, a satire in
the manner of *The Scholars*, a crop-spraying drone contract, a Mazu procession, a pharmacology lecture, a bedtime
story, a Hong Kong housing estate's notices, Wang Wei's life, a smart-home hub's guide, a Taiwanese night school's
newsletter, a bronze-ware catalogue, a cold-chain warehouse procedure and a Cantonese radio phone-in) and twelve
after theirs (a crane survey at Poyang Lake, a wuxia duel in Traditional characters, a parking fee notice, a history
podcast on the Opium War, a cleanroom procedure, a Taiwanese baseball report, a Dunhuang mural conservation report, a
Chengdu street-food vlog, a Hong Kong medical plan, Tang quatrains with notes, an electric bicycle's manual and a
Taiwanese condominium's general meeting) and twelve after theirs (volcano news, a Ming household encyclopaedia, a
Taiwanese keyboard review, a psychology article, a village wedding speech, a Macau light-rail consultation, a
monastery's retreat rules, a football tactics blog, a Hong Kong climate summary, an essay on a grandmother's kitchen,
a power station's listing and a Taiwanese physics exam) and twelve after theirs (a generation-ship novel, an income tax
guide, Atayal weaving, Song anecdotes in Classical Chinese, an emergency triage protocol, a Hong Kong wet market
interview, a Rust issue thread, a lesson on painting plum blossoms, a Taiwanese library's summer reading, an
ultra-trail race, two-part allegorical sayings and a Taiwanese farm's vegetable box terms) and twelve after theirs (an
online fraud judgment, a skincare routine, a Sheung Wan heritage trail, an album's liner notes, a wind farm's monitoring
report, Taiwanese fortune-stick poems, a Shanghai modernist story, a port's throughput bulletin, a Taiwanese course
catalogue, an orthodontic consent form, a life of Lin Zexu and a Hong Kong minibus notice) and twelve after theirs (the
1960 Everest expedition, a karaoke lyric sheet, a Taiwanese health insurance notice, a village committee's minutes, a
review of *Macbeth* in Chinese, Hong Kong mathematics revision notes, perovskite solar cells, a Qinghai–Tibet railway
diary, night market rules, a Victorian detective story in Chinese, mobile plans and a Macau parish bulletin), and
twelve checked once on the stop's final source and added as they were (a Republican-era novel, a robot arm's safety
manual, a Taiwanese candidate's flyer, pickle fermentation, a Terracotta Army audio guide, a Hong Kong tenancy
tribunal, Li Qingzhao, a security incident report, a Yushan trail guide, a pig farm's vaccination schedule, stand-up
comedy on overtime and a Macau wedding package) and six more checked once on it (a Three Gorges textbook section, a
Chekhov-style story in Chinese, a Taiwanese store's loyalty terms, a Pu'er catalogue, a kindergarten's weekly report
and a Legislative Council health panel), whose two classes (*roubles*, *five tuos*) were then fixed; and, from stop
42, a hundred and fifty-six more (24 to 30 rows) in ten rounds, each checked once before it was looked at: a Singapore
hawker-centre guide, an acupoint atlas and a fire department's statistics in Traditional characters; Xuanzang's
records of the Western Regions, Chinese hip-hop lyrics, an orchid guide; a factory's safety training, 1930s Shanghai
advertisements, a Wimbledon report; Hong Kong dragon boat results, an HSK lesson with its word list, a fund's risk
disclosure; a Malaysian clan dinner, a chemistry lab handout, lantern riddles; a Kailash pilgrimage guide, a Ningxia
winery, a tunnel toll paper; *The Little Match Girl*, a hutong walk, a typhoon's farm losses; a wedding MC's script, a
sleep tea leaflet, a Super League match with a VAR decision; a border trade report, a lantern festival programme, a
chemistry olympiad; a detective chapter, a roaming tariff, an almanac; a Uyghur musician's interview, an excavation
brief, a scooter rental contract; a gaokao marking guide, a Maritime Silk Road panel, a Cantonese steamed-fish recipe;
an Inner Mongolian herder's oral history, a solar quotation, a school newsletter; a legal aid hotline, a game
localisation glossary, a hiking newsletter; *Moby-Dick*, a listing announcement, an Amis harvest festival; a Ming
casebook, a frequent-flyer programme, a Macau tourism release; a haiku anthology, a vitamin catalogue, a train
timetable notice; e-waste in Guiyu, a Python tutorial, a wedding banquet menu; *Rumpelstiltskin*, a crop insurance
claim, a night-market stall's posts; Su Shi's life, a vaccination schedule, Macau's street names; a Tolstoy story, a
return policy, a history exam; black holes, a hygiene inspection, a Hakka village brochure; Shakespeare's sonnets, a
charging station guide, a Macau judgment; a xiangqi tournament, a tea-house menu, an earthquake checklist; a
true-crime podcast, a lab safety induction, e-book lending rules; *Stray Birds*, a ride-hailing agreement, a charity
trust's release; a folk herbal, badminton club rules, Paiwan revitalisation news; a 1938 Wuhan war novel, a
smart-watch FAQ and a responsible-gambling leaflet; Austen's letters, a board game's crowdfunding, a fishing
co-operative's notice; cattle diseases, course certificate terms, a minimum wage review; Hauff's *Caliph Stork*, a
karaoke price list, a moon-block divination guide; a sent-down youth's memoir, a meditation app's listing, a Macau
light festival; a commentary on Sunzi, a car rental agreement, a food-safety talk; a Professor Challenger passage, a
fab's job advertisement, an early-bird rail discount; Kashgar, a personal-training package, the cyclone signals; Yuan
sanqu, an equipment tender and a pet adoption FAQ; a Twain-style sketch, a property fee notice, a rice almanac; a
panda documentary, a courier's claims policy, a Cantonese opera season; an essay on calligraphy, a treadmill manual,
a recycling schedule; *The Happy Prince*, a mortgage rate notice, a pawnshop museum; a Shanghai lane-house story, a
power bank's page, a thesis submission guide; the solar terms, a visa-free transit notice, a Hong Kong wet market; a
ferry pier hawker's memoir, a cloud SLA, a dengue leaflet; Rumi, a museum membership, a Macau Grand Prix guide;
Chekhov, a bike-sharing agreement, a store's points FAQ; a Guangzhou radio drama, a water purifier, a lift notice; the
Dunhuang manuscripts, a cinema card, a power outage notice; Poe, a freight quotation, Macau admissions; tofu's
history, a battery swap service, a minibus route change; a Shanghai jazz memoir, wedding photo packages, a senior bus
pass; a Poyang birding diary, anti-addiction rules, an MTR station guide; a Victorian cookbook, a used-car inspection
and a temple fair's volunteer handbook; and twenty-four checked once on the stop's final source, whose classes (a
price with its cents in words, an hour beside a count of its value, *Tuen Ng*) were then fixed and whose three rows
left are listed (Jack London, a smart lock, a county scholarship, the Grand Canal, a housekeeping procedure, a dim
sum order, O. Henry, a spraying drone's log, a Macau medicine hall, earthquakes, a kindergarten's enrolment, a Bunun
millet song, a railway engineer's memoir, a phone repair price list, a housing society's newsletter, Aesop, a train's
catering menu, a night school's courses, Li Bai with commentary, a parcel locker, a Macau heritage hotel, the 1998
floods, an open-source contribution guide and a blood donation notice).  Each
was written to probe one way the checks could fail on unseen text (七成 for 70 %, 一千六百米 for 1.6 kilometres, 梅西 for
*Messi*, a speaker the English leaves unsaid), and each document is checked as one file, in Simplified and in
Traditional characters.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from corpus_align._lazy import opencc_converter
from corpus_align.checks import check_rows, rows_from_pairs
from corpus_align.model import CheckRow
from tests.checks.scripts import read_alike

DOCUMENTS: dict[str, list[tuple[str, str]]] = defaultdict(list)
for _line in (Path(__file__).parent.parent / "data" / "other_domains_clean.tsv").read_text(encoding="utf-8").splitlines():
    _domain, _zh, _en = _line.split("\t")
    DOCUMENTS[_domain].append((_zh, _en))


# The warnings these clean documents are known to raise, each the price of a choice made for recall (listed, not
# left out of the file, so that the price stays in sight): a short document is held to the dev documents' usual
# coverage (stop 31: omission recall on the probes 0.656 -> 0.707), and a terse rendering of a seven-row document
# falls under it (Austen's own sentence beside a wordier Chinese translation).  (A race time written 2:05:12 and a
# terse error message were listed too, until stop 41 counted the numbers the English writes as content rendered; and
# *brines* beside *brings*, until stop 42 took the plural of a noun in use as a word; and *one yuan and twenty cents*
# for 一块二毛, until stop 42 read a price with its cents said in words.)
KNOWN_FALSE_ALARMS: dict[str, list[tuple[int, str]]] = {
    "pride-prejudice-zh": [(4, "omission")],
    # A plea whose words the dictionary glosses otherwise (恳请 "request earnestly", 从轻 "be lenient": *We respectfully
    # ask the court to impose a lighter punishment*), in a document too short to learn them from (stop 36).
    "courtroom-transcript": [(6, "addition")],
    # An idiom rendered freely (此言一出，全场哗然 ↔ *The moment these words were spoken, the whole square erupted*): no
    # gloss of 此言 or 哗然 spells *spoken* or *erupted*.  A prior on the row's surplus of English sentences was tried
    # against it and dropped: at an equal count of clean rows flagged it found no more additions (stop 39).
    "xianxia-web-novel": [(12, "addition")],
    # Classical Chinese the dictionary glosses otherwise (托疾不行 ↔ *Pleading illness, he did not go*), an English
    # sentence of its own for part of one long Chinese sentence (stop 39).
    "tang-dynasty-tale-classical": [(21, "addition")],
    # A slang rendered freely (解辣神器，吃完再战 ↔ *a lifesaver against the spice — … ready for round two*): no gloss of
    # 神器 or 再战 spells *lifesaver* or *round*; the finding's confidence is 0.20, at the doubtful line (stop 40).
    "dianping-hotpot-reviews": [(24, "addition")],
    # A transliterated name opening a quotation (娜佳 *Nadya*), one letter from a rarer spelling of it (*Nadia*) that
    # CC-CEDICT does not name: read as a slip (stop 41, checked once on the final source).
    "literary-translation": [(26, "typo")],
    # An abacus rhyme whose digit strings are decimals (一退六二五 ↔ *one, 0.0625*): read as whole numbers (stop 41).
    "ming-leishu": [(21, "number-mismatch")],
    # A past tense of dialect, regular on purpose (*that ever drawed breath*, in the manner of Twain): read as a learner's
    # over-regularised *drew*, which the typo check is there to catch (stop 42, checked once on the final source).
    "literary-twain-sketch": [(5, "typo")],
    # A commentary's own sentence after the verse it explains (以景结情，友情尽在不言之中 ↔ *The poem closes on a scene rather
    # than a statement, leaving the depth of friendship unspoken*): no gloss spells *scene* or *statement*; at the
    # doubtful line, 0.20 and 0.37 (stop 42, checked once on the final source).
    "li-bai-poetry-commentary": [(13, "addition"), (19, "addition")],
    # A range of jin said as a range of kilos (一袋五六十斤 ↔ *25 to 30 kilos a bag*): the Chinese range is read without its
    # unit, so it is no conversion (stop 42, checked once on the final source).
    "flood-oral-history": [(14, "number-mismatch")],
}


# Each document is written in one script, so converting it to the other script and back to its own covers both
# (the conversion to its own script changes nothing).  The second script is checked where the checks would read it
# otherwise (in 15 documents of 475, OpenCC's round trip gives other Chinese: 想象 ↔ 想像); elsewhere it is the same
# input to every check, and checking it again would only double the time of this test.
@pytest.mark.parametrize("domain", sorted(DOCUMENTS))
def test_other_domains_clean_document_raises_no_warning(domain):
    checked: list[CheckRow] = []
    for script in ("s2t", "t2s"):
        rows = rows_from_pairs([(opencc_converter(script).convert(zh), en) for zh, en in DOCUMENTS[domain]])
        if checked and read_alike(checked, rows):
            continue
        loud = [(f.row, f.code) for f in check_rows(rows) if f.severity in ("warning", "error")]
        assert loud == KNOWN_FALSE_ALARMS.get(domain, []), script
        checked = rows


def test_other_domains_a_changed_share_is_reported():
    pairs = [(zh, en.replace("70 percent", "60 percent")) for zh, en in DOCUMENTS["numbers"]]
    row = next(i for i, (_, en) in enumerate(pairs, start=1) if "60 percent" in en)
    found = [f for f in check_rows(rows_from_pairs(pairs)) if f.row == row and f.code == "number-mismatch"]
    assert found and found[0].severity == "error"
