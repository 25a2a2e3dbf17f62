"""Lazy access to heavy third-party modules.

jieba, OpenCC and nltk each cost tens to hundreds of milliseconds to import or
initialise, so nothing imports them at module level; callers go through these
accessors, which also configure them the way corpus-align needs.

Threads (a Dask worker's, a server's) may ask for them at once.  Each is loaded
under one process-wide lock (:func:`loaded_once`, :data:`LOADING`): two threads
importing nltk's modules at once deadlock on its circular imports, and
Python then raises ``_DeadlockError`` in one of them.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# Held while a heavy module is imported or built (re-entrant: one loader calls another).
LOADING = threading.RLock()


def loaded_once(build: Callable[[], T]) -> Callable[[], T]:
    """``build()`` run once, under :data:`LOADING`, and its result kept; ``.cache_clear()`` forgets it.

    >>> calls = []
    >>> load = loaded_once(lambda: calls.append(1) or len(calls))
    >>> load(), load(), calls
    (1, 1, [1])
    """
    kept: list[T] = []

    @functools.wraps(build)
    def load() -> T:
        if not kept:  # the lock only until it is built: after that, a read of a list
            with LOADING:
                if not kept:
                    kept.append(build())
        return kept[0]

    load.cache_clear = kept.clear  # type: ignore[attr-defined]
    return load


def user_cache_dir() -> Path:
    """Return corpus-align's per-user cache directory, creating it if needed.

    Honours ``CORPUS_ALIGN_CACHE_DIR``, then ``XDG_CACHE_HOME``, then
    ``~/.cache``.

    >>> user_cache_dir().name
    'corpus-align'
    """
    override = os.environ.get("CORPUS_ALIGN_CACHE_DIR")
    if override:
        path = Path(override)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        path = Path(base) / "corpus-align"
    path.mkdir(parents=True, exist_ok=True)
    return path


@loaded_once
def jieba_tokenizer():
    """Return an initialised ``jieba.Tokenizer`` whose dictionary cache lives in the user cache.

    jieba's default cache is a file in the system temp directory; keeping it in
    the user cache directory means it survives reboots and is not shared with
    other users.

    >>> jieba_tokenizer().lcut("重庆")
    ['重庆']
    """
    with _pkg_resources_hidden():
        import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(user_cache_dir())
    tokenizer.cache_file = "jieba.cache"
    if not _load_prefix_dict(tokenizer, Path(tokenizer.tmp_dir) / tokenizer.cache_file):
        tokenizer.initialize()  # builds the prefix dictionary and writes the cache
    return tokenizer


@contextlib.contextmanager
def _pkg_resources_hidden():
    """Import jieba as it is imported where setuptools is absent: without ``pkg_resources``.

    jieba only uses it to open its own data files, and falls back on a path
    beside its module when the import fails; importing it costs 0.2–0.6 s of
    every run (and a deprecation warning on newer setuptools).
    """
    if "pkg_resources" in sys.modules:
        yield
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        del sys.modules["pkg_resources"]


def _load_prefix_dict(tokenizer, cache: Path) -> bool:
    """Load jieba's cached prefix dictionary in one read; False when there is no usable cache.

    jieba's own ``initialize`` unmarshals the 9 MB cache straight from the
    file object, in small reads: 1.5 s, against 0.35 s from bytes read at once.
    """
    import marshal

    try:
        freq, total = marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return False
    if not isinstance(freq, dict) or not isinstance(total, int) or not freq:
        return False
    tokenizer.FREQ, tokenizer.total = freq, total
    tokenizer.initialized = True
    return True


@loaded_once
def jieba_posseg():
    """Return a ``jieba.posseg.POSTokenizer`` sharing :func:`jieba_tokenizer`'s dictionary.

    >>> [(w.word, w.flag) for w in jieba_posseg().cut("王广成")][0][1]
    'nr'
    """
    tokenizer = jieba_tokenizer()
    if "jieba.posseg" not in sys.modules:
        _import_posseg_with_cached_tags()
    import jieba.posseg

    shared = getattr(jieba.posseg, "dt", None)
    # jieba.posseg's default tagger holds the tags of jieba's dictionary (350,000 words);
    # a tagger of the same dictionary takes them from there.
    if shared is not None and isinstance(getattr(shared, "word_tag_tab", None), dict) \
            and getattr(shared.tokenizer, "dictionary", None) == tokenizer.dictionary:
        tagger = object.__new__(jieba.posseg.POSTokenizer)
        tagger.tokenizer = tokenizer
        tagger.word_tag_tab = shared.word_tag_tab
        return tagger
    return jieba.posseg.POSTokenizer(tokenizer)


def _import_posseg_with_cached_tags() -> None:
    """Import ``jieba.posseg`` with its default tagger's tags read from the user cache (written on the first run).

    Importing jieba.posseg parses the tags of jieba's 350,000-word dictionary line by
    line (1 s); unmarshalled from bytes they take 0.35 s.  While it is imported,
    jieba's default tokenizer points at an empty dictionary, so that the import
    reads nothing; the tags are put in place right after, for every user of the module.
    """
    import marshal
    import tempfile

    import jieba

    cache = user_cache_dir() / f"jieba-{jieba.__version__}.tags"
    try:
        tags = marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        tags = None
    if not isinstance(tags, dict) or not tags or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        import jieba.posseg  # reads the tags itself

        with contextlib.suppress(OSError):
            with tempfile.NamedTemporaryFile(dir=cache.parent, prefix=".tags-", delete=False) as out:
                out.write(marshal.dumps(jieba.posseg.dt.word_tag_tab))
            os.replace(out.name, cache)
        return
    with tempfile.NamedTemporaryFile(prefix="corpus-align-empty-dict-") as empty:
        jieba.dt.dictionary = empty.name
        try:
            import jieba.posseg
        finally:
            jieba.dt.dictionary = jieba.DEFAULT_DICT
    jieba.posseg.dt.word_tag_tab = tags


# jieba keeps a run of Latin letters and digits ("2.726", "K") apart from the
# punctuation around it; jieba-rs keeps "2.726K" and "Pierre-Emerick" whole.
_NON_HAN_PIECE = re.compile(r"[a-zA-Z0-9]+(?:\.\d+)?%?|\s+|.", re.DOTALL)
_HAN = re.compile("[\u4e00-\u9fff]")  # jieba's own test for a Chinese word (its re_han_default), not text.patterns


@loaded_once
def zh_word_cut() -> Callable[[str], list[str]]:
    """Return the function that cuts Chinese text into words: jieba's dictionary and model.

    jieba-rs (the ``rjieba`` package) when it is installed: the same dictionary
    and algorithm as jieba, twelve times faster on a 40,000-sentence book. Its
    Latin and digit runs are split as jieba splits them, so both give the same
    Chinese words; pure-Python jieba is the fallback.

    >>> zh_word_cut()("王广成在重庆2.726K")
    ['王广成', '在', '重庆', '2.726', 'K']
    """
    try:
        from rjieba import Jieba
    except ImportError:  # no wheel for this platform: jieba gives the same words, slower
        return jieba_tokenizer().lcut
    cut = Jieba().cut

    def cut_like_jieba(text: str) -> list[str]:
        words: list[str] = []
        for word in cut(text):
            if len(word) == 1 or _HAN.search(word):
                words.append(word)
            else:
                words.extend(_NON_HAN_PIECE.findall(word))
        return words

    return cut_like_jieba


@functools.lru_cache(maxsize=4096)
def toneless_syllable(syllable: str) -> str:
    """A pinyin syllable as pypinyin's NORMAL style writes it: tone marks dropped, ü written v.

    >>> toneless_syllable("lǜ"), toneless_syllable("shān")
    ('lv', 'shan')
    """
    import unicodedata

    decomposed = unicodedata.normalize("NFD", syllable).replace("u\u0308", "v")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@loaded_once
def _pinyin_tables():
    try:
        from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    except ImportError:  # tables moved in a future pypinyin: use its own (slower) function
        return None

    chars = {code: toneless_syllable(readings.split(",")[0]) for code, readings in PINYIN_DICT.items()}
    # The first two characters of every phrase: where no phrase starts, no phrase is looked up.
    phrase_starts = frozenset(phrase[:2] for phrase in PHRASES_DICT if len(phrase) >= 2)
    return PHRASES_DICT, max(map(len, PHRASES_DICT)), chars, phrase_starts


def toneless_pinyin(text: str) -> list[str]:
    """``pypinyin.lazy_pinyin(text)``, an order of magnitude faster: one toneless syllable per Han character.

    pypinyin's own tables and its segmentation (the longest known phrase
    first, so a polyphone is read as in its word: 重庆 chong, 重要 zhong);
    a run of characters without a reading is kept as one item, as pypinyin
    keeps it. Identical to ``lazy_pinyin`` on the 21,000 distinct words of the
    development sets.

    >>> toneless_pinyin("重庆的绿色ABC")
    ['chong', 'qing', 'de', 'lv', 'se', 'ABC']
    """
    tables = _pinyin_tables()
    if tables is None:
        with LOADING:
            from pypinyin import lazy_pinyin

        return lazy_pinyin(text)
    phrases, longest, chars, phrase_starts = tables
    syllables: list[str] = []
    position, other = 0, ""
    while position < len(text):
        # Phrases of two characters or more, longest first; none when no phrase starts with the next two.
        ends = range(min(len(text), position + longest), position + 1, -1) if text[position : position + 2] in phrase_starts else ()
        for end in ends:
            phrase = phrases.get(text[position:end])
            if phrase is not None:
                if other:
                    syllables.append(other)
                    other = ""
                syllables += [toneless_syllable(readings[0]) for readings in phrase]
                position = end
                break
        else:
            syllable = chars.get(ord(text[position]))
            if syllable is None:
                other += text[position]
            else:
                if other:
                    syllables.append(other)
                    other = ""
                syllables.append(syllable)
            position += 1
    if other:
        syllables.append(other)
    return syllables


@functools.lru_cache(maxsize=8)
def opencc_converter(config: str):
    """Return a cached OpenCC converter for ``config`` (``t2s``, ``tw2s``, ``hk2s``, ``s2t`` ...).

    >>> opencc_converter("t2s").convert("關於")
    '关于'
    """
    with LOADING:
        import opencc

        return opencc.OpenCC(config)


def cached_pickle(name: str, build):
    """Load ``name`` from the user cache, or call ``build()`` and save its result there atomically.

    Used for data derived from dictionaries (CC-CEDICT) that takes seconds to
    build; the name should carry the package version and a format number so
    that an upgrade rebuilds it. A cache that cannot be read or written only
    costs speed.

    >>> cached_pickle("doctest-example-v1.pickle", lambda: {"a": 1})
    {'a': 1}
    """
    import pickle

    from .io.atomic import write_bytes_atomic

    path = user_cache_dir() / name
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    value = build()
    # Atomic: parallel workers building the cache at once never read half a file.
    with contextlib.suppress(OSError):
        write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
