/* Sort and filter the follow-up and statistics tables in the browser.
 *
 * Progressive enhancement: without JavaScript the tables are complete and readable and
 * the filter form stays hidden. A header cell becomes a button that sorts by the cells'
 * data-sort values, else their <time>'s datetime, else their text (numbers when the header
 * has data-numeric); the filter form named by data-pb-filter shows rows whose name
 * matches the search (accents and đ optional) and whose data-<name> attribute equals each
 * chosen <select> value.
 */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function sortKey(row, index) {
    var cell = row.cells[index];
    if (!cell) {
      return "";
    }
    if (cell.hasAttribute("data-sort")) {
      return cell.getAttribute("data-sort");
    }
    var time = cell.querySelector("time[datetime]");
    return time ? time.getAttribute("datetime") : cell.textContent.trim();
  }

  function compare(first, second, numeric) {
    if (numeric) {
      // Figures are written the Vietnamese way (1.250.000): drop the thousands dots.
      var x = parseFloat(first.replace(/\./g, ""));
      var y = parseFloat(second.replace(/\./g, ""));
      return (isNaN(x) ? -Infinity : x) - (isNaN(y) ? -Infinity : y);
    }
    return first.localeCompare(second, "vi", { sensitivity: "base", numeric: true });
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies.length) {
      return;
    }
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pb-sort";
      button.title = "Sắp xếp theo cột này";
      while (header.firstChild) {
        button.appendChild(header.firstChild);
      }
      header.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute("aria-sort");
        });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = header.hasAttribute("data-numeric");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = compare(sortKey(a, index), sortKey(b, index), numeric);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
  }

  function makeFilterable(form) {
    var table = document.getElementById(form.getAttribute("data-pb-filter"));
    if (!table || !table.tBodies.length) {
      return;
    }
    var rows = table.tBodies[0].rows;
    var count = form.querySelector("[data-pb-count]");
    var search = form.querySelector("input[name=don-vi]");
    var selects = form.querySelectorAll("select");

    function apply() {
      var query = search ? fold(search.value.trim()) : "";
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var visible = !query || fold(row.cells[0].textContent).indexOf(query) !== -1;
        Array.prototype.forEach.call(selects, function (select) {
          if (select.value && row.getAttribute("data-" + select.name) !== select.value) {
            visible = false;
          }
        });
        row.hidden = !visible;
        shown += visible ? 1 : 0;
      });
      if (count) {
        count.textContent = "Đang hiển thị " + shown + " / " + rows.length + " đơn vị";
      }
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-pb-sortable]"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll("form[data-pb-filter]"), makeFilterable);
})();
