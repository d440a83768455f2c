// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so keyboard and screen-reader users land on it.
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
  // A wizard step shown in answer to the previous step's form (nominations/wizard/views.py):
  // the address bar shows the step's own address, so a reload asks for this step again
  // instead of offering to send the previous one once more.
  var step = document.querySelector("form[data-step-address]");
  if (step && window.history.replaceState) {
    var address = step.dataset.stepAddress;
    if (address && address !== window.location.pathname + window.location.search) {
      window.history.replaceState(null, "", address);
    }
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
  // Words counted as the server counts them (nominations/validators.py, count_words): white
  // space and Ethiopic punctuation (the wordspace U+1361 to U+1368) separate words; each Chinese
  // or Japanese character is a word; Thai, Lao, Myanmar and Khmer count one word per five
  // letters; any other run counts when it has a letter or a digit.
  var SEPARATORS =
    /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u1361-\u1368]+/u;
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  var UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u;
  var LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
  var LETTERS_PER_WORD = 5;
  function countWords(text) {
    var words = 0;
    text.split(SEPARATORS).forEach(function (chunk) {
      var run = [];
      var runKind = null;
      function flush() {
        if (!run.length) return 0;
        if (runKind === "unspaced") return Math.ceil(run.length / LETTERS_PER_WORD);
        return run.some(function (c) { return LETTER_OR_DIGIT.test(c); }) ? 1 : 0;
      }
      Array.from(chunk).forEach(function (character) {
        if (CJK.test(character)) {
          words += flush() + 1;
          run = [];
          runKind = null;
          return;
        }
        var kind = UNSPACED.test(character) ? "unspaced" : "spaced";
        if (kind !== runKind) {
          words += flush();
          run = [];
          runKind = kind;
        }
        run.push(character);
      });
      words += flush();
    });
    return words;
  }
  window.cxCountWords = countWords; // for the tests that compare it with the server's count
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
      var words = countWords(area.value);
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
