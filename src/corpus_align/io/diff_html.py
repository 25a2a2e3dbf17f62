"""The HTML pages of a release diff: one per document that changed, and an index of the release.

The pages are built like the review report (:mod:`.html`): self-contained,
every text escaped, a Content-Security-Policy that allows only the page's own
style and script. A document's page shows its changed rows (all rows when
asked) with the old and new row numbers, the word-level edits of a revised
side in ``<del>`` and ``<ins>``, and under each row what became of its findings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..diff.model import FINDING_CHANGES, ROW_CHANGES, DocumentDiff, Edit, FindingChange, ReleaseDiff, RowChange
from .html import _badge, _href, _page, esc

# What each row class is called on the page.
ROW_CHANGE_LABELS = {
    "unchanged": "unchanged", "en-revised": "English revised", "zh-revised": "Chinese revised",
    "both-revised": "both revised", "new": "new", "removed": "removed",
}


def edits_html(edits: Sequence[Edit]) -> str:
    """A word-level diff as HTML: removed text in ``<del>``, added text in ``<ins>``, every piece escaped.

    >>> edits_html([Edit("=", "a "), Edit("-", "<b>"), Edit("+", "c&d")])
    'a <del>&lt;b&gt;</del><ins>c&amp;d</ins>'
    """
    tags = {"-": "del", "+": "ins"}
    return "".join(
        esc(edit.text) if edit.op == "=" else f"<{tags[edit.op]}>{esc(edit.text)}</{tags[edit.op]}>" for edit in edits
    )


def _side_html(change: RowChange, side: str) -> str:
    """One cell of a row: the edits of a revised side, the whole text marked for a new or removed row."""
    edits = change.zh_edits if side == "zh" else change.en_edits
    if edits:
        return edits_html(edits)
    if change.new is None:
        text = getattr(change.old, side)
        return f"<del>{esc(text)}</del>" if text else ""
    text = getattr(change.new, side)
    return f"<ins>{esc(text)}</ins>" if change.old is None and text else esc(text)


def _finding_item(change: FindingChange) -> str:
    finding = change.finding
    evidence = [f'<q lang="zh">{esc(finding.zh_text)}</q>'] if finding.zh_text else []
    evidence += [f'<q lang="en">{esc(finding.en_text)}</q>'] if finding.en_text else []
    return (
        f'<li class="finding change-{esc(change.change)}" data-code="{esc(finding.code)}" data-change="{esc(change.change)}">'
        f'<span class="finding-change finding-change-{esc(change.change)}">{esc(change.change)}</span> '
        f"{_badge(finding.severity)} <code>{esc(finding.code)}</code> <span class=\"message\">{esc(finding.message)}</span>"
        + (f' <span class="evidence">— evidence: {" / ".join(evidence)}</span>' if evidence else "")
        + "</li>"
    )


def _counts_table(title: str, counts: Mapping[str, int], labels: Mapping[str, str], key: str) -> str:
    rows = "".join(
        f'<tr><td>{esc(labels.get(kind, kind))}</td><td class="num" data-{key}="{esc(kind)}">{count}</td></tr>'
        for kind, count in counts.items()
    )
    return f'<section><h2>{esc(title)}</h2><table class="counts"><tbody>{rows}</tbody></table></section>'


def to_diff_html(diff: DocumentDiff, *, old_name: str = "", new_name: str = "", all_rows: bool = False) -> str:
    """The diff page of one document: counts, then its changed rows (every row with ``all_rows``) and findings.

    >>> from corpus_align.diff import diff_alignments
    >>> page = to_diff_html(diff_alignments([("好。", "Good <b>.")], [("好。", "Fine <b>.")], name="ch1"))
    >>> "<del>Good</del><ins>Fine</ins> &lt;b&gt;." in page, "Content-Security-Policy" in page
    (True, True)
    """
    by_new_row: dict[int, list[FindingChange]] = {}
    by_old_row: dict[int, list[FindingChange]] = {}
    for finding_change in diff.findings:
        if finding_change.change == "open" and not all_rows:
            continue
        target = by_old_row if finding_change.change == "fixed" else by_new_row
        target.setdefault(finding_change.finding.row, []).append(finding_change)
    shown = diff.rows if all_rows else diff.changed_rows
    body_rows = []
    for row in shown:
        findings = (by_old_row.pop(row.old.row, []) if row.old else []) + (
            by_new_row.pop(row.new.row, []) if row.new else []
        )
        old_no = str(row.old.row) if row.old else ""
        new_no = str(row.new.row) if row.new else ""
        moved = '<span class="moved">moved</span>' if row.moved else ""
        body_rows.append(
            f'<tbody class="bead change-{esc(row.change)}" data-change="{esc(row.change)}">'
            f'<tr class="pair"><td class="row-no">{old_no}</td><td class="row-no">{new_no}</td>'
            f'<td class="change">{esc(ROW_CHANGE_LABELS[row.change])}{moved}</td>'
            f'<td class="text zh" lang="zh">{_side_html(row, "zh")}</td>'
            f'<td class="text en" lang="en">{_side_html(row, "en")}</td></tr>'
        )
        if findings:
            items = "".join(_finding_item(f) for f in findings)
            body_rows.append(f'<tr class="findings"><td></td><td></td><td colspan="3"><ul class="findings">{items}</ul></td></tr>')
        body_rows.append("</tbody>")
    table = (
        '<table class="beads diff"><colgroup><col class="c-row"><col class="c-row"><col class="c-change">'
        '<col class="c-zh"><col class="c-en"></colgroup><thead><tr><th scope="col">Old row</th>'
        '<th scope="col">New row</th><th scope="col">Change</th><th scope="col" lang="zh">中文</th>'
        f'<th scope="col">English</th></tr></thead>{"".join(body_rows)}</table>'
        if shown
        else '<p class="empty-doc">No row changed.</p>'
    )
    # Findings on rows not shown (a finding that appeared on an unchanged row, after a change of the checks).
    elsewhere = [change for changes in (*by_old_row.values(), *by_new_row.values()) for change in changes]
    others = (
        '<section class="wide"><h2>Findings on rows not shown</h2><ul class="findings document-findings">'
        + "".join(
            f'<li class="row-ref">row {change.finding.row}{" (old)" if change.change == "fixed" else ""}:</li>{_finding_item(change)}'
            for change in elsewhere
        )
        + "</ul></section>"
        if elsewhere
        else ""
    )
    files = ""
    if old_name or new_name:
        files = (f'<section class="doc"><h2>Releases</h2><dl><dt>Old</dt><dd>{esc(old_name)}</dd>'
                 f"<dt>New</dt><dd>{esc(new_name)}</dd><dt>Status</dt><dd>{esc(diff.status)}</dd></dl></section>")
    summary = (
        f'<div class="summary">{files}'
        + _counts_table("Rows", diff.row_counts(), ROW_CHANGE_LABELS, "row-count")
        + _counts_table("Findings", diff.finding_counts(), {}, "finding-count")
        + others
        + "</div>"
    )
    note = "every row" if all_rows else "the rows that changed; removed text struck through in red, added text in green"
    body = (
        f"<header><h1>Changes: {esc(diff.name)}</h1></header>{summary}"
        f'<p class="note">Showing {esc(note)}. Rows are matched by their text, not their number.</p>'
        f"<main>{table}</main>"
    )
    return _page(page="report diff", title=f"Changes: {diff.name}", body=body, script=None, extra_style="diff.css")


def to_diff_index_html(diff: ReleaseDiff, pages: Mapping[str, str]) -> str:
    """The index of a release diff: counts, then one table row per document that changed, was added or removed,
    linking its page (``pages``: name → relative link); unchanged documents are counted, not listed.

    >>> from pathlib import Path
    >>> from corpus_align.diff import diff_alignments
    >>> release = ReleaseDiff(Path("v1"), Path("v2"), (diff_alignments([], [("新。", "New.")], name="a&b"),))
    >>> '<a href="a%26b.diff.html">a&amp;b</a>' in to_diff_index_html(release, {"a&b": "a&b.diff.html"})
    True
    """
    listed = [document for document in diff.documents if document.status != "unchanged"]
    columns = [("Document", "text"), ("Status", "text")]
    columns += [(ROW_CHANGE_LABELS[kind], "number") for kind in ROW_CHANGES if kind != "unchanged"]
    columns += [(f"Findings {kind}", "number") for kind in FINDING_CHANGES]
    head = "".join(
        f'<th scope="col" data-type="{kind}"' + (' aria-sort="ascending"' if index == 0 else "")
        + f'><button type="button">{esc(label)}</button></th>'
        for index, (label, kind) in enumerate(columns)
    )
    body_rows = []
    for document in listed:
        page = pages.get(document.name)
        link = f'<a href="{esc(_href(page))}">{esc(document.name)}</a>' if page else esc(document.name)
        cells = [f'<td data-sort="{esc(document.name.casefold())}">{link}</td>',
                 f'<td class="status" data-sort="{esc(document.status)}">{esc(document.status)}</td>']
        counts = {**{k: v for k, v in document.row_counts().items() if k != "unchanged"},
                  **{f"finding-{k}": v for k, v in document.finding_counts().items()}}
        cells += [f'<td class="num" data-sort="{count}">{count}</td>' for count in counts.values()]
        body_rows.append(f'<tr class="status-{esc(document.status)}">{"".join(cells)}</tr>')
    not_compared = "".join(f"<li><code>{esc(name)}</code>: {esc(reason)}</li>" for name, reason in diff.not_compared)
    summary = (
        '<div class="summary"><section class="doc"><h2>Releases</h2><dl>'
        f"<dt>Old</dt><dd>{esc(diff.old)}</dd><dt>New</dt><dd>{esc(diff.new)}</dd></dl></section>"
        + _counts_table("Documents", diff.document_counts(), {}, "document-count")
        + _counts_table("Rows", diff.row_counts(), ROW_CHANGE_LABELS, "row-count")
        + _counts_table("Findings", diff.finding_counts(), {}, "finding-count")
        + (f'<section class="wide"><h2>Not compared</h2><ul class="warnings">{not_compared}</ul></section>' if not_compared else "")
        + "</div>"
    )
    table = (
        f'<table class="index"><thead><tr>{head}</tr></thead><tbody>{"".join(body_rows)}</tbody></table>'
        if listed
        else '<p class="empty-doc">No document changed.</p>'
    )
    title = "corpus-align release diff"
    body = (
        f"<header><h1>{esc(title)}</h1></header>{summary}"
        '<p class="note no-print">Click a column header to sort; click a document name to open its changes.</p>'
        f"<main>{table}</main>"
    )
    return _page(page="index diff", title=title, body=body, script="index.js", extra_style="diff.css")


__all__ = ["edits_html", "to_diff_html", "to_diff_index_html"]
