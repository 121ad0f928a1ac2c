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
