from __future__ import annotations

import json

import pytest

from corpus_align.batch import BatchSettings, discover, run_batch
from corpus_align.errors import UsageError
from tests.conftest import run_cli

RUN_DEPENDENT = {"seconds", "skipped"}


def _outputs(folder):
    """Every document output, and the summary without timings and skip flags (which differ between runs)."""
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".corpus-align" not in p.parts and p.name not in {"summary.json", "summary.tsv", "index.html"}
    }
    documents = json.loads((folder / "summary.json").read_text("utf-8"))["documents"]
    files["summary"] = [{k: v for k, v in d.items() if k not in RUN_DEPENDENT} for d in documents]
    return files


def test_batch_discover_every_layout(release):
    found = discover(release)
    assert [(p.name, p.en is not None) for p in found.pairs] == [
        ("b", True), ("book/c", True), ("broken", False), ("news/a", True), ("sample", False),
    ]
    assert sorted(p.relative_to(release).as_posix() for p in found.unpaired) == [
        "book/zh/lonely.txt", "notes.docx", "orphan.zh.txt",
    ]


def test_batch_discover_with_a_pattern(tmp_path):
    (tmp_path / "x_cn.txt").write_text("你好。", "utf-8")
    (tmp_path / "x_en.txt").write_text("Hello.", "utf-8")
    found = discover(tmp_path, pattern="*_cn.txt:*_en.txt")
    assert [(p.name, p.zh.name, p.en.name) for p in found.pairs] == [("x", "x_cn.txt", "x_en.txt")]
    with pytest.raises(UsageError, match="ZH_TEMPLATE:EN_TEMPLATE"):
        discover(tmp_path, pattern="nonsense")


def test_batch_writes_reports_summaries_and_reports_failures(release, tmp_path):
    out = tmp_path / "out"
    report = run_batch(release, out, workers=1)
    for name in ("b", "book/c", "news/a", "sample"):
        for suffix in (".tsv", ".findings.jsonl", ".html"):
            assert (out / f"{name}{suffix}").is_file(), name + suffix
    assert report.processed == 4 and report.failed == 1
    summary = json.loads((out / "summary.json").read_text("utf-8"))["documents"]
    by_name = {d["name"]: d for d in summary}
    assert by_name["broken"]["status"] == "failed" and "looks binary" in by_name["broken"]["error"]
    assert by_name["sample"]["zh_sentences"] == 3 and by_name["sample"]["en_sentences"] == 4
    assert by_name["orphan.zh.txt"]["status"] == "unpaired"
    assert by_name["book/c"]["bead_types"] == {"1-1": 4}
    assert set(by_name["sample"]["codes"]) >= {"encoding-artifact"}
    rows = (out / "summary.tsv").read_text("utf-8").splitlines()
    assert rows[0].startswith("name\tstatus") and len(rows) == 1 + len(summary)
    index = (out / "index.html").read_text("utf-8")
    assert 'href="news/a.html"' in index and "broken" in index
    assert not list(out.rglob("*.tmp"))


def test_batch_rerun_skips_unchanged_and_redoes_changed(release, tmp_path):
    out = tmp_path / "out"
    run_batch(release, out, workers=1)
    first = _outputs(out)
    again = run_batch(release, out, workers=1)
    assert again.processed == 0 and again.skipped == 4 and again.failed == 1
    assert _outputs(out) == first
    (release / "b.en.txt").write_text("They signed it on March 12, 2021. The meeting was in Sichuan.", "utf-8")
    changed = run_batch(release, out, workers=1)
    assert changed.processed == 1 and changed.skipped == 3
    settings_changed = run_batch(release, out, workers=1, settings=BatchSettings(formats=("tmx",)))
    assert settings_changed.processed == 4 and (out / "sample.tmx").is_file()
    forced = run_batch(release, out, workers=1, settings=BatchSettings(formats=("tmx",)), force=True)
    assert forced.processed == 4 and forced.skipped == 0


def test_batch_interrupted_run_leaves_no_partial_files_and_resumes(release, tmp_path):
    out = tmp_path / "out"

    def stop_after_two(status, record, done, total):
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(release, out, workers=1, progress=stop_after_two)
    assert not list(out.rglob("*.tmp")) and not (out / "summary.tsv").exists()
    resumed = run_batch(release, out, workers=1)
    assert resumed.skipped == 2 and resumed.processed == 2
    reference = tmp_path / "reference"
    run_batch(release, reference, workers=1)
    assert _outputs(out) == _outputs(reference)


def test_batch_two_workers_give_the_same_outputs(release, tmp_path):
    run_batch(release, tmp_path / "one", workers=1)
    run_batch(release, tmp_path / "two", workers=2)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


def test_batch_cli_exit_code_and_plain_log_lines(release, tmp_path):
    result = run_cli("batch", str(release), "-o", str(tmp_path / "out"), "--workers", "1", "--format", "tmx,xlsx")
    err = result.stderr.decode()
    assert result.returncode == 1  # broken.txt failed
    assert "[1/5]" in err and "broken: failed" in err and "orphan.zh.txt: no partner file found" in err
    assert "4 aligned, 0 unchanged, 1 failed, 3 unpaired" in err
    assert (tmp_path / "out" / "sample.xlsx").is_file() and (tmp_path / "out" / "sample.tmx").is_file()
