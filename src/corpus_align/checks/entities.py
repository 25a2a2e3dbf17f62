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
rather than dropping it; or when a word of the row stands for it (a title, *the
country*), unless the English shows the gap a dropped word leaves
(:mod:`corpus_align.text.gaps`: *a riot in on Saturday*).  Beside such a gap, a
CC-CEDICT proper noun that jieba does not tag as a name (春节) is an entity too; and where
the English has lost the subject of its first clause (*When was young*), so is a
name-like word that opens the Chinese and that no dictionary knows (陈涉).
Most findings are doubtful (a name rendered by a pronoun looks like a name
dropped); the gap is what makes the calibrated confidence of one high enough to
report it at its severity (:mod:`.calibration`).

The Chinese side's entities are found by :mod:`.zh_names`.
"""

from __future__ import annotations

import functools
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from ..model import GlossaryEntry
from ..text.gaps import english_gap, opens_without_subject
from ..text.lexicon import EN_STOPWORDS, english_stem, pronoun_key, translations
from ..text.numbers import en_number_keys, zh_number_keys
from ..text.patterns import ACRONYM, CALENDAR_NAMES, CJK, CJK_CHARS, NAME_RUN, ZH_SPEECH_INTRO
from ..text.transliteration import english_skeleton, pinyin_skeleton, sound_alike, toneless_syllables, transliteration_sounds
from .context import POSSESSIVE, CheckContext, RowView, name_key, zh_original_span
from .glossary import glossary_hits
from .name_spelling import pinyin_spellings, row_attested_names, row_name_keys, u_umlaut_variants
from .params import LEARNED_RENDERING_LIFT, LEARNED_RENDERING_MIN_ROWS, LEARNED_RENDERING_SHARE, NAME_MAX_FREQUENCY
from .registry import register
from .resources import (
    COMMON,
    cedict_classes,
    english_words,
    institutions,
    place_abbreviations,
    place_metonyms,
    proper_renderings,
    state_abbreviations,
    surname_romanizations,
    transliteration_chars,
)
from .zh_names import DERIVING_SUFFIXES, NAME_DOT, PLACE_SUFFIX, Entity, opening_name, proper_name_at, zh_entities

_DERIVED_ENDINGS = frozenset({"er", "ers", "ese", "an", "ans", "ian", "ians", "ite", "ites", "i", "is"})
RENDERED_SHARE_MIN = 0.1  # a name rendered in fewer than one in ten of its rows is one the translator translates,
RENDERED_SHARE_ROWS = 20  # ... once it has this many rows (with fewer, only a name never rendered is)
NEVER_RENDERED_MIN_ROWS = 3  # rows a name the dictionary renders must have before "never rendered" means "translated"
# Parts of a name that are titles or kinship terms, not part of its romanization.
_NAME_AFFIXES = set("老小阿大二三姐哥嫂叔婶爷奶娘婆公氏家夫人兄弟妹")
_ENGLISH_FULL_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+")  # Bob Childs, Amy Ng: what a dotted name may be


def _spelled_in_full(dotted: str, en: str) -> bool:
    """True when the English has a full name whose words begin with the sounds of the dotted name's parts, in order:
    鲍勃·柴尔兹 *Bob Childs*, 艾米·恩 *Amy Ng*.  Short given names keep too few sounds for :func:`sound_alike`.

    >>> _spelled_in_full("鲍勃·柴尔兹", "This is Dr. Bob Childs."), _spelled_in_full("鲍勃·柴尔兹", "This is Dr. Tom Jones.")
    (True, False)
    >>> _spelled_in_full("海莉·奥金加", "Hailey Ockinga is an activist.")
    True
    """
    pieces = [transliteration_sounds(piece) for piece in NAME_DOT.split(dotted) if piece]
    starts = [pinyin_skeleton(piece)[:1] for piece in pieces]
    for m in _ENGLISH_FULL_NAME.finditer(en):
        words = m.group().split()
        if len(words) == len(starts) and starts[0] == english_skeleton(words[0])[:1]:
            return True  # as many words, the given name alike: a family name's first sound may shift (奥金加 Ockinga)
        for offset in range(len(words) - len(starts) + 1):
            if all(start == english_skeleton(word)[:1] for start, word in zip(starts, words[offset:], strict=False)):
                return True
    return False


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


def _pinyin_forms(entity: Entity) -> list[str]:
    word = PLACE_SUFFIX.sub("", entity.text) if entity.kind == "place" and len(entity.text) > 2 else entity.text
    core = word
    if entity.kind == "person":
        core = "".join(c for c in word if c not in _NAME_AFFIXES) or word
    forms = []
    for part in dict.fromkeys((word, core)):
        syllables = toneless_syllables(part)
        if not syllables:
            continue
        forms.append("".join(syllables))
        if entity.kind == "person" and len(syllables) >= 2:
            forms.append("".join(syllables[1:]))  # given name
            if len(syllables) <= 3 and len(syllables[0]) >= 2:
                forms.append(syllables[0])  # surname alone: Granny Liu, Mr Wang
            if len(syllables) <= 4:
                # The surname as Hong Kong or Taiwan spells it: Mr Chan, Cheung Tai-man, Hsu Ting-en.
                romanized = surname_romanizations()
                surname = part[:2] if part[:2] in romanized else part[:1]
                forms.extend(name_key(spelling) for spelling in romanized.get(surname, ()))
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
def _gloss_meta_stems() -> frozenset[str]:
    """Stems of the words a dictionary gloss uses to say what a character is (a name, a surname, a variant)."""
    return frozenset(english_stem(word) for word in "name names surname variant abbreviation".split())


@functools.cache
def _place_kind_stems() -> frozenset[str]:
    words = "city county province district prefecture level town village region capital municipality autonomous township"
    return frozenset(english_stem(word) for word in words.split())


def _derived(name: str, word: str) -> bool:
    """True when ``word`` and the proper ``name`` (both stems) are forms of one name: they differ only in an ending.

    >>> _derived("ukrain", "ukrainian"), _derived("greec", "greek"), _derived("kazakhstan", "kazakh"), _derived("scotland", "scottish")
    (True, True, True, True)
    >>> _derived("jew", "jewish"), _derived("britain", "briton"), _derived("british", "briton")
    (True, True, True)
    >>> _derived("austria", "australia"), _derived("iran", "iraq"), _derived("unit", "union")
    (False, False, False)
    """
    if _demonym_root(name) == _demonym_root(word) and len(_demonym_root(name)) >= 3:
        return True  # Jew → Jewish, Britain → Briton and British
    if len(name) < 4 or len(word) < 4:
        return False
    if name.endswith("land") and len(name) >= 7 and word.startswith(name[:-4]) and word != name:
        return True  # Scotland → Scottish, Finland → Finnish, England → English
    shared = len(os.path.commonprefix([name, word]))
    return shared >= 4 and shared >= min(len(name), len(word)) - 1


_DEMONYM_ENDINGS = ("ish", "ain", "ons", "on")


def _demonym_root(stem: str) -> str:
    """``stem`` without the ending that makes a people or an adjective of a place (Brit-ain, Brit-on, Jew-ish)."""
    for ending in _DEMONYM_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            return stem[: -len(ending)]
    return stem


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




def _state_abbreviated(entity: Entity, en: str) -> bool:
    """True when the entity is a US state that the English gives by its news or postal abbreviation.

    >>> _state_abbreviated(Entity("俄勒冈州", "place", 0, 4), "protesters in Portland, Ore., clashed")
    True
    >>> _state_abbreviated(Entity("俄勒冈州", "place", 0, 4), "protesters in Portland clashed")
    False
    """
    proper = proper_renderings().get(entity.text) or proper_renderings().get(PLACE_SUFFIX.sub("", entity.text))
    if not proper:
        return False
    return any(re.search(r"(?<![\w.])" + re.escape(abbreviation) + r"(?!\w)", en)
               for state, abbreviations in state_abbreviations().items()
               if all(english_stem(word.lower()) in proper for word in state.split() if word != "of")
               for abbreviation in abbreviations)


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
    if len(entity.text) >= 2 and set(entity.text) <= foreign and any(sound_alike(transliteration_sounds(entity.text), surface)
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
                syllables = transliteration_sounds(text[start:end])
                if len(syllables) == end - start and any(sound_alike(syllables, surface) for surface in surfaces):
                    return True
    return False


def rendering(entity: Entity, view: RowView) -> str | None:
    """How ``entity`` is rendered in the row's English (a short description), or None when it is not."""
    names = view.en_names
    en_lower = view.memo("entities.en_lower", lambda: view.row.en.lower())
    if not CJK.search(entity.text) and entity.text.lower() in en_lower:
        return "as written"  # 《Celeste》, 《PBML》: a title the Chinese writes in Latin letters
    if entity.kind in ("person", "place") and NAME_DOT.search(entity.text):
        # A dotted foreign name is rendered by any of its parts: Chinese news gives in full whom English names once.
        if _transliterated(entity, view) or _spelled_in_full(entity.text, view.row.en):
            return "transliteration"
        offset = entity.start
        for piece in NAME_DOT.split(entity.text):
            how = rendering(Entity(piece, entity.kind, offset, offset + len(piece)), view) if len(piece) >= 2 else None
            if how:
                return how
            offset += len(piece) + 1
        return None
    if entity.kind == "abbreviation":
        abbreviations = place_abbreviations()
        rendered = [c for c in entity.text if any(n.lower() in en_lower for n in abbreviations.get(c, ()))]
        return "abbreviation" if rendered else None
    one_syllable = {variant for syllable in toneless_syllables(entity.text) for variant in u_umlaut_variants(syllable)}
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
    metonyms = place_metonyms().get(entity.text, ())  # (jieba may tag the place as a person: 唐宁街)
    if metonyms and any(re.search(r"\b" + re.escape(m) + r"\b", view.row.en) for m in metonyms):
        return "metonym"  # 伊朗 → "Tehran denies", 俄罗斯 → "the Kremlin", 唐宁街 → "No 10"
    if entity.kind == "person":
        return None
    if _state_abbreviated(entity, view.row.en):
        return "abbreviation"  # 俄勒冈州 → "Portland, Ore.", "R-GA"
    if entity.kind == "title" and _titles_set_off(view):
        return "quoted"  # a film or book under its English title: 《沉默的天使》 → "The Alienist"
    if _translation_hit(entity.text + "人", stems):
        return "dictionary"  # its people: 美国 → "two Americans" (CC-CEDICT's 美国人)
    base = entity.text[:-1]
    if entity.text[-1] in DERIVING_SUFFIXES and len(base) >= 2 and proper_renderings().get(base):
        # Its people or language by the place: 英国人 → "UK travellers", 犹太人 → "Jewish"
        return rendering(Entity(base, "place", entity.start, entity.end - 1), view)
    stripped = PLACE_SUFFIX.sub("", entity.text)
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
    # A character's gloss may say what it is rather than translate it (洛 "name of a river", "surname Luo"):
    # *my given name is* renders no part of 洛阳.
    hits = sum(bool((translations(p) - _gloss_meta_stems()) & stems) for p in known)
    if numbers:
        en_numbers = view.memo("entities.en_number_keys", lambda: set(en_number_keys(view.row.en)))
        hits += sum(bool(set(zh_number_keys(p)) & en_numbers) for p in numbers)
    if known + numbers and hits * 2 >= len(known) + len(numbers):
        return "words"
    return None


_SPEECH = re.compile(r"[^，。！？“”]{0,4}?" + ZH_SPEECH_INTRO)  # .match(text, position)


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


# A body of the state: a bureau, ministry, agency or commission (气象局, 统计局, 移民署, 卫生厅).
_AGENCY = re.compile(f"[{CJK_CHARS}]{{2,4}}?(?:局|署|厅)|[{CJK_CHARS}]{{0,4}}?委员会")  # not 部署 (deploy), 格局


def _modifies_institution(text: str, entity: Entity, en: str = "") -> bool:
    """True when the place only says whose institution follows (美国证监会 → "the SEC", 苏格兰政府 → "the government"),
    or begins an organisation's name that the English gives by the acronym the Chinese adds in brackets
    (英国国家医疗服务体系（NHS） → "NHS figures")."""
    if any(text.startswith(word, entity.end) for word in institutions()):
        return True
    if _AGENCY.match(text, entity.end):
        return True  # 英国气象局 → "the Met Office": a body of the state, named without it
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


def _proper_words_beside_a_gap(view: RowView, entities: list[Entity], covered: set[int]) -> list[Entity]:
    """The words of the row that CC-CEDICT knows as proper nouns (春节 *the Spring Festival*, 清明节) and that no rule of
    :func:`zh_entities` takes as a name, when the English shows a gap (:func:`english_gap`).

    Such words are festivals, eras and names that jieba tags as ordinary words: read on every row, they would flood
    the report with words the translator rendered by meaning; beside a gap they are likely what was dropped.
    """
    renderings, classes = proper_renderings(), cedict_classes()
    candidates, position = [], 0
    for word in view.zh_words:
        start, position = position, position + len(word)
        # A proper noun that is also a common word (成功 Chenggong or "success", 大学 the Great Learning or "university")
        # is read as the word.
        if len(word) >= 2 and word in renderings and classes.get(word, 0) & COMMON == 0:
            candidates.append(Entity(word, "place", start, position, described="name"))
    if not candidates or english_gap(view.row.en, view.row.zh) is None:
        return []
    taken = {i for entity in entities for i in range(entity.start, entity.end)} | covered
    return [entity for entity in candidates if taken.isdisjoint(range(entity.start, entity.end))]


def _name_opening_a_subjectless_row(view: RowView, entities: list[Entity], covered: set[int]) -> list[Entity]:
    """The name-like word that opens the Chinese (:func:`.zh_names.opening_name`: 史强, 陈涉), when the English has lost
    the subject of its first clause (*Stood on the balcony*, *When was young*) and no other rule took the word.

    A name that occurs once is rendered nowhere else in the document, and the dictionaries do not know it: the
    English's missing subject is what says it was dropped.
    """
    entity = opening_name(view)
    if entity is None or opens_without_subject(view.row.en) is None:
        return []
    taken = {i for other in entities for i in range(other.start, other.end)} | covered
    return [entity] if taken.isdisjoint(range(entity.start, entity.end)) else []


def _translated_by_meaning(entity: Entity, rendered: int, rows: int) -> bool:
    """True when the document shows that the translator renders the name by meaning, in (almost) none of its rows."""
    # A name the translator (almost) never renders is translated (平儿 → Patience, 韦小宝 → Trinket);
    # one chance match ("Bao-yu" spelling 宝 of 韦小宝) must not turn all its rows into findings ...
    # ... but a name the dictionary renders (爱沙尼亚 Estonia) in only two rows is as likely dropped twice.
    never_rendered = not rendered and (rows >= NEVER_RENDERED_MIN_ROWS or not proper_renderings().get(entity.text))
    return rows > 1 and (never_rendered or rows >= RENDERED_SHARE_ROWS and rendered < RENDERED_SHARE_MIN * rows)


def _stands_in_the_row(view: RowView, entity: Entity, romanized: bool, rendered: int) -> bool:
    """True when a word of the row stands for the entity: a noun for a place named elsewhere, a title or kinship term
    for a person, the body a place only qualifies; or when the person only introduces a quotation."""
    if entity.kind == "place" and rendered and _STAND_IN.search(view.row.en):
        # "the country", "the club" for a place the document names elsewhere: on the development documents, 46 of
        # the 48 places unrendered beside such a noun were the translator's choice, not a dropped name
        # (calibrate_findings.py's labelled findings of stop 25).
        return True
    if entity.kind == "person" and (_speaker(view.row.zh_normalized, entity) or _title_stands_in(view, entity)):
        return True
    # (A country jieba tags as a person, 阿富汗 of 阿富汗政府, is a place all the same: the dictionary knows it.)
    place_like = entity.kind in ("place", "abbreviation") or not romanized and entity.text in proper_renderings()
    return place_like and _modifies_institution(view.row.zh_normalized, entity, view.row.en)


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
    "jieba wrongly tags as a name; names translated by meaning that occur only once. On published translations such "
    "findings are right about one time in eight, so they are kept at info (doubtful) unless the English shows the gap "
    "a dropped word leaves (a riot in on Saturday, Envoy for was heading, empty brackets): then the message quotes it.",
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
        seen_here: set[str] = set()  # a name twice in the row is one row with it, and at most one finding
        for start, name in _lexicon_hits(text, lexicon, by_first):
            covered.update(range(start, start + len(name)))
            if not glossed.isdisjoint(range(start, start + len(name))) or name in seen_here:
                continue
            seen_here.add(name)
            entity = Entity(name, "person", start, start + len(name))
            rows_with[name] += 1
            if _name_rendered(name, view, lexicon[name]) or rendering(entity, view) is not None:
                rendered_rows[name] += 1
            else:
                pending.append((view, entity, True))
        # 2. Names, places and titles that the dictionaries know, where the document gives no romanization.
        entities = zh_entities(view)
        entities += _proper_words_beside_a_gap(view, entities, covered)
        entities += _name_opening_a_subjectless_row(view, entities, covered)
        starts = {other.start for other in entities if other.kind == "place"}
        for entity in entities:
            span = range(entity.start, entity.end)
            if entity.merged or not covered.isdisjoint(span) or not glossed.isdisjoint(span):
                continue
            if entity.kind == "place" and (entity.end in starts or proper_name_at(text, entity.end)):
                continue  # a country before its state or city (美国加州, 印度泰米尔纳德邦): the English names the place
            if entity.text in seen_here:
                continue  # read again beside a gap (爱沙尼亚 … 爱沙尼亚国防军): one row with it, one finding at most
            seen_here.add(entity.text)
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
        if _translated_by_meaning(entity, rendered_rows[entity.text], rows_with[entity.text]):
            continue
        # A name the translator replaced by a pronoun or a title leaves fluent English; a dropped one mostly leaves a gap,
        # and a gap outweighs what the row suggests stands for the name.
        gap = english_gap(view.row.en, view.row.zh)
        if gap is None and _stands_in_the_row(view, entity, romanized, rendered_rows[entity.text]):
            continue
        shown = zh_original_span(view.row, entity.start, entity.end)
        kinds = {"person": "name", "place": "place or organization", "abbreviation": "place", "title": "title"}
        kind = entity.described or kinds[entity.kind]
        syllables = toneless_syllables(entity.text)
        suggestion = (
            f"{syllables[0].capitalize()} {''.join(syllables[1:]).capitalize()}".strip()
            if entity.kind == "person" and syllables else ""
        )
        signals = {"romanized": float(romanized), "rendered_share": rendered_rows[entity.text] / rows_with[entity.text],
                   "name_rows": math.log(rows_with[entity.text]), "stand_in": float(_stood_in(view, entity)),
                   "gap": float(gap is not None)}
        message = f"the {kind} {shown} has no rendering in the English"
        if gap is not None:
            message += f", which reads “{gap}” as if a word were missing there"
        yield ctx.finding("entity-missing", view, message, zh_text=shown, suggestion=suggestion, signals=signals)
