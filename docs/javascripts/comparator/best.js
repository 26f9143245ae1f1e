// The answer first: the household's cheapest plan (packages per person, from the engine's
// best_plans), what it saves against the next plan and against no supplementary insurance at all,
// the care lines that make the difference with the next plan, what a package whose premium is
// unknown would have to cost to win (never ranked itself), and the runners-up. The card carries the contract's hooks data-best-plan, data-plan and
// data-total-year. Amounts come from the engine; differences are taken in whole cents, so that
// 1719.6 - 1506.2 is 213.40 and not 213.39999.

import { el, euro, plain } from "./dom.js";
import { say } from "./words.js";

const ADULT_AGE = 18; // art. 1.5.1; a child follows a parent's package (art. 1.2.2)
export const PACKAGE = (id) => id.charAt(0).toUpperCase() + id.slice(1);
const cents = (amount) => Math.round(amount * 100);
const fromCents = (count) => count / 100;

/** The contract's data-plan: "excellent+none,primair+royaal,excellent+none". */
export const planCode = (plan) => plan.persons.map((p) => `${p.av ?? "none"}+${p.dental ?? "none"}`).join(",");

function personLine(person, child, link) {
  if (child) {
    const follows = person.av ? `${PACKAGE(person.av)}, ` : "";
    return [say("{follows}volgt de ouder (", { follows }), el("a", { href: link("1.2.2") }, "art. 1.2.2"), ")"];
  }
  const av = person.av ? PACKAGE(person.av) : say("geen aanvullende verzekering");
  const dental = person.dental ? say("tandarts {name}", { name: PACKAGE(person.dental) }) : say("geen tandarts");
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
        el("strong", {}, `${person.name || say("Persoon {n}", { n: p + 1 })}: `),
        personLine(person, profile.persons[p].age < ADULT_AGE, link),
      ),
    ),
  );
}

// "€ 213,40 minder dan ..." (or "even duur als" when nothing is saved).
function saving(best, other, what) {
  const difference = cents(other) - cents(best);
  if (difference <= 0) return say("Even duur als {what}.", { what });
  return say("{amount} per jaar minder dan {what}.", { amount: euro(fromCents(difference)), what });
}

const isBare = (plan) => plan.persons.every((p) => !p.av && !p.dental);

/** Art. 1.2.3 (d), said near the answer: a package can only be chosen before the care is needed. */
function refusalNote(link) {
  return el(
    "p",
    { class: "cmp-note" },
    say("Let op: de verzekeraar kan een aanvraag weigeren als u bij de aanmelding al zorg nodig hebt of verwacht, die onder de aanvullende verzekering valt ("),
    el("a", { href: link("1.2.3") }, "art. 1.2.3 d"),
    ").",
  );
}

const packageName = (entry) => (entry.kind === "av" ? PACKAGE(entry.package) : say("Tandarts {name}", { name: PACKAGE(entry.package) }));

/** "Optimaal wordt goedkoper bij een premie onder € 27,90 per maand": the engine's break-even premium
 * for a package without a known 2020 premium (a plan holding it is then the cheapest). */
export function breakEvenSentence(entry) {
  const name = packageName(entry);
  if (entry.below_month === null) return say("{name} wordt ook bij een premie van € 0 niet goedkoper dan het plan hierboven.", { name });
  const who = entry.holders === 1 ? "" : say(" (voor elk van de {n} volwassenen die het nemen)", { n: entry.holders });
  return say("{name} wordt goedkoper bij een premie onder {amount} per maand{who}.", { name, amount: euro(entry.below_month), who });
}

function breakEvens(entries) {
  if (!entries.length) return null;
  return el(
    "div",
    { class: "cmp-break-evens" },
    el("p", {}, say("Niet meegerekend, want de premie 2020 is onbekend: {names}.", { names: entries.map(packageName).join(say(" en ")) })),
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
    el("p", {}, say("Wat het verschil maakt met het volgende plan:")),
    el(
      "ul",
      {},
      lines.map((line) => {
        const who = line.name || say("Persoon {n}", { n: line.person + 1 });
        const title = catalogue.get(line.id)?.title ?? line.id;
        const dental = catalogue.get(line.id)?.kind === "dental" ? top.persons[line.person].dental : null;
        return el(
          "li",
          { "data-deciding": `${line.person}.${line.line}` },
          el("strong", {}, `${who}, ${title.toLowerCase()}: `),
          say("u betaalt zelf {best}, bij het volgende plan {next} (", { best: euro(line.best.out_of_pocket), next: euro(line.runner_up.out_of_pocket) }),
          el("a", { href: link(line.best.article, dental) }, say("artikel {article}", { article: line.best.article })),
          ").",
        );
      }),
      premium !== 0 &&
        el(
          "li",
          {},
          el("strong", {}, say("Premie: ")),
          say("{top} per jaar, bij het volgende plan {next}.", { top: euro(top.premium_year), next: euro(next.premium_year) }),
        ),
    ),
  );
}

/** One sentence for the live region: the answer, which the card below explains. */
export function answerSummary(best) {
  if (best.explanation) return say("Uitkomst berekend: zonder volwassene is er geen pakket te kiezen; een kind volgt de ouder.");
  return say("Uitkomst berekend: het goedkoopst voor uw huishouden is {total} per jaar.", { total: euro(best.plans[0].total_year) });
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
      el("h3", {}, say("Voor dit huishouden is er niets te kiezen")),
      el("p", {}, best.explanation),
      el(
        "p",
        {},
        say("Een kind is verzekerd op de polis van een ouder en krijgt het pakket van die ouder ("),
        el("a", { href: link("1.2.2") }, "art. 1.2.2"),
        say("). Voeg een volwassene toe om pakketten te vergelijken."),
      ),
    );
  }
  return el(
    "section",
    { class: "cmp-answer", ...hooks, "data-ranked": "true" },
    el("h3", {}, say("Het goedkoopst voor uw huishouden (plan 1)")),
    people(top, profile, link),
    el(
      "p",
      { class: "cmp-answer-total" },
      el("strong", {}, say("{total} per jaar", { total: euro(top.total_year) })),
      say(" (premie {premium} + zelf betalen {own})", { premium: euro(top.premium_year), own: euro(top.out_of_pocket) }),
    ),
    el(
      "ul",
      { class: "cmp-answer-savings" },
      runners.length > 0 && el("li", {}, saving(top.total_year, runners[0].total_year, say("het op een na goedkoopste plan"))),
      isBare(top)
        ? el("li", {}, say("Zonder aanvullende verzekering en tandartsverzekering bent u hier het goedkoopst uit."))
        : el("li", {}, saving(top.total_year, careCost, say("geen aanvullende verzekering (dan betaalt u {cost} zelf)", { cost: euro(careCost) }))),
    ),
    runners.length > 0 && deciding(answer.deciding, top, runners[0], profile, { link, catalogue }),
    breakEvens(answer.break_even),
    !top.complete &&
      el("p", { class: "cmp-note" }, say("Onvolledig: van een of meer zorgregels is de vergoeding onbekend; die tellen als niet vergoed.")),
    refusalNote(link),
    runners.length > 0 &&
      el(
        "details",
        { class: "cmp-runners" },
        el("summary", {}, runners.length === 1 ? say("Het volgende plan") : say("De volgende {n} plannen", { n: runners.length })),
        el(
          "ol",
          { start: 2 }, // their place in the ranking; the answer above is the first
          runners.map((plan, i) =>
            el(
              "li",
              { "data-plan": planCode(plan), "data-total-year": plain(plan.total_year) },
              el("strong", {}, say("Plan {n}: {total} per jaar", { n: i + 2, total: euro(plan.total_year) })),
              say(" ({amount} meer)", { amount: euro(fromCents(cents(plan.total_year) - cents(top.total_year))) }),
              people(plan, profile, link),
            ),
          ),
        ),
      ),
  );
}
