from corpus_align.aligner.evaluate import pool, read_ladder, score
from corpus_align.io.ladder import to_ladder as format_ladder


def test_evaluate_read_ladder_parses_empty_sides_and_scores():
    assert read_ladder("[0,1]:[0]\n[]:[1] 0.5\n\n[2]:[]") == [((0, 1), (0,)), ((), (1,)), ((2,), ())]


def test_evaluate_format_roundtrip():
    beads = [((0, 1), (0,)), ((), (1,)), ((2,), (2, 3))]
    assert read_ladder(format_ladder(beads)) == beads


def test_evaluate_perfect_alignment_scores_one():
    gold = read_ladder("[0]:[0]\n[1,2]:[1]\n[]:[2]\n[3]:[3,4]")
    s = score(gold, gold)
    assert s["strict_p"] == s["strict_r"] == s["lax_r"] == 1.0  # a null bead never matches laxly


def test_evaluate_strict_and_lax_counts_on_hand_made_ladders():
    gold = read_ladder("[0]:[0]\n[1]:[1,2]\n[2]:[3]")
    test = read_ladder("[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]")
    s = score(gold, test)
    assert (s["strict_tp_p"], s["n_test"]) == (2, 4)
    assert (s["strict_tp_r"], s["n_gold"]) == (2, 3)
    assert s["lax_tp_p"] == 3  # [1]:[1] overlaps the gold [1]:[1,2]; the null bead does not
    assert s["lax_tp_r"] == 3


def test_evaluate_recall_ignores_gold_null_beads():
    gold = read_ladder("[0]:[0]\n[1]:[]")
    s = score(gold, read_ladder("[0,1]:[0]"))
    assert s["n_gold"] == 1 and s["strict_r"] == 0.0 and s["lax_r"] == 1.0


def test_evaluate_pool_sums_counts():
    a = score(read_ladder("[0]:[0]"), read_ladder("[0]:[0]"))
    b = score(read_ladder("[0]:[0]\n[1]:[1]"), read_ladder("[0,1]:[0,1]"))
    pooled = pool([a, b])
    assert pooled["n_test"] == 2 and pooled["strict_tp_p"] == 1
    assert abs(pooled["strict_r"] - 1 / 3) < 1e-9


def test_evaluate_identical_null_bead_counts_strict_and_lax():
    gold = [((0,), ()), ((1,), (0,))]
    result = score(gold, [((0,), ()), ((1,), (0,))])
    assert result["strict_p"] == 1.0 and result["lax_p"] == 1.0
