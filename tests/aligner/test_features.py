"""Evidence extraction: the same result however it runs (hash seed, forked children or not), and no child left behind."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys

import pytest

from corpus_align.aligner import features
from corpus_align.aligner.engine import align_document

from ..conftest import bench_dir, is_running, output_here_and_under_another_hash_seed


def _lines(side: str, count: int) -> list[str]:
    path = bench_dir("newdomains-dev") / side / "news-wmt24-enzh"
    return path.read_text("utf-8").splitlines()[:count]


_SCRIPT = """
import json, sys
from corpus_align.aligner.engine import align_document
from corpus_align.aligner.features import extract_features
zh, en = json.load(sys.stdin)
vocab = sorted(extract_features(zh, en).vocab.items())
beads = [[list(b.zh), list(b.en), round(b.score, 9)] for b in align_document(zh, en).beads]
print(json.dumps([vocab, beads]))
"""


def _mac_dev_joined() -> tuple[list[str], list[str]]:
    bench = bench_dir("mac-dev")
    zh, en = [], []
    for name in ("001", "002", "003", "004", "005", "006"):
        zh += (bench / "zh" / name).read_text("utf-8").splitlines()
        en += (bench / "en" / name).read_text("utf-8").splitlines()
    return zh, en


def test_features_alignment_does_not_depend_on_the_hash_seed():
    # Key ids feed the coarse path's hashed sketches; they used to follow set order, which the hash seed
    # changes (the six chapters joined, 1,463 lines: beads changed with the seed).
    here, there = output_here_and_under_another_hash_seed(_SCRIPT, stdin=json.dumps(_mac_dev_joined()))
    assert here == there


def test_features_forked_and_in_process_analysis_agree(monkeypatch):
    zh, en = _lines("zh", 600), _lines("en", 600)
    monkeypatch.setattr(features, "PARALLEL_CUT_MIN", 1)
    monkeypatch.setattr(features, "_can_fork", lambda: True)
    forked_vocab = features.extract_features(zh, en).vocab
    forked = [(b.zh, b.en, b.score) for b in align_document(zh, en).beads]
    monkeypatch.setattr(features, "_can_fork", lambda: False)
    assert features.extract_features(zh, en).vocab == forked_vocab  # sets unpickled in another order gave other ids
    here = [(b.zh, b.en, b.score) for b in align_document(zh, en).beads]
    assert forked == here


def test_features_an_error_leaves_no_child_running(monkeypatch):
    monkeypatch.setattr(features, "PARALLEL_CUT_MIN", 1)
    monkeypatch.setattr(features, "_can_fork", lambda: True)
    zh = _lines("zh", 600)
    en = _lines("en", 600)
    en[100] = None  # reading the English fails while the children cut the Chinese
    with pytest.raises(TypeError):
        features.extract_features(zh, en)
    assert multiprocessing.active_children() == []


def _rows(side):
    tokens = []
    for s in range(side.n_sentences):
        tokens.append([side.keys[side.key_ptr[t] : side.key_ptr[t + 1]].tolist() for t in range(side.tok_ptr[s], side.tok_ptr[s + 1])])
    sets = [side.set_keys[side.set_ptr[s] : side.set_ptr[s + 1]].tolist() for s in range(side.n_sentences)]
    return tokens, sets


def test_features_repeated_sentences_get_the_same_rows_and_sets_are_the_union_of_tokens():
    zh = ["我们去了重庆。", "他来了吗？", "我们去了重庆。", "2021年三个人走了。", "他来了吗？"]
    en = ["We went to Chongqing.", "Did he come?", "We went to Chongqing.", "Wang Guangcheng left in 2021.", "Did he come?"]
    found = features.extract_features(zh, en, glossary=[("重庆", "Chongqing")])
    for side, sentences in ((found.zh, zh), (found.en, en)):
        tokens, sets = _rows(side)
        assert tokens[0] == tokens[2] and tokens[1] == tokens[4] and sets[0] == sets[2]
        for s, row in enumerate(tokens):
            union = sorted({key for token in row for key in token})
            assert set(union) <= set(sets[s]) and sets[s] == sorted(set(sets[s]))
            assert all(token and len(token) == len(set(token)) for token in row)
        assert side.chars.tolist() == [len("".join(x.split())) for x in sentences]
    inverse = {i: k for k, i in found.vocab.items()}
    zh_tokens, _ = _rows(found.zh)
    assert {"#2021", "#3"} <= {inverse[k] for token in zh_tokens[3] for k in token}
    assert "gloss:0" in {inverse[k] for token in zh_tokens[0] for k in token}
    # The joined name counts in the English key set, not as a token of its own.
    en_tokens, en_sets = _rows(found.en)
    joined = found.vocab["wangguangcheng"]
    assert joined in en_sets[3] and all(joined not in token for token in en_tokens[3])
    # The words behind the tokens: one per word token, in order.
    assert found.zh.words[0] == ["我们", "去", "了", "重庆"] and found.en.words[1] == ["pronoun:3m", "come"]


def test_features_learnt_translations_match_a_fresh_extraction():
    zh, en = _lines("zh", 200), _lines("en", 200)
    plain = features.extract_features(zh, en)
    words = sorted({w for sentence in plain.zh.words for w in sentence})[:40]
    learned = {word: {"zzlearnt", f"zz{i}"} for i, word in enumerate(words)}
    added = features.add_translations(plain, learned)
    fresh = features.extract_features(zh, en, extra_translations=learned)
    name = {i: k for k, i in added.vocab.items()}
    fresh_name = {i: k for k, i in fresh.vocab.items()}
    added_rows, added_sets = _rows(added.zh)
    fresh_rows, fresh_sets = _rows(fresh.zh)
    as_keys = lambda rows, names: [[sorted(names[k] for k in token) for token in row] for row in rows]  # noqa: E731
    assert as_keys(added_rows, name) == as_keys(fresh_rows, fresh_name)
    assert [sorted(name[k] for k in s) for s in added_sets] == [sorted(fresh_name[k] for k in s) for s in fresh_sets]


_HANG_IN_THE_CHILD = """
import os, sys, time
from corpus_align.aligner import features

def hang(sentences, terms):
    print(os.getpid(), flush=True)
    time.sleep(300)

features._zh_analysis = hang
cut = features._BackgroundCut(["他去了北京。"] * features.PARALLEL_CUT_MIN, [])
time.sleep(300)
"""


def test_features_background_cut_ends_when_its_parent_is_killed():
    import signal
    import time

    parent = subprocess.Popen([sys.executable, "-c", _HANG_IN_THE_CHILD], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert is_running(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while is_running(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not is_running(child), "the feature child outlived the aligner"
    finally:
        parent.kill()


def test_features_personal_pronouns_are_evidence_on_both_sides():
    found = features.extract_features(["她们看着他。"], ["They looked at him."])
    zh_keys, en_keys = (set(side.keys.tolist()) for side in (found.zh, found.en))
    vocab = found.vocab
    assert {vocab["pronoun:3p"], vocab["pronoun:3m"]} <= zh_keys & en_keys
    # Person and gender are kept apart: 她 is not "he".
    other = features.extract_features(["她来了。"], ["He came."])
    assert not {k for k in other.vocab if k.startswith("pronoun:")} - {"pronoun:3f", "pronoun:3m"}
    assert not set(other.zh.keys.tolist()) & {other.vocab["pronoun:3m"]}


def test_features_a_contraction_counts_as_its_pronoun():
    found = features.extract_features(["我们会来的。"], ["We'll come."])
    assert found.vocab["pronoun:1p"] in set(found.zh.keys.tolist()) & set(found.en.keys.tolist())


def test_features_a_pronoun_in_capitals_is_an_acronym():
    found = features.extract_features(["美国来了。"], ["The US came."])
    assert "pronoun:1p" not in found.vocab
