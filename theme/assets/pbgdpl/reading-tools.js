/* Reading tools of the portal: text size kept across pages, read aloud where the device has a
   Vietnamese voice, print, share and copy the link. Nothing leaves the browser; only the chosen
   text size is kept, in localStorage. */
(function () {
  "use strict";
  var KEY = "pbgdpl.text-size";
  var MIN = -1;
  var MAX = 3;
  var SIZE_NAMES = { "-1": "nhỏ", "0": "mặc định", "1": "lớn", "2": "lớn hơn", "3": "rất lớn" };
  var root = document.documentElement;

  function storedSize() {
    var size = 0;
    try {
      size = parseInt(window.localStorage.getItem(KEY), 10);
    } catch (error) {
      size = 0;
    }
    return isNaN(size) ? 0 : Math.min(MAX, Math.max(MIN, size));
  }

  function applySize(size) {
    if (size === 0) {
      root.removeAttribute("data-pb-text-size");
    } else {
      root.setAttribute("data-pb-text-size", String(size));
    }
  }

  function keepSize(size) {
    try {
      if (size === 0) {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, String(size));
      }
    } catch (error) {
      /* Storage refused (private mode): the size holds for this page only. */
    }
  }

  /* Every page shows the reader's text size, whether or not it has the tools. */
  applySize(storedSize());

  var tools = document.querySelector("[data-pb-tools]");
  if (!tools) {
    return;
  }
  var status = tools.querySelector("[data-pb-status]");
  var pageUrl = window.location.href.split("#")[0];
  var heading = document.querySelector("h1");
  var title = heading ? heading.textContent.trim() : document.title;

  function say(text) {
    status.textContent = text;
  }

  Array.prototype.forEach.call(tools.querySelectorAll("[data-pb-size]"), function (button) {
    button.addEventListener("click", function () {
      var step = parseInt(button.getAttribute("data-pb-size"), 10);
      var size = step === 0 ? 0 : Math.min(MAX, Math.max(MIN, storedSize() + step));
      applySize(size);
      keepSize(size);
      say("Cỡ chữ: " + SIZE_NAMES[String(size)] + ".");
    });
  });

  tools.querySelector("[data-pb-print]").addEventListener("click", function () {
    window.print();
  });
  var printUrl = document.querySelector("[data-pb-print-url]");
  if (printUrl) {
    printUrl.textContent = ", " + pageUrl;
  }

  var shareTargets = {
    email: "mailto:?subject=" + encodeURIComponent(title) +
      "&body=" + encodeURIComponent(title + "\n" + pageUrl),
    facebook: "https://www.facebook.com/sharer/sharer.php?u=" + encodeURIComponent(pageUrl),
    zalo: "https://sp.zalo.me/plugins/share?url=" + encodeURIComponent(pageUrl)
  };
  Array.prototype.forEach.call(tools.querySelectorAll("[data-pb-share]"), function (link) {
    link.href = shareTargets[link.getAttribute("data-pb-share")];
  });

  function copyByHand() {
    var field = document.createElement("textarea");
    var copied = false;
    field.value = pageUrl;
    field.setAttribute("readonly", "");
    field.className = "pb-sr";
    document.body.appendChild(field);
    field.select();
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    field.remove();
    say(copied ? "Đã chép liên kết của bài." : "Không chép được; liên kết của bài: " + pageUrl);
  }
  tools.querySelector("[data-pb-copy]").addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(pageUrl).then(function () {
        say("Đã chép liên kết của bài.");
      }, copyByHand);
    } else {
      copyByHand();
    }
  });

  tools.removeAttribute("data-pb-pending");

  var reader = tools.querySelector("[data-pb-read]");
  var speech = window.speechSynthesis;
  if (!reader || !speech || !window.SpeechSynthesisUtterance) {
    return;
  }
  var voice = null;

  function findVoice() {
    var voices = speech.getVoices() || [];
    voice = null;
    for (var i = 0; i < voices.length && !voice; i += 1) {
      if (/^vi(-|_|$)/i.test(voices[i].lang)) {
        voice = voices[i];
      }
    }
    reader.hidden = !voice;
  }

  function textToRead() {
    var body = document.querySelector("[data-pagefind-body]") || document.querySelector("article");
    var skip = "[data-pb-tools], [data-pagefind-ignore], .pb-print-source, .pb-quiz, script";
    var parts = [];
    Array.prototype.forEach.call(
      body.querySelectorAll("h1, h2, h3, h4, p, li, caption, th, td, dt, dd"),
      function (block) {
        if (block.closest(skip) || block.querySelector("p, li")) {
          return;
        }
        var text = block.textContent.replace(/\s+/g, " ").trim();
        if (text) {
          parts.push(text);
        }
      }
    );
    return parts;
  }

  function stopped() {
    reader.setAttribute("aria-pressed", "false");
  }

  findVoice();
  speech.addEventListener("voiceschanged", findVoice);
  reader.addEventListener("click", function () {
    if (reader.getAttribute("aria-pressed") === "true") {
      speech.cancel();
      stopped();
      return;
    }
    var parts = textToRead();
    parts.forEach(function (text, index) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = voice.lang;
      utterance.voice = voice;
      if (index === parts.length - 1) {
        utterance.onend = stopped;
      }
      speech.speak(utterance);
    });
    reader.setAttribute("aria-pressed", "true");
  });
  window.addEventListener("pagehide", function () {
    speech.cancel();
  });
})();
