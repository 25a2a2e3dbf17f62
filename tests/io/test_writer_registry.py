"""The output-format registry: every format renders, and the CLI and batch offer exactly the registered ones."""

from __future__ import annotations

import pytest

from corpus_align.batch import ALWAYS_WRITTEN, extra_formats
from corpus_align.cli.align import AlignFormat
from corpus_align.errors import UsageError
from corpus_align.io.writers import WRITERS, render, writer


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_writer_registry_every_format_renders_the_sample(name, sample_alignment_and_findings):
    alignment, findings = sample_alignment_and_findings
    rendered = render(name, alignment, findings)
    assert isinstance(rendered.content, bytes) is WRITERS[name].binary
    assert rendered.as_bytes()


def test_writer_registry_cli_and_batch_offer_the_registered_formats():
    assert [f.value for f in AlignFormat] == list(WRITERS)
    assert set(ALWAYS_WRITTEN) | set(extra_formats()) == set(WRITERS)
    assert len({w.suffix for w in WRITERS.values()}) == len(WRITERS)


def test_writer_registry_unknown_format_lists_the_choices():
    with pytest.raises(UsageError, match="unknown output format 'docx'; choose one of findings, html, jsonl"):
        writer("docx")


def test_writer_registry_tmx_warns_about_characters_xml_forbids():
    from corpus_align import align

    rendered = render("tmx", align("你好\x0b。", "Hello\x0c."))
    assert rendered.warnings and all("which XML forbids" in w for w in rendered.warnings)
