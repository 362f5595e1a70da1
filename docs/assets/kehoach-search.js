// Search as one types, over the split index of assets/search/ (see
// kehoach/site/search.py). Each part is a script that calls KEHOACH_SEARCH, so
// it loads from a folder (file://) as from a server; only the parts the query
// needs are loaded. Typing "dan van" finds "dân vận", "nq 25" and
// "nghi quyet 25" find 25-NQ/TW, "dai hoi 13" finds "Đại hội XIII"; a word
// with one wrong letter gets a "Có phải ...?" suggestion.
(function () {
  "use strict";
  var input = document.getElementById("kh-q");
  var list = document.getElementById("kh-results");
  var count = document.getElementById("kh-count");
  var suggest = document.getElementById("kh-suggest");
  var base = document.currentScript.src.replace(/[^\/]*$/, "") + "search/";
  var SHOWN = 30;
  var manifest = null, shards = {}, docs = {}, vocabulary = null, waiting = {};
  var known = {};
  var generation = 0;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  function load(path, ready) {
    if (waiting[path]) { waiting[path].push(ready); return; }
    waiting[path] = [ready];
    var script = document.createElement("script");
    script.src = base + path;
    script.onerror = function () { var calls = waiting[path]; waiting[path] = null; calls.forEach(function (f) { f(); }); };
    document.head.appendChild(script);
  }

  function done(path) {
    var calls = waiting[path] || [];
    waiting[path] = null;
    calls.forEach(function (f) { f(); });
  }

  window.KEHOACH_SEARCH = {
    init: function (data) {
      manifest = data;
      data.shards.forEach(function (key) { known[key] = true; });
      start();
    },
    shard: function (key, words) { shards[key] = words; done("s/" + key + ".js"); },
    docs: function (n, rows) { docs[n] = rows; done("d/" + n + ".js"); },
    vocabulary: function (text) { vocabulary = text.split(" "); done("v.js"); }
  };

  function need(paths, then) {
    var missing = paths.filter(function (p) { return !(p in loaded()); });
    var left = missing.length;
    if (!left) { then(); return; }
    missing.forEach(function (p) { load(p, function () { left -= 1; if (!left) then(); }); });
  }

  function loaded() {
    var have = {};
    Object.keys(shards).forEach(function (k) { have["s/" + k + ".js"] = 1; });
    Object.keys(docs).forEach(function (k) { have["d/" + k + ".js"] = 1; });
    if (vocabulary) have["v.js"] = 1;
    return have;
  }

  function keyOf(term) { return term.slice(0, manifest.prefix); }

  // id -> best weight of the term in that entry: 4 whole word in key words,
  // 3 start of a key word, 2 whole word elsewhere, 1 start of a word elsewhere.
  function matches(term) {
    var words = shards[keyOf(term)] || {};
    var found = {};
    var exactOnly = term.length < manifest.prefix;
    Object.keys(words).forEach(function (word) {
      if (word === term || (!exactOnly && word.indexOf(term) === 0)) {
        var whole = word === term ? 1 : 0;
        var id = 0;
        words[word].split(",").forEach(function (code) {
          var value = parseInt(code, 36);
          id += value >> 1;
          var weight = (value & 1 ? 3 : 1) + whole;
          if (!(found[id] >= weight)) found[id] = weight;
        });
      }
    });
    return found;
  }

  function rank(terms) {
    var total = null;
    terms.forEach(function (term) {
      var found = matches(term);
      if (total === null) { total = found; return; }
      var next = {};
      Object.keys(found).forEach(function (id) { if (id in total) next[id] = total[id] + found[id]; });
      total = next;
    });
    var ids = Object.keys(total || {}).map(Number);
    var sizes = manifest.sizes;
    ids.sort(function (a, b) {
      return total[b] - total[a] || parseInt(sizes[a], 36) - parseInt(sizes[b], 36) || a - b;
    });
    return ids;
  }

  // One letter wrong, missing, extra or two letters swapped.
  function oneEditApart(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function correction(terms) {
    var fixed = terms.map(function (term) {
      if (Object.keys(matches(term)).length) return term;
      for (var i = 0; i < vocabulary.length; i++) {  // most frequent first
        if (oneEditApart(term, vocabulary[i])) return vocabulary[i];
      }
      return term;
    });
    return fixed.join(" ") === terms.join(" ") ? null : fixed;
  }

  function keep(query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    try { window.history.replaceState(null, "", url.href); } catch (e) { /* some file:// setups refuse */ }
  }

  function show(ids, terms, mine) {
    var chunks = {};
    ids.slice(0, SHOWN).forEach(function (id) { chunks["d/" + Math.floor(id / manifest.chunk) + ".js"] = 1; });
    need(Object.keys(chunks), function () {
      if (mine !== generation) return;
      list.textContent = "";
      count.textContent = ids.length + " kết quả" + (ids.length > SHOWN ? " (hiện " + SHOWN + " kết quả đầu)" : "");
      ids.slice(0, SHOWN).forEach(function (id) {
        var row = (docs[Math.floor(id / manifest.chunk)] || [])[id % manifest.chunk];
        if (!row) return;
        var item = document.createElement("li");
        var kind = document.createElement("span");
        kind.className = "kh-kind";
        kind.textContent = row[2];
        var link = document.createElement("a");
        link.href = base.replace(/assets\/search\/$/, "") + row[0];
        link.textContent = row[1];  // textContent: record text is never parsed as HTML
        var facts = document.createElement("span");
        facts.className = "kh-facts";
        facts.textContent = [row[3], row[4], row[5]].filter(Boolean).join(" · ");
        item.appendChild(kind);
        item.appendChild(link);
        if (facts.textContent) item.appendChild(facts);
        list.appendChild(item);
      });
    });
  }

  function offer(fixed) {
    suggest.textContent = "Có phải: ";
    var link = document.createElement("a");
    link.href = "?q=" + encodeURIComponent(fixed.join(" "));
    link.textContent = fixed.join(" ");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = fixed.join(" ");
      search();
    });
    suggest.appendChild(link);
    suggest.appendChild(document.createTextNode("?"));
    suggest.hidden = false;
  }

  function search() {
    var mine = ++generation;
    var query = input.value;
    keep(query.trim());
    var terms = fold(query).split(" ").filter(Boolean);
    suggest.hidden = true;
    if (!terms.length) {
      list.textContent = "";
      count.textContent = "Gõ từ khóa để tìm kế hoạch, nhiệm vụ, văn bản, đơn vị.";
      return;
    }
    var paths = terms.map(keyOf).filter(function (k) { return known[k]; })
      .map(function (k) { return "s/" + k + ".js"; });
    need(paths, function () {
      if (mine !== generation) return;
      var ids = rank(terms);
      if (ids.length) { show(ids, terms, mine); return; }
      need(["v.js"], function () {
        if (mine !== generation) return;
        var fixed = vocabulary && correction(terms);
        if (!fixed) { list.textContent = ""; count.textContent = "Không có kết quả."; return; }
        offer(fixed);
        var keys = fixed.map(keyOf).filter(function (k) { return known[k]; }).map(function (k) { return "s/" + k + ".js"; });
        need(keys, function () {
          if (mine !== generation) return;
          var again = rank(fixed);
          if (!again.length) { list.textContent = ""; count.textContent = "Không có kết quả."; return; }
          show(again, fixed, mine);
        });
      });
    });
  }

  function start() {
    if (!input || !list) return;
    input.addEventListener("input", search);
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) input.value = query;
    search();
  }
})();
