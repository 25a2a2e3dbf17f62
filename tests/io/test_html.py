"""The HTML review report: self-contained, escaped, highlighted, numbered like the TSV, deterministic.

The sample report is a golden file; after a reviewed change regenerate it with:

    CORPUS_ALIGN_UPDATE_GOLDEN=1 python -m pytest tests/io/test_html.py
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from corpus_align.io.html import highlight, to_html, to_index_html
from corpus_align.model import Alignment, Bead, Document, Finding, Paragraph, Sentence, SourceText

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "sample.html"
SCRIPT = "<script>alert(1)</script>"


def make_document(lang: str, texts: list[str], name: str = "doc.txt") -> Document:
    source = SourceText(name, "\n".join(texts), "utf-8")
    sentences, position = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, 0, position, position + len(text), text, text, lang))
        position += len(text) + 1
    paragraphs = (Paragraph(0, 0, len(source.text), lang),) if texts else ()
    return Document(source, lang, paragraphs, tuple(sentences), script="simplified")


def make_alignment(zh: list[str], en: list[str], beads: list[tuple], warnings: tuple[str, ...] = ()) -> Alignment:
    return Alignment(
        make_document("zh", zh),
        make_document("en", en),
        tuple(Bead(tuple(z), tuple(e), score) for z, e, score in beads),
        warnings=warnings,
    )


@pytest.fixture
def small():
    """Three rows: a 1-1 with a number finding, a 0-1 English-only row, a 1-2 with an injected script."""
    alignment = make_alignment(
        ["他二十一岁。", f"标题{SCRIPT}。"],
        ["Chapter 1", "He is 22 years old.", f'The "title" {SCRIPT}.', "More."],
        [((), (0,), 0.2), ((0,), (1,), 0.9), ((1,), (2, 3), 0.5)],
        warnings=("evidently <b>not</b> a translation",),
    )
    findings = [
        Finding("number-mismatch", "error", 2, "the Chinese has 21, the English 22", zh_text="二十一", en_text="22"),
        Finding("typo", "warning", 3, 'odd "quote" <here>', en_text="title", suggestion="Title"),
        Finding("typo", "warning", 3, 'odd "quote" <here>', en_text="title", suggestion="Title"),
        Finding("untranslated", "info", 3, "script tag", zh_text=SCRIPT),
    ]
    return alignment, findings


class _Cells(HTMLParser):
    """Collect the text of the zh/en cells and the row numbers of a report."""

    def __init__(self):
        super().__init__()
        self.rows: list[int] = []
        self.cells: dict[str, list[str]] = {"zh": [], "en": []}
        self.langs: dict[str, set[str]] = {"zh": set(), "en": set()}
        self._side: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "tbody" and "bead" in classes:
            self.rows.append(int(attrs["data-row"]))
        if tag == "td" and "text" in classes:
            self._side = "zh" if "zh" in classes else "en"
            self.cells[self._side].append("")
            self.langs[self._side].add(attrs.get("lang"))

    def handle_endtag(self, tag):
        if tag == "td":
            self._side = None

    def handle_data(self, data):
        if self._side:
            self.cells[self._side][-1] += data


def parse(page: str) -> _Cells:
    parser = _Cells()
    parser.feed(page)
    return parser


def test_html_is_self_contained(small):
    page = to_html(*small)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"<link\b", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert page.count("<style>") == 1 and page.count("<script>") == 1


def test_html_content_security_policy_allows_only_the_inline_style_and_script(small):
    page = to_html(*small)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)

    def digest(text: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert "default-src 'none'" in csp
    assert f"style-src '{digest(style)}'" in csp
    assert f"script-src '{digest(script)}'" in csp


def test_html_escapes_document_text(small):
    page = to_html(*small)
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "The &quot;title&quot;" in page or "The &quot;<mark" in page
    assert "odd &quot;quote&quot; &lt;here&gt;" in page
    assert "evidently &lt;b&gt;not&lt;/b&gt; a translation" in page


def test_html_escapes_the_title_and_file_names():
    alignment = make_alignment(["你好。"], ["Hello."], [((0,), (0,), 1.0)])
    page = to_html(alignment, [], title='<img src=x onerror="alert(1)">')
    assert "<img" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_html_highlights_finding_spans_in_their_cells(small):
    page = to_html(*small)
    cells = parse(page).cells
    zh_row2 = re.search(r'<tbody[^>]*data-row="2".*?</tbody>', page, re.S).group(0)
    assert re.search(r'<td class="text zh" lang="zh">他<mark class="sev-error"[^>]*>二十一</mark>岁。</td>', zh_row2)
    assert re.search(r'<mark class="sev-error" data-keys="number-mismatch\|error"[^>]*>22</mark>', zh_row2)
    row3 = re.search(r'<tbody[^>]*data-row="3".*?</tbody>', page, re.S).group(0)
    # The injected script is highlighted as escaped text, never as markup.
    assert '<mark class="sev-info" data-keys="untranslated|info"' in row3
    assert ">&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in row3
    # Marking does not change the text of a cell.
    assert cells["zh"][2] == f"标题{SCRIPT}。"
    assert cells["en"][2] == f'The "title" {SCRIPT}. More.'


def test_html_highlight_merges_overlapping_spans_and_keeps_the_worst_severity():
    marked = highlight("abcdef", [("bcd", "typo", "info"), ("cde", "number-mismatch", "error")])
    assert marked == (
        'a<mark class="sev-error" data-keys="number-mismatch|error typo|info" '
        'title="number-mismatch (error), typo (info)">bcde</mark>f'
    )
    assert highlight("a&a", [("a", "x", "warning")]).count("<mark") == 2


def test_html_highlights_converted_span_when_chinese_is_shown_simplified():
    alignment = make_alignment(["關於重慶。"], ["About Chongqing."], [((0,), (0,), 1.0)])
    finding = Finding("typo", "warning", 1, "m", zh_text="關於")
    page = to_html(alignment, [finding], text="simplified")
    assert re.search(r"<mark[^>]*>关于</mark>重庆。", page)


def test_html_highlights_every_span_of_a_grouped_finding():
    """One encoding finding lists a row's damaged spans; each of them is marked, though the evidence text is a list."""
    from corpus_align.checks import check_rows, rows_from_pairs

    zh, en = "市委關(guān)于推動地區(qū)雙城經(jīng)濟圈。", "Friendship?with Foreign Countries?went home."
    alignment = make_alignment([zh], [en], [((0,), (0,), 1.0)])
    [finding] = check_rows(rows_from_pairs([(zh, en)]), select=["encoding-artifact"])
    page = to_html(alignment, [finding])
    assert len(finding.spans) == 5
    assert re.findall(r"<mark[^>]*>([^<]*)</mark>", page) == ["(guān)", "(qū)", "(jīng)", "?", "?"]


def test_html_rows_match_beads_and_tsv_numbers(small):
    alignment, findings = small
    parsed = parse(to_html(alignment, findings))
    assert parsed.rows == [row for row, _ in alignment.rows()] == [1, 2, 3]
    assert parsed.cells["zh"] == ["", "他二十一岁。", f"标题{SCRIPT}。"]
    assert parsed.cells["en"][0] == "Chapter 1"
    assert parsed.langs == {"zh": {"zh"}, "en": {"en"}}


def test_html_shows_findings_on_their_rows(small):
    page = to_html(*small)
    row2 = re.search(r'<tbody[^>]*data-row="2".*?</tbody>', page, re.S).group(0)
    assert '<li class="finding" data-code="number-mismatch" data-severity="error" data-fingerprint="' in row2
    assert "the Chinese has 21, the English 22" in row2
    row3 = re.search(r'<tbody[^>]*data-row="3".*?</tbody>', page, re.S).group(0)
    # Two identical findings are listed once with their count.
    assert row3.count('data-code="typo"') == 1 and "×2" in row3
    row1 = re.search(r'<tbody[^>]*data-row="1".*?</tbody>', page, re.S).group(0)
    assert "finding" not in row1


def test_html_summary_counts(small):
    page = to_html(*small)
    assert 'data-count="zh-sentences">2<' in page
    assert 'data-count="en-sentences">4<' in page
    assert 'data-count="beads">3<' in page
    assert 'data-count="mean-score">0.533<' in page
    assert 'data-count="findings">4<' in page
    assert 'data-severity-count="error">1<' in page
    assert 'data-severity-count="warning">2<' in page
    assert 'data-severity-count="info">1<' in page
    assert 'data-code-count="typo">2<' in page
    for kind in ("0-1", "1-1", "1-2"):
        assert f'data-type="{kind}">1<' in page


def test_html_filters_list_codes_and_severities(small):
    page = to_html(*small)
    for code in ("number-mismatch", "typo", "untranslated"):
        assert f'name="code" value="{code}" checked' in page
    for severity in ("error", "warning", "info"):
        assert f'name="severity" value="{severity}" checked' in page
    assert 'id="only-findings"' in page
    assert 'Showing <span id="visible-count">3</span> of 3 rows' in page


def test_html_has_a_print_stylesheet(small):
    page = to_html(*small)
    print_css = page[page.index("@media print") :]
    assert ".filters" in print_css and "display: none" in print_css
    assert "break-inside: avoid" in print_css
    assert "tbody.bead[hidden]" in print_css


def test_html_is_deterministic(small):
    assert to_html(*small) == to_html(*small)


def test_html_renders_an_empty_alignment():
    alignment = make_alignment([], [], [])
    page = to_html(alignment, [])
    assert "This alignment has no rows." in page
    assert 'data-count="mean-score">—<' in page


def test_html_lists_findings_outside_the_rows():
    alignment = make_alignment(["你好。"], ["Hello."], [((0,), (0,), 1.0)])
    page = to_html(alignment, [Finding("omission", "warning", 0, "document-level <note>")])
    assert "Findings outside the rows" in page and "document-level &lt;note&gt;" in page


def test_index_html_orders_by_name_links_reports_and_shows_errors():
    documents = [
        {"name": "b.txt", "report": "b.html", "zh_sentences": 3, "en_sentences": 4, "beads": 4, "mean_score": 0.61,
         "errors": 2, "warnings": 1, "infos": 0, "status": "done", "error": ""},
        {"name": "a <x>.txt", "report": "a <x>.html", "zh_sentences": None, "en_sentences": None, "beads": None,
         "mean_score": None, "errors": 0, "warnings": 0, "infos": 0, "status": "failed", "error": "cannot decode <b>"},
        {"name": "c.txt", "report": "javascript:alert(1)", "zh_sentences": 1, "en_sentences": 1, "beads": 1,
         "mean_score": 1.0, "errors": 0, "warnings": 0, "infos": 0, "status": "unchanged", "error": ""},
    ]
    page = to_index_html(documents)
    names = re.findall(r'<tr class="status-\w+"><td data-sort="([^"]*)"', page)
    assert names == ["a &lt;x&gt;.txt", "b.txt", "c.txt"]
    assert '<a href="b.html">b.txt</a>' in page
    assert 'href="javascript:' not in page and 'href="javascript%3Aalert%281%29"' in page
    assert "cannot decode &lt;b&gt;" in page and "<b>" not in page
    assert 'data-count="failed">1<' in page and 'data-count="errors">2<' in page
    assert "0.610" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert to_index_html(documents) == to_index_html(list(reversed(documents)))


def test_index_html_counts_other_statuses_and_links_only_reports_that_exist():
    page = to_index_html([{"name": "sub/x.txt", "report": "sub/x.txt.html", "status": "unpaired", "error": ""},
                          {"name": "sub/y.txt", "report": "sub/y.txt.html", "status": "done", "mean_score": 0.0}])
    assert 'data-count="unpaired">1<' in page
    # The batch's one vocabulary, each status counted even when none has it.
    assert re.findall(r'<dt>([^<]+)</dt><dd data-count="([\w-]+)">', page)[1:6] == [
        ("Done", "done"), ("Unchanged", "unchanged"), ("Failed", "failed"), ("Unpaired", "unpaired"), ("Not read", "not-read"),
    ]
    assert "<a href=\"sub/x.txt.html\">" not in page and '<a href="sub/y.txt.html">sub/y.txt</a>' in page


@pytest.fixture(scope="module")
def sample_report(sample_alignment_and_findings):
    return sample_alignment_and_findings


def test_html_sample_rows_and_findings(sample_report):
    alignment, findings = sample_report
    page = to_html(alignment, findings)
    assert parse(page).rows == list(range(1, len(alignment.beads) + 1))
    assert f'data-count="findings">{len(findings)}<' in page
    assert "<mark" in page


def test_html_golden_sample(sample_report):
    rendered = to_html(*sample_report)
    if os.environ.get("CORPUS_ALIGN_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(rendered, "utf-8")
    assert rendered == GOLDEN.read_text("utf-8")
