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


def test_docs_readme_mentions_every_command():
    from corpus_align.cli import app

    readme = (ROOT / "README.md").read_text("utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"corpus-align {name}" in readme
