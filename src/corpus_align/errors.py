"""Errors the user can fix. The CLI prints them as one line and exits with 2."""

from __future__ import annotations


class CorpusAlignError(Exception):
    """Base class of every error corpus-align reports to the user as one line."""

    exit_code = 2


class InputError(CorpusAlignError):
    """An input file cannot be used: missing, a directory, binary, empty or undecodable.

    The message names the file and the problem.

    >>> str(InputError("a.txt", "is empty"))
    'a.txt: is empty'
    """

    def __init__(self, name: str, problem: str):
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class UsageError(CorpusAlignError):
    """An option or combination of options that cannot work, with the valid choices."""


class OutputError(UsageError):
    """The output cannot be written: it is an input, a folder, or its folder is missing, read-only or full.

    A :class:`UsageError` because the fix is the same: choose another ``-o``. The message names the output.

    >>> str(OutputError("out.tsv", "cannot write: No space left on device"))
    'out.tsv: cannot write: No space left on device'
    """

    def __init__(self, name: str, problem: str):
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem
