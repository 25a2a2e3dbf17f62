"""Project settings: defaults for the command-line options, kept in a file beside the work.

The file is ``corpus-align.toml``, or the ``[tool.corpus-align]`` table of a
``pyproject.toml``. It is looked for as ruff looks for its own: in the working
folder, then in each folder above it; the first folder that has one wins, and
in a folder with both, ``corpus-align.toml`` wins. A ``pyproject.toml``
without the table is passed over.

Top-level keys are defaults for every command that has the option; a table
named after a command (``[check]``, ``[tool.corpus-align.check]``) overrides
them for that command. Keys are option names, with ``-`` or ``_``
(``max-merge``, ``max_merge``). Relative paths are relative to the folder of
the file. Each mistake (an unknown key, a bad value, broken TOML) is a
:class:`SettingsError` that names the file and the line.

This module reads and validates; which commands there are, and which options
each has, is the command line's to say (``commands`` below).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError

SETTINGS_FILE = "corpus-align.toml"
PYPROJECT_FILE = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "corpus-align")


class SettingsError(UsageError):
    """A mistake in a settings file, at a line: printed as ``FILE:LINE: problem``, exit code 2.

    >>> str(SettingsError("corpus-align.toml", 3, "unknown key 'max_merj' (did you mean 'max-merge'?)"))
    "corpus-align.toml:3: unknown key 'max_merj' (did you mean 'max-merge'?)"
    >>> str(SettingsError("pyproject.toml", None, "not UTF-8 text"))
    'pyproject.toml: not UTF-8 text'
    """

    def __init__(self, name: str, line: int | None, problem: str):
        super().__init__(f"{name}:{line}: {problem}" if line else f"{name}: {problem}")
        self.name = name
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class Setting:
    """A key a settings file may hold: the default of ``option`` on every command that has it.

    ``convert`` checks a value from the file and returns it as the option
    takes it (raising :class:`ValueError` with the problem); ``several``
    settings are lists, and apply only to options that may be repeated (the
    ``formats`` key is batch's ``--format``, not align's single one).
    """

    key: str
    option: str
    convert: Callable[[object, Path], object]
    several: bool = False


@dataclass(frozen=True)
class SettingValue:
    """One key as a file sets it: the value the option will take, and the line that set it."""

    key: str
    value: object
    line: int


@dataclass(frozen=True)
class ProjectSettings:
    """A settings file, read and checked: its top-level values and each command's own table.

    >>> settings = ProjectSettings(Path("corpus-align.toml"), {"fail-on": SettingValue("fail-on", "warning", 1)},
    ...                            {"align": {"fail-on": SettingValue("fail-on", "never", 3)}})
    >>> settings.for_command("align")["fail-on"].value, settings.for_command("check")["fail-on"].value
    ('never', 'warning')
    """

    path: Path
    shared: Mapping[str, SettingValue] = field(default_factory=dict)
    commands: Mapping[str, Mapping[str, SettingValue]] = field(default_factory=dict)

    def for_command(self, command: str) -> dict[str, SettingValue]:
        """The values that apply to ``command``: its own table over the top-level keys."""
        return {**self.shared, **self.commands.get(command, {})}


def _choice(name: str, choices: Callable[[], tuple[str, ...]]) -> Callable[[object, Path], object]:
    # ``choices`` is called only when the key is set: the lists live with the code that uses them, which may be slow to import.
    def convert(value: object, folder: Path) -> object:
        valid = choices()
        if not isinstance(value, str) or value not in valid:
            raise ValueError(f"'{name}' must be one of {', '.join(valid)}")
        return value

    return convert


def _whole_number(name: str, low: int, high: int | None = None) -> Callable[[object, Path], object]:
    def convert(value: object, folder: Path) -> object:
        if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
            within = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise ValueError(f"'{name}' must be a whole number {within}")
        return value

    return convert


def _fraction(name: str) -> Callable[[object, Path], object]:
    def convert(value: object, folder: Path) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ValueError(f"'{name}' must be a number from 0 to 1")
        return float(value)

    return convert


def _flag(name: str) -> Callable[[object, Path], object]:
    def convert(value: object, folder: Path) -> object:
        if not isinstance(value, bool):
            raise ValueError(f"'{name}' must be true or false")
        return value

    return convert


def _path(name: str) -> Callable[[object, Path], object]:
    def convert(value: object, folder: Path) -> object:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"'{name}' must be a file name (a string), relative to the folder of the settings file")
        return str(folder / Path(value).expanduser())  # an absolute path stays as it is

    return convert


def _names(value: object, name: str) -> list[str]:
    """A comma list or an array of strings, as a list of names."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value if item.strip()]
    raise ValueError(f"'{name}' must be a string (a comma list) or an array of strings")


def _check_codes(name: str) -> Callable[[object, Path], object]:
    def convert(value: object, folder: Path) -> object:
        from ..checks import resolve_codes

        codes = _names(value, name)
        try:
            resolve_codes(**{name: codes})
        except UsageError as error:
            raise ValueError(str(error)) from None
        return ",".join(codes)  # what --select and --ignore take

    return convert


def _formats(value: object, folder: Path) -> object:
    from ..batch.settings import extra_formats

    formats = _names(value, "formats")
    unknown = [f for f in formats if f not in extra_formats()]
    if unknown:
        raise ValueError(f"'formats' must name some of {', '.join(extra_formats())}, not {', '.join(map(repr, unknown))}")
    return formats


def _encoding(value: object, folder: Path) -> object:
    import codecs

    try:
        if not isinstance(value, str):
            raise LookupError
        codecs.lookup(value)
    except LookupError:
        raise ValueError("'encoding' must name a codec Python knows (utf-8, gb18030, big5, cp1252...)") from None
    return value


def _fail_on_choices() -> tuple[str, ...]:
    from ..qa import FAIL_ON

    return FAIL_ON


def _opencc_choices() -> tuple[str, ...]:
    from ..normalize import OPENCC_MODES

    return OPENCC_MODES


def _text_choices() -> tuple[str, ...]:
    from ..normalize import TEXT_MODES

    return TEXT_MODES


# The options that commands share, in the order ``corpus-align config`` shows them. The ranges are the options'
# own (tests/io/test_project.py compares them).
SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting("opencc", "--opencc", _choice("opencc", _opencc_choices)),
        Setting("text", "--text", _choice("text", _text_choices)),
        Setting("encoding", "--encoding", _encoding),
        Setting("presegmented", "--presegmented", _flag("presegmented")),
        Setting("max-merge", "--max-merge", _whole_number("max-merge", 1, 8)),
        Setting("glossary", "--glossary", _path("glossary")),
        Setting("select", "--select", _check_codes("select")),
        Setting("ignore", "--ignore", _check_codes("ignore")),
        Setting("min-confidence", "--min-confidence", _fraction("min-confidence")),
        Setting("fail-on", "--fail-on", _choice("fail-on", _fail_on_choices)),
        Setting("formats", "--format", _formats, several=True),
        Setting("workers", "--workers", _whole_number("workers", 1)),
        Setting("baseline", "--baseline", _path("baseline")),
    ]
}


def setting_key(written: str) -> str:
    """The key as :data:`SETTINGS` names it, however the file spells it (``-`` or ``_``).

    >>> setting_key("max_merge"), setting_key("fail-on")
    ('max-merge', 'fail-on')
    """
    return written.replace("_", "-")


def find_settings_file(start: Path) -> Path | None:
    """The settings file that applies in ``start``: the nearest folder upward with one, or None.

    In a folder with both, ``corpus-align.toml`` wins; a ``pyproject.toml``
    counts only with a ``[tool.corpus-align]`` table (an empty one stops the
    search: the project then wants the defaults).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as top:
    ...     _ = (Path(top) / "corpus-align.toml").write_text("fail-on = 'warning'\\n")
    ...     (Path(top) / "release" / "ch1").mkdir(parents=True)
    ...     find_settings_file(Path(top) / "release" / "ch1") == Path(top) / "corpus-align.toml"
    True
    """
    for folder in [start, *start.parents]:
        candidate = folder / SETTINGS_FILE
        if candidate.is_file():
            return candidate
        candidate = folder / PYPROJECT_FILE
        if candidate.is_file() and _pyproject_has_table(candidate):
            return candidate
    return None


def _pyproject_has_table(path: Path) -> bool:
    """True when ``path`` has a ``[tool.corpus-align]`` table; a file that cannot hold one is not parsed (or blamed)."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "corpus-align" not in text:  # any spelling of the table names it: another project's file stays unread
        return False
    table = _parse(text, path)
    return isinstance(table.get("tool"), dict) and "corpus-align" in table["tool"]


def read_settings(path: Path, commands: Mapping[str, Collection[str]]) -> ProjectSettings:
    """The settings of ``path`` (a ``corpus-align.toml`` or a ``pyproject.toml``), checked; see :func:`parse_settings`.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as top:
    ...     path = Path(top) / "corpus-align.toml"
    ...     _ = path.write_text("max_merge = 3\\n")
    ...     read_settings(path, {"align": ["max-merge"]}).for_command("align")["max-merge"].value
    3
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise SettingsError(display_name(path), None, f"cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise SettingsError(display_name(path), None, "not UTF-8 text (TOML files are UTF-8)") from None
    return parse_settings(text, path, commands)


def parse_settings(text: str, path: Path, commands: Mapping[str, Collection[str]]) -> ProjectSettings:
    """Check the settings in ``text``, the content of ``path``, and return them.

    ``commands`` maps each command's name to the keys it takes (the
    :data:`SETTINGS` whose option it has): a command's table may set only
    those. A top-level key applies to every command that has the option, and
    to none when no command has it (yet). Each mistake is a
    :class:`SettingsError` at its line.

    >>> commands = {"align": ["max-merge", "fail-on"], "check": ["fail-on"]}
    >>> text = 'fail-on = "warning"\\n\\n[check]\\nfail_on = "error"\\n'
    >>> settings = parse_settings(text, Path("corpus-align.toml"), commands)
    >>> settings.for_command("align")["fail-on"], settings.for_command("check")["fail-on"].line
    (SettingValue(key='fail-on', value='warning', line=1), 4)
    >>> parse_settings("max_merj = 3\\n", Path("corpus-align.toml"), commands)
    Traceback (most recent call last):
    ...
    corpus_align.io.project.SettingsError: corpus-align.toml:1: unknown key 'max_merj' (did you mean 'max-merge'?)
    >>> parse_settings("[check]\\nmax-merge = 3\\n", Path("corpus-align.toml"), commands)
    Traceback (most recent call last):
    ...
    corpus_align.io.project.SettingsError: corpus-align.toml:2: check has no --max-merge; [check] may set fail-on
    """
    name = display_name(path)
    lines = text.splitlines()
    document = _parse(text, path)
    prefix: tuple[str, ...] = ()
    if path.name == PYPROJECT_FILE:
        prefix = PYPROJECT_TABLE
        tool = document.get("tool", {})
        document = tool.get("corpus-align", {}) if isinstance(tool, dict) else {}
        if not isinstance(document, dict):
            raise SettingsError(name, _line_of(lines, prefix), "'tool.corpus-align' must be a table")

    def where(*keys: str) -> int:
        return _line_of(lines, (*prefix, *keys))

    shared: dict[str, SettingValue] = {}
    tables: dict[str, dict[str, SettingValue]] = {}
    for written, value in document.items():
        if written in commands and isinstance(value, dict):
            table: dict[str, SettingValue] = {}
            for key_written, item in value.items():
                line = where(written, key_written)
                key = _known_key(key_written, [*SETTINGS, *commands], name, line)
                if key not in commands[written]:
                    may_set = ", ".join(k for k in SETTINGS if k in commands[written]) or "nothing"
                    raise SettingsError(name, line, f"{written} has no {SETTINGS[key].option}; [{written}] may set {may_set}")
                _add(table, key, key_written, item, line, name, path.parent)
            tables[written] = table
        elif written in commands:
            raise SettingsError(name, where(written), f"'{written}' must be a table: the settings of the {written} command")
        elif isinstance(value, dict) and setting_key(written) not in SETTINGS:
            nearest = _nearest(written, list(commands))
            hint = f" (did you mean [{nearest}]?)" if nearest else f"; a table is named after a command: {', '.join(commands)}"
            raise SettingsError(name, where(written), f"unknown table [{written}]{hint}")
        else:
            line = where(written)
            key = _known_key(written, [*SETTINGS, *commands], name, line)
            _add(shared, key, written, value, line, name, path.parent)
    return ProjectSettings(path, shared, tables)


def _known_key(written: str, known: list[str], name: str, line: int) -> str:
    """``written`` as a key of :data:`SETTINGS`, or a :class:`SettingsError` with the nearest known key."""
    key = setting_key(written)
    if key in SETTINGS:
        return key
    nearest = _nearest(key, known)
    hint = f" (did you mean '{nearest}'?)" if nearest else f"; known keys: {', '.join(SETTINGS)}"
    raise SettingsError(name, line, f"unknown key '{written}'{hint}")


def _nearest(written: str, known: list[str]) -> str | None:
    import difflib

    nearest = difflib.get_close_matches(setting_key(written), known, n=1)
    return nearest[0] if nearest else None


def _add(values: dict[str, SettingValue], key: str, written: str, value: object, line: int, name: str, folder: Path) -> None:
    if key in values:
        raise SettingsError(name, line, f"'{written}' is set twice (as '{key}' above, line {values[key].line})")
    try:
        converted = SETTINGS[key].convert(value, folder)
    except ValueError as error:
        raise SettingsError(name, line, str(error)) from None
    values[key] = SettingValue(key, converted, line)


def _parse(text: str, path: Path) -> dict:
    """The TOML ``text`` of ``path``, or a :class:`SettingsError` at the line tomllib names."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message, line = str(error), None
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if at:
            message, line = f"{message[: at.start()]} (column {at.group(2)})", int(at.group(1))
        elif message.endswith("(at end of document)"):  # a string or table left open: the last line is where it shows
            line = max(1, len(text.splitlines()))
        raise SettingsError(display_name(path), line, f"invalid TOML: {message}") from None


_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
_ASSIGNMENT = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _dotted(written: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in re.findall(r"""\s*(?:"[^"]*"|'[^']*'|[^.]+)""", written))


def _line_of(lines: list[str], keys: tuple[str, ...]) -> int:
    """The line (from 1) that sets the dotted key ``keys`` in TOML ``lines``, found by reading them: tomllib keeps no lines.

    A plain reading, not a parser: the first header or assignment that
    defines ``keys`` or a key inside it; else the nearest one that defines a
    table holding it (an inline table); else 1.

    >>> _line_of(["a = 1", "[check]", "# fail-on = 'x'", "'fail-on' = 'error'"], ("check", "fail-on"))
    4
    >>> _line_of(["[tool.corpus-align]", "check = {fail-on = 'x'}"], ("tool", "corpus-align", "check", "fail-on"))
    2
    """
    table: tuple[str, ...] = ()
    holder, holder_depth = 1, -1
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("[["):
            table = _dotted(header.group(1))
            defined = table
        else:
            assignment = _ASSIGNMENT.match(line)
            if not assignment:
                continue
            defined = (*table, *_dotted(assignment.group(1)))
        if defined[: len(keys)] == keys:
            return number
        if keys[: len(defined)] == defined and len(defined) > holder_depth:
            holder, holder_depth = number, len(defined)
    return holder


def display_name(path: Path) -> str:
    """``path`` as messages show it: relative to the working folder when that is shorter.

    >>> display_name(Path.cwd() / "corpus-align.toml")
    'corpus-align.toml'
    """
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
    return relative if len(relative) < len(str(path)) else str(path)
