"""Bead scores: the parallel helper the cost tables are built with."""

from corpus_align.aligner.scores import in_parallel


def test_scores_in_parallel_keeps_the_order_of_results():
    assert in_parallel(*(lambda i=i: i * i for i in range(7))) == [i * i for i in range(7)]
    assert in_parallel() == [] and in_parallel(lambda: "one") == ["one"]
