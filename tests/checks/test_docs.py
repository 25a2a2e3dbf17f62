"""docs/checks.md documents every registered check code with every field."""

from __future__ import annotations

import re

import pytest

from corpus_align.checks import CHECKS
from tests.conftest import ROOT

FIELDS = ("**What**", "**Why**", "**Example**", "**How to silence**", "**Known false positives**")


def _sections() -> dict[str, str]:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {p.split("\n", 1)[0].strip(): p for p in parts}


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_docs_section_for_every_code(code):
    sections = _sections()
    assert code in sections, f"docs/checks.md has no '## {code}' section"
    for field in FIELDS:
        assert field in sections[code], f"section {code} lacks {field}"
    assert CHECKS[code].severity in sections[code]


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_docs_registry_fields_filled(code):
    spec = CHECKS[code]
    for name, value in spec.doc_fields().items():
        assert value.strip(), f"{code}: empty {name}"
    zh, en = spec.example
    assert re.search(r"[\u4e00-\u9fff]", zh) and re.search(r"[A-Za-z]", en), f"{code}: example is not a zh–en pair"
