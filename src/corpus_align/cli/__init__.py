"""The ``corpus-align`` command line: thin Typer commands over the Python API.

Commands live in one module per area; each parses options, calls one API
function and renders the result. Errors the user can fix become one line on
stderr and exit code 2.
"""

from __future__ import annotations

import sys

import typer

from .. import __version__

app = typer.Typer(
    name="corpus-align",
    help="Align and check Chinese–English translations.",
    no_args_is_help=True,
    add_completion=False,
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


from . import align, batch, check, text  # noqa: E402  (registers the commands on ``app``)

del align, batch, check, text


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user errors print one line and exit 2, never a traceback."""
    from ..errors import CorpusAlignError

    try:
        # Outside standalone mode click returns the code of typer.Exit instead of exiting.
        code = app(args=argv, prog_name="corpus-align", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except CorpusAlignError as error:
        print(f"corpus-align: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        print("corpus-align: aborted", file=sys.stderr)
        sys.exit(130)
    except KeyboardInterrupt:
        print("corpus-align: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as error:  # click usage errors arrive here in non-standalone mode
        if not _is_click_exception(error):
            raise
        message = _usage_message(error)
        if message:  # no arguments at all: click has shown the help, which is the message
            print(f"corpus-align: error: {message}", file=sys.stderr)
        sys.exit(getattr(error, "exit_code", 2) or 2)


def run() -> None:
    """The ``corpus-align`` program: :func:`main`, then exit without tearing the heap down.

    After a 40,000-sentence book the interpreter spends a second freeing
    dictionaries and caches one object at a time at exit; the output is
    written and closed by then, so the process ends at once instead (after
    flushing standard output and error). Used by the console script and by
    ``python -m corpus_align``, never by callers of :func:`main`.
    """
    import os

    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if done.code is not None and not isinstance(done.code, int):
            print(done.code, file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken pipe: let the interpreter report it as usual
        sys.exit(code)
    os._exit(code)


def _is_click_exception(error: BaseException) -> bool:
    """True for click's exceptions, whichever click raised them: typer 0.29 and later bundle their own copy."""
    return any(cls.__name__ == "ClickException" for cls in type(error).__mro__) and hasattr(error, "format_message")


def _usage_message(error: Exception) -> str:
    """click's message on one line; for an unknown command, the commands there are."""
    message = " ".join(error.format_message().split())
    if message.startswith("No such command"):
        import typer.main

        commands = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
        message += f" Commands: {', '.join(commands)}."
    return message
