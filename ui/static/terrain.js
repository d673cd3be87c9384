// Terrain screen: capture a photo or clip, add a caption, submit for
// approval. Each capture is first kept on the phone (IndexedDB, with its
// file) under a key generated here, then sent to /api/capture; the server
// creates one post per key, so a capture resent after a lost connection
// is never duplicated. The outbox is flushed on load, on submit and when
// the network returns.
(function () {
  'use strict';
  var form = document.getElementById('terrain');
  if (!form) return;
  var DB = 'relais-terrain', STORE = 'outbox';
  var fileInput = document.getElementById('terrain-file');
  var caption = document.getElementById('terrain-caption');
  var status = document.getElementById('terrain-status');
  var flushing = false;
  var me = document.body.dataset.member || ''; // captures are sent only by who made them

  function openDB() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE, { keyPath: 'key' }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function tx(mode, fn) {
    return openDB().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode), out = fn(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(out && out.result); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }

  function all() {
    return tx('readonly', function (s) { return s.getAll(); }).then(function (items) {
      return (items || []).filter(function (it) { return it.member === me; });
    });
  }
  function put(item) { return tx('readwrite', function (s) { s.put(item); }); }
  function del(key) { return tx('readwrite', function (s) { s.delete(key); }); }

  function newKey() {
    if (crypto.randomUUID) return 't-' + crypto.randomUUID();
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    return 't-' + Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  function say(text) { status.textContent = text; }

  function render() {
    return all().then(function (items) {
      var ul = document.getElementById('outbox');
      ul.textContent = '';
      items.forEach(function (it) {
        var li = document.createElement('li');
        li.dataset.key = it.key;
        li.textContent = it.caption + (it.file ? ' · ' + it.name : '') + (it.error ? ' — ' + it.error : '');
        ul.appendChild(li);
      });
      document.getElementById('outbox-count').textContent = String(items.length);
    });
  }

  function markSent(it, post) {
    var li = document.createElement('li');
    li.className = 'sent';
    li.dataset.post = post.id;
    li.dataset.key = it.key;
    var a = document.createElement('a');
    a.href = '/posts/' + post.id;
    a.textContent = '#' + post.id + ' ' + it.caption;
    li.appendChild(a);
    document.getElementById('sent').appendChild(li);
  }

  // send posts one capture; it resolves true when the outbox may drop it.
  function send(it) {
    var fd = new FormData();
    fd.append('key', it.key);
    fd.append('caption', it.caption);
    if (it.file) fd.append('file', it.file, it.name);
    return fetch('/api/capture', { method: 'POST', body: fd, credentials: 'same-origin' }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (body) {
        if (resp.ok) { markSent(it, body.post); return true; }
        if (resp.status === 409 || resp.status === 429 || resp.status >= 500) return false; // retry later
        it.error = (body.error && body.error.message) || form.dataset.error;
        return put(it).then(function () { return false; });
      });
    }, function () { return false; }); // offline: keep it
  }

  function flush() {
    if (flushing || !navigator.onLine) return Promise.resolve();
    flushing = true;
    return all().then(function (items) {
      return items.filter(function (it) { return !it.error && it.member === me; }).reduce(function (p, it) {
        return p.then(function () {
          return send(it).then(function (done) { if (done) { say(form.dataset.sent); return del(it.key); } });
        });
      }, Promise.resolve());
    }).then(render, render).then(function () { flushing = false; }, function () { flushing = false; });
  }

  fileInput.addEventListener('change', function () {
    var f = fileInput.files[0];
    document.getElementById('terrain-file-name').textContent = f ? f.name : '';
  });

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = caption.value.trim(), f = fileInput.files[0];
    if (!text) { say(form.dataset.need); caption.focus(); return; }
    if (f && f.size > Number(form.dataset.maxmb) * 1048576) { say(form.dataset.toobig); return; }
    var it = { key: newKey(), member: me, caption: text, file: f || null, name: f ? f.name : '', at: Date.now() };
    put(it).then(function () {
      form.reset();
      document.getElementById('terrain-file-name').textContent = '';
      say(navigator.onLine ? form.dataset.queued : form.dataset.offline);
      return render();
    }).then(flush);
  });

  window.addEventListener('online', flush);
  window.addEventListener('offline', function () { say(form.dataset.offline); });
  render().then(flush);
})();
