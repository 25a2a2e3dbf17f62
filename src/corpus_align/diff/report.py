"""Write a diff's report folder: an HTML page per document that changed, an index, and summary.json."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import OutputError
from ..io.atomic import write_bytes_atomic
from .model import DocumentDiff, ReleaseDiff
from .render import summary_record

#: A document's page is NAME.diff.html, so that no document name (``index``) can take the index's place.
PAGE_SUFFIX = ".diff.html"


def write_diff_report(
    diff: DocumentDiff | ReleaseDiff, folder: str | Path, *, all_rows: bool = False,
    old_file: str | Path = "", new_file: str | Path = "",
) -> Path:
    """Write ``index.html``, ``NAME.diff.html`` for each document that is not unchanged (sub-folders mirrored)
    and ``summary.json`` into ``folder`` (made if missing), each file atomically; return the index's path.

    ``old_file`` and ``new_file`` name the two files of a one-document diff on its page.
    Raises :class:`~corpus_align.errors.OutputError` when a file cannot be written.

    >>> from corpus_align.diff import diff_releases
    >>> write_diff_report(diff_releases("review-v1", "review-v2"), "review-v2/diff")  # doctest: +SKIP
    PosixPath('review-v2/diff/index.html')
    """
    from ..batch.document import encodable
    from ..io.diff_html import to_diff_html, to_diff_index_html

    root = Path(folder)
    if isinstance(diff, ReleaseDiff):
        release = diff
        labels = {d.name: (str(diff.old / f"{d.name}.tsv"), str(diff.new / f"{d.name}.tsv")) for d in diff.documents}
    else:
        release = ReleaseDiff(Path(old_file), Path(new_file), (diff,))
        labels = {diff.name: (str(old_file), str(new_file))}
    pages: dict[str, str] = {}
    try:
        for document in release.documents:
            if document.status == "unchanged" and not all_rows:
                continue
            name = encodable(document.name)  # a file name that is not UTF-8 is spelled out, as batch does
            old_label, new_label = labels[document.name]
            page = to_diff_html(document, old_name=old_label, new_name=new_label, all_rows=all_rows)
            write_bytes_atomic(root / f"{name}{PAGE_SUFFIX}", _encoded(page))
            if name == document.name:  # a page can only be linked by a UTF-8 name
                pages[document.name] = f"{name}{PAGE_SUFFIX}"
        write_bytes_atomic(root / "index.html", _encoded(to_diff_index_html(release, pages)))
        summary = json.dumps(summary_record(diff), ensure_ascii=False, indent=2) + "\n"
        write_bytes_atomic(root / "summary.json", _encoded(summary))
    except OSError as error:
        raise OutputError(str(root), f"cannot write the diff report: {error.strerror or error}") from None
    return root / "index.html"


def _encoded(text: str) -> bytes:
    # Text from undecodable input holds lone surrogates: spelled \udcXX rather than failing the write.
    return text.encode("utf-8", "backslashreplace")


#: Where ``batch --previous`` writes the diff, inside the batch's output folder.
DIFF_FOLDER = "diff"


def check_previous(previous: str | Path, out_dir: str | Path) -> None:
    """Refuse, before a batch starts, a ``--previous`` folder that is no batch output or is the output folder itself.

    >>> check_previous("review", "review")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    corpus_align.errors.UsageError: --previous review is the output folder itself, which the batch rewrites; ...
    """
    from ..errors import UsageError
    from .release import batch_documents

    if Path(previous).resolve() == Path(out_dir).resolve():
        raise UsageError(f"--previous {previous} is the output folder itself, which the batch rewrites; "
                         "give a copy of the earlier output")
    batch_documents(previous)


def diff_after_batch(previous: str | Path, out_dir: str | Path, *, accepted: frozenset[str] = frozenset()) -> ReleaseDiff:
    """Diff a batch's output folder against the output of the previous release, and write the report into OUT/diff/.

    >>> release = diff_after_batch("review-v1", "review-v2")  # doctest: +SKIP
    >>> release.document_counts()["changed"]  # doctest: +SKIP
    4
    """
    from .release import diff_releases

    release = diff_releases(previous, out_dir, accepted=accepted)
    write_diff_report(release, Path(out_dir) / DIFF_FOLDER)
    return release
