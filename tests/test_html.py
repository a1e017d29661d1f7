"""The graph page: self-contained, safe with hostile text, and working in a real browser."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from kg.export.html import render_html, script_json, write_html
from kg.extract.records import (
    DocumentFacts,
    DocumentInfo,
    Evidence,
    Membership,
    Mention,
    OperationLocation,
    Statement,
)
from kg.resolve import resolve

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
XSS = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>alert(1)</script>"


def _corpus(person: str, org: str, quote: str, place: str = "Springfield"):
    text = f"{org} chief {person} said “{quote}” as Operation Dawn began in {place}."
    p_at, o_at, pl_at = text.index(person), 0, text.rindex(place)
    op_at = text.index("Operation Dawn")
    p = Mention(person, "Person", p_at, p_at + len(person))
    o = Mention(org, "Organization", o_at, o_at + len(org))
    pl = Mention(place, "Place", pl_at, pl_at + len(place))
    op = Mention("Operation Dawn", "Operation", op_at, op_at + len("Operation Dawn"))
    ev = Evidence(0, len(text), "test", 0.9)
    q_at = text.index("“") + 1
    facts = DocumentFacts(
        document=DocumentInfo("doc.txt", f"News about {person}", "2025-01-02", "0" * 64, len(text)),
        text=text,
        mentions=[o, p, pl, op],
        memberships=[Membership(p, "Chief", o, ev)],
        operations=[OperationLocation(op, pl, ev)],
        statements=[Statement(quote, q_at, q_at + len(quote), "direct", "say", p, ev)],
    )
    return resolve([facts])


def test_page_is_self_contained_and_deterministic():
    corpus = _corpus("Ann Lee", "Acme Corp", "We are ready.")
    page = render_html(corpus)
    assert page == render_html(corpus)
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page), "nothing loaded from outside"
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_hostile_strings_cannot_leave_the_json():
    corpus = _corpus(f"Ann {XSS}", f"Acme {BREAKOUT}", f'{BREAKOUT} "quoted" \\ {{}} 🎉 \u2028')
    page = render_html(corpus)
    assert BREAKOUT not in page and XSS not in page
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert data is not None
    decoded = json.loads(data.group(1))
    names = {e["name"] for e in decoded["entities"].values()}
    assert f"Ann {XSS}" in names


def test_script_json_escapes_markup():
    assert script_json("</script><b>&") == '"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"'


def test_focus_and_max_nodes_cut_the_graph():
    corpus = _corpus("Ann Lee", "Acme Corp", "We are ready.")
    page = render_html(corpus, focus="Ann Lee", hops=1)
    assert '"Acme Corp"' in page and '"Springfield"' not in page.split('"documents"')[0]
    with pytest.raises(ValueError):
        render_html(corpus, focus="Nobody")
    limited = render_html(corpus, max_nodes=1)
    payload = json.loads(re.search(r'id="kg-data">(.*?)</script>', limited, re.S).group(1))
    assert len(payload["nodes"]) == 1


# -- in a real browser ----------------------------------------------------------------------

browser_needed = pytest.mark.skipif(
    not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
    reason="Debian chromium is not installed (.ci/browser.sh installs it)",
)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def _open(browser, path: Path):
    page = browser.new_page()
    errors, requests, alerts = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    page.add_init_script(
        "window.alert = (m) => { window.__alerts = (window.__alerts||[]).concat([m]); };"
    )
    page.goto(path.as_uri())
    page.wait_for_function("window.kgGraph !== undefined")
    return page, errors, requests, alerts


@browser_needed
def test_seeds_page_in_browser(browser, seeds_build):
    page, errors, requests, _ = _open(browser, seeds_build / "graph.html")
    assert errors == []
    assert requests == [(seeds_build / "graph.html").as_uri()], "no network requests"
    drawn = page.evaluate("window.kgGraph.nodeView.length")
    entities = page.evaluate("Object.keys(window.kgGraph.data.entities).length")
    report = json.loads((seeds_build / "report.json").read_text())
    assert drawn == entities == sum(report["entities"].values())
    page.fill("#search", "Homan")
    page.press("#search", "Enter")
    selected = page.evaluate("window.kgGraph.network.getSelectedNodes()")
    assert selected == ["person/tom-homan"]
    panel = page.inner_text("#panel")
    assert "Tom Homan" in panel and "Statements" in panel
    assert page.locator("#panel blockquote.statement").count() >= 5
    page.close()


@browser_needed
def test_hostile_page_shows_text_and_runs_nothing(browser, tmp_path):
    corpus = _corpus(f"Ann {XSS}", f"Acme {BREAKOUT}", f"{BREAKOUT} and {XSS}")
    path = tmp_path / "hostile.html"
    write_html(corpus, path)
    page, errors, requests, alerts = _open(browser, path)
    assert errors == []
    key = next(
        k for k, e in page.evaluate("window.kgGraph.data.entities").items() if "Ann" in e["name"]
    )
    page.evaluate(f"window.kgGraph.showEntity({json.dumps(key)})")
    panel = page.inner_text("#panel")
    assert XSS in panel and BREAKOUT in panel, "hostile text is shown literally"
    assert page.locator("img").count() == 0
    assert page.evaluate("window.__alerts || []") == [] and alerts == []
    assert requests == [path.as_uri()]
    page.close()


def test_screenshot_for_docs(browser, seeds_build):
    """Writes docs/graph.png when KG_SCREENSHOT=1 (for the README)."""
    import os

    if os.environ.get("KG_SCREENSHOT") != "1" or not Path(CHROMIUM).exists():
        pytest.skip("set KG_SCREENSHOT=1 to refresh docs/graph.png")
    page, *_ = _open(browser, seeds_build / "graph.html")
    page.set_viewport_size({"width": 1400, "height": 850})
    page.wait_for_timeout(3000)
    page.evaluate("window.kgGraph.search('Homan')")
    target = Path(__file__).resolve().parent.parent / "docs" / "graph.png"
    target.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(target))
    page.close()


def test_kg_html_writes_a_focused_page(seeds_build, tmp_path):
    from kg.cli import main

    target = tmp_path / "walz.html"
    assert (
        main(["html", str(seeds_build), "--focus", "Walz", "--hops", "1", "-o", str(target)]) == 0
    )
    payload = json.loads(
        re.search(r'id="kg-data">(.*?)</script>', target.read_text(), re.S).group(1)
    )
    names = {e["name"] for e in payload["entities"].values()}
    assert "Tim Walz" in names and "Minnesota" in names
    assert "Tom Homan" not in names
    assert main(["html", str(tmp_path / "nothing-here")]) == 2
