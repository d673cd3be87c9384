// relais compose: images. A chosen file is uploaded at once to /api/media
// (the type is checked by the server); the form then carries its ID.
(function () {
  "use strict";
  var file = document.getElementById("media-file"), list = document.getElementById("media-list");
  if (!file || !list) return;
  var alt = document.getElementById("media-alt"), err = document.getElementById("media-error");
  var box = document.getElementById("media");

  function add(id, altText) {
    var li = document.createElement("li"), input = document.createElement("input");
    input.type = "hidden"; input.name = "media"; input.value = String(id);
    var img = document.createElement("img");
    img.src = "/media/" + id; img.alt = altText || ""; img.width = 96;
    var rm = document.createElement("button");
    rm.type = "button"; rm.className = "link remove-media"; rm.textContent = box.dataset.remove;
    li.append(input, img, rm);
    list.append(li);
  }

  list.addEventListener("click", function (e) {
    if (e.target.classList.contains("remove-media")) e.target.closest("li").remove();
  });

  file.addEventListener("change", function () {
    if (!file.files.length) return;
    var fd = new FormData();
    fd.append("file", file.files[0]);
    fd.append("alt_text", alt.value);
    err.hidden = true;
    box.setAttribute("aria-busy", "true");
    fetch("/api/media", { method: "POST", body: fd, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        if (!res.ok) throw new Error(res.j.error ? res.j.error.message : "upload failed");
        add(res.j.id, res.j.alt_text);
        file.value = ""; alt.value = "";
      })
      .catch(function (e) { err.textContent = e.message; err.hidden = false; })
      .finally(function () { box.removeAttribute("aria-busy"); });
  });
})();
