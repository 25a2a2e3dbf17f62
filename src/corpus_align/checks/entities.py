"""entity-missing: a named entity of the Chinese with no rendering in the aligned English.

Evidence: the entities of the Chinese — people (jieba's ``nr`` words and
unknown words that start with a surname), places and organisations (``ns``/
``nt``/``nz`` words that CC-CEDICT knows as proper nouns or does not know),
compounds of one-character place abbreviations (川渝, 成渝) and work titles in
《》 — and, for each, the renderings found in the English: its pinyin (whole,
given name or surname, fuzzily via rapidfuzz) among the capitalised words, its
CC-CEDICT translation among the English stems, the English names of its
abbreviations.  Glossary terms are left to ``glossary-mismatch``: a term the
English does not render is one finding, not two.

Decision: an entity with no rendering is reported, except when the same
entity goes unrendered in every row of the document that has it (two rows or
more): the translator then evidently translates the name (平儿 → Patience)
rather than dropping it.

>>> from corpus_align.model import CheckRow
>>> from corpus_align.checks.context import RowView
>>> [e.text for e in zh_entities(RowView(CheckRow(1, "", "王广成去川渝调研《框架合作协议》。", "")))]
['王广成', '川渝', '框架合作协议']
"""

from __future__ import annotations

import functools
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .._lazy import toneless_pinyin
from ..model import GlossaryEntry
from ..text.lexicon import EN_STOPWORDS, english_stem, pronoun_key, translations
from ..text.numbers import en_number_keys, zh_number_keys
from ..text.patterns import ACRONYM, CALENDAR_NAMES, CJK, CJK_CHARS, NAME_RUN
from ..text.transliteration import sound_alike
from .context import POSSESSIVE, CheckContext, RowView, name_key, zh_original_span
from .glossary import glossary_hits
from .name_spelling import pinyin_spellings, row_attested_names, row_name_keys, u_umlaut_variants
from .params import LEARNED_RENDERING_LIFT, LEARNED_RENDERING_MIN_ROWS, LEARNED_RENDERING_SHARE, NAME_MAX_FREQUENCY
from .registry import register
from .resources import (
    COMMON,
    PROPER,
    cedict_classes,
    english_words,
    institutions,
    place_abbreviations,
    place_metonyms,
    proper_renderings,
    transliteration_chars,
)

_PERSON_TAGS = {"nr", "nrfg", "nrt"}
_PERSON_OR_UNKNOWN_TAGS = _PERSON_TAGS | {"oov"}  # built once, not once per word
_PLACE_TAGS = {"ns", "nt", "nz"}
_NAME_PIECE_TAGS = frozenset({"nr", "nrt", "nrfg", "ns"})
_FUNCTION_TAGS = {"p", "u", "uj", "ul", "uz", "uv", "ud", "ug", "r", "d", "c", "y", "e", "x", "m", "q", "f", "zg"}
_TITLE = re.compile(r"《([^《》]{1,30})》")
_PLACE_SUFFIX = re.compile(r"(省|市|县|区|州|镇|乡|村|府|国|山|河|江|湖|岛|路|街|城)$")
# Parts of a name that are titles or kinship terms, not part of its romanization.
# The commonest surnames: only these start a name that jieba cut in two.
_COMMON_SURNAMES = frozenset(
    "王李刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡"
    "杜程苏魏吕丁沈姚卢姜崔谭陆汪范贾夏韦邹孟熊秦邱尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵戴莫孔汤"
)
# A known proper noun with one of these after it is a derived word, not a name: 罗马式 (Romanesque), 美国人.
_DERIVING_SUFFIXES = frozenset("式人语派籍风菜")
_DERIVED_ENDINGS = frozenset({"er", "ers", "ese", "an", "ans", "ian", "ians", "ite", "ites", "i", "is"})
RENDERED_SHARE_MIN = 0.1  # a name rendered in fewer than one in ten of its rows is one the translator translates,
RENDERED_SHARE_ROWS = 20  # ... once it has this many rows (with fewer, only a name never rendered is)
NEVER_RENDERED_MIN_ROWS = 3  # rows a name the dictionary renders must have before "never rendered" means "translated"
_NAME_AFFIXES = set("老小阿大二三姐哥嫂叔婶爷奶娘婆公氏家夫人兄弟妹")


@dataclass(frozen=True)
class Entity:
    text: str
    kind: str  # person, place, abbreviation, title
    start: int
    end: int
    merged: bool = False  # pieced together from a surname and the next word: needs confirmation


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
    position = 0
    tags = view.zh_tags
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
            if j > i and not in_title[run_end - 1]:
                found.append(Entity(text[start:run_end], "place" if tags[j - 1][1] == "ns" else "person", start, run_end))
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
            if run_end - start >= 2:
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
            and not (word[2] in _DERIVING_SUFFIXES and classes.get(word[:2], 0) & PROPER)
            and classes.get(word[:2], 0) & (COMMON | PROPER) != COMMON  # 谢谢您, 马上来: an ordinary word, then one more character
        )
        if (known_person or surname_and_name or tag in _PLACE_TAGS and cls & PROPER and not cls & COMMON) and (
            _inside_longer_name(text, start, end, (tags[i - 2][0] if i >= 2 else "", tags[i][0] if i < len(tags) else ""), classes)
            or _inside_longer_word(text, start, end, classes)
        ):
            continue
        if known_person or surname_and_name:
            found.append(Entity(word, "person", start, end))
        elif tag in _PLACE_TAGS and cls & PROPER and not cls & COMMON:
            found.append(Entity(word, "place", start, end))
    seen, unique = set(), []
    for entity in sorted(found, key=lambda e: e.start):
        if entity.text not in seen:
            seen.add(entity.text)
            unique.append(entity)
    return unique


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
    if before in ("·", "・", "•") or after in ("·", "・", "•"):
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


def _capitalised_stems(view: RowView) -> set[str]:
    """The name keys of the row's capitalised English words (a title, a nickname, an acronym: LORD, Trinket, ASL)."""
    return view.memo("entities.capitalised", lambda: {name_key(m.group()) for m in view.en_capitalised
                                                      if m.group().lower() not in EN_STOPWORDS})


def _learned_renderings(rows_of: dict[str, int], stems_with: dict[str, Counter], document_stems: Counter,
                        n_rows: int) -> dict[str, set[str]]:
    """For each name, the English stems the document renders it by: in most of its ``rows_of`` rows (those
    where nothing else renders it), and far commoner there than in the document
    (:data:`.params.LEARNED_RENDERING_SHARE`, ``_MIN_ROWS``, ``_LIFT``).

    >>> stems = Counter({"lord": 9, "said": 9, "people": 2})
    >>> _learned_renderings({"耶和华": 10}, {"耶和华": stems}, Counter({"lord": 12, "said": 90, "people": 30}), 100)
    {'耶和华': {'lord'}}
    """
    learned: dict[str, set[str]] = {}
    for name, rows in rows_of.items():
        if rows < LEARNED_RENDERING_MIN_ROWS:
            continue
        found = {stem for stem, count in stems_with[name].items()
                 if count >= LEARNED_RENDERING_SHARE * rows
                 and count / rows >= LEARNED_RENDERING_LIFT * document_stems[stem] / max(n_rows, 1)}
        if found:
            learned[name] = found
    return learned


@functools.lru_cache(maxsize=100_000)
def _syllables(word: str) -> tuple[str, ...]:
    return tuple(s for s in toneless_pinyin(word) if s.isalpha())


def _pinyin_forms(entity: Entity) -> list[str]:
    word = _PLACE_SUFFIX.sub("", entity.text) if entity.kind == "place" and len(entity.text) > 2 else entity.text
    core = word
    if entity.kind == "person":
        core = "".join(c for c in word if c not in _NAME_AFFIXES) or word
    forms = []
    for part in dict.fromkeys((word, core)):
        syllables = _syllables(part)
        if not syllables:
            continue
        forms.append("".join(syllables))
        if entity.kind == "person" and len(syllables) >= 2:
            forms.append("".join(syllables[1:]))  # given name
            if len(syllables) <= 3 and len(syllables[0]) >= 2:
                forms.append(syllables[0])  # surname alone: Granny Liu, Mr Wang
        if entity.kind == "person" and len(syllables) == 2:
            forms.append(syllables[1])  # Bao-yu → yu is too short, but Xi-feng → feng
    return [v for f in dict.fromkeys(forms) if len(f) >= 2 for v in u_umlaut_variants(f)]


def _claimed_by_other_name(view: RowView, key: str, entity: Entity) -> bool:
    """True when every English word spelling ``key`` is part of a longer English name that spells another Chinese name of the row.

    A one-syllable key (*Wang*, *Yu*) says little alone: the *Wang* of *Wang Qiyao* renders 王琦瑶,
    not 王安忆 beside it.

    >>> from corpus_align.model import CheckRow
    >>> other = Entity("王安忆", "person", 6, 9)
    >>> _claimed_by_other_name(RowView(CheckRow(1, "", "王琦瑶看见了王安忆。", "Wang Qiyao saw her.")), "wang", other)
    True
    >>> _claimed_by_other_name(RowView(CheckRow(1, "", "王琦瑶看见了王安忆。", "Wang Qiyao saw Wang.")), "wang", other)
    False
    """
    surfaces = view.en_name_surfaces
    if key not in surfaces:
        return False
    claimed = 0
    for name, keys in row_attested_names(view).items():
        if name in entity.text or entity.text in name:
            continue
        for longer in keys:
            surface = surfaces.get(longer)
            if surface and longer != key and key in {name_key(part) for part in re.split(r"[\s\-]+", surface)}:
                claimed += len(re.findall(r"(?<![A-Za-z])" + re.escape(surface) + r"(?![A-Za-z])", view.row.en))
    if not claimed:
        return False
    standing = len([m for m in view.en_capitalised if name_key(POSSESSIVE.sub("", m.group())) == key
                    or key in {name_key(p) for p in m.group().split("-")}])
    return standing <= claimed


def _translation_hit(word: str, stems: set[str], kind: str = "") -> bool:
    """True when a CC-CEDICT translation of ``word`` is among ``stems``; for a place, its name, not "city".

    A proper name also counts when the English uses a word derived from it: the people or the
    adjective (乌克兰 Ukraine → *Ukrainian*, 希腊 Greece → *Greek*, 伊朗 → *Iranian*, 哈萨克斯坦 → *Kazakh*).
    """
    if kind == "place":
        # The name and the dictionary's translations (佛经 → Sutra), not what kind of place it is (扬州 → "city").
        found = (proper_renderings().get(word) or frozenset()) | (translations(word) - _place_kind_stems())
    elif kind == "person" and proper_renderings().get(word):
        # A person is rendered by the name, not by what the gloss says of them (埃斯库罗斯 "ancient Greek tragedian").
        found = proper_renderings()[word]
    else:
        found = translations(word)
    if not found:
        return False
    if found & stems:
        return True
    proper = proper_renderings().get(word) or frozenset()
    return any(_derived(name, stem) for name in proper for stem in stems)


@functools.cache
def _place_kind_stems() -> frozenset[str]:
    words = "city county province district prefecture level town village region capital municipality autonomous township"
    return frozenset(english_stem(word) for word in words.split())


def _derived(name: str, word: str) -> bool:
    """True when ``word`` and the proper ``name`` (both stems) are forms of one name: they differ only in an ending.

    >>> _derived("ukrain", "ukrainian"), _derived("greec", "greek"), _derived("kazakhstan", "kazakh"), _derived("scotland", "scottish")
    (True, True, True, True)
    >>> _derived("austria", "australia"), _derived("iran", "iraq"), _derived("unit", "union")
    (False, False, False)
    """
    if len(name) < 4 or len(word) < 4:
        return False
    if name.endswith("land") and len(name) >= 7 and word.startswith(name[:-4]) and word != name:
        return True  # Scotland → Scottish, Finland → Finnish, England → English
    shared = len(os.path.commonprefix([name, word]))
    return shared >= 4 and shared >= min(len(name), len(word)) - 1


def _initials(entity: Entity, en: str) -> bool:
    """True when the English has the initials of the entity's proper name: 美国 → *US*, 英国 → *UK*, 联合国 → *UN*.

    >>> _initials(Entity("联合国", "place", 0, 3), "UN says thousands came.")
    True
    >>> _initials(Entity("美国", "place", 0, 2), "the U.S. consulate")
    True
    """
    proper = proper_renderings().get(entity.text)
    if not proper or len(proper) < 2:
        return False
    firsts = {stem[0] for stem in proper}
    return any(set(token.replace(".", "").lower()) <= firsts for token in ACRONYM.findall(en))




# A name the Chinese glosses itself in Latin letters: 亚当·迈耶斯 (Adam Meyers).
_LATIN_GLOSS = re.compile(rf"[\s·・•{CJK_CHARS}]{{0,12}}?[（(]([A-Za-z][^（）()]{{1,60}})[）)]")


_CJK_ONLY = re.compile(f"[{CJK_CHARS}]+")


def _transliterated(entity: Entity, view: RowView) -> bool:
    """True when the entity is spelled in transliteration characters and a capitalised English word of the row
    sounds like it (雷尼尔 → *Rainier*, 埃斯库罗斯 → *Aeschylus*), though no dictionary lists the pair; or when the
    Chinese itself glosses the name in Latin letters (迈耶斯 (Adam Meyers)) and the English has that name.

    >>> from corpus_align.checks.context import RowView
    >>> from corpus_align.checks import rows_from_pairs
    >>> view = RowView(rows_from_pairs([("亚当·迈耶斯 (Adam Meyers) 说", "Adam Meyers said")])[0])
    >>> _transliterated(Entity("迈耶斯", "person", 3, 6), view)
    True
    >>> view = RowView(rows_from_pairs([("玛土撒拉共活了九百六十九岁。", "All the days of Methuselah were 969 years.")])[0])
    >>> _transliterated(Entity("撒拉", "person", 2, 4), view)
    True
    """
    gloss = _LATIN_GLOSS.match(view.row.zh_normalized, entity.end)
    if gloss and any(word.lower() in view.en_names for word in re.findall(r"[A-Z][a-z]{2,}", gloss.group(1))):
        return True
    words = english_words()
    # A common word is no name, capitalised or not; nor is a day or a month (Saturday would sound like 西雅图).
    surfaces = [surface for key, surface in view.en_name_surfaces.items()
                if " " not in surface and "-" not in surface and len(key) >= 3 and key not in CALENDAR_NAMES
                and words.get(key, 0) < NAME_MAX_FREQUENCY]
    if not surfaces:
        return False
    foreign = transliteration_chars()
    if len(entity.text) >= 2 and set(entity.text) <= foreign and any(sound_alike(_syllables(entity.text), surface)
                                                                     for surface in surfaces):
        return True
    # The entity may be a piece of a longer transliteration that jieba cut (撒拉 of 玛土撒拉, Methuselah): the
    # English name that sounds like the longer span renders it, when at least half of that span is written in
    # transliteration characters and the English name romanizes no other name of the row.
    spelled = row_name_keys(view)
    surfaces = [surface for surface in surfaces if name_key(surface) not in spelled]
    text = view.row.zh_normalized
    for before in range(3):
        for after in range(3):
            start, end = entity.start - before, entity.end + after
            if ((before or after) and start >= 0 and end <= len(text) and _CJK_ONLY.fullmatch(text[start:end])
                    and 2 * sum(char in foreign for char in text[start:end]) >= end - start):
                syllables = _syllables(text[start:end])
                if len(syllables) == end - start and any(sound_alike(syllables, surface) for surface in surfaces):
                    return True
    return False


def rendering(entity: Entity, view: RowView) -> str | None:
    """How ``entity`` is rendered in the row's English (a short description), or None when it is not."""
    names = view.en_names
    en_lower = view.memo("entities.en_lower", lambda: view.row.en.lower())
    if not CJK.search(entity.text) and entity.text.lower() in en_lower:
        return "as written"  # 《Celeste》, 《PBML》: a title the Chinese writes in Latin letters
    if entity.kind == "abbreviation":
        abbreviations = place_abbreviations()
        rendered = [c for c in entity.text if any(n.lower() in en_lower for n in abbreviations.get(c, ()))]
        return "abbreviation" if rendered else None
    one_syllable = {variant for syllable in _syllables(entity.text) for variant in u_umlaut_variants(syllable)}
    for form in _pinyin_forms(entity):
        if form in names:
            if form in one_syllable and _claimed_by_other_name(view, form, entity):
                continue  # the Wang of Wang Qiyao does not render 王安忆
            return "pinyin"
        # Plurals and derived forms: the Jias, Mrs Zhous, Beijingers, Sichuanese (looked up, not searched:
        # a row may have thousands of names).
        if form + "s" in names or len(form) >= 5 and any(form + ending in names for ending in _DERIVED_ENDINGS):
            return "pinyin"
    from rapidfuzz import fuzz, process

    long_names = view.memo("entities.long_names", lambda: [n for n in names if len(n) >= 5])
    if long_names:
        for form in _pinyin_forms(entity)[:2]:
            if len(form) >= 5 and process.extractOne(form, long_names, scorer=fuzz.ratio, score_cutoff=85):
                return "pinyin"
    stems = view.en_stems
    if _translation_hit(entity.text, stems, entity.kind):
        return "dictionary"
    if entity.kind in ("person", "place") and _transliterated(entity, view):
        return "transliteration"
    if _initials(entity, view.row.en):
        return "initials"
    if entity.kind == "person":
        return None
    metonyms = place_metonyms().get(entity.text, ())
    if metonyms and any(re.search(r"\b" + re.escape(m) + r"\b", view.row.en) for m in metonyms):
        return "metonym"  # 伊朗 → "Tehran denies", 俄罗斯 → "the Kremlin"
    if entity.kind == "title" and _titles_set_off(view):
        return "quoted"  # a film or book under its English title: 《沉默的天使》 → "The Alienist"
    if _translation_hit(entity.text + "人", stems):
        return "dictionary"  # its people: 美国 → "two Americans" (CC-CEDICT's 美国人)
    stripped = _PLACE_SUFFIX.sub("", entity.text)
    if stripped != entity.text and len(stripped) >= 2 and _translation_hit(stripped, stems, entity.kind):
        return "dictionary"
    # Titles and long organisation names: most of their words translated.
    from .context import tag_zh

    parts = [w for w, _ in tag_zh(entity.text)] if len(entity.text) > 2 else list(entity.text)
    if len(parts) == 1 and len(entity.text) > 2:
        parts = list(entity.text)
    # A number in a title (《四十二章经》 → "Forty-Two Sections") is rendered when the English has it.
    numbers = [p for p in parts if zh_number_keys(p)]
    known = [p for p in parts if translations(p) and p not in numbers]
    hits = sum(_translation_hit(p, stems) for p in known)
    if numbers:
        en_numbers = view.memo("entities.en_number_keys", lambda: set(en_number_keys(view.row.en)))
        hits += sum(bool(set(zh_number_keys(p)) & en_numbers) for p in numbers)
    if known + numbers and hits * 2 >= len(known) + len(numbers):
        return "words"
    return None


_SPEECH = re.compile(r"[^，。！？“”]{0,4}?(?:道|说|问|叫|喊|笑)[道了着]?[：:，,]?[“「\"']")  # .match(text, position)


# Kinship terms and titles that stand next to a name (爷爷余占鳌, 周瑞家的, 王老师) and may render it alone.
_TITLES = frozenset(
    "爷爷 奶奶 父亲 母亲 爸爸 妈妈 爹 娘 哥哥 姐姐 弟弟 妹妹 叔叔 阿姨 舅舅 姑姑 婶婶 伯伯 老师 先生 太太 小姐 夫人 "
    "大人 师傅 师父 同志 主任 书记 队长 老爷 公公 婆婆 姑娘 丫头 表哥 表姐 表妹 妻子 丈夫 老婆 儿子 女儿 "
    "老头 老太太 姥姥 外婆 嫂子 媳妇 皇上 皇帝 公主 将军 校长 经理 博士 教授 和尚 道士".split()
)


def _title_stands_in(view: RowView, entity: Entity) -> bool:
    """True when a kinship term or title next to the name (爷爷余占鳌 → "my grandfather") is translated."""
    text = view.row.zh_normalized
    stems = view.en_stems
    for title in _TITLES:
        after = text.startswith(title, entity.end) or text.startswith("的" + title, entity.end)
        next_to_name = after or text.endswith(title, 0, entity.start)
        if next_to_name and _translation_hit(title, stems):
            return True
    return False


# An organisation's name followed by its acronym in brackets: 英国国家医疗服务体系（NHS）.
_NAMED_BY_ACRONYM = re.compile(r"[^，。；：！？、（(]{0,12}?[（(]([A-Z][A-Za-z&]{1,7})[）)]")


def _modifies_institution(text: str, entity: Entity, en: str = "") -> bool:
    """True when the place only says whose institution follows (美国证监会 → "the SEC", 苏格兰政府 → "the government"),
    or begins an organisation's name that the English gives by the acronym the Chinese adds in brackets
    (英国国家医疗服务体系（NHS） → "NHS figures")."""
    if any(text.startswith(word, entity.end) for word in institutions()):
        return True
    named = _NAMED_BY_ACRONYM.match(text, entity.end)
    return bool(named and re.search(r"\b" + re.escape(named.group(1)) + r"\b", en))


# A title set off in the English: in quotes ("Frozen", 'Yellowstone'), or in capitals (Grey's Anatomy, Bailout).
_SET_OFF = re.compile(r"\"[^\"]+\"|“[^”]+”|‘[A-Z][^’]*’|(?<![\w'])'[A-Z][^']*'(?!\w)|" + NAME_RUN.pattern)


def _titles_set_off(view: RowView) -> bool:
    """True when the English sets off as many spans as the Chinese has titles in 《》: a film or a book keeps its
    English title, which is no translation of the Chinese one (《沉默的天使》 → "The Alienist", 《王牌播音员》 → Anchorman).

    The English row's first word is capitalised anyway and does not count.
    """
    spans = [m for m in _SET_OFF.finditer(view.row.en) if m.start() > 0 or m.group()[0] in "\"“‘'"]
    return len(spans) >= view.row.zh_normalized.count("《")


# What a translation may write for a place or a body it has named before: "the country", "the club".
_STAND_IN = re.compile(
    r"\b(?:the|this|that|its|their|our) (?:country|nation|city|state|capital|province|region|island|town|village|"
    r"county|district|club|side|team|company|firm|group|party|government|organi[sz]ation|agency|kingdom|empire)\b", re.I)
_THIRD_PERSON = frozenset({"pronoun:3m", "pronoun:3f", "pronoun:3p"})
_THIRD_PERSON_EN = frozenset({"he", "him", "she", "her", "they", "them"})


def _stood_in(view: RowView, entity: Entity) -> bool:
    """True when the English has a word that may stand for the entity: a personal pronoun more than the Chinese
    has (王琦瑶 → *she*), or for a place or body a noun such as *the country*, *the club*.

    >>> from corpus_align.checks.context import RowView
    >>> from corpus_align.checks import rows_from_pairs
    >>> view = RowView(rows_from_pairs([("王琦瑶发热似的。", "She felt feverish.")])[0])
    >>> _stood_in(view, Entity("王琦瑶", "person", 0, 3))
    True
    """
    if entity.kind == "person":
        chinese = sum(pronoun_key(word) in _THIRD_PERSON for word in view.zh_words)
        english = sum(match.group().lower() in _THIRD_PERSON_EN for match in view.en_words)
        return english > chinese
    return _STAND_IN.search(view.row.en) is not None


def _speaker(text: str, entity: Entity) -> bool:
    """True when the person only introduces a quotation (X道：“…): translators move or drop these."""
    return bool(_SPEECH.match(text, entity.end))


def _name_rendered(name: str, view: RowView, learned: set[str]) -> bool:
    """True when an English name of the row renders ``name``: a key the document uses for it, or a run of its syllables."""
    names = view.en_names
    if names & learned:
        return True
    entity = Entity(name, "person", 0, len(name))
    return any(len(spelled) >= 2 and spelled in names
               and not (end - i == 1 and _claimed_by_other_name(view, spelled, entity))
               for i in range(len(name)) for spelled, end in pinyin_spellings(name, i))


def _glossary_positions(text: str, glossary: tuple[GlossaryEntry, ...]) -> set[int]:
    """The positions of ``text`` (a row's normalized Chinese) inside an occurrence of a glossary term.

    >>> _glossary_positions("市对外友协副会长", (GlossaryEntry("對外友協", "对外友协", "Friendship Association"),))
    {1, 2, 3, 4}
    """
    positions: set[int] = set()
    for entry, _ in glossary_hits("", text, "", glossary):
        start = text.find(entry.simplified)
        while start >= 0:
            positions.update(range(start, start + len(entry.simplified)))
            start = text.find(entry.simplified, start + 1)
    return positions


def _lexicon_hits(text: str, lexicon: dict[str, set[str]], by_first: dict[str, list[str]]) -> list[tuple[int, str]]:
    """Occurrences of the document's attested names in ``text``, longest first, never overlapping."""
    hits, i = [], 0
    while i < len(text):
        starting = by_first.get(text[i])  # most characters start no name: no generator for them
        name = next((n for n in starting if text.startswith(n, i)), None) if starting else None
        if name:
            hits.append((i, name))
            i += len(name)
        else:
            i += 1
    return hits


@register(
    "entity-missing",
    severity="error",
    family="entities",
    what="A named entity of the Chinese — a name that the document romanizes elsewhere (its own name lexicon), "
    "a person, place or organization, a work title in 《》, a compound "
    "of place abbreviations (川渝 Sichuan and Chongqing) — with no rendering in the aligned "
    "English (neither its pinyin nor its dictionary translation). A glossary term is left to glossary-mismatch, "
    "so that a missing term is one finding.",
    why="A dropped name changes who did what; it is the commonest sign of an omitted clause and easy for a "
    "monolingual reviewer to miss.",
    example=("陈清扬把我拽住，叫我留下来。", "She caught me and asked me to stay."),
    silence="`--ignore entity-missing`; add the name with its English rendering to the glossary. A name "
    "that is never romanized anywhere in the document (a translated name such as 袭人 → Aroma) is not reported.",
    false_positives="Names replaced by a pronoun or a title ('his mother', 'her heart') in literary translation; words that "
    "jieba wrongly tags as a name; names translated by meaning that occur only once.",
)
def check_entity_missing(ctx: CheckContext) -> Iterator:
    # 1. The document's own name lexicon: Chinese names that some row romanizes.
    lexicon: dict[str, set[str]] = defaultdict(set)
    for view in ctx.rows:
        if view.row.zh_normalized.strip() and view.row.en.strip():
            for name, keys in row_attested_names(view).items():
                lexicon[name] |= keys
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in sorted(lexicon, key=len, reverse=True):
        by_first[name[0]].append(name)
    pending: list[tuple[RowView, Entity, bool]] = []  # the row, the entity, whether the document romanizes it elsewhere
    rendered_rows: dict[str, int] = defaultdict(int)
    rows_with: dict[str, int] = defaultdict(int)
    document_stems: Counter = Counter()
    two_sided = 0
    for view in ctx.rows:
        text = view.row.zh_normalized
        if not text.strip() or not view.row.en.strip():
            continue
        two_sided += 1
        document_stems.update(_capitalised_stems(view))
        covered: set[int] = set()
        glossed = _glossary_positions(text, ctx.glossary)  # glossary-mismatch reports these, with the client's rendering
        for start, name in _lexicon_hits(text, lexicon, by_first):
            covered.update(range(start, start + len(name)))
            if not glossed.isdisjoint(range(start, start + len(name))):
                continue
            entity = Entity(name, "person", start, start + len(name))
            rows_with[name] += 1
            if _name_rendered(name, view, lexicon[name]) or rendering(entity, view) is not None:
                rendered_rows[name] += 1
            else:
                pending.append((view, entity, True))
        # 2. Names, places and titles that the dictionaries know, where the document gives no romanization.
        entities = zh_entities(view)
        starts = {other.start for other in entities if other.kind == "place"}
        for entity in entities:
            span = range(entity.start, entity.end)
            if entity.merged or not covered.isdisjoint(span) or not glossed.isdisjoint(span):
                continue
            if entity.kind == "place" and entity.end in starts:
                continue  # a country before its state or city (美国加州, 印度泰米尔纳德邦): the English names the place
            rows_with[entity.text] += 1
            if rendering(entity, view) is None:
                pending.append((view, entity, False))
            else:
                rendered_rows[entity.text] += 1
    # What stands for a name in the rows that do not render it by its pinyin or translation: the word that replaces it
    # (the LORD, ASL for 美国手语), not the words that go with its romanization (Zhou Rui's *wife*).
    unrendered: dict[str, dict[int, RowView]] = defaultdict(dict)
    for view, entity, _ in pending:
        unrendered[entity.text][id(view)] = view
    # A rendering by a title or a nickname is capitalised (the LORD, Trinket), and is no other name's romanization
    # (Grannie Liu beside Ban-er).
    key_owners = Counter(key for keys in lexicon.values() for key in keys)
    stems_unrendered = {
        name: Counter(stem for view in views.values() for stem in _capitalised_stems(view)
                      if key_owners[stem] - (stem in lexicon.get(name, ())) == 0)
        for name, views in unrendered.items()
    }
    learned = _learned_renderings({name: len(views) for name, views in unrendered.items()}, stems_unrendered, document_stems, two_sided)
    for view, entity, romanized in pending:
        if learned.get(entity.text, set()) & _capitalised_stems(view):
            continue  # rendered as the document usually renders it: 上帝 → "the LORD", a nickname, a title
        others = rows_with[entity.text] - 1
        # A name the translator (almost) never renders is translated (平儿 → Patience, 韦小宝 → Trinket);
        # one chance match ("Bao-yu" spelling 宝 of 韦小宝) must not turn all its rows into findings.
        rendered, rows = rendered_rows[entity.text], rows_with[entity.text]
        # ... but a name the dictionary renders (爱沙尼亚 Estonia) in only two rows is as likely dropped twice.
        never_rendered = not rendered and (rows >= NEVER_RENDERED_MIN_ROWS or not proper_renderings().get(entity.text))
        if others and (never_rendered or rows >= RENDERED_SHARE_ROWS and rendered < RENDERED_SHARE_MIN * rows):
            continue
        if entity.kind == "person" and (_speaker(view.row.zh_normalized, entity)
                                        or _title_stands_in(view, entity)):
            continue
        if entity.kind in ("place", "abbreviation") and _modifies_institution(view.row.zh_normalized, entity, view.row.en):
            continue
        shown = zh_original_span(view.row, entity.start, entity.end)
        kind = {"person": "name", "place": "place or organization", "abbreviation": "place", "title": "title"}[entity.kind]
        syllables = _syllables(entity.text)
        suggestion = (
            f"{syllables[0].capitalize()} {''.join(syllables[1:]).capitalize()}".strip()
            if entity.kind == "person" and syllables else ""
        )
        signals = {"romanized": float(romanized), "rendered_share": rendered_rows[entity.text] / rows_with[entity.text],
                   "name_rows": math.log(rows_with[entity.text]), "stand_in": float(_stood_in(view, entity))}
        yield ctx.finding("entity-missing", view, f"the {kind} {shown} has no rendering in the English",
                          zh_text=shown, suggestion=suggestion, signals=signals)
