/* Cổng PBGDPL: the kill switch. Offline reading is turned off in the portal settings, so
   this worker deletes every copy the portal kept on the phone, unregisters itself, and
   reloads the pages it controlled so they come from the network again. */
"use strict";
self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("pbgdpl-") === 0;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return self.registration.unregister();
  }).then(function () {
    return self.clients.matchAll({ type: "window" });
  }).then(function (windows) {
    windows.forEach(function (client) { client.navigate(client.url); });
  }));
});
