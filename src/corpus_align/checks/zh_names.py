"""The named entities of a row's Chinese: where the entity-missing check looks for names.

People (jieba's ``nr`` words and unknown words that start with a surname),
places and organisations (``ns``/``nt``/``nz`` words that CC-CEDICT knows as
proper nouns or does not know, and words jieba's dictionary lacks that CC-CEDICT
knows only as proper nouns: 高雄), foreign names in transliteration characters
(cut by jieba or joined by a dot: 杰里·琼斯), compounds of one-character place
abbreviations (川渝, 成渝) and work titles in 《》.

>>> from corpus_align.model import CheckRow
>>> from corpus_align.checks.context import RowView
>>> [e.text for e in zh_entities(RowView(CheckRow(1, "", "王广成去川渝调研《框架合作协议》。", "")))]
['王广成', '川渝', '框架合作协议']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.patterns import CJK, CJK_RUN
from ..text.transliteration import sound_alike, transliteration_sounds
from .context import RowView
from .resources import COMMON, PROPER, cedict_classes, place_abbreviations, proper_renderings, transliteration_chars

_PERSON_TAGS = {"nr", "nrfg", "nrt"}
_PERSON_OR_UNKNOWN_TAGS = _PERSON_TAGS | {"oov"}  # built once, not once per word
_PLACE_TAGS = {"ns", "nt", "nz"}
_NAME_PIECE_TAGS = frozenset({"nr", "nrt", "nrfg", "ns"})
_FUNCTION_TAGS = {"p", "u", "uj", "ul", "uz", "uv", "ud", "ug", "r", "d", "c", "y", "e", "x", "m", "q", "f", "zg"}
_TITLE = re.compile(r"《([^《》]{1,30})》")
PLACE_SUFFIX = re.compile(r"(省|市|县|区|州|邦|镇|乡|村|府|国|山|河|江|湖|岛|路|街|城)$")
# The commonest surnames: only these start a name that jieba cut in two.
_COMMON_SURNAMES = frozenset(
    "王李刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡"
    "杜程苏魏吕丁沈姚卢姜崔谭陆汪范贾夏韦邹孟熊秦邱尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵戴莫孔汤"
)
# A known proper noun with one of these after it is a derived word, not a name: 罗马式 (Romanesque), 美国人.
DERIVING_SUFFIXES = frozenset("式人语派籍风菜")
# The characters that end a number: a word right after one is a unit (180摄氏度), not a name.
_NUMBER_ENDS = frozenset("0123456789０１２３４５６７８９零〇一二三四五六七八九十百千万亿两")
# Particles and adverbs that no given name contains: 高高的 (high), 又高又壮 (tall and strong) are no names.
_NEVER_IN_GIVEN_NAMES = frozenset("的了着又也都就很不吗呢吧啊")


@dataclass(frozen=True)
class Entity:
    text: str
    kind: str  # person, place, abbreviation, title
    start: int
    end: int
    merged: bool = False  # pieced together from a surname and the next word: needs confirmation
    described: str = ""  # what a message calls it, when not what its kind says (a festival checked as a place is a "name")


def zh_entities(view: RowView) -> list[Entity]:
    """The named entities of a row's (normalized) Chinese, in order, each once."""
    text = view.row.zh_normalized
    classes = cedict_classes()
    abbreviations = place_abbreviations()
    foreign = transliteration_chars()
    found: list[Entity] = []
    in_title = bytearray(len(text) + 1)  # one flag per character, so many titles cost no more than one
    for m in _TITLE.finditer(text):
        start, end = m.span(1)
        found.append(Entity(text[start:end], "title", start, end))
        in_title[start:end] = b"\x01" * (end - start)
    tags = view.zh_tags
    if NAME_DOT.search(text):
        for entity in _dotted_names(text, tags, foreign):
            if not in_title[entity.start]:
                found.append(entity)
                in_title[entity.start : entity.end] = b"\x01" * (entity.end - entity.start)
    position = 0
    i = 0
    while i < len(tags):
        word, tag = tags[i]
        start = text.find(word, position)
        if start < 0:
            i += 1
            continue
        position = end = start + len(word)
        i += 1
        if in_title[start] or not CJK.match(word):
            continue
        cls = classes.get(word, 0)
        # A foreign name that jieba cut in pieces (埃斯库 + 罗斯 Aeschylus, 艾格 + 尼斯 Agnes): one name, spelled in
        # transliteration characters throughout.
        if tag in _NAME_PIECE_TAGS and len(word) >= 2 and set(word) <= foreign:
            run_end, j = end, i
            while j < len(tags) and set(tags[j][0]) <= foreign and text.startswith(tags[j][0], run_end) and (
                tags[j][1] in _NAME_PIECE_TAGS or len(tags[j][0]) == 1 and tags[j][1] not in _FUNCTION_TAGS
            ):
                run_end += len(tags[j][0])
                j += 1
            if j > i and not in_title[run_end - 1] and not _repeated(text[start:run_end]):
                span = text[start:run_end]
                kind = "place" if tags[j - 1][1] == "ns" or PLACE_SUFFIX.search(span) else "person"
                head = _known_head(span)
                if head:  # a country before its city (肯尼亚加里萨 Garissa, Kenya): two names, each rendered or not
                    found.append(Entity(head, "place", start, start + len(head)))
                    found.append(Entity(span[len(head):], kind, start + len(head), run_end))
                else:
                    found.append(Entity(span, kind, start, run_end))
                position, i = run_end, j
                continue
        # Runs of one-character place abbreviations: 川渝, 京津冀.
        # (The tag is tested before the characters: most words are ruled out by it, at no cost.)
        if word in abbreviations and tag == "j" or (
            len(word) in (2, 3) and tag in ("nr", "ns", "j", "oov")
            and all(c in abbreviations for c in word) and (cls & PROPER or not cls)
        ):
            run_end = end
            while i < len(tags) and tags[i][0] in abbreviations and tags[i][1] == "j":
                run_end += len(tags[i][0])
                i += 1
            if run_end - start >= 2 and not _repeated(text[start:run_end]):  # 成成 (沉沉 mistyped) is no 成都 and 成都
                found.append(Entity(text[start:run_end], "abbreviation", start, run_end))
                position = run_end
            continue
        if len(word) == 1 and tag in _PERSON_TAGS and word in _COMMON_SURNAMES and i < len(tags):
            # jieba often cuts a rare name after its surname: 陈 + 清扬
            given, given_tag = tags[i]
            if 1 <= len(given) <= 2 and CJK.match(given) and given_tag not in _FUNCTION_TAGS and text.startswith(given, end):
                word, end = word + given, end + len(given)
                position = end
                i += 1
                found.append(Entity(word, "person", start, end, merged=True))
            continue
        if len(word) < 2:
            continue
        # Unknown words that merely look like names (家里人, 平儿拿) are left to the document's
        # own romanizations (attested_names); here only what the dictionaries vouch for.
        known_person = tag in _PERSON_TAGS and cls & PROPER and not cls & COMMON  # 武功 is martial arts before Wugong County
        surname_and_name = (
            tag in _PERSON_OR_UNKNOWN_TAGS and len(word) == 3 and word[0] in _COMMON_SURNAMES and not cls
            and _NEVER_IN_GIVEN_NAMES.isdisjoint(word[1:])
            and not (word[2] in DERIVING_SUFFIXES and classes.get(word[:2], 0) & PROPER)
            and classes.get(word[:2], 0) & (COMMON | PROPER) != COMMON  # 谢谢您, 马上来: an ordinary word, then one more character
        )
        # CC-CEDICT knows it only as a proper noun, and jieba's tagger calls it a place, or jieba's dictionary lacks it so
        # that its tagger could not (高雄 Kaohsiung); or the tagger calls a name of three characters or more a noun or a
        # time (拿破仑 Napoleon, 端午节 the Dragon Boat Festival, 天蝎座 Scorpio) and no number comes before it
        # (180摄氏度: a unit).  Two-character nouns and times are left out: weekdays, reign eras and units (周六, 光绪).
        proper_only = cls & PROPER and not cls & COMMON
        known_place = proper_only and (tag in _PLACE_TAGS or tag == "oov")
        known_name = proper_only and tag in ("n", "t") and len(word) >= 3 and not _after_a_number(text, start)
        if (known_person or surname_and_name or known_place or known_name) and (
            _inside_longer_name(text, start, end, (tags[i - 2][0] if i >= 2 else "", tags[i][0] if i < len(tags) else ""), classes)
            or _inside_longer_word(text, start, end, classes)
        ):
            continue
        if known_person or surname_and_name:
            found.append(Entity(word, "person", start, end))
        elif known_place or known_name:
            # A name that is no person's is rendered as a place is, by its name or by its words (圣诞树 *Christmas tree*).
            found.append(Entity(word, "place", start, end, described="" if known_place else "name"))
    seen, unique = set(), []
    for entity in sorted(found, key=lambda e: e.start):
        if entity.text not in seen:
            seen.add(entity.text)
            unique.append(entity)
    return unique


NAME_DOT = re.compile("[·・•]")
# What opens a nickname or a familiar name (老刀, 小雨, 阿Q), besides a surname.
_FAMILIAR_PREFIXES = frozenset("老小阿")


def opening_name(view: RowView) -> Entity | None:
    """The word that opens the row's Chinese when it looks like a person's name, its subject: a word jieba tags as a name
    that CC-CEDICT has as no common word, or an unknown word of two or three characters after a common surname or
    a familiar prefix (史强, 陈涉, 老刀).

    Read only where the English has lost the subject of its first clause (*Stood on the balcony …*): such a word is
    too often an ordinary one for every row (:func:`zh_entities` wants a dictionary to vouch for a name).

    >>> from corpus_align.model import CheckRow
    >>> opening_name(RowView(CheckRow(1, "", "史强点上一支烟。", ""))).text
    '史强'
    >>> opening_name(RowView(CheckRow(1, "", "我点上一支烟。", ""))) is None
    True
    """
    text = view.row.zh_normalized
    for word, tag in view.zh_tags:
        if not CJK.match(word):
            continue
        start = text.find(word)
        if start < 0 or CJK.search(text, 0, start):
            return None
        classes = cedict_classes().get(word, 0)
        named = tag in _PERSON_TAGS and not classes & COMMON
        unknown = tag == "oov" and (word[0] in _COMMON_SURNAMES or word[0] in _FAMILIAR_PREFIXES) and not classes
        if 2 <= len(word) <= 3 and (named or unknown) and _NEVER_IN_GIVEN_NAMES.isdisjoint(word):
            return Entity(word, "person", start, start + len(word))
        return None
    return None


def _dotted_names(text: str, tags: tuple[tuple[str, str], ...], foreign: frozenset[str]) -> list[Entity]:
    """Foreign names whose parts a dot joins (杰里·琼斯 Jerry Jones, 保罗·潘·法尔辛): the words on either side of
    each dot that are spelled in transliteration characters or tagged as names.

    >>> from corpus_align.checks.context import tag_zh
    >>> from corpus_align.checks.resources import transliteration_chars
    >>> text = "球队老板杰里·琼斯本周说"
    >>> [e.text for e in _dotted_names(text, tag_zh(text), transliteration_chars())]
    ['杰里·琼斯']
    >>> text = "母亲娜塔莉娅·谢尔盖耶夫娜听了这话"  # jieba: 娜塔莉 + 娅 + · + 谢尔盖耶夫 + 娜
    >>> [e.text for e in _dotted_names(text, tag_zh(text), transliteration_chars())]
    ['娜塔莉娅·谢尔盖耶夫娜']
    >>> text = "琼斯·"  # a dot that no name follows
    >>> [e.text for e in _dotted_names(text, tag_zh(text), transliteration_chars())]
    []
    """
    spans, position = [], 0
    for word, tag in tags:
        start = text.find(word, position)
        if start >= 0:
            spans.append((start, start + len(word), word, tag))
            position = start + len(word)

    def name_piece(index: int) -> bool:
        _, _, word, tag = spans[index]
        # jieba's dictionary tags some rare characters x, as it tags punctuation (娅 of 娜塔莉娅): beside a name's dot,
        # such a character is a piece of the name.
        if tag == "x" and len(word) == 1 and CJK.match(word):
            return True
        return bool(CJK.match(word)) and tag not in _FUNCTION_TAGS and (
            set(word) <= foreign or tag in _NAME_PIECE_TAGS or tag == "oov" and len(word) <= 4)

    names: list[Entity] = []
    index = 0
    while index < len(spans):
        if not (NAME_DOT.fullmatch(spans[index][2]) and index and name_piece(index - 1)):
            index += 1
            continue
        first = index - 1
        while first > 0 and name_piece(first - 1) and set(spans[first - 1][2]) <= foreign:
            first -= 1
        last = index  # the dot; then pieces and dots while they alternate
        while last + 1 < len(spans) and (
                name_piece(last + 1) if NAME_DOT.fullmatch(spans[last][2]) else NAME_DOT.fullmatch(spans[last + 1][2])):
            last += 1
        if NAME_DOT.fullmatch(spans[last][2]):
            last -= 1  # a dot that no name follows
        while last + 1 < len(spans) and name_piece(last + 1) and set(spans[last + 1][2]) <= foreign and (
                len(spans[last + 1][2]) == 1 or len(spans[last][2]) == 1):
            last += 1  # an end that jieba split off (琼 + 斯, 卡 + 胡多)
        if last > index:
            start, end = spans[first][0], spans[last][1]
            names.append(Entity(text[start:end], "place" if spans[last][3] == "ns" else "person", start, end))
        index = max(last, index) + 1
    return names


def _known_head(span: str) -> str:
    """The longest start of ``span`` that the dictionary knows as a proper name (a country, a state), when at
    least two characters of the span follow it: 肯尼亚 of 肯尼亚加里萨, 古吉拉特邦 of 古吉拉特邦艾哈迈达巴德.

    >>> _known_head("肯尼亚加里萨"), _known_head("艾格尼斯")
    ('肯尼亚', '')
    """
    proper = proper_renderings()
    return next((span[:end] for end in range(len(span) - 2, 1, -1) if span[:end] in proper), "")


def _after_a_number(text: str, position: int) -> bool:
    """True when a number ends just before ``position`` (spaces between): 摄氏度 of 180摄氏度 is its unit.

    >>> _after_a_number("预热至180 摄氏度", 7), _after_a_number("犯罪界的拿破仑", 4)
    (True, False)
    """
    i = position - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] in _NUMBER_ENDS


def proper_name_at(text: str, position: int) -> bool:
    """True when a word that the dictionary knows only as a proper name starts at ``position`` (泰米尔纳德邦 of 印度泰米尔纳德邦).

    >>> proper_name_at("印度泰米尔纳德邦的银行", 2), proper_name_at("英国首相说", 2)
    (True, False)
    """
    classes = cedict_classes()
    return any(classes.get(text[position:end], 0) == PROPER for end in range(position + 2, min(len(text), position + 6) + 1))


def _repeated(span: str) -> bool:
    """True when ``span`` is one piece said twice (哈达哈达, an onomatopoeia): a name is not.

    >>> _repeated("哈达哈达"), _repeated("埃斯库罗斯")
    (True, False)
    """
    half = len(span) // 2
    return len(span) % 2 == 0 and span[:half] == span[half:]


def _inside_longer_name(text: str, start: int, end: int, neighbours: tuple[str, str] = ("", ""),
                        classes: dict[str, int] | None = None) -> bool:
    """True when ``text[start:end]`` is a piece of a longer foreign name: next to the name dot, or inside a run of
    transliteration characters (尼斯 in 艾格尼斯 Agnes, 罗斯 in 爱罗斯·阿兹海默), whose boundaries jieba guessed.

    ``neighbours`` are jieba's words before and after the name: a character of an ordinary word (布 of 宣布,
    公 of 公民) ends the run, whatever it may spell in a transliteration.

    >>> _inside_longer_name("把它弄成艾格尼斯·马丁风格", 6, 8), _inside_longer_name("他去了尼斯。", 3, 5)
    (True, False)
    >>> _inside_longer_name("当希尔兹被出示红牌时", 1, 3), _inside_longer_name("他去了英国。", 3, 5)
    (True, False)
    >>> from corpus_align.checks.resources import cedict_classes
    >>> _inside_longer_name("警方宣布西雅图发生骚乱", 4, 7, ("宣布", "发生"), cedict_classes())
    False
    """
    before, after = text[start - 1 : start], text[end : end + 1]
    if NAME_DOT.fullmatch(before) or NAME_DOT.fullmatch(after):
        return True
    chars = transliteration_chars()

    def ordinary(word: str) -> bool:
        return classes is not None and len(word) >= 2 and bool(classes.get(word, 0) & COMMON) and not classes.get(word, 0) & PROPER

    # The run goes on before the name (艾格尼斯) or after it (希尔 of 希尔兹 Shields, 马里科 of 马里科帕 Maricopa).
    return (bool(before) and before in chars and text[start] in chars and not ordinary(neighbours[0])) or (
        bool(after) and after in chars and text[end - 1] in chars and not ordinary(neighbours[1]))


def _inside_longer_word(text: str, start: int, end: int, classes: dict[str, int]) -> bool:
    """True when the name and the one or two characters after it are a word of their own, which the
    translation renders as a whole: 意大利面 (spaghetti), 北京烤鸭 (Peking duck), 中国梦.

    >>> from corpus_align.checks.resources import cedict_classes
    >>> _inside_longer_word("吃意大利面", 1, 4, cedict_classes()), _inside_longer_word("去意大利玩", 1, 4, cedict_classes())
    (True, False)
    """
    return any(classes.get(text[start : end + extra], 0) for extra in (1, 2) if end + extra <= len(text))


# A transliteration has two characters or more; more than six would be a phrase of them, not one name.
_TRANSLITERATION_SIZES = range(2, 7)


def transliterates(text: str, word: str) -> bool:
    """True when a run of transliteration characters in ``text`` (Chinese) sounds like the English ``word``:
    the Chinese spells the name by sound (梅西 *Messi*, 莫德罗 *Modrow*), so the English name is no slip.

    A run that is an ordinary word of the dictionary (马上 "at once") spells no name.  A run of three characters or
    more may hold one that the list leaves out because it is as often an ordinary word (默 of 斯塔默 *Starmer*).

    >>> transliterates("梅西打进制胜一球。", "Messi"), transliterates("莫德罗被送上法庭。", "Modrow")
    (True, True)
    >>> transliterates("斯塔默成为英国首相。", "Starmer"), transliterates("默克尔已经退休。", "Merkel")
    (True, True)
    >>> transliterates("他马上就来。", "Messi"), transliterates("梅西打进一球。", "Pogba")
    (False, False)
    """
    chars = transliteration_chars()
    classes = cedict_classes()
    for run in CJK_RUN.findall(text):
        for start in range(len(run)):
            others = 0
            for size in _TRANSLITERATION_SIZES:
                span = run[start : start + size]
                if len(span) < size:
                    break
                others += span[-1] not in chars
                if others > 1:
                    break
                if others and size < 3:
                    continue
                if classes.get(span, 0) & COMMON and not classes.get(span, 0) & PROPER:
                    continue
                if sound_alike(transliteration_sounds(span), word):
                    return True
    return False
