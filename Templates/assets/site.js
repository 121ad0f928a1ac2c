// errwiki pages: copy buttons on commands, and "/" to jump to the search box. No dependencies.
(function () {
  "use strict";
  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text, done); });
    } else {
      fallback(text, done);
    }
  }
  function fallback(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) { /* nothing to do: the text stays selectable */ }
    document.body.removeChild(area);
  }
  document.querySelectorAll(".command").forEach(function (block) {
    var button = block.querySelector("button.copy"), code = block.querySelector("code");
    if (!button || !code) return;
    button.hidden = false;
    button.setAttribute("aria-label", "Copy command");
    button.addEventListener("click", function () {
      copy(code.textContent.replace(/\n$/, ""), function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
    var box = document.getElementById("search") || document.getElementById("home-search") || document.getElementById("header-search");
    if (box) { event.preventDefault(); box.focus(); }
  });
})();
// Code catalog tables: the Code and Name headers sort the rows (numbers by value, hex included).
(function () {
  "use strict";
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("th button[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        var by = button.getAttribute("data-sort"), header = button.parentNode;
        var descending = header.getAttribute("aria-sort") === "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order;
          if (by === "number") {
            var x = a.getAttribute("data-number"), y = b.getAttribute("data-number");
            order = x && y ? Number(x) - Number(y) : x ? -1 : y ? 1 : 0;
            if (order === 0) order = a.cells[0].textContent < b.cells[0].textContent ? -1 : 1;
          } else {
            order = a.cells[1].textContent.toLowerCase() < b.cells[1].textContent.toLowerCase() ? -1 : 1;
          }
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      });
    });
  });
})();
