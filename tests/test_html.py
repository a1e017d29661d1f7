"""The graph page: self-contained, deterministic, safe with hostile text, working in a browser.

The browser tests open the page from disk in Debian's headless Chromium through Playwright
(no mocks); they skip only when /usr/bin/chromium is missing (``.ci/browser.sh`` installs
it). ``KG_SCREENSHOT=1`` also writes ``docs/graph.png`` from the seeds build.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.export.html import PHYSICS_LIMIT, build_network, render_html, script_json, write_html
from kg.extract.records import (
    DocumentFacts,
    DocumentInfo,
    Entity,
    Evidence,
    Membership,
    Mention,
    OperationLocation,
    ResolvedCorpus,
    Statement,
)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
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
ODD = "\"quoted\" 'single' back\\slash {} ${alert(1)} `tick` 🎉 \u200fمرحبا\u200f"


# -- corpora built by hand ----------------------------------------------------------------


class _Doc:
    """Builds one document's facts; mentions are found in the text by their surface form."""

    def __init__(self, name: str, title: str, date: str | None, text: str) -> None:
        info = DocumentInfo(name, title, date, hashlib.sha256(text.encode()).hexdigest(), len(text))
        self.facts = DocumentFacts(document=info, text=text)
        self.keys: dict[tuple[str, str], str] = {}

    def mention(self, surface: str, type_: str, key: str, after: int = 0) -> Mention:
        start = self.facts.text.index(surface, after)
        mention = Mention(surface, type_, start, start + len(surface))  # type: ignore[arg-type]
        self.facts.mentions.append(mention)
        self.keys[(self.facts.document.name, surface)] = key
        return mention

    def evidence(self, at: int) -> Evidence:
        text = self.facts.text
        start = text.rfind(". ", 0, at)
        end = text.find(". ", at)
        first = start + 2 if start >= 0 else 0
        return Evidence(first, end + 1 if end >= 0 else len(text), "t", 0.9)


def _entity(key: str, type_: str, name: str, aliases=(), mentions=1, documents=()) -> Entity:
    return Entity(key, type_, name, tuple(aliases), mentions, tuple(documents))  # type: ignore[arg-type]


def _corpus(docs: list[_Doc], entities: list[Entity]) -> ResolvedCorpus:
    keys: dict[tuple[str, str], str] = {}
    for doc in docs:
        keys.update(doc.keys)
    return ResolvedCorpus({e.key: e for e in entities}, [d.facts for d in docs], keys)


WALZ, HOMAN, DHS = "person/tim-walz", "person/tom-homan", "organization/dhs"
MINNESOTA, MINNEAPOLIS, SURGE, FREY = (
    "place/minnesota",
    "place/minneapolis",
    "operation/operation-metro-surge",
    "person/jacob-frey",
)
HOMAN_QUOTE = "We are drawing down,"
WALZ_STATEMENT = "the state would cooperate"


def news_corpus() -> ResolvedCorpus:
    """Two documents: roles (one repeated, one without organization), operations, statements."""
    one = _Doc(
        "one.txt",
        "Drawdown in Minnesota",
        "2026-02-04",
        "Minnesota Governor Tim Walz met Tom Homan, the border czar at the Department of "
        "Homeland Security. “We are drawing down,” Homan said. Operation Metro Surge "
        "continued in Minneapolis.",
    )
    walz = one.mention("Tim Walz", "Person", WALZ)
    homan = one.mention("Tom Homan", "Person", HOMAN)
    dhs = one.mention("Department of Homeland Security", "Organization", DHS)
    minnesota = one.mention("Minnesota", "Place", MINNESOTA)
    homan_short = one.mention("Homan", "Person", HOMAN, after=homan.end)
    surge = one.mention("Operation Metro Surge", "Operation", SURGE)
    city = one.mention("Minneapolis", "Place", MINNEAPOLIS)
    quote_at = one.facts.text.index(HOMAN_QUOTE)
    one.facts.memberships += [
        Membership(walz, "Governor", minnesota, one.evidence(walz.start)),
        Membership(homan, "border czar", dhs, one.evidence(dhs.start)),
    ]
    one.facts.operations.append(OperationLocation(surge, city, one.evidence(surge.start)))
    one.facts.statements.append(
        Statement(
            HOMAN_QUOTE,
            quote_at,
            quote_at + len(HOMAN_QUOTE),
            "direct",
            "say",
            homan_short,
            one.evidence(quote_at),
        )
    )
    two = _Doc(
        "two.txt",
        "Walz to cooperate",
        "2026-02-05",
        "Former Governor Tim Walz spoke. Walz said the state would cooperate. Operation Metro "
        "Surge ended in Minneapolis. Homan, the border czar at the Department of Homeland "
        "Security, agreed. Jacob Frey was not there.",
    )
    walz2 = two.mention("Tim Walz", "Person", WALZ)
    walz_short = two.mention("Walz", "Person", WALZ, after=walz2.end)
    surge2 = two.mention("Operation Metro Surge", "Operation", SURGE)
    city2 = two.mention("Minneapolis", "Place", MINNEAPOLIS)
    homan2 = two.mention("Homan", "Person", HOMAN)
    dhs2 = two.mention("Department of Homeland Security", "Organization", DHS)
    two.mention("Jacob Frey", "Person", FREY)
    said_at = two.facts.text.index(WALZ_STATEMENT)
    two.facts.memberships += [
        Membership(walz2, "Governor", None, two.evidence(walz2.start), qualifier="former"),
        Membership(homan2, "border czar", dhs2, two.evidence(homan2.start)),
    ]
    two.facts.operations.append(OperationLocation(surge2, city2, two.evidence(surge2.start)))
    two.facts.statements.append(
        Statement(
            WALZ_STATEMENT,
            said_at,
            said_at + len(WALZ_STATEMENT),
            "reported",
            "say",
            walz_short,
            two.evidence(said_at),
        )
    )
    both = ("one.txt", "two.txt")
    entities = [
        _entity(WALZ, "Person", "Tim Walz", ["Walz"], 3, both),
        _entity(HOMAN, "Person", "Tom Homan", ["Homan"], 3, both),
        _entity(DHS, "Organization", "Department of Homeland Security", [], 2, both),
        _entity(MINNESOTA, "Place", "Minnesota", [], 1, ["one.txt"]),
        _entity(MINNEAPOLIS, "Place", "Minneapolis", [], 2, both),
        _entity(SURGE, "Operation", "Operation Metro Surge", [], 2, both),
        _entity(FREY, "Person", "Jacob Frey", [], 1, ["two.txt"]),
    ]
    return _corpus([one, two], entities)


HOSTILE_PERSON = f"Ann {XSS}\nLee"
HOSTILE_ORG = f"Acme {BREAKOUT}"
HOSTILE_PLACE = f"Z {ODD}"
HOSTILE_OPERATION = "Operation \u2028<b>Bold</b>&amp;"
HOSTILE_QUOTE = f"{BREAKOUT} and {XSS}\nsecond line {ODD} \u2029 end"
HOSTILE_KEY = "person/ann-</script>\"'"
HOSTILE_NAMING = f'{HOSTILE_ORG} \\ "q" {XSS}\u2028 leaves {HOSTILE_PLACE} \u2029 soon'


def hostile_corpus() -> ResolvedCorpus:
    """Every string a page could trip over, in names, aliases, quotes, titles and keys."""
    text = (
        f"{HOSTILE_ORG} chief {HOSTILE_PERSON} said “{HOSTILE_QUOTE}” as "
        f"{HOSTILE_OPERATION} began in {HOSTILE_PLACE}. She added “{HOSTILE_NAMING}”."
    )
    doc = _Doc("doc <1>.txt", f"News {XSS} {BREAKOUT}", "2025-01-02", text)
    org = doc.mention(HOSTILE_ORG, "Organization", "organization/acme")
    person = doc.mention(HOSTILE_PERSON, "Person", HOSTILE_KEY)
    operation = doc.mention(HOSTILE_OPERATION, "Operation", "operation/x")
    place = doc.mention(HOSTILE_PLACE, "Place", "place/z")
    everything = Evidence(0, len(text), "t", 0.5)
    quote_at = text.index(HOSTILE_QUOTE)
    naming_at = text.index(HOSTILE_NAMING)
    doc.mention(HOSTILE_ORG, "Organization", "organization/acme", after=naming_at)
    doc.mention(HOSTILE_PLACE, "Place", "place/z", after=naming_at)
    doc.facts.memberships.append(Membership(person, f"Chief {XSS}", org, everything, "acting"))
    doc.facts.operations.append(OperationLocation(operation, place, everything))
    doc.facts.statements.append(
        Statement(
            HOSTILE_QUOTE,
            quote_at,
            quote_at + len(HOSTILE_QUOTE),
            "direct",
            f"say {BREAKOUT}",
            person,
            everything,
        )
    )
    doc.facts.statements.append(
        Statement(
            HOSTILE_NAMING,
            naming_at,
            naming_at + len(HOSTILE_NAMING),
            "direct",
            "add",
            person,
            Evidence(0, len(text), "t", 0.7),
        )
    )
    entities = [
        _entity(HOSTILE_KEY, "Person", HOSTILE_PERSON, [BREAKOUT, ODD], 2, ["doc <1>.txt"]),
        _entity("organization/acme", "Organization", HOSTILE_ORG, [], 1, ["doc <1>.txt"]),
        _entity("operation/x", "Operation", HOSTILE_OPERATION, [], 1, ["doc <1>.txt"]),
        _entity("place/z", "Place", HOSTILE_PLACE, [], 1, ["doc <1>.txt"]),
    ]
    return _corpus([doc], entities)


def large_corpus(size: int = PHYSICS_LIMIT + 20) -> ResolvedCorpus:
    """``size`` people in chains of ten, each chain member of one organization."""
    text = "x. " * size
    doc = _Doc("big.txt", "Big", None, text)
    entities = []
    for index in range(size):
        key = f"person/p{index:04d}"
        surface = f"P{index}"
        doc.keys[("big.txt", surface)] = key
        entities.append(_entity(key, "Person", f"Person {index}", [], 1 + index % 7, ["big.txt"]))
        if index % 10:
            org_key = f"person/p{index - index % 10:04d}"
            doc.facts.memberships.append(
                Membership(
                    Mention(surface, "Person", 0, 1),
                    "member",
                    Mention(f"P{index - index % 10}", "Organization", 0, 1),
                    Evidence(0, 2, "t", 0.5),
                )
            )
            assert org_key in doc.keys.values()
    return _corpus([doc], entities)


def _payload(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


# -- the page as text -----------------------------------------------------------------------


def test_page_is_self_contained():
    page = render_html(news_corpus())
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert "@import" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None and "default-src 'none'" in csp.group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2, "vis-network and the page script, both inline"
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp.group(1), "only the page's own scripts may run"
    assert "'unsafe-inline'" not in csp.group(1).split("script-src")[1].split(";")[0]


def test_page_is_deterministic():
    corpus = news_corpus()
    page = render_html(corpus)
    assert page == render_html(corpus)
    shuffled = ResolvedCorpus(
        dict(reversed(list(corpus.entities.items()))), corpus.documents, corpus.entity_keys
    )
    assert render_html(shuffled) == page
    big = large_corpus()
    assert render_html(big) == render_html(big)
    assert "Math.random" not in page.split('id="kg-data"')[1]


def test_page_is_the_same_under_any_hash_seed():
    """Set and dict orders must not leak into the page (layouts included)."""
    script = (
        "import hashlib; from tests.test_html import news_corpus, large_corpus;"
        "from kg.export.html import render_html;"
        "pages = render_html(news_corpus()) + render_html(large_corpus(700));"
        "print(hashlib.sha256(pages.encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_nodes_edges_and_evidence():
    network, evidence = build_network(news_corpus())
    nodes, edges, *_ = network.get_network_data()
    assert [n["id"] for n in nodes] == sorted(n["id"] for n in nodes)
    assert len(nodes) == 7
    shapes = {n["id"]: (n["shape"], n["color"]) for n in nodes}
    assert len({shapes[k] for k in (WALZ, DHS, MINNESOTA, SURGE)}) == 4, "one style per type"
    sizes = {n["id"]: n["size"] for n in nodes}
    assert sizes[HOMAN] > sizes[MINNESOTA], "size grows with mentions"
    by_pair = {(e["from"], e["to"]): e for e in edges}
    assert set(by_pair) == {(WALZ, MINNESOTA), (HOMAN, DHS), (SURGE, MINNEAPOLIS)}
    assert by_pair[(HOMAN, DHS)]["label"] == "border czar ×2", "two documents, one edge"
    assert by_pair[(SURGE, MINNEAPOLIS)]["label"] == "takes place in ×2"
    assert by_pair[(WALZ, MINNESOTA)]["label"] == "Governor"
    assert {e["confidence"] for e in edges} == {0.9}, "role and operation edges: their score"
    assert by_pair[(SURGE, MINNEAPOLIS)]["title"].endswith("\nhighest confidence 0.90")
    fact = evidence["facts"][by_pair[(HOMAN, DHS)]["id"]]
    assert fact["documents"] == ["one.txt", "two.txt"]
    assert [item["sentence"] for item in fact["evidence"]] == [
        "Minnesota Governor Tim Walz met Tom Homan, the border czar at the Department of "
        "Homeland Security.",
        "Homan, the border czar at the Department of Homeland Security, agreed.",
    ]
    walz = evidence["entities"][WALZ]
    assert {(r["role"], r["organization"]) for r in walz["roles"]} == {
        ("Governor", "Minnesota"),
        ("former Governor", ""),
    }
    statement = walz["statements"][0]
    assert statement["text"] == WALZ_STATEMENT
    assert statement["sentence"] == "Walz said the state would cooperate."
    assert (statement["title"], statement["date"]) == ("Walz to cooperate", "2026-02-05")
    assert "1 statements" in next(n["title"] for n in nodes if n["id"] == WALZ)
    assert evidence["entities"][FREY]["kinds"] == []


def test_focus_hops_and_max_nodes():
    corpus = news_corpus()

    def shown(**options) -> set[str]:
        return set(_payload(render_html(corpus, **options))["entities"])

    assert shown(focus="walz", hops=1) == {WALZ, MINNESOTA}
    assert shown(focus="Tim Walz", hops=0) == {WALZ}
    assert shown(max_nodes=2) == {HOMAN, WALZ}
    assert shown(focus="Minnesota", max_nodes=1) == {MINNESOTA}, "the focus is always kept"
    payload = _payload(render_html(corpus, max_nodes=4))  # ties: by key
    assert {(e["from"], e["to"]) for e in payload["edges"]} == {(HOMAN, DHS)}
    with pytest.raises(ValueError, match="Nobody"):
        render_html(corpus, focus="Nobody")
    with pytest.raises(ValueError):
        render_html(corpus, hops=-1)


def test_large_graph_has_a_fixed_layout():
    payload = _payload(render_html(large_corpus()))
    assert payload["physics"] is False
    positions = [(n["x"], n["y"]) for n in payload["nodes"]]
    assert all(isinstance(v, int) for xy in positions for v in xy)
    assert len(set(positions)) == len(positions), "no two nodes on the same spot"
    assert _payload(render_html(news_corpus()))["physics"] is True


def test_script_json_escapes_markup():
    assert script_json("</script><b>&") == '"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"'
    assert script_json("a\u2028b\u2029c") == '"a\\u2028b\\u2029c"'
    tricky = {"k<": [BREAKOUT, XSS, ODD, "\u2028\u2029", "<!--", "]]>"]}
    encoded = script_json(tricky)
    assert not re.search("[<>&\u2028\u2029]", encoded)
    assert json.loads(encoded) == tricky
    assert script_json("a\ud800b") == '"a\\ud800b"', "lone surrogates stay writable"


def test_hostile_strings_stay_inside_the_json():
    corpus = hostile_corpus()
    page = render_html(corpus, title=XSS)
    assert BREAKOUT not in page and XSS not in page and "\u2028" not in page
    assert f"<title>{XSS.replace('<', '&lt;').replace('>', '&gt;')}</title>" in page
    payload = _payload(page)
    names = {e["name"] for e in payload["entities"].values()}
    assert names == {HOSTILE_PERSON, HOSTILE_ORG, HOSTILE_PLACE, HOSTILE_OPERATION}
    assert payload["entities"][HOSTILE_KEY]["statements"][0]["text"] == HOSTILE_QUOTE
    assert payload["entities"][HOSTILE_KEY]["aliases"] == [BREAKOUT, ODD]
    said = {e["to"]: (e["label"], e["title"]) for e in payload["edges"] if e["kind"] == "statement"}
    assert set(said) == {"organization/acme", "place/z"}, "the quote names both"
    label, title = said["place/z"]
    assert label == "“" + HOSTILE_NAMING[:31] + "…”", "the quote's start, shortened"
    speaks, quote, confidence = title.split("\n")
    assert speaks == f"Ann {XSS} Lee speaks of {HOSTILE_PLACE}", "on one line, literally"
    assert quote.startswith(f'“{HOSTILE_ORG} \\ "q" {XSS} leaves Z "quoted"') and quote[-2:] == "…”"
    assert confidence == "confidence 0.70"
    assert not re.search("[\u2028\u2029]", label + title)


def test_write_html_writes_the_rendered_page(tmp_path):
    target = tmp_path / "sub" / "graph.html"
    write_html(news_corpus(), target, title="Seeds")
    assert target.read_text(encoding="utf-8") == render_html(news_corpus(), title="Seeds")
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"], "no temporary left"


# -- in a real browser ----------------------------------------------------------------------

browser_needed = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (.ci/browser.sh installs it)"
)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (.ci/browser.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


class Opened:
    """A page opened from disk, with everything it logged, requested and tried to alert."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else 0)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.add_init_script(
            "window.__alerts = [];"
            "for (const f of ['alert', 'confirm', 'prompt']) {"
            "  window[f] = (m) => { window.__alerts.push(String(m)); };"
            "}"
        )
        self.page.goto(path.as_uri())
        # a function, not an expression: Playwright evals an expression, which the CSP forbids
        self.page.wait_for_function("() => window.kgGraph !== undefined && window.kgGraph.stable")

    def js(self, expression: str, arg: object = None):
        return self.page.evaluate(expression, arg)

    def panel_texts(self, selector: str) -> list[str]:
        return self.js(
            "(s) => [...document.querySelectorAll('#panel ' + s)].map((e) => e.textContent)",
            selector,
        )

    def click_canvas(self, x: float, y: float) -> None:
        box = self.page.locator("#graph canvas").bounding_box()
        assert box is not None
        self.page.mouse.click(box["x"] + x, box["y"] + y)

    def node_on_screen(self, key: str) -> dict:
        """Where node `key` is drawn, once the view has stopped moving (focus animations)."""
        where = (
            "(k) => { const n = window.kgGraph.network;"
            " return n.canvasToDOM(n.getPositions([k])[k]) }"
        )
        spot = self.js(where, key)
        for _ in range(50):
            self.page.wait_for_timeout(100)
            again = self.js(where, key)
            if again == spot:
                return spot
            spot = again
        raise AssertionError(f"the view around {key} never stopped moving")

    def hover_node(self, key: str) -> None:
        """Rest the mouse on node ``key`` until vis-network shows its tooltip (a hover that
        lands while the canvas redraws is retried)."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        box = self.page.locator("#graph canvas").bounding_box()
        assert box is not None
        tooltip = self.page.locator("div.vis-tooltip")
        for _ in range(5):
            spot = self.node_on_screen(key)
            self.page.mouse.move(box["x"] + 1, box["y"] + 1)
            self.page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"], steps=4)
            try:
                tooltip.wait_for(state="visible", timeout=3000)
                return
            except PlaywrightTimeout:
                continue
        raise AssertionError(f"no tooltip over {key}")

    def hover_edge(self, edge_id: str) -> None:
        """Rest the mouse on the middle of edge ``edge_id`` (of its curve, when curved)
        until vis-network shows its tooltip."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        box = self.page.locator("#graph canvas").bounding_box()
        assert box is not None
        tooltip = self.page.locator("div.vis-tooltip")
        where = (
            "(id) => { const n = window.kgGraph.network;"
            " return n.canvasToDOM(n.body.edges[id].edgeType.getPoint(0.5)) }"
        )
        for _ in range(5):
            spot = self.js(where, edge_id)
            self.page.mouse.move(box["x"] + 1, box["y"] + 1)
            self.page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"], steps=4)
            try:
                tooltip.wait_for(state="visible", timeout=3000)
                return
            except PlaywrightTimeout:
                self.page.wait_for_timeout(200)
        raise AssertionError(f"no tooltip over edge {edge_id}")

    def assert_clean(self, path: Path) -> None:
        assert self.errors == []
        assert self.requests == [path.as_uri()], "nothing but the file itself is loaded"
        assert self.dialogs == [] and self.js("window.__alerts") == []


def _opened_page(browser, path: Path, corpus):
    """The page of ``corpus`` written to ``path`` and opened; checked clean on closing."""
    write_html(corpus, path)
    opened = Opened(browser, path)
    yield opened
    opened.assert_clean(path)
    opened.page.close()


@pytest.fixture
def news_page(browser, tmp_path):
    yield from _opened_page(browser, tmp_path / "graph.html", news_corpus())


@browser_needed
def test_every_entity_is_drawn_and_the_layout_stops(news_page):
    counts = news_page.js(
        "() => { const g = window.kgGraph; return [g.nodeView.length,"
        " g.network.body.nodeIndices.length, g.network.body.edgeIndices.length] }"
    )
    assert counts == [7, 7, 3]
    assert news_page.js("window.kgGraph.network.physics.physicsEnabled") is False
    before = news_page.js("window.kgGraph.network.getPositions()")
    news_page.page.wait_for_timeout(400)
    assert news_page.js("window.kgGraph.network.getPositions()") == before, "nothing moves"
    assert "7 entities, 3 fact edges" in news_page.page.inner_text("#status")
    legend = news_page.page.inner_text("#types")
    assert all(t in legend for t in ("Person (3)", "Organization (1)", "Place (2)"))


@browser_needed
def test_search_focuses_and_selects_the_node(news_page):
    page = news_page.page
    page.fill("#search", "homan")
    page.press("#search", "Enter")
    assert news_page.js("window.kgGraph.network.getSelectedNodes()") == [HOMAN]
    page.wait_for_function(
        """(k) => { const n = window.kgGraph.network, p = n.getPositions([k])[k];
            const v = n.getViewPosition();
            return Math.abs(p.x - v.x) < 1 && Math.abs(p.y - v.y) < 1 }""",
        arg=HOMAN,
    )
    assert news_page.panel_texts("h2") == ["Tom Homan"]
    page.fill("#search", "Metro Surge")
    page.press("#search", "Enter")
    assert news_page.js("window.kgGraph.network.getSelectedNodes()") == [SURGE]
    page.fill("#search", "nobody at all")
    page.press("#search", "Enter")
    assert "no entity matches" in page.inner_text("#status")


@browser_needed
def test_clicking_a_person_shows_roles_and_statements(news_page):
    spot = news_page.node_on_screen(WALZ)
    news_page.click_canvas(spot["x"], spot["y"])
    assert news_page.js("window.kgGraph.network.getSelectedNodes()") == [WALZ]
    assert news_page.panel_texts("h2") == ["Tim Walz"]
    assert news_page.panel_texts("blockquote.statement") == [WALZ_STATEMENT]
    panel = news_page.page.inner_text("#panel")
    assert "Statements (1)" in panel
    assert "Sentence: Walz said the state would cooperate." in panel
    assert "Walz to cooperate · 2026-02-05 · two.txt" in panel
    assert "Governor, Minnesota (1 mention)" in panel and "former Governor (1 mention)" in panel
    news_page.js(f"window.kgGraph.showEntity({json.dumps(HOMAN)})")
    assert news_page.panel_texts("blockquote.statement") == [HOMAN_QUOTE]


@browser_needed
def test_clicking_an_edge_shows_every_supporting_sentence(news_page):
    one, two = news_page.node_on_screen(HOMAN), news_page.node_on_screen(DHS)
    news_page.click_canvas((one["x"] * 2 + two["x"]) / 3, (one["y"] * 2 + two["y"]) / 3)
    assert news_page.js("window.kgGraph.network.getSelectedEdges().length") == 1
    panel = news_page.page.inner_text("#panel")
    assert "Tom Homan → border czar → Department of Homeland Security" in panel
    assert "Supported by 2 documents" in panel
    assert news_page.panel_texts("blockquote.edge-sentence") == [
        "Minnesota Governor Tim Walz met Tom Homan, the border czar at the Department of "
        "Homeland Security.",
        "Homan, the border czar at the Department of Homeland Security, agreed.",
    ]


@browser_needed
def test_filters_by_type_fact_kind_and_document(news_page):
    page = news_page.page

    def shown() -> set[str]:
        return set(news_page.js("window.kgGraph.nodeView.getIds()"))

    def edge_count() -> int:
        return news_page.js("window.kgGraph.network.body.edgeIndices.length")

    homan_before = news_page.js(f"window.kgGraph.network.getPositions([{json.dumps(HOMAN)}])")
    page.uncheck("input[data-type=Place]")
    assert shown() == {WALZ, HOMAN, DHS, SURGE, FREY} and edge_count() == 1
    page.check("input[data-type=Place]")
    assert len(shown()) == 7 and edge_count() == 3
    page.uncheck("input[data-kind=none]")
    assert FREY not in shown() and len(shown()) == 6
    page.uncheck("input[data-kind=role]")
    assert shown() == {WALZ, HOMAN, SURGE, MINNEAPOLIS} and edge_count() == 1
    page.check("input[data-kind=role]")
    page.check("input[data-kind=none]")
    page.select_option("#document", "one.txt")
    assert FREY not in shown() and MINNESOTA in shown()
    page.select_option("#document", "two.txt")
    assert MINNESOTA not in shown() and FREY in shown() and edge_count() == 2
    page.select_option("#document", "")
    assert len(shown()) == 7
    homan_after = news_page.js(f"window.kgGraph.network.getPositions([{json.dumps(HOMAN)}])")
    assert homan_after == homan_before, "filtering does not move nodes"
    page.uncheck("input[data-type=Person]")
    page.fill("#search", "Tom Homan")
    page.press("#search", "Enter")
    assert HOMAN in shown(), "searching a hidden entity clears the filters"


@browser_needed
def test_hostile_page_shows_text_literally_and_runs_nothing(browser, tmp_path):
    path = tmp_path / "hostile.html"
    write_html(hostile_corpus(), path, title=XSS)
    opened = Opened(browser, path)
    page = opened.page
    assert page.title() == XSS
    assert page.inner_text("h1") == XSS
    labels = opened.js("window.kgGraph.nodes.get().map((n) => n.label).sort()")
    assert labels == sorted([HOSTILE_PERSON, HOSTILE_ORG, HOSTILE_PLACE, HOSTILE_OPERATION])
    assert opened.js("window.kgGraph.network.body.nodeIndices.length") == 4
    opened.js("(k) => window.kgGraph.showEntity(k)", HOSTILE_KEY)
    assert opened.panel_texts("h2") == [HOSTILE_PERSON]
    assert opened.panel_texts("blockquote.statement") == [HOSTILE_QUOTE, HOSTILE_NAMING]
    panel = opened.js("document.getElementById('panel').textContent")
    for text in (BREAKOUT, ODD, f"acting Chief {XSS}", f"say {BREAKOUT}", f"News {XSS}"):
        assert text in panel
    assert opened.js("(e) => window.kgGraph.search(e)", "ann <img") == HOSTILE_KEY
    assert opened.js("(e) => window.kgGraph.search(e)", BREAKOUT) == HOSTILE_KEY, "by alias"
    opened.js("window.kgGraph.showEdge(Object.keys(window.kgGraph.data.facts)[0])")
    assert HOSTILE_OPERATION in opened.js("document.getElementById('panel').textContent")
    opened.hover_node("organization/acme")
    tooltip = page.locator("div.vis-tooltip")
    assert HOSTILE_ORG in tooltip.text_content()
    said = opened.js(
        "(k) => window.kgGraph.edges.getIds({filter: (e) => e.kind === 'statement' && e.to === k})",
        "place/z",
    )
    opened.hover_edge(said[0])
    assert f"speaks of {HOSTILE_PLACE}" in tooltip.text_content()
    assert f'{BREAKOUT} \\ "q" {XSS} leaves' in tooltip.text_content()
    opened.js("(id) => window.kgGraph.showEdge(id)", said[0])
    assert opened.panel_texts("blockquote.statement") == [HOSTILE_NAMING]
    options = opened.js("[...document.querySelectorAll('#document option')].map(o => o.text)")
    assert f"News {XSS} {BREAKOUT} (2025-01-02)" in options
    injected = opened.js(
        "document.querySelectorAll('img, iframe, object, embed, b, [onerror]').length"
    )
    assert injected == 0, "no markup from the data became elements"
    assert opened.js("document.scripts.length") == 3
    opened.assert_clean(path)
    page.close()


@browser_needed
def test_large_graph_is_drawn_without_physics(browser, tmp_path):
    path = tmp_path / "big.html"
    write_html(large_corpus(), path)
    opened = Opened(browser, path)
    assert opened.js("window.kgGraph.network.body.nodeIndices.length") == PHYSICS_LIMIT + 20
    assert opened.js("window.kgGraph.network.physics.physicsEnabled") is False
    first = opened.js("window.kgGraph.network.getPositions(['person/p0001'])")
    expected = next(n for n in opened.js("window.kgGraph.data.nodes") if n["id"] == "person/p0001")
    assert first["person/p0001"] == {"x": expected["x"], "y": expected["y"]}
    opened.assert_clean(path)
    opened.page.close()


@browser_needed
def test_empty_graph_opens_cleanly(browser, tmp_path):
    path = tmp_path / "empty.html"
    write_html(ResolvedCorpus({}, [], {}), path)
    opened = Opened(browser, path)
    assert opened.js("window.kgGraph.nodeView.length") == 0
    assert "0 entities" in opened.page.inner_text("#status")
    opened.page.fill("#search", "anyone")
    opened.page.press("#search", "Enter")
    opened.assert_clean(path)
    opened.page.close()


# -- the seeds build ------------------------------------------------------------------------


@browser_needed
def test_seeds_page_in_browser(browser, seeds_build):
    path = seeds_build / "graph.html"
    opened = Opened(browser, path)
    drawn = opened.js("window.kgGraph.network.body.nodeIndices.length")
    entities = opened.js("Object.keys(window.kgGraph.data.entities).length")
    report = json.loads((seeds_build / "report.json").read_text())
    assert drawn == entities == sum(report["entities"].values())
    assert opened.js("window.kgGraph.network.body.edgeIndices.length") > 0
    opened.page.fill("#search", "Homan")
    opened.page.press("#search", "Enter")
    assert opened.js("window.kgGraph.network.getSelectedNodes()") == ["person/tom-homan"]
    assert "Tom Homan" in opened.page.inner_text("#panel")
    assert len(opened.panel_texts("blockquote.statement")) >= 5
    opened.assert_clean(path)
    opened.page.close()


@pytest.mark.skipif(
    os.environ.get("KG_SCREENSHOT") != "1", reason="set KG_SCREENSHOT=1 to refresh docs/graph.png"
)
@browser_needed
def test_screenshot_for_docs(browser, seeds_build):
    """Writes docs/graph.png: the seeds graph with Tom Homan searched."""
    opened = Opened(browser, seeds_build / "graph.html")
    opened.page.set_viewport_size({"width": 1400, "height": 850})
    opened.page.fill("#search", "Tom Homan")
    opened.page.press("#search", "Enter")
    opened.page.wait_for_timeout(600)  # the camera moves to the node
    opened.js("window.kgGraph.network.fit({animation: false})")  # then shows the whole graph
    opened.page.wait_for_timeout(200)
    target = ROOT / "docs" / "graph.png"
    target.parent.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(target))
    opened.page.close()


def test_kg_html_writes_a_focused_page(seeds_build, tmp_path):
    from kg.cli import main

    target = tmp_path / "walz.html"
    assert (
        main(["html", str(seeds_build), "--focus", "Walz", "--hops", "1", "-o", str(target)]) == 0
    )
    names = {e["name"] for e in _payload(target.read_text())["entities"].values()}
    assert "Tim Walz" in names and "Minnesota" in names
    assert "Tom Homan" not in names
    assert main(["html", str(tmp_path / "nothing-here")]) == 2


# -- statements as edges, confidence, kg html from anywhere ---------------------------------

ANN, BOB, CY, ACME, SPRINGFIELD = (
    "person/ann-roe",
    "person/bob-tay",
    "person/cy-dunn",
    "organization/acme-corp",
    "place/springfield",
)
LEAVE_QUOTE = "Acme Corp will leave Springfield after the long dispute over rents"
PAYS_QUOTE = "Acme Corp pays Ann Roe well"
RIGHT_QUOTE = "Ann Roe is right"


def quotes_corpus() -> ResolvedCorpus:
    """Ann speaks of Acme twice and of Springfield once, Bob of Ann; Cy is a member of Acme.

    Confidences: Ann's statements 0.9 and 0.5, Bob's 0.4, Cy's membership 0.8.
    """
    doc = _Doc(
        "quotes.txt",
        "Acme leaves",
        "2026-03-01",
        f"Ann Roe said “{LEAVE_QUOTE}.” Later Ann Roe said “{PAYS_QUOTE}.” "
        f"Bob Tay said “{RIGHT_QUOTE}.” Cy Dunn joined Acme Corp.",
    )
    text = doc.facts.text
    ann = doc.mention("Ann Roe", "Person", ANN)
    leave_at = text.index(LEAVE_QUOTE)
    doc.mention("Acme Corp", "Organization", ACME, after=leave_at)
    doc.mention("Springfield", "Place", SPRINGFIELD, after=leave_at)
    pays_at = text.index(PAYS_QUOTE)
    doc.mention("Acme Corp", "Organization", ACME, after=pays_at)
    doc.mention("Ann Roe", "Person", ANN, after=pays_at)
    bob = doc.mention("Bob Tay", "Person", BOB)
    right_at = text.index(RIGHT_QUOTE)
    doc.mention("Ann Roe", "Person", ANN, after=right_at)
    cy = doc.mention("Cy Dunn", "Person", CY)
    acme = doc.mention("Acme Corp", "Organization", ACME, after=cy.end)

    def said(quote: str, at: int, speaker: Mention, confidence: float) -> Statement:
        evidence = doc.evidence(at)
        return Statement(
            quote,
            at,
            at + len(quote),
            "direct",
            "say",
            speaker,
            Evidence(evidence.sentence_start, evidence.sentence_end, "t", confidence),
        )

    doc.facts.statements += [
        said(LEAVE_QUOTE, leave_at, ann, 0.9),
        said(PAYS_QUOTE, pays_at, ann, 0.5),
        said(RIGHT_QUOTE, right_at, bob, 0.4),
    ]
    doc.facts.memberships.append(Membership(cy, "member", acme, Evidence(0, len(text), "t", 0.8)))
    one = ("quotes.txt",)
    entities = [
        _entity(ANN, "Person", "Ann Roe", [], 4, one),
        _entity(BOB, "Person", "Bob Tay", [], 1, one),
        _entity(CY, "Person", "Cy Dunn", [], 1, one),
        _entity(ACME, "Organization", "Acme Corp", [], 3, one),
        _entity(SPRINGFIELD, "Place", "Springfield", [], 1, one),
    ]
    return _corpus([doc], entities)


def test_statements_are_edges_to_the_entities_they_name():
    network, evidence = build_network(quotes_corpus())
    _, edges, *_ = network.get_network_data()
    by_pair = {(e["from"], e["to"], e["kind"]): e for e in edges}
    assert set(by_pair) == {
        (ANN, ACME, "statement"),
        (ANN, SPRINGFIELD, "statement"),
        (BOB, ANN, "statement"),
        (CY, ACME, "role"),
    }, "speaker -> each other entity named inside the quote; never the speaker itself"
    both = by_pair[(ANN, ACME, "statement")]
    assert both["label"] == "2 statements", "two statements between one pair: one edge"
    assert both["confidence"] == 0.9, "an aggregated edge has its highest confidence"
    assert both["title"].splitlines() == [
        "Ann Roe speaks of Acme Corp",
        "2 statements in 1 document, for example:",
        "“Acme Corp will leave Springfield after the long dispute over rents”",
        "“Acme Corp pays Ann Roe well”",
        "highest confidence 0.90",
    ]
    single = by_pair[(BOB, ANN, "statement")]
    assert single["label"] == f"“{RIGHT_QUOTE}”" and single["confidence"] == 0.4
    assert by_pair[(ANN, SPRINGFIELD, "statement")]["label"] == "“Acme Corp will leave…”"
    assert by_pair[(CY, ACME, "role")]["confidence"] == 0.8
    fact = evidence["facts"][both["id"]]
    said = evidence["entities"][ANN]["statements"]
    assert "evidence" not in fact, "a statement edge points at the speaker's statements"
    assert [said[index]["text"] for index in fact["statements"]] == [
        LEAVE_QUOTE,
        PAYS_QUOTE,
    ]
    assert (fact["count"], fact["documents"]) == (2, ["quotes.txt"])
    assert evidence["minConfidence"] == 0.4


def test_focus_reaches_what_a_speaker_speaks_of():
    def shown(focus: str, hops: int) -> set[str]:
        return set(_payload(render_html(quotes_corpus(), focus=focus, hops=hops))["entities"])

    assert shown("Bob Tay", 1) == {BOB, ANN}
    assert shown("Bob Tay", 2) == {BOB, ANN, ACME, SPRINGFIELD}
    assert _payload(render_html(quotes_corpus(), focus="Bob Tay"))["focus"] == [BOB]


def test_shorten_keeps_one_line_and_cuts_at_a_word():
    from kg.export.html import shorten

    assert shorten("a\u2028b\nc  d", 20) == "a b c d"
    cut = shorten("alpha beta gamma delta epsilon", 18)
    assert cut == "alpha beta gamma…" and len(cut) <= 18
    assert shorten("x" * 50, 10) == "x" * 9 + "…"


def test_page_names_are_safe_for_any_focus():
    from kg.export.html import page_name, slug

    assert page_name() == "graph.html"
    assert page_name("Tom Homan") == "graph-focus-tom-homan.html"
    assert page_name("Tom Homan", 50) == "graph-focus-tom-homan-top-50.html"
    assert page_name(None, 200) == "graph-top-200.html"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("Zoë Ñandú") == "zoe-nandu"
    assert re.fullmatch("script-[0-9a-f]{8}", slug("مرحبا \u2028 </script>")) is not None
    assert slug("Søren Dahl") != slug("Sren Dahl"), "letters without an ASCII form add a hash"
    assert re.fullmatch("[0-9a-f]{12}", slug("مرحبا")) is not None
    assert re.fullmatch("[0-9a-f]{12}", slug("\ud800")) is not None
    assert len(slug("word " * 100)) <= 60
    for text in (BREAKOUT, XSS, ODD, HOSTILE_QUOTE, "CON", ".", "a/b\\c\x00d"):
        name = page_name(text)
        assert re.fullmatch(r"graph-focus-[a-z0-9-]+\.html", name), name


@pytest.fixture
def quotes_page(browser, tmp_path):
    yield from _opened_page(browser, tmp_path / "quotes.html", quotes_corpus())


def _drawn(opened: Opened) -> tuple[set[str], int]:
    nodes = set(opened.js("window.kgGraph.nodeView.getIds()"))
    return nodes, opened.js("window.kgGraph.network.body.edgeIndices.length")


@browser_needed
def test_confidence_control_hides_weaker_edges(quotes_page):
    page = quotes_page.page
    assert page.input_value("#confidence-value") == "0.4", "starts at the lowest confidence"
    assert page.input_value("#confidence") == "0.4"
    assert _drawn(quotes_page) == ({ANN, BOB, CY, ACME, SPRINGFIELD}, 4)
    page.fill("#confidence", "0.6")  # the slider
    assert page.input_value("#confidence-value") == "0.6"
    assert _drawn(quotes_page) == ({ANN, CY, ACME, SPRINGFIELD}, 3), "Bob's only edge is 0.4"
    page.fill("#confidence-value", "0.85")  # the number box
    assert page.input_value("#confidence") == "0.85"
    assert _drawn(quotes_page) == ({ANN, ACME, SPRINGFIELD}, 2)
    assert "confidence ≥ 0.85" in page.inner_text("#status")
    page.focus("#confidence")
    page.keyboard.press("Home")
    assert _drawn(quotes_page)[1] == 4
    page.fill("#confidence-value", "0.95")
    assert _drawn(quotes_page) == (set(), 0)
    quotes_page.js("(k) => window.kgGraph.search(k)", "Bob Tay")
    assert _drawn(quotes_page)[1] == 4, "searching a hidden entity resets the minimum"
    assert page.input_value("#confidence-value") == "0.4"


@browser_needed
def test_confidence_control_keeps_the_focus(browser, tmp_path):
    path = tmp_path / "bob.html"
    write_html(quotes_corpus(), path, focus="Bob Tay", hops=2)
    opened = Opened(browser, path)
    assert _drawn(opened) == ({BOB, ANN, ACME, SPRINGFIELD}, 3)
    opened.page.fill("#confidence-value", "0.6")
    assert _drawn(opened) == ({BOB, ANN, ACME, SPRINGFIELD}, 2), "the focus stays"
    opened.assert_clean(path)
    opened.page.close()


@browser_needed
def test_statement_edge_panel_and_tooltip(quotes_page):
    edge = quotes_page.js(
        "(k) => window.kgGraph.edges.getIds({filter: (e) => e.from === k[0] && e.to === k[1]})",
        [ANN, ACME],
    )
    assert len(edge) == 1
    quotes_page.js("(id) => window.kgGraph.showEdge(id)", edge[0])
    assert quotes_page.panel_texts("h2") == ["Ann Roe → speaks of → Acme Corp"]
    assert quotes_page.panel_texts("blockquote.statement") == [LEAVE_QUOTE, PAYS_QUOTE]
    panel = quotes_page.page.inner_text("#panel")
    assert "Supported by 2 statements · highest confidence 0.9" in panel
    assert "confidence 0.5" in panel
    quotes_page.hover_edge(edge[0])
    tooltip = quotes_page.page.locator("div.vis-tooltip").text_content()
    assert "2 statements in 1 document" in tooltip and PAYS_QUOTE in tooltip


def test_kg_html_runs_from_any_folder_and_never_clobbers_silently(tmp_path, monkeypatch, capsys):
    """A build made with relative paths is read from another folder; without -o a focused
    page gets a file of its own named from the focus, and every write is printed."""
    import shutil

    from kg.cli import main
    from kg.pipeline import build

    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    shutil.copytree(ROOT / "seeds", work / "news")
    elsewhere.mkdir()
    monkeypatch.chdir(work)
    build(["news"], Path("out"), html=True)
    out = work / "out"
    manifest = json.loads((out / "cache" / "manifest.json").read_text())
    assert all(Path(d["path"]).is_absolute() for d in manifest["documents"])
    whole = (out / "graph.html").read_bytes()

    monkeypatch.chdir(elsewhere)
    capsys.readouterr()
    assert main(["html", str(out), "--focus", "Tom Homan", "--hops", "2"]) == 0
    target = out / "graph-focus-tom-homan.html"
    assert capsys.readouterr().out == f"kg html: wrote {target}\n"
    assert (out / "graph.html").read_bytes() == whole, "the build's page is left alone"
    shown = _payload(target.read_text())
    assert {"person/tom-homan", "person/donald-trump"} <= set(shown["entities"])
    assert any(e["kind"] == "statement" for e in shown["edges"])
    assert main(["html", str(out), "--focus", "Tom Homan"]) == 0
    assert "(replaced the earlier page)" in capsys.readouterr().out
    assert main(["html", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"kg html: wrote {out / 'graph.html'}") and "replaced" in said

    # a manifest written before paths were absolute: relative to the folder of the build
    for entry in manifest["documents"]:
        entry["path"] = str(Path(entry["path"]).relative_to(work))
    (out / "cache" / "manifest.json").write_text(json.dumps(manifest))
    assert main(["html", str(out), "-o", str(elsewhere / "old.html")]) == 0
    assert _payload((elsewhere / "old.html").read_text())["entities"]

    shutil.rmtree(work / "news")
    assert main(["html", str(out), "-o", str(elsewhere / "gone.html")]) == 2
    error = capsys.readouterr().err
    assert "no longer readable" in error and "000_6f09841a0bf1ac70.txt" in error
    assert "and 4 more" in error
