"use strict";
// The kg graph explorer. All text from articles goes into the DOM with textContent only.
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const GLYPHS = { dot: "\u25CF", square: "\u25A0", triangle: "\u25B2", diamond: "\u25C6", ellipse: "\u2B2C" };

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  // vis-network 9 shows a string title as text; a DOM element built here keeps it so explicitly.
  const tooltip = (text) => el("div", text, "kg-tooltip");
  const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");

  const nodes = new vis.DataSet(data.nodes.map((n) => Object.assign({}, n, { title: tooltip(n.title) })));
  // a statement edge curves, so that it does not hide a role edge between the same two nodes
  const CURVED = { enabled: true, type: "curvedCW", roundness: 0.15 };
  const edges = new vis.DataSet(data.edges.map((e) => Object.assign({}, e, { title: tooltip(e.title) },
    e.kind === "statement" ? { smooth: CURVED } : {})));
  // the lowest confidence of any edge: the control starts there, so every edge shows
  const lowest = typeof data.minConfidence === "number" ? data.minConfidence : 0;
  const state = {
    types: new Set(Object.keys(data.styles)),
    kinds: new Set(data.factKinds.map((k) => k[0])),
    doc: "",
    minConfidence: lowest,
  };
  const focusKeys = new Set(data.focus || []);
  // per node, its best edge's confidence (nodes without edges have none)
  const bestConfidence = new Map();
  data.edges.forEach((e) => {
    [e.from, e.to].forEach((id) => {
      if (!(bestConfidence.get(id) >= e.confidence)) bestConfidence.set(id, e.confidence);
    });
  });
  const confident = (value) => value >= state.minConfidence;

  function entityVisible(id) {
    const entity = data.entities[id];
    if (!entity || !state.types.has(entity.type)) return false;
    if (state.doc && !entity.documents.includes(state.doc)) return false;
    // a node whose every edge is below the minimum confidence goes too (never the focus)
    if (bestConfidence.has(id) && !confident(bestConfidence.get(id)) && !focusKeys.has(id)) return false;
    if (!entity.kinds.length) return state.kinds.has("none");
    return entity.kinds.some((kind) => state.kinds.has(kind));
  }
  function edgeVisible(edge) {
    return state.kinds.has(edge.kind) && confident(edge.confidence) &&
      (!state.doc || edge.documents.includes(state.doc)) &&
      entityVisible(edge.from) && entityVisible(edge.to);
  }
  const nodeView = new vis.DataView(nodes, { filter: (n) => entityVisible(n.id) });
  const edgeView = new vis.DataView(edges, { filter: edgeVisible });

  const big = !data.physics;
  const options = {
    layout: { randomSeed: data.seed, improvedLayout: !big && data.nodes.length <= 150 },
    physics: big ? { enabled: false } : {
      enabled: true,
      solver: "barnesHut",
      barnesHut: { springLength: 150, avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: 500, updateInterval: 50, fit: true },
    },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      smooth: false,
      font: { size: 11, align: "horizontal", strokeWidth: 3 },
    },
    nodes: { font: { size: 13 } },
  };
  const container = document.getElementById("graph");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  const status = document.getElementById("status");
  const api = {
    network, nodes, edges, nodeView, edgeView, data, stable: false,
    search, focusNode, showEntity, showEdge, setType, setKind, setDocument, setMinConfidence,
    resetFilters,
  };

  function counts() {
    status.textContent = nodeView.length + (nodeView.length === 1 ? " entity, " : " entities, ") +
      plural(edgeView.length, "fact edge") +
      (state.minConfidence > lowest ? " (confidence \u2265 " + state.minConfidence + ")" : "");
  }
  function settle() {
    if (api.stable) return;
    network.setOptions({ physics: false }); // stop moving once stable: no endless jiggle
    api.stable = true;
    counts();
  }
  if (big) {
    network.fit();
    api.stable = true;
    counts();
    status.textContent += " (fixed layout, large graph)";
  } else {
    status.textContent = "laying out\u2026";
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
    if (!data.nodes.length) settle();
  }

  // legend and filters
  const typeBox = document.getElementById("types");
  const typeBoxes = {};
  function filterBox(field, value, onChange) {
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset[field] = value;
    box.addEventListener("change", () => onChange(value, box.checked));
    return box;
  }
  Object.keys(data.styles).forEach((type) => {
    const style = data.styles[type];
    const label = el("label");
    const box = filterBox("type", type, setType);
    typeBoxes[type] = box;
    const glyph = el("span", GLYPHS[style.shape] || "\u25CF", "glyph");
    glyph.style.color = style.color;
    const total = Object.values(data.entities).filter((e) => e.type === type).length;
    label.append(box, glyph, document.createTextNode(type + " (" + total + ")"));
    typeBox.appendChild(label);
  });
  const kindBox = document.getElementById("kinds");
  const kindBoxes = {};
  data.factKinds.forEach(([kind, text]) => {
    const label = el("label");
    const box = filterBox("kind", kind, setKind);
    kindBoxes[kind] = box;
    label.append(box, document.createTextNode(text));
    kindBox.appendChild(label);
  });
  const legend = document.getElementById("legend");
  data.factKinds.forEach(([kind, text, color]) => {
    if (!color) return;
    const item = el("div");
    const line = el("span", "", "line");
    line.style.borderColor = color;
    const note = kind === "statement"
      ? " (speaker \u2192 an entity the statement names; label: the quote, or how many)"
      : " (\u00D7n: supported by n documents)";
    item.append(line, document.createTextNode(text + note));
    legend.appendChild(item);
  });
  legend.appendChild(el("div", "Node size: number of mentions"));
  const docSelect = document.getElementById("document");
  data.documents.forEach((d) => {
    const option = el("option", d.title + (d.date ? " (" + d.date + ")" : ""));
    option.value = d.name;
    docSelect.appendChild(option);
  });
  docSelect.addEventListener("change", () => setDocument(docSelect.value));
  const confidenceSlider = document.getElementById("confidence");
  const confidenceNumber = document.getElementById("confidence-value");
  function showConfidence() {
    confidenceSlider.value = String(state.minConfidence);
    confidenceNumber.value = String(state.minConfidence);
  }
  showConfidence();
  // slider positions are rounded to hundredths; the start value is the exact lowest
  confidenceSlider.addEventListener("input", () =>
    setMinConfidence(Math.round(parseFloat(confidenceSlider.value) * 100) / 100));
  confidenceNumber.addEventListener("input", () => {
    const value = parseFloat(confidenceNumber.value);
    if (Number.isFinite(value)) setMinConfidence(value, true);
  });

  function refresh() {
    // nodes shown again come back where they were (storePositions fails on a filtered view)
    const positions = network.getPositions(nodeView.getIds());
    nodes.update(Object.keys(positions).map((id) => ({ id, x: positions[id].x, y: positions[id].y })));
    nodeView.refresh();
    edgeView.refresh();
    counts();
  }
  function setType(type, on) {
    on ? state.types.add(type) : state.types.delete(type);
    if (typeBoxes[type]) typeBoxes[type].checked = on;
    refresh();
  }
  function setKind(kind, on) {
    on ? state.kinds.add(kind) : state.kinds.delete(kind);
    if (kindBoxes[kind]) kindBoxes[kind].checked = on;
    refresh();
  }
  function setDocument(name) {
    state.doc = name || "";
    docSelect.value = state.doc;
    refresh();
  }
  function setMinConfidence(value, typed) {
    const number = Number(value);
    state.minConfidence = Number.isFinite(number) ? Math.min(Math.max(number, 0), 1) : lowest;
    if (typed) confidenceSlider.value = String(state.minConfidence);
    else showConfidence();
    refresh();
  }
  function resetFilters() {
    Object.keys(typeBoxes).forEach((t) => { state.types.add(t); typeBoxes[t].checked = true; });
    Object.keys(kindBoxes).forEach((k) => { state.kinds.add(k); kindBoxes[k].checked = true; });
    state.doc = "";
    docSelect.value = "";
    state.minConfidence = lowest;
    showConfidence();
    refresh();
  }

  // search by name or alias
  const normal = (text) => String(text || "").normalize("NFKC").trim().toLowerCase();
  const byName = new Map();
  const datalist = document.getElementById("names");
  const ranked = Object.keys(data.entities).sort((a, b) =>
    data.entities[b].mentions - data.entities[a].mentions || (a < b ? -1 : a > b ? 1 : 0));
  ranked.forEach((id) => {
    const entity = data.entities[id];
    [entity.name].concat(entity.aliases).forEach((name) => {
      if (!byName.has(normal(name))) byName.set(normal(name), id);
      const option = el("option");
      option.value = name;
      datalist.appendChild(option);
    });
  });
  function search(text) {
    const wanted = normal(text);
    if (!wanted) return null;
    let id = byName.get(wanted);
    if (!id) {
      let best = null;
      for (const [name, key] of byName) {
        if (!name.includes(wanted)) continue;
        const score = name.startsWith(wanted) || name.includes(" " + wanted) ? 0 : 1;
        if (best === null || score < best.score) best = { score, key };
        if (score === 0) break; // names are in order of mentions
      }
      id = best && best.key;
    }
    if (!id) {
      status.textContent = "no entity matches \u201C" + String(text) + "\u201D";
      return null;
    }
    focusNode(id);
    return id;
  }
  function focusNode(id) {
    if (!nodeView.get(id)) resetFilters();
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showEntity(id);
  }
  const searchBox = document.getElementById("search");
  searchBox.addEventListener("keydown", (event) => {
    if (event.key === "Enter") search(searchBox.value);
  });
  searchBox.addEventListener("change", () => {
    const id = byName.get(normal(searchBox.value));
    if (id && network.getSelectedNodes()[0] !== id) focusNode(id);
  });

  // evidence panel
  const panel = document.getElementById("panel");
  const sourceLine = (item) => el("div", item.title + (item.date ? " \u00B7 " + item.date : "") +
    (item.title !== item.doc ? " \u00B7 " + item.doc : ""), "source");
  const documentTitle = (name) => {
    const d = data.documents.find((x) => x.name === name);
    return d ? d.title + (d.date ? " (" + d.date + ")" : "") : name;
  };
  const factCount = (fact) => fact.kind === "statement"
    ? plural(fact.count, "statement") + (fact.documents.length > 1 ? " in " + plural(fact.documents.length, "document") : "")
    : plural(fact.documents.length, "document");
  const confidenceLine = (value) => el("div", "confidence " + value, "confidence");
  function factButton(edgeId) {
    const edge = edges.get(edgeId);
    const fact = data.facts[edgeId];
    const text = data.entities[edge.from].name + " \u2192 " + fact.label + " \u2192 " +
      data.entities[edge.to].name + " (" + factCount(fact) + ")";
    const button = el("button", text, "fact");
    button.type = "button";
    button.addEventListener("click", () => { network.selectEdges([edgeId]); showEdge(edgeId); });
    return button;
  }
  function showEntity(id) {
    const entity = data.entities[id];
    if (!entity) return;
    panel.replaceChildren();
    panel.dataset.entity = id;
    delete panel.dataset.edge;
    panel.appendChild(el("h2", entity.name, "name"));
    panel.appendChild(el("div", entity.type + " \u00B7 " + plural(entity.mentions, "mention") +
      " in " + plural(entity.documents.length, "document"), "meta"));
    if (entity.aliases.length) panel.appendChild(el("div", "Also: " + entity.aliases.join(", "), "meta"));
    if (entity.roles.length) {
      panel.appendChild(el("h3", "Roles"));
      const groups = new Map();
      entity.roles.forEach((r) => {
        const heading = r.role + (r.organization ? ", " + r.organization : "");
        if (!groups.has(heading)) groups.set(heading, []);
        groups.get(heading).push(r);
      });
      groups.forEach((items, heading) => {
        panel.appendChild(el("div", heading + " (" + plural(items.length, "mention") + ")", "role"));
        items.forEach((r) => {
          panel.appendChild(el("blockquote", r.sentence, "role-sentence"));
          panel.appendChild(sourceLine(r));
        });
      });
    }
    if (entity.statements.length) {
      panel.appendChild(el("h3", "Statements (" + entity.statements.length + ")"));
      const list = el("div", null, "statements");
      entity.statements.forEach((s) => {
        list.appendChild(el("blockquote", s.text, "statement " + s.kind));
        list.appendChild(el("div", s.kind + (s.cue ? " \u00B7 " + s.cue : "") +
          " \u00B7 confidence " + s.confidence, "sentence"));
        if (s.sentence && s.sentence !== s.text) list.appendChild(el("div", "Sentence: " + s.sentence, "sentence"));
        list.appendChild(sourceLine(s));
      });
      panel.appendChild(list);
    }
    const connected = edges.getIds({ filter: (e) => e.from === id || e.to === id });
    if (connected.length) {
      panel.appendChild(el("h3", "Facts (" + connected.length + ")"));
      connected.forEach((edgeId) => panel.appendChild(factButton(edgeId)));
    }
    if (entity.documents.length) {
      panel.appendChild(el("h3", "Documents"));
      const list = el("ul");
      entity.documents.forEach((name) => list.appendChild(el("li", documentTitle(name))));
      panel.appendChild(list);
    }
  }
  function showEdge(id) {
    const edge = edges.get(id);
    const fact = data.facts[id];
    if (!edge || !fact) return;
    panel.replaceChildren();
    panel.dataset.edge = id;
    delete panel.dataset.entity;
    panel.appendChild(el("h2", data.entities[edge.from].name + " \u2192 " + fact.label + " \u2192 " +
      data.entities[edge.to].name, "name"));
    // a statement edge lists indices into its speaker's statements
    const said = data.entities[edge.from].statements;
    const items = fact.kind === "statement" ? fact.statements.map((index) => said[index]) : fact.evidence;
    panel.appendChild(el("div", "Supported by " + factCount(fact) + " \u00B7 " +
      (items.length > 1 ? "highest " : "") + "confidence " + fact.confidence, "meta"));
    fact.documents.forEach((name) => {
      panel.appendChild(el("h3", documentTitle(name)));
      items.filter((item) => item.doc === name).forEach((item) => {
        if (fact.kind === "statement") {
          panel.appendChild(el("blockquote", item.text, "statement " + item.kind));
          panel.appendChild(el("div", item.kind + (item.cue ? " \u00B7 " + item.cue : ""), "sentence"));
          if (item.sentence && item.sentence !== item.text) panel.appendChild(el("div", "Sentence: " + item.sentence, "sentence"));
        } else {
          panel.appendChild(el("div", item.label, "role"));
          panel.appendChild(el("blockquote", item.sentence, "edge-sentence"));
        }
        panel.appendChild(confidenceLine(item.confidence));
      });
    });
  }
  network.on("click", (params) => {
    if (params.nodes.length) showEntity(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  window.kgGraph = api;
})();
