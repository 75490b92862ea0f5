/* Reading without a network: registers the portal's service worker (sw.js at the portal's
   root, found from this script's own address, so mirrors under a base path work too), offers
   "Lưu để đọc khi không có mạng" for a page or a whole section, and on the saved-pages page
   lists and searches what the phone holds, without accents as with them. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) {
    return;
  }
  var workerUrl = script.src.replace(/assets\/pbgdpl\/offline\.js(\?.*)?$/, "sw.js");
  navigator.serviceWorker.register(workerUrl).catch(function () {
    /* No worker (a page opened from disk, a browser that refuses): nothing is offered. */
  });

  function ask(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function here() {
    return window.location.href.split("#")[0].split("?")[0];
  }

  /* A section: its page, the items it lists and its other pages. */
  function sectionPages() {
    var found = [here()];
    var links = document.querySelectorAll("#pb-content .pb-items__title, #pb-content .pb-pages a");
    Array.prototype.forEach.call(links, function (link) {
      var url = link.href.split("#")[0].split("?")[0];
      if (found.indexOf(url) < 0) {
        found.push(url);
      }
    });
    return found;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-pb-save]"), function (control) {
    var button = control.querySelector("button");
    var status = control.querySelector("[role=status]");
    navigator.serviceWorker.ready.then(function () {
      control.hidden = false;
    });
    button.addEventListener("click", function () {
      var urls = control.getAttribute("data-pb-save") === "section" ? sectionPages() : [here()];
      status.textContent = "Đang lưu…";
      ask({ type: "save", urls: urls }).then(function (result) {
        status.textContent = result.failed
          ? "Đã lưu " + result.saved + " trang; " + result.failed + " trang chưa lưu được, hãy thử lại khi có mạng."
          : "Đã lưu " + result.saved + " trang để đọc khi không có mạng.";
      });
    });
  });

  var saved = document.querySelector("[data-pb-saved]");
  if (!saved) {
    return;
  }

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }

  var form = saved.querySelector("form");
  var input = saved.querySelector("input[type=search]");
  var list = saved.querySelector("[data-pb-saved-list]");
  var summary = saved.querySelector("[data-pb-saved-status]");
  var params = new URLSearchParams(window.location.search);
  var missing = params.get("chua-luu");
  var notice = saved.querySelector("[data-pb-saved-missing]");
  if (missing && notice) {
    notice.textContent = "Không có mạng, và trang " + missing + " chưa được lưu trên máy này. " +
      "Bạn có thể đọc các trang đã lưu dưới đây.";
    notice.hidden = false;
  }
  input.value = params.get("q") || "";

  function snippet(text, words) {
    var folded = fold(text);
    var at = words.length ? Math.max(0, folded.indexOf(words[0]) - 60) : 0;
    return (at ? "…" : "") + text.slice(at, at + 200) + "…";
  }

  function show(pages) {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var found = pages.filter(function (page) {
      var haystack = fold(page.title + " " + page.text);
      return words.every(function (word) { return haystack.indexOf(word) >= 0; });
    });
    list.textContent = "";
    found.forEach(function (page) {
      var entry = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.title || page.url;
      var text = document.createElement("p");
      text.textContent = snippet(page.text, words);
      var date = document.createElement("p");
      date.className = "pb-offline-search__kind";
      date.textContent = "Dữ liệu tính đến ngày " + page.asOf;
      entry.appendChild(link);
      entry.appendChild(date);
      entry.appendChild(text);
      list.appendChild(entry);
    });
    summary.textContent = words.length
      ? found.length + " trong " + pages.length + " trang đã lưu khớp với “" + input.value.trim() + "”."
      : pages.length + " trang đã lưu trên máy này.";
  }

  function refresh() {
    ask({ type: "pages" }).then(function (pages) {
      show((pages || []).sort(function (a, b) { return a.title.localeCompare(b.title, "vi"); }));
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var address = new URL(window.location.href);
    address.search = input.value.trim() ? "?q=" + encodeURIComponent(input.value.trim()) : "";
    window.history.replaceState(null, "", address.href);
    refresh();
  });
  refresh();
})();
