"""Which Chinese spans of a row an English name of the row spells in pinyin (王琦瑶 ↔ *Wang Qiyao*).

Every character is read in each of its readings (单 is *dan* or *Shan*; 吕 is *lü*, written *Lü*, *Lv*,
*Lyu* or *Lu*), and the spellings of 1–4 characters are looked up among the English name keys, so the
work grows with the Chinese alone, not with the Chinese times the names.  ``entity-missing`` builds the
document's name lexicon from these spans, ``omission`` counts a name spelled so as rendered, and the
term extractor pairs names with them.

>>> from corpus_align.model import CheckRow
>>> sorted(row_name_keys(RowView(CheckRow(1, "", "吕布笑了。", "Lü Bu smiled."))))
['bu', 'lu', 'lubu']
"""

from __future__ import annotations

import functools

from .._lazy import LOADING
from ..text.lexicon import EN_STOPWORDS
from ..text.patterns import CJK
from .context import POSSESSIVE, RowView, name_key

# How English writes the pinyin ü after l and n (吕 lü: Lü, Lv, Lyu, Lu; pypinyin writes it v).  A name key has no
# accents (context.name_key), so Lü is lu there.
_U_UMLAUT_SPELLINGS = ("yu", "u")


def u_umlaut_variants(syllables: str) -> list[str]:
    """``syllables`` with its ü (pypinyin's ``v``) as English writes it: itself, then yu and u (Lü's key is lu).

    >>> u_umlaut_variants("lvbu"), u_umlaut_variants("wang")
    (['lvbu', 'lyubu', 'lubu'], ['wang'])
    """
    if "v" not in syllables:
        return [syllables]
    return [syllables] + [syllables.replace("v", spelling) for spelling in _U_UMLAUT_SPELLINGS]


@functools.lru_cache(maxsize=20_000)
def _readings(char: str) -> tuple[str, ...]:
    """Every pinyin reading of one character, without tones (单 → dan, shan, chan), ü also as English writes it.

    >>> _readings("吕")
    ('lv', 'lyu', 'lu')
    """
    with LOADING:
        from pypinyin import Style, pinyin

    readings = (r for group in pinyin(char, style=Style.NORMAL, heteronym=True) for r in group if r.isalpha())
    return tuple(dict.fromkeys(variant for r in readings for variant in u_umlaut_variants(r)))


def pinyin_spellings(text: str, start: int, prefixes: set[str] | None = None, *, usual_single: bool = False) -> list[tuple[str, int]]:
    """Every pinyin spelling of ``text[start:e]`` for ``e`` up to ``start + 4``, one reading per character, with ``e``.

    Only spellings in ``prefixes`` (when given) are grown further.  With
    ``usual_single`` a spelling of one character uses its usual reading only:
    哈 (ha, also read sha) does not spell "Sha".  Rare readings stay for longer
    spellings, where a chance match is unlikely, and are needed for surnames
    (单 is Shan).  A row's names are found by looking its spellings up, so the
    work grows with the Chinese alone, not with the Chinese times the names.

    >>> sorted(pinyin_spellings("王二", 0))
    [('wang', 1), ('wanger', 2), ('yu', 1), ('yuer', 2)]
    >>> sorted(pinyin_spellings("单", 0)), pinyin_spellings("单", 0, usual_single=True)
    ([('chan', 1), ('dan', 1), ('shan', 1)], [('dan', 1)])
    """
    found: list[tuple[str, int]] = []
    stack = [(start, "")]
    while stack:
        i, spelled = stack.pop()
        if i >= len(text) or i - start >= 4:
            continue
        readings = _readings(text[i])
        for reading in readings:
            grown = spelled + reading
            # With usual_single, a rare reading of the first character spells nothing alone, only with more.
            if not (usual_single and i == start and reading not in u_umlaut_variants(readings[0])):
                found.append((grown, i + 1))
            if prefixes is None or grown in prefixes:
                stack.append((i + 1, grown))
    return found


def _row_chars(view: RowView) -> str:
    """The distinct Chinese characters of the row (in no particular order), once per row (both name look-ups walk them).

    Per distinct character, not per position: a row repeats its characters, and most of them start no name.
    Kept as a short string, not with their readings: a dict per row, held for the whole window, costs
    more memory than looking the readings up again (:func:`_readings` is cached per character).
    """
    return view.memo("entities.chars", lambda: "".join(set(CJK.findall(view.row.zh_normalized))))


def _prefixes(keys: set[str]) -> set[str]:
    return {key[:i] for key in keys for i in range(1, len(key))}


def _spelled_keys(view: RowView, keys: set[str], *, usual_single: bool = False) -> list[tuple[str, int, int]]:
    """``(key, start, end)`` for every key of ``keys`` that spells the pinyin of ``text[start:end]`` of the row's Chinese.

    A spelling starts at a Chinese character with a reading whose first two letters are the key's.
    """
    text = view.row.zh_normalized
    prefixes = _prefixes(keys)
    # A spelling grows from one reading of its first character: a character none of whose readings
    # starts a key (is a key or a key's prefix) spells no key, and is passed over without spelling it.
    openings = prefixes | keys
    opening_chars = {char for char in _row_chars(view) if not openings.isdisjoint(_readings(char))}
    found: list[tuple[str, int, int]] = []
    if not opening_chars:
        return found
    for start, char in enumerate(text):
        if char not in opening_chars:
            continue
        readings = _readings(char)
        firsts = {reading[:2] for reading in readings}
        for spelled, end in pinyin_spellings(text, start, prefixes, usual_single=usual_single):
            if spelled in keys and spelled[:2] in firsts:
                found.append((spelled, start, end))
    return found


def _name_keys(view: RowView) -> set[str]:
    """Name keys of the English that can be romanized Chinese: not common English words, four letters or more.

    A run of capitalised words counts only when none of its words is a function word ("But I"
    does not spell 不是; "Wang Er" spells 王二).
    """
    from .resources import english_words

    words = english_words()

    def plain(key: str) -> bool:
        return key in EN_STOPWORDS

    keys: set[str] = set()
    run: list[str] = []
    previous_end = -10
    text = view.row.en
    for m in view.en_capitalised:  # a lower-case word between two capitalised ones parts them (see en_capitalised)
        word = m.group()
        key = name_key(POSSESSIVE.sub("", word))
        parts = [name_key(p) for p in word.split("-") if p]
        if m.start() - previous_end > 1 or text[previous_end : m.start()] not in (" ", "-"):
            run = []
        previous_end = m.end()
        if not key or plain(key) and all(plain(p) for p in parts):
            run = []
            continue
        keys.add(key)
        keys.update(p for p in parts if not plain(p))
        run.append(key)
        if len(run) >= 2:
            keys.add(run[-2] + run[-1])
        if len(run) >= 3:
            keys.add(run[-3] + run[-2] + run[-1])
    return {k for k in keys if len(k) >= 4 and words.get(k, 0) < 5000 and k.isascii()}


def attested_names(view: RowView) -> dict[str, set[str]]:
    """Chinese strings of 2-4 characters that an English name of the same row spells in pinyin.

    >>> from corpus_align.model import CheckRow
    >>> sorted(attested_names(RowView(CheckRow(1, "", "余占鳌对陈清扬笑。", "Yu Zhan'ao smiled at Qingyang."))))
    ['余占鳌', '占鳌', '清扬']
    """
    text = view.row.zh_normalized
    found: dict[str, set[str]] = {}
    keys = _name_keys(view)
    if not keys:
        return found
    for key, start, end in _spelled_keys(view, keys):
        if end - start >= 2:
            found.setdefault(text[start:end], set()).add(key)
    return found


def row_attested_names(view: RowView) -> dict[str, set[str]]:
    """:func:`attested_names` of the row, computed once per row (several checks ask)."""
    return view.memo("entities.attested_names", lambda: attested_names(view))


def row_name_keys(view: RowView) -> set[str]:
    """Name keys of the row's English that spell the pinyin of some of its Chinese (Wang Qiyao ↔ 王琦瑶).

    >>> from corpus_align.model import CheckRow
    >>> sorted(row_name_keys(RowView(CheckRow(1, "", "王琦瑶笑了。", "Wang Qiyao smiled at Misty."))))
    ['qiyao', 'wang', 'wangqiyao']
    """
    return view.memo("entities.name_keys", lambda: _spelled_name_keys(view))


def _spelled_name_keys(view: RowView) -> set[str]:
    from .resources import english_words

    words = english_words()
    keys = {key for key in view.en_names if len(key) >= 2 and words.get(key, 0) < 5000 and key.isascii()}
    return {key for key, _start, _end in _spelled_keys(view, keys, usual_single=True)} if keys else set()
