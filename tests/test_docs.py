"""Documentation stays in step with the code."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_cli_reference_is_generated_from_help():
    expected = _load_script("make_cli_docs").render()
    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == expected, "run: python scripts/make_cli_docs.py"


def test_docs_parameters_page_is_generated_from_the_parameters_files():
    expected = _load_script("make_params_docs").render()
    assert (ROOT / "docs" / "parameters.md").read_text("utf-8") == expected, "run: python scripts/make_params_docs.py"


def test_docs_every_tuned_constant_says_where_it_was_chosen():
    # A parameters file holds tuned constants, each with the text that says what it does and its data.
    script = _load_script("make_params_docs")
    for _title, path in script.STAGES:
        for _section, names, comment in script.constants((ROOT / path).read_text("utf-8")):
            assert len(comment) >= 40, f"{path}: {names[0][0]} has no comment saying what it does and where it was chosen"


def test_docs_readme_mentions_every_command():
    from corpus_align.cli import app

    readme = (ROOT / "README.md").read_text("utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"corpus-align {name}" in readme
