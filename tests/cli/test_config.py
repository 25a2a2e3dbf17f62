"""Project settings on the command line: defaults from corpus-align.toml or pyproject.toml, and ``corpus-align config``."""

from __future__ import annotations

import json

import pytest
import typer.main

from corpus_align.cli import app
from tests.conftest import ROOT, run_cli

# Row 1 is a number mismatch (an error); with the glossary, row 2 is a glossary-mismatch (a warning).
PAIRS = "他二十一岁。\tHe is twenty-two.\n王广成来了。\tHe came.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with the aligned file, as the working folder, and the settings file read (the suite ignores it)."""
    monkeypatch.delenv("CORPUS_ALIGN_NO_CONFIG")
    (tmp_path / "pairs.tsv").write_text(PAIRS, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _settings(folder, text, name="corpus-align.toml"):
    (folder / name).write_text(text, "utf-8")


def _config_json(*args):
    result = run_cli("config", "--format", "json", *args)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_config_check_takes_fail_on_from_the_file(project):
    assert run_cli("check", "pairs.tsv").returncode == 1
    _settings(project, 'fail-on = "never"\n')
    assert run_cli("check", "pairs.tsv").returncode == 0


def test_config_file_is_found_from_a_folder_below(project):
    _settings(project, 'fail-on = "never"\n')
    (project / "release" / "ch1").mkdir(parents=True)
    assert run_cli("check", "../../pairs.tsv", cwd=project / "release" / "ch1").returncode == 0


def test_config_flags_win_over_the_file(project):
    _settings(project, 'fail-on = "never"\n')
    assert run_cli("check", "pairs.tsv", "--fail-on", "error").returncode == 1


def test_config_command_table_overrides_the_top_level(project):
    _settings(project, 'select = "typo"\n\n[check]\nfail-on = "never"\n\n[align]\nfail-on = "error"\n')
    assert run_cli("check", "pairs.tsv", "--select", "number-mismatch").returncode == 0
    assert run_cli("check", "pairs.tsv", "--select", "number-mismatch", "--fail-on", "error").returncode == 1


def test_config_pyproject_table(project):
    _settings(project, '[project]\nname = "release-tools"\n\n[tool.corpus-align.check]\nfail_on = "never"\n', "pyproject.toml")
    assert run_cli("check", "pairs.tsv").returncode == 0
    assert _config_json("check")["commands"]["check"]["fail-on"] == {"value": "never", "source": "file", "line": 5}


def test_config_corpus_align_toml_wins_over_pyproject(project):
    _settings(project, '[tool.corpus-align]\nfail-on = "never"\n', "pyproject.toml")
    _settings(project, 'fail-on = "error"\n')
    assert run_cli("check", "pairs.tsv").returncode == 1


def test_config_glossary_path_is_relative_to_the_settings_file(project):
    (project / "terms").mkdir()
    (project / "terms" / "glossary.tsv").write_text("王广成\tWang Guangcheng\n", "utf-8")
    _settings(project, 'glossary = "terms/glossary.tsv"\n[check]\nselect = ["glossary-mismatch"]\n')
    (project / "work").mkdir()
    result = run_cli("check", "../pairs.tsv", "--format", "jsonl", "--fail-on", "never", cwd=project / "work")
    assert result.returncode == 0, result.stderr.decode()
    assert [json.loads(line)["code"] for line in result.stdout.decode().splitlines()] == ["glossary-mismatch"]


def test_config_unknown_key_stops_every_command_before_any_work(project):
    _settings(project, 'fail-on = "error"\nmax_merj = 3\n')
    result = run_cli("align", "pairs.tsv", "-o", "out.tsv")
    assert result.returncode == 2
    assert result.stderr.decode() == "corpus-align: error: corpus-align.toml:2: unknown key 'max_merj' (did you mean 'max-merge'?)\n"
    assert not (project / "out.tsv").exists()
    assert run_cli("check", "pairs.tsv").returncode == 2
    assert run_cli("config").returncode == 2


def test_config_bad_value_is_one_line(project):
    _settings(project, '[check]\nfail-on = "sometimes"\n')
    result = run_cli("check", "pairs.tsv")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == "corpus-align: error: corpus-align.toml:2: 'fail-on' must be one of error, warning, never\n"


def test_config_toml_syntax_error_is_one_line(project):
    _settings(project, '[check\nfail-on = "never"\n')
    result = run_cli("check", "pairs.tsv")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("corpus-align: error: corpus-align.toml:1: invalid TOML: ")
    assert len(result.stderr.splitlines()) == 1


def test_config_help_works_beside_a_broken_file(project):
    # The help is how one learns what the file may say: a mistake in it must not hide the help.
    _settings(project, "max_merj = 3\n")
    assert run_cli("check", "--help").returncode == 0
    assert run_cli("--version").returncode == 0


def test_config_environment_variable_ignores_the_file(project, monkeypatch):
    _settings(project, 'fail-on = "never"\nmax_merj = 3\n')
    monkeypatch.setenv("CORPUS_ALIGN_NO_CONFIG", "1")
    assert run_cli("check", "pairs.tsv").returncode == 1
    report = _config_json()
    assert report["file"] is None and report["disabled"]
    assert "CORPUS_ALIGN_NO_CONFIG" in run_cli("config").stdout.decode()


def test_config_text_shows_each_setting_and_its_source(project):
    _settings(project, '# review settings\nfail-on = "warning"\n\n[batch]\nformats = ["tmx"]\nmax-merge = 3\n')
    result = run_cli("config")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.startswith("settings file: corpus-align.toml\n")
    batch = out.split("\nbatch\n")[1].split("\n\n")[0].splitlines()
    rows = {line.split()[0]: line.split()[1:] for line in batch}
    assert rows["fail-on"] == ["warning", "corpus-align.toml:2"]
    assert rows["formats"] == ["tmx", "corpus-align.toml:5"]
    assert rows["max-merge"] == ["3", "corpus-align.toml:6"]
    assert rows["opencc"] == ["auto", "default"]
    assert "\nsplit\n" in out and "\neval\n" not in out  # eval takes none of the settings


def test_config_json_for_one_command(project):
    _settings(project, 'fail-on = "warning"\n[check]\nmin_confidence = 0.8\n')
    report = _config_json("check")
    assert report["file"] == str(project / "corpus-align.toml")
    assert list(report["commands"]) == ["check"]
    check = report["commands"]["check"]
    assert check["fail-on"] == {"value": "warning", "source": "file", "line": 1}
    assert check["min-confidence"] == {"value": 0.8, "source": "file", "line": 3}
    assert check["opencc"] == {"value": "auto", "source": "default"}
    assert "max-merge" not in check  # check has no --max-merge


def test_config_without_a_file_shows_the_defaults(project):
    report = _config_json("align")
    assert report["file"] is None
    assert {item["source"] for item in report["commands"]["align"].values()} == {"default"}
    assert report["commands"]["align"]["fail-on"]["value"] == "never"


def test_config_unknown_command_lists_those_with_settings(project):
    result = run_cli("config", "eval")
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "corpus-align: error: no settings for command 'eval'; commands with settings: split, segment, align, check, batch, diff, terms\n"
    )


def test_config_baseline_is_the_default_of_baseline_where_a_command_has_it(project):
    _settings(project, 'baseline = "review/last.jsonl"\n')
    assert "review/last.jsonl: no such file" in run_cli("check", "pairs.tsv").stderr.decode()  # the setting reached check
    (project / "review").mkdir()
    (project / "review" / "last.jsonl").write_text("", "utf-8")
    assert run_cli("check", "pairs.tsv", "--fail-on", "never").returncode == 0
    group = typer.main.get_command(app)
    report = _config_json()["commands"]
    for name, command in group.commands.items():
        has_option = any("--baseline" in (param.opts or []) for param in command.params)
        shown = report.get(name, {}).get("baseline")
        assert shown == ({"value": str(project / "review" / "last.jsonl"), "source": "file", "line": 1} if has_option else None)


def test_config_a_setting_reaches_exactly_the_commands_with_its_option():
    # The mechanism --baseline will use, on an option that exists: --workers is batch's alone, and the list-valued
    # formats goes to batch's repeatable --format, not to align's or check's single one.
    from corpus_align.cli.config import settings_by_command

    by_command = settings_by_command(typer.main.get_command(app))
    assert [name for name, params in by_command.items() if "workers" in params] == ["batch"]
    assert [name for name, params in by_command.items() if "formats" in params] == ["batch"]
    assert by_command["align"]["fail-on"] == "fail_on"


def test_config_readme_example_is_a_valid_settings_file(project):
    readme = (ROOT / "README.md").read_text("utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    _settings(project, example)
    check = _config_json("check")["commands"]["check"]
    assert check["min-confidence"] == {"value": 0.8, "source": "file", "line": 8}
    assert check["glossary"]["value"] == str(project / "terms" / "glossary.tsv")
