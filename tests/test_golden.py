"""Golden-file tests: the sample's outputs in every format stay as reviewed.

After a reviewed change, regenerate them with:

    CORPUS_ALIGN_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus_align.io.findings import findings_to_jsonl
from corpus_align.io.jsonl import to_jsonl
from corpus_align.io.ladder import to_ladder
from corpus_align.io.tmx import to_tmx
from corpus_align.io.tsv import to_tsv
from corpus_align.qa import issues_by_row

GOLDEN = Path(__file__).parent / "golden"
RENDERERS = {
    "sample.tsv": lambda result, findings: to_tsv(result, issues=issues_by_row(findings)),
    "sample.simplified.tsv": lambda result, findings: to_tsv(result, text="simplified", issues=issues_by_row(findings)),
    "sample.jsonl": lambda result, findings: to_jsonl(result, issues=issues_by_row(findings)),
    "sample.ladder": lambda result, findings: to_ladder(result),
    "sample.tmx": lambda result, findings: to_tmx(result).text,
    "sample.findings.jsonl": lambda result, findings: findings_to_jsonl(findings),
}


@pytest.fixture(scope="module")
def sample_alignment(sample_alignment_and_findings):
    return sample_alignment_and_findings


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden_sample_outputs(sample_alignment, name):
    rendered = RENDERERS[name](*sample_alignment)
    path = GOLDEN / name
    if os.environ.get("CORPUS_ALIGN_UPDATE_GOLDEN"):
        path.write_text(rendered, "utf-8")
    assert rendered == path.read_text("utf-8")
