// relais workflow helpers: confirm before deleting, warn at once when the
// compose date falls in an electoral blackout (the server refuses it
// anyway), and open the calendar's date picker on change. No inline script.
(function () {
  "use strict";
  document.addEventListener("submit", function (e) {
    var f = e.target;
    if (f.dataset && f.dataset.confirm && !window.confirm(f.dataset.confirm)) e.preventDefault();
  }, true);

  // parisSeconds reads "YYYY-MM-DDTHH:MM" as Paris time (the form's zone).
  function parisSeconds(v) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(v || "");
    if (!m) return NaN;
    var guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hourCycle: "h23", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(new Date(guess)).forEach(function (p) { parts[p.type] = +p.value; });
    var shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    return (guess - (shown - guess)) / 1000;
  }

  var when = document.getElementById("scheduled_at"), warn = document.getElementById("when-warn");
  function checkBlackout() {
    if (!when || !warn || !when.dataset.blackouts) return;
    var t = parisSeconds(when.value), msg = "";
    when.dataset.blackouts.split(";").forEach(function (w) {
      var p = w.split(","), start = Number(p[0]), end = Number(p[1]);
      if (!isNaN(t) && t >= start && t < end) msg = when.dataset.warn.replace("%s", p.slice(2).join(","));
    });
    if (!msg && warn.dataset.live !== "1") return; // keep the server's message until the date changes
    warn.dataset.live = "1";
    warn.textContent = msg;
    warn.hidden = !msg;
    if (msg) when.setAttribute("aria-invalid", "true"); else when.removeAttribute("aria-invalid");
  }
  if (when) { when.addEventListener("input", checkBlackout); when.addEventListener("change", checkBlackout); }

  // checkSlots asks the server, as the date or the accounts change, which
  // posts are already planned too close on the ticked accounts, and shows
  // its answer (in the page's language) beside the date; nothing typed is
  // touched.
  var slots = document.getElementById("when-slots"), slotTimer = null, slotSeq = 0;
  function checkSlots() {
    if (!when || !slots) return;
    var t = parisSeconds(when.value), form = when.form, q = new URLSearchParams();
    var ticked = form ? form.querySelectorAll("input[name=target]:checked") : [];
    if (isNaN(t) || !ticked.length) { slots.hidden = true; slots.replaceChildren(); return; }
    q.set("scheduled_at", new Date(t * 1000).toISOString());
    ticked.forEach(function (c) { q.append("account", c.value); });
    if (form.dataset.edit) q.set("post", form.dataset.edit);
    q.set("lang", document.documentElement.lang || "fr");
    var seq = ++slotSeq;
    fetch("/api/schedule/check?" + q, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : { warnings: [] }; })
      .then(function (j) {
        if (seq !== slotSeq) return;
        var ws = (j.warnings || []).filter(function (w) { return w.code === "slot_conflict"; });
        slots.replaceChildren.apply(slots, ws.map(function (w) { var p = document.createElement("p"); p.textContent = w.message; return p; }));
        slots.hidden = !ws.length;
      }, function () {});
  }
  function laterSlots() { clearTimeout(slotTimer); slotTimer = setTimeout(checkSlots, 300); }
  if (when && slots) {
    when.addEventListener("change", laterSlots);
    when.addEventListener("input", laterSlots);
    if (when.form) when.form.addEventListener("change", function (e) { if (e.target.name === "target") laterSlots(); });
    checkSlots();
  }

  var pick = document.getElementById("cal-date");
  if (pick) pick.addEventListener("change", function () { if (pick.value) pick.form.submit(); });
})();
