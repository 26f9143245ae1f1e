// The answer first: the household's cheapest plan (packages per person, from the engine's
// best_plans), what it saves against the next plan and against no supplementary insurance at all,
// the care lines that make the difference with the next plan, what a package whose premium is
// unknown would have to cost to win (never ranked itself), and the runners-up. The card carries the contract's hooks data-best-plan, data-plan and
// data-total-year. Amounts come from the engine; differences are taken in whole cents, so that
// 1719.6 - 1506.2 is 213.40 and not 213.39999.

import { el, euro, plain } from "./dom.js";

const ADULT_AGE = 18; // art. 1.5.1; a child follows a parent's package (art. 1.2.2)
export const PACKAGE = (id) => id.charAt(0).toUpperCase() + id.slice(1);
const cents = (amount) => Math.round(amount * 100);
const fromCents = (count) => count / 100;

/** The contract's data-plan: "excellent+none,primair+royaal,excellent+none". */
export const planCode = (plan) => plan.persons.map((p) => `${p.av ?? "none"}+${p.dental ?? "none"}`).join(",");

function personLine(person, child, link) {
  if (child) {
    const follows = person.av ? `${PACKAGE(person.av)}, ` : "";
    return [`${follows}volgt de ouder (`, el("a", { href: link("1.2.2") }, "art. 1.2.2"), ")"];
  }
  const av = person.av ? PACKAGE(person.av) : "geen aanvullende verzekering";
  const dental = person.dental ? `tandarts ${PACKAGE(person.dental)}` : "geen tandarts";
  return `${av}, ${dental}`;
}

function people(plan, profile, link) {
  return el(
    "ul",
    { class: "cmp-plan-persons" },
    plan.persons.map((person, p) =>
      el(
        "li",
        {},
        el("strong", {}, `${person.name || `Persoon ${p + 1}`}: `),
        personLine(person, profile.persons[p].age < ADULT_AGE, link),
      ),
    ),
  );
}

// "€ 213,40 minder dan ..." (or "even duur als" when nothing is saved).
function saving(best, other, what) {
  const difference = cents(other) - cents(best);
  if (difference <= 0) return `Even duur als ${what}.`;
  return `${euro(fromCents(difference))} per jaar minder dan ${what}.`;
}

const isBare = (plan) => plan.persons.every((p) => !p.av && !p.dental);

/** Art. 1.2.3 (d), said near the answer: a package can only be chosen before the care is needed. */
function refusalNote(link) {
  return el(
    "p",
    { class: "cmp-note" },
    "Let op: de verzekeraar kan een aanvraag weigeren als u bij de aanmelding al zorg nodig hebt of verwacht, die onder de aanvullende verzekering valt (",
    el("a", { href: link("1.2.3") }, "art. 1.2.3 d"),
    ").",
  );
}

const packageName = (entry) => (entry.kind === "av" ? PACKAGE(entry.package) : `Tandarts ${PACKAGE(entry.package)}`);

/** "Optimaal wordt goedkoper bij een premie onder € 27,90 per maand": the engine's break-even premium
 * for a package without a known 2020 premium (a plan holding it is then the cheapest). */
export function breakEvenSentence(entry) {
  const name = packageName(entry);
  if (entry.below_month === null) return `${name} wordt ook bij een premie van € 0 niet goedkoper dan het plan hierboven.`;
  const who = entry.holders === 1 ? "" : ` (voor elk van de ${entry.holders} volwassenen die het nemen)`;
  return `${name} wordt goedkoper bij een premie onder ${euro(entry.below_month)} per maand${who}.`;
}

function breakEvens(entries) {
  if (!entries.length) return null;
  return el(
    "div",
    { class: "cmp-break-evens" },
    el("p", {}, `Niet meegerekend, want de premie 2020 is onbekend: ${entries.map(packageName).join(" en ")}.`),
    el(
      "ul",
      {},
      entries.map((entry) =>
        el("li", { "data-break-even": `${entry.kind}:${entry.package}`, "data-below-month": plain(entry.below_month) }, breakEvenSentence(entry)),
      ),
    ),
  );
}

// The lines whose own payment differs most between the best plan and the next (engine: deciding),
// each with the article that decides it in the best plan; then the premium, which often decides.
function deciding(lines, top, next, profile, { link, catalogue }) {
  const premium = cents(next.premium_year) - cents(top.premium_year);
  if (!lines.length && !premium) return null;
  return el(
    "div",
    { class: "cmp-deciding" },
    el("p", {}, "Wat het verschil maakt met het volgende plan:"),
    el(
      "ul",
      {},
      lines.map((line) => {
        const who = line.name || `Persoon ${line.person + 1}`;
        const title = catalogue.get(line.id)?.title ?? line.id;
        const dental = catalogue.get(line.id)?.kind === "dental" ? top.persons[line.person].dental : null;
        return el(
          "li",
          { "data-deciding": `${line.person}.${line.line}` },
          el("strong", {}, `${who}, ${title.toLowerCase()}: `),
          `u betaalt zelf ${euro(line.best.out_of_pocket)}, bij het volgende plan ${euro(line.runner_up.out_of_pocket)} (`,
          el("a", { href: link(line.best.article, dental) }, `artikel ${line.best.article}`),
          ").",
        );
      }),
      premium !== 0 &&
        el(
          "li",
          {},
          el("strong", {}, "Premie: "),
          `${euro(top.premium_year)} per jaar, bij het volgende plan ${euro(next.premium_year)}.`,
        ),
    ),
  );
}

/** One sentence for the live region: the answer, which the card below explains. */
export function answerSummary(best) {
  if (best.explanation) return "Uitkomst berekend: zonder volwassene is er geen pakket te kiezen; een kind volgt de ouder.";
  return `Uitkomst berekend: het goedkoopst voor uw huishouden is ${euro(best.plans[0].total_year)} per jaar.`;
}

/** The answer card for the engine's answer (answer_json: best, result, deciding, break_even). What
 * the household's care costs (a result's `cost`) is its total per year without any insurance:
 * nothing is reimbursed and no premium is paid. */
export function renderBest(answer, profile, { link, catalogue }) {
  const { best } = answer;
  const careCost = answer.result.results[0].cost;
  const [top, ...runners] = best.plans;
  const hooks = { "data-best-plan": true, "data-plan": planCode(top), "data-total-year": plain(top.total_year) };
  // Without an adult there is no package to choose (art. 1.2.2): the engine explains; nothing is ranked.
  if (best.explanation) {
    return el(
      "section",
      { class: "cmp-answer", ...hooks, "data-ranked": "false" },
      el("h3", {}, "Voor dit huishouden is er niets te kiezen"),
      el("p", {}, best.explanation),
      el(
        "p",
        {},
        "Een kind is verzekerd op de polis van een ouder en krijgt het pakket van die ouder (",
        el("a", { href: link("1.2.2") }, "art. 1.2.2"),
        "). Voeg een volwassene toe om pakketten te vergelijken.",
      ),
    );
  }
  return el(
    "section",
    { class: "cmp-answer", ...hooks, "data-ranked": "true" },
    el("h3", {}, "Het goedkoopst voor uw huishouden (plan 1)"),
    people(top, profile, link),
    el(
      "p",
      { class: "cmp-answer-total" },
      el("strong", {}, `${euro(top.total_year)} per jaar`),
      ` (premie ${euro(top.premium_year)} + zelf betalen ${euro(top.out_of_pocket)})`,
    ),
    el(
      "ul",
      { class: "cmp-answer-savings" },
      runners.length > 0 && el("li", {}, saving(top.total_year, runners[0].total_year, "het op een na goedkoopste plan")),
      isBare(top)
        ? el("li", {}, "Zonder aanvullende verzekering en tandartsverzekering bent u hier het goedkoopst uit.")
        : el("li", {}, saving(top.total_year, careCost, `geen aanvullende verzekering (dan betaalt u ${euro(careCost)} zelf)`)),
    ),
    runners.length > 0 && deciding(answer.deciding, top, runners[0], profile, { link, catalogue }),
    breakEvens(answer.break_even),
    !top.complete &&
      el("p", { class: "cmp-note" }, "Onvolledig: van een of meer zorgregels is de vergoeding onbekend; die tellen als niet vergoed."),
    refusalNote(link),
    runners.length > 0 &&
      el(
        "details",
        { class: "cmp-runners" },
        el("summary", {}, runners.length === 1 ? "Het volgende plan" : `De volgende ${runners.length} plannen`),
        el(
          "ol",
          { start: 2 }, // their place in the ranking; the answer above is the first
          runners.map((plan, i) =>
            el(
              "li",
              { "data-plan": planCode(plan), "data-total-year": plain(plan.total_year) },
              el("strong", {}, `Plan ${i + 2}: ${euro(plan.total_year)} per jaar`),
              ` (${euro(fromCents(cents(plan.total_year) - cents(top.total_year)))} meer)`,
              people(plan, profile, link),
            ),
          ),
        ),
      ),
  );
}
