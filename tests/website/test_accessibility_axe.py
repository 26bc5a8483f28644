"""The public website is district web content, so it must meet WCAG 2.1 AA. Every exported page is opened in
a real headless browser (Debian's chromium, through its own chromedriver) and checked with the axe-core
engine against the WCAG 2.0/2.1 A and AA rules; any violation fails. The keyboard is tried too.

Without chromium and chromium-driver installed the tests skip (.ci/run installs them). Selenium Manager is
never asked to download a browser or a driver: both paths are given, and SE_OFFLINE is set.

axe-core 4.14.1 is kept in tests/website/axe/ (see its README), so every WCAG 2.0 and 2.1 A/AA rule runs.
What axe does not decide alone is tried here by hand too: the keyboard, focus visibility and reflow at
320 px; and test_export.py reads the structure (headings, captions, header cells, link text, style contrast)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from techapproval.services import contracts as svc
from techapproval.services.settings import update_settings
from techapproval.services.website import WebsiteData, website_data
from techapproval.website.export import export_website
from tests.website import _contract, _contractor, build_registry

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


AXE = Path(__file__).parent / "axe" / "axe.min.js"


@pytest.fixture(scope="module")
def browser():
    """One headless chromium for the whole module: starting it is the slow part."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not (Path(p).is_file() and os.access(p, os.X_OK))]
    if missing:
        pytest.skip(f"needs Debian's chromium and chromium-driver ({', '.join(missing)} not found); "
                    "apt-get install chromium chromium-driver")
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900"):
        options.add_argument(arg)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SE_OFFLINE", "true")  # Selenium Manager must not download anything
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _export(district, outdir: Path) -> Path:
    with district.db.transaction() as s:
        data = website_data(s, district.reviewer)
        export_website(data, outdir, lambda cid: svc.document_content(s, district.reviewer, cid))
    return outdir


@pytest.fixture
def site(district, tmp_path) -> Path:
    """A demo-like registry: contracts with and without a document, titles, dates and an expired one, a
    contract short of the required provisions, approved resources with and without parental permission, and
    the site's own address in the footer."""
    build_registry(district)
    expired = _contractor(district, "Old Quiz Co", "https://old-quiz.example")
    _contract(district, expired, title="2024 agreement", executed_on=date(2024, 8, 1), expires_on=date(2025, 6, 30))
    with district.db.transaction() as s:
        update_settings(s, district.admin, {"contracts_website": "https://riverside.example/privacy"})
    return _export(district, tmp_path / "site")


def _violations(driver) -> list[dict]:
    driver.execute_script(AXE.read_text("utf-8"))
    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(r => done(r), e => done({error: String(e)}));", options)
    assert "error" not in results, results
    ran = {r["id"] for kind in ("passes", "violations", "incomplete", "inapplicable") for r in results[kind]}
    assert {"html-has-lang", "document-title", "color-contrast", "link-name", "th-has-data-cells"} <= ran, ran
    return results["violations"]


def _report(page: str, violations: list[dict]) -> str:
    lines = [f"{page}: {len(violations)} WCAG 2.1 AA violation(s)"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            why = " ".join(line.strip() for line in (node.get("failureSummary") or "").splitlines()[1:])
            lines.append(f"    {json.dumps(node['target'])}: {why}")
    return "\n".join(lines)


def _pages(root: Path) -> list[Path]:
    pages = sorted(root.rglob("*.html"))
    assert [p.name for p in pages] == ["index.html", "resources.html"]
    return pages


def _check(browser, root: Path) -> list[str]:
    problems = []
    for page in _pages(root):
        browser.get(page.as_uri())
        assert browser.execute_script("return document.readyState") == "complete"
        if violations := _violations(browser):
            problems.append(_report(page.name, violations))
    return problems


def test_every_page_meets_wcag_21_aa(browser, site):
    problems = _check(browser, site)
    assert not problems, "\n".join(problems)


def test_an_empty_site_meets_wcag_21_aa(browser, tmp_path):
    data = WebsiteData(district_name="Riverside", town="Riverside", address="", contracts=(), resources=(),
                       as_of=date(2026, 12, 7))
    export_website(data, tmp_path / "empty", lambda cid: ("", b""))
    problems = _check(browser, tmp_path / "empty")
    assert not problems, "\n".join(problems)


def _active(driver) -> dict:
    return driver.execute_script(
        "const a = document.activeElement;"
        "return {tag: a.tagName.toLowerCase(), text: a.textContent.trim(), href: a.getAttribute('href'),"
        " inMain: !!a.closest('main'), outline: getComputedStyle(a).outlineStyle,"
        " outlineWidth: parseFloat(getComputedStyle(a).outlineWidth)};")


def test_the_keyboard_reaches_the_skip_link_first_and_it_moves_focus_into_main(browser, site):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for page in _pages(site):
        browser.get(page.as_uri())
        ActionChains(browser).send_keys(Keys.TAB).perform()
        skip = _active(browser)
        assert (skip["tag"], skip["href"]) == ("a", "#main"), (page.name, skip)
        assert skip["text"] == "Skip to main content"
        assert skip["outline"] != "none" and skip["outlineWidth"] >= 2, skip  # focus is visible
        # hidden (1px, clipped) until focused, then shown in full
        assert browser.execute_script("return document.activeElement.getBoundingClientRect().width") > 50
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        assert _active(browser)["inMain"], page.name
        ActionChains(browser).send_keys(Keys.TAB).perform()  # the next stop is main's first link, not the nav
        after = _active(browser)
        assert after["tag"] == "a" and after["inMain"], (page.name, after)
        assert after["outline"] != "none", after


def test_the_pages_reflow_at_320_css_pixels(browser, site):
    """WCAG 1.4.10: no sideways scrolling of the page at 320 CSS px (a 1280 px screen zoomed to 400 %); the
    wide resources table scrolls in a region of its own, which the keyboard can reach."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False})
    try:
        for page in _pages(site):
            browser.get(page.as_uri())
            width, viewport = browser.execute_script(
                "const e = document.documentElement; return [e.scrollWidth, e.clientWidth];")
            assert width <= viewport, (page.name, width, viewport)
        region = browser.execute_script(
            "const r = document.querySelector('[role=region]');"
            "return [r.tabIndex, r.scrollWidth > r.clientWidth, r.getAttribute('aria-labelledby')];")
        assert region == [0, True, "resources-caption"]
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
