// relais compose and settings helpers (loaded after app.js): per-platform
// counters, previews and X's cost as the author types; "all districts";
// JSON forms of the settings page; the tone test box.
(function () {
  "use strict";
  var R = window.relais;
  if (!R) return;
  var $ = R.$, $$ = R.$$, lang = document.body.dataset.lang;

  // --- compose: counters, previews, X cost ---
  var text = document.getElementById("text"), form = document.getElementById("compose");
  function selected() { return $$("input[name=target]:checked"); }
  function variants() {
    var v = {};
    $$("textarea.variant").forEach(function (t) { if (t.value.trim()) v[t.dataset.platform] = t.value; });
    return v;
  }
  function money(x) {
    return lang === "en" ? "$" + x.toFixed(3) : x.toFixed(3).replace(".", ",") + " $";
  }
  function linkify(el, s) {
    el.replaceChildren();
    var re = /(https?:\/\/[^\s]+|www\.[^\s]+|[#@][\p{L}\p{N}_.]+)/gu, pos = 0, m;
    while ((m = re.exec(s))) {
      el.append(document.createTextNode(s.slice(pos, m.index)));
      var span = document.createElement("span");
      span.className = "pv-link";
      span.textContent = m[0];
      el.append(span);
      pos = m.index + m[0].length;
    }
    el.append(document.createTextNode(s.slice(pos)));
  }
  var timer = null, seq = 0;
  function update() {
    if (!text || !form) return;
    var platforms = $$("#previews .preview").map(function (p) { return p.dataset.platform; });
    var mine = ++seq;
    var ids = selected().map(function (b) { return Number(b.value); });
    R.postJSON("/api/text/count", { text: text.value, variants: variants(), platforms: platforms, account_ids: ids }).then(function (j) {
      if (mine !== seq) return;
      var chosen = {}, handles = {}, xCount = 0;
      selected().forEach(function (b) {
        chosen[b.dataset.platform] = true;
        handles[b.dataset.platform] = handles[b.dataset.platform] || "@" + b.dataset.handle;
        if (b.dataset.platform === "x") xCount++;
      });
      var any = Object.keys(chosen).length > 0;
      j.counts.forEach(function (c) {
        var li = $("#counters li[data-platform='" + c.platform + "']"), pv = $("#previews .preview[data-platform='" + c.platform + "']");
        var show = !any || chosen[c.platform];
        if (li) {
          li.hidden = !show;
          $("output", li).textContent = c.length + " / " + c.limit;
          li.classList.toggle("over", !c.valid && text.value.trim() !== "");
          li.title = c.problems.join("; ");
        }
        if (pv) {
          pv.hidden = !show;
          linkify($(".pv-text", pv), c.text);
          $(".pv-handle", pv).textContent = handles[c.platform] || "";
          $(".pv-foot", pv).textContent = c.length + " / " + c.limit + (c.problems.length && text.value.trim() ? " — " + c.problems.join("; ") : "");
          pv.classList.toggle("over", !c.valid && text.value.trim() !== "");
        }
        if (c.platform === "x") {
          var xc = document.getElementById("xcost");
          if (xc && typeof c.cost_usd === "number") {
            var n = Math.max(xCount, 1);
            xc.hidden = !text.value.trim() || (any && !chosen.x);
            xc.textContent = xc.dataset.label + (lang === "en" ? ": " : "\u00a0: ") + money(c.cost_usd) + " " + xc.dataset.per +
              (n > 1 ? " × " + n + " = " + money(c.cost_usd * n) : "");
          }
        }
      });
    }, function () {});
  }
  function later() { clearTimeout(timer); timer = setTimeout(update, 200); }
  if (text && form) {
    text.addEventListener("input", later);
    $$("textarea.variant").forEach(function (t) { t.addEventListener("input", later); });
    $$("input[name=target]").forEach(function (b) {
      b.addEventListener("change", function () { later(); text.dispatchEvent(new Event("input")); });
    });
    $$("input.select-all").forEach(function (all) {
      all.addEventListener("change", function () {
        $$(".group-" + all.dataset.group + " input[name=target]").forEach(function (b) { b.checked = all.checked; });
        later();
      });
    });
    update();
  }

  // --- settings: JSON forms (invitations, queue slots) ---
  $$("form.apiform").forEach(function (f) {
    f.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var body = {}, out = $(".apiresult", f);
      Array.prototype.forEach.call(f.elements, function (el) {
        var k = el.name, v = el.value;
        if (!k || ((el.type === "checkbox" || el.type === "radio") && !el.checked)) return;
        if (k === "weekdays") (body.weekdays = body.weekdays || []).push(Number(v));
        else if (k === "times") body.times = String(v).split(/[\s,;]+/).filter(Boolean);
        else if (el.hasAttribute("data-num")) body[k] = Number(v);
        else if (v !== "") body[k] = v;
      });
      R.postJSON(f.dataset.api, body).then(function (j) {
        out.className = "apiresult flash";
        out.textContent = f.dataset.ok + (j && j.link ? " " + j.link : "");
        if (f.hasAttribute("data-reload")) setTimeout(function () { location.reload(); }, 600);
        else if (window.relais.refresh) { f.reset(); window.relais.refresh(); }
      }, function (e) { out.className = "apiresult error"; out.textContent = e.message; });
    });
  });

  // --- settings: delete a queue slot ---
  $$("button[data-delete]").forEach(function (b) {
    b.addEventListener("click", function () {
      fetch(b.dataset.delete, { method: "DELETE", credentials: "same-origin" }).then(function (r) {
        if (r.ok) location.reload(); else r.json().then(function (j) { alert(j.error.message); });
      });
    });
  });

  // --- settings: tone test box ---
  var tt = document.getElementById("tonetest");
  if (tt) {
    tt.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var src = $("#tt-text").value;
      if (!src.trim()) return;
      R.postJSON("/api/tone/check", { text: src, profile: $("#tt-profile").value }).then(function (j) {
        R.paintTone($("#tt-text"), j, src);
      }, function (e) { $(".tone-live", tt).textContent = e.message; });
    });
  }

  // --- calendar: the account filter applies on change ---
  $$("select[data-autosubmit]").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });
})();
