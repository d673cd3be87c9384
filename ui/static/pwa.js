// Registers the service worker that makes the dashboard an installable
// web app and keeps the Terrain screen available offline, and offers Web
// Push subscriptions (approval requests) where the browser supports them.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {});

  var card = document.getElementById('push');
  if (!card || !('PushManager' in window) || !('Notification' in window)) return;
  card.hidden = false;
  var status = document.getElementById('push-status');

  function keyBytes(b64) {
    var s = (b64 + '===='.slice(b64.length % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(s), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  document.getElementById('push-enable').addEventListener('click', function () {
    Notification.requestPermission().then(function (perm) {
      if (perm !== 'granted') { status.textContent = card.dataset.denied; return; }
      return Promise.all([fetch('/api/push/key').then(function (r) { return r.json(); }), navigator.serviceWorker.ready])
        .then(function (res) {
          return res[1].pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(res[0].public_key) });
        })
        .then(function (sub) {
          return fetch('/api/push/subscriptions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sub) });
        })
        .then(function (r) { status.textContent = r.ok ? card.dataset.on : card.dataset.denied; });
    }).catch(function () { status.textContent = card.dataset.denied; });
  });
})();
