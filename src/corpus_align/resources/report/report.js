/* corpus-align review report: filter rows by finding code and severity; accept findings and export the decisions.
   Reads only data-* attributes and text written by the report; no data is embedded in this script. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody.bead"));
  var findings = rows.map(function (row) {
    return Array.prototype.slice.call(row.querySelectorAll("li.finding"));
  });
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-keys]"));
  var only = document.getElementById("only-findings");
  var showAccepted = document.getElementById("show-accepted");
  var counter = document.getElementById("visible-count");

  function ticked(name) {
    var chosen = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name='" + name + "']"), function (box) {
      if (box.checked) { chosen[box.value] = true; }
    });
    return chosen;
  }

  function apply() {
    var codes = ticked("code");
    var severities = ticked("severity");
    var selected = function (code, severity) { return codes[code] === true && severities[severity] === true; };
    var visible = 0;
    rows.forEach(function (row, index) {
      var items = findings[index];
      var shown = 0;
      items.forEach(function (item) {
        var on = selected(item.getAttribute("data-code"), item.getAttribute("data-severity")) &&
          (showAccepted.checked || !item.classList.contains("accepted"));
        item.hidden = !on;
        if (on) { shown += 1; }
      });
      var show = items.length > 0 ? shown > 0 : !only.checked;
      row.hidden = !show;
      if (show) { visible += 1; }
    });
    marks.forEach(function (mark) {
      var on = mark.getAttribute("data-keys").split(" ").some(function (key) {
        var parts = key.split("|");
        return selected(parts[0], parts[1]);
      });
      mark.classList.toggle("off", !on);
    });
    counter.textContent = String(visible);
    document.body.setAttribute("data-visible-rows", String(visible));
  }

  form.addEventListener("change", apply);
  document.addEventListener("corpus-align:accepted", apply);
  form.addEventListener("reset", function (event) {
    // Restore the defaults ourselves so the rows update at once, not after the browser's reset.
    event.preventDefault();
    Array.prototype.forEach.call(form.querySelectorAll("input[type='checkbox']"), function (box) {
      box.checked = box.defaultChecked;
    });
    apply();
  });
  form.hidden = false;
  apply();
}());

/* Accept: each finding's box and reason; Export decisions saves them as JSON lines for `corpus-align accept`.
   A line per finding accepted here, and one with "accepted": false per finding the baseline had accepted and the
   reviewer un-ticked. Findings with the same fingerprint (the same text on two rows) are one decision. */
(function () {
  "use strict";
  var bar = document.getElementById("decisions");
  if (!bar) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("li.finding[data-fingerprint]"));
  var count = document.getElementById("accepted-count");

  function box(item) { return item.querySelector("input.accept-box"); }
  function reason(item) { return item.querySelector("input.accept-reason"); }
  function text(root, selector) {
    var found = root ? root.querySelector(selector) : null;
    return found ? found.textContent : "";
  }
  function sameFinding(item) {
    var fingerprint = item.getAttribute("data-fingerprint");
    return items.filter(function (other) { return other.getAttribute("data-fingerprint") === fingerprint; });
  }
  function update() {
    var accepted = {};
    items.forEach(function (item) {
      var on = box(item).checked;
      item.classList.toggle("accepted", on);
      if (on) { accepted[item.getAttribute("data-fingerprint")] = true; }
    });
    Array.prototype.forEach.call(document.querySelectorAll("tbody.bead.flagged"), function (row) {
      var open = row.querySelectorAll("li.finding:not(.accepted)").length;
      row.classList.toggle("all-accepted", open === 0);
    });
    count.textContent = String(Object.keys(accepted).length);
    document.dispatchEvent(new Event("corpus-align:accepted"));
  }

  items.forEach(function (item) {
    box(item).addEventListener("change", function () {
      var on = box(item).checked;
      sameFinding(item).forEach(function (other) { box(other).checked = on; });
      update();
    });
    reason(item).addEventListener("input", function () {
      var value = reason(item).value;
      sameFinding(item).forEach(function (other) { reason(other).value = value; });
    });
  });

  function decisions() {
    var lines = [];
    var done = {};
    items.forEach(function (item) {
      var fingerprint = item.getAttribute("data-fingerprint");
      var on = box(item).checked;
      var before = item.getAttribute("data-accepted") === "true";
      if (done[fingerprint] || (!on && !before)) { return; }
      done[fingerprint] = true;
      var row = item.closest("tbody.bead");
      var evidence = item.querySelector(".evidence");
      lines.push(JSON.stringify({
        fingerprint: fingerprint,
        code: item.getAttribute("data-code"),
        zh: text(row, "td.zh"),
        en: text(row, "td.en"),
        evidence: { zh: text(evidence, "q[lang='zh']"), en: text(evidence, "q[lang='en']") },
        reason: reason(item).value.trim(),
        accepted: on
      }) + "\n");
    });
    return lines.join("");
  }

  document.getElementById("export-decisions").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([decisions()], { type: "application/x-ndjson" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = bar.getAttribute("data-file");
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked later, not at once: the browser reads the Blob after the click returns.
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  });
  bar.hidden = false;
  update();
}());
