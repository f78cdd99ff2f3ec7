// A character counter for textareas with data-character-count="<counter id>".
// It replaces a maxlength attribute, at which browsers silently cut pasted text:
// the member sees how far over the limit the text is, and the server refuses it.
(function () {
  "use strict";

  // The visible counter changes on every keystroke; the polite live region is
  // only updated once typing pauses, so a screen reader is not interrupted by
  // a number for each letter.
  var ANNOUNCE_AFTER_MS = 1000;
  var lang = document.documentElement.lang || "da";
  var numbers = new Intl.NumberFormat(lang);

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  function setUp(textarea) {
    var counter = document.getElementById(textarea.dataset.characterCount);
    if (!counter) {
      return;
    }
    var status = document.querySelector(
      '[data-character-count-status="' + counter.id + '"]'
    );
    var limit = parseInt(counter.dataset.limit, 10);
    var timer = null;

    function message() {
      // Code points, as the server counts them (an emoji is one character).
      var count = Array.from(textarea.value).length;
      var text = fill(counter.dataset.text, {
        count: numbers.format(count),
        limit: numbers.format(limit),
      });
      var over = count - limit;
      if (over > 0) {
        // Said in words, not only shown in colour.
        text += " – " + fill(counter.dataset.over, { over: numbers.format(over) });
      }
      return { text: text, over: over > 0 };
    }

    function update() {
      var result = message();
      counter.textContent = result.text;
      counter.classList.toggle("text-danger", result.over);
      counter.classList.toggle("fw-bold", result.over);
      if (status) {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          status.textContent = result.text;
        }, ANNOUNCE_AFTER_MS);
      }
    }

    counter.hidden = false;
    textarea.addEventListener("input", update);
    var first = message();
    counter.textContent = first.text;
    counter.classList.toggle("text-danger", first.over);
    counter.classList.toggle("fw-bold", first.over);
  }

  document.querySelectorAll("textarea[data-character-count]").forEach(setUp);
})();
