/* Search in an agency's offline package (opened from disk, file://), where Pagefind cannot
   run. The pages' text comes from tim-kiem-du-lieu.js, loaded just before search-rules.js
   and this file. Queries are prepared and results ordered by the same rules as the online
   search (search-rules.js); only the matching is local: each word of the query against
   the words of each page (title and text, folded), pairs of neighbouring words, and the
   start of each title. */
/* global PbgdplSearch */
(function () {
  "use strict";

  var data = window.PBGDPL_OFFLINE_SEARCH;
  var S = window.PbgdplSearch;
  var form = document.querySelector("[data-pb-offline-search]");
  if (!data || !S || !form) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-pb-offline-status]");
  var list = document.querySelector("[data-pb-offline-results]");
  var TITLE_SCORE = 3;

  // Each page's folded title and text as words, and which pages have each word.
  var pages = data.pages.map(function (page) {
    var parts = page.k.split(" | ");
    var title = (parts[0] || "").split(" ").filter(Boolean);
    var text = (parts[1] || "").split(" ").filter(Boolean);
    var names = (page.a || []).map(function (a) { return S.syllables(a).join(" "); });
    // Each name also without its trailing number, as the index's title tokens.
    var known = S.titlesOf([page.t].concat(page.a || [])).map(S.syllables);
    return {
      page: page,
      title: title,
      starts: [title.join("")].concat(known.map(function (n) { return n.join(""); })),
      ends: [title.slice().reverse().join("")].concat(known.map(function (n) {
        return n.slice().reverse().join("");
      })),
      words: new Set(title.concat(text).concat(names.join(" ").split(" "))),
      titleWords: new Set(title.concat(names.join(" ").split(" "))),
      joined: " " + title.concat(["|"], text).join(" ") + " " + names.join(" | ") + " "
    };
  });
  var query = data.query || {};
  var lexicon = new S.Lexicon({
    pages: pages.length,
    words: query.words || Array.from(new Set(pages.flatMap(function (p) {
      return Array.from(p.words);
    }))).join(" "),
    rewrites: query.rewrites || {}
  });
  pages.forEach(function (p) {
    var found = [];
    for (var i = 0; i + 1 < p.title.length; i++) found.push(p.title[i] + " " + p.title[i + 1]);
    lexicon.addPairs(found.join(","));
  });

  // Pages matching one word of the plan: id → {score}; a title match scores higher.
  function hitsOf(term) {
    var map = new Map();
    var key = term.folded.replace(/[^0-9a-z]+/g, " ").trim();
    pages.forEach(function (p, id) {
      var hit;
      var inTitle = false;
      if (term.match === "number") {
        hit = p.joined.indexOf(" " + key) >= 0 ||
          (p.page.n && S.numberKey(p.page.n).indexOf(S.numberKey(term.text)) === 0);
      } else if (term.match === "prefix") {
        hit = p.joined.indexOf(" " + key) >= 0;
      } else {
        hit = p.words.has(key);
        inTitle = p.titleWords.has(key);
      }
      if (hit) map.set(id, { result: p, score: inTitle ? 1 : 1 / TITLE_SCORE });
    });
    return map;
  }

  function phraseHits(a, b) {
    var map = new Map();
    pages.forEach(function (p, id) {
      if (p.joined.indexOf(" " + a + " " + b + " ") >= 0) map.set(id, { result: p, score: 1 });
    });
    return map;
  }

  // Titles (or other names) that start with the query, or with `end` that end with it.
  function startHits(token, end) {
    var map = new Map();
    var start = token.slice(S.TITLE_MARK.length);
    pages.forEach(function (p, id) {
      if ((end ? p.ends : p.starts).some(function (s) { return s.indexOf(start) === 0; })) {
        map.set(id, { result: p, score: 1 });
      }
    });
    return map;
  }

  function gather(plan) {
    return {
      terms: plan.terms.map(hitsOf),
      pairs: plan.pairs.map(function (p) { return phraseHits(p.a, p.b); }),
      title: plan.title ? startHits(plan.title, false) : new Map(),
      titleEnd: plan.titleEnd ? startHits(plan.titleEnd, true) : new Map(),
      bare: plan.bareTitle ? startHits(plan.bareTitle, false) : null
    };
  }

  // A word of an unknown pair, corrected to one a letter away that makes a known pair
  // found with the query's other words ("kết hôm" → "kết hôn"), or null.
  function fix(plan, found) {
    var pair = S.unknownPairs(plan, found)[0];
    if (!pair) return null;
    // Either word of the pair may be the wrong one: the correction that brings more pages
    // with the query's other words wins, as online.
    var sides = [["b", pair.b], ["a", pair.a]];
    var chosen = null;
    var chosenCount = 0;
    for (var s = 0; s < sides.length; s++) {
      var side = sides[s][0];
      var word = sides[s][1];
      var index = plan.terms.findIndex(function (t) { return t.folded === word; });
      var along = S.others(found, index);
      var best = null;
      var bestCount = 0;
      lexicon.neighbours(S.typedOf(pair, side), function (c) {
        return lexicon.pairs.has(side === "b" ? pair.a + " " + c : c + " " + pair.b);
      }).slice(0, 4).forEach(function (c) {
        var count = 0;
        phraseHits(side === "b" ? pair.a : c, side === "b" ? c : pair.b)
          .forEach(function (hit, id) { if (along(id)) count++; });
        if (count > bestCount) { best = c; bestCount = count; }
      });
      if (best && bestCount > chosenCount) {
        // The guess already made may be the best: then it stays.
        chosen = best === word ? null : { from: word, to: best };
        chosenCount = bestCount;
      }
    }
    return chosen;
  }

  function search(text) {
    var plan = S.prepare(text, lexicon);
    plan.notes.suggestion = lexicon.suggest(plan);
    if (!plan.terms.length) return { plan: plan, entries: [] };
    var found = gather(plan);
    var correction = fix(plan, found);
    if (correction) {
      plan = S.replan(plan, correction, lexicon);
      found = gather(plan);
    }
    var entries = S.combine(plan, found, lexicon).list;
    entries.forEach(function (e) {
      var page = e.result.page;
      e.page = {
        title: page.t, aliases: page.a || [], topics: page.g || [], about: page.b || "",
        number: page.n || "",
        status: page.st || "",
        section: page.u.split("/")[1] || "", summary: page.s || ""
      };
    });
    return { plan: plan, entries: S.order(entries, plan) };
  }

  function said(plan) {
    var n = plan.notes;
    var parts = [];
    n.rewrites.forEach(function (r) { parts.push("Đã tìm “" + r.to + "” cho “" + r.from + "”."); });
    if (n.fixes.length) {
      parts.push("Đã sửa " + n.fixes.map(function (f) {
        return "“" + f.from + "” thành “" + f.to + "”";
      }).join(", ") + ".");
    }
    if (n.left.length) parts.push("Bỏ qua từ để hỏi: " + n.left.join(", ") + ".");
    if (n.unknown.length) {
      parts.push("Không trang nào có từ " + n.unknown.map(function (w) {
        return "“" + w + "”";
      }).join(", ") + ".");
    }
    if (n.suggestion) parts.push("Có phải bạn muốn tìm “" + n.suggestion + "”?");
    return parts.join(" ");
  }

  function show(text, found) {
    list.textContent = "";
    if (!text.trim()) {
      status.textContent = "Nhập từ khóa để tìm trong " + data.pages.length + " trang của bản sao.";
      return;
    }
    var entries = found.entries;
    var notes = said(found.plan);
    status.textContent = (entries.length
      ? "Tìm thấy " + entries.length + " kết quả cho “" + text + "”."
      : "Không tìm thấy trang nào có “" + text + "”. Thử từ khóa ngắn hơn.") +
      (notes ? " " + notes : "");
    entries.forEach(function (entry) {
      var page = entry.result.page;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.u;
      link.textContent = page.t;
      item.appendChild(link);
      if (page.c) {
        var kind = document.createElement("span");
        kind.className = "pb-offline-search__kind";
        kind.textContent = " · " + page.c;
        item.appendChild(kind);
      }
      var snippet = document.createElement("p");
      snippet.textContent = page.s;
      item.appendChild(snippet);
      list.appendChild(item);
    });
  }

  var text = new URLSearchParams(window.location.search).get("q") || "";
  input.value = text;
  show(text, text.trim() ? search(text) : { plan: null, entries: [] });
})();
