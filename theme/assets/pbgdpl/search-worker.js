/* The search page's worker: the whole search runs here, off the page's main thread, so that
 * typing and scrolling stay smooth on a cheap phone while Pagefind loads, searches and
 * unpacks its files.
 *
 * A query is prepared by search-rules.js, then each of its words is searched on its own
 * (so that a page missing one word is still found; a common word that a pair holds is left
 * to the pair, for its part of the index is large), each pair of neighbouring words as
 * one index token (so that "đất đai" counts more than "đất" and "đai" apart), and the
 * query's words run together as the start of a title; search-rules.js combines them
 * (pages with every word first, pages with most words when too few have them all). The
 * best candidates' data is loaded and ordered by the shared rules; the rest follow on
 * request.
 *
 * Messages in: {type: "search", id, bundle, query, filters, count}, {type: "more", id, count}
 * and {type: "load", id, bundle} (start loading while the reader types).
 * Messages out: {type: "results", id, …} and {type: "failed", id}. */
/* global PbgdplSearch */
importScripts("search-rules.js");

(function () {
  "use strict";

  var S = self.PbgdplSearch;
  // The first page of results: their data is loaded to order them, and shown.
  var RANKED = 10;
  // … and the candidates tied with the last of them, up to this many in all.
  var MOST_RANKED = 30;
  var engine = null;
  var current = null;

  function load(bundle) {
    if (!engine) {
      var base = bundle.replace(/pagefind\.js$/, "");
      engine = Promise.all([
        import(bundle).then(function (pagefind) {
          // A page's length must not lower its title's score: the title tokens' weight
          // (what the page is to a citizen) is what their scores compare.
          return pagefind.options({ noWorker: true, baseUrl: "/", ranking: { pageLength: 0 } })
            .then(function () { return pagefind.init(); })
            .then(function () { return pagefind; });
        }),
        fetch(base + "pbgdpl-query.json").then(function (r) { return r.json(); })
      ]).then(function (loaded) {
        var lexicon = new S.Lexicon(loaded[1]);
        lexicon.base = base;
        lexicon.shards = {};
        return { pagefind: loaded[0], lexicon: lexicon };
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // Every page matching `text`, by id, with its score.
  function hits(pagefind, text, filters) {
    return pagefind.search(text, { filters: filters }).then(function (found) {
      var map = new Map();
      var top = 0;
      found.results.forEach(function (r) { top = Math.max(top, r.score); });
      found.results.forEach(function (r) {
        map.set(r.id, { result: r, score: top ? r.score / top : 0 });
      });
      return map;
    });
  }

  function asQuery(term) {
    return term.match === "exact" ? "\"" + term.text + "\"" : term.text;
  }

  // Search each part of the query; the words in `skipped` are not searched (null).
  function gather(loaded, plan, filters, skipped) {
    var pf = loaded.pagefind;
    return Promise.all([
      Promise.all(plan.terms.map(function (t) {
        return skipped.indexOf(t) >= 0 ? Promise.resolve(null) : hits(pf, asQuery(t), filters);
      })),
      Promise.all(plan.pairs.map(function (p) {
        return hits(pf, p.prefix ? p.token : "\"" + p.token + "\"", filters);
      })),
      plan.title ? hits(pf, plan.title, filters) : Promise.resolve(new Map()),
      plan.titleEnd ? hits(pf, plan.titleEnd, filters) : Promise.resolve(new Map()),
      plan.bareTitle ? hits(pf, plan.bareTitle, filters) : Promise.resolve(null)
    ]).then(function (found) {
      return {
        terms: found[0], pairs: found[1], title: found[2], titleEnd: found[3], bare: found[4]
      };
    });
  }

  // Of the words one edit from a pair's word that make a known pair, the one whose pair
  // is on most pages with the query's other words: "kết hôm" in "đăng ký kết hôm" is
  // "kết hôn", not "kết hợp".
  function bestFix(loaded, plan, found, pair, side) {
    var lexicon = loaded.lexicon;
    var word = side === "b" ? pair.b : pair.a;
    var candidates = lexicon.neighbours(S.typedOf(pair, side), function (c) {
      return lexicon.pairs.has(side === "b" ? pair.a + " " + c : c + " " + pair.b);
    }).slice(0, 4);
    if (!candidates.length) return Promise.resolve(null);
    var index = plan.terms.findIndex(function (t) { return t.folded === word; });
    var along = S.others(found, index);
    return Promise.all(candidates.map(function (c) {
      var token = S.PAIR_MARK + (side === "b" ? pair.a + c : c + pair.b);
      return hits(loaded.pagefind, "\"" + token + "\"", {}).then(function (map) {
        var together = 0;
        map.forEach(function (hit, id) { if (along(id)) together++; });
        return { word: c, together: together };
      });
    })).then(function (scored) {
      scored.sort(function (x, y) { return y.together - x.together; });
      // A correction must bring pages with the query's other words, or it is a guess.
      var best = scored[0];
      if (!best.together) return null;
      // The guess already made may be the best: then it stays (`same`).
      return { from: word, to: best.word, together: best.together, same: best.word === word };
    });
  }

  // Load the pair files of the query's first letters, then correct a word of a pair no
  // title or summary has ("kết hôm") to one a letter away that makes a known pair.
  function correctPairs(loaded, plan, found) {
    var lexicon = loaded.lexicon;
    var unknown = S.unknownPairs(plan, found);
    if (!unknown.length) return Promise.resolve(null);
    var letters = Array.from(new Set(unknown.map(function (p) { return p.a[0]; })));
    return Promise.all(letters.map(function (letter) {
      if (lexicon.shards[letter]) return lexicon.shards[letter];
      lexicon.shards[letter] = fetch(lexicon.base + "pbgdpl-pairs/" + letter + ".json")
        .then(function (r) { return r.ok ? r.json() : { pairs: "" }; })
        .then(function (data) { lexicon.addPairs(data.pairs); })
        .catch(function () {});
      return lexicon.shards[letter];
    })).then(function () {
      // Either word of the pair may be the wrong one ("nồi độ cồn": "nồi", not "độ"): the
      // correction that brings more pages with the query's other words wins.
      var pair = unknown[0];
      return Promise.all([
        bestFix(loaded, plan, found, pair, "b"), bestFix(loaded, plan, found, pair, "a")
      ]).then(function (fixes) {
        var b = fixes[0];
        var a = fixes[1];
        var best = a && (!b || a.together > b.together) ? a : b;
        return best && !best.same ? best : null;
      });
    });
  }

  function shown(entry, plan) {
    var data = entry.data;
    function first(name) {
      var values = data.filters && data.filters[name];
      return values && values.length ? values[0] : "";
    }
    return {
      url: data.url,
      title: first("title") || data.url,
      agency: first("agency_name"),
      kind: first("kind"),
      date: first("date"),
      number: first("number_text"),
      status: first("status"),
      statusLabel: first("status_label"),
      statusAsOf: first("status_as_of"),
      summary: first("summary"),
      missing: entry.cover < 0.999 ? plan.terms.filter(function (t, i) {
        return !entry.has[i];
      }).map(function (t) { return t.text; }) : []
    };
  }

  function withData(entries) {
    return Promise.all(entries.map(function (e) {
      if (e.data) return e;
      return e.result.data().then(function (data) {
        e.data = data;
        e.page = {
          title: (data.filters.title || [""])[0],
          aliases: data.filters.alias || [],
          topics: data.filters.topic || [],
          about: (data.filters.about || [""])[0],
          number: (data.filters.number_text || [""])[0],
          status: (data.filters.status || [""])[0],
          section: (data.filters.section || [""])[0],
          summary: (data.filters.summary || [""])[0]
        };
        return e;
      });
    }));
  }

  function run(message, loaded, plan, corrected) {
    var filters = message.filters;
    if (!plan.terms.length) {
      if (!Object.keys(filters).length || plan.notes.unknown.length) {
        return Promise.resolve({ entries: [], full: 0, plan: plan });
      }
      return loaded.pagefind.search(null, { filters: filters }).then(function (found) {
        var entries = found.results.map(function (r) {
          return { id: r.id, result: r, cover: 1, score: r.score, has: [] };
        });
        return { entries: entries, full: entries.length, plan: plan };
      });
    }
    // A common word that a pair holds is left to the pair; if that finds no page with
    // every word, the word is searched after all.
    var skipped = S.pairedCommon(plan, loaded.lexicon);
    return gather(loaded, plan, filters, skipped).then(function (found) {
      if (!skipped.length || S.combine(plan, found, loaded.lexicon).full) return found;
      return gather(loaded, plan, filters, []);
    }).then(function (found) {
      var combined = S.combine(plan, found, loaded.lexicon);
      if (corrected) return { entries: combined.list, full: combined.full, plan: plan };
      return correctPairs(loaded, plan, found).then(function (fix) {
        if (!fix) return { entries: combined.list, full: combined.full, plan: plan };
        return run(message, loaded, S.replan(plan, fix, loaded.lexicon), true);
      });
    });
  }

  function search(message) {
    return load(message.bundle).then(function (loaded) {
      var plan = S.prepare(message.query, loaded.lexicon);
      plan.notes.suggestion = loaded.lexicon.suggest(plan);
      return run(message, loaded, plan, false);
    }).then(function (found) {
      var ranked = S.rankedCount(found.entries, RANKED, MOST_RANKED);
      var head = found.entries.slice(0, ranked);
      return withData(head).then(function () {
        var entries = S.order(head, found.plan).concat(found.entries.slice(ranked));
        current = { id: message.id, entries: entries, plan: found.plan, sent: 0 };
        return page(message.id, message.count);
      }).then(function (results) {
        var plan = found.plan;
        return {
          type: "results",
          id: message.id,
          total: found.entries.length,
          full: found.full,
          results: results,
          terms: plan.words.map(function (w) { return w.folded; }),
          searched: plan.terms.map(function (t) { return t.text; }).join(" "),
          notes: plan.notes
        };
      });
    });
  }

  function page(id, count) {
    if (!current || current.id !== id) return Promise.resolve([]);
    var next = current.entries.slice(current.sent, current.sent + count);
    current.sent += next.length;
    var plan = current.plan;
    return withData(next).then(function (loaded) {
      return loaded.map(function (e) { return shown(e, plan); });
    });
  }

  self.onmessage = function (event) {
    var message = event.data;
    var answer;
    if (message.type === "load") {
      answer = load(message.bundle).then(function () { return { type: "loaded", id: message.id }; });
    } else if (message.type === "more") {
      answer = page(message.id, message.count).then(function (results) {
        return { type: "more", id: message.id, results: results };
      });
    } else answer = search(message);
    answer.then(function (reply) { self.postMessage(reply); }, function (error) {
      self.postMessage({ type: "failed", id: message.id, error: String(error) });
    });
  };
})();
