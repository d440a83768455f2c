/*
 * The Wagtail admin: names for the inputs and buttons of three widgets that Wagtail 8 leaves
 * without one (axe: aria-input-field-name, label, button-name).
 *
 * - Draftail's rich text box (a contenteditable role="textbox"): the field's <label> points at
 *   the hidden input it replaces, and a StreamField paragraph has only its block's heading
 *   (wagtail/wagtail#14205). It gets aria-labelledby: the field's label, or the block's type.
 * - The tag field's text input, which the tag widget adds beside the hidden input the label
 *   points at (images and documents): aria-labelledby, the field's label.
 * - The date picker's buttons (previous and next month, today, earlier and later times), which
 *   are empty: aria-label, from the translated names the script tag carries (data-labels).
 *
 * Loaded on every admin page (cms/wagtail_hooks.py); remove a part once Wagtail does it itself.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var labels = JSON.parse((script && script.dataset.labels) || "{}");
  var count = 0;

  function fieldLabel(box) {
    var field = box.closest(".w-field");
    var hidden = field && field.querySelector("input[id]");
    var label = hidden && document.querySelector('label[for="' + CSS.escape(hidden.id) + '"]');
    if (!label) {
      var block = box.closest("section[data-panel]");
      label = block && block.querySelector(".c-sf-block__type");
    }
    if (label && !label.id) {
      count += 1;
      label.id = "field-name-" + count;
    }
    return label;
  }

  function unnamed(element) {
    return !element.hasAttribute("aria-labelledby") && !element.hasAttribute("aria-label");
  }

  var PICKER_BUTTONS = [
    [".xdsoft_monthpicker .xdsoft_prev", "previousMonth"],
    [".xdsoft_monthpicker .xdsoft_next", "nextMonth"],
    [".xdsoft_monthpicker .xdsoft_today_button", "today"],
    [".xdsoft_timepicker .xdsoft_prev", "earlierTimes"],
    [".xdsoft_timepicker .xdsoft_next", "laterTimes"],
  ];

  function nameAll() {
    document
      .querySelectorAll('.public-DraftEditor-content[role="textbox"], .tagit input.ui-autocomplete-input')
      .forEach(function (box) {
        var label = unnamed(box) && fieldLabel(box);
        if (label) {
          box.setAttribute("aria-labelledby", label.id);
        }
      });
    PICKER_BUTTONS.forEach(function (pair) {
      document.querySelectorAll(".xdsoft_datetimepicker " + pair[0]).forEach(function (button) {
        if (unnamed(button) && labels[pair[1]]) {
          button.setAttribute("aria-label", labels[pair[1]]);
        }
      });
    });
  }

  var pending = false;
  function soon() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        nameAll();
      });
    }
  }

  function start() {
    nameAll();
    new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
