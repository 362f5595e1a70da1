// Sortable record tables, shipped with the site (no outside script).
// Text sorts in Vietnamese alphabetical order (Intl.Collator "vi": Đ after D),
// dates written dd/mm/yyyy and numbers sort by value. Works with Material's
// instant navigation (document$) and on plain page loads.
(function () {
  "use strict";
  var collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
  var DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
  var ROOT = document.currentScript ? document.currentScript.src.replace(/assets\/kehoach\.js.*$/, "") : "";

  function key(cell) {
    var text = (cell.textContent || "").trim();
    var date = DATE.exec(text);
    if (date) return { kind: 0, value: Number(date[3]) * 10000 + Number(date[2]) * 100 + Number(date[1]) };
    if (/^-?\d+(?:[.,]\d+)?$/.test(text)) return { kind: 0, value: parseFloat(text.replace(",", ".")) };
    return { kind: text ? 1 : 2, value: text };
  }

  function compare(a, b) {
    if (a.kind !== b.kind) return a.kind - b.kind;
    return a.kind === 0 ? a.value - b.value : collator.compare(a.value, b.value);
  }

  function sortBy(table, th, column) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, position) {
      return { row: row, key: key(row.cells[column]), position: position };
    });
    rows.sort(function (a, b) {
      return (ascending ? 1 : -1) * compare(a.key, b.key) || a.position - b.position;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
  }

  function enable(root) {
    root.querySelectorAll("table.kh-sortable").forEach(function (table) {
      if (table.dataset.khSortable) return;
      table.dataset.khSortable = "1";
      table.querySelectorAll("thead th").forEach(function (th, column) {
        th.setAttribute("tabindex", "0");
        th.setAttribute("title", "Bấm để sắp xếp");
        th.addEventListener("click", function () { sortBy(table, th, column); });
        th.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, th, column); }
        });
      });
    });
  }

  // A box that scrolls sideways (code, chart, wide table) must be reachable by keyboard.
  function focusable(root) {
    root.querySelectorAll("pre > code, .kh-chart, .kh-table-box, .md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
      }
    });
  }

  // Listing filters, from a folder too: the values are read from the rows
  // themselves (data-filter), the choice is kept in the address (?nam=2022&tinh=...).
  var FACETS = [["nam", "Năm"], ["tinh", "Tỉnh"], ["don-vi", "Đơn vị chủ trì, ban hành"], ["ke-hoach", "Kế hoạch"],
    ["tinh-trang", "Tình trạng"]];

  function values(row) {
    try { return JSON.parse(row.getAttribute("data-filter")); } catch (e) { return {}; }
  }

  function filters(root) {
    var rows = Array.prototype.slice.call(root.querySelectorAll("table.kh-filterable tbody tr"));
    var content = root.querySelector(".md-content__inner h1");
    if (!rows.length || !content || root.querySelector(".kh-filters")) return;
    var params = new URLSearchParams(window.location.search);
    var bar = document.createElement("form");
    bar.className = "kh-filters";
    bar.setAttribute("aria-label", "Lọc danh sách");
    var selects = [];
    FACETS.forEach(function (facet) {
      var seen = {};
      rows.forEach(function (row) {
        [].concat(values(row)[facet[0]] || []).forEach(function (v) { if (v) seen[v] = true; });
      });
      var options = Object.keys(seen).sort(collator.compare);
      if (options.length < 2 && !params.get(facet[0])) return;
      var label = document.createElement("label");
      label.textContent = facet[1] + " ";
      var select = document.createElement("select");
      select.name = facet[0];
      [""].concat(options).forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        option.textContent = v || "Tất cả";
        select.appendChild(option);
      });
      select.value = params.get(facet[0]) || "";
      select.addEventListener("change", apply);
      label.appendChild(select);
      bar.appendChild(label);
      selects.push(select);
    });
    if (!selects.length) return;
    var count = document.createElement("span");
    count.className = "kh-filter-count";
    count.setAttribute("aria-live", "polite");
    bar.appendChild(count);
    content.parentNode.insertBefore(bar, content.nextSibling);

    function apply() {
      var url = new URL(window.location.href);
      var shown = 0;
      selects.forEach(function (s) { if (s.value) url.searchParams.set(s.name, s.value); else url.searchParams.delete(s.name); });
      rows.forEach(function (row) {
        var facts = values(row);
        var ok = selects.every(function (s) { return !s.value || [].concat(facts[s.name] || []).indexOf(s.value) >= 0; });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown === rows.length ? "" : "Đang lọc: " + shown + "/" + rows.length + " dòng";
      try { window.history.replaceState(null, "", url.href); } catch (e) { /* some file:// setups refuse */ }
    }
    apply();
  }

  // A search box in every page's header: it opens the search page with ?q=.
  function headerSearch() {
    var header = document.querySelector(".md-header__inner");
    // not on the search page itself, which has its own box
    if (!header || !ROOT || header.querySelector(".kh-header-search") || document.getElementById("kh-q")) return;
    var form = document.createElement("form");
    form.className = "kh-header-search";
    form.setAttribute("role", "search");
    form.method = "get";
    form.action = ROOT + "tim-kiem.html";
    var input = document.createElement("input");
    input.type = "search";
    input.name = "q";
    input.placeholder = "Tìm kiếm";
    input.setAttribute("aria-label", "Tìm kế hoạch, nhiệm vụ, văn bản, đơn vị");
    form.appendChild(input);
    header.appendChild(form);
  }

  // Editor notes are shown in the reviewer's view only (?xem=soan, kept for the session).
  function reviewerView() {
    var asked = new URLSearchParams(window.location.search).get("xem");
    try {
      if (asked === "soan") window.sessionStorage.setItem("kh-reviewer", "1");
      if (asked === "doc") window.sessionStorage.removeItem("kh-reviewer");
      if (window.sessionStorage.getItem("kh-reviewer")) document.documentElement.classList.add("kh-reviewer");
    } catch (e) { if (asked === "soan") document.documentElement.classList.add("kh-reviewer"); }
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () {
      enable(document); focusable(document); headerSearch(); reviewerView(); filters(document);
    });
  } else {
    document.addEventListener("DOMContentLoaded", function () {
      enable(document); focusable(document); headerSearch(); reviewerView(); filters(document);
    });
  }
})();
