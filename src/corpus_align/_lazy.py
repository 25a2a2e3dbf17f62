"""Lazy access to heavy third-party modules.

jieba, OpenCC and nltk each cost tens to hundreds of milliseconds to import or
initialise, so nothing imports them at module level; callers go through these
accessors, which also configure them the way corpus-align needs.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path


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


@functools.lru_cache(maxsize=1)
def jieba_tokenizer():
    """Return an initialised ``jieba.Tokenizer`` whose dictionary cache lives in the user cache.

    jieba's default cache is a file in the system temp directory; keeping it in
    the user cache directory means it survives reboots and is not shared with
    other users.

    >>> jieba_tokenizer().lcut("重庆")
    ['重庆']
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(user_cache_dir())
    tokenizer.cache_file = "jieba.cache"
    tokenizer.initialize()
    return tokenizer


@functools.lru_cache(maxsize=1)
def jieba_posseg():
    """Return a ``jieba.posseg.POSTokenizer`` sharing :func:`jieba_tokenizer`'s dictionary.

    >>> [(w.word, w.flag) for w in jieba_posseg().cut("王广成")][0][1]
    'nr'
    """
    import jieba.posseg

    return jieba.posseg.POSTokenizer(jieba_tokenizer())


@functools.lru_cache(maxsize=8)
def opencc_converter(config: str):
    """Return a cached OpenCC converter for ``config`` (``t2s``, ``tw2s``, ``hk2s``, ``s2t`` ...).

    >>> opencc_converter("t2s").convert("關於")
    '关于'
    """
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
    try:
        # Atomic: parallel workers building the cache at once never read half a file.
        write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return value
