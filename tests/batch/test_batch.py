from __future__ import annotations

import json

import pytest

from corpus_align.batch import BatchInterrupted, BatchSettings, discover, run_batch
from corpus_align.errors import UsageError
from tests.batch.conftest import EN, ZH, store_content, two_file_release
from tests.conftest import run_cli

RUN_DEPENDENT = {"seconds"}


def _outputs(folder):
    """Every document output, and the summary without timings, a document unchanged since an earlier run as done;
    the release store's rows without their ids and times (its bytes depend on the order the rows came in)."""
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".corpus-align" not in p.parts
        and p.name not in {"summary.json", "summary.tsv", "index.html", "release.sqlite"}
    }
    files["release.sqlite"] = store_content(folder)
    documents = json.loads((folder / "summary.json").read_text("utf-8"))["documents"]
    files["summary"] = [
        {k: ("done" if v == "unchanged" and k == "status" else v) for k, v in d.items() if k not in RUN_DEPENDENT}
        for d in documents
    ]
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
    assert report.done == 4 and report.failed == 1
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
    assert again.done == 0 and again.unchanged == 4 and again.failed == 1
    assert _outputs(out) == first
    (release / "b.en.txt").write_text("They signed it on March 12, 2021. The meeting was in Sichuan.", "utf-8")
    changed = run_batch(release, out, workers=1)
    assert changed.done == 1 and changed.unchanged == 3
    settings_changed = run_batch(release, out, workers=1, settings=BatchSettings(formats=("tmx",)))
    assert settings_changed.done == 4 and (out / "sample.tmx").is_file()
    forced = run_batch(release, out, workers=1, settings=BatchSettings(formats=("tmx",)), force=True)
    assert forced.done == 4 and forced.unchanged == 0


def test_batch_interrupted_run_leaves_no_partial_files_writes_what_finished_and_resumes(release, tmp_path):
    out = tmp_path / "out"

    def stop_after_two(status, record, finished, total):
        if finished == 2:
            raise KeyboardInterrupt

    with pytest.raises(BatchInterrupted) as stopped:
        run_batch(release, out, workers=1, progress=stop_after_two)
    assert str(stopped.value).startswith("interrupted after 2 of 5 documents")
    assert not list(out.rglob("*.tmp"))
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["interrupted"] is True and summary["totals"]["not_finished"] == 3
    assert [d["name"] for d in summary["documents"] if d["status"] in {"done", "failed"}] == ["b", "book/c"]
    assert "interrupted after 2 of 5 documents" in (out / "index.html").read_text("utf-8")
    resumed = run_batch(release, out, workers=1)
    assert resumed.unchanged == 2 and resumed.done == 2
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
    assert "4 done, 0 unchanged, 1 failed, 3 unpaired" in err
    assert (tmp_path / "out" / "sample.xlsx").is_file() and (tmp_path / "out" / "sample.tmx").is_file()


@pytest.mark.parametrize(
    ("zh", "en", "problem"),
    [
        ("", EN[0], "a.zh.txt: no Chinese text (the file is empty)"),
        (ZH[0], "\u3000 \n\n", "a.en.txt: no English text (the file holds only white space)"),
        ("", "", "a.zh.txt: no Chinese text (the file is empty); a.en.txt: no English text (the file is empty)"),
    ],
    ids=["empty-chinese", "blank-english", "both-empty"],
)
def test_batch_document_with_an_empty_side_fails_in_every_output(tmp_path, serial_batch, zh, en, problem):
    release = two_file_release(tmp_path / "release", {"a": (zh, en), "b": (ZH[0], EN[0])})
    out = tmp_path / "out"
    report = run_batch(release, out)
    assert (report.done, report.failed) == (1, 1)
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["documents"][0] == dict(summary["documents"][0], name="a", status="failed", error=problem)
    assert summary["totals"]["failed"] == 1
    assert (out / "summary.tsv").read_text("utf-8").splitlines()[1].startswith("a\tfailed\t")
    assert 'data-count="failed">1<' in (out / "index.html").read_text("utf-8")
    assert not (out / "a.tsv").exists()


def test_batch_summary_json_has_totals_version_and_settings(tmp_path, serial_batch):
    from corpus_align import __version__

    release = two_file_release(tmp_path / "release", {"a": (ZH[0], EN[0]), "b": ("".join(ZH[2:]), " ".join(EN[2:]))})
    (release / "c.zh.txt").write_text("", "utf-8")
    (release / "c.en.txt").write_text(EN[1], "utf-8")
    (release / "orphan.zh.txt").write_text(ZH[1], "utf-8")
    settings = BatchSettings(formats=("ladder",), max_merge=3, realign=False)
    run_batch(release, tmp_path / "out", settings=settings)
    run_batch(release, tmp_path / "out", settings=settings)  # again: a and b unchanged, c failed again
    summary = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert summary["version"] == __version__ and summary["interrupted"] is False
    assert summary["settings"] == dict(settings.as_json(), formats=["ladder"], max_merge=3, realign=False)
    assert summary["totals"] == {
        "documents": 3, "done": 0, "unchanged": 2, "failed": 1, "not_finished": 0, "unpaired": 1, "not_read": 0,
        "sentences": {"zh": 3, "en": 3}, "findings": summary["totals"]["findings"],
    }
    assert set(summary["totals"]["findings"]) == {"error", "warning", "info"}
    assert [d["status"] for d in summary["documents"]] == ["unchanged", "unchanged", "failed", "unpaired"]


@pytest.mark.parametrize("old_word", ["ok", "skipped"])
def test_batch_state_of_an_earlier_version_saying_ok_still_resumes(tmp_path, serial_batch, old_word):
    from corpus_align.batch import STATE_DIR, STATE_FILE

    release = two_file_release(tmp_path / "release", {"a": (ZH[0], EN[0]), "b": (ZH[1], EN[1])})
    out = tmp_path / "out"
    run_batch(release, out)
    state = out / STATE_DIR / STATE_FILE
    state.write_text(state.read_text("utf-8").replace('"status":"done"', f'"status":"{old_word}"'), "utf-8")
    again = run_batch(release, out)
    assert (again.done, again.unchanged, again.warnings) == (0, 2, [])
    assert [d["status"] for d in json.loads((out / "summary.json").read_text("utf-8"))["documents"]] == ["unchanged"] * 2


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, "it holds no file"),
        ({"a.zh.txt": ZH[0], "en/b.txt": EN[0], "notes.docx": "x"}, "3 files are there, none paired (a.zh.txt: no partner"),
    ],
    ids=["empty-folder", "nothing-pairs"],
)
def test_batch_release_without_documents_is_an_input_error_before_any_output(tmp_path, files, expected):
    from corpus_align.errors import InputError

    release = tmp_path / "release"
    release.mkdir()
    (release / "zh").mkdir()  # en/b.txt then waits for a zh/b.txt
    for name, text in files.items():
        (release / name).parent.mkdir(exist_ok=True)
        (release / name).write_text(text, "utf-8")
    with pytest.raises(InputError) as raised:
        run_batch(release, tmp_path / "out", pattern="*_cn.txt:*_en.txt")
    message = str(raised.value)
    assert "NAME.zh.txt + NAME.en.txt, zh/NAME.txt + en/NAME.txt, bilingual NAME.txt files" in message
    assert "--pattern '*_cn.txt:*_en.txt'" in message and expected in message
    assert not (tmp_path / "out").exists()


def test_batch_settings_pass_every_pipeline_setting_on():
    # The pipeline decides what each setting means, for align and batch alike; batch must not drop one on the way.
    from dataclasses import fields

    from corpus_align.pipeline import PipelineSettings

    changed = {"presegmented": True, "opencc": "none", "max_merge": 2, "realign": False, "by_paragraph": False,
               "checks": False, "select": ("typo",), "ignore": ("omission",), "min_confidence": 0.5,
               "baseline": (("0123456789abcdef", "a reason"),)}
    assert {f.name for f in fields(PipelineSettings)} == {*changed, "glossary"}
    pipeline = BatchSettings(**changed).pipeline()  # type: ignore[arg-type]
    assert {name: getattr(pipeline, name) for name in changed} == changed
