"""The HTML review report: one self-contained page per document, and an index for a batch.

Every page carries its CSS and JavaScript inline and loads nothing from the
network; a Content-Security-Policy allows only the page's own style and
script (by hash), so even a slip in escaping could not run a script from the
input.  All text that comes from the input is escaped with
:func:`html.escape` (quotes included) and reaches the script only through
``data-*`` attributes, never as code.  The output is deterministic (no
timestamps), so the sample report is a golden file.

Each finding carries its fingerprint (``data-fingerprint``) and an Accept
control; the page's script exports the reviewer's decisions as a JSONL file
(a Blob download: no server), which ``corpus-align accept`` merges into a
baseline.  Findings a baseline accepts are shown greyed, with the reason,
and left out of the counts.

The template, style sheet and scripts live in ``resources/report/``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import PurePath
from urllib.parse import quote

from ..model import SEVERITIES, Alignment, Finding, Lang
from ..normalize import apply_text_mode, check_text_mode
from .records import bead_records, metadata, row_text

# Most severe first, for badges, counts and filters.
SEVERITY_ORDER: tuple[str, ...] = tuple(reversed(SEVERITIES))
# A batch's statuses, in the order the index counts them (corpus_align.batch.settings says what each means).
STATUSES = ("done", "unchanged", "failed", "unpaired", "not-read")
# Statuses whose document has a report to link to.
REPORTED_STATUSES = frozenset({"done", "unchanged"})
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# The footer says when the cells do not show the text as written.
_TEXT_NOTES = {
    "original": "",
    "repaired": " · text shown repaired (pinyin annotations, ? between words and mojibake undone)",
    "simplified": " · text shown repaired, Chinese in Simplified",
}


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute.

    >>> esc('<script>alert("x")</script> & \\'y\\'')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;y&#x27;'
    """
    return html.escape(str(value), quote=True)


@cache
def _resource(name: str) -> str:
    return resources.files("corpus_align.resources").joinpath("report").joinpath(name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _page(*, page: str, title: str, body: str, script: str | None, extra_style: str | None = None) -> str:
    """Fill the page template: inline CSS and JS, a CSP that allows only those two.

    ``script`` and ``extra_style`` name files of ``resources/report/``; a page
    without a script gets an empty one (its hash is in the CSP, so nothing
    else can run), and ``extra_style`` is added after the report's style sheet.
    """
    from .. import __version__

    style = _resource("report.css") + (_resource(extra_style) if extra_style else "")
    code = _resource(script) if script else ""
    # Our own files must not be able to close their element early.
    assert "</style" not in style.lower() and "</script" not in code.lower()
    csp = (
        f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(code)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    values = {
        "csp": csp,
        "generator": esc(f"corpus-align {__version__}"),
        "title": esc(title),
        "page": page,
        "style": style,
        "body": body,
        "script": code,
    }
    # One pass over the template, so text inserted for one placeholder is never re-scanned.
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], _resource("page.html"))


# --- highlighting -------------------------------------------------------------------------


def highlight(text: str, spans: Sequence[tuple[str, str, str]]) -> str:
    """Escape ``text`` and wrap every occurrence of each evidence span in ``<mark>``.

    ``spans`` holds ``(span, code, severity)``; overlapping occurrences merge
    into one mark that lists every ``code|severity`` in ``data-keys`` and takes
    the worst severity for its colour.

    >>> highlight("a <b> c", [("<b>", "typo", "warning")])
    'a <mark class="sev-warning" data-keys="typo|warning" title="typo (warning)">&lt;b&gt;</mark> c'
    >>> highlight("x", [("y", "typo", "info")])
    'x'
    """
    intervals: list[tuple[int, int, str]] = []
    for span, code, severity in spans:
        if not span:
            continue
        start = text.find(span)
        while start != -1:
            intervals.append((start, start + len(span), f"{code}|{severity}"))
            start = text.find(span, start + 1)
    if not intervals:
        return esc(text)
    intervals.sort()
    merged: list[list] = []
    for start, end, key in intervals:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].add(key)
        else:
            merged.append([start, end, {key}])
    out, position = [], 0
    for start, end, keys in merged:
        pairs = sorted((key.split("|", 1) for key in keys), key=lambda pair: (_severity_key(pair[1]), pair[0]))
        ordered = [f"{code}|{severity}" for code, severity in pairs]
        worst = pairs[0][1]
        label = ", ".join(f"{code} ({severity})" for code, severity in pairs)
        out.append(esc(text[position:start]))
        out.append(
            f'<mark class="sev-{esc(worst)}" data-keys="{esc(" ".join(ordered))}" title="{esc(label)}">'
            f"{esc(text[start:end])}</mark>"
        )
        position = end
    out.append(esc(text[position:]))
    return "".join(out)


def _evidence_texts(finding: Finding, side: str) -> list[str]:
    """The pieces of a finding's evidence on one side to highlight: each of its located spans, or else its evidence text.

    >>> from corpus_align.model import Span
    >>> _evidence_texts(Finding("encoding-artifact", "error", 2, "m", zh_text="關(guān)于, 記(jì)者",
    ...                         spans=(Span("zh", 1, 7, "(guān)"), Span("zh", 9, 13, "(jì)"))), "zh")
    ['(guān)', '(jì)']
    """
    if finding.spans:
        return [span.text for span in finding.spans if span.side == side]
    return [finding.zh_text if side == "zh" else finding.en_text]


def _span_variants(alignment: Alignment, span: str, lang: Lang, text: str) -> list[str]:
    """The evidence as it may appear in the cell: as written, and as the cell shows text (repaired, converted)."""
    if not span or text == "original":
        return [span]
    shown = apply_text_mode(span, lang, text, opencc=alignment.zh.opencc)
    return [span] if shown in ("", span) else [span, shown]


# --- the document report ------------------------------------------------------------------


def _severity_key(severity: str) -> int:
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else len(SEVERITY_ORDER)


def _badge(severity: str) -> str:
    return f'<span class="sev sev-{esc(severity)}">{esc(severity)}</span>'


def _grouped(findings: Sequence[Finding]) -> list[tuple[Finding, int]]:
    """Identical findings of a row once each, with how often they occur, in first-seen order."""
    counts = Counter(findings)
    seen, groups = set(), []
    for finding in findings:
        if finding not in seen:
            seen.add(finding)
            groups.append((finding, counts[finding]))
    return groups


def _fingerprinted(alignment: Alignment, findings: Sequence[Finding]) -> list[Finding]:
    """The findings, each with its fingerprint (computed from its row's text as written when no baseline gave it one)."""
    from dataclasses import replace

    from ..baseline import finding_fingerprint

    texts: dict[int, tuple[str, str]] = {}
    for row, bead in alignment.rows():
        texts[row] = (row_text(alignment.zh, bead.zh).text, row_text(alignment.en, bead.en).text)
    return [
        finding if finding.fingerprint else replace(finding, fingerprint=finding_fingerprint(finding, *texts.get(finding.row, ("", ""))))
        for finding in findings
    ]


def _counted(findings: Sequence[Finding]) -> list[Finding]:
    """The findings the summary counts: those not accepted."""
    return [finding for finding in findings if not finding.accepted]


def _accept_control(finding: Finding) -> str:
    """The Accept box and its optional reason; the page's script exports what the reviewer decides."""
    checked = " checked" if finding.accepted else ""
    return (
        f'<span class="accept no-print"><label><input type="checkbox" class="accept-box"{checked}> Accept</label> '
        f'<input type="text" class="accept-reason" placeholder="reason (optional)" aria-label="Reason for accepting" '
        f'value="{esc(finding.reason)}"></span>'
    )


def _finding_item(finding: Finding, times: int) -> str:
    classes = "finding accepted" if finding.accepted else "finding"
    parts = [
        f'<li class="{classes}" data-code="{esc(finding.code)}" data-severity="{esc(finding.severity)}" '
        f'data-fingerprint="{esc(finding.fingerprint)}"' + (' data-accepted="true"' if finding.accepted else "") + ">",
        _badge(finding.severity),
        f" <code>{esc(finding.code)}</code>",
    ]
    if finding.accepted:
        parts.append(' <span class="accepted-label">accepted</span>')
    if finding.confidence is not None:
        parts.append(f' <span class="confidence" title="calibrated chance that the finding is right">{finding.confidence:.0%}</span>')
    parts.append(f" {esc(finding.message)}")
    if times > 1:
        parts.append(f' <span class="times">×{times}</span>')
    evidence = [f'<q lang="zh">{esc(finding.zh_text)}</q>'] if finding.zh_text else []
    evidence += [f'<q lang="en">{esc(finding.en_text)}</q>'] if finding.en_text else []
    if evidence:
        parts.append(f' <span class="evidence">— evidence: {" / ".join(evidence)}</span>')
    if finding.suggestion:
        shown = f"<q>{esc(finding.suggestion)}</q>" if finding.suggestion.strip() else "a space"
        parts.append(f' <span class="suggestion">— suggestion: {shown}</span>')
    if finding.accepted and finding.reason:
        parts.append(f' <span class="reason">— reason: <q>{esc(finding.reason)}</q></span>')
    if finding.fingerprint:
        parts.append(" " + _accept_control(finding))
    parts.append("</li>")
    return "".join(parts)


def _check_description(code: str) -> str:
    from ..checks import CHECKS

    spec = CHECKS.get(code)
    return spec.what if spec else ""


def _summary(alignment: Alignment, findings: Sequence[Finding], meta: dict, rows: set[int]) -> str:
    types = Counter(bead.type for bead in alignment.beads)
    scores = [bead.score for bead in alignment.beads]
    mean = f"{sum(scores) / len(scores):.3f}" if scores else "—"
    counted = _counted(findings)
    accepted = len(findings) - len(counted)
    severities: Counter[str] = Counter(f.severity for f in counted)
    codes = Counter(f.code for f in counted)
    code_severity = {f.code: f.severity for f in sorted(counted, key=lambda f: -_severity_key(f.severity))}
    same_file = meta["zh"] == meta["en"]

    files = (
        f"<dt>File</dt><dd>{esc(meta['zh'])}</dd>"
        if same_file
        else f"<dt>Chinese</dt><dd>{esc(meta['zh'])}</dd><dt>English</dt><dd>{esc(meta['en'])}</dd>"
    )
    doc = (
        f'<section class="doc"><h2>Document</h2><dl>{files}'
        f"<dt>Chinese sentences</dt><dd data-count=\"zh-sentences\">{meta['zh_sentences']}</dd>"
        f"<dt>English sentences</dt><dd data-count=\"en-sentences\">{meta['en_sentences']}</dd>"
        f"<dt>Rows (beads)</dt><dd data-count=\"beads\">{meta['beads']}</dd>"
        f"<dt>Mean score</dt><dd data-count=\"mean-score\">{mean}</dd>"
        f"<dt>Evidence</dt><dd>{meta['evidence']:.3f}</dd></dl></section>"
    )
    type_rows = "".join(
        f'<tr><td>{esc(kind)}</td><td class="num" data-type="{esc(kind)}">{count}</td></tr>'
        for kind, count in sorted(types.items(), key=lambda item: (-item[1], item[0]))
    )
    bead_types = (
        '<section><h2>Bead types</h2><table class="counts"><thead><tr><th>Type (zh-en)</th>'
        f'<th class="num">Rows</th></tr></thead><tbody>{type_rows}</tbody></table></section>'
    )
    severity_rows = "".join(
        f'<tr><td>{_badge(severity)}</td><td class="num" data-severity-count="{severity}">{severities.get(severity, 0)}</td></tr>'
        for severity in SEVERITY_ORDER
    )
    by_severity = (
        f'<section><h2>Findings by severity</h2><table class="counts"><tbody>{severity_rows}'
        f'<tr><th>Total</th><th class="num" data-count="findings">{len(counted)}</th></tr>'
        + (f'<tr class="accepted"><td>Accepted (not counted)</td><td class="num" data-count="accepted">{accepted}</td></tr>'
           if accepted else "")
        + "</tbody></table></section>"
    )
    code_rows = "".join(
        f'<tr><td>{_badge(code_severity[code])}</td><td><code>{esc(code)}</code></td>'
        f'<td class="num" data-code-count="{esc(code)}">{count}</td><td class="muted">{esc(_check_description(code))}</td></tr>'
        for code, count in sorted(codes.items(), key=lambda item: (_severity_key(code_severity[item[0]]), item[0]))
    )
    by_code = (
        '<section class="wide"><h2>Findings by code</h2>'
        + (
            f'<table class="counts"><thead><tr><th>Severity</th><th>Code</th><th class="num">Count</th>'
            f"<th>What it checks</th></tr></thead><tbody>{code_rows}</tbody></table>"
            if codes
            else '<p class="muted">No findings.</p>'
        )
        + "</section>"
    )
    parts = [doc, bead_types, by_severity, by_code]
    if alignment.warnings:
        items = "".join(f"<li>{esc(warning)}</li>" for warning in alignment.warnings)
        parts.append(f'<section class="wide"><h2>Warnings</h2><ul class="warnings">{items}</ul></section>')
    loose = [f for f in findings if f.row not in rows]
    if loose:
        items = "".join(_finding_item(f, n) for f, n in _grouped(loose))
        parts.append(
            f'<section class="wide"><h2>Findings outside the rows</h2><ul class="findings document-findings">{items}</ul></section>'
        )
    return f'<div class="summary">{"".join(parts)}</div>'


def _filters(findings: Sequence[Finding], row_count: int) -> str:
    severities: Counter[str] = Counter(f.severity for f in findings)
    codes = Counter(f.code for f in findings)
    severity_boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{esc(s)}" checked> {esc(s)} ({severities.get(s, 0)})</label>'
        for s in SEVERITY_ORDER
    )
    code_boxes = "".join(
        f'<label><input type="checkbox" name="code" value="{esc(c)}" checked> <code>{esc(c)}</code> ({n})</label>'
        for c, n in sorted(codes.items())
    )
    return (
        '<form id="filters" class="filters no-print" hidden aria-label="Filter rows">'
        f'<fieldset><legend>Severity</legend>{severity_boxes}</fieldset>'
        + (f'<fieldset><legend>Code</legend>{code_boxes}</fieldset>' if codes else "")
        + '<label><input type="checkbox" id="only-findings" name="only-findings"> Only rows with findings</label>'
        '<label><input type="checkbox" id="show-accepted" name="show-accepted" checked> Accepted findings</label>'
        '<button type="reset">Show all</button>'
        f'<span class="counter" aria-live="polite">Showing <span id="visible-count">{row_count}</span> of {row_count} rows</span>'
        "</form>"
    )


def _bead_rows(alignment: Alignment, findings: Sequence[Finding], text: str) -> str:
    by_row: dict[int, list[Finding]] = {}
    for finding in findings:
        by_row.setdefault(finding.row, []).append(finding)
    out = []
    for record in bead_records(alignment, text=text):
        row = record["row"]
        row_findings = sorted(by_row.get(row, []), key=lambda f: (f.accepted, _severity_key(f.severity)))
        # Accepted evidence is not highlighted: a reviewer has looked at it already.
        open_findings = _counted(row_findings)
        zh_spans = [
            (variant, f.code, f.severity)
            for f in open_findings for piece in _evidence_texts(f, "zh") for variant in _span_variants(alignment, piece, "zh", text)
        ]
        en_spans = [
            (variant, f.code, f.severity)
            for f in open_findings for piece in _evidence_texts(f, "en") for variant in _span_variants(alignment, piece, "en", text)
        ]
        classes = ["bead", f"type-{record['type']}"]
        if row_findings:
            classes.append("flagged")
            classes += [f"has-{s}" for s in SEVERITY_ORDER if any(f.severity == s for f in open_findings)]
            if not open_findings:
                classes.append("all-accepted")
        out.append(
            f'<tbody class="{esc(" ".join(classes))}" id="row-{row}" data-row="{row}">'
            f'<tr class="pair"><td class="row-no"><a href="#row-{row}">{row}</a></td>'
            f'<td class="text zh" lang="zh">{highlight(record["zh"], zh_spans)}</td>'
            f'<td class="text en" lang="en">{highlight(record["en"], en_spans)}</td>'
            f'<td class="meta"><span class="type">{esc(record["type"])}</span>'
            f'<span class="score" title="probability that this bead is right">{record["score"]:.3f}</span></td></tr>'
        )
        if row_findings:
            items = "".join(_finding_item(f, n) for f, n in _grouped(row_findings))
            out.append(f'<tr class="findings"><td></td><td colspan="3"><ul class="findings">{items}</ul></td></tr>')
        out.append("</tbody>")
    return "".join(out)


def to_html(
    alignment: Alignment,
    findings: Sequence[Finding],
    *,
    title: str | None = None,
    text: str = "original",
) -> str:
    """Render one document's review report as a self-contained HTML page.

    The page shows a summary (files, sentence counts, bead types, mean score,
    findings per severity and code, warnings), then one table row per bead
    with the row number of the TSV, the Chinese and English side by side,
    type and score, and the row's findings under it; evidence spans are
    highlighted with ``<mark>``.  Check boxes filter rows by code and
    severity; a print style sheet prints every row.  Each finding has its
    fingerprint and an Accept control; the Export decisions button saves the
    reviewer's decisions for ``corpus-align accept``; findings a baseline
    accepted are greyed and not counted.  ``text`` is how the
    cells show the text (``original``, ``repaired`` or ``simplified``, see
    :func:`~corpus_align.io.records.shown_sentences`); the findings' evidence
    stays as written.

    >>> from corpus_align.alignment import align
    >>> page = to_html(align("你好。", "Hello <world>."), [])
    >>> page.startswith("<!DOCTYPE html>"), "Hello &lt;world&gt;." in page
    (True, True)
    """
    check_text_mode(text)
    meta = metadata(alignment)
    rows = {row for row, _ in alignment.rows()}
    if title is None:
        title = meta["zh"] if meta["zh"] == meta["en"] else f"{meta['zh']} — {meta['en']}"
    findings = _fingerprinted(alignment, findings)
    table = (
        '<table class="beads"><colgroup><col class="c-row"><col class="c-zh"><col class="c-en"><col class="c-meta"></colgroup>'
        '<thead><tr><th scope="col">Row</th><th scope="col" lang="zh">中文</th><th scope="col">English</th>'
        f'<th scope="col">Type / score</th></tr></thead>{_bead_rows(alignment, findings, text)}</table>'
        if alignment.beads
        else '<p class="empty-doc">This alignment has no rows.</p>'
    )
    settings = ", ".join(f"{esc(key)}={esc(value)}" for key, value in meta["settings"].items())
    body = (
        f'<header><h1>Review report: {esc(title)}</h1></header>'
        f'{_summary(alignment, findings, meta, rows)}'
        f'{_filters(findings, len(alignment.beads))}'
        f'{_decisions_bar(meta["zh"], findings)}'
        f"<main>{table}</main>"
        f'<footer>corpus-align {esc(meta["version"])}'
        + (f" · settings: {settings}" if settings else "")
        + _TEXT_NOTES[text]
        + "</footer>"
    )
    return _page(page="report", title=f"Review: {title}", body=body, script="report.js")


def _decisions_bar(document: str, findings: Sequence[Finding]) -> str:
    """The Export decisions button (shown by the script), and the name of the file it saves: the document's, without
    its folder (a browser saves into its own)."""
    if not findings:
        return ""
    stem = re.sub(r"[^\w.-]+", "_", PurePath(document.replace("\\", "/")).stem).strip("._")[:80] or "report"
    return (
        f'<div id="decisions" class="decisions no-print" hidden data-file="{esc(stem)}.decisions.jsonl">'
        '<button type="button" id="export-decisions">Export decisions</button> '
        '<span class="muted"><span id="accepted-count">0</span> accepted; merge the file into a baseline with '
        "<code>corpus-align accept FILE BASELINE</code></span></div>"
    )


# --- the batch index ----------------------------------------------------------------------


def _href(report: str) -> str:
    """A relative link to a report file: path segments percent-encoded, so no scheme can sneak in.

    >>> _href("reports/a b#1.html"), _href("javascript:alert(1)")
    ('reports/a%20b%231.html', 'javascript%3Aalert%281%29')
    """
    return quote(report.replace("\\", "/"), safe="/-_.~")


def _number(value: float | str | None, digits: int = 0) -> tuple[str, str]:
    """(shown text, sort key) for a count or score that may be missing."""
    if value is None or value == "":
        return "—", ""
    if digits:
        return f"{float(value):.{digits}f}", f"{float(value):.{digits}f}"
    return str(int(value)), str(int(value))


def to_index_html(documents: Sequence[Mapping], *, title: str = "corpus-align batch report") -> str:
    """Render the index page of a batch: one table row per document, linking its report.

    Each document dict has ``name``, ``report`` (relative link to its page),
    ``zh_sentences``, ``en_sentences``, ``beads``, ``mean_score``, ``errors``,
    ``warnings``, ``infos``, ``status`` (``done``/``unchanged``/``failed``,
    or ``unpaired``/``not-read`` for a file that is no document) and
    ``error`` (the message when it failed).  Rows are ordered by name; the
    column headers sort the table in the browser.

    >>> page = to_index_html([{"name": "a.txt", "report": "a.html", "status": "done", "beads": 3}])
    >>> '<a href="a.html">a.txt</a>' in page
    True
    """
    ordered = sorted(documents, key=lambda doc: (str(doc.get("name", "")).casefold(), str(doc.get("name", ""))))
    statuses = Counter(str(doc.get("status", "done")) for doc in ordered)
    totals = {key: sum(int(doc.get(key) or 0) for doc in ordered) for key in ("errors", "warnings", "infos")}
    columns = [
        ("Document", "text"), ("Status", "text"), ("zh sentences", "number"), ("en sentences", "number"),
        ("Rows", "number"), ("Mean score", "number"), ("Errors", "number"), ("Warnings", "number"),
        ("Infos", "number"), ("Problem", "text"),
    ]
    head = "".join(
        f'<th scope="col" data-type="{kind}"'
        + (' aria-sort="ascending"' if index == 0 else "")
        + f'><button type="button">{esc(label)}</button></th>'
        for index, (label, kind) in enumerate(columns)
    )
    body_rows = []
    for doc in ordered:
        name = str(doc.get("name", ""))
        status = str(doc.get("status", "done"))
        report = doc.get("report")
        link = f'<a href="{esc(_href(str(report)))}">{esc(name)}</a>' if report and status in REPORTED_STATUSES else esc(name)
        cells = [
            f'<td data-sort="{esc(name.casefold())}">{link}</td>',
            f'<td class="status" data-sort="{esc(status)}">{esc(status)}</td>',
        ]
        for key, digits in (("zh_sentences", 0), ("en_sentences", 0), ("beads", 0), ("mean_score", 3),
                            ("errors", 0), ("warnings", 0), ("infos", 0)):
            shown, sort = _number(doc.get(key), digits)
            cells.append(f'<td class="num" data-sort="{esc(sort)}">{esc(shown)}</td>')
        problem = str(doc.get("error") or "")
        cells.append(f'<td class="error-message" data-sort="{esc(problem)}">{esc(problem)}</td>')
        body_rows.append(f'<tr class="status-{esc(status)}">{"".join(cells)}</tr>')
    summary = (
        '<div class="summary"><section><h2>Documents</h2><dl>'
        f'<dt>Total</dt><dd data-count="documents">{len(ordered)}</dd>'
        + "".join(
            f'<dt>{esc(s.replace("-", " ").capitalize())}</dt><dd data-count="{esc(s)}">{statuses.get(s, 0)}</dd>'
            for s in [*STATUSES, *sorted(set(statuses) - set(STATUSES))]
        )
        + "</dl></section><section><h2>Findings</h2><dl>"
        + "".join(f'<dt>{esc(k.capitalize())}</dt><dd data-count="{k}">{v}</dd>' for k, v in totals.items())
        + "</dl></section></div>"
    )
    table = (
        f'<table class="index"><thead><tr>{head}</tr></thead><tbody>{"".join(body_rows)}</tbody></table>'
        if ordered
        else '<p class="empty-doc">No documents.</p>'
    )
    body = (
        f"<header><h1>{esc(title)}</h1></header>{summary}"
        '<p class="note no-print">Click a column header to sort; click a document name to open its report.</p>'
        f"<main>{table}</main>"
    )
    return _page(page="index", title=title, body=body, script="index.js")


__all__ = ["esc", "highlight", "to_html", "to_index_html"]
