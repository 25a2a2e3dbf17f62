"""Accepting findings in the HTML report, end to end: tick Accept in a real browser, export the decisions (a Blob
download), merge them with ``corpus-align accept``, and ``check --baseline`` then reports those findings as accepted.

Runs headless Debian Chromium through Selenium and skips when either is missing (see test_report_browser.py).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
from selenium.webdriver.common.by import By  # noqa: E402

from tests.browser.test_report_browser import CHROMEDRIVER, CHROMIUM, chromium_options, severe_console_messages  # noqa: E402
from tests.conftest import run_cli  # noqa: E402

pytestmark = [
    pytest.mark.skipif(not CHROMIUM, reason="Chromium not found (apt-get install chromium)"),
    pytest.mark.skipif(not CHROMEDRIVER, reason="chromedriver not found (apt-get install chromium-driver)"),
]
# Three number mismatches (errors) and a clean row: two are accepted in the browser, the third stays open.
DOCUMENT = "他二十一岁。\n我很好。\n他三岁。\n他有五本书。\nHe is twenty-two.\nI am fine.\nHe is four.\nHe has six books.\n"


@pytest.fixture
def downloading_browser(tmp_path):
    """Headless Chromium that saves downloads into ``tmp_path / "downloads"`` without asking."""
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    profile = tempfile.mkdtemp(prefix="corpus-align-chromium-")
    options = chromium_options(profile)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "download.directory_upgrade": True, "safebrowsing.enabled": False,
    })
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver, downloads
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for_download(path: Path, timeout: float = 15.0) -> Path:
    """``path`` once Chromium has renamed its temporary file to it (it writes a hidden file first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            return path
        time.sleep(0.1)
    raise AssertionError(f"{path.name} was not downloaded; the folder holds {sorted(p.name for p in path.parent.iterdir())}")


def finding_on_row(browser, row: int):
    return browser.find_element(By.CSS_SELECTOR, f"#row-{row} li.finding[data-code='number-mismatch']")


def test_browser_accept_export_merge_and_check_with_the_baseline(downloading_browser, tmp_path):
    browser, downloads = downloading_browser
    document = tmp_path / "doc.txt"
    document.write_text(DOCUMENT, "utf-8")
    report, aligned, baseline = tmp_path / "doc.html", tmp_path / "doc.tsv", tmp_path / "baseline.jsonl"
    assert run_cli("align", str(document), "-o", str(report)).returncode == 0
    assert run_cli("align", str(document), "-o", str(aligned)).returncode == 0
    assert run_cli("check", str(aligned), "--fail-on", "error").returncode == 1

    browser.get(report.resolve().as_uri())
    browser.get_log("browser")
    export = browser.find_element(By.ID, "export-decisions")
    assert export.is_displayed()
    first, third = finding_on_row(browser, 1), finding_on_row(browser, 3)
    first.find_element(By.CSS_SELECTOR, "input.accept-box").click()
    first.find_element(By.CSS_SELECTOR, "input.accept-reason").send_keys("the source says 21; the client confirmed 22")
    third.find_element(By.CSS_SELECTOR, "input.accept-box").click()
    assert "accepted" in first.get_attribute("class").split()
    assert browser.find_element(By.ID, "accepted-count").text == "2"
    name = browser.find_element(By.ID, "decisions").get_attribute("data-file")
    assert name == "doc.decisions.jsonl"
    export.click()
    decisions = wait_for_download(downloads / name)
    assert severe_console_messages(browser) == []

    lines = [json.loads(line) for line in decisions.read_text("utf-8").splitlines()]
    assert [line["fingerprint"] for line in lines] == [first.get_attribute("data-fingerprint"),
                                                       third.get_attribute("data-fingerprint")]
    assert lines[0]["zh"] == "他二十一岁。" and lines[0]["evidence"]["en"] == "twenty-two" and lines[0]["accepted"] is True

    merged = run_cli("accept", str(decisions), str(baseline))
    assert merged.returncode == 0, merged.stderr.decode()
    assert "baseline: 2 added, 0 removed, 0 kept" in merged.stderr.decode()

    checked = run_cli("check", str(aligned), "--baseline", str(baseline), "--format", "jsonl", "--fail-on", "error")
    found = [json.loads(line) for line in checked.stdout.decode().splitlines()]
    accepted = {f["row"]: f["reason"] for f in found if f["accepted"]}
    assert accepted == {1: "the source says 21; the client confirmed 22", 3: ""}
    # The fourth row's mismatch is still open and fails the run; the two accepted ones alone do not.
    assert [f["row"] for f in found if not f["accepted"]] == [4] and checked.returncode == 1
    rows_1_to_3 = tmp_path / "first.tsv"
    rows_1_to_3.write_text("".join(aligned.read_text("utf-8").splitlines(keepends=True)[:4]), "utf-8")
    assert run_cli("check", str(rows_1_to_3), "--fail-on", "error").returncode == 1
    assert run_cli("check", str(rows_1_to_3), "--baseline", str(baseline), "--fail-on", "error").returncode == 0
