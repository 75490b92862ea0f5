/* The search page (tim-kiem/): runs the form's query with Pagefind and lists the results.
 *
 * The page's address holds the search (?q=… and the filters), so a search can be shared
 * as a link and the back button returns to it. Pagefind is loaded from the site's own
 * bundle, relative to the page, so the portal works under any base path. Results are
 * built with textContent only: page titles and summaries are editors' text. */
(function () {
  "use strict";

  var form = document.querySelector("[data-pb-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var filters = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
  var statusLine = document.getElementById("pb-search-status-line");
  var list = document.getElementById("pb-search-results");
  var more = document.getElementById("pb-search-more");
  var widen = document.getElementById("pb-search-widen");
  var root = new URL(form.getAttribute("data-root"), document.baseURI);
  var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
  var PAGE_SIZE = 10;
  // Results whose titles are compared with the query's phrase (their data is loaded).
  var RERANKED = 20;
  var EXPIRED = 0.8;
  var engine = null;
  var current = 0;
  var shown = [];
  var timer = 0;

  // Accent-free form of a text: "Điều" and "dieu" compare equal.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }

  // The form of a document number the index filters on: "168/2024/nd-cp" → "168/2024/ND-CP".
  function numberKey(text) {
    return text.normalize("NFC").replace(/\s+/g, "").toUpperCase().replace(/Đ/g, "D");
  }

  function loadEngine() {
    if (!engine) {
      engine = import(bundle).then(function (pagefind) {
        // The index is small per query: the main thread answers in milliseconds, and no
        // worker script is downloaded. Result URLs stay as indexed, from the portal's
        // root ("/ha-noi/…"): they are resolved against the root below, under any base path.
        return pagefind.options({ noWorker: true, baseUrl: "/" }).then(function () {
          return pagefind.init();
        }).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function chosenFilters() {
    var chosen = {};
    filters.forEach(function (field) {
      var value = field.value.trim();
      if (!value) return;
      var name = field.getAttribute("data-filter");
      chosen[name] = name === "number" ? numberKey(value) : value;
    });
    return chosen;
  }

  function query() {
    return input.value.normalize("NFC").replace(/\s+/g, " ").trim();
  }

  // Keep the search in the address: ?q=…&linh-vuc=… (the form's own field names).
  function remember() {
    var params = new URLSearchParams();
    if (query()) params.set("q", query());
    filters.forEach(function (field) {
      if (field.value.trim()) params.set(field.name, field.value.trim());
    });
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
    if (widen) {
      var wide = new URLSearchParams(params);
      wide.delete("don-vi");
      var target = new URL(widen.getAttribute("href").split("?")[0], document.baseURI);
      target.search = wide.toString();
      widen.href = target.href;
    }
  }

  function say(text) {
    statusLine.textContent = text;
  }

  function formatDate(iso) {
    var parts = (iso || "").split("-");
    return parts.length === 3 ? parts[2] + "/" + parts[1] + "/" + parts[0] : "";
  }

  function first(data, name) {
    var values = data.filters && data.filters[name];
    return values && values.length ? values[0] : "";
  }

  // Append `text` to `parent`, marking the words that begin with a word of the query.
  function highlight(parent, text, words) {
    text.split(/(\s+)/).forEach(function (token) {
      var bare = fold(token.replace(/^[^\w\u00C0-\u1EF9]+|[^\w\u00C0-\u1EF9]+$/g, ""));
      var hit = bare && words.some(function (word) { return bare.indexOf(word) === 0; });
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = token;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(token));
      }
    });
  }

  function resultItem(data, words) {
    var item = document.createElement("li");
    item.className = "pb-result";
    var heading = document.createElement("h2");
    heading.className = "pb-result__title";
    var link = document.createElement("a");
    link.href = new URL(data.url.replace(/^\//, ""), root).href;
    link.textContent = first(data, "title") || data.url;
    heading.appendChild(link);
    item.appendChild(heading);

    var facts = document.createElement("p");
    facts.className = "pb-result__meta";
    var parts = [first(data, "agency_name"), first(data, "kind"), formatDate(first(data, "date")),
      first(data, "number_text")].filter(Boolean);
    facts.textContent = parts.join(" · ");
    var status = first(data, "status");
    if (status) {
      var badge = document.createElement("span");
      badge.className = "pb-status-badge pb-status-badge--" + status;
      badge.textContent = first(data, "status_label");
      facts.appendChild(document.createTextNode(" · "));
      facts.appendChild(badge);
      var asOf = first(data, "status_as_of");
      if (asOf) facts.appendChild(document.createTextNode(" (tính đến ngày " + formatDate(asOf) + ")"));
    }
    item.appendChild(facts);

    var summary = first(data, "summary");
    if (summary) {
      var text = document.createElement("p");
      text.className = "pb-result__summary";
      highlight(text, summary, words);
      item.appendChild(text);
    }
    return item;
  }

  // Load the shown data (title, summary …) of results that do not have it yet.
  function withData(entries) {
    return Promise.all(entries.map(function (entry) {
      return entry.data ? entry : entry.result.data().then(function (data) {
        entry.data = data;
        return entry;
      });
    }));
  }

  // The words of a text in lower case, accents kept, for comparing phrases.
  function tokens(text) {
    return text.normalize("NFC").toLowerCase().split(/[^0-9a-z\u00E0-\u1EF9]+/).filter(Boolean);
  }

  // How much of a phrase (a list of words) `words` holds: 1 for the whole phrase, less
  // for some of its pairs of neighbouring words.
  function phraseShare(words, phrase) {
    var text = " " + words.join(" ") + " ";
    if (text.indexOf(" " + phrase.join(" ") + " ") >= 0) return 1;
    var pairs = 0;
    for (var i = 0; i + 1 < phrase.length; i++) {
      if (text.indexOf(" " + phrase[i] + " " + phrase[i + 1] + " ") >= 0) pairs++;
    }
    return 0.5 * pairs / (phrase.length - 1);
  }

  // How well a title holds the query as a phrase. Pagefind ranks syllables one by one,
  // while a Vietnamese word is often two ("ly hôn", "đất đai"); a query typed with
  // accents counts its own spelling fully and an accent-free match of it in part.
  function phraseBonus(title, phrase) {
    var folded = phraseShare(tokens(title).map(fold), phrase.map(fold));
    var accented = phrase.some(function (word) { return fold(word) !== word; });
    return accented ? Math.max(phraseShare(tokens(title), phrase), 0.6 * folded) : folded;
  }

  // Put the best results first: Pagefind's score, raised for titles with the query's
  // phrase, and lowered a little for documents no longer in force (readers want the law
  // that applies; the old one stays in the results).
  function rerank(entries, words) {
    entries.forEach(function (entry, index) {
      var expired = first(entry.data, "status") === "het-hieu-luc-toan-bo" ? EXPIRED : 1;
      entry.rank = entry.result.score * expired *
        (1 + phraseBonus(first(entry.data, "title"), words));
      entry.index = index;
    });
    return entries.sort(function (a, b) { return b.rank - a.rank || a.index - b.index; });
  }

  function showMore(run, words) {
    var next = shown.slice(list.children.length, list.children.length + PAGE_SIZE);
    return withData(next).then(function (found) {
      if (run !== current) return;
      found.forEach(function (entry) { list.appendChild(resultItem(entry.data, words)); });
      more.hidden = list.children.length >= shown.length;
    });
  }

  function describe(count, text, chosen) {
    var filtered = Object.keys(chosen).length > 0;
    var what = text ? " cho “" + text + "”" : "";
    if (count === 0) {
      return "Không tìm thấy kết quả nào" + what +
        (filtered ? ". Thử bỏ bớt bộ lọc hoặc dùng từ khác." : ". Thử dùng từ khác.") +
        (widen ? " Có thể tìm trên toàn Cổng bằng liên kết bên dưới." : "");
    }
    return "Có " + count.toLocaleString("vi-VN") + " kết quả" + what +
      (filtered ? " (đã lọc)" : "") + ".";
  }

  function run() {
    var text = query();
    var chosen = chosenFilters();
    var runId = ++current;
    remember();
    list.textContent = "";
    more.hidden = true;
    if (!text && Object.keys(chosen).length === 0) {
      shown = [];
      say("");
      list.setAttribute("aria-busy", "false");
      return Promise.resolve();
    }
    list.setAttribute("aria-busy", "true");
    say("Đang tìm…");
    var words = text.split(" ").map(fold).filter(Boolean);
    return loadEngine().then(function (pagefind) {
      return pagefind.search(text || null, { filters: chosen });
    }).then(function (search) {
      if (runId !== current) return undefined;
      shown = search.results.map(function (result) { return { result: result, data: null }; });
      var phrase = tokens(text);
      if (phrase.length < 2) return search;
      var head = shown.slice(0, RERANKED);
      return withData(head).then(function () {
        shown = rerank(head, phrase).concat(shown.slice(RERANKED));
        return search;
      });
    }).then(function (search) {
      if (runId !== current || !search) return undefined;
      say(describe(shown.length, text, chosen));
      return showMore(runId, words);
    }).catch(function () {
      if (runId !== current) return;
      say("Không tải được bộ tìm kiếm. Kiểm tra kết nối mạng rồi thử lại; " +
        "trang mở trực tiếp từ tệp (file://) không tìm được.");
    }).then(function () {
      if (runId === current) list.setAttribute("aria-busy", "false");
    });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 250);
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  filters.forEach(function (field) {
    var value = params.get(field.name);
    if (value !== null) field.value = value;
  });
  if (filters.some(function (field) { return field.value; })) {
    var box = form.querySelector("details");
    if (box) box.open = true;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    run();
  });
  input.addEventListener("input", later);
  input.addEventListener("focus", function () { loadEngine().catch(function () {}); }, { once: true });
  filters.forEach(function (field) {
    field.addEventListener(field.tagName === "SELECT" ? "change" : "input", later);
  });
  more.addEventListener("click", function () {
    var words = query().split(" ").map(fold).filter(Boolean);
    var before = list.children.length;
    showMore(current, words).then(function () {
      var next = list.children[before];
      var link = next && next.querySelector("a");
      if (link) link.focus();
    });
  });
  if (input.value || Object.keys(chosenFilters()).length) run();
})();
