"""The shared accessors of heavy libraries: jieba-rs cuts as jieba does, the fast pinyin reads as pypinyin does."""

from __future__ import annotations

import builtins
import re

import pytest
from pypinyin import lazy_pinyin

from corpus_align import _lazy
from corpus_align._runtime import cyclic_gc_paused

from .conftest import bench_dir

_HAN = re.compile("[\u4e00-\u9fff]")


def _dev_chinese(limit: int) -> list[str]:
    lines: list[str] = []
    for folder in ("mac-dev", "newdomains-dev"):
        for path in sorted((bench_dir(folder) / "zh").iterdir()):
            lines += path.read_text("utf-8").splitlines()[:150]
    return lines[:limit]


def test_lazy_zh_word_cut_gives_jieba_s_chinese_words():
    jieba_cut = _lazy.jieba_tokenizer().lcut
    cut = _lazy.zh_word_cut()
    for line in _dev_chinese(3000):
        ours, theirs = cut(line), jieba_cut(line)
        assert "".join(ours) == line  # nothing lost or added
        # The Chinese words are the same; only runs of punctuation ("......") may be cut differently.
        assert [w for w in ours if _HAN.search(w)] == [w for w in theirs if _HAN.search(w)]


def test_lazy_zh_word_cut_splits_latin_and_digits_as_jieba_does():
    assert _lazy.zh_word_cut()("温度为2.726K，Pierre-Emerick进球") == ["温度", "为", "2.726", "K", "，", "Pierre", "-", "Emerick", "进球"]


def test_lazy_zh_word_cut_falls_back_to_jieba_without_rjieba(monkeypatch):
    real_import = builtins.__import__

    def no_rjieba(name, *args, **kwargs):
        if name == "rjieba":
            raise ImportError("no wheel for this platform")
        return real_import(name, *args, **kwargs)

    _lazy.zh_word_cut.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_rjieba)
    try:
        assert _lazy.zh_word_cut()("王广成在重庆") == ["王广成", "在", "重庆"]
    finally:
        monkeypatch.undo()
        _lazy.zh_word_cut.cache_clear()


@pytest.mark.parametrize("text", ["重庆", "重要", "绿色的旅行", "女人和侄女", "abc中文 def", "２０２１年", "嗯", "關於重慶", ""])
def test_lazy_toneless_pinyin_is_pypinyin_s_reading(text):
    assert _lazy.toneless_pinyin(text) == lazy_pinyin(text)


def test_lazy_toneless_pinyin_matches_pypinyin_on_the_dev_sets():
    lines = _dev_chinese(2000)
    assert [_lazy.toneless_pinyin(line) for line in lines] == [lazy_pinyin(line) for line in lines]


def test_runtime_cyclic_gc_paused_restores_the_collector_even_on_error():
    import gc

    assert gc.isenabled()
    with pytest.raises(ValueError), cyclic_gc_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_lazy_posseg_shares_the_tags_jieba_posseg_has_read_and_tags_alike():
    import jieba.posseg

    from corpus_align._lazy import jieba_posseg, jieba_tokenizer

    tagger = jieba_posseg()
    assert tagger.word_tag_tab is jieba.posseg.dt.word_tag_tab  # read once per process, not twice
    fresh = jieba.posseg.POSTokenizer(jieba_tokenizer())
    text = "市對外友協副會長王廣成率隊赴四川省對外友協調研，與秘书长向琼花举行座谈。"
    assert [(w.word, w.flag) for w in tagger.cut(text)] == [(w.word, w.flag) for w in fresh.cut(text)]


def test_lazy_jieba_prefix_dictionary_read_from_the_cache_at_once_or_rebuilt(tmp_path):
    import marshal

    import jieba

    warm = _lazy.jieba_tokenizer()
    cache = tmp_path / "jieba.cache"
    cache.write_bytes(marshal.dumps((warm.FREQ, warm.total)))
    tokenizer = jieba.Tokenizer()
    assert _lazy._load_prefix_dict(tokenizer, cache)
    assert tokenizer.initialized and tokenizer.lcut("王广成去了重庆") == warm.lcut("王广成去了重庆")
    # A damaged or foreign cache is no cache: jieba builds the dictionary again.
    for damaged in (b"", b"\x00garbage", marshal.dumps(({}, 0)), marshal.dumps([1, 2])):
        cache.write_bytes(damaged)
        assert not _lazy._load_prefix_dict(jieba.Tokenizer(), cache)
    assert not _lazy._load_prefix_dict(jieba.Tokenizer(), tmp_path / "missing.cache")


def test_lazy_pkg_resources_is_hidden_only_while_jieba_is_imported():
    import sys

    before = sys.modules.get("pkg_resources", "absent")
    with _lazy._pkg_resources_hidden():
        if before == "absent":
            with pytest.raises(ImportError):
                import pkg_resources  # noqa: F401
    assert sys.modules.get("pkg_resources", "absent") == before


def test_lazy_posseg_tags_come_from_the_cache_after_the_first_import(tmp_path, monkeypatch):
    import sys

    import jieba
    import jieba.posseg

    tags = jieba.posseg.dt.word_tag_tab
    monkeypatch.setattr(jieba, "posseg", jieba.posseg)  # the package attribute too is put back afterwards
    monkeypatch.setenv("CORPUS_ALIGN_CACHE_DIR", str(tmp_path))
    for name in [m for m in sys.modules if m.startswith("jieba.posseg")]:
        monkeypatch.delitem(sys.modules, name)  # restored after the test
    _lazy._import_posseg_with_cached_tags()  # no cache yet: jieba reads its tags and we keep them
    assert list(tmp_path.glob("jieba-*.tags"))
    for name in [m for m in sys.modules if m.startswith("jieba.posseg")]:
        del sys.modules[name]
    _lazy._import_posseg_with_cached_tags()  # from the cache: the import itself reads an empty dictionary
    import jieba.posseg as again

    assert again.dt.word_tag_tab == tags
    assert jieba.dt.dictionary == jieba.DEFAULT_DICT
    assert [tuple(p) for p in again.lcut("王广成去了重庆")] == [("王广成", "nr"), ("去", "v"), ("了", "ul"), ("重庆", "ns")]


def test_lazy_a_loader_builds_once_though_threads_ask_at_once():
    # Two threads of a Dask worker imported nltk at once and one raised _DeadlockError (stop 42): each heavy module is
    # loaded once, under one lock, however many threads ask for it.
    import threading
    import time

    calls = []

    def build():
        calls.append(threading.get_ident())
        time.sleep(0.05)
        return len(calls)

    load = _lazy.loaded_once(build)
    start = threading.Barrier(8)
    results = []

    def ask():
        start.wait()
        results.append(load())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == calls[:1] and results == [1] * 8
    load.cache_clear()
    assert load() == 2


def test_lazy_the_loaders_of_nltk_and_jieba_hold_the_lock():
    from corpus_align.segment.en import punkt_tokenizer
    from corpus_align.text.lexicon import porter_stemmer

    for loader in (porter_stemmer, punkt_tokenizer, _lazy.jieba_tokenizer, _lazy.jieba_posseg, _lazy.zh_word_cut):
        assert loader.__wrapped__ is not None and hasattr(loader, "cache_clear")
        assert "lru_cache" not in type(loader).__name__
