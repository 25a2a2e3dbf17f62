"""The registry of QA checks: one decorator fills one dict.

Each check is a function ``check(ctx) -> Iterable[Finding]`` over a whole
document (a :class:`~corpus_align.checks.context.CheckContext`), registered
with its stable code, its severity, its family and the documentation fields
that ``docs/checks.md`` repeats (What / Why / Example / How to silence / Known
false positives).  Codes are a public interface: never rename or reuse one.

>>> from corpus_align.checks import CHECKS
>>> CHECKS["number-mismatch"].severity
'error'
>>> resolve_codes(select=["typo"], ignore=None)
['typo']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import UsageError
from ..model import SEVERITIES, Severity


@dataclass(frozen=True)
class CheckSpec:
    """A registered check: its code, severity, family, documentation and the function that runs it."""

    code: str
    severity: Severity
    family: str
    what: str
    why: str
    example: tuple[str, str]
    silence: str
    false_positives: str
    func: Callable

    def doc_fields(self) -> dict[str, str]:
        """The documentation fields by name, as ``docs/checks.md`` shows them."""
        return {
            "What": self.what,
            "Why": self.why,
            "Example": f"{self.example[0]} | {self.example[1]}",
            "How to silence": self.silence,
            "Known false positives": self.false_positives,
        }


CHECKS: dict[str, CheckSpec] = {}


def register(
    code: str,
    *,
    severity: Severity,
    family: str,
    what: str,
    why: str,
    example: tuple[str, str],
    silence: str,
    false_positives: str,
) -> Callable[[Callable], Callable]:
    """Register a check function under ``code``; a code can be registered only once.

    >>> @register("demo-code", severity="info", family="demo", what="w", why="y",
    ...           example=("你好。", "Hello."), silence="s", false_positives="f")
    ... def _demo(ctx):
    ...     return []
    >>> "demo-code" in CHECKS
    True
    >>> del CHECKS["demo-code"]
    """
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}; choose one of {', '.join(SEVERITIES)}")

    def decorate(func: Callable) -> Callable:
        if code in CHECKS:
            raise ValueError(f"check code {code!r} is already registered")
        CHECKS[code] = CheckSpec(code, severity, family, what, why, example, silence, false_positives, func)
        return func

    return decorate


def _validate(names: Iterable[str], option: str) -> list[str]:
    names = [name.strip() for name in names if name and name.strip()]
    unknown = [name for name in names if name not in CHECKS]
    if unknown:
        raise UsageError(
            f"unknown check code{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} in {option}; "
            f"valid codes: {', '.join(sorted(CHECKS))}"
        )
    return names


def resolve_codes(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[str]:
    """The codes to run, in registry order: ``select`` (all when None) minus ``ignore``.

    Unknown codes raise :class:`~corpus_align.errors.UsageError` listing the valid ones.

    >>> "typo" in resolve_codes(ignore=["omission"])
    True
    >>> resolve_codes(select=["nonsense"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    corpus_align.errors.UsageError: unknown check code 'nonsense' in select; valid codes: ...
    """
    if isinstance(select, str):
        select = select.split(",")
    if isinstance(ignore, str):
        ignore = ignore.split(",")
    chosen = set(_validate(select, "select")) if select is not None else set(CHECKS)
    dropped = set(_validate(ignore, "ignore")) if ignore is not None else set()
    return [code for code in CHECKS if code in chosen and code not in dropped]
