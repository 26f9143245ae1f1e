// The answer first: the household's cheapest plan (packages per person, from the engine's
// best_plans), itemised per person with why it costs what it does (plan.js), what it saves against
// the next plan and against no insurance at all, the care lines that make the difference with the
// next plan, what a package whose premium is unknown would have to cost to win (never ranked
// itself), what can be taken on its own, the assumptions the figures rest on, and the runners-up
// by name, each itemised on demand. The card carries the contract's hooks data-best-plan,
// data-plan and data-total-year. Every other plan is named by what its persons hold, never by its
// place. Differences are taken in whole cents, so that 1719.6 - 1506.2 is 213.40 and not 213.39999.

import { el, euro, plain } from "./dom.js";
import { PACKAGE, cents, fromCents, itemisedPlan, planCode, planName, who, whyPlan } from "./plan.js";
import { say } from "./words.js";

const isBare = (plan) => plan.persons.every((p) => !p.av && !p.dental);

// "€ 213,40 per jaar minder dan ..." (or "even duur als" when nothing is saved).
function saving(best, other, what) {
  const difference = cents(other) - cents(best);
  if (difference <= 0) return say("Even duur als {what}.", { what });
  return say("{amount} per jaar minder dan {what}.", { amount: euro(fromCents(difference)), what });
}

/** Art. 1.2.3 (d), said near the answer: a package taken for care already expected can be refused. */
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

const heldText = (kind, id) =>
  kind === "av" ? (id ? PACKAGE(id) : say("geen aanvullende verzekering")) : id ? say("tandarts {name}", { name: PACKAGE(id) }) : say("geen tandartsverzekering");

/** "Kost Optimaal minder dan € 59,90 per maand, dan is het voor Anna goedkoper dan Excellent": the
 * engine's break-even premium of a package without a known 2020 premium, for whom and instead of
 * what (the persons holding it in the plan that then is the cheapest, against what they hold in `top`). */
export function breakEvenSentence(entry, top, profile, household) {
  const name = packageName(entry);
  if (entry.below_month === null) return say("{name} is voor dit huishouden ook bij een premie van € 0 niet goedkoper.", { name });
  const holders = entry.persons.flatMap((holding, p) => (profile.persons[p].age >= household.children_under && holding[entry.kind] === entry.package ? [p] : []));
  const now = holders.map((p) => heldText(entry.kind, top.persons[p][entry.kind]));
  const instead = new Set(now).size === 1 ? now[0] : holders.map((p, i) => `${who(profile, p)}: ${now[i]}`).join("; ");
  const names = holders.map((p) => who(profile, p)).join(say(" en "));
  return say("Kost {name} minder dan {amount} per maand, dan is het voor {names} goedkoper dan {instead}.", { name, amount: euro(entry.below_month), names, instead });
}

function breakEvens(entries, top, profile, household) {
  if (!entries.length) return null;
  return el(
    "div",
    { class: "cmp-break-evens" },
    el("p", {}, say("Niet meegerekend, want de premie 2020 is onbekend: {names}.", { names: entries.map(packageName).join(say(" en ")) })),
    el(
      "ul",
      {},
      entries.map((entry) =>
        el("li", { "data-break-even": `${entry.kind}:${entry.package}`, "data-below-month": plain(entry.below_month) }, breakEvenSentence(entry, top, profile, household)),
      ),
    ),
  );
}

// The lines whose own payment differs most between the best plan and the next (engine: deciding),
// each with the article that decides it in the best plan; then the premium, which often decides.
function deciding(lines, top, next, profile, { link, catalogue, data }) {
  const premium = cents(next.premium_year) - cents(top.premium_year);
  if (!lines.length && !premium) return null;
  return el(
    "div",
    { class: "cmp-deciding" },
    el("p", {}, say("Wat het verschil maakt met {name}:", { name: planName(next, profile, data.household) })),
    el(
      "ul",
      {},
      lines.map((line) => {
        const title = catalogue.get(line.id)?.title ?? line.id;
        const dental = catalogue.get(line.id)?.kind === "dental" ? top.persons[line.person].dental : null;
        return el(
          "li",
          { "data-deciding": `${line.person}.${line.line}` },
          el("strong", {}, `${who(profile, line.person)}, ${title.toLowerCase()}: `),
          say("u betaalt zelf {best} in plaats van {next} (", { best: euro(line.best.out_of_pocket), next: euro(line.runner_up.out_of_pocket) }),
          el("a", { href: link(line.best.article, dental) }, say("artikel {article}", { article: line.best.article })),
          ").",
        );
      }),
      premium !== 0 &&
        el(
          "li",
          {},
          el("strong", {}, say("Premie: ")),
          say("{top} per jaar in plaats van {next}.", { top: euro(top.premium_year), next: euro(next.premium_year) }),
        ),
    ),
  );
}

/** What the figures assume that the visitor may not have said: a contracted provider where the form
 * asked, and an indicative price left as it was filled in. */
function assumptions(profile, { catalogue }) {
  const notes = profile.persons.flatMap((person, p) =>
    (person.care ?? []).flatMap((line) => {
      const item = catalogue.get(line.id);
      if (!item) return [];
      const care = `${who(profile, p)}, ${item.title.toLowerCase()}`;
      return [
        item.contracted && line.contracted !== false && say("{care}: een zorgverlener met contract.", { care }),
        Number(line.price) === Number(item.typical.price) && say("{care}: de indicatieve prijs {price}, geen bedrag van u.", { care, price: euro(item.typical.price) }),
      ].filter(Boolean);
    }),
  );
  if (!notes.length) return null;
  return el(
    "div",
    { class: "cmp-assumptions" },
    el("p", {}, say("Deze uitkomst gaat uit van:")),
    el("ul", {}, notes.map((note) => el("li", {}, note))),
    el("p", { class: "cmp-hint" }, say("Klopt dat niet, pas het dan aan in het formulier.")),
  );
}

/** Art. 1.2.1 (and 1.1): every package goes with the basic insurance; whether dental goes without a
 * supplementary package, the conditions do not say in so many words. */
function standalone(plan, { link, data }) {
  const { with_basic_insurance: basic, dental_without_av: dentalAlone } = data.household.standalone;
  // The text's own full stop goes after the article it cites.
  const cite = (statement) => [statement.text.replace(/\.$/, ""), " (", el("a", { href: link(statement.article) }, say("art. {article}", { article: statement.article })), ")."];
  const dentalOnly = plan.persons.some((holding) => holding.dental && !holding.av);
  return el(
    "div",
    { class: "cmp-standalone" },
    el("p", {}, cite(basic)),
    dentalOnly && el("p", { "data-dental-alone": true }, cite(dentalAlone)),
  );
}

/** One sentence for the live region: the answer, which the card below explains. */
export function answerSummary(best) {
  if (best.explanation) return say("Uitkomst berekend: zonder volwassene is er geen pakket te kiezen; een kind volgt de ouder.");
  return say("Uitkomst berekend: het goedkoopst voor uw huishouden is {total} per jaar.", { total: euro(best.plans[0].total_year) });
}

// A runner-up is itemised when it is opened: most visitors never open it, and every input redraws the card.
function runnerUp(plan, result, top, profile, context) {
  const details = el(
    "details",
    {
      class: "cmp-runner",
      "data-plan": planCode(plan),
      "data-total-year": plain(plan.total_year),
      ontoggle: () => details.open && result && details.childElementCount === 1 && details.append(whyPlan(result, plan, null, profile, context), itemisedPlan(result, plan, profile, context)),
    },
    el(
      "summary",
      {},
      el("strong", {}, planName(plan, profile, context.data.household)),
      say(": {total} per jaar ({amount} meer)", { total: euro(plan.total_year), amount: euro(fromCents(cents(plan.total_year) - cents(top.total_year))) }),
    ),
  );
  return details;
}

/** The answer card for the engine's answer (answer_json: best, plans, result, deciding, break_even).
 * What the household's care costs (a result's `cost`) is its total per year without any insurance:
 * nothing is reimbursed and no premium is paid. `context`: {link, catalogue, data}. */
export function renderBest(answer, profile, context) {
  const { best } = answer;
  const { link } = context;
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
  const [result, ...runnerResults] = answer.plans ?? [];
  const household = context.data.household;
  return el(
    "section",
    { class: "cmp-answer", ...hooks, "data-ranked": "true" },
    el("h3", {}, say("Het goedkoopst voor uw huishouden")),
    el("p", { class: "cmp-answer-plan" }, planName(top, profile, household)),
    el(
      "p",
      { class: "cmp-answer-total" },
      el("strong", {}, say("{total} per jaar", { total: euro(top.total_year) })),
      say(" (premie {premium} + zelf betalen {own})", { premium: euro(top.premium_year), own: euro(top.out_of_pocket) }),
    ),
    result && whyPlan(result, top, runners[0], profile, context),
    el(
      "p",
      { class: "cmp-answer-savings" },
      isBare(top)
        ? say("Zonder aanvullende verzekering en tandartsverzekering bent u hier het goedkoopst uit.")
        : saving(top.total_year, careCost, say("geen aanvullende verzekering (dan betaalt u {cost} zelf)", { cost: euro(careCost) })),
    ),
    result && el("h4", {}, say("Per persoon")),
    result && itemisedPlan(result, top, profile, context),
    runners.length > 0 && deciding(answer.deciding, top, runners[0], profile, context),
    breakEvens(answer.break_even, top, profile, household),
    !top.complete &&
      el("p", { class: "cmp-note" }, say("Onvolledig: van een of meer zorgregels is de vergoeding onbekend; die tellen als niet vergoed.")),
    assumptions(profile, context),
    !isBare(top) && standalone(top, context),
    // Only where a package is advised: with no package there is no application to refuse.
    !isBare(top) && refusalNote(link),
    runners.length > 0 &&
      el(
        "div",
        { class: "cmp-runners" },
        el("h4", {}, runners.length === 1 ? say("Het volgende plan") : say("De volgende {n} plannen", { n: runners.length })),
        runners.map((plan, i) => runnerUp(plan, runnerResults[i], top, profile, context)),
      ),
  );
}
