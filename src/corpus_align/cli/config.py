"""Project settings on the command line: the defaults every command takes from them, and the ``config`` command.

The settings file is found and checked by :mod:`corpus_align.io.project`;
here its values become click's ``default_map`` (so a flag on the command
line still wins, and no command needs to know where its defaults came from).
"""

from __future__ import annotations

import os
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from . import app

if TYPE_CHECKING:
    from ..io.project import ProjectSettings

# Set to anything but empty or 0, the settings file is not read: every command runs with its built-in defaults.
NO_CONFIG_VARIABLE = "CORPUS_ALIGN_NO_CONFIG"
NOT_SET = "(not set)"


class ConfigFormat(StrEnum):
    text = "text"
    json = "json"


def settings_by_command(group: Any) -> dict[str, dict[str, str]]:
    """For each command of the click ``group``: the settings it takes, each with the name of the parameter it is the default of.

    A setting applies where the command has its option (``--baseline`` only
    on the commands that have one); a list-valued setting only to an option
    that may be repeated.

    >>> import typer.main
    >>> by_command = settings_by_command(typer.main.get_command(app))
    >>> by_command["batch"]["formats"], by_command["check"]["fail-on"], "formats" in by_command["align"]
    ('output_formats', 'fail_on', False)
    """
    from ..io.project import SETTINGS

    found: dict[str, dict[str, str]] = {}
    for name, command in group.commands.items():
        params = {}
        for key, setting in SETTINGS.items():
            for param in command.params:
                if setting.option in (param.opts or []) and bool(getattr(param, "multiple", False)) == setting.several:
                    params[key] = param.name
        found[name] = params
    return found


def settings_disabled() -> bool:
    """True when :data:`NO_CONFIG_VARIABLE` asks commands to ignore the settings file."""
    return os.environ.get(NO_CONFIG_VARIABLE, "").strip() not in ("", "0")


def project_settings(group: Any) -> ProjectSettings | None:
    """The settings file that applies in the working folder, read and checked; None when there is none or it is disabled."""
    from ..io.project import find_settings_file, read_settings

    if settings_disabled():
        return None
    path = find_settings_file(Path.cwd())
    if path is None:
        return None
    return read_settings(path, {name: list(params) for name, params in settings_by_command(group).items()})


def project_default_map() -> dict[str, dict[str, object]]:
    """click's ``default_map`` from the project settings: ``{command: {parameter: value}}`` (empty without a file).

    Raises :class:`~corpus_align.io.project.SettingsError` for a file with a mistake, before any command runs.
    """
    import typer.main

    group = typer.main.get_command(app)
    project = project_settings(group)
    if project is None:
        return {}
    defaults: dict[str, dict[str, object]] = {}
    for command, params in settings_by_command(group).items():
        values = project.for_command(command)
        chosen = {params[key]: value.value for key, value in values.items() if key in params}
        if chosen:
            defaults[command] = chosen
    return defaults


@app.command(
    epilog="Example: corpus-align config check  (or: corpus-align config --format json)"
)
def config(
    ctx: typer.Context,
    command: str = typer.Argument(None, metavar="COMMAND", help="Show this command's settings alone (default: every command's)."),
    output_format: ConfigFormat = typer.Option(ConfigFormat.text, "--format", "-f", help="text for people, json for machines."),
) -> None:
    """Show the settings each command runs with, and where each comes from: the settings file and line, or the default.

    The file: corpus-align.toml, or \\[tool.corpus-align] in pyproject.toml, here or in the nearest folder above.

    Flags on the command line win over it; CORPUS_ALIGN_NO_CONFIG=1 makes every command ignore it.
    """

    import json

    from ..errors import UsageError
    from ..io.project import display_name

    group: Any = ctx.find_root().command  # the root is the group of every command
    by_command = {name: params for name, params in settings_by_command(group).items() if params}
    if command is not None and command not in by_command:
        raise UsageError(f"no settings for command {command!r}; commands with settings: {', '.join(by_command)}")
    project = project_settings(group)
    shown = {command: by_command[command]} if command is not None else by_command
    report: dict[str, dict[str, dict[str, object]]] = {}
    for name, params in shown.items():
        values = project.for_command(name) if project is not None else {}
        defaults = {param.name: param.default for param in group.commands[name].params}
        report[name] = {}
        for key, param_name in params.items():
            if key in values:
                report[name][key] = {"value": _plain(values[key].value), "source": "file", "line": values[key].line}
            else:
                report[name][key] = {"value": _plain(defaults[param_name]), "source": "default"}
    if output_format is ConfigFormat.json:
        typer.echo(json.dumps({"file": str(project.path) if project else None, "disabled": settings_disabled(), "commands": report},
                              indent=2, ensure_ascii=False))
        return
    if project is not None:
        typer.echo(f"settings file: {display_name(project.path)}")
    elif settings_disabled():
        typer.echo(f"settings file: not read ({NO_CONFIG_VARIABLE} is set)")
    else:
        typer.echo("settings file: none (no corpus-align.toml, or pyproject.toml with [tool.corpus-align], here or above)")
    for name, settings in report.items():
        typer.echo(f"\n{name}")
        key_width = max(len(key) for key in settings)
        value_width = max(len(_shown(item["value"])) for item in settings.values())
        for key, item in settings.items():
            source = f"{display_name(project.path)}:{item['line']}" if project is not None and item["source"] == "file" else "default"
            typer.echo(f"  {key:<{key_width}}  {_shown(item['value']):<{value_width}}  {source}".rstrip())


def _plain(value: object) -> object:
    """A default or a setting as JSON holds it: enums by their value, paths as strings."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _shown(value: object) -> str:
    """A plain value as the text report shows it, TOML-like.

    >>> _shown(None), _shown(True), _shown(["tmx", "xlsx"]), _shown([]), _shown(0.8)
    ('(not set)', 'true', 'tmx, xlsx', '(not set)', '0.8')
    """
    if value is None or value == []:
        return NOT_SET
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)
