"""The work for one document: a pure function from input bytes and settings to output bytes and a summary record."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CorpusAlignError, InputError
from .settings import ALWAYS_WRITTEN, DONE, FAILED, BatchSettings, DocumentPair, DocumentResult, DocumentTask

if TYPE_CHECKING:
    from ..io.store import DocumentRows


def task_hash(task: DocumentTask) -> str:
    """A content hash of a document's inputs and settings: equal hashes mean equal outputs."""
    digest = hashlib.sha256()
    for part in (task.zh_bytes, task.en_bytes or b"", task.settings.fingerprint().encode("utf-8")):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def process_document(task: DocumentTask) -> DocumentResult:
    """Align and check one document and render its outputs; errors become a ``failed`` record, never an exception.

    >>> from corpus_align.batch import DocumentTask, BatchSettings, process_document
    >>> result = process_document(DocumentTask("a", "a.txt", "你好。\\nHello.".encode(), None, None, BatchSettings()))
    >>> result.record["status"], sorted(result.outputs)
    ('done', ['.findings.jsonl', '.html', '.tsv'])
    >>> empty = process_document(DocumentTask("b", "b.zh.txt", b"", "b.en.txt", b"Hello.", BatchSettings()))
    >>> empty.record["status"], empty.record["error"]
    ('failed', 'b.zh.txt: no Chinese text (the file is empty)')
    """
    started = time.perf_counter()
    try:
        outputs, stats, rows = render_document(task)
    except CorpusAlignError as error:
        return failed_result(task, str(error), time.perf_counter() - started)
    except Exception as error:  # one broken document must not stop a release
        return failed_result(task, f"internal error: {type(error).__name__}: {error}", time.perf_counter() - started)
    record: dict = {"name": task.name, "zh_file": task.zh_name, "en_file": task.en_name or ""}
    record.update(status=DONE, error="", **stats, seconds=round(time.perf_counter() - started, 3))
    return DocumentResult(task.name, record, outputs, rows)


def failed_result(task: DocumentTask, error: str, seconds: float) -> DocumentResult:
    record = {"name": task.name, "zh_file": task.zh_name, "en_file": task.en_name or "",
              "status": FAILED, "error": error, "seconds": round(seconds, 3)}
    return DocumentResult(task.name, record)


def encodable(text: str) -> str:
    r"""``text`` with the lone surrogates of an undecodable file name spelled out, so that it encodes as UTF-8.

    >>> encodable("caf\udce9")
    'caf\\udce9'
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def render_document(task: DocumentTask) -> tuple[dict[str, bytes], dict, DocumentRows]:
    """The outputs (suffix → bytes), the summary counts and the release store's rows of one document."""
    from ..io.read import decode_bytes
    from ..io.store import store_rows
    from ..io.writers import RenderSettings, writer
    from ..pipeline import run_pipeline

    settings = task.settings
    # A file name that is not UTF-8 reaches us with lone surrogates, which no output can hold: spelled out.
    zh_name, en_name, title = encodable(task.zh_name), encodable(task.en_name or ""), encodable(task.name)
    if task.en_bytes is None:
        zh_source, en_source = decode_bytes(task.zh_bytes, zh_name, settings.encoding), None
    else:
        zh_source = decode_bytes(task.zh_bytes, zh_name, settings.encoding, allow_empty=True)
        en_source = decode_bytes(task.en_bytes, en_name, settings.encoding, allow_empty=True)
        # Two files, one of them empty: not worth aligning (one side of every row would be blank).
        _refuse_an_empty_side([("Chinese", zh_name, zh_source.text, None), ("English", en_name, en_source.text, None)])
    result = run_pipeline(zh_source, en_source, settings.pipeline())
    alignment, findings = result.alignment, result.findings
    # Text that reads as no sentence at all (only marks, say) leaves a side just as empty.
    _refuse_an_empty_side([
        ("Chinese", zh_name, zh_source.text, len(alignment.zh.sentences)),
        ("English", en_name or zh_name, (en_source or zh_source).text, len(alignment.en.sentences)),
    ])
    warnings = list(alignment.warnings)
    outputs: dict[str, bytes] = {}
    rows_left_out: dict[str, int] = {}
    for name in (*ALWAYS_WRITTEN, *settings.formats):
        output = writer(name)
        rendered = output.render(alignment, findings, RenderSettings(text=settings.text, title=title))
        outputs[output.suffix] = rendered.as_bytes()
        if rendered.rows_left_out:
            rows_left_out[name] = len(rendered.rows_left_out)
        if rendered.warnings:
            more = f" (and {len(rendered.warnings) - 1} more)" if len(rendered.warnings) > 1 else ""
            warnings.append(f"{name}: {rendered.warnings[0]}{more}")
    # Accepted findings are in the reports, greyed, but not among the counts that fail a run.
    severities = Counter(f.severity for f in findings if not f.accepted)
    scores = [b.score for b in alignment.beads if b.zh and b.en]
    stats = {
        "zh_sentences": len(alignment.zh.sentences),
        "en_sentences": len(alignment.en.sentences),
        "beads": len(alignment.beads),
        "bead_types": dict(sorted(Counter(b.type for b in alignment.beads).items())),
        "mean_score": round(sum(scores) / len(scores), 3) if scores else 0.0,
        "errors": severities.get("error", 0),
        "warnings": severities.get("warning", 0),
        "infos": severities.get("info", 0),
        "accepted": sum(1 for f in findings if f.accepted),
        "codes": dict(sorted(Counter(f.code for f in findings).items())),
        "alignment_warnings": warnings,
        "rows_left_out": rows_left_out,  # by format: rows a format could not hold (one-sided rows in a TMX)
    }
    return outputs, stats, store_rows(alignment, findings)


def _refuse_an_empty_side(sides: list[tuple[str, str, str, int | None]]) -> None:
    """Raise :class:`InputError` naming each side ``(language, file, text, sentences)`` that has no text or no sentence.

    ``sentences`` is ``None`` before segmentation, when only the text can be looked at.
    """
    problems = []
    for language, name, text, sentences in sides:
        if not text.strip():
            problems.append((name, f"no {language} text (the file is empty)" if not text else
                             f"no {language} text (the file holds only white space)"))
        elif sentences == 0:
            problems.append((name, f"no {language} text (no sentence found in it)"))
    if problems:
        first_name, first_problem = problems[0]
        rest = "".join(f"; {name}: {problem}" for name, problem in problems[1:])
        raise InputError(first_name, first_problem + rest)


def document_tasks(pairs: Sequence[DocumentPair], settings: BatchSettings, root: Path) -> Iterator[DocumentTask]:
    for pair in pairs:
        zh_bytes = _read_bytes(pair.zh)
        en_bytes = _read_bytes(pair.en) if pair.en is not None else None
        yield DocumentTask(
            pair.name, str(pair.zh.relative_to(root)), zh_bytes,
            str(pair.en.relative_to(root)) if pair.en is not None else None, en_bytes, settings,
        )


def _read_bytes(path: Path) -> bytes:
    try:
        # Non-blocking: should a named pipe have taken the file's place since discovery, opening it does not
        # wait for a writer; the check below then refuses it without reading.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return b"\x00unreadable: not a regular file"
            return stream.read()
    except OSError as error:
        # Surfaces as a failed document rather than stopping the batch.
        return f"\x00unreadable: {error.strerror or error}".encode()


def output_paths(out_dir: Path, name: str, formats: Iterable[str]) -> list[Path]:
    from ..io.writers import writer

    suffixes = [writer(name).suffix for name in (*ALWAYS_WRITTEN, *formats)]
    return [out_dir / f"{name}{suffix}" for suffix in suffixes]
