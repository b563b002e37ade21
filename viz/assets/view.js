/* interparty graph view: draws the network, legend, search, filters, tooltips and details.
 *
 * Safety rule for this file: article text (names, titles, sentences, URLs) only ever
 * reaches the page through textContent, element properties or canvas fillText, never
 * through innerHTML or markup, and a link gets an href only when it is http(s).
 */
(function () {
  "use strict";
  var marks = { start: performance.now() };
  var data = JSON.parse(document.getElementById("ip-data").textContent);
  marks.parsed = performance.now();
  var MIN_READABLE_SCALE = 0.6;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function safeUrl(u) {
    return typeof u === "string" && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
  }

  /* The content of a tooltip or of the details panel, as DOM nodes. */
  function describe(info, maxEvidence, links) {
    var box = el("div", "ip-tip");
    box.appendChild(el("div", "ip-tip-name", info.name));
    var sub = [info.kind];
    if (info.country) sub.push(info.country);
    box.appendChild(el("div", "ip-tip-kind", sub.join(" · ")));
    if (info.props && info.props.length) {
      var table = el("table", "ip-tip-props");
      info.props.forEach(function (kv) {
        var tr = el("tr");
        tr.appendChild(el("th", null, kv[0]));
        tr.appendChild(el("td", null, kv[1]));
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    var ev = info.evidence || [];
    if (ev.length) {
      var list = el("ol", "ip-tip-evidence");
      ev.slice(0, maxEvidence).forEach(function (e) {
        var li = el("li");
        li.appendChild(el("q", null, e.sentence || "(no sentence)"));
        var src = el("div", "ip-tip-source");
        var url = safeUrl(e.url);
        var label = e.title || e.url || "source";
        if (url && links) {
          var a = el("a", null, label);
          a.href = url;
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          src.appendChild(a);
        } else {
          src.appendChild(el("span", null, label));
          if (url) src.appendChild(el("span", "ip-url", " " + url));
        }
        if (e.method) src.appendChild(el("span", "ip-method", " · " + e.method));
        li.appendChild(src);
        list.appendChild(li);
      });
      box.appendChild(list);
      var n = info.n_evidence || ev.length;
      if (n > maxEvidence) box.appendChild(el("div", "ip-more", (n - maxEvidence) + " more source sentence(s)" +
        (links ? "" : ": click to see them")));
    } else {
      box.appendChild(el("div", "ip-more", "No source sentence recorded."));
    }
    return box;
  }

  /* Tooltips are our own div, built on hover from DOM text nodes: nothing goes through
     vis-network's title handling (which renders strings as HTML in some versions), and
     nothing is built for the thousands of nodes nobody hovers. */
  var nodes = data.nodes;
  var edges = data.edges;
  marks.titles = performance.now();
  var nodeSet = new vis.DataSet(nodes);
  var edgeSet = new vis.DataSet(edges);
  var container = document.getElementById("ip-network");

  var t0 = performance.now();
  window.ipView = { ready: false, readyAt: null, createdIn: null, view: data.view, scale: null };

  var notice = document.getElementById("ip-notice");
  if (data.notice) {
    notice.textContent = data.notice;
    notice.hidden = false;
  }

  var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, data.options);
  window.network = network;
  window.ipView.createdIn = performance.now() - t0;
  marks.network = performance.now();
  window.ipView.marks = marks;

  /* Column headings and year marks, drawn on the canvas (fillText: text, never markup). */
  network.on("beforeDrawing", function (ctx) {
    (data.extra || []).forEach(function (x) {
      ctx.save();
      if (x.rule) {
        ctx.strokeStyle = "#c8ced6";
        ctx.setLineDash([6, 6]);
        ctx.beginPath();
        ctx.moveTo(x.x - 40, x.y + 30);
        ctx.lineTo(x.x - 40, x.y + 700);
        ctx.stroke();
      }
      ctx.fillStyle = "#37474f";
      ctx.font = "bold 26px system-ui, sans-serif";
      ctx.textAlign = x.rule ? "left" : "center";
      ctx.fillText(String(x.text), x.rule ? x.x - 30 : x.x, x.y);
      ctx.restore();
    });
  });

  /* Fit, but never so far out that labels vanish: then start at a readable zoom on the focus. */
  function initialView() {
    network.fit({ animation: false });
    var scale = network.getScale();
    if (nodes.length && scale < MIN_READABLE_SCALE) {
      var f = data.focus || [0, 0];
      network.moveTo({ position: { x: f[0], y: f[1] }, scale: MIN_READABLE_SCALE, animation: false });
    }
    window.ipView.scale = network.getScale();
  }
  /* Set the view before the first frame is drawn, so the first drawing is the one people see. */
  initialView();
  network.once("afterDrawing", function () {
    window.ipView.ready = true;
    window.ipView.readyAt = performance.now();
    marks.ready = window.ipView.readyAt;
    document.body.setAttribute("data-ready", "1");
  });

  /* ---------------------------------------------------------------- tooltip */
  var tip = el("div", "ip-tooltip");
  tip.hidden = true;
  container.appendChild(tip);
  function showTip(info, pointer) {
    tip.replaceChildren(describe(info, 3, false));
    tip.hidden = false;
    var w = container.clientWidth, h = container.clientHeight;
    var x = Math.min(pointer.x + 14, Math.max(0, w - tip.offsetWidth - 4));
    var y = pointer.y + 14;
    if (y + tip.offsetHeight > h) y = Math.max(0, pointer.y - tip.offsetHeight - 10);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(data.node_info[p.node], p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(data.edge_info[p.edge], p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  /* ---------------------------------------------------------------- details panel */
  var details = document.getElementById("ip-details");
  function showDetails(info) {
    details.replaceChildren(describe(info, 25, true));
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      showDetails(data.node_info[params.nodes[0]]);
    } else if (params.edges.length) {
      showDetails(data.edge_info[params.edges[0]]);
    }
  });

  /* ---------------------------------------------------------------- legend */
  function shapeIcon(shape, color) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    var p;
    if (shape === "dot") {
      p = document.createElementNS(ns, "circle");
      p.setAttribute("cx", "8"); p.setAttribute("cy", "8"); p.setAttribute("r", "6");
    } else if (shape === "square") {
      p = document.createElementNS(ns, "rect");
      p.setAttribute("x", "2"); p.setAttribute("y", "2"); p.setAttribute("width", "12"); p.setAttribute("height", "12");
    } else {
      var pts = {
        diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14", triangleDown: "1,2 15,2 8,15",
        star: "8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6", hexagon: "4,1 12,1 15,8 12,15 4,15 1,8"
      }[shape] || "8,1 15,8 8,15 1,8";
      p = document.createElementNS(ns, "polygon");
      p.setAttribute("points", pts);
    }
    p.setAttribute("fill", color);
    p.setAttribute("stroke", "#455a64");
    svg.appendChild(p);
    return svg;
  }
  var legend = document.getElementById("ip-legend");
  legend.appendChild(el("h2", null, "Legend"));
  var shapes = el("ul", "ip-legend-list");
  data.legend.shapes.forEach(function (s) {
    var li = el("li");
    li.appendChild(shapeIcon(s[1], "#ffffff"));
    li.appendChild(el("span", null, s[0]));
    shapes.appendChild(li);
  });
  legend.appendChild(shapes);
  legend.appendChild(el("h3", null, data.legend.color_by === "event_kind" ? "Colour: country, event kind" : "Colour: country"));
  var colors = el("ul", "ip-legend-list");
  data.legend.colors.forEach(function (c) {
    var li = el("li");
    li.appendChild(shapeIcon(c[2] || "square", c[1]));
    li.appendChild(el("span", null, c[0]));
    colors.appendChild(li);
  });
  legend.appendChild(colors);

  /* ---------------------------------------------------------------- filters */
  var fbody = document.getElementById("ip-filter-body");
  var state = { kinds: {}, countries: {}, year: "" };
  function checkboxes(title, values, store) {
    var fs = el("fieldset");
    fs.appendChild(el("legend", null, title));
    values.forEach(function (v) {
      store[v] = true;
      var lab = el("label");
      var cb = el("input");
      cb.type = "checkbox";
      cb.checked = true;
      cb.value = v;
      cb.addEventListener("change", function () { store[v] = cb.checked; applyFilters(); });
      lab.appendChild(cb);
      lab.appendChild(document.createTextNode(" " + v));
      fs.appendChild(lab);
    });
    fbody.appendChild(fs);
  }
  checkboxes("Kind", data.filters.kinds, state.kinds);
  if (data.filters.countries.length) checkboxes("Country", data.filters.countries.concat(["(none)"]), state.countries);
  if (data.filters.years.length) {
    var fs = el("fieldset");
    fs.appendChild(el("legend", null, "Year"));
    var sel = el("select");
    sel.id = "ip-year";
    var all = el("option", null, "all years");
    all.value = "";
    sel.appendChild(all);
    data.filters.years.forEach(function (y) {
      var o = el("option", null, String(y));
      o.value = String(y);
      sel.appendChild(o);
    });
    sel.addEventListener("change", function () { state.year = sel.value; applyFilters(); });
    fs.appendChild(sel);
    fbody.appendChild(fs);
  }
  function visible(n) {
    var ip = data.node_info[n.id];
    if (state.kinds[ip.kind] === false) return false;
    if (data.filters.countries.length && state.countries[ip.country || "(none)"] === false) return false;
    if (state.year && ip.years) {
      var y = Number(state.year);
      if (y < ip.years[0] || y > ip.years[1]) return false;
    }
    return true;
  }
  function applyFilters() {
    var updates = [];
    nodeSet.forEach(function (n) {
      var hidden = !visible(n);
      if (Boolean(n.hidden) !== hidden) updates.push({ id: n.id, hidden: hidden });
    });
    if (updates.length) nodeSet.update(updates);
  }
  window.ipView.applyFilters = applyFilters;
  window.ipView.filterState = state;

  /* ---------------------------------------------------------------- search */
  function plain(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var search = document.getElementById("ip-search");
  var found = document.getElementById("ip-found");
  function runSearch() {
    var q = plain(search.value.trim());
    if (!q) {
      found.textContent = "";
      network.unselectAll();
      return;
    }
    var hits = nodeSet.get({ filter: function (n) {
      var ip = data.node_info[n.id];
      return !n.hidden && (plain(ip.name).indexOf(q) >= 0 || plain(n.id).indexOf(q) >= 0);
    } }).map(function (n) { return n.id; });
    found.textContent = hits.length + (hits.length === 1 ? " match" : " matches");
    network.selectNodes(hits, false);
    if (hits.length) {
      network.focus(hits[0], { scale: Math.max(network.getScale(), 1.0), animation: false });
      showDetails(data.node_info[hits[0]]);
    }
  }
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") runSearch(); });
  search.addEventListener("search", runSearch);
  window.ipView.search = function (q) { search.value = q; runSearch(); return found.textContent; };
})();
