"""The ``corpus-align`` command line: thin Typer commands over the Python API.

Commands live in one module per area; each parses options, calls one API
function and renders the result. Errors the user can fix become one line on
stderr and exit code 2.
"""

from __future__ import annotations

import contextlib
import sys

import typer

from .. import __version__

# Imported now, not when needed: once memory has run out, an import may no longer succeed.
from .terminal import safe_for_terminal


class _FlagsWithoutType:
    """Help that shows no ``<bool>`` after a flag (typer 0.29 does): a flag takes no value, and
    ``--presegmented <bool>`` invites ``--presegmented true``, which then reads ``true`` as a file."""

    def get_params(self, ctx):
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params


class _Group(_FlagsWithoutType, typer.core.TyperGroup):
    pass


class _Command(_FlagsWithoutType, typer.core.TyperCommand):
    pass


class _Typer(typer.Typer):
    """A Typer app whose commands are :class:`_Command` unless they say otherwise."""

    def command(self, *args, cls=None, **kwargs):
        return super().command(*args, cls=cls or _Command, **kwargs)


app = _Typer(
    cls=_Group,
    name="corpus-align",
    help="Align and check Chinese–English translations.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"corpus-align {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Align and check Chinese–English translations."""


def warn(message: str) -> None:
    r"""Print ``corpus-align: warning: MESSAGE`` on stderr, escaped for the terminal; a closed stderr loses it quietly.

    A warning is never worth the result: ``corpus-align align ... 2>&1 | head``
    closes stderr early, and the run must still write its output.

    >>> import contextlib, io
    >>> captured = io.StringIO()
    >>> with contextlib.redirect_stderr(captured):
    ...     warn("row 3: \x1b[31m")
    >>> captured.getvalue()
    'corpus-align: warning: row 3: \\x1b[31m\n'
    """
    _say(f"corpus-align: warning: {message}")


def _say(line: str) -> None:
    """One line on stderr, or nowhere when stderr is closed or broken."""
    stream = sys.stderr
    if stream is None:  # started with stderr closed (2>&-)
        return
    try:
        stream.write(safe_for_terminal(line) + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


class InterruptedRun(Exception):
    """Ctrl-C stopped a command that can say how far it got: :func:`main` prints the message and exits 130.

    Typer turns a :class:`KeyboardInterrupt` into exit code 130 and drops its
    message, so a command that has one raises this instead.

    >>> str(InterruptedRun("interrupted after 3 of 10 documents"))
    'interrupted after 3 of 10 documents'
    """


# In the order --help lists them: the text, one document, a release, then the review across releases.
from . import text, align, check, batch, accept, diff, search, terms, config  # noqa: E402, I001  (registers the commands on ``app``)

del text, align, check, batch, accept, diff, search, terms, config


class _StderrThatCannotFail:
    """``sys.stderr`` for the length of a run: writes to a closed or broken stderr are dropped, not raised.

    Code that writes to stderr directly (``typer.echo(err=True)``, a
    progress bar) would otherwise stop the run with BrokenPipeError before
    the output is written. After the first failure descriptor 2 is pointed
    at /dev/null, so writers that reach it by another route fail no more.

    >>> import io
    >>> guarded = _StderrThatCannotFail(io.StringIO())
    >>> guarded.stream.close(); guarded.write("lost"), guarded.flush()
    (0, None)
    """

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except (OSError, ValueError):
            self._silence()
            return 0

    def flush(self) -> None:
        try:
            self.stream.flush()
        except (OSError, ValueError):
            self._silence()

    def _silence(self) -> None:
        import os

        try:
            if self.stream.fileno() == 2:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 2)
                os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user errors print one line and exit 2, never a traceback."""
    saved_stderr = sys.stderr
    if saved_stderr is not None:
        sys.stderr = _StderrThatCannotFail(saved_stderr)
    try:
        _main(argv)
    finally:
        sys.stderr = saved_stderr


OUT_OF_MEMORY = (
    "corpus-align: error: out of memory; split the document into smaller parts (chapters) "
    "and align them one by one, or run with more memory"
)


INTERRUPTED = 130  # the shell's code for a run ended by SIGINT (128 + 2)


def _main(argv: list[str] | None) -> None:
    from ..errors import CorpusAlignError

    args = sys.argv[1:] if argv is None else list(argv)
    if not args:  # the help is the message, and a usage error: typer 0.12.5 exited 0 here, 0.29 exits 2
        with contextlib.suppress(typer.Exit):
            app(args=["--help"], prog_name="corpus-align", standalone_mode=False)
        sys.exit(2)
    try:
        # Outside standalone mode click returns the code of typer.Exit instead of exiting.
        code = app(args=args, prog_name="corpus-align", standalone_mode=False, **_project_defaults(args))
        if code == INTERRUPTED:  # typer turns Ctrl-C into this exit code, without a word
            raise KeyboardInterrupt
        if isinstance(code, int) and code:
            sys.exit(code)
        return
    except CorpusAlignError as error:
        _say(f"corpus-align: error: {error}")
        sys.exit(error.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except (KeyboardInterrupt, typer.Abort, InterruptedRun) as interrupt:  # typer 0.12.5 turned Ctrl-C into Abort
        # A batch says how far it got; any other run, that nothing is half-written.
        said = str(interrupt) if isinstance(interrupt, InterruptedRun) else ""
        _say(f"corpus-align: {said or 'interrupted; no output was half-written (a batch run again resumes where it stopped)'}")
        if argv is None:  # the program itself, not a caller in Python
            _exit_at_once(INTERRUPTED)
        sys.exit(INTERRUPTED)
    except BrokenPipeError:  # the reader of standard output left (| head): what it read is all it wanted
        _discard_standard_output()
        sys.exit(0)
    except Exception as error:  # click usage errors arrive here in non-standalone mode; so does MemoryError
        if _is_click_exception(error):
            message = _usage_message(error)
            if message:  # no arguments at all: click has shown the help, which is the message
                _say(f"corpus-align: error: {message}")
            sys.exit(getattr(error, "exit_code", 2) or 2)
        if not _ran_out_of_memory(error):
            raise
    # Only a run out of memory gets here. Reporting it waits until the except block has ended: until then
    # the traceback keeps every frame of the failed run alive, and with them the memory they hold.
    _say(OUT_OF_MEMORY)
    sys.exit(2)


def _project_defaults(args: list[str]) -> dict:
    """The project settings as click's ``default_map``, when ``args`` run a command; nothing for help or the version.

    A settings file with a mistake stops every command (SettingsError), but not
    ``--help``: the help is how one finds out what the file may say.

    >>> _project_defaults(["check", "--help"]), _project_defaults(["--version"])
    ({}, {})
    """
    if not args or args[0].startswith("-") or any(arg in ("-h", "--help") for arg in args):
        return {}
    from .config import project_default_map

    return {"default_map": project_default_map()}


def _exit_at_once(code: int) -> None:
    """End the program now, without the interpreter's finalization.

    An interrupt can stop the work while native libraries are half-way (numba kernels in threads, a forked
    analysis child being stopped); finalizing them then crashed the process once in CI (SIGSEGV instead of
    exit 130).  Everything the run wrote is already complete or removed when this is called.
    """
    import os

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
    os._exit(code)


def _ran_out_of_memory(error: BaseException) -> bool:
    """True when ``error`` is, or was raised while handling, an exhausted memory.

    Libraries wrap it: jieba turns a MemoryError while loading its dictionary
    into a ValueError, and a shared library that cannot be mapped (numba's
    llvmlite under ``ulimit -v``) fails with glibc's "failed to map segment".

    >>> try:
    ...     try:
    ...         raise MemoryError
    ...     except MemoryError:
    ...         raise ValueError("invalid POS dictionary entry")
    ... except ValueError as wrapped:
    ...     _ran_out_of_memory(wrapped), _ran_out_of_memory(ValueError("bad"))
    (True, False)
    """
    import errno

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, MemoryError):
            return True
        if isinstance(current, OSError) and current.errno == errno.ENOMEM:
            return True
        if "failed to map segment" in str(current):  # glibc's dlopen, in an OSError (ctypes) or an ImportError
            return True
        current = current.__cause__ or current.__context__
    return False


def run() -> None:
    """The ``corpus-align`` program: :func:`main`, then exit without tearing the heap down.

    After a 40,000-sentence book the interpreter spends a second freeing
    dictionaries and caches one object at a time at exit; the output is
    written and closed by then, so the process ends at once instead (after
    flushing standard output and error). Used by the console script and by
    ``python -m corpus_align``, never by callers of :func:`main`.
    """
    import os

    _reserve_standard_descriptors()
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if done.code is not None and not isinstance(done.code, int):
            _say(str(done.code))
    try:
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):  # a closed or broken pipe: let the interpreter report it as usual
        sys.exit(code)
    # A closed or broken stderr: nobody reads it any more, but the exit code still matters.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    os._exit(code)


def _reserve_standard_descriptors() -> None:
    """Open /dev/null on descriptors 0-2 when the program was started with them closed (``2>&-``).

    Otherwise the next file opened, the output itself, would get descriptor 2,
    and anything written to "stderr" (by a library, a worker process) would
    land in the output.
    """
    import os

    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)
            if opened != descriptor:
                os.dup2(opened, descriptor)
                os.close(opened)
    if sys.stderr is None:  # Python found descriptor 2 closed at start-up and gave up on stderr
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)


def _discard_standard_output() -> None:
    """Point descriptor 1 at /dev/null, so the flush at exit does not fail again on the closed pipe (Python's recipe)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _is_click_exception(error: BaseException) -> bool:
    """True for click's exceptions, whichever click raised them: typer 0.29 and later bundle their own copy."""
    return any(cls.__name__ == "ClickException" for cls in type(error).__mro__) and hasattr(error, "format_message")


def _usage_message(error: Exception) -> str:
    """click's message on one line; for an unknown command, the commands there are."""
    # A click exception (see _is_click_exception), from whichever copy of click raised it.
    message = " ".join(error.format_message().split())  # type: ignore[attr-defined]
    if message.startswith("No such command"):
        import typer.main

        commands = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
        message += f" Commands: {', '.join(commands)}."
    return message
