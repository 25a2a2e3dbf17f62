"""The HTML report in a real browser: rows and findings render, injected scripts never run, filters work.

Runs headless Debian Chromium through Selenium and skips when either is missing::

    apt-get install -y chromium chromium-driver fonts-noto-cjk
    pip install "selenium>=4.15"
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
from selenium.webdriver.common.by import By  # noqa: E402

from corpus_align.io.html import to_html, to_index_html  # noqa: E402
from corpus_align.model import Alignment, Bead, Document, Finding, Paragraph, Sentence, SourceText  # noqa: E402

CHROMIUM = os.environ.get("CORPUS_ALIGN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = os.environ.get("CORPUS_ALIGN_CHROMEDRIVER") or shutil.which("chromedriver")
pytestmark = [
    pytest.mark.skipif(not CHROMIUM, reason="Chromium not found (apt-get install chromium)"),
    pytest.mark.skipif(not CHROMEDRIVER, reason="chromedriver not found (apt-get install chromium-driver)"),
]
ATTACKS = [
    "<script>window.__pwned = 1; document.title = 'pwned';</script>",
    '<img src="x" onerror="window.__pwned = 2; document.title = \'pwned\'">',
    "</td></tr></tbody></table><script>window.__pwned = 3</script>",
]


def chromium_options(profile: str):
    """Headless Chromium that stays offline, with its own profile folder and the browser console logged."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1366,900", f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="corpus-align-chromium-")
    options = chromium_options(profile)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(browser, path: Path, page: str) -> None:
    path.write_text(page, "utf-8")
    browser.get(path.resolve().as_uri())
    browser.get_log("browser")  # start each page with an empty console


def severe_console_messages(browser) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def visible_rows(browser) -> list[str]:
    return [row.get_attribute("data-row") for row in browser.find_elements(By.CSS_SELECTOR, "tbody.bead") if row.is_displayed()]


def screenshot(browser, path: Path) -> None:
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1366, min(max(height, 600) + 120, 4000))
    assert browser.save_screenshot(str(path))
    browser.set_window_size(1366, 900)


def make_document(lang: str, texts: list[str]) -> Document:
    source = SourceText("attack.txt", "\n".join(texts), "utf-8")
    sentences, position = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, 0, position, position + len(text), text, text, lang))
        position += len(text) + 1
    return Document(source, lang, (Paragraph(0, 0, len(source.text), lang),), tuple(sentences))


@pytest.fixture
def attack_report():
    """Three rows: an injected script in both languages (with an error), a clean row, a row with a warning."""
    alignment = Alignment(
        make_document("zh", [f"标题{ATTACKS[0]}。", "你好。", "他二十一岁。"]),
        make_document("en", [f"Title {ATTACKS[1]}", "Hello.", f"He is 22. {ATTACKS[2]}"]),
        (Bead((0,), (0,), 0.8), Bead((1,), (1,), 0.9), Bead((2,), (2,), 0.4)),
    )
    findings = [
        Finding("untranslated", "error", 1, "markup <b>left</b> in the text", zh_text=ATTACKS[0], en_text=ATTACKS[1]),
        Finding("number-mismatch", "warning", 3, "21 vs 22", zh_text="二十一", en_text="22"),
    ]
    return to_html(alignment, findings, title="Attack <script>document.title='pwned'</script>")


def test_browser_injected_markup_is_text_and_never_runs(browser, attack_report, tmp_path):
    open_page(browser, tmp_path / "attack.html", attack_report)
    assert browser.execute_script("return window.__pwned") is None
    assert browser.title == "Review: Attack <script>document.title='pwned'</script>"
    zh = browser.find_element(By.CSS_SELECTOR, "#row-1 td.zh")
    en = browser.find_element(By.CSS_SELECTOR, "#row-1 td.en")
    assert zh.text == f"标题{ATTACKS[0]}。"
    assert en.text == f"Title {ATTACKS[1]}"
    assert zh.get_attribute("lang") == "zh"
    # Nothing from the input became an element: only the report's own script and no images.
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.execute_script("return document.images.length") == 0
    assert len(browser.find_elements(By.CSS_SELECTOR, "tbody.bead")) == 3
    assert browser.find_element(By.CSS_SELECTOR, "#row-1 mark").text == ATTACKS[0]
    assert severe_console_messages(browser) == []


def test_browser_filters_hide_rows_and_update_the_counter(browser, attack_report, tmp_path):
    open_page(browser, tmp_path / "attack.html", attack_report)
    counter = browser.find_element(By.ID, "visible-count")
    assert browser.find_element(By.ID, "filters").is_displayed()
    assert visible_rows(browser) == ["1", "2", "3"] and counter.text == "3"

    browser.find_element(By.ID, "only-findings").click()
    assert visible_rows(browser) == ["1", "3"] and counter.text == "2"

    browser.find_element(By.CSS_SELECTOR, "input[name='severity'][value='warning']").click()
    assert visible_rows(browser) == ["1"] and counter.text == "1"

    browser.find_element(By.CSS_SELECTOR, "input[name='code'][value='untranslated']").click()
    assert visible_rows(browser) == [] and counter.text == "0"

    browser.find_element(By.ID, "only-findings").click()
    assert visible_rows(browser) == ["2"] and counter.text == "1"

    browser.find_element(By.CSS_SELECTOR, "#filters button[type='reset']").click()
    assert visible_rows(browser) == ["1", "2", "3"] and counter.text == "3"


def test_browser_print_shows_every_row_and_no_filters(browser, attack_report, tmp_path):
    open_page(browser, tmp_path / "attack.html", attack_report)
    browser.find_element(By.ID, "only-findings").click()
    assert visible_rows(browser) == ["1", "3"]
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert visible_rows(browser) == ["1", "2", "3"]
        assert not browser.find_element(By.ID, "filters").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.fixture(scope="module")
def sample(sample_alignment_and_findings):
    return sample_alignment_and_findings


def test_browser_sample_report_shows_rows_findings_and_filters(browser, sample, tmp_path):
    alignment, findings = sample
    open_page(browser, tmp_path / "sample.html", to_html(alignment, findings))
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody.bead")
    assert [row.get_attribute("data-row") for row in rows] == [str(n) for n, _ in alignment.rows()]
    page_text = browser.find_element(By.TAG_NAME, "main").text
    for finding in findings:
        assert finding.message in page_text
    flagged = {f.row for f in findings}
    assert browser.find_element(By.ID, "visible-count").text == str(len(rows))

    browser.find_element(By.ID, "only-findings").click()
    assert visible_rows(browser) == [str(n) for n, _ in alignment.rows() if n in flagged]

    # Unticking the most frequent code leaves only rows with another finding.
    codes = sorted({f.code for f in findings}, key=lambda c: -sum(f.code == c for f in findings))
    if codes:
        browser.find_element(By.CSS_SELECTOR, f"input[name='code'][value='{codes[0]}']").click()
        expected = sorted({f.row for f in findings if f.code != codes[0]})
        assert visible_rows(browser) == [str(n) for n in expected]
        assert browser.find_element(By.ID, "visible-count").text == str(len(expected))
        browser.find_element(By.CSS_SELECTOR, "#filters button[type='reset']").click()
    assert len(visible_rows(browser)) == len(rows)
    assert severe_console_messages(browser) == []
    screenshot(browser, tmp_path / "sample.png")
    assert (tmp_path / "sample.png").stat().st_size > 10_000


def test_browser_index_sorts_by_column(browser, tmp_path):
    documents = [
        {"name": f"{name}.txt", "report": f"{name}.html", "zh_sentences": n, "en_sentences": n, "beads": n,
         "mean_score": 0.5, "errors": n, "warnings": 0, "infos": 0, "status": "ok", "error": ""}
        for name, n in (("b", 1), ("a", 5), ("c", 3))
    ] + [{"name": "d <script>window.__pwned=1</script>.txt", "report": "d.html", "status": "failed",
          "error": "cannot read <script>", "errors": None, "warnings": None, "infos": None}]
    open_page(browser, tmp_path / "index.html", to_index_html(documents))
    assert browser.execute_script("return window.__pwned") is None

    def names():
        return [row.find_element(By.TAG_NAME, "td").text for row in browser.find_elements(By.CSS_SELECTOR, "table.index tbody tr")]

    assert names()[:3] == ["a.txt", "b.txt", "c.txt"]
    errors_header = browser.find_elements(By.CSS_SELECTOR, "table.index th button")[6]
    errors_header.click()
    assert names() == ["d <script>window.__pwned=1</script>.txt", "b.txt", "c.txt", "a.txt"]
    errors_header.click()
    assert names()[0] == "a.txt"
    assert severe_console_messages(browser) == []
