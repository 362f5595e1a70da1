// Accent-insensitive search over the records (index: assets/search-index.js,
// generated at build time). Typing "dan van" finds "dân vận"; "hoà" finds "hòa".
(function () {
  "use strict";
  var entries = window.KEHOACH_SEARCH || [];
  var input = document.getElementById("kh-q");
  var list = document.getElementById("kh-results");
  var count = document.getElementById("kh-count");
  if (!input || !list) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  // A term matches a whole word or the start of one; key words (number,
  // title, names) weigh more than the rest (task text, units); the whole
  // phrase found as typed weighs most.
  function weight(text, term) {
    var padded = " " + text + " ";
    if (padded.indexOf(" " + term + " ") >= 0) return 2;
    if (padded.indexOf(" " + term) >= 0) return 1;
    return 0;
  }

  function score(entry, terms, phrase) {
    var keys = entry[3], rest = entry[4], total = 0;
    for (var i = 0; i < terms.length; i++) {
      var inKeys = weight(keys, terms[i]);
      var inRest = weight(rest, terms[i]);
      if (!inKeys && !inRest) return 0;
      total += inKeys ? 2 + inKeys : inRest;
    }
    if (weight(keys, phrase)) total += keys.indexOf(phrase) === 0 ? 12 : 8;
    else if (weight(rest, phrase)) total += 4;
    return total;
  }

  function show() {
    var phrase = fold(input.value);
    list.textContent = "";
    if (!phrase) { count.textContent = "Gõ từ khóa để tìm kế hoạch, nhiệm vụ, văn bản, đơn vị."; return; }
    var terms = phrase.split(" ");
    var found = [];
    for (var i = 0; i < entries.length; i++) {
      var s = score(entries[i], terms, phrase);
      if (s) found.push([s, i]);
    }
    found.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    count.textContent = found.length + " kết quả" + (found.length > 50 ? " (hiện 50 kết quả đầu)" : "");
    found.slice(0, 50).forEach(function (hit) {
      var entry = entries[hit[1]];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry[0];
      link.textContent = entry[1];  // textContent: record text is never parsed as HTML
      var kind = document.createElement("span");
      kind.className = "kh-kind";
      kind.textContent = entry[2];
      item.appendChild(kind);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  input.addEventListener("input", show);
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; }
  show();
})();
