/* Videos: the still becomes the provider's player only when the reader asks for it, so the
   video host gets no request before a click. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-pb-video]"), function (figure) {
    var still = figure.querySelector(".pb-video__still");
    still.addEventListener("click", function (event) {
      event.preventDefault();
      var source = new URL(figure.getAttribute("data-pb-embed"));
      source.searchParams.set("autoplay", "1");
      var player = document.createElement("iframe");
      player.src = source.href;
      player.title = "Video: " + figure.getAttribute("data-pb-title");
      player.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      player.allowFullscreen = true;
      player.referrerPolicy = "strict-origin-when-cross-origin";
      still.replaceWith(player);
      player.focus();
    });
  });
})();
