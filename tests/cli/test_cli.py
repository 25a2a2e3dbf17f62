from __future__ import annotations

import json
import subprocess
import sys

import pytest

from corpus_align import segment_file
from corpus_align.cli import app
from tests.conftest import SAMPLE, run_cli, run_cli_process

COMMANDS = [command.name or command.callback.__name__ for command in app.registered_commands]


def test_cli_help_lists_every_command_with_a_description():
    result = run_cli("--help")
    out = result.stdout.decode()
    assert result.returncode == 0
    for name in COMMANDS:
        assert name in out
    assert "Split a bilingual file" in out


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_every_command_help_has_an_example(name):
    result = run_cli(name, "--help")
    assert result.returncode == 0
    assert "Example: corpus-align " + name in result.stdout.decode()


def test_cli_console_script_and_module_agree():
    import shutil

    script = shutil.which("corpus-align")
    if script is None:
        pytest.skip("corpus-align console script not on PATH (package not installed)")
    result = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("corpus-align ")


def test_cli_segment_text_prints_sentences_with_blank_lines_between_paragraphs(sample_path):
    result = run_cli("segment", str(sample_path))
    assert result.returncode == 0
    blocks = result.stdout.decode().strip().split("\n\n")
    assert len(blocks) == 7
    assert blocks[3].startswith("Chongqing People's Association")


def test_cli_segment_jsonl_matches_the_api(sample_path):
    result = run_cli("segment", str(sample_path), "--format", "jsonl", "--lang", "zh")
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    (document,) = segment_file(sample_path, lang="zh")
    assert records == [
        {"index": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end,
         "original": s.original, "normalized": s.normalized, "lang": s.lang, "text": s.original}
        for s in document.sentences
    ]


def test_cli_segment_reads_stdin():
    result = run_cli("segment", "-", "--lang", "en", stdin="Mr. Li came. He left.".encode("utf-16"))
    assert result.stdout.decode().splitlines() == ["Mr. Li came.", "He left."]


def test_cli_split_writes_files(sample_path, tmp_path):
    result = run_cli("split", str(sample_path), "--out-dir", str(tmp_path))
    assert result.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["000_389ae536b82fb46d.en.txt", "000_389ae536b82fb46d.zh.txt"]


@pytest.mark.parametrize(
    ("args", "content", "message"),
    [
        (["segment"], b"", "is empty"),
        (["segment"], b"\x00\x01\x02binary\x00", "looks binary"),
        (["segment"], b"ok \xff\xfe\x80\x80 \xff", "byte offset 3"),
        (["split"], "只有中文。".encode(), "holds only Chinese text"),
        (["segment", "--opencc", "bogus"], "中文。".encode(), "unknown --opencc mode 'bogus'"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2(tmp_path, args, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run_cli(*args, str(bad)) if args[0] == "split" else run_cli(args[0], str(bad), *args[1:])
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(bad) in err or "--opencc" in message
    assert message in err
    assert list(tmp_path.iterdir()) == [bad]


def test_cli_directory_and_missing_file(tmp_path):
    for target, message in [(tmp_path, "is a directory"), (tmp_path / "nope.txt", "no such file")]:
        result = run_cli("segment", str(target))
        assert result.returncode == 2 and message in result.stderr.decode()


def test_cli_help_does_not_import_heavy_libraries():
    code = (
        "import sys\n"
        "from corpus_align.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('jieba', 'opencc', 'nltk', 'numpy', 'pypinyin', 'rapidfuzz', 'openpyxl') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_cli_program_exits_at_once_with_its_output_flushed_and_its_exit_code(tmp_path):
    # The program ends with os._exit after flushing: nothing written to a pipe may be lost, and codes must survive.
    lines = [f"第{i}句话。" for i in range(3000)]
    source = tmp_path / "many.zh.txt"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    result = run_cli_process("segment", str(source), "--lang", "zh")
    assert result.returncode == 0 and result.stdout.decode().split() == lines
    failing = run_cli_process("align", str(SAMPLE), "--fail-on", "warning")
    assert failing.returncode == 1 and failing.stdout.decode().count("\n") > 3
    assert run_cli_process("align", str(tmp_path / "missing.txt")).returncode == 2


def test_cli_ctrl_c_says_interrupted_and_leaves_no_output(tmp_path):
    import os
    import signal

    # The English comes through a FIFO that this test holds open without writing: the run is certainly still
    # busy when the signal arrives, however fast the machine (a timer raced the alignment twice).
    zh, en = tmp_path / "talk.zh", tmp_path / "talk.en"
    zh.write_text("他们在会上讨论了这个计划。\n大家都同意了。\n", encoding="utf-8")
    os.mkfifo(en)
    output = tmp_path / "aligned.tsv"
    run = subprocess.Popen(
        [sys.executable, "-m", "corpus_align", "align", str(zh), str(en), "-o", str(output)],
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a background job of a script ignores it
    )
    writer = os.open(en, os.O_WRONLY)  # returns once the run has opened the FIFO to read it
    try:
        run.send_signal(signal.SIGINT)
        err = run.communicate(timeout=60)[1].decode()
    finally:
        os.close(writer)
    assert run.returncode == 130
    assert err.strip().splitlines()[-1].startswith("corpus-align: interrupted"), err[-2000:]
    assert "Traceback" not in err
    assert not output.exists() and not list(tmp_path.glob(".*.tmp"))


def test_cli_shell_completion_completes_commands_options_and_choices(monkeypatch):
    # What the script of `corpus-align --install-completion` (bash) asks the program at each Tab.
    def complete(line: str) -> list[str]:
        monkeypatch.setenv("_CORPUS_ALIGN_COMPLETE", "complete_bash")
        monkeypatch.setenv("COMP_WORDS", line)
        monkeypatch.setenv("COMP_CWORD", str(len(line.split()) - (0 if line.endswith(" ") else 1)))
        result = run_cli()
        assert result.returncode == 0, result.stderr
        return result.stdout.decode().split()

    assert complete("corpus-align bat") == ["batch"]
    assert complete("corpus-align batch --max") == ["--max-merge"]
    assert "ladder" in complete("corpus-align align --format ")
