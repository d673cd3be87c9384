// relais compose: the video widget. A chosen file goes up in chunks
// through the resumable upload API (POST /api/videos/uploads, then PATCH
// each chunk at its Upload-Offset); after a dropped connection the widget
// asks the server for its offset (GET) and goes on from there. Once the
// last byte is in, the server reads the container and answers what it
// found (or the refusal naming the platform and the limit, in the page's
// language); the form then carries the upload's id. A thumbnail is an
// image uploaded like the others (/api/media).
(function () {
  "use strict";
  var box = document.getElementById("video");
  var file = document.getElementById("video-file");
  if (!box || !file) return;
  var idInput = document.getElementById("video-upload");
  var bar = document.getElementById("video-progress");
  var status = document.getElementById("video-status");
  var err = document.getElementById("video-error");
  var remove = document.getElementById("video-remove");
  var uploading = null; // the upload under way, if any
  var MAX_TRIES = 8;

  function fill(s, params) {
    return s.replace(/\{(\w+)\}/g, function (m, k) { return k in params ? params[k] : m; });
  }
  function api(path) { return path + "?lang=" + encodeURIComponent(box.dataset.lang || "fr"); }

  // call answers {ok, status, body} for a fetch, or rejects when the
  // connection failed.
  function call(path, opts) {
    opts.credentials = "same-origin";
    return fetch(api(path), opts).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, status: r.status, body: j }; });
    });
  }

  function showError(msg) {
    err.textContent = msg; err.hidden = false;
    box.classList.add("invalid"); box.setAttribute("aria-invalid", "true");
  }
  function clearError() {
    err.hidden = true; err.textContent = "";
    box.classList.remove("invalid"); box.removeAttribute("aria-invalid");
  }

  // platforms are the ticked targets' platforms that take videos: the
  // server checks the file against their limits as soon as it is in.
  function platforms() {
    var ok = (box.dataset.platforms || "").split(" "), out = [];
    document.querySelectorAll("input[name=target]:checked").forEach(function (c) {
      var p = c.dataset.platform;
      if (ok.indexOf(p) >= 0 && out.indexOf(p) < 0) out.push(p);
    });
    return out;
  }

  function progress(u, name) {
    var pct = u.size ? Math.floor(100 * u.offset / u.size) : 0;
    bar.hidden = false; bar.value = pct;
    status.textContent = fill(box.dataset.progress, { name: name, pct: pct });
  }

  var CODECS = { avc1: "H.264", avc3: "H.264", hvc1: "HEVC", hev1: "HEVC", V_VP8: "VP8", V_VP9: "VP9", V_AV1: "AV1", av01: "AV1" };

  function done(u) {
    var i = u.info || {};
    bar.value = 100;
    idInput.value = u.id;
    remove.hidden = false;
    status.textContent = fill(box.dataset.done, { name: u.filename, w: i.width, h: i.height,
      s: (i.duration / 1e9).toFixed(1), codec: CODECS[i.video_codec] || i.video_codec });
    box.dataset.sha256 = u.sha256;
  }

  function wait(ms) { return new Promise(function (res) { setTimeout(res, ms); }); }

  // online resolves once the browser has a network again.
  function online() {
    if (navigator.onLine) return Promise.resolve();
    status.textContent = box.dataset.offline;
    return new Promise(function (res) { window.addEventListener("online", res, { once: true }); });
  }

  // resume asks the server where the upload stands after a failure.
  function resume(job, tries) {
    if (tries > MAX_TRIES) return Promise.reject(new Error(box.dataset.failed));
    return online().then(function () { return wait(Math.min(200 * tries, 2000)); }).then(function () {
      return call("/api/videos/uploads/" + job.id, { method: "GET" });
    }).then(function (res) {
      if (!res.ok) throw new Error((res.body.error && res.body.error.message) || box.dataset.failed);
      var u = res.body;
      status.textContent = fill(box.dataset.resuming, { pct: Math.floor(100 * u.offset / u.size) });
      return u.sha256 ? u : send(job, u.offset, tries);
    }, function () { return resume(job, tries + 1); });
  }

  // send PATCHes the chunk at offset, then the next, until the server
  // answers the complete, checked upload.
  function send(job, offset, tries) {
    if (uploading !== job) return Promise.reject(null); // replaced or removed
    var size = Number(box.dataset.chunk) || 1048576;
    var chunk = job.file.slice(offset, Math.min(offset + size, job.file.size));
    return call("/api/videos/uploads/" + job.id, { method: "PATCH", body: chunk,
      headers: { "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" } })
      .then(function (res) {
        if (res.ok && res.body.sha256) return res.body;
        if (res.ok) { progress(res.body, job.file.name); return send(job, res.body.offset, 0); }
        if (res.status === 409 || res.status >= 500) return resume(job, tries + 1);
        throw new Error((res.body.error && res.body.error.message) || box.dataset.failed);
      }, function () { return resume(job, tries + 1); });
  }

  function start(f) {
    var job = { file: f, id: "" };
    uploading = job;
    clearError();
    idInput.value = ""; delete box.dataset.sha256;
    remove.hidden = true;
    box.setAttribute("aria-busy", "true");
    progress({ size: f.size, offset: 0 }, f.name);
    return call("/api/videos/uploads", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ filename: f.name, size: f.size, platforms: platforms() }) })
      .then(function (res) {
        if (!res.ok) throw new Error((res.body.error && res.body.error.message) || box.dataset.failed);
        job.id = res.body.id;
        return send(job, 0, 0);
      })
      .then(function (u) { if (uploading === job) done(u); }, function (e) {
        if (uploading !== job || e === null) return;
        bar.hidden = true; status.textContent = "";
        file.value = "";
        showError(e.message);
      })
      .then(function () { if (uploading === job) { uploading = null; box.removeAttribute("aria-busy"); } });
  }

  file.addEventListener("change", function () {
    if (file.files.length) start(file.files[0]);
  });

  remove.addEventListener("click", function () {
    uploading = null;
    idInput.value = ""; file.value = "";
    bar.hidden = true; status.textContent = "";
    remove.hidden = true; box.removeAttribute("aria-busy");
    clearError();
  });

  // The form waits for the upload: a post saved meanwhile would lack it.
  var form = box.closest("form");
  if (form) form.addEventListener("submit", function (ev) {
    if (!uploading) return;
    ev.preventDefault();
    showError(box.dataset.wait);
  });

  // The thumbnail: an image uploaded at once, its id carried by the form.
  var thumbFile = document.getElementById("video-thumb-file");
  var thumbInput = document.getElementById("video-thumbnail");
  var thumb = document.getElementById("video-thumb");
  thumbFile.addEventListener("change", function () {
    if (!thumbFile.files.length) return;
    var fd = new FormData();
    fd.append("file", thumbFile.files[0]);
    clearError();
    call("/api/media", { method: "POST", body: fd }).then(function (res) {
      if (!res.ok) throw new Error((res.body.error && res.body.error.message) || box.dataset.failed);
      thumbInput.value = String(res.body.id);
      var img = thumb.querySelector("img") || document.createElement("img");
      img.src = "/media/" + res.body.id; img.alt = ""; img.width = 96;
      thumb.prepend(img); thumb.hidden = false;
    }).catch(function (e) { showError(e.message); }).then(function () { thumbFile.value = ""; });
  });
  document.getElementById("video-thumb-remove").addEventListener("click", function () {
    thumbInput.value = ""; thumb.hidden = true;
    var img = thumb.querySelector("img");
    if (img) img.remove();
  });
})();
