"""In-browser checks of the accessibility sweep: sideways scroll, control contrast, forms.

Each check runs as one ``page.evaluate`` and returns plain data, so the sweep can collect
every failure instead of stopping at the first.
"""

# WCAG 2.1 SC 1.4.11 (non-text contrast): a control's boundary needs 3:1 against what is next
# to it. We measure the border (or outline) against the first non-transparent background
# behind the control, composited up the ancestors onto the white canvas.
CONTROL_CONTRAST_JS = r"""
() => {
  const active = document.activeElement;
  if (active && active !== document.body && active.blur) active.blur();

  function parse(text) {
    let m = text.match(/rgba?\(([^)]+)\)/);
    if (m) {
      const parts = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    }
    m = text.match(/color\(srgb ([^)]+)\)/);
    if (m) {
      const parts = m[1].split(/[\s\/]+/).filter(Boolean).map(Number);
      return [parts[0] * 255, parts[1] * 255, parts[2] * 255, parts.length > 3 ? parts[3] : 1];
    }
    return null;  // an unknown colour syntax is reported, not guessed
  }
  function over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  }
  function backgroundBehind(element) {
    const layers = [];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) break;
      }
    }
    let result = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
    return result;
  }
  function luminance(c) {
    const [r, g, b] = c.slice(0, 3).map(v => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function ratio(a, b) {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  }
  function hex(c) {
    return "#" + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, "0")).join("");
  }
  function describe(el) {
    let text = el.tagName.toLowerCase();
    if (el.type && el.tagName === "INPUT") text += `[type=${el.type}]`;
    if (el.name) text += `[name=${el.name}]`;
    if (el.id) text += `#${el.id}`;
    return text;
  }
  function visible(el) {
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  }

  const SKIP_TYPES = new Set(["hidden", "submit", "button", "reset", "image"]);
  const failures = [];
  for (const el of document.querySelectorAll("input, textarea, select")) {
    if (el.tagName === "INPUT" && SKIP_TYPES.has(el.type)) continue;
    if (el.disabled || el.closest("#djDebug") || !visible(el)) continue;
    const style = getComputedStyle(el);
    const behind = backgroundBehind(el);
    const candidates = [];
    for (const side of ["Top", "Right", "Bottom", "Left"]) {
      if (style[`border${side}Style`] !== "none" && parseFloat(style[`border${side}Width`]) > 0) {
        candidates.push(style[`border${side}Color`]);
      }
    }
    const checkable = el.type === "checkbox" || el.type === "radio";
    if (checkable && style.appearance !== "none" && style.webkitAppearance !== "none") {
      // Chromium draws a native box or circle with its own #767676 edge and ignores ours.
      candidates.length = 0;
      candidates.push("rgb(118, 118, 118)");
    }
    if (!checkable && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) {
      candidates.push(style.outlineColor);
    }
    let best = 0, bestColour = null;
    for (const text of candidates) {
      const colour = parse(text);
      if (!colour) {
        failures.push({control: describe(el), problem: `unreadable colour ${text}`});
        continue;
      }
      const r = ratio(over(colour, behind), behind);
      if (r > best) { best = r; bestColour = over(colour, behind); }
    }
    // A filled control whose own background stands out at 3:1 shows its edge by the fill
    // (WCAG 2.1 "Understanding 1.4.11"): a white select on the dark header needs no border.
    const fill = parse(style.backgroundColor);
    if (fill && fill[3] > 0 && (!checkable || style.appearance === "none")) {
      const filled = over(fill, behind);
      const r = ratio(filled, behind);
      if (r >= 3) continue;
    }
    if (best < 3) {
      failures.push({
        control: describe(el),
        problem: candidates.length
          ? `border ${hex(bestColour)} on ${hex(behind)} is ${best.toFixed(2)}:1 (needs 3:1)`
          : "no visible border or outline",
      });
    }
  }
  return failures;
}
"""

SIDEWAYS_SCROLL_JS = r"""
() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  // Name the widest culprits: the innermost elements that stick out to the right.
  const out = [];
  // The page's own content first: a header laid out to a too-wide page only follows it.
  const inMain = [...document.querySelectorAll("main *")];
  const everywhere = [...document.body.querySelectorAll("*")];
  const stickingOut = el => el.getBoundingClientRect().right > root.clientWidth + 1;
  for (const el of inMain.some(stickingOut) ? inMain : everywhere) {
    const box = el.getBoundingClientRect();
    if (box.right > root.clientWidth + 1 && box.width > 0) {
      const inner = [...el.children].some(c => c.getBoundingClientRect().right > root.clientWidth + 1);
      if (!inner) {
        let name = el.tagName.toLowerCase();
        if (el.id) name += "#" + el.id;
        if (el.className && typeof el.className === "string") {
          name += "." + el.className.trim().split(/\s+/).slice(0, 2).join(".");
        }
        out.push(`${name} (right edge ${Math.round(box.right)}px)`);
      }
    }
    if (out.length >= 3) break;
  }
  if (!out.length) {
    // Nothing sticks out as a box: then text overflows one (a long word or address).
    for (const el of document.body.querySelectorAll("*")) {
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 &&
          getComputedStyle(el).overflowX === "visible" &&
          ![...el.children].some(c => c.scrollWidth > c.clientWidth + 1)) {
        out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" overflows`);
      }
      if (out.length >= 3) break;
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: out};
}
"""

SETTLE_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"

# Forms a visitor fills in: POST forms with a visible field, not the header's language
# switcher or logout button.
FORMS_JS = r"""
() => {
  const SKIP_TYPES = new Set(["hidden", "submit", "button", "reset", "image"]);
  const result = [];
  document.querySelectorAll("form").forEach((form, index) => {
    if ((form.getAttribute("method") || "get").toLowerCase() !== "post") return;
    const action = form.getAttribute("action") || "";
    if (/\/i18n\/setlang\/|\/logout\//.test(action)) return;
    if (form.closest("header, footer, [role=banner], [role=contentinfo]")) return;
    const fields = [...form.elements].filter(el =>
      ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) &&
      !(el.tagName === "INPUT" && SKIP_TYPES.has(el.type)) &&
      el.getClientRects().length > 0);
    if (!fields.length) return;
    result.push({index, action, names: [...new Set(fields.map(f => f.name))].sort()});
  });
  return result;
}
"""

# Empties a form the way a hurried visitor would: required fields first; if the form marks
# none as required, every text field (the server may still insist on one).
EMPTY_FORM_JS = r"""
(index) => {
  const form = document.querySelectorAll("form")[index];
  const fields = [...form.elements].filter(el => el.getClientRects().length > 0);
  let targets = fields.filter(el => el.required);
  const required = targets.length > 0;
  if (!required) targets = fields.filter(el =>
    el.tagName === "TEXTAREA" || (el.tagName === "INPUT" &&
      ["text", "email", "number", "date", "datetime-local", "time", "url", "tel", "search"]
        .includes(el.type)));
  for (const el of targets) {
    if (el.type === "checkbox" || el.type === "radio") el.checked = false;
    else if (el.tagName === "SELECT") el.selectedIndex = [...el.options].findIndex(o => !o.value);
    else if (el.type === "file") el.value = "";
    else el.value = "";
  }
  return {required, emptied: targets.length};
}
"""

SUBMIT_FORM_JS = r"""
(index) => {
  const form = document.querySelectorAll("form")[index];
  const button = form.querySelector("button[type=submit], input[type=submit], button:not([type])");
  if (button) button.click(); else form.requestSubmit();
}
"""

# The error pattern: focus in the summary, "Fejl: " in the title, every invalid field
# described by its error and linked from the summary.
ERROR_PATTERN_JS = r"""
() => {
  const problems = [];
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) problems.push("no [data-error-summary] on the page");
  const active = document.activeElement;
  if (!(active && active.closest && active.closest("[data-error-summary]"))) {
    const name = active ? active.tagName.toLowerCase() + (active.id ? "#" + active.id : "") : "none";
    problems.push(`focus is on ${name}, not in the error summary`);
  }
  if (!document.title.startsWith("Fejl: ")) problems.push(`title is "${document.title}"`);
  const invalid = [...document.querySelectorAll("[aria-invalid=true]")];
  if (!invalid.length && summary) problems.push("no field has aria-invalid=\"true\"");
  const linked = new Set(summary ? [...summary.querySelectorAll("a[href^='#']")]
    .map(a => decodeURIComponent(a.getAttribute("href").slice(1))) : []);
  const byName = new Map();
  const reported = new Set();  // a radio group's inputs share their name and their error
  for (const field of invalid) {
    const group = field.name || field.id;
    if (reported.has(group)) continue;
    reported.add(group);
    const label = field.name || field.id || field.tagName.toLowerCase();
    const ids = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    const texts = ids.map(id => document.getElementById(id)).filter(Boolean)
      .map(el => el.textContent.trim()).filter(Boolean);
    if (!ids.length) problems.push(`${label}: aria-invalid without aria-describedby`);
    else if (!texts.length) problems.push(`${label}: aria-describedby="${ids.join(" ")}" names no element with text`);
    byName.set(group, invalid.filter(f => (f.name || f.id) === group).map(f => f.id));
  }
  if (summary) {
    for (const [name, ids] of byName) {
      if (!ids.some(id => id && linked.has(id))) problems.push(`${name}: no link to it in the error summary`);
    }
  }
  return problems;
}
"""


def control_contrast_failures(page) -> list[tuple[str, str]]:
    return [(f["control"], f["problem"]) for f in page.evaluate(CONTROL_CONTRAST_JS)]


def sideways_scroll(page) -> str | None:
    found = page.evaluate(SIDEWAYS_SCROLL_JS)
    if not found:
        return None
    return f"scrollWidth {found['scrollWidth']} > clientWidth {found['clientWidth']}" + (
        f"; sticking out: {', '.join(found['culprits'])}" if found["culprits"] else ""
    )
