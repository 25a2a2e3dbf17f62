"""Golden-file tests: the sample's outputs in every format stay as reviewed.

After a reviewed change, regenerate them with:

    CORPUS_ALIGN_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus_align import align_files
from corpus_align.io.jsonl import to_jsonl
from corpus_align.io.ladder import to_ladder
from corpus_align.io.tsv import to_tsv
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
SAMPLE = "data/samples/000_389ae536b82fb46d.txt"
RENDERERS = {
    "sample.tsv": lambda result: to_tsv(result),
    "sample.simplified.tsv": lambda result: to_tsv(result, zh_script="simplified"),
    "sample.jsonl": lambda result: to_jsonl(result),
    "sample.ladder": lambda result: to_ladder(result),
}


@pytest.fixture(scope="module")
def sample_alignment():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return align_files(SAMPLE)
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden_sample_outputs(sample_alignment, name):
    rendered = RENDERERS[name](sample_alignment)
    path = GOLDEN / name
    if os.environ.get("CORPUS_ALIGN_UPDATE_GOLDEN"):
        path.write_text(rendered, "utf-8")
    assert rendered == path.read_text("utf-8")
