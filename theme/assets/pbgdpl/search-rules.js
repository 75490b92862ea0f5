/* The portal's search rules, shared by the search page's worker (search-worker.js) and the
 * offline package's search (offline-search.js), so that both rank alike.
 *
 * A query is rewritten before it is searched (prepare): the board's dictionary replaces
 * abbreviations and everyday words ("BHXH", "sổ đỏ"), Telex or VNI leftovers become
 * Vietnamese ("ddawng kys" → "đăng ký"), a word the index does not know is corrected to
 * one a letter away, and a word that matches nothing is never cut to its first one or two
 * letters: it is left out and said so. Question words and fillers ("làm sao", "có …
 * không", "thì", "là gì") never stop a match, and words that say what kind of body a
 * name is ("UBND", "tỉnh", "Sở Tư pháp") are optional around an agency's name. The words
 * the dictionary brought weigh double: they are what the reader meant. Then pages are
 * ordered (order): a number or a year of the query must match the document's; pages with
 * every word come first, then a title that is, starts with or holds the query, then
 * documents in force before repealed ones of the same name, then a title of its own
 * before one many units copied, then the page whose text is most about the words, then
 * how well the words matched.
 *
 * The index side is plugins/pbgdpl/search/tokens.py (pair and title tokens) and
 * lexicon.py (the words, pairs and dictionary this file reads). No DOM here. */
(function (root) {
  "use strict";

  var PAIR_MARK = "zqp";
  var TITLE_MARK = "zqt";
  var END_MARK = "zqe";
  var TITLE_SYLLABLES = 10;
  var WORD = /[0-9a-z\u00c0-\u024f\u1e00-\u1eff]+(?:[./-][0-9a-z\u00c0-\u024f\u1e00-\u1eff]+)*/g;
  var YEAR = /^(19|20)\d\d$/;
  var REPEALED = "het-hieu-luc-toan-bo";
  // Among equal titles, what answers a citizen first: an answer to a question or the
  // document itself, then explanations, then materials; news and events last.
  var ANSWERS = {
    "hoi-dap": 3, "van-ban-moi": 3, "": 3, "gioi-thieu-van-ban": 2, "tinh-huong": 2,
    "tai-lieu": 1, "tu-sach": 1, "doi-thoai-chinh-sach": 1
  };

  // Question words and fillers, as typed with accents and without; longest first.
  var QUESTION_WORDS = [
    "làm như thế nào để", "làm thế nào để", "làm sao để", "cần làm gì để", "phải làm gì để",
    "như thế nào", "làm thế nào", "làm như thế nào", "thế nào", "làm sao", "ra sao",
    "bao nhiêu", "bao giờ", "bao lâu", "khi nào", "ở đâu", "là gì", "cho hỏi", "xin hỏi",
    "có phải", "vì sao", "tại sao", "hay không", "được không", "có thể", "làm gì",
    "thì", "là", "gì", "để", "cần", "có", "không", "được", "phải", "bị", "nào", "sao",
    "những", "các", "của", "và", "hay", "hoặc", "với", "cho", "về", "tôi", "em", "mình",
    "ạ", "nhé", "vậy", "ơi", "hỏi", "muốn", "thế", "nhỉ", "đã", "đang", "sẽ", "rồi",
    "nếu", "mà", "ai", "gì ạ"
  ];
  // Words that say what kind of body a name is ("UBND tỉnh Nghệ An", "Sở Tư pháp Lào
  // Cai", "trang thông tin"), as typed and folded; longest first. Around an agency's name
  // they are optional: its home is "Tỉnh Nghệ An", known also as "Nghệ An".
  var DESIGNATORS = [
    "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "sở tư pháp",
    "trang thông tin điện tử", "cổng thông tin điện tử", "trang thông tin", "cổng thông tin",
    "thành phố", "tỉnh", "trang web", "website", "trang", "cổng"
  ].map(function (d) { return fold(d).split(" "); });

  // Typed without accents most of them are also other words ("thi" in "cuộc thi", "hoi" in
  // "xã hội", "can" in "căn cước"): a single one is only left out when typed with its
  // accents, or when it reads as no other common word.
  var UNAMBIGUOUS_FOLDED = { gi: 1, khong: 1, duoc: 1, nhe: 1, vay: 1, oi: 1, nhi: 1 };

  var TONES = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323" };
  var VNI_TONES = { 1: "\u0301", 2: "\u0300", 3: "\u0309", 4: "\u0303", 5: "\u0323" };
  var HAT = "\u0302";
  var BREVE = "\u0306";
  var HORN = "\u031b";
  var VOWELS = "aeiouy";
  var FINALS = /^(c|ch|m|n|ng|nh|p|t)?$/;

  // Accent-free, lower-case form: "Điều" and "dieu" compare equal.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(WORD) || [];
  }

  function syllables(text) {
    return fold(text).split(/[^0-9a-z]+/).filter(Boolean);
  }

  function hasAccents(word) {
    return fold(word) !== word;
  }

  function isLetters(word) {
    return /^[a-z]+$/.test(word);
  }

  // Put the tone on the right vowel of a syllable written as [letter, mark] pairs.
  function placeTone(letters, tone) {
    var vowels = [];
    letters.forEach(function (l, i) { if (VOWELS.indexOf(l[0]) >= 0) vowels.push(i); });
    if (!vowels.length) return null;
    // "qu" and "gi" before another vowel: the u or i belongs to the consonant.
    var head = letters[0][0] + (letters[1] ? letters[1][0] : "");
    if (vowels.length > 1 && (head === "qu" || (head === "gi" && vowels[0] === 1))) vowels.shift();
    var marked = vowels.filter(function (i) { return letters[i][1]; });
    var last = vowels[vowels.length - 1];
    var tail = letters.slice(last + 1).map(function (l) { return l[0]; }).join("");
    var at;
    if (marked.length) at = marked[marked.length - 1];
    else if (vowels.length === 1 || tail) at = last;
    else if (vowels.length === 3) at = vowels[1];
    else {
      var pair = letters[vowels[0]][0] + letters[vowels[1]][0];
      at = pair === "oa" || pair === "oe" || pair === "uy" ? vowels[1] : vowels[0];
    }
    if (tone) letters[at] = [letters[at][0], letters[at][1] + tone];
    return letters;
  }

  function spell(letters) {
    return letters.map(function (l) { return l[0] + l[1]; }).join("").normalize("NFC");
  }

  // A "w" typed after the vowels ("nguoiwf"): the horn on "uo", "o" or "u", else the
  // breve on "a"; a "w" with no vowel before it is "ư" ("tw").
  function hook(letters) {
    var found = letters.map(function (l) { return l[0]; }).join("");
    var uo = found.lastIndexOf("uo");
    var at = uo >= 0 ? uo + 1 : Math.max(found.lastIndexOf("o"), found.lastIndexOf("u"));
    if (uo >= 0) letters[uo][1] = HORN;
    if (at >= 0) letters[at][1] = HORN;
    else if (found.lastIndexOf("a") >= 0) letters[found.lastIndexOf("a")][1] = BREVE;
    else letters.push(["u", HORN]);
  }

  // Telex: "ddawngf" → "đằng"; null when the word has no Telex in it.
  function fromTelex(word) {
    var tone = "";
    var rest = word;
    // A tone key may come anywhere after the first vowel ("keets", "kest", "tuoori"): no
    // Vietnamese syllable ends with s, f, r, x or j, so each is a tone key; the last wins.
    var first = rest.search(/[aeiouyw]/);
    if (first >= 0) {
      var tail = rest.slice(first).replace(/[sfrxj]/g, function (key) {
        tone = TONES[key];
        return "";
      });
      rest = rest.slice(0, first) + tail;
    }
    var letters = [];
    for (var i = 0; i < rest.length; i++) {
      var c = rest[i];
      var next = rest[i + 1];
      if (c === "d" && next === "d") { letters.push(["đ", ""]); i++; }
      else if ((c === "a" || c === "e" || c === "o") && next === c) { letters.push([c, HAT]); i++; }
      else if ((c === "a") && next === "w") { letters.push([c, BREVE]); i++; }
      else if ((c === "o" || c === "u") && next === "w") { letters.push([c, HORN]); i++; }
      else if (c === "u" && next === "o" && rest[i + 2] === "w") {
        letters.push(["u", HORN], ["o", HORN]); i += 2;
      } else if (c === "w") hook(letters);
      else letters.push([c, ""]);
    }
    // "ưo" is no Vietnamese spelling: keyboards make it "ươ" ("nuwoc" → "nước").
    letters.forEach(function (l, i) {
      if (l[0] === "u" && l[1] === HORN && letters[i + 1] && letters[i + 1][0] === "o") {
        letters[i + 1][1] = HORN;
      }
    });
        var changed = tone || letters.some(function (l) { return l[1] || l[0] === "đ"; });
    if (!changed || !/^[a-zđ]+$/.test(rest.replace(/w/g, ""))) return null;
    var placed = placeTone(letters, tone);
    return placed ? spell(placed) : null;
  }

  // VNI: "d9a8ng1" → "đắng"; null when the word has no VNI digits.
  function fromVni(word) {
    if (!/^[a-z]+[1-9][a-z1-9]*$/.test(word) || !/[a-z]/.test(word.replace(/[1-9]/g, ""))) {
      return null;
    }
    var marks = word.replace(/[a-z]/g, "");
    var letters = word.replace(/[1-9]/g, "").split("").map(function (c) { return [c, ""]; });
    var tone = "";
    function lastOf(chars) {
      for (var i = letters.length - 1; i >= 0; i--) if (chars.indexOf(letters[i][0]) >= 0) return i;
      return -1;
    }
    for (var k = 0; k < marks.length; k++) {
      var d = marks[k];
      var at;
      if (VNI_TONES[d]) tone = VNI_TONES[d];
      else if (d === "9") { at = lastOf("d"); if (at >= 0) letters[at] = ["đ", ""]; }
      else if (d === "6") { at = lastOf("aeo"); if (at >= 0) letters[at][1] = HAT; }
      else if (d === "8") { at = lastOf("a"); if (at >= 0) letters[at][1] = BREVE; }
      else if (d === "7") {
        at = lastOf("ou");
        if (at >= 0) letters[at][1] = HORN;
        if (at > 0 && letters[at][0] === "o" && letters[at - 1][0] === "u") letters[at - 1][1] = HORN;
      }
    }
    var placed = placeTone(letters, tone);
    return placed ? spell(placed) : null;
  }

  // The Vietnamese a word typed with Telex or VNI stands for, or null.
  function fromTyping(word) {
    if (hasAccents(word) || !/^[a-z0-9]+$/.test(word)) return null;
    return fromVni(word) || fromTelex(word);
  }

  // What the index knows: its words (folded, commonest first), pairs and dictionary.
  function Lexicon(data) {
    this.pages = data.pages || 1;
    this.rank = new Map();
    var list = (data.words || "").split(" ").filter(Boolean);
    for (var i = 0; i < list.length; i++) this.rank.set(list[i], i);
    this.list = list;
    this.rewrites = data.rewrites || {};
    // Syllables the index keeps in titles and numbers only (plugins/pbgdpl/search/lexicon.py).
    this.common = new Set((data.common || "").split(" ").filter(Boolean));
    this.pairs = new Set();
  }

  Lexicon.prototype.knows = function (folded) { return this.rank.has(folded); };

  Lexicon.prototype.extends = function (folded) {
    for (var i = 0; i < this.list.length; i++) if (this.list[i].indexOf(folded) === 0) return true;
    return false;
  };

  Lexicon.prototype.addPairs = function (text) {
    var self = this;
    (text || "").split(",").forEach(function (pair) { if (pair) self.pairs.add(pair); });
  };

  var LETTERS = "abcdefghijklmnopqrstuvwxyz";

  // The words one edit away (a letter changed, added, removed or two swapped).
  function edits(word) {
    var out = [];
    for (var i = 0; i <= word.length; i++) {
      var head = word.slice(0, i);
      var tail = word.slice(i);
      if (tail) out.push(head + tail.slice(1));
      if (tail.length > 1) out.push(head + tail[1] + tail[0] + tail.slice(2));
      for (var k = 0; k < LETTERS.length; k++) {
        if (tail) out.push(head + LETTERS[k] + tail.slice(1));
        out.push(head + LETTERS[k] + tail);
      }
    }
    return out;
  }

  // The known words one edit from `folded` that `accept` allows, commonest first.
  Lexicon.prototype.neighbours = function (folded, accept) {
    var self = this;
    var found = edits(folded).filter(function (c) {
      return c !== folded && self.rank.has(c) && accept(c);
    });
    return Array.from(new Set(found)).sort(function (a, b) {
      return self.rank.get(a) - self.rank.get(b);
    });
  };

  // The commonest known word one edit from `folded`, among those `accept` allows; "i" and
  // "y" are one sound ("kí", "ký") and are tried first, whatever the word's length.
  Lexicon.prototype.nearest = function (folded, accept) {
    var spelled = folded.replace(/i$/, "y") !== folded ? folded.replace(/i$/, "y")
      : folded.replace(/y$/, "i");
    if (spelled !== folded && this.knows(spelled) && (!accept || accept(spelled))) return spelled;
    if (folded.length < 3) return null;
    var best = null;
    var bestRank = Infinity;
    var self = this;
    edits(folded).forEach(function (candidate) {
      var rank = self.rank.get(candidate);
      if (rank !== undefined && rank < bestRank && candidate !== folded &&
          (!accept || accept(candidate))) {
        best = candidate;
        bestRank = rank;
      }
    });
    return best;
  };

  // A word to suggest for one no page has: the commonest known word two edits away, or
  // the commonest that starts with its first three letters; null when none is close.
  Lexicon.prototype.suggestWord = function (folded) {
    var best = null;
    var bestRank = Infinity;
    var self = this;
    if (folded.length >= 4) {
      edits(folded).forEach(function (once) {
        var near = self.nearest(once);
        var rank = near === null ? Infinity : self.rank.get(near);
        if (near !== null && near !== folded && rank < bestRank) { best = near; bestRank = rank; }
      });
    }
    if (best === null && folded.length >= 3) {
      var start = folded.slice(0, 3);
      best = this.list.find(function (w) { return w.indexOf(start) === 0; }) || null;
    }
    return best;
  };

  // "Có phải bạn muốn tìm …?": the query with its unknown words replaced, or null.
  Lexicon.prototype.suggest = function (plan) {
    var self = this;
    var changed = false;
    var text = words(plan.query).map(function (token) {
      if (plan.notes.unknown.indexOf(token) < 0) return token;
      var near = self.suggestWord(fold(token));
      if (near) changed = true;
      return near || token;
    });
    return changed ? text.join(" ") : null;
  };

  function isQuestionWord(tokens, i) {
    for (var q = 0; q < QUESTION_WORDS.length; q++) {
      var phrase = QUESTION_WORDS[q].split(" ");
      var exact = true;
      var loose = true;
      for (var k = 0; k < phrase.length; k++) {
        var token = tokens[i + k];
        if (token === undefined) { exact = loose = false; break; }
        if (token !== phrase[k]) exact = false;
        if (hasAccents(token) || fold(token) !== fold(phrase[k])) loose = false;
      }
      if (loose && phrase.length === 1 && !UNAMBIGUOUS_FOLDED[tokens[i]]) loose = false;
      if (exact || loose) return phrase.length;
    }
    return 0;
  }

  // How many tokens from `i` make a designator ("ủy ban nhân dân"), or 0.
  function designatorAt(tokens, i) {
    for (var d = 0; d < DESIGNATORS.length; d++) {
      var phrase = DESIGNATORS[d];
      var k = 0;
      while (k < phrase.length && tokens[i + k] !== undefined && fold(tokens[i + k]) === phrase[k]) k++;
      if (k === phrase.length) return k;
    }
    return 0;
  }

  // Replace the dictionary's forms (longest first, whole words, compared folded).
  function rewrite(tokens, lexicon, notes) {
    var out = [];
    for (var i = 0; i < tokens.length;) {
      var done = false;
      for (var size = Math.min(4, tokens.length - i); size > 0 && !done; size--) {
        var typed = tokens.slice(i, i + size);
        var meaning = lexicon.rewrites[typed.map(fold).join(" ")];
        if (meaning) {
          notes.rewrites.push({ from: typed.join(" "), to: meaning });
          out = out.concat(words(meaning));
          i += size;
          done = true;
        }
      }
      if (!done) out.push(tokens[i++]);
    }
    return out;
  }

  // "năm 2024" is the year 2024 and "số 168" the number 168: the word before a year or a
  // number says what it is, and a page need not have it ("Nghị định 168/2024/NĐ-CP").
  // "Việt Nam 2024" keeps its "Nam".
  function unitWords(tokens) {
    return tokens.filter(function (token, i) {
      var next = tokens[i + 1] || "";
      var before = fold(tokens[i - 1] || "");
      if (token === "năm" || (token === "nam" && before !== "viet")) return !YEAR.test(next);
      if (fold(token) === "so" && token !== "sổ") return !/^[0-9]/.test(next);
      return true;
    });
  }

  /* Rewrite a query; return the plan: the words to search (`terms`: text, folded, how
   * to match), the question words left out, the words no page has, and what was changed. */
  function prepare(query, lexicon) {
    var notes = { rewrites: [], fixes: [], unknown: [], left: [] };
    var tokens = unitWords(rewrite(words(query), lexicon, notes));
    // The words the dictionary brought, not typed: "cấp", "dưỡng" for "tiền nuôi con".
    var typed = new Set(words(query).map(fold));
    var brought = new Set();
    notes.rewrites.forEach(function (r) {
      words(r.to).map(fold).forEach(function (w) { if (!typed.has(w)) brought.add(w); });
    });
    // Question words first, as typed: "làm" must not be corrected into a word of the index.
    var asked = tokens.map(function () { return false; });
    for (var q = 0; q < tokens.length;) {
      var size = isQuestionWord(tokens, q);
      if (!size) { q++; continue; }
      notes.left.push(tokens.slice(q, q + size).join(" "));
      for (var k = 0; k < size; k++) asked[q + k] = true;
      q += size;
    }
    if (asked.every(Boolean)) {
      // Only question words: search them, rather than nothing.
      asked = asked.map(function () { return false; });
      notes.left = [];
    }
    var named = tokens.map(function () { return false; });
    for (var n = 0; n < tokens.length;) {
      var span = asked[n] ? 0 : designatorAt(tokens, n);
      for (var m = 0; m < span; m++) named[n + m] = true;
      n += span || 1;
    }
    var kept = [];
    tokens.forEach(function (token, i) {
      var folded = fold(token);
      var term = {
        text: token, folded: folded, match: "exact", year: YEAR.test(token), question: asked[i],
        designator: named[i],
        // A word the dictionary brought ("cấp dưỡng" for "tiền nuôi con") is what the
        // reader meant: `combine` weighs it double.
        meant: brought.has(folded)
      };
      var vni = /[0-9]/.test(token) ? fromVni(token) : null;
      if (asked[i]) {
        if (!lexicon.knows(folded)) return;
      } else if (vni && lexicon.knows(fold(vni))) {
        notes.fixes.push({ from: token, to: vni });
        term.text = vni;
        term.folded = fold(vni);
      } else if (/[0-9]/.test(token)) term.match = "number";
      else if (!lexicon.knows(folded)) {
        var typed = fromTyping(token);
        var near = null;
        if (typed && lexicon.knows(fold(typed))) {
          notes.fixes.push({ from: token, to: typed });
          term.text = typed;
          term.folded = fold(typed);
        } else if ((near = lexicon.nearest(folded))) {
          notes.fixes.push({ from: token, to: near });
          term.text = near;
          term.folded = near;
          // The commonest word a letter away is a guess ("hun" → "huy"): in a pair, the
          // pair it makes has the last word (`unknownPairs`).
          term.guessed = folded;
        } else if (i === tokens.length - 1 && folded.length >= 3 && lexicon.extends(folded)) {
          term.match = "prefix";
        } else {
          // A last word of one or two letters is still being typed: wait for the rest.
          var typing = i === tokens.length - 1 && folded.length < 3 && lexicon.extends(folded);
          if (!typing) notes.unknown.push(token);
          return;
        }
      }
      kept.push(term);
    });
    var terms = kept.filter(function (t) { return !t.question; });
    // A title is matched with the words between the first and the last that are not
    // question words: "và" stays in "Bộ Nông nghiệp và Môi trường", "làm sao để" goes.
    var first = kept.findIndex(function (t) { return !t.question; });
    var last = kept.length - 1;
    while (last >= 0 && kept[last].question) last--;
    var titled = first < 0 ? [] : kept.slice(first, last + 1);
    // The query without its designators: "ubnd tỉnh nghệ an" names "Nghệ An".
    var bare = terms.filter(function (t) { return !t.designator && t.match !== "number"; });
    var withBare = bare.length && bare.length < terms.length &&
      terms.some(function (t) { return t.designator; });
    return {
      query: query,
      words: kept,
      terms: terms,
      pairs: pairs(kept, lexicon),
      title: titleToken(titled, false),
      titleEnd: titleToken(titled, true),
      bare: withBare ? bare.map(function (t) { return t.folded; }).join(" ") : null,
      bareTitle: withBare ? titleToken(bare, false) : null,
      years: terms.filter(function (t) { return t.year; }).map(function (t) { return t.text; }),
      numbers: terms.filter(function (t) { return t.match === "number" && !t.year; })
        .map(function (t) { return numberKey(t.text); }),
      notes: notes
    };
  }

  // Pair tokens of adjacent words of the query (both of letters, neither a question word):
  // each pair searched costs a part of the index to download, so at most three, chosen
  // to hold as many of the words as they can ("đăng ký | kết hôn | giấy tờ" before "ký
  // kết"): a pair found also tells that a page has a common word the index keeps in
  // titles only. Pairs of two such common words come first: each holds two words the
  // search would otherwise download apart ("kết hôn", "pháp luật" before "tuổi kết").
  function pairs(kept, lexicon) {
    var found = [];
    for (var i = 0; i + 1 < kept.length; i++) {
      var a = kept[i];
      var b = kept[i + 1];
      if (!isLetters(a.folded) || !isLetters(b.folded) || a.question || b.question) continue;
      found.push({
        a: a.folded, b: b.folded, token: PAIR_MARK + a.folded + b.folded,
        prefix: b.match === "prefix", words: [a, b], at: i
      });
    }
    var chosen = [];
    var held = {};
    function common(p) {
      return (lexicon.common.has(p.a) ? 1 : 0) + (lexicon.common.has(p.b) ? 1 : 0);
    }
    var byCommon = found.slice().sort(function (x, y) {
      return common(y) - common(x) || x.at - y.at;
    });
    byCommon.forEach(function (p) {
      if (chosen.length < 3 && !held[p.at] && !held[p.at + 1]) {
        chosen.push(p);
        held[p.at] = held[p.at + 1] = true;
      }
    });
    // Then a pair with a word no chosen pair holds, then any.
    found.forEach(function (p) {
      if (chosen.length < 3 && chosen.indexOf(p) < 0 && !(held[p.at] && held[p.at + 1])) {
        chosen.push(p);
        held[p.at] = held[p.at + 1] = true;
      }
    });
    found.forEach(function (p) {
      if (chosen.length < 3 && chosen.indexOf(p) < 0) chosen.push(p);
    });
    return chosen.sort(function (x, y) { return x.at - y.at; });
  }

  // The query's syllables run together: the start of a title (`zqt…`), and from the end
  // (`zqe…`) the end of one; see plugins/pbgdpl/search/tokens.py.
  function titleToken(terms, end) {
    if (!terms.length || terms.some(function (t) { return t.match === "prefix"; })) return null;
    // "luật đất đai 2024" names the Luật Đất đai: a year or number is matched apart.
    var named = terms.filter(function (t) { return t.match !== "number"; });
    var found = [];
    (named.length ? named : terms).forEach(function (t) { found = found.concat(syllables(t.text)); });
    found = found.slice(0, TITLE_SYLLABLES);
    return end ? END_MARK + found.reverse().join("") : TITLE_MARK + found.join("");
  }

  // The form of a document number the index filters on: "168/2024/nd-cp" → "168/2024/ND-CP".
  function numberKey(text) {
    return text.normalize("NFC").replace(/\s+/g, "").toUpperCase().replace(/Đ/g, "D");
  }

  var TRAILING_QUESTION = /\s+(thế nào|ra sao|không|chưa|gì|nào)\s*\?*\s*$/i;

  // The titles a page is known by, each also without its trailing number: "Luật Đất đai
  // số 31/2024/QH15" is the Luật Đất đai; a question also without its last question word.
  function titlesOf(names) {
    var titles = [];
    names.forEach(function (name) {
      if (!name) return;
      titles.push(name, name.replace(/\s+(số\s+)?[0-9][^\s]*\/[^\s]*$/i, ""));
      // "… có được trợ giúp pháp lý miễn phí không?" ends with its topic, before its
      // question word (plugins/pbgdpl/search/tokens.py `TRAILING_QUESTION`).
      var asked = name.replace(TRAILING_QUESTION, "");
      if (asked !== name) titles.push(asked);
    });
    return titles;
  }

  // The share of its title the query's words make (0-1), its best name's: "Luật Đất đai"
  // is more about "đất đai" than a decree "quy định chi tiết thi hành Luật Đất đai".
  function focus(names, plan) {
    var asked = plan.terms.filter(function (w) { return w.match !== "number"; }).length;
    var best = 0;
    titlesOf(names).forEach(function (name) {
      var size = syllables(name).length;
      if (size) best = Math.max(best, Math.min(1, asked / size));
    });
    return best;
  }

  // How a page's title (or other name) holds the query: 3 is, 2 starts with, 1 holds, 0.
  // An agency's home (`home`: a page with other names) is also the query without its
  // designators: "UBND tỉnh Nghệ An" is the home of "Tỉnh Nghệ An", "Nghệ An".
  function titleTier(names, plan, home) {
    var full = plan.words.map(function (w) { return w.folded; }).join(" ");
    var content = plan.terms.map(function (w) { return w.folded; }).join(" ");
    // "luật đất đai 2013" names the Luật Đất đai; its year is numberFit's to judge.
    var named = plan.terms.filter(function (w) { return w.match !== "number"; })
      .map(function (w) { return w.folded; }).join(" ");
    var best = 0;
    titlesOf(names).forEach(function (name) {
      var title = syllables(name).join(" ");
      [full, content, named].forEach(function (query) {
        if (!query) return;
        if (title === query) best = Math.max(best, 3);
        else if ((title + " ").indexOf(query + " ") === 0) best = Math.max(best, 2);
        // Vietnamese titles often end with their topic: "Thủ tục đăng ký kết hôn".
        else if ((" " + title).slice(-query.length - 1) === " " + query) best = Math.max(best, 1.5);
        else if ((" " + title + " ").indexOf(" " + query + " ") >= 0) best = Math.max(best, 1);
      });
      if (home && plan.bare && title === plan.bare) best = Math.max(best, 3);
    });
    return best;
  }

  // 2 when a tag that names the page's topic (one few pages carry: `topics`) is the query,
  // as a title that starts with it: "di chúc" finds the page its editors tagged so before
  // "Hỏi đáp về thừa kế theo di chúc", which only ends with it. Else 0.
  var TOPIC_TIER = 2;
  function topicTier(topics, plan) {
    var queries = [plan.words, plan.terms, plan.terms.filter(function (w) {
      return w.match !== "number";
    })].map(function (list) {
      return list.map(function (w) { return w.folded; }).join(" ");
    }).filter(Boolean);
    var hit = (topics || []).some(function (topic) {
      return queries.indexOf(syllables(topic).join(" ")) >= 0;
    });
    return hit ? TOPIC_TIER : 0;
  }

  // +1 when the page's number or title has the query's year or number, -1 when the page is
  // a numbered document of another year or number, 0 when the query has none.
  function numberFit(page, plan) {
    var number = numberKey(page.number || "");
    var title = " " + syllables(page.title || "").join(" ") + " ";
    var fit = 0;
    plan.numbers.forEach(function (n) {
      var hit = number && (number === n || number.indexOf(n + "/") === 0 ||
        number.indexOf(n) === 0);
      fit += hit ? 2 : (number ? -2 : 0);
    });
    plan.years.forEach(function (year) {
      var hit = number.indexOf("/" + year + "/") >= 0 || title.indexOf(" " + year + " ") >= 0;
      fit += hit ? 1 : (/\/(19|20)\d\d\//.test(number) ? -1 : 0);
    });
    return fit;
  }

  // How much a page's text is about the query's words: the sum, over the words, of the log
  // of how often its text repeats them, from its `about` ("hon:22 ket:22 dang:12", its
  // most telling syllables: plugins/pbgdpl/search/about.py). Among titles that hold the
  // query alike, the page that explains "đăng ký kết hôn" throughout comes before one that
  // names it twice between general paragraphs.
  function aboutness(about, plan) {
    var counts = {};
    (about || "").split(" ").forEach(function (pair) {
      var at = pair.lastIndexOf(":");
      if (at > 0) counts[pair.slice(0, at)] = Number(pair.slice(at + 1)) || 0;
    });
    var sum = 0;
    plan.terms.forEach(function (t) {
      if (t.match === "number") return;
      syllables(t.text).forEach(function (s) { sum += Math.log(1 + (counts[s] || 0)); });
    });
    return sum;
  }

  // Titles that are mostly the query (2), hold it with as many other words (1), or are
  // much longer (0): within a band, what the text is about orders pages before `focus`.
  function focusBand(focus) {
    return focus >= 2 / 3 ? 2 : focus >= 1 / 3 ? 1 : 0;
  }

  // The words a page shows: its title, other names and summary.
  function shownWords(page) {
    return words([page.title].concat(page.aliases || [], [page.summary || ""]).join(" "));
  }

  // How many words typed with accents the page shows only with other accents, as a
  // negative number: the engine folds accents, so "căn cước" also finds "tiếp cận … cuộc
  // thi", which must come after "thẻ căn cước". Only words some page shows as typed
  // (`attested`) count: "chục" for "chúc" is a typo, not a choice. A word the page has in
  // a pair of the query (`paired`: "tài sản" in its text) is the word typed, whatever
  // its summary shows ("tại").
  function accentMisses(shown, plan, attested, paired) {
    var folded = shown.map(fold);
    var misses = 0;
    plan.terms.forEach(function (t, i) {
      if (!attested.has(t.text) || (paired && paired[i])) return;
      if (shown.indexOf(t.text) < 0 && folded.indexOf(t.folded) >= 0) misses++;
    });
    return -misses;
  }

  /* Order candidates. Each has `cover` (0-1: the share of the query's weight it matched),
   * `score` (how well, by the engine) and, when loaded, `page` {title, aliases, number,
   * status, section, topics, about}. Pages without `page` keep their place after those with one. */
  function order(entries, plan) {
    var accented = plan.terms.filter(function (t) {
      return t.match === "exact" && hasAccents(t.text);
    });
    var attested = new Set();
    entries.forEach(function (e) {
      if (!e.page) return;
      e.shown = shownWords(e.page);
      accented.forEach(function (t) { if (e.shown.indexOf(t.text) >= 0) attested.add(t.text); });
    });
    // A title several pages carry (the same Q&A copied by many units, the same circular
    // under other numbers) says less about each of them than a title of its own. A law
    // in force and the one it repealed share a name, not a standing: they are no copies.
    function copyKey(page) {
      return (page.status || "") + "|" + words(page.title || "").filter(function (w) {
        return !/[0-9]/.test(w);
      }).map(fold).join(" ");
    }
    var copies = new Map();
    entries.forEach(function (e) {
      if (!e.page) return;
      var key = copyKey(e.page);
      copies.set(key, (copies.get(key) || 0) + 1);
    });
    entries.forEach(function (e, i) {
      e.index = i;
      if (!e.page) return;
      e.own = copies.get(copyKey(e.page)) > 1 ? 0 : 1;
      var names = [e.page.title].concat(e.page.aliases || []);
      e.fit = numberFit(e.page, plan);
      var home = (e.page.aliases || []).length > 0 && !e.page.section;
      e.tier = Math.max(titleTier(names, plan, home), topicTier(e.page.topics, plan));
      e.focus = e.tier ? focus(names, plan) : 0;
      e.about = e.tier ? aboutness(e.page.about, plan) : 0;
      e.accents = accentMisses(e.shown, plan, attested, e.paired);
      e.inForce = e.page.status === REPEALED ? 0 : 1;
      e.answers = ANSWERS[e.page.section || ""] || 0;
    });
    function key(e) {
      // Every word, and none only as another word with other accents.
      var all = e.cover >= 0.999 && !(e.accents < 0) ? 1 : 0;
      // What a page is (an answer before news) only orders pages whose title holds the
      // query; among others, how well the words matched (adjacent words count more).
      return [e.page ? 1 : 0, e.fit || 0, all, e.accents || 0, e.tier || 0,
        e.inForce === 0 ? 0 : 1, e.tier ? e.own || 0 : 0, e.tier ? e.answers || 0 : 0,
        focusBand(e.focus || 0), e.about || 0, e.focus || 0, e.cover, e.score];
    }
    return entries.sort(function (a, b) {
      var ka = key(a);
      var kb = key(b);
      for (var i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
      return a.index - b.index;
    });
  }

  // The weight of a word in the query: rarer words weigh more.
  function weight(pages, lexicon) {
    return Math.log(1 + lexicon.pages / Math.max(1, pages));
  }

  var MIN_FULL = 3;
  var MEANT_WEIGHT = 2;
  var PAIR_WEIGHT = 1.5;
  var TITLE_WEIGHT = 4;
  var END_WEIGHT = 3;

  /* Combine the pages each part of the query found: `found.terms[i]`, `found.pairs[i]` and
   * `found.title`, `found.titleEnd` map a page's id to {result, score (0-1)}. A page's
   * `cover` is the share of the query's weight its words carry. A pair found says the page
   * has both its words: a common syllable ("tài", "không") is indexed in titles only, but
   * its pairs are not.
   * Pairs and title matches add to a page's score, a title match by its own score (the
   * index weighs titles by what the page is to a citizen: answers first). Pages with
   * every word are the answer; when fewer than MIN_FULL have them all, every page with
   * some of the words is, most words first ("never empty when words match"). */
  function combine(plan, found, lexicon) {
    // A word not searched (null: a pair holds it) weighs as a word of a tenth of the pages.
    var weights = found.terms.map(function (m, i) {
      var meant = plan.terms[i] && plan.terms[i].meant ? MEANT_WEIGHT : 1;
      return meant * weight(m ? m.size : lexicon.pages / 10, lexicon);
    });
    var total = weights.reduce(function (a, b) { return a + b; }, 0) || 1;
    var entries = new Map();
    function entry(id, hit) {
      var e = entries.get(id);
      if (!e) {
        e = { id: id, result: hit.result, cover: 0, score: 0, has: [] };
        entries.set(id, e);
      }
      return e;
    }
    found.terms.forEach(function (map, i) {
      (map || new Map()).forEach(function (hit, id) {
        var e = entry(id, hit);
        e.score += weights[i] * hit.score;
        e.has[i] = true;
      });
    });
    found.pairs.forEach(function (map, k) {
      var pair = plan.pairs[k];
      var at = (pair.words || []).map(function (w) { return plan.terms.indexOf(w); });
      map.forEach(function (hit, id) {
        var e = entry(id, hit);
        e.score += PAIR_WEIGHT;
        at.forEach(function (i) {
          if (i < 0) return;
          e.has[i] = true;
          (e.paired = e.paired || [])[i] = true;
        });
      });
    });
    // A title token is searched as a prefix, and when no title starts with it, the engine
    // tries it shorter: a title match adds to a page's score, never to its words.
    function titled(map, bonus) {
      map.forEach(function (hit, id) {
        entry(id, hit).score += bonus * hit.score;
      });
    }
    titled(found.title, TITLE_WEIGHT);
    titled(found.titleEnd, END_WEIGHT);
    // A name that is the query without its designators holds them: "Nghệ An" for
    // "UBND tỉnh Nghệ An", whose home need not say "Ủy ban nhân dân".
    if (found.bare) {
      titled(found.bare, TITLE_WEIGHT);
      found.bare.forEach(function (hit, id) {
        var e = entries.get(id);
        plan.terms.forEach(function (t, i) { if (t.designator) e.has[i] = true; });
      });
    }
    var list = Array.from(entries.values());
    list.forEach(function (e) {
      e.cover = 0;
      weights.forEach(function (w, i) { if (e.has[i]) e.cover += w / total; });
      e.cover = Math.min(1, e.cover);
    });
    list.sort(function (a, b) { return b.cover - a.cover || b.score - a.score; });
    var full = list.filter(function (e) { return e.cover >= 0.999; });
    return { list: full.length >= MIN_FULL ? full : list, full: full.length };
  }

  // How many of the combined candidates to load and order: `first`, and past them every
  // candidate tied with the last of them (same words, same score), up to `most`. At
  // national scale dozens of generated pages tie on every signal the index has ("Hỏi đáp
  // về người được trợ giúp pháp lý miễn phí" in 40 units): the answer among them must be
  // loaded to be ordered by what only its data says (its title, its text's words).
  function rankedCount(list, first, most) {
    var n = Math.min(first, list.length);
    if (!n) return 0;
    var last = list[n - 1];
    while (n < Math.min(most, list.length) && list[n].cover === last.cover &&
      Math.abs(list[n].score - last.score) <= 1e-9 * Math.max(1, Math.abs(last.score))) n++;
    return n;
  }

  // The words of the query not worth searching alone: a common word (the index keeps it in
  // titles only, in a large part of the index) that a pair of the query holds, for the
  // pair finds the titles, summaries and facts where it stands next to its neighbour.
  function pairedCommon(plan, lexicon) {
    var held = [];
    plan.pairs.forEach(function (p) {
      (p.words || []).forEach(function (w) {
        if (w.match === "exact" && lexicon.common.has(w.folded) && held.indexOf(w) < 0) {
          held.push(w);
        }
      });
    });
    return held;
  }

  // A test of whether a page has every word of the query but the one at `skip`.
  function others(found, skip) {
    var maps = found.terms.filter(function (m, i) { return m && i !== skip; });
    return function (id) { return maps.every(function (m) { return m.has(id); }); };
  }

  // The pairs of the query whose word, corrected, may make a known pair: those the engine
  // found nothing for (`found.pairs[i].size === 0`), then those with a word corrected by
  // a guess ("kết hun": "huy" is the commonest word a letter from "hun", "hôn" the one that
  // makes a pair with "kết").
  function unknownPairs(plan, found) {
    var none = plan.pairs.filter(function (p, i) { return !p.prefix && found.pairs[i].size === 0; });
    var guessed = plan.pairs.filter(function (p) {
      return !p.prefix && none.indexOf(p) < 0 &&
        (p.words || []).some(function (w) { return w.guessed; });
    });
    return none.concat(guessed);
  }

  // The word to correct on one side of a pair, as typed: "hun", not its guess "huy".
  function typedOf(pair, side) {
    var term = (pair.words || [])[side === "b" ? 1 : 0];
    return (term && term.guessed) || (side === "b" ? pair.b : pair.a);
  }

  // The query text with one word corrected, for a second search.
  function corrected(plan, fix) {
    return plan.words.map(function (w) { return w.folded === fix.from ? fix.to : w.text; })
      .join(" ");
  }

  // A plan for the corrected query that keeps the first plan's notes and query.
  function replan(plan, fix, lexicon) {
    var again = prepare(corrected(plan, fix), lexicon);
    again.notes.rewrites = plan.notes.rewrites;
    // A guess corrected again is said once, from what was typed: "hun" → "hôn".
    var earlier = plan.notes.fixes.filter(function (f) { return fold(f.to) !== fix.from; });
    var typed = plan.notes.fixes.find(function (f) { return fold(f.to) === fix.from; });
    again.notes.fixes = earlier.concat(again.notes.fixes, [
      { from: typed ? typed.from : fix.from, to: fix.to }
    ]);
    again.notes.unknown = plan.notes.unknown.concat(again.notes.unknown);
    again.notes.suggestion = plan.notes.suggestion;
    again.query = plan.query;
    return again;
  }

  root.PbgdplSearch = {
    fold: fold,
    words: words,
    syllables: syllables,
    fromTyping: fromTyping,
    Lexicon: Lexicon,
    prepare: prepare,
    order: order,
    weight: weight,
    numberKey: numberKey,
    titleTier: titleTier,
    titlesOf: titlesOf,
    combine: combine,
    rankedCount: rankedCount,
    others: others,
    pairedCommon: pairedCommon,
    unknownPairs: unknownPairs,
    typedOf: typedOf,
    replan: replan,
    PAIR_MARK: PAIR_MARK,
    TITLE_MARK: TITLE_MARK,
    END_MARK: END_MARK
  };
})(typeof self !== "undefined" ? self : this);
