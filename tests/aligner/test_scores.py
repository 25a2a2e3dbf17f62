"""Bead scores: the parallel helper the cost tables are built with, the local unit of sentence weight."""

import numpy as np

from corpus_align.aligner.scores import in_parallel, mean_sentence_weight


def test_scores_in_parallel_keeps_the_order_of_results():
    assert in_parallel(*(lambda i=i: i * i for i in range(7))) == [i * i for i in range(7)]
    assert in_parallel() == [] and in_parallel(lambda: "one") == ["one"]


def test_scores_mean_sentence_weight_is_local_in_a_long_side_and_global_in_a_short_one():
    mass = np.concatenate([np.full(3000, 2.0), np.full(3000, 8.0)])
    local = mean_sentence_weight(mass, window=1024)
    assert local[:1000].tolist() == [2.0] * 1000 and local[-1000:].tolist() == [8.0] * 1000
    assert np.all(np.diff(local) >= 0)
    assert mean_sentence_weight(mass[:900], window=1024).tolist() == [2.0] * 900
