// Small progressive enhancements shared by every page. The pages work without this file.
(function () {
  "use strict";

  // The header menu (<details data-portal-menu>) is always open on wide screens; on phones it
  // stays behind its "Menu" button. data-menu-static tells portal.css to lay it out inline.
  function setUpMenu() {
    var menu = document.querySelector("[data-portal-menu]");
    if (!menu || !window.matchMedia) {
      return;
    }
    var wide = window.matchMedia("(min-width: 768px)");
    function apply() {
      if (wide.matches) {
        menu.open = true;
        menu.setAttribute("data-menu-static", "");
      } else {
        menu.removeAttribute("data-menu-static");
        menu.open = false;
      }
    }
    apply();
    if (wide.addEventListener) {
      wide.addEventListener("change", apply);
    }
  }

  // A form with errors starts with its error summary: move the focus there, so that a screen
  // reader reads it and a keyboard user starts from the list of links to the fields.
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  // Stacked tables (table.portal-stack) label each cell with its column header on phones.
  function labelTableCells() {
    document.querySelectorAll("table.portal-stack").forEach(function (table) {
      var headers = Array.prototype.map.call(
        table.querySelectorAll("thead th"),
        function (th) { return th.textContent.trim(); }
      );
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (headers[index] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", headers[index]);
          }
        });
      });
      table.setAttribute("data-labelled", "");
    });
  }

  function start() {
    setUpMenu();
    labelTableCells();
    focusErrorSummary();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
