// Live facet value search (debounced, via /api/facets/<facet>) and a brush on the month
// histogram that picks a range and submits from/to. Without JavaScript the page's plain
// links and form fields do the same.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var view = location.pathname.indexOf("/quotes") >= 0 ? "quotes" : "paragraphs";

  // Delegated from the form, since search-as-you-type (suggest.js) replaces the facets.
  var timer = null;
  form.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.matches("[data-facet-find]")) { e.preventDefault(); find(e.target); }
  });
  form.addEventListener("input", function (e) {
    if (!e.target.matches("[data-facet-find]")) return;
    clearTimeout(timer); timer = setTimeout(find, 250, e.target);
  });
  function find(input) {
    var facet = input.getAttribute("data-facet-find");
    var box = document.querySelector("#facet-" + facet + " .facet-values");
    var params = new URLSearchParams(location.search);
    params.delete(facet + "_prefix");
    params.set("prefix", input.value.trim().slice(0, 50));
    params.set("limit", "50");
    params.set("view", view);
    fetch("/api/facets/" + facet + "?" + params.toString())
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) render(data); });
    function render(data) {
      box.textContent = "";
      data.values.forEach(function (item) {
        var row = document.createElement("div"); row.className = "facet-row";
        var label = document.createElement("label"); label.className = "facet-value" + (item.selected ? " selected" : "");
        var check = document.createElement("input"); check.type = "checkbox"; check.name = facet;
        check.value = item.value === null ? "_unknown" : item.value; check.checked = item.selected;
        var name = document.createElement("span"); name.className = "name"; name.textContent = item.label;
        var count = document.createElement("span"); count.className = "count"; count.textContent = item.count;
        label.append(check, name, count); row.append(label); box.append(row);
      });
      if (!data.values.length) { var p = document.createElement("p"); p.className = "empty"; p.textContent = "None"; box.append(p); }
    }
  }

  var bars = [];
  var start = null, end = null, dragged = false;
  function mark() {
    var lo = Math.min(start, end), hi = Math.max(start, end);
    bars.forEach(function (b, i) { b.classList.toggle("brushed", i >= lo && i <= hi); });
  }
  function barAt(e) {
    var bar = e.target.closest && e.target.closest("#histogram .bar");
    return bar ? bars.indexOf(bar) : -1;
  }
  form.addEventListener("pointerdown", function (e) {
    bars = Array.prototype.slice.call(document.querySelectorAll("#histogram .bar"));
    var i = barAt(e);
    if (i < 0) return;
    e.preventDefault(); start = end = i; dragged = false; mark();
  });
  form.addEventListener("pointerover", function (e) {
    var i = barAt(e);
    if (start !== null && i >= 0) { end = i; dragged = dragged || i !== start; mark(); }
  });
  form.addEventListener("click", function (e) { if (dragged && barAt(e) >= 0) e.preventDefault(); });
  document.addEventListener("pointerup", function () {
    if (start === null) return;
    var lo = Math.min(start, end), hi = Math.max(start, end);
    var multi = dragged; start = null;
    if (!multi) return; // a plain click follows the bar's link
    var params = new URLSearchParams(location.search);
    params.delete("date"); params.delete("page");
    params.set("from", bars[lo].getAttribute("data-from"));
    params.set("to", bars[hi].getAttribute("data-to"));
    location.search = params.toString();
  });
})();
