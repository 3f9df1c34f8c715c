// Long tables of a report, searchable and sortable offline. The page's only script, allowed by
// its hash in the page's Content-Security-Policy; it reads cells as text (textContent) and never
// writes HTML, so whatever an article holds stays text.
(function () {
  "use strict";
  function cellValue(row, column) {
    var cell = row.cells[column];
    var text = cell ? cell.textContent.trim() : "";
    var number = Number(text.replace(/,/g, "").replace(/^< ?/, ""));
    return { text: text, number: text !== "" && !isNaN(number) ? number : null };
  }
  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, column), y = cellValue(b, column), order;
      if (x.number !== null && y.number !== null) order = x.number - y.number;
      else order = x.text.localeCompare(y.text, "zh");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function enhance(table) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      th.classList.add("sortable");
      th.title = "Sort by this column";
      th.addEventListener("click", function () { sortBy(table, column, th); });
    });
    var box = document.createElement("input");
    box.type = "search";
    box.className = "table-search";
    box.placeholder = "Search this table (" + table.tBodies[0].rows.length + " rows)";
    box.addEventListener("input", function () {
      var wanted = box.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = wanted !== "" && row.textContent.toLowerCase().indexOf(wanted) < 0;
      });
    });
    table.parentNode.insertBefore(box, table);
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.interactive"), enhance);
})();
