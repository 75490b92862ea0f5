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
  var notes = document.getElementById("pb-search-notes");
  var root = new URL(form.getAttribute("data-root"), document.baseURI);
  var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
  var workerUrl = new URL("search-worker.js", document.currentScript.src).href;
  var PAGE_SIZE = 10;
  var worker = null;
  var pending = {};
  var current = 0;
  var total = 0;
  var words = [];
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

  // The search runs in a worker (search-worker.js, next to this file): loading, searching
  // and ranking never hold the page's main thread. Each reply answers one request by id.
  function ask(message) {
    if (!worker) {
      worker = new Worker(workerUrl);
      worker.onmessage = function (event) {
        var reply = event.data;
        var waiting = pending[reply.id];
        if (!waiting) return;
        delete pending[reply.id];
        if (reply.type === "failed") waiting.reject(new Error(reply.error));
        else waiting.resolve(reply);
      };
      worker.onerror = function () {
        Object.keys(pending).forEach(function (id) { pending[id].reject(new Error("worker")); });
        pending = {};
        worker = null;
      };
    }
    return new Promise(function (resolve, reject) {
      pending[message.id] = { resolve: resolve, reject: reject };
      worker.postMessage(message);
    });
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

  // Append `text` to `parent`, marking the words that begin with a word of the query.
  function highlight(parent, text) {
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

  function resultItem(result) {
    var item = document.createElement("li");
    item.className = "pb-result";
    var heading = document.createElement("h2");
    heading.className = "pb-result__title";
    var link = document.createElement("a");
    link.href = new URL(result.url.replace(/^\//, ""), root).href;
    link.textContent = result.title;
    heading.appendChild(link);
    item.appendChild(heading);

    var facts = document.createElement("p");
    facts.className = "pb-result__meta";
    var parts = [result.agency, result.kind, formatDate(result.date), result.number]
      .filter(Boolean);
    facts.textContent = parts.join(" · ");
    if (result.status) {
      var badge = document.createElement("span");
      badge.className = "pb-status-badge pb-status-badge--" + result.status;
      badge.textContent = result.statusLabel;
      facts.appendChild(document.createTextNode(" · "));
      facts.appendChild(badge);
      if (result.statusAsOf) {
        facts.appendChild(document.createTextNode(
          " (tính đến ngày " + formatDate(result.statusAsOf) + ")"));
      }
    }
    item.appendChild(facts);

    if (result.summary) {
      var text = document.createElement("p");
      text.className = "pb-result__summary";
      highlight(text, result.summary);
      item.appendChild(text);
    }
    if (result.missing.length) {
      var missing = document.createElement("p");
      missing.className = "pb-result__missing";
      missing.textContent = "Không có từ: " + result.missing.join(", ");
      item.appendChild(missing);
    }
    return item;
  }

  function showResults(results) {
    var fragment = document.createDocumentFragment();
    results.forEach(function (result) { fragment.appendChild(resultItem(result)); });
    list.appendChild(fragment);
    more.hidden = list.children.length >= total;
  }

  function quoted(text) {
    return "“" + text + "”";
  }

  // What the search changed in the query and left out, said in one paragraph; a
  // suggestion is a link that searches it.
  function explain(reply, text) {
    notes.textContent = "";
    var said = [];
    var n = reply.notes;
    n.rewrites.forEach(function (r) { said.push("Đã tìm " + quoted(r.to) + " cho " + quoted(r.from) + "."); });
    if (n.fixes.length) {
      said.push("Đã sửa " + n.fixes.map(function (f) {
        return quoted(f.from) + " thành " + quoted(f.to);
      }).join(", ") + ".");
    }
    if (n.left.length) said.push("Bỏ qua từ để hỏi: " + n.left.join(", ") + ".");
    if (n.unknown.length) {
      said.push("Không trang nào có từ " + n.unknown.map(quoted).join(", ") + ".");
    }
    if (reply.total && reply.full < reply.total) {
      said.push(reply.full
        ? "Chỉ " + reply.full + " trang có đủ các từ " + quoted(reply.searched) +
          "; sau đó là các trang có nhiều từ nhất."
        : "Không trang nào có đủ các từ " + quoted(reply.searched) +
          "; trang có nhiều từ nhất đứng trước.");
    }
    notes.appendChild(document.createTextNode(said.join(" ")));
    if (n.suggestion && n.suggestion !== text) {
      var link = document.createElement("a");
      var params = new URLSearchParams(location.search);
      params.set("q", n.suggestion);
      link.href = "?" + params.toString();
      link.textContent = n.suggestion;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        input.value = n.suggestion;
        run();
      });
      notes.appendChild(document.createTextNode((said.length ? " " : "") + "Có phải bạn muốn tìm “"));
      notes.appendChild(link);
      notes.appendChild(document.createTextNode("”?"));
    }
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
    if (!text && Object.keys(chosen).length === 0) {
      list.textContent = "";
      notes.textContent = "";
      more.hidden = true;
      total = 0;
      say("");
      list.setAttribute("aria-busy", "false");
      return Promise.resolve();
    }
    list.setAttribute("aria-busy", "true");
    say("Đang tìm…");
    return ask({
      type: "search", id: runId, bundle: bundle, query: text, filters: chosen, count: PAGE_SIZE
    }).then(function (reply) {
      if (runId !== current) return;
      total = reply.total;
      words = reply.terms;
      // The old results stay until the new ones replace them in one step: no flicker.
      list.textContent = "";
      showResults(reply.results);
      explain(reply, text);
      say(describe(reply.total, text, chosen));
    }).catch(function () {
      if (runId !== current) return;
      list.textContent = "";
      more.hidden = true;
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
  input.addEventListener("focus", function () {
    // Start the worker early: Pagefind loads while the reader types.
    ask({ type: "load", id: -1, bundle: bundle }).catch(function () {});
  }, { once: true });
  filters.forEach(function (field) {
    field.addEventListener(field.tagName === "SELECT" ? "change" : "input", later);
  });
  more.addEventListener("click", function () {
    var before = list.children.length;
    var runId = current;
    ask({ type: "more", id: runId, count: PAGE_SIZE }).then(function (reply) {
      if (runId !== current) return;
      showResults(reply.results);
      var next = list.children[before];
      var link = next && next.querySelector("a");
      if (link) link.focus();
    });
  });
  if (input.value || Object.keys(chosenFilters()).length) run();
})();
