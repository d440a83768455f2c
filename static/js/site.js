// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so keyboard and screen-reader users land on it.
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
  // Stop a second click from sending a form twice while the first is on its way.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.submitting === "true") {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "true";
  });
  // A live word count under answers that have a word limit (the limit is enforced on the server).
  document.querySelectorAll("textarea[data-word-limit]").forEach(function (area) {
    var limit = parseInt(area.getAttribute("data-word-limit"), 10);
    var counter = document.createElement("p");
    counter.className = "word-count";
    counter.id = area.id + "_count";
    counter.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", counter);
    var template = area.getAttribute("data-word-count-text") || "{count} of {limit} words";
    function update() {
      var words = area.value.trim() ? area.value.trim().split(/\s+/).length : 0;
      counter.textContent = template.replace("{count}", words).replace("{limit}", limit);
      counter.classList.toggle("word-count--over", words > limit);
    }
    area.addEventListener("input", update);
    update();
  });
  // Coming back with the browser's back button must leave forms usable.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitting]").forEach(function (form) {
      delete form.dataset.submitting;
    });
  });
})();
