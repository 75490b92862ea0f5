/* Cổng PBGDPL: đọc khi không có mạng. The build puts VERSION, SHELL and SAVED_PAGE above.
   Online, every page comes from the network and the copy kept is refreshed; offline, a kept
   page is shown with a notice of the date its data holds for, read from the page itself, so
   a legal status is never shown as current without its "tính đến ngày" date. A page is kept
   only if it states that date. Pages are kept under their own address: one agency's copy is
   never served for another's page. */
"use strict";
var ROOT = new URL("./", self.location).href;
var SHELL_CACHE = "pbgdpl-shell-" + VERSION;
var PAGES_PREFIX = "pbgdpl-pages-";
var PAGES_CACHE = PAGES_PREFIX + VERSION;
var AS_OF = /<meta name="pbgdpl:as-of" content="(\d{4})-(\d{2})-(\d{2})">/;
var MAIN = /<main\b[^>]*>/i;

function pageKey(url) {
  var address = new URL(url);
  address.hash = "";
  address.search = "";
  return address.href;
}

function asOf(html) {
  var found = AS_OF.exec(html);
  return found ? found[3] + "/" + found[2] + "/" + found[1] : null;
}

/* Keep a page (a copy of `response`) if it is HTML that states its date. */
function keep(cache, url, response) {
  var type = response.headers.get("Content-Type") || "";
  if (!response.ok || type.indexOf("text/html") !== 0) {
    return Promise.resolve(false);
  }
  return response.clone().text().then(function (html) {
    if (!asOf(html)) {
      return false;
    }
    return cache.put(pageKey(url), response).then(function () { return true; });
  });
}

function withNotice(response) {
  return response.text().then(function (html) {
    var notice = '<div class="pb-offline" role="note" data-pb-offline-notice>' +
      "Bạn đang xem bản đã lưu trên máy, khi không có mạng. Dữ liệu tính đến ngày " +
      asOf(html) + "; tình trạng hiệu lực của văn bản có thể đã thay đổi sau ngày này. " +
      '<a href="' + ROOT + SAVED_PAGE + '">Các trang đã lưu</a></div>';
    var main = MAIN.exec(html);
    var at = main ? main.index + main[0].length : 0;
    return new Response(html.slice(0, at) + notice + html.slice(at), {
      headers: { "Content-Type": "text/html; charset=utf-8" }
    });
  });
}

function offlinePage(request) {
  var url = new URL(request.url);
  return caches.open(PAGES_CACHE).then(function (cache) {
    return cache.match(pageKey(request.url));
  }).then(function (kept) {
    if (kept) {
      return withNotice(kept);
    }
    /* A search needs the network: search the saved pages instead. */
    var query = /\/tim-kiem\/$/.test(url.pathname) ? url.searchParams.get("q") || "" : "";
    var saved = new URL(ROOT + SAVED_PAGE);
    if (query) {
      saved.searchParams.set("q", query);
    } else if (url.href.indexOf(saved.href) !== 0) {
      saved.searchParams.set("chua-luu", url.pathname);
    }
    return Response.redirect(saved.href, 302);
  });
}

function page(event) {
  var request = event.request;
  if (pageKey(request.url).indexOf(ROOT + SAVED_PAGE) === 0) {
    return caches.match(ROOT + SAVED_PAGE).then(function (shell) {
      return shell || fetch(request);
    });
  }
  /* Revalidated, as the CDN rules say for HTML: a page the HTTP cache still holds is
     never passed off as current when the network is gone. */
  var network = fetch(request.url, { cache: "no-cache" }).then(function (response) {
    return response.redirected ? Response.redirect(response.url, 302) : response;
  });
  /* The copy is taken before the page reads the response; keeping it outlives the page. */
  var copy = network.then(function (response) { return response.clone(); });
  event.waitUntil(copy.then(function (response) {
    return caches.open(PAGES_CACHE).then(function (cache) {
      return keep(cache, request.url, response);
    });
  }).catch(function () { return false; }));
  return network.catch(function () {
    return offlinePage(request);
  });
}

function asset(request) {
  return caches.match(request, { ignoreSearch: true }).then(function (kept) {
    return kept || fetch(request);
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL_CACHE).then(function (cache) {
    return cache.addAll(SHELL.map(function (name) { return ROOT + name; }));
  }).then(function () { return self.skipWaiting(); }));
});

/* A new build: fetch again every page the reader kept, keeping the old copy (with its own
   date) where the network fails, then drop the old caches. */
function refresh(oldName, fresh) {
  return caches.open(oldName).then(function (old) {
    return old.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return fetch(request.url, { cache: "no-cache" }).then(function (response) {
          return keep(fresh, request.url, response);
        }).catch(function () { return false; }).then(function (kept) {
          return kept || old.match(request).then(function (copy) {
            return fresh.put(request.url, copy);
          });
        });
      }));
    });
  });
}

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return caches.open(PAGES_CACHE).then(function (fresh) {
      var old = names.filter(function (name) {
        return name.indexOf("pbgdpl-") === 0 && name !== SHELL_CACHE && name !== PAGES_CACHE;
      });
      return Promise.all(old.map(function (name) {
        return (name.indexOf(PAGES_PREFIX) === 0 ? refresh(name, fresh) : Promise.resolve())
          .then(function () { return caches.delete(name); });
      }));
    });
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(ROOT) !== 0) {
    return;
  }
  event.respondWith(request.mode === "navigate" ? page(event) : asset(request));
});

function text(html) {
  var article = /<article\b[^>]*>([\s\S]*?)<\/article>/i.exec(html);
  return (article ? article[1] : html)
    .replace(/<(script|style|nav)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, " ").trim();
}

function title(html) {
  var heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  return heading ? text("<article>" + heading[1] + "</article>") : "";
}

/* Every kept page with its title, text and date, for the search of saved pages. */
function savedPages() {
  return caches.open(PAGES_CACHE).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return cache.match(request).then(function (response) {
          return response.text();
        }).then(function (html) {
          return { url: request.url, title: title(html), asOf: asOf(html), text: text(html) };
        });
      }));
    });
  });
}

function save(urls) {
  return caches.open(PAGES_CACHE).then(function (cache) {
    return Promise.all(urls.filter(function (url) {
      return url.indexOf(ROOT) === 0;
    }).map(function (url) {
      return fetch(url, { cache: "no-cache" }).then(function (response) {
        return keep(cache, url, response);
      }).catch(function () { return false; });
    }));
  }).then(function (results) {
    var saved = results.filter(Boolean).length;
    return { saved: saved, failed: results.length - saved };
  });
}

self.addEventListener("message", function (event) {
  var port = event.ports[0];
  var message = event.data || {};
  if (!port) {
    return;
  }
  var answer = message.type === "save" ? save(message.urls || [])
    : message.type === "pages" ? savedPages() : Promise.resolve(null);
  event.waitUntil(answer.then(function (result) { port.postMessage(result); }));
});
