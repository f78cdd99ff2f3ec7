// Keeps what a user types in a <form data-draft-key="..."> in this browser (localStorage), so
// that nothing is lost when saving fails (the server or its database is down) or the page is
// closed. The draft is restored on the next visit, with a note and a button to discard it,
// and forgotten once the server has saved the text: the page it then shows carries an
// element with data-draft-clear="<key>" (see templates/includes/messages.html).
// Drafts belong to one user (data-draft-owner), are kept at most a week, and are all
// forgotten when the user logs out (a form with data-draft-forget-all): a shared computer
// keeps nobody's words.
(function () {
  "use strict";

  var PREFIX = "portal-draft:";
  var MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
  var TEXT_INPUTS = /^(text|search|email|url|tel|number|date)$/;

  function store() {
    try {
      var storage = window.localStorage;
      storage.getItem(PREFIX);
      return storage;
    } catch (error) {
      return null; // storage switched off: the form works as before, without drafts
    }
  }

  function storageKey(owner, key) {
    return PREFIX + (owner || "") + ":" + key;
  }

  function read(storage, key) {
    try {
      var draft = JSON.parse(storage.getItem(key));
      if (draft && draft.values && Date.now() - draft.savedAt < MAX_AGE_MS) {
        return draft;
      }
    } catch (error) {
      // an unreadable draft is dropped below
    }
    storage.removeItem(key);
    return null;
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      if (!field.name || field.disabled || field.name === "csrfmiddlewaretoken") {
        return false;
      }
      if (field.tagName === "TEXTAREA" || field.tagName === "SELECT") {
        return true;
      }
      return field.tagName === "INPUT" && TEXT_INPUTS.test(field.type);
    });
  }

  function valuesOf(list) {
    var values = {};
    list.forEach(function (field) {
      values[field.name] = field.value;
    });
    return values;
  }

  function fill(list, values) {
    list.forEach(function (field) {
      if (Object.prototype.hasOwnProperty.call(values, field.name)) {
        field.value = values[field.name];
        // Other scripts (the character counter) follow the restored text.
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  }

  function differs(list, values) {
    return list.some(function (field) {
      return (
        Object.prototype.hasOwnProperty.call(values, field.name) &&
        values[field.name] !== field.value
      );
    });
  }

  function note(form, onDiscard) {
    var box = document.createElement("div");
    box.className = "alert alert-info d-flex flex-wrap align-items-center gap-2";
    box.setAttribute("role", "status");
    box.setAttribute("data-draft-note", "");
    var text = document.createElement("span");
    text.textContent = form.dataset.draftRestored;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-sm btn-outline-dark";
    button.textContent = form.dataset.draftDiscard;
    button.addEventListener("click", function () {
      onDiscard();
      box.remove();
      var first = fields(form)[0];
      if (first) {
        first.focus();
      }
    });
    box.appendChild(text);
    box.appendChild(button);
    form.parentNode.insertBefore(box, form);
  }

  function setUp(form, storage) {
    var key = storageKey(form.dataset.draftOwner, form.dataset.draftKey);
    var list = fields(form);
    // What the server sent: nothing to keep while the fields still hold it.
    var original = valuesOf(list);
    var draft = read(storage, key);
    if (draft && differs(list, draft.values)) {
      fill(list, draft.values);
      note(form, function () {
        fill(list, original);
        storage.removeItem(key);
      });
    }

    function save() {
      var values = valuesOf(list);
      if (!differs(list, original)) {
        storage.removeItem(key);
        return;
      }
      try {
        storage.setItem(key, JSON.stringify({ values: values, savedAt: Date.now() }));
      } catch (error) {
        // storage full: nothing more we can do here
      }
    }

    form.addEventListener("input", save);
    form.addEventListener("change", save);
  }

  function forgetAll(storage) {
    var keys = [];
    for (var index = 0; index < storage.length; index += 1) {
      if ((storage.key(index) || "").indexOf(PREFIX) === 0) {
        keys.push(storage.key(index));
      }
    }
    keys.forEach(function (key) {
      storage.removeItem(key);
    });
  }

  function start() {
    var storage = store();
    if (!storage) {
      return;
    }
    document.querySelectorAll("form[data-draft-forget-all]").forEach(function (form) {
      form.addEventListener("submit", function () {
        forgetAll(storage);
      });
    });
    document.querySelectorAll("[data-draft-clear]").forEach(function (element) {
      storage.removeItem(storageKey(element.dataset.draftOwner, element.dataset.draftClear));
    });
    document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
      setUp(form, storage);
    });
  }

  start();
})();
