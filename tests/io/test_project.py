"""The settings file: found from a folder upward, read, and each mistake reported at its line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from corpus_align.io.project import SETTINGS, SettingsError, find_settings_file, parse_settings, read_settings
from tests.conftest import ROOT

COMMANDS = {
    "align": ["opencc", "glossary", "max-merge", "fail-on", "select", "min-confidence"],
    "check": ["opencc", "glossary", "fail-on", "select", "ignore"],
    "batch": ["formats", "workers", "fail-on", "encoding", "presegmented", "text"],
    "eval": [],
}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def _parse(text: str, name: str = "corpus-align.toml", folder: Path = Path("/project")):
    return parse_settings(text, folder / name, COMMANDS)


def _mistake(text: str, name: str = "corpus-align.toml") -> str:
    with pytest.raises(SettingsError) as raised:
        _parse(text, name, Path.cwd())
    return str(raised.value)


def test_project_file_is_found_in_the_nearest_folder_upward(tmp_path):
    top = _write(tmp_path / "corpus-align.toml", "")
    near = _write(tmp_path / "release" / "pyproject.toml", "[tool.corpus-align]\nfail-on = 'warning'\n")
    (tmp_path / "release" / "ch1").mkdir()
    assert find_settings_file(tmp_path / "release" / "ch1") == near
    assert find_settings_file(tmp_path) == top


def test_project_corpus_align_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    _write(tmp_path / "pyproject.toml", "[tool.corpus-align]\nfail-on = 'warning'\n")
    own = _write(tmp_path / "corpus-align.toml", "fail-on = 'never'\n")
    assert find_settings_file(tmp_path) == own


def test_project_pyproject_without_the_table_is_passed_over(tmp_path):
    top = _write(tmp_path / "corpus-align.toml", "")
    _write(tmp_path / "code" / "pyproject.toml", "[project]\nname = 'corpus-align-plugin'\n")
    _write(tmp_path / "other" / "pyproject.toml", "this is not [ toml")  # never parsed: it does not name the table
    assert find_settings_file(tmp_path / "code") == top
    assert find_settings_file(tmp_path / "other") == top


def test_project_repository_pyproject_sets_nothing():
    # Running the CLI inside the checkout must use the defaults: our own pyproject.toml holds no settings.
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8")).get("tool", {})
    assert tool.get("corpus-align", {}) == {}


def test_project_pyproject_table_and_command_table(tmp_path):
    text = "[tool.ruff]\nline-length = 1\n\n[tool.corpus-align]\nfail_on = 'warning'\n\n[tool.corpus-align.check]\nfail-on = 'never'\n"
    settings = read_settings(_write(tmp_path / "pyproject.toml", text), COMMANDS)
    assert settings.for_command("align")["fail-on"].value == "warning"
    assert settings.for_command("align")["fail-on"].line == 5
    assert settings.for_command("check")["fail-on"].value == "never"
    assert settings.for_command("check")["fail-on"].line == 8


def test_project_relative_paths_are_relative_to_the_file(tmp_path):
    settings = _parse("glossary = 'terms/glossary.tsv'\n[batch]\n", folder=tmp_path)
    assert settings.for_command("check")["glossary"].value == str(tmp_path / "terms" / "glossary.tsv")
    assert _parse("glossary = '/abs/terms.tsv'\n").shared["glossary"].value == "/abs/terms.tsv"


def test_project_values_become_what_the_options_take():
    settings = _parse("select = ['typo', 'omission']\nmin-confidence = 1\n[batch]\nformats = 'tmx, xlsx'\nworkers = 2\n")
    assert settings.shared["select"].value == "typo,omission"
    assert settings.shared["min-confidence"].value == 1.0
    assert settings.for_command("batch")["formats"].value == ["tmx", "xlsx"]


def test_project_a_key_no_command_has_yet_is_accepted_at_the_top():
    # baseline is the default of --baseline wherever a command has one; a file may set it before any does.
    assert _parse("baseline = 'old/findings.jsonl'\n").shared["baseline"].value == "/project/old/findings.jsonl"


def test_project_unknown_key_names_the_line_and_the_nearest_key():
    assert _mistake("fail-on = 'error'\n\nmax_merj = 3\n") == "corpus-align.toml:3: unknown key 'max_merj' (did you mean 'max-merge'?)"
    assert _mistake("[check]\nglosary = 'a.tsv'\n") == "corpus-align.toml:2: unknown key 'glosary' (did you mean 'glossary'?)"
    assert "known keys: opencc, text" in _mistake("zzz = 1\n")


def test_project_unknown_table_and_a_key_its_command_lacks():
    assert _mistake("\n[chek]\nfail-on = 'error'\n") == "corpus-align.toml:2: unknown table [chek] (did you mean [check]?)"
    assert _mistake("[check]\nmax-merge = 3\n") == (
        "corpus-align.toml:2: check has no --max-merge; [check] may set opencc, glossary, select, ignore, fail-on"
    )
    assert _mistake("check = 3\n") == "corpus-align.toml:1: 'check' must be a table: the settings of the check command"


def test_project_a_key_set_twice_in_both_spellings():
    assert _mistake("max-merge = 3\nmax_merge = 4\n") == "corpus-align.toml:2: 'max_merge' is set twice (as 'max-merge' above, line 1)"


@pytest.mark.parametrize(("line", "problem"), [
    ("fail-on = 'sometimes'", "'fail-on' must be one of error, warning, never"),
    ("fail-on = 1", "'fail-on' must be one of error, warning, never"),
    ("opencc = 's2t'", "'opencc' must be one of auto, t2s, tw2s, hk2s, none"),
    ("text = 'pinyin'", "'text' must be one of original, repaired, simplified"),
    ("max-merge = 9", "'max-merge' must be a whole number from 1 to 8"),
    ("max-merge = 2.5", "'max-merge' must be a whole number from 1 to 8"),
    ("workers = 0", "'workers' must be a whole number of at least 1"),
    ("min-confidence = 80", "'min-confidence' must be a number from 0 to 1"),
    ("min-confidence = true", "'min-confidence' must be a number from 0 to 1"),
    ("presegmented = 'yes'", "'presegmented' must be true or false"),
    ("glossary = ''", "'glossary' must be a file name (a string), relative to the folder of the settings file"),
    ("formats = ['tmx', 'pdf']", "'formats' must name some of jsonl, ladder, tmx, xlsx, not 'pdf'"),
    ("encoding = 'utf-9'", "'encoding' must name a codec Python knows (utf-8, gb18030, big5, cp1252...)"),
    ("select = 'typo,tpyo'", "unknown check code 'tpyo' in select; valid codes: "),
    ("ignore = [1]", "'ignore' must be a string (a comma list) or an array of strings"),
])
def test_project_bad_value_is_one_line_at_its_line(line, problem):
    assert _mistake(f"# settings\n{line}\n").startswith(f"corpus-align.toml:2: {problem}")


def test_project_toml_syntax_error_names_the_line():
    message = _mistake("fail-on = 'warning'\nmax-merge = \n")
    assert message.startswith("corpus-align.toml:2: invalid TOML: ") and "line" not in message.split("TOML: ")[1]


def test_project_syntax_error_in_a_pyproject_with_the_table_is_reported(tmp_path):
    _write(tmp_path / "pyproject.toml", "[tool.corpus-align]\nfail-on = 'warning\n")
    with pytest.raises(SettingsError, match=r"pyproject.toml:2: invalid TOML"):
        find_settings_file(tmp_path)


def test_project_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "corpus-align.toml"
    path.write_bytes("fail-on = '错'\n".encode("gb18030"))
    with pytest.raises(SettingsError, match=r"corpus-align.toml: not UTF-8 text"):
        read_settings(path, COMMANDS)


def test_project_ranges_are_the_options_own():
    import typer.main

    from corpus_align.cli import app

    group = typer.main.get_command(app)
    for command, key, low, high in [("align", "max-merge", 1, 8), ("batch", "max-merge", 1, 8),
                                    ("batch", "workers", 1, None), ("check", "min-confidence", 0, 1)]:
        (param,) = [p for p in group.commands[command].params if SETTINGS[key].option in p.opts]
        bounds = param if hasattr(param, "min") else param.type  # typer 0.29 keeps them on the option, older on its click type
        assert (bounds.min, bounds.max) == (low, high), (command, key)
