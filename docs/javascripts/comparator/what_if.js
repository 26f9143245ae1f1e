// "Wat als?": for a care line the visitor picks, the household's cheapest plan over every candidate
// at each quantity of the line (sessions or euros) and the stretches where each plan is the
// cheapest ("Vanaf € 558,76: Anna: Excellent; Bas: alleen tandarts Primair"), beside today's best
// plans' totals, as a small SVG line chart with the same figures in a table, and the engine's
// crossings as sentences. Every plan is named by what its persons hold. The figures come from the
// engine (answer_json's what_if: `cheapest`, `changes`, `totals`, `crossings`); only plans with a
// known total are drawn (best_plans never ranks an unknown premium).

import { el, euro, svg, uid } from "./dom.js";
import { planName } from "./plan.js";
import { english, say } from "./words.js";

const PLURAL = english
  ? { behandeling: "treatments", consult: "consultations", uur: "hours", dag: "days", keer: "times" }
  : { behandeling: "behandelingen", consult: "consulten", uur: "uur", dag: "dagen", keer: "keer" };
const WHOLE_EUROS = english ? ".00" : ",00";
const WIDTH = 400;
const HEIGHT = 220;
const PAD = { left: 66, right: 12, top: 12, bottom: 40 };
const STYLES = ["cmp-line-1", "cmp-line-2", "cmp-line-3"]; // colour and dash: told apart without colour too

const keyLine = (className) => svg("svg", { viewBox: "0 0 30 10", "aria-hidden": "true", focusable: "false" }, svg("line", { x1: 0, x2: 30, y1: 5, y2: 5, class: className }));

/** A plan from the contract's data-plan code ("royaal+none,none+primair"). */
const fromCode = (code) => ({
  persons: code.split(",").map((holding) => {
    const [av, dental] = holding.split("+").map((id) => (id === "none" ? null : id));
    return { av, dental };
  }),
});

function quantityText(whatIf, value) {
  if (whatIf.quantity === "amount") return whatIf.count > 1 ? say("een prijs van {amount} per keer", { amount: euro(value) }) : say("{amount} aan kosten", { amount: euro(value) });
  const unit = whatIf.unit ?? "keer";
  return `${value} ${value === 1 ? say(unit) : (PLURAL[unit] ?? unit)}`;
}

/** Where each plan is the cheapest, over the whole range shown (the engine's `changes`, exact). */
export function stretchSentences(whatIf, name) {
  const [first] = whatIf.cheapest;
  if (!whatIf.changes.length) return [say("In dit hele bereik is het goedkoopst: {plan}.", { plan: name(first.plan) })];
  return [
    say("Onder {from}: {plan}.", { from: quantityText(whatIf, whatIf.changes[0].from), plan: name(first.plan) }),
    ...whatIf.changes.map((change) => say("Vanaf {from}: {plan}.", { from: quantityText(whatIf, change.from), plan: name(change.plan) })),
  ];
}

/** The engine's crossings as sentences. */
export function crossingSentences(whatIf, labels) {
  return whatIf.crossings.map(
    (crossing) =>
      say("Vanaf {from} is {cheaper} goedkoper dan {than}.", { from: quantityText(whatIf, crossing.from), cheaper: labels[crossing.cheaper], than: labels[crossing.than] }),
  );
}

function chart(whatIf, titleId) {
  const xs = whatIf.points;
  const all = [...whatIf.totals.flat(), ...whatIf.cheapest.map((point) => point.total_year)];
  const lowest = Math.min(...all);
  const highest = Math.max(lowest + 1, ...all);
  // A little room below and above, so that no line runs along an axis.
  const low = lowest - (highest - lowest) * 0.06;
  const high = highest + (highest - lowest) * 0.04;
  const x = (value) => PAD.left + ((WIDTH - PAD.left - PAD.right) * value) / (xs.at(-1) || 1);
  const y = (value) => HEIGHT - PAD.bottom - ((HEIGHT - PAD.top - PAD.bottom) * (value - low)) / (high - low);
  const ticks = [0, 0.5, 1].map((f) => xs.at(-1) * f);
  const yTicks = [lowest, (lowest + highest) / 2, highest];
  const short = (value) => (whatIf.quantity === "amount" ? euro(value).replace(WHOLE_EUROS, "") : String(Math.round(value)));
  return svg(
    "svg",
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "cmp-what-if-chart", role: "img", "aria-labelledby": titleId, focusable: "false" },
    svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: HEIGHT - PAD.bottom, y2: HEIGHT - PAD.bottom, class: "cmp-axis" }),
    svg("line", { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: HEIGHT - PAD.bottom, class: "cmp-axis" }),
    ticks.map((t, i) => svg("text", { x: x(t), y: HEIGHT - PAD.bottom + 14, "text-anchor": ["start", "middle", "end"][i] }, short(t))),
    yTicks.map((t) => svg("text", { x: PAD.left - 4, y: y(t) + 4, "text-anchor": "end" }, euro(Math.round(t)).replace(WHOLE_EUROS, ""))),
    svg("text", { x: (PAD.left + WIDTH) / 2, y: HEIGHT - 4, "text-anchor": "middle" }, whatIf.quantity === "count" ? say("aantal {units}", { units: PLURAL[whatIf.unit] ?? whatIf.unit ?? PLURAL.keer }) : whatIf.count > 1 ? say("prijs per keer ({n} keer)", { n: whatIf.count }) : say("kosten van deze zorg")),
    // Where the visitor is now.
    svg("line", { x1: x(whatIf.current), x2: x(whatIf.current), y1: PAD.top, y2: HEIGHT - PAD.bottom, class: "cmp-now" }),
    // The cheapest plan at each quantity, whichever it is: wide and pale, under today's plans.
    svg("polyline", { class: "cmp-what-if-cheapest", points: xs.map((q, i) => `${x(q).toFixed(1)},${y(whatIf.cheapest[i].total_year).toFixed(1)}`).join(" ") }),
    whatIf.totals.map((totals, p) =>
      svg("polyline", { class: `cmp-what-if-line ${STYLES[p]}`, points: xs.map((q, i) => `${x(q).toFixed(1)},${y(totals[i]).toFixed(1)}`).join(" ") }),
    ),
  );
}

function table(whatIf, labels) {
  return el(
    "details",
    { class: "cmp-what-if-table" },
    el("summary", {}, say("De cijfers van de grafiek als tabel")),
    el(
      "div",
      { class: "cmp-scroll", role: "region", "aria-label": say("Totaal per jaar per hoeveelheid"), tabindex: 0 },
      el(
        "table",
        { class: "cmp-what-if-data" }, // a class of its own: Material's table:not([class]) would scroll it
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, say(whatIf.quantity === "amount" ? "Kosten" : "Aantal")), el("th", { scope: "col" }, say("Het goedkoopst")), labels.map((label) => el("th", { scope: "col" }, label)))),
        el(
          "tbody",
          {},
          whatIf.points.map((q, i) =>
            el(
              "tr",
              { class: q === whatIf.current ? "cmp-now-row" : null },
              el("th", { scope: "row" }, whatIf.quantity === "amount" ? euro(q) : String(q), q === whatIf.current ? say(" (nu)") : ""),
              el("td", {}, euro(whatIf.cheapest[i].total_year)),
              whatIf.totals.map((totals) => el("td", {}, euro(totals[i]))),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The "wat als?" section: a choice of care line and, once chosen, the chart for it.
 * `choice` is [person, line] or null; `choose(choice)` asks the page for the engine's figures. */
export function renderWhatIf(answer, profile, { catalogue, household, choice, choose }) {
  const lines = profile.persons.flatMap((person, p) =>
    (person.care ?? []).map((line, l) => ({ value: `${p}.${l}`, label: `${person.name || say("Persoon {n}", { n: p + 1 })}: ${catalogue.get(line.id)?.title ?? line.id}` })),
  );
  if (!lines.length || answer.best.explanation) return null;
  const selectId = uid();
  const headingId = uid();
  const whatIf = answer.what_if;
  const name = (code) => planName(fromCode(code), profile, household);
  const labels = answer.best.plans.map((plan) => planName(plan, profile, household));
  const select = el(
    "select",
    {
      id: selectId,
      "data-what-if-select": true,
      onchange: (event) => choose(event.target.value ? event.target.value.split(".").map(Number) : null),
    },
    el("option", { value: "" }, say("Kies een zorgregel")),
    lines.map((line) => el("option", { value: line.value, selected: choice && line.value === choice.join(".") }, line.label)),
  );
  const section = el(
    "section",
    { class: "cmp-what-if", "aria-labelledby": headingId },
    el("h3", { id: headingId }, say("Wat als u meer of minder zorg nodig hebt?")),
    el("div", { class: "cmp-field" }, el("label", { for: selectId }, say("Zorgregel")), select),
  );
  if (!whatIf) return section;
  const titleId = uid();
  const sentences = crossingSentences(whatIf, labels);
  const item = catalogue.get(whatIf.id);
  const care = (item?.title ?? whatIf.id).toLowerCase();
  const title = say("Totaal per jaar van het goedkoopste plan en van de plannen van nu, bij meer of minder {care}; nu: {now}.", {
    care,
    now: quantityText(whatIf, whatIf.current),
  });
  section.append(
    el(
      "figure",
      { class: "cmp-what-if-figure", "data-what-if": `${whatIf.person}.${whatIf.line}` },
      el("figcaption", { id: titleId }, title),
      chart(whatIf, titleId),
      el(
        "ul",
        { class: "cmp-what-if-key" },
        el("li", {}, keyLine("cmp-what-if-cheapest"), say(" Het goedkoopste plan bij elke hoeveelheid")),
        labels.map((label, p) => el("li", {}, keyLine(`cmp-what-if-line ${STYLES[p]}`), say(" {label}{cheapest}: nu {total} per jaar", { label, cheapest: p === 0 ? say(" (het goedkoopst)") : "", total: euro(whatIf.totals[p][whatIf.points.indexOf(whatIf.current)]) }))),
      ),
    ),
    el("p", {}, say("Het goedkoopste plan bij meer of minder {care}:", { care })),
    el("ul", { class: "cmp-what-if-stretches" }, stretchSentences(whatIf, name).map((sentence) => el("li", { "data-stretch": true }, sentence))),
    labels.length > 1 && el("p", {}, say("De plannen van nu onderling:")),
    labels.length > 1 &&
      el(
        "ul",
        { class: "cmp-what-if-crossings" },
        sentences.length ? sentences.map((sentence) => el("li", { "data-crossing": true }, sentence)) : el("li", {}, say("In dit bereik verandert hun volgorde niet.")),
      ),
    table(whatIf, labels),
  );
  return section;
}
