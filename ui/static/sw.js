// relais service worker: keeps the Terrain screen and the static files
// so that the phone can open it and queue captures without a network.
// API calls and other pages always go to the network.
'use strict';
var CACHE = 'relais-v1';

self.addEventListener('install', function () {
  self.skipWaiting(); // the Terrain page is cached when a signed-in member opens it
});

self.addEventListener('activate', function (ev) {
  ev.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (ev) {
  var req = ev.request, url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf('/static/') === 0) { // checksummed: cache first
    ev.respondWith(caches.match(req).then(function (hit) {
      return hit || fetch(req).then(function (resp) {
        var copy = resp.clone();
        caches.open(CACHE).then(function (c) { c.put(req, copy); });
        return resp;
      });
    }));
  } else if (url.pathname === '/terrain') { // network first, cached shell offline
    ev.respondWith(fetch(req).then(function (resp) {
      if (resp.ok && !resp.redirected) { // never keep the sign-in page in its place
        var copy = resp.clone();
        caches.open(CACHE).then(function (c) { c.put('/terrain', copy); });
      }
      return resp;
    }).catch(function () { return caches.match('/terrain'); }));
  }
});

// Web Push: show the approval request; a tap opens the post's page.
self.addEventListener('push', function (ev) {
  var d = {};
  try { d = ev.data ? ev.data.json() : {}; } catch (e) { d = { title: 'relais', body: ev.data ? ev.data.text() : '' }; }
  ev.waitUntil(self.registration.showNotification(d.title || 'relais', { body: d.body || '', data: { url: d.url || '/' }, tag: d.tag || '' }));
});

self.addEventListener('notificationclick', function (ev) {
  ev.notification.close();
  var url = (ev.notification.data && ev.notification.data.url) || '/';
  ev.waitUntil(self.clients.openWindow(url));
});
