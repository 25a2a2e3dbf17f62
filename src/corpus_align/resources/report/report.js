/* corpus-align review report: filter rows by finding code and severity.
   Reads only data-* attributes written by the report; no data is embedded in this script. */
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
        var on = selected(item.getAttribute("data-code"), item.getAttribute("data-severity"));
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
