// Registers the service worker that makes the dashboard an installable
// web app and keeps the Terrain screen available offline.
(function () {
  'use strict';
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {});
  }
})();
