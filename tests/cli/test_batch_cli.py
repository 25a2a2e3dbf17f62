"""The ``batch`` command: no silent failure, one vocabulary, Ctrl-C, --quiet/--verbose, and parity with ``align``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.batch.conftest import EN, ZH, two_file_release
from tests.conftest import run_cli


def test_batch_cli_empty_chinese_file_fails_the_document_and_the_run(tmp_path, serial_batch):
    # The example: this reported "ok" and exited 0.
    release = tmp_path / "rel"
    release.mkdir()
    (release / "a.zh.txt").write_bytes(b"")
    (release / "a.en.txt").write_text("Hello there.\n", "utf-8")
    result = run_cli("batch", str(release), "-o", str(tmp_path / "out"))
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "[1/1] a: failed (a.zh.txt: no Chinese text (the file is empty))" in err
    assert "corpus-align: error: a: a.zh.txt: no Chinese text (the file is empty)" in err
    assert "0 done, 0 unchanged, 1 failed, 0 unpaired" in err


@pytest.mark.parametrize("files", [{}, {"a.zh.txt": ZH[0], "b.en.txt": EN[0]}], ids=["empty-folder", "nothing-pairs"])
def test_batch_cli_release_without_documents_is_one_line_exit_2(tmp_path, files):
    release = tmp_path / "rel"
    release.mkdir()
    for name, text in files.items():
        (release / name).write_text(text, "utf-8")
    result = run_cli("batch", str(release), "-o", str(tmp_path / "out"))
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2 and len(lines) == 1, lines
    assert lines[0].startswith(f"corpus-align: error: {release}: no documents found (looked for NAME.zh.txt + NAME.en.txt")
    assert ("none paired (a.zh.txt: no partner file found; b.en.txt: no partner file found)" in lines[0]) == bool(files)
    assert not (tmp_path / "out").exists()


def test_batch_cli_ctrl_c_writes_the_summary_of_what_finished_and_exits_130(tmp_path, serial_batch, monkeypatch):
    from corpus_align.batch import run

    release = two_file_release(tmp_path / "rel", {name: (ZH[i], EN[i]) for i, name in enumerate("abcd")})
    out = tmp_path / "out"
    write_outputs = run._write_outputs
    written: list[str] = []

    def ctrl_c_at_the_third_document(folder, result):
        # Where a real Ctrl-C lands: in the main process, while it waits for the next result.
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(result.name)
        return write_outputs(folder, result)

    monkeypatch.setattr(run, "_write_outputs", ctrl_c_at_the_third_document)
    result = run_cli("batch", str(release), "-o", str(out))
    err = result.stderr.decode()
    assert result.returncode == 130, err
    assert err.splitlines()[-1] == (
        f"corpus-align: interrupted after 2 of 4 documents; the summary of those is in {out / 'summary.tsv'};"
        " run the same command again to do the rest"
    )
    assert "Traceback" not in err
    rows = [line.split("\t")[:2] for line in (out / "summary.tsv").read_text("utf-8").splitlines()[1:]]
    assert rows == [["a", "done"], ["b", "done"]]
    assert json.loads((out / "summary.json").read_text("utf-8"))["totals"]["not_finished"] == 2
    assert not list(out.rglob("*.tmp")) and not (out / "c.tsv").exists()

    monkeypatch.setattr(run, "_write_outputs", write_outputs)
    resumed = run_cli("batch", str(release), "-o", str(out))
    assert resumed.returncode == 0 and "2 done, 2 unchanged, 0 failed" in resumed.stderr.decode()


def test_batch_cli_speaks_one_vocabulary_on_the_terminal_and_in_the_files(tmp_path, serial_batch):
    release = two_file_release(tmp_path / "rel", {"a": (ZH[0], EN[0]), "b": ("", EN[1])})
    out = tmp_path / "out"
    run_cli("batch", str(release), "-o", str(out))
    err = run_cli("batch", str(release), "-o", str(out)).stderr.decode()
    assert "[1/2] a: unchanged\n" in err and "b: failed (" in err and "0 done, 1 unchanged, 1 failed" in err
    assert [line.split("\t")[1] for line in (out / "summary.tsv").read_text("utf-8").splitlines()[1:]] == ["unchanged", "failed"]
    index = (out / "index.html").read_text("utf-8")
    assert 'data-count="unchanged">1<' in index and 'data-count="failed">1<' in index
    assert "skipped" not in err + index.lower() and '"ok"' not in (out / "summary.json").read_text("utf-8")


def test_batch_cli_quiet_prints_only_errors(tmp_path, serial_batch):
    release = two_file_release(tmp_path / "rel", {"a": (ZH[0], EN[0]), "b": ("", EN[1])})
    (release / "orphan.zh.txt").write_text(ZH[2], "utf-8")
    result = run_cli("batch", str(release), "-o", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == ["corpus-align: error: b: b.zh.txt: no Chinese text (the file is empty)"]


def test_batch_cli_fail_on_says_which_documents_made_it_exit_1(tmp_path, serial_batch):
    release = two_file_release(tmp_path / "release", {"clean": ("我很好。", "I am fine."),
                                                       "wrong": ("他二十一岁。", "He is twenty-two.")})
    result = run_cli("batch", str(release), "-o", str(tmp_path / "out"), "--fail-on", "error", "--quiet")
    assert result.returncode == 1
    assert result.stderr.decode().strip().splitlines()[-1] == (
        "corpus-align: exit 1: 1 document with errors (--fail-on error): wrong")
    assert run_cli("batch", str(release), "-o", str(tmp_path / "out")).returncode == 0  # --fail-on never: no word


def test_batch_cli_quiet_and_verbose_together_are_a_usage_error(tmp_path):
    result = run_cli("batch", str(tmp_path), "-o", str(tmp_path / "out"), "-q", "-v")
    assert result.returncode == 2
    assert result.stderr.decode() == "corpus-align: error: --quiet and --verbose contradict each other; give one\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_batch_cli_verbose_prints_document_lines_with_counts_even_on_a_terminal(monkeypatch):
    from corpus_align.cli.batch import _Reporter

    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    record = {"name": "news/a", "zh_sentences": 2, "en_sentences": 3, "beads": 2, "errors": 1, "warnings": 0,
              "infos": 4, "seconds": 0.25}
    quiet_bar = _Reporter()
    assert not quiet_bar.lines  # on a terminal the default is the bar
    verbose = _Reporter(verbose=True)
    verbose.update("start", {"name": "release"}, 0, 2)
    verbose.update("done", record, 1, 2)
    verbose.update("unchanged", dict(record, name="b"), 2, 2)
    verbose.stop()
    assert terminal.getvalue().splitlines() == [
        "2 document(s) found in release",
        "[1/2] news/a: done (2 zh + 3 en sentences, 2 rows, 1 errors, 0 warnings, 4 infos; 0.25 s)",
        "[2/2] b: unchanged (2 zh + 3 en sentences, 2 rows, 1 errors, 0 warnings, 4 infos; kept from an earlier run)",
    ]


# Options that rightly differ between align (one document) and batch (a release), and why.
ALIGN_ONLY = {
    "--output",  # align writes one file or standard output; batch writes a folder (--out-dir)
    # Which Chinese the outputs show: --zh-script today, --text on the branch that replaces it (another change of
    # the same issue adds it to batch too); listed under both names so this test holds on either branch.
    "--zh-script", "--text",
}
BATCH_ONLY = {
    "--out-dir",  # a folder of reports, instead of align's --output file
    "--workers", "--scheduler",  # how the documents are spread over processes or a Dask cluster
    "--pattern",  # how files pair up in a release
    "--force",  # re-runs: redo the documents unchanged since the last run
    "--previous",  # a release diff against the previous batch output, after the batch
    "--update-baseline",  # the release's findings into the baseline after the run (check has its own)
    "--quiet", "--verbose",  # how much a long run says as it goes
    "--zh-script", "--text",  # see ALIGN_ONLY
}
# Shared options whose help or default rightly differ.
DIFFERENT_MEANING = {
    "--format",  # align picks one output; batch adds outputs to the TSV, findings and HTML it always writes
    "--fail-on",  # batch also exits 1 for a failed document, whatever --fail-on says ("Also exit 1 ...")
    "--text", "--zh-script",  # see ALIGN_ONLY
}


def _options(command_name: str) -> dict[str, object]:
    """The long options of a command (each spelling of a flag pair), mapped to their click parameter."""
    import typer.main

    from corpus_align.cli import app

    command = typer.main.get_command(app).commands[command_name]  # type: ignore[attr-defined]
    return {
        opt: param
        for param in command.params
        for opt in (*param.opts, *param.secondary_opts)
        if opt.startswith("--")
    }


def test_batch_cli_offers_every_align_option_that_applies_per_document():
    align, batch = _options("align"), _options("batch")
    assert set(align) - set(batch) - ALIGN_ONLY == set(), "add these align options to batch (or allow-list them, with why)"
    assert set(batch) - set(align) - BATCH_ONLY == set(), "add these batch options to align (or allow-list them, with why)"
    for option in sorted((set(align) & set(batch)) - DIFFERENT_MEANING):
        same, other = align[option], batch[option]
        assert (same.help, same.default, getattr(same, "type", None).__class__) == (  # type: ignore[attr-defined]
            other.help, other.default, getattr(other, "type", None).__class__,  # type: ignore[attr-defined]
        ), f"{option} means something else in align and batch"


def _title_line_release(root: Path) -> Path:
    """A bilingual file whose English opens with a title line (no final stop), one sentence per line."""
    root.mkdir(parents=True)
    (root / "t.txt").write_text(
        "重庆对外友协赴四川调研\n双方同意继续合作。会议在成都举行。\n王广成率队赴重庆调研。\n\n"
        "Chongqing friendship association visits Sichuan\n"
        "Both sides agreed to keep cooperating. The meeting was held in Chengdu.\n"
        "Wang Guangcheng led a team to Chongqing for a survey.\n",
        "utf-8",
    )
    return root


@pytest.mark.parametrize("options", [["--presegmented"], []], ids=["presegmented", "segmented"])
def test_batch_cli_reads_a_bilingual_title_line_as_align_does(tmp_path, serial_batch, options):
    release = _title_line_release(tmp_path / "rel")
    aligned = run_cli("align", str(release / "t.txt"), "--format", "ladder", *options)
    batch = run_cli("batch", str(release), "-o", str(tmp_path / "out"), "--format", "ladder", *options)
    assert aligned.returncode == batch.returncode == 0, batch.stderr.decode()
    assert (tmp_path / "out" / "t.ladder").read_bytes() == aligned.stdout
    tsv = run_cli("align", str(release / "t.txt"), *options).stdout
    assert (tmp_path / "out" / "t.tsv").read_bytes() == tsv
    if options:  # one sentence per line: the title line is a row of its own on both sides
        first_row = tsv.decode().splitlines()[1].split("\t")[1:3]
        assert first_row == ["重庆对外友协赴四川调研", "Chongqing friendship association visits Sichuan"]
