"""The coarse path and the unsure stretches on real documents: long, repetitive, with a passage missing or unrelated."""

from __future__ import annotations

import numpy as np
import pytest

from corpus_align import align
from corpus_align.aligner import coarse
from corpus_align.aligner.engine import align_document
from corpus_align.aligner.evaluate import read_ladder, score
from corpus_align.aligner.features import extract_features
from corpus_align.qa import check_alignment

from ..conftest import bench_dir


def _load(folder: str, name: str):
    base = bench_dir(folder)
    zh = (base / "zh" / name).read_text("utf-8").splitlines()
    en = (base / "en" / name).read_text("utf-8").splitlines()
    return zh, en, read_ladder((base / "gold" / f"{name}.align").read_text("utf-8"))


def _concat(parts):
    zh, en, gold = [], [], []
    for z, e, g in parts:
        gold += [(tuple(i + len(zh) for i in a), tuple(j + len(en) for j in b)) for a, b in g]
        zh += z
        en += e
    return zh, en, gold


def _one_sided(beads) -> float:
    return sum(1 for b in beads if not b.zh or not b.en) / len(beads)


@pytest.fixture(scope="module")
def mac_chapters():
    return [_load("mac-dev", name) for name in ("001", "002", "003", "004", "005", "006")]


def test_coarse_path_follows_repeated_chapters(mac_chapters):
    # Six chapters three times over: every passage matches three places, only one of them in order.
    zh, en, gold = _concat(mac_chapters * 3)
    path = coarse.coarse_path(extract_features(zh, en))
    xs, ys = path.sentence_nodes()
    gold_x = np.array([b[0][0] for b in gold if b[0] and b[1]])
    gold_y = np.array([b[1][0] for b in gold if b[0] and b[1]])
    # Where the gold path is at each coarse node's Chinese position, in English sentences.
    expected = np.interp(xs, gold_x, gold_y)
    assert np.abs(ys - expected).max() < 3 * coarse.params.FINEST_BLOCK + 4


@pytest.mark.slow
def test_coarse_long_document_keeps_its_path(mac_chapters):
    # The failure this replaces: on the chapters joined several times over, a tracked position was
    # captured by a repeated passage and F1 fell to 0.004.  Here: 4,400 Chinese lines.
    zh, en, gold = _concat(mac_chapters * 3)
    beads = align_document(zh, en).beads
    result = score(gold, [(b.zh, b.en) for b in beads])
    assert result["strict_f1"] > 0.83
    assert _one_sided(beads) < 0.01


def test_coarse_removed_block_is_one_sided_and_reported():
    zh, en, gold = _load("newdomains-dev", "pydoc-tutorial")
    # Remove 200 English lines from the middle: their Chinese partners have no counterpart.
    cut = range(400, 600)
    en_kept = [line for j, line in enumerate(en) if j not in cut]
    result = align("\n".join(zh), "\n".join(en_kept), presegmented=True)
    one_sided_zh = {i for b in result.beads if not b.en for i in b.zh}
    # 0.85 before gaps were aligned again with unsupported lines paying the null cost; 0.995 since.
    assert len(one_sided_zh & set(cut)) >= 0.97 * len(cut)
    # Outside the block the alignment is unchanged: the gold pairs are found, shifted past the cut.
    shift = {j: j - (len(cut) if j >= cut.stop else 0) for j in range(len(en)) if j not in cut}
    outside = [(z, tuple(shift[j] for j in e)) for z, e in gold if not set(z) & set(cut)]
    found = {(b.zh, b.en) for b in result.beads}
    assert sum(1 for bead in outside if bead in found) >= 0.97 * len(outside)
    # ... and the result says where: one region, covering the block, in the warnings and the JSONL meta.
    assert len(result.unsure) == 1 and result.unsure[0].kind == "one-sided"
    region = result.unsure[0]
    rows = [row for row, bead in result.rows() if set(bead.zh) & set(cut) and not bead.en]
    assert region.first_row <= rows[10] and rows[-10] <= region.last_row
    assert any(f"rows {region.first_row}–{region.last_row}" in warning for warning in result.warnings)
    from corpus_align.io.records import metadata

    assert metadata(result)["unsure"][0]["first_row"] == region.first_row


def test_coarse_repeated_boilerplate_does_not_derail():
    zh, en, gold = _load("newdomains-dev", "long-ted-01")
    # Every fifth line a "Thank you." and every seventh a code name, the same hundreds of times on both sides.
    zh_out, en_out, gold_out = [], [], []
    for index, (z, e) in enumerate(gold):
        if index % 5 == 0:
            gold_out.append(((len(zh_out),), (len(en_out),)))
            zh_out.append("谢谢。")
            en_out.append("Thank you.")
        if index % 7 == 0:
            gold_out.append(((len(zh_out),), (len(en_out),)))
            zh_out.append("os.path.join")
            en_out.append("os.path.join")
        gold_out.append((tuple(len(zh_out) + k for k in range(len(z))), tuple(len(en_out) + k for k in range(len(e)))))
        zh_out += [zh[i] for i in z]
        en_out += [en[j] for j in e]
    beads = align_document(zh_out, en_out).beads
    assert score(gold_out, [(b.zh, b.en) for b in beads])["strict_f1"] > 0.97


def test_coarse_unrelated_stretch_is_weak_and_flagged():
    zh, en, _gold = _load("newdomains-dev", "news-wmt24-enzh")
    other_zh, other_en, _ = _load("newdomains-dev", "pydoc-faq")
    # Sixty English lines replaced by lines of another document.
    en = en[:300] + other_en[:60] + en[360:]
    result = align("\n".join(zh), "\n".join(en), presegmented=True)
    weak = [r for r in result.unsure if r.kind == "weak"]
    assert len(weak) == 1
    rows = range(weak[0].first_row, weak[0].last_row + 1)
    replaced = [row for row, bead in result.rows() if set(bead.en) & set(range(300, 360))]
    assert len(set(replaced) & set(rows)) >= 0.7 * len(replaced)
    assert any("unsure" in warning for warning in result.warnings)
    flagged = {f.row for f in check_alignment(result, select=["low-confidence"])}
    assert len(flagged & set(rows)) >= 0.7 * len(rows)


def test_coarse_complete_translations_have_no_unsure_regions_and_few_one_sided_beads():
    zh, en, _gold = _load("newdomains-dev", "news-wmt21-enzh")
    result = align_document(zh, en)
    assert result.unsure == ()
    assert _one_sided(result.beads) < 0.005


_PARENT_PID = [0]


def _analysis_that_dies_in_a_child(sentences, terms):
    import os

    from corpus_align.aligner.features import _zh_analysis_in_process

    if os.getpid() != _PARENT_PID[0]:
        os._exit(9)
    return _zh_analysis_in_process(sentences, terms)


def test_coarse_background_cut_survives_a_dead_child(monkeypatch):
    import os

    from corpus_align.aligner import features

    # A child killed by the kernel (for memory, say): the work is done here instead, and nothing hangs.
    _PARENT_PID[0] = os.getpid()
    monkeypatch.setattr(features, "PARALLEL_CUT_MIN", 1)
    monkeypatch.setattr(features, "_zh_analysis_in_process", features._zh_analysis, raising=False)
    monkeypatch.setattr(features, "_zh_analysis", _analysis_that_dies_in_a_child)
    monkeypatch.setattr(features, "_can_fork", lambda: True)
    background = features._BackgroundCut(["我去了重庆。", "他很高兴吗？"], [])
    assert background._future is not None  # the child was started (and will die)
    analysis = background.result()
    assert analysis.words[:4] == ["我", "去", "了", "重庆"] and analysis.word_counts.tolist() == [4, 4]
    assert analysis.anchor_keys == [[], ["?"]]


def test_coarse_missing_chapter_is_one_sided_and_the_rest_kept(mac_chapters):
    # Four chapters as one book, the third chapter's English missing.  Before gaps were realigned,
    # the DP glued 40 % of that chapter's Chinese to English lines drawn in from the chapters around it.
    zh, en, gold = _concat(mac_chapters[:4])
    z0 = sum(len(c[0]) for c in mac_chapters[:2])
    e0, e1 = sum(len(c[1]) for c in mac_chapters[:2]), sum(len(c[1]) for c in mac_chapters[:3])
    en_kept = en[:e0] + en[e1:]
    result = align_document(zh, en_kept)
    beads = result.beads
    assert [i for b in beads for i in b.zh] == list(range(len(zh)))
    assert [j for b in beads for j in b.en] == list(range(len(en_kept)))
    chapter = set(range(z0, z0 + len(mac_chapters[2][0])))
    one_sided = {i for b in beads if not b.en for i in b.zh}
    assert len(one_sided & chapter) >= 0.95 * len(chapter)
    # The other chapters keep their alignment (shifted past the cut).
    shift = e1 - e0
    outside = [(z, tuple(j - shift if j >= e1 else j for j in e)) for z, e in gold if not set(z) & chapter]
    found = {(b.zh, b.en) for b in beads}
    assert sum(1 for bead in outside if bead in found) >= 0.85 * len(outside)
    assert any(span.kind == "one-sided" for span in result.unsure)
