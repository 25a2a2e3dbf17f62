"""The one pipeline: texts → segmented documents → alignment → findings, as align, batch and the API run it."""

from __future__ import annotations

import pytest

from corpus_align import InputError, SourceText, UsageError
from corpus_align.pipeline import PipelineSettings, read_sources, run_pipeline
from tests.conftest import SAMPLE


def test_pipeline_gives_the_api_s_alignment_and_findings():
    from corpus_align import align_files
    from corpus_align.qa import check_alignment

    result = run_pipeline(*read_sources(SAMPLE))
    alignment = align_files(SAMPLE)
    assert result.alignment.beads == alignment.beads
    assert list(result.findings) == check_alignment(alignment)


def test_pipeline_checks_off_gives_no_findings():
    result = run_pipeline(SourceText("a", "他二十一岁。\nHe is twenty-two.", "utf-8"), settings=PipelineSettings(checks=False))
    assert result.findings == () and len(result.alignment.beads) == 1


def test_pipeline_unknown_check_code_fails_before_the_work(monkeypatch):
    def started(*args, **kwargs):
        raise AssertionError("aligned although a check code was unknown")

    monkeypatch.setattr("corpus_align.alignment.align_documents", started)
    with pytest.raises(UsageError, match="typo-x"):
        run_pipeline(SourceText("a", "你好。\nHello.", "utf-8"), settings=PipelineSettings(select=("typo-x",)))


def test_pipeline_bilingual_text_with_one_language_names_the_file():
    with pytest.raises(InputError, match="only.txt: holds only Chinese text; give the English file too"):
        run_pipeline(SourceText("only.txt", "只有中文。", "utf-8"))
