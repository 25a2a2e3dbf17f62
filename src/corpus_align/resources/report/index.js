/* corpus-align batch index: sort the table by a column header. */
(function () {
  "use strict";
  var table = document.querySelector("table.index");
  if (!table) { return; }
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  function key(row, column, numeric) {
    var value = row.cells[column].getAttribute("data-sort");
    if (numeric) {
      var number = parseFloat(value);
      return isNaN(number) ? -Infinity : number;
    }
    return value;
  }

  headers.forEach(function (header, column) {
    var button = header.querySelector("button");
    if (!button) { return; }
    var numeric = header.getAttribute("data-type") === "number";
    button.addEventListener("click", function () {
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, column, numeric);
        var y = key(b, column, numeric);
        var order = x < y ? -1 : (x > y ? 1 : 0);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
}());
