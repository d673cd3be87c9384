// relais dashboard: one websocket per tab for live events (queue, post,
// inbox, map and calendar refresh without reload; presence on a post; a
// reconnect catches up with ?since=), tone checks as the author types,
// per-platform counters, previews and X's cost on the compose page, in-place
// decisions, drag to reschedule on the calendar. Everything works without
// it; it only makes the pages live. No inline script (CSP script-src 'self').
(function () {
  "use strict";
  var body = document.body, lang = body.dataset.lang, me = Number(body.dataset.member || 0);
  var colon = lang === "en" ? ": " : "\u00a0: "; // French puts a space before a colon, English does not
  var hubID = "", lastSeq = 0, socket = null, backoff = 500, pending = {}, ref = 0;
  var live = document.getElementById("live");
  var postEl = document.querySelector("article[data-post]");
  var viewers = {}; // member id -> {name, seen}

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function setLive(on) {
    if (!live) return;
    live.classList.toggle("on", on);
    live.textContent = on ? live.dataset.up : live.dataset.down;
  }

  function connect() {
    if (!me) return;
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(proto + location.host + "/ws" + (lastSeq ? "?since=" + lastSeq + "&hub=" + encodeURIComponent(hubID) : ""));
    socket.onopen = function () {
      var caughtUp = lastSeq > 0;
      backoff = 500; setLive(true); announce();
      $$("textarea[data-tone]").forEach(function (t) { checkTone(t); });
      if (caughtUp) refresh(); // events missed while offline are replayed; refresh once anyway
    };
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

  // Presence: a post page says so on connect and every 20 s; others answer
  // a newcomer once, and forget a viewer silent for 50 s.
  function announce(leave) {
    if (postEl) send({ type: "presence", post_id: Number(postEl.dataset.post), leave: !!leave });
  }
  function showPresence() {
    var el = document.getElementById("presence");
    if (!el) return;
    var now = Date.now(), names = [];
    Object.keys(viewers).forEach(function (id) {
      if (now - viewers[id].seen > 50000) delete viewers[id]; else names.push(viewers[id].name);
    });
    el.hidden = names.length === 0;
    el.textContent = names.length ? el.dataset.label + colon + names.join(", ") : "";
  }
  if (postEl) {
    setInterval(function () { announce(); showPresence(); }, 20000);
    window.addEventListener("pagehide", function () { announce(true); });
  }
  function onPresence(e) {
    if (!postEl || e.post_id !== Number(postEl.dataset.post) || !e.data || e.data.member_id === me) return;
    var id = e.data.member_id, known = viewers[id];
    if (e.data.leave) delete viewers[id];
    else {
      viewers[id] = { name: e.data.member, seen: Date.now() };
      if (!known) announce();
    }
    showPresence();
  }

  // refresh replaces the page's live regions with a fresh render.
  var refreshing = false, again = false;
  // decided shows the flash of the page a decision redirected to (the
  // card leaves the queue: the approver reads what happened).
  function decided(html) {
    var main = document.getElementById("main");
    var got = new DOMParser().parseFromString(html, "text/html").querySelector("main .flash");
    var cur = $("main > .flash");
    if (got) {
      if (!cur) { cur = document.createElement("p"); cur.className = "flash"; cur.setAttribute("role", "status"); main.prepend(cur); }
      cur.textContent = got.textContent;
    }
    main.focus({ preventScroll: true });
    // the flash is at the top of the page: bring it into view (the card
    // decided may have been far down, on a phone)
    if (cur) cur.scrollIntoView({ block: "start" });
  }

  function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    fetch(location.pathname + location.search, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        ["queue", "queue-count", "deliveries", "post-state", "history", "comments", "inbox", "districtmap", "calendar", "pending-count", "shared-week"].forEach(function (id) {
          var cur = document.getElementById(id), next = doc.getElementById(id);
          if (cur && next && !cur.contains(document.activeElement)) { cur.replaceWith(next); wire(next); }
        });
        var cur = $("[data-live=recent]"), next = doc.querySelector("[data-live=recent]");
        if (cur && next) cur.replaceWith(next);
      })
      .finally(function () { refreshing = false; if (again) { again = false; refresh(); } });
  }

  function onEvent(e) {
    // Events arrive in order on one socket; a restarted server counts from
    // 1 again, so the last number seen is the one to resume from.
    if (e.type === "hello") { hubID = e.hub; return; } // the replica numbering the events
    if (e.seq) lastSeq = e.seq;
    if (e.type === "tone.result") return showTone(e);
    if (e.type === "presence") return onPresence(e);
    if (e.type === "approval.requested") toast(e);
    if (e.type === "suggestion.updated") {
      if (document.getElementById("districtmap") || document.getElementById("inbox")) refresh();
      return;
    }
    var onPost = postEl && Number(postEl.dataset.post) === e.post_id;
    if (document.getElementById("queue") || document.getElementById("calendar") || document.getElementById("inbox") || onPost) refresh();
  }

  // toast tells the candidate, on any page, that a post awaits her.
  function toast(e) {
    var el = document.getElementById("toast");
    if (!el) return;
    var a = document.createElement("a");
    a.href = "/posts/" + e.post_id;
    a.textContent = el.dataset.open + " #" + e.post_id;
    el.replaceChildren(document.createTextNode(el.dataset.approval + " — " + ((e.data && e.data.text) || "") + " "), a);
    el.hidden = false;
  }

  // Tone check as you type, over the websocket.
  function profileOf(t) {
    if (t.dataset.profile) return t.dataset.profile;
    var boxes = $$("input[name=target]:checked");
    for (var i = 0; i < boxes.length; i++) if (boxes[i].dataset.profile === "candidate") return "candidate";
    return boxes.length ? boxes[0].dataset.profile : "candidate";
  }
  function checkTone(t) {
    // A share suggestion's approved text is re-checked only once edited.
    if (!t.value.trim() || (t.classList.contains("sg-text") && t.value === t.defaultValue)) { paintTone(t, null); return; }
    ref++;
    pending[ref] = { el: t, text: t.value };
    send({ type: "tone.check", text: t.value, profile: profileOf(t), ref: ref });
  }
  function showTone(e) {
    var p = pending[e.ref];
    delete pending[e.ref];
    if (!p || p.text !== p.el.value) return;
    paintTone(p.el, e, p.text);
  }
  function toneBoxes(t) {
    var scope = t.closest("form") || document;
    return { box: $(".tone-live", scope) || document.getElementById("tone"), hl: $(".highlight", scope) };
  }
  function paintTone(t, e, src) {
    var b = toneBoxes(t);
    if (!b.box) return;
    if (!e) { b.box.textContent = ""; b.box.className = "tone-live"; if (b.hl) b.hl.replaceChildren(); return; }
    var vs = e.violations || [];
    b.box.className = "tone-live tone-" + e.verdict;
    b.box.dataset.verdict = e.verdict;
    b.box.textContent = b.box.dataset.label + colon + b.box.dataset[e.verdict] + vs.map(function (v) {
      return " — " + (lang === "en" ? v.message_en : v.message_fr);
    }).join("");
    if (!b.hl) return;
    b.hl.replaceChildren();
    var spans = [];
    vs.forEach(function (v) { (v.spans || []).forEach(function (s) { spans.push({ a: s.start16, b: s.end16, sev: v.severity }); }); });
    spans.sort(function (x, y) { return x.a - y.a; });
    var pos = 0;
    spans.forEach(function (s) {
      if (s.a < pos) return;
      b.hl.append(document.createTextNode(src.slice(pos, s.a)));
      var m = document.createElement("mark");
      m.className = s.sev;
      m.textContent = src.slice(s.a, s.b);
      b.hl.append(m);
      pos = s.b;
    });
    if (spans.length) b.hl.append(document.createTextNode(src.slice(pos)));
  }

  // postJSON sends body to an API route with the session cookie.
  function postJSON(url, body) {
    return fetch(url, { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body || {}) })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error((j.error && j.error.message) || r.status); return j; }); });
  }

  // wire attaches the behaviours to a (re)rendered region.
  function wire(root) {
    $$("textarea#text, textarea.sg-text", root).forEach(function (t) {
      if (t.dataset.wired) return;
      t.dataset.wired = t.dataset.tone = "1";
      var timer = null;
      t.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { checkTone(t); }, 250); });
    });
    $$("form[data-inplace]", root).forEach(function (f) {
      if (f.dataset.wired) return;
      f.dataset.wired = "1";
      f.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var data = new FormData(f), err = $(".form-error", f);
        if (ev.submitter) data.append(ev.submitter.name, ev.submitter.value);
        fetch(f.getAttribute("action"), { method: "POST", body: new URLSearchParams(data), credentials: "same-origin" })
          .then(function (r) {
            if (r.ok) return r.text().then(function (html) { decided(html); refresh(); });
            return r.text().then(function (html) {
              var d = new DOMParser().parseFromString(html, "text/html"), m = d.querySelector(".error");
              err.textContent = m ? m.textContent : String(r.status);
              err.hidden = false;
            });
          });
      });
    });
    $$(".cal-day", root).forEach(wireDrop);
    $$(".entry[draggable=true]", root).forEach(function (li) {
      li.addEventListener("dragstart", function (ev) { ev.dataTransfer.setData("text/plain", li.dataset.post + "|" + li.dataset.time); li.classList.add("dragging"); });
      li.addEventListener("dragend", function () { li.classList.remove("dragging"); });
    });
    $$("a.sharelink", root).forEach(function (a) {
      a.addEventListener("click", function () {
        var art = a.closest("[data-suggestion]"), t = $("textarea", art);
        postJSON("/api/suggestions/" + art.dataset.suggestion + "/share", { via: a.dataset.via, text: t ? t.value : "" })
          .then(refresh, function (e) { alert(e.message); });
      });
    });
  }

  // Calendar: drop a post on a day to move it there, same time of day.
  function wireDrop(day) {
    var cal = document.getElementById("calendar");
    if (!cal || cal.dataset.move !== "true") return;
    day.addEventListener("dragover", function (ev) { ev.preventDefault(); day.classList.add("over"); });
    day.addEventListener("dragleave", function () { day.classList.remove("over"); });
    day.addEventListener("drop", function (ev) {
      ev.preventDefault();
      day.classList.remove("over");
      var parts = ev.dataTransfer.getData("text/plain").split("|");
      if (parts.length !== 2) return;
      var when = parisISO(day.dataset.date, parts[1]);
      postJSON("/api/posts/" + parts[0] + "/reschedule", { scheduled_at: when })
        .then(function (j) {
          if (!j.warnings || !j.warnings.length) { refresh(); return; }
          // the move stands, but another post is too close: reload with
          // the server's warning (in the page's language) above the calendar
          var u = new URL(location.href);
          u.searchParams.set("ok", "moved");
          u.searchParams.set("moved", parts[0]);
          location.assign(u.toString());
        }, function (e) { alert(cal.dataset.error + colon + e.message); });
    });
  }
  // parisISO returns the RFC 3339 time of a Paris wall-clock date and time.
  function parisISO(date, hhmm) {
    var guess = new Date(date + "T" + hhmm + ":00Z");
    var f = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour12: false, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    var p = {}; f.formatToParts(guess).forEach(function (x) { p[x.type] = x.value; });
    var asUTC = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute);
    return new Date(guess.getTime() - (asUTC - guess.getTime())).toISOString();
  }

  wire(document);
  connect();
  window.relais = {
    postJSON: postJSON, paintTone: paintTone, refresh: refresh, $: $, $$: $$,
    seq: function () { return lastSeq; },
    drop: function () { if (socket) socket.close(); } // as a network cut would
  };
})();
