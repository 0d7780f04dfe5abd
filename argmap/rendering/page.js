// The interactive page's behaviour (argmap.rendering.html puts it inline); user text arrives as JSON
// and is only ever shown with textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var views = {whole: document.getElementById("whole"), overview: document.getElementById("overview")};
  var svg = views.whole.querySelector("svg");
  var osvg = views.overview ? views.overview.querySelector("svg") : null;
  var panel = document.getElementById("panel");
  var pinned = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function show(id) {
    var d = data.nodes[id];
    panel.replaceChildren();
    if (!d) { panel.appendChild(el("p", "Point at a claim to read it; click to pin it.", "hint")); return; }
    panel.appendChild(el("div", d.kind + " " + d.key, "meta"));
    if (d.text) panel.appendChild(el("h2", d.text));
    if (d.case) panel.appendChild(el("div", "case: " + d.case, "meta"));
    if (d.by) panel.appendChild(el("p", "— " + d.by));
    d.quotes.forEach(function (q) {
      var b = el("blockquote", "\u201c" + q.text + "\u201d");
      if (q.cites.length) b.appendChild(el("span", " [" + q.cites.join("] [") + "]", "meta"));
      panel.appendChild(b);
    });
    if (d.tags.length) panel.appendChild(el("div", "tags: " + d.tags.join(", "), "meta"));
    if (d.footnotes.length) {
      panel.appendChild(el("h2", "Footnotes"));
      var ol = el("ol");
      d.footnotes.forEach(function (f) {
        var li = el("li", "[" + f.label + "] " + (f.text === null ? "(no such footnote in the map)" : f.text), "footnote");
        li.value = parseInt(f.label, 10) || undefined;
        if (f.source) li.appendChild(el("div", "Ibid. = [" + f.source.label + "] " + f.source.text, "ibid"));
        ol.appendChild(li);
      });
      panel.appendChild(ol);
    }
    if (d.problems.length) {
      panel.appendChild(el("h2", "Problems found"));
      d.problems.forEach(function (p) { panel.appendChild(el("div", "\u26a0 " + p)); });
    }
    var s = d.supporters.length, a = d.attackers.length;
    panel.appendChild(el("p", s + " supporting, " + a + " attacking" + (pinned ? " (highlighted)" : ""), "meta"));
  }
  function clear(cls) {
    svg.querySelectorAll("." + cls).forEach(function (e) { e.classList.remove(cls); });
  }
  function mark(ids, cls) {
    ids.forEach(function (i) { var e = document.getElementById(i); if (e) e.classList.add(cls); });
  }
  function pin(id) {
    ["hl-self", "hl-support", "hl-attack", "hl-edge"].forEach(clear);
    pinned = (id && id !== pinned) ? id : null;
    svg.classList.toggle("focused", !!pinned);
    if (pinned) {
      var d = data.nodes[pinned];
      mark([pinned], "hl-self"); mark(d.supporters, "hl-support"); mark(d.attackers, "hl-attack"); mark(d.edges, "hl-edge");
    }
    show(pinned);
  }
  function hook(g, open) {
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.addEventListener("mouseenter", function () { if (!pinned) show(open); });
    g.addEventListener("focus", function () { if (!pinned) show(open); });
    g.addEventListener("click", function (ev) { ev.stopPropagation(); act(g, open); });
    g.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); act(g, open); }
    });
  }
  function act(g, id) {
    var fold = data.folds[g.id];
    if (fold !== undefined && g.ownerSVGElement === osvg) { unfold(fold.root); return; }
    if (data.stubs[g.id] !== undefined) { unfold(data.stubs[g.id]); return; }  // a stub: go to the claim it names
    if (g.ownerSVGElement === osvg) { unfold(id); return; }
    pin(id);
  }
  svg.querySelectorAll("g.node").forEach(function (g) {
    if (data.nodes[g.id]) hook(g, g.id);
    else if (data.stubs[g.id]) hook(g, data.stubs[g.id]);
  });
  if (osvg) osvg.querySelectorAll("g.node").forEach(function (g) {
    var fold = data.folds[g.id], whole = data.overview[g.id];
    if (fold) hook(g, fold.root);  // its count, and with labels its IN/OUT tally, are in its box
    else if (whole) hook(g, whole);
    else if (data.stubs[g.id]) hook(g, data.stubs[g.id]);
  });
  var current_view = osvg ? "overview" : "whole";
  function switchTo(name) {
    current_view = name;
    Object.keys(views).forEach(function (k) { if (views[k]) views[k].hidden = (k !== name); });
    document.getElementById("view").textContent = name === "overview" ? "Whole map" : "Overview";
    document.getElementById("view").hidden = !osvg;
    apply(); mini();
  }
  function unfold(id, pinIt) {
    switchTo("whole");
    if (scale === null || scale < 0.75) { scale = Math.max(0.75, scale || 0); apply(); }
    var g = document.getElementById(id);
    if (g) {
      var r = g.getBoundingClientRect(), c = box.getBoundingClientRect();
      box.scrollLeft += r.left - c.left - c.width / 2 + r.width / 2;
      box.scrollTop += r.top - c.top - c.height / 3;
      if (pinIt !== false) { g.focus({preventScroll: true}); if (pinned !== id) pin(id); }
    }
    mini();
  }
  svg.addEventListener("click", function () { if (pinned) pin(null); });
  var search = document.getElementById("search");
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase(), n = 0;
    clear("match");
    svg.classList.toggle("searching", q.length > 0);
    var first = null;
    if (q) Object.keys(data.nodes).forEach(function (id) {
      if (data.nodes[id].search.indexOf(q) >= 0) { mark([id], "match"); n++; if (!first) first = id; }
    });
    if (q && first && current_view === "overview") unfold(first, false);  // search reveals: the whole map
    document.getElementById("hits").textContent = q ? n + (n === 1 ? " claim" : " claims") : "";
  });
  // Zoom: the page opens with the diagram fitted to the window's width, but never below 75 %
  // (smaller text cannot be read); "+" and "-" (or the keys) scale it, "Fit width" goes back.
  var box = document.getElementById("diagram"), zoom = document.getElementById("zoom");
  function shown() { return current_view === "overview" ? osvg : svg; }
  function natural() {
    var s = shown();
    return s.viewBox && s.viewBox.baseVal && s.viewBox.baseVal.width ? s.viewBox.baseVal.width * 4 / 3
      : s.getBoundingClientRect().width;
  }
  var MIN_OPEN = 0.75;
  var scale = null;  // null: fitted to the width
  function current() { return scale === null ? shown().getBoundingClientRect().width / natural() : scale; }
  function apply() {
    var s = shown();
    if (scale === null && (box.clientWidth - 16) / natural() < MIN_OPEN) scale = MIN_OPEN;
    box.classList.toggle("fit", scale === null);
    [svg, osvg].forEach(function (x) { if (x) x.style.width = ""; });
    s.style.width = scale === null ? "" : Math.round(natural() * scale) + "px";
    zoom.textContent = scale === null ? "Fit width" : Math.round(scale * 100) + "% · fit width";
  }
  // The minimap: the shown diagram small, with a frame where the view is; a click moves the view there.
  var minimap = document.getElementById("minimap");
  function mini() {
    if (!minimap) return;
    var s = shown();
    minimap.replaceChildren();
    var copy = s.cloneNode(true);
    copy.removeAttribute("id"); copy.style.width = "";
    copy.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
    copy.querySelectorAll("[tabindex]").forEach(function (e) { e.removeAttribute("tabindex"); });
    minimap.appendChild(copy);
    var port = document.createElement("div"); port.className = "port"; minimap.appendChild(port);
    var W = s.getBoundingClientRect().width || 1, H = s.getBoundingClientRect().height || 1;
    var k = minimap.clientWidth / W;
    port.style.left = (box.scrollLeft * k) + "px"; port.style.top = (box.scrollTop * k) + "px";
    port.style.width = Math.min(minimap.clientWidth, box.clientWidth * k) + "px";
    port.style.height = Math.min(minimap.clientHeight, box.clientHeight * k) + "px";
    minimap.hidden = W <= box.clientWidth + 2 && H <= box.clientHeight + 2;
  }
  if (minimap) minimap.addEventListener("click", function (ev) {
    var r = minimap.getBoundingClientRect(), W = shown().getBoundingClientRect().width;
    var k = W / r.width;
    box.scrollLeft = (ev.clientX - r.left) * k - box.clientWidth / 2;
    box.scrollTop = (ev.clientY - r.top) * k - box.clientHeight / 2;
    mini();
  });
  box.addEventListener("scroll", function () {
    var port = minimap && minimap.querySelector(".port");
    if (!port) return;
    var k = minimap.clientWidth / (shown().getBoundingClientRect().width || 1);
    port.style.left = (box.scrollLeft * k) + "px"; port.style.top = (box.scrollTop * k) + "px";
  });
  document.getElementById("view").addEventListener("click", function () {
    switchTo(current_view === "overview" ? "whole" : "overview");
  });
  function by(factor) { scale = Math.min(4, Math.max(0.05, current() * factor)); apply(); mini(); }
  document.getElementById("zoom-in").addEventListener("click", function () { by(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { by(0.8); });
  zoom.addEventListener("click", function () { scale = null; box.classList.add("fit"); shown().style.width = "";
    box.classList.toggle("fit", true); zoom.textContent = "Fit width"; mini(); });
  document.addEventListener("keydown", function (e) {
    if (e.target === search) return;
    if (e.key === "+" || e.key === "=") by(1.25);
    else if (e.key === "-") by(0.8);
    else if (e.key === "0") { scale = null; apply(); mini(); }
    else if (e.key === "o" && osvg) switchTo(current_view === "overview" ? "whole" : "overview");
    else if (e.key === "Escape" && pinned) pin(null);
    else if (e.key === "/") { e.preventDefault(); search.focus(); }
  });
  search.addEventListener("keydown", function (e) {  // Escape leaves the search, cleared
    if (e.key === "Escape") { search.value = ""; search.dispatchEvent(new Event("input")); search.blur(); }
  });
  show(null);
  switchTo(current_view);
  // Open on the map's first thesis (the debate, with none of its own: on the middle), centred across, at the top.
  function opening() {
    var id = current_view === "overview" ? data.opening.overview : data.opening.whole;
    var g = id ? document.getElementById(id) : null;
    var c = box.getBoundingClientRect(), s = shown().getBoundingClientRect();
    var x = g ? g.getBoundingClientRect() : {left: s.left + s.width / 2, width: 0};
    box.scrollLeft += x.left - c.left - c.width / 2 + x.width / 2;
    box.scrollTop = 0;
    mini();
  }
  opening();
})();
