// relais dashboard: one websocket per tab for live events, tone checks as
// the author types, and live refreshes of the queue and post pages.
(function () {
  "use strict";
  var lastSeq = 0, socket = null, backoff = 500, pending = {}, ref = 0;
  var live = document.getElementById("live");

  function setLive(on) {
    if (!live) return;
    live.classList.toggle("on", on);
    live.textContent = on ? live.dataset.on : live.dataset.off;
  }

  function connect() {
    if (!document.body.dataset.member) return;
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(proto + location.host + "/ws" + (lastSeq ? "?since=" + lastSeq : ""));
    socket.onopen = function () { backoff = 500; setLive(true); announce(); };
    socket.onclose = function () {
      setLive(false);
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
    socket.onmessage = function (m) { onEvent(JSON.parse(m.data)); };
  }

  function send(msg) {
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify(msg)); return true; }
    return false;
  }

  function announce() {
    var post = document.querySelector("[data-post]");
    if (post) send({ type: "presence", post_id: Number(post.dataset.post) });
    checkTone();
  }

  // refresh replaces the live regions of the page with a fresh render.
  function refresh() {
    fetch(location.pathname + location.search, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        ["queue", "deliveries", "post-state"].forEach(function (id) {
          var cur = document.getElementById(id), next = doc.getElementById(id);
          if (cur && next && !cur.contains(document.activeElement)) cur.replaceWith(next);
        });
        var cur = document.querySelector("[data-live=recent]"), next = doc.querySelector("[data-live=recent]");
        if (cur && next) cur.replaceWith(next);
      });
  }

  function onEvent(e) {
    if (e.seq) lastSeq = Math.max(lastSeq, e.seq);
    if (e.type === "tone.result") return showTone(e);
    if (e.type === "presence") return;
    var post = document.querySelector("[data-post]");
    if (document.getElementById("queue") || (post && Number(post.dataset.post) === e.post_id)) refresh();
  }

  // Tone check as you type, over the websocket.
  var text = document.getElementById("text"), timer = null;
  function profile() {
    var boxes = document.querySelectorAll("input[name=target]:checked");
    for (var i = 0; i < boxes.length; i++) if (boxes[i].dataset.profile === "candidate") return "candidate";
    return boxes.length ? boxes[0].dataset.profile : "candidate";
  }
  function checkTone() {
    if (!text || !text.value.trim()) return;
    ref++;
    pending[ref] = text.value;
    send({ type: "tone.check", text: text.value, profile: profile(), ref: ref });
  }
  if (text) {
    text.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(checkTone, 250); });
    document.querySelectorAll("input[name=target]").forEach(function (b) { b.addEventListener("change", checkTone); });
  }

  function showTone(e) {
    var src = pending[e.ref];
    delete pending[e.ref];
    if (src === undefined || !text || src !== text.value) return;
    var box = document.getElementById("tone"), hl = document.getElementById("highlight");
    var vs = e.violations || [];
    box.className = "tone-live tone-" + e.verdict;
    box.textContent = box.dataset.label + " : " + box.dataset[e.verdict] + vs.map(function (v) {
      return " — " + (document.body.dataset.lang === "en" ? v.message_en : v.message_fr);
    }).join("");
    hl.replaceChildren();
    var spans = [];
    vs.forEach(function (v) { (v.spans || []).forEach(function (s) { spans.push({ a: s.start16, b: s.end16, sev: v.severity }); }); });
    spans.sort(function (x, y) { return x.a - y.a; });
    var pos = 0;
    spans.forEach(function (s) {
      if (s.a < pos) return;
      hl.append(document.createTextNode(src.slice(pos, s.a)));
      var m = document.createElement("mark");
      m.className = s.sev;
      m.textContent = src.slice(s.a, s.b);
      hl.append(m);
      pos = s.b;
    });
    if (spans.length) hl.append(document.createTextNode(src.slice(pos)));
  }

  connect();
})();
