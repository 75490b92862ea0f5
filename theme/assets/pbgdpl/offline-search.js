/* Search in an agency's offline package (opened from disk, file://), where Pagefind cannot
   run. The pages' text comes from tim-kiem-du-lieu.js, loaded just before this file; words
   match without accents, "đ" as "d", each query word as the start of a word. */
(function () {
  "use strict";

  var data = window.PBGDPL_OFFLINE_SEARCH;
  var form = document.querySelector("[data-pb-offline-search]");
  if (!data || !form) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-pb-offline-status]");
  var list = document.querySelector("[data-pb-offline-results]");

  function fold(text) {
    return text
      .replace(/[đĐ]/g, "d")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^0-9a-z]+/g, " ")
      .trim();
  }

  function count(haystack, word) {
    var found = 0;
    var at = haystack.indexOf(" " + word);
    while (at !== -1) {
      found += 1;
      at = haystack.indexOf(" " + word, at + 1);
    }
    return found;
  }

  function search(query) {
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length) {
      return [];
    }
    var scored = [];
    data.pages.forEach(function (page, order) {
      var parts = (" " + page.k).split(" | ");
      var title = parts[0];
      var body = " " + (parts[1] || "");
      var score = 0;
      for (var i = 0; i < words.length; i += 1) {
        var inTitle = count(title, words[i]);
        var inBody = count(body, words[i]);
        if (!inTitle && !inBody) {
          return;
        }
        score += inTitle * 10 + Math.min(inBody, 10);
      }
      scored.push({ page: page, score: score, order: order });
    });
    scored.sort(function (a, b) {
      return b.score - a.score || a.order - b.order;
    });
    return scored.map(function (entry) {
      return entry.page;
    });
  }

  function show(query, pages) {
    list.textContent = "";
    if (!query.trim()) {
      status.textContent = "Nhập từ khóa để tìm trong " + data.pages.length + " trang của bản sao.";
      return;
    }
    status.textContent = pages.length
      ? "Tìm thấy " + pages.length + " kết quả cho “" + query + "”."
      : "Không tìm thấy trang nào có “" + query + "”. Thử từ khóa ngắn hơn.";
    pages.forEach(function (page) {
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

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query, search(query));
})();
