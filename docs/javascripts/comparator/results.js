// The engine's result for the combinations in which everyone holds the same package, as tables, a
// stacked bar chart (premium + out-of-pocket, drawn here as SVG) and per line the explanation with
// a link to its article. One element per combination carries the contract's data-* hooks: the
// summary table's row. None of them is called the cheapest: that is the household's plan in the
// answer card, which may give each person another package.

import { el, euro, plain, svg } from "./dom.js";
import { PACKAGE, planName } from "./plan.js";
import { say } from "./words.js";

const STATUS = { covered: say("volledig vergoed"), partial: say("deels vergoed"), not_covered: say("niet vergoed"), unknown: say("onbekend") };

/** "Primair + tandarts Royaal" or "Ideaal, zonder tandarts"; a share link's plan with packages per
 * person (contract v2: its top `av` is null) by what each adult holds. */
const combinationName = (result, profile, household) => {
  if (!result.av) return planName(result, profile, household);
  return result.dental
    ? say("{av} + tandarts {dental}", { av: PACKAGE(result.av), dental: PACKAGE(result.dental) })
    : say("{av}, zonder tandarts", { av: PACKAGE(result.av) });
};

/** One sentence above the namesake combinations; `ranked` false: no adult, so no package to choose. */
export function summarize(results, ranked = true) {
  const count = say(results.length === 1 ? "{n} combinatie berekend." : "{n} combinaties berekend.", { n: results.length });
  if (!ranked) return say("{count} Zonder volwassene is er geen pakket te kiezen: een kind volgt de ouder.", { count });
  const known = results.filter((r) => r.total_year !== null).length;
  if (!known) return say("{count} Het totaal per jaar is onbekend: vul de ontbrekende premies in.", { count });
  // A share link may also compare plans with packages per person (contract v2): named by person.
  if (results.some((r) => !r.av)) return say("{count} Een plan met pakketten per persoon heet naar wat elke volwassene neemt.", { count });
  return say("{count} Hier neemt iedereen in het huishouden hetzelfde pakket; een kind volgt de ouder.", { count });
}

function scroller(label, table) {
  return el("div", { class: "cmp-scroll", role: "region", "aria-label": label, tabindex: 0 }, table);
}

// The cost table's columns. On a phone its rows are laid out as blocks (comparator.css): each value
// then shows its column's name (hidden from screen readers, which have the header), and explicit
// roles keep the blocks a table for them.
const COLUMNS = ["Totaal per jaar", "Premie per jaar", "Zelf betalen", "Vergoed"].map((name) => say(name));
const cell = (column, value, attributes = {}) =>
  el("td", { role: "cell", ...attributes }, el("span", { class: "cmp-cell-label", "aria-hidden": "true" }, COLUMNS[column]), value);

function summaryTable(results, names) {
  const rows = results.map((r, i) =>
    el(
      "tr",
      {
        role: "row",
        "data-av": r.av ?? "",
        "data-dental": r.dental ?? "",
        "data-reimbursed": plain(r.reimbursed),
        "data-out-of-pocket": plain(r.out_of_pocket),
        "data-premium-year": plain(r.premium_year),
        "data-total-year": plain(r.total_year),
        "data-complete": String(r.complete),
      },
      el(
        "th",
        { scope: "row", role: "rowheader" },
        names[i],
        !r.complete && el("span", { class: "cmp-badge cmp-badge--unknown" }, say("Onvolledig")),
      ),
      cell(0, euro(r.total_year), { class: "cmp-total" }),
      cell(1, euro(r.premium_year)),
      cell(2, euro(r.out_of_pocket)),
      cell(3, euro(r.reimbursed)),
    ),
  );
  return scroller(
    say("Kosten per combinatie"),
    el(
      "table",
      { class: "cmp-summary", role: "table" },
      el("caption", {}, say("Als iedereen hetzelfde pakket neemt: per combinatie, voor het hele huishouden, in 2020")),
      el(
        "thead",
        { role: "rowgroup" },
        el("tr", { role: "row" }, [say("Combinatie"), ...COLUMNS].map((h) => el("th", { scope: "col", role: "columnheader" }, h))),
      ),
      el("tbody", { role: "rowgroup" }, rows),
    ),
  );
}

function chart(results, names) {
  // One stacked bar per combination, all on the same scale; the text stays HTML so it keeps its
  // size on a phone, the bars are SVG that stretches to the width. A combination whose premium is
  // unknown must not look cheap: its premium part fills the rest of the width, marked unknown.
  const max = Math.max(1, ...results.map((r) => (r.premium_year ?? 0) + r.out_of_pocket));
  const share = (amount) => (1000 * amount) / max;
  const unknown = results.some((r) => r.premium_year === null);
  const rows = results.map((r, i) => {
    const own = share(r.out_of_pocket);
    const premium = r.premium_year === null ? 1000 - own : share(r.premium_year);
    const total = r.total_year === null ? say("premie onbekend + {own} zelf", { own: euro(r.out_of_pocket) }) : euro(r.total_year);
    const kind = r.total_year === null ? " cmp-chart-row--unknown" : "";
    return el(
      "div",
      { class: `cmp-chart-row${kind}` },
      el("span", {}, `${names[i]}: ${total}`),
      svg(
        "svg",
        { viewBox: "0 0 1000 10", preserveAspectRatio: "none", "aria-hidden": "true", focusable: "false" },
        svg("rect", { x: 0, y: 0, width: premium, height: 10, class: r.premium_year === null ? "cmp-bar-unknown" : "cmp-bar-premium" }),
        svg("rect", { x: premium, y: 0, width: own, height: 10, class: "cmp-bar-own" }),
      ),
    );
  });
  return el(
    "figure",
    { class: "cmp-chart" },
    rows,
    el(
      "figcaption",
      {},
      say("Totaal per jaar: "),
      el("span", { class: "cmp-key cmp-bar-premium" }),
      say(" premie "),
      el("span", { class: "cmp-key cmp-bar-own" }),
      say(" zelf betalen"),
      unknown && [el("span", { class: "cmp-key cmp-bar-unknown" }), say(" premie onbekend (kan elk bedrag zijn)")],
    ),
  );
}

function lineLabel(person, p, line, item) {
  const who = person.name ? `${person.name}` : say("Persoon {n}", { n: p + 1 });
  const count = line.count && line.count !== 1 ? `${line.count} × ${euro(line.price)}` : euro(line.price);
  return [el("span", { class: "cmp-who" }, `${who}: `), item?.title ?? line.id, el("span", { class: "cmp-cost" }, ` (${count})`)];
}

// On a phone the per-line table is laid out as blocks too (comparator.css): each care line, then
// each combination on its own line, named from its cell's data-combination. The explicit roles
// keep it a table for screen readers, which read the column header instead.
function linesTable(results, names, profile, catalogue) {
  const rows = profile.persons.flatMap((person, p) =>
    (person.care ?? []).map((line, l) => {
      const cells = results.map((r) => r.persons[p].lines[l]);
      const amounts = cells.map((c) => c.reimbursed);
      const top = Math.max(...amounts);
      const differs = Math.min(...amounts) !== top;
      return el(
        "tr",
        { role: "row" },
        el("th", { scope: "row", role: "rowheader" }, lineLabel(person, p, line, catalogue.get(line.id))),
        cells.map((c, i) =>
          el(
            "td",
            {
              role: "cell",
              "data-combination": names[i],
              class: `cmp-status-${c.status}${differs && c.reimbursed === top ? " cmp-best" : ""}`,
            },
            el("span", { class: "cmp-amount" }, c.status === "unknown" ? say("onbekend") : euro(c.reimbursed)),
            el("span", { class: "cmp-status" }, STATUS[c.status]),
          ),
        ),
      );
    }),
  );
  if (!rows.length) return el("p", {}, say("Nog geen zorg ingevuld: alleen de premie telt. Voeg hierboven zorg toe."));
  return scroller(
    say("Vergoeding per zorgregel"),
    el(
      "table",
      { class: "cmp-lines-table", role: "table" },
      el("caption", {}, say("Vergoed per zorgregel; vet is het hoogste bedrag waar pakketten verschillen")),
      el(
        "thead",
        { role: "rowgroup" },
        el(
          "tr",
          { role: "row" },
          el("th", { scope: "col", role: "columnheader" }, say("Zorg")),
          names.map((name) => el("th", { scope: "col", role: "columnheader" }, name)),
        ),
      ),
      el("tbody", { role: "rowgroup" }, rows),
    ),
  );
}

function explanations(results, names, profile, catalogue, link, open) {
  return results.map((r, i) =>
    el(
      "details",
      { class: "cmp-detail", open: open.has(i), ontoggle: (e) => (e.target.open ? open.add(i) : open.delete(i)) },
      el("summary", {}, say("{name}: {reimbursed} vergoed, {own} zelf", { name: names[i], reimbursed: euro(r.reimbursed), own: euro(r.out_of_pocket) })),
      el(
        "ul",
        {},
        profile.persons.flatMap((person, p) =>
          r.persons[p].lines.map((line, l) => {
            const item = catalogue.get(line.id);
            const dental = item?.kind === "dental" ? r.persons[p].dental : null;
            return el(
              "li",
              { class: `cmp-status-${line.status}` },
              el("strong", {}, lineLabel(person, p, profile.persons[p].care[l], item)),
              line.status === "unknown" && el("span", { class: "cmp-badge cmp-badge--unknown" }, say("Onbekend")),
              say(" {reimbursed} vergoed, {own} zelf ({status}). ", { reimbursed: euro(line.reimbursed), own: euro(line.out_of_pocket), status: STATUS[line.status] }),
              line.explanation,
              " ",
              el("a", { href: link(line.article, dental) }, say("Artikel {article}", { article: line.article })),
            );
          }),
        ),
      ),
    ),
  );
}

/** The output for a result; `profile` is the profile it was computed from (names, counts, prices). */
export function renderResults(result, profile, { catalogue, link, open, household, ranked = true }) {
  const results = result.results;
  const names = results.map((r) => combinationName(r, profile, household));
  const incomplete = results.some((r) => !r.complete);
  const unknownPremium = results.some((r) => r.premium_year === null);
  return el(
    "div",
    { class: "cmp-output" },
    // The answer card above ranks plans per person; here everyone holds the same combination.
    el("h3", {}, say("Als iedereen hetzelfde pakket neemt")),
    el("p", { class: "cmp-combinations-summary" }, summarize(results, ranked)),
    summaryTable(results, names),
    incomplete && el("p", { class: "cmp-note" }, say("Onvolledig: van een of meer zorgregels is de vergoeding onbekend; die tellen als niet vergoed. De toelichting zegt waarom.")),
    unknownPremium && el("p", { class: "cmp-note" }, say("Van een of meer pakketten is de premie 2020 niet bekend. Vul die in bij 'Premies aanpassen' voor een totaal.")),
    chart(results, names),
    el("h3", {}, say("Wat wordt vergoed per zorgregel?")),
    linesTable(results, names, profile, catalogue),
    el("h3", {}, say("Toelichting en artikelen")),
    explanations(results, names, profile, catalogue, link, open),
  );
}
