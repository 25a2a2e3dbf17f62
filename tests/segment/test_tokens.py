from __future__ import annotations

from pathlib import Path

from corpus_align import pos_tag_zh, tokenize_en, tokenize_zh
from corpus_align._lazy import jieba_tokenizer, user_cache_dir


def test_tokens_zh_words():
    assert tokenize_zh("市对外友协副会长王广成率队赴四川省调研") == [
        "市", "对外友协", "副会长", "王广成", "率队", "赴", "四川省", "调研",
    ]


def test_tokens_zh_pos_tags_mark_names_and_places():
    tags = dict(pos_tag_zh("王广成去重庆"))
    assert tags["王广成"] == "nr" and tags["重庆"] == "ns"


def test_tokens_en_words_numbers_punctuation():
    assert tokenize_en("People's 3.5 million, in 2021.") == ["People's", "3.5", "million", ",", "in", "2021", "."]


def test_tokens_jieba_cache_lives_in_user_cache_dir():
    tokenizer = jieba_tokenizer()
    cache = Path(tokenizer.tmp_dir) / tokenizer.cache_file
    assert Path(tokenizer.tmp_dir) == user_cache_dir()
    assert cache.is_file()
    assert not str(cache).startswith("/tmp/jieba")
