// Filters the comparison table (vergelijkingstabel) by theme and by text, in the page.
// Material's instant navigation swaps pages without a reload, so this runs on every page
// change via `document$` rather than once on DOMContentLoaded.
document$.subscribe(function () {
  var form = document.querySelector("[data-matrix-filter]");
  if (!form) return;
  var tables = document.querySelectorAll("[data-matrix]");
  var count = form.querySelector("[data-matrix-count]");
  var empty = document.querySelector("[data-matrix-empty]");
  // Accents and case do not matter: "acne" finds "Acnébehandeling".
  var fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };

  function apply() {
    var theme = form.elements.thema.value;
    var words = fold(form.elements.tekst.value).split(/\s+/).filter(Boolean);
    var shown = 0, total = 0;
    tables.forEach(function (table) {
      var visibleThemes = {};
      table.querySelectorAll("tr[data-care]").forEach(function (row) {
        var text = fold(row.dataset.words + " " + row.textContent);
        var match = (!theme || row.dataset.theme === theme) &&
          words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        total += 1;
        if (match) { shown += 1; visibleThemes[row.dataset.theme] = true; }
      });
      table.querySelectorAll("tr.pv-theme-row").forEach(function (row) {
        row.hidden = !visibleThemes[row.dataset.theme];
      });
      var wrap = table.closest(".pv-matrix-wrap");
      wrap.hidden = Object.keys(visibleThemes).length === 0;
      // The section's heading ("Tandartsverzekeringen") and the premiums shown above the table on a
      // phone go with the table.
      var before = wrap.previousElementSibling;
      if (before && before.classList.contains("pv-matrix-premiums")) {
        before.hidden = wrap.hidden;
        before = before.previousElementSibling;
      }
      if (before && /^H[2-6]$/.test(before.tagName)) before.hidden = wrap.hidden;
    });
    count.textContent = shown + " van " + total + " rijen";
    if (empty) empty.hidden = shown > 0;
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  // Enter in the text field filters; it must not submit the form (no inline handler: CSP).
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
});
