// One household plan in words: named by what its persons hold, itemised per person (packages,
// premium per year, each care line's reimbursed and own amounts with the article that decides it;
// a child's € 0 premium and the parent whose package it follows, by name), and why it costs what
// it does, in sentences built from its figures. The figures are the engine's (answer_json's
// `plans`: compare of the plan); amounts are added in whole cents.

import { el, euro } from "./dom.js";
import { say } from "./words.js";

export const PACKAGE = (id) => id.charAt(0).toUpperCase() + id.slice(1);
export const cents = (amount) => Math.round(amount * 100);
export const fromCents = (count) => count / 100;

/** The contract's data-plan: "excellent+none,primair+royaal,excellent+none". */
export const planCode = (plan) => plan.persons.map((p) => `${p.av ?? "none"}+${p.dental ?? "none"}`).join(",");

export const who = (profile, p) => profile.persons[p].name || say("Persoon {n}", { n: p + 1 });

const isChild = (person, household) => person.age < household.children_under;

/** "Royaal + tandarts Primair", "alleen tandarts Primair", "geen pakket". */
export function holdingText(holding) {
  if (!holding.av) return holding.dental ? say("alleen tandarts {name}", { name: PACKAGE(holding.dental) }) : say("geen pakket");
  return holding.dental ? say("{av} + tandarts {dental}", { av: PACKAGE(holding.av), dental: PACKAGE(holding.dental) }) : PACKAGE(holding.av);
}

/** A plan named by what its adults hold ("Anna: Royaal; Bas: alleen tandarts Primair"); with one
 * adult only the packages. Children follow art. 1.2.2, so they add nothing to the name. */
export function planName(plan, profile, household) {
  const adults = plan.persons.flatMap((holding, p) => (isChild(profile.persons[p], household) ? [] : [[holding, p]]));
  if (adults.length === 1) return holdingText(adults[0][0]);
  return adults.map(([holding, p]) => `${who(profile, p)}: ${holdingText(holding)}`).join("; ");
}

/** The index of the parent or guardian whose supplementary package the children follow (art. 1.2.2:
 * the highest insured; the first of equals), or null when no guardian holds one. */
export function leadingGuardian(plan, profile, household) {
  let lead = null;
  let highest = -1;
  plan.persons.forEach((holding, p) => {
    const person = profile.persons[p];
    if (isChild(person, household) || person.guardian === false || !holding.av) return;
    const level = household.av_order.indexOf(holding.av);
    if (level > highest) [lead, highest] = [p, level];
  });
  return lead;
}

/** A package's premium per year in cents, as the engine counts it: the profile's own premium, else the 2020 one. */
function premiumCents(kind, id, profile, data) {
  const monthly = profile.premiums?.[kind]?.[id] ?? data[kind].find((pkg) => pkg.id === id)?.premium;
  return monthly === null || monthly === undefined ? null : 12 * cents(Number(monthly));
}

/** Per package a person holds: what it reimburses (their own lines of its kind, and for the leading
 * guardian's supplementary package also the children's lines) against its premium. */
function packageSentences(result, plan, profile, { catalogue, data }) {
  const household = data.household;
  const lead = leadingGuardian(plan, profile, household);
  const children = profile.persons.flatMap((person, p) => (isChild(person, household) ? [p] : []));
  const sentences = [];
  plan.persons.forEach((holding, p) => {
    if (isChild(profile.persons[p], household)) return;
    for (const kind of ["av", "dental"]) {
      if (!holding[kind]) continue;
      const owners = kind === "av" && p === lead ? [p, ...children] : [p];
      const items = owners.flatMap((q) =>
        result.persons[q].lines
          .filter((line) => catalogue.get(line.id)?.kind === kind && line.reimbursed > 0)
          .map((line) => {
            const title = (catalogue.get(line.id)?.title ?? line.id).toLowerCase();
            return { text: q === p ? title : say("{title} van {name}", { title, name: who(profile, q) }), cents: cents(line.reimbursed) };
          }),
      );
      const total = items.reduce((sum, item) => sum + item.cents, 0);
      const name = kind === "av" ? PACKAGE(holding.av) : say("tandarts {name}", { name: PACKAGE(holding.dental) });
      const premium = premiumCents(kind, holding[kind], profile, data);
      const values = { who: who(profile, p), name, premium: premium === null ? say("onbekend") : euro(fromCents(premium)), amount: euro(fromCents(total)) };
      if (!items.length) sentences.push(say("{who} neemt {name} voor {premium} premie per jaar; dat vergoedt hier niets.", values));
      else if (items.length === 1) sentences.push(say("{who} neemt {name} voor {premium} premie per jaar; dat vergoedt {amount} voor {item}.", { ...values, item: items[0].text }));
      else {
        const list = items.map((item) => say("{item} {amount}", { item: item.text, amount: euro(fromCents(item.cents)) }));
        sentences.push(say("{who} neemt {name} voor {premium} premie per jaar; dat vergoedt {amount}: {items}.", { ...values, items: `${list.slice(0, -1).join(", ")}${say(" en ")}${list.at(-1)}` }));
      }
    }
    const own = result.persons[p].lines.reduce((sum, line) => sum + cents(line.out_of_pocket), 0);
    if (!holding.av && !holding.dental && own > 0) sentences.push(say("{who} neemt geen pakket en betaalt {amount} zelf.", { who: who(profile, p), amount: euro(fromCents(own)) }));
  });
  return sentences;
}

/** Why the plan costs what it does: one sentence per package held, and against the next plan. */
export function whyPlan(result, plan, next, profile, context) {
  const sentences = packageSentences(result, plan, profile, context);
  if (next) {
    const difference = cents(next.total_year) - cents(plan.total_year);
    const name = planName(next, profile, context.data.household);
    sentences.push(
      difference > 0
        ? say("Elk ander plan kost minstens {amount} per jaar meer; het eerstvolgende is {name}.", { amount: euro(fromCents(difference)), name })
        : say("{name} kost evenveel; bij gelijke totalen gaat het plan met de laagste premie voor.", { name }),
    );
  }
  return el("ul", { class: "cmp-why" }, sentences.map((sentence) => el("li", {}, sentence)));
}

function lineItem(line, p, l, profile, { link, catalogue }, holding) {
  const item = catalogue.get(line.id);
  const care = profile.persons[p].care[l];
  const quantity = care.count && care.count !== 1 ? `${care.count} × ${euro(care.price)}` : euro(care.price);
  const dental = item?.kind === "dental" ? holding.dental : null;
  return el(
    "li",
    { class: `cmp-status-${line.status}`, "data-line": `${p}.${l}`, "data-reimbursed": line.reimbursed, "data-out-of-pocket": line.out_of_pocket },
    el("strong", {}, `${item?.title ?? line.id} (${quantity})`),
    line.status === "unknown"
      ? say(": vergoeding onbekend, {own} zelf (", { own: euro(line.out_of_pocket) })
      : say(": {reimbursed} vergoed, {own} zelf (", { reimbursed: euro(line.reimbursed), own: euro(line.out_of_pocket) }),
    el("a", { href: link(line.article, dental) }, say("artikel {article}", { article: line.article })),
    ")",
    el("span", { class: "cmp-line-why" }, line.explanation),
  );
}

function packagesOf(figures, holding, p, plan, profile, { link, data }) {
  const household = data.household;
  if (!isChild(profile.persons[p], household)) {
    const premium = euro(figures.premium_year);
    return [
      el("p", {}, say("Aanvullend: {av}. Tandarts: {dental}.", { av: holding.av ? PACKAGE(holding.av) : say("geen"), dental: holding.dental ? PACKAGE(holding.dental) : say("geen") })),
      el("p", {}, say("Premie: {amount} per jaar.", { amount: premium })),
    ];
  }
  const lead = leadingGuardian(plan, profile, household);
  const article = (number) => el("a", { href: link(number) }, say("art. {article}", { article: number }));
  return [
    el(
      "p",
      {},
      lead === null
        ? say("Aanvullend: geen, want geen ouder of verzorger heeft een aanvullende verzekering (")
        : say("Aanvullend: {av}, dat van {parent}: een kind krijgt het pakket van de hoogst verzekerde ouder (", { av: PACKAGE(holding.av), parent: who(profile, lead) }),
      article(household.child_article),
      say("). Tandarts: vergoedt pas vanaf {age} jaar (", { age: household.children_under }),
      article(household.child_dental_article),
      ").",
    ),
    el("p", {}, say("Premie: € 0, want jonger dan {age} jaar (", { age: household.children_under }), article(household.child_premium_article), ")."),
  ];
}

/** The plan per person: packages, premium and every care line with its article. */
export function itemisedPlan(result, plan, profile, context) {
  return el(
    "div",
    { class: "cmp-itemised", "data-plan": planCode(plan) },
    profile.persons.map((person, p) => {
      const figures = result.persons[p];
      const holding = plan.persons[p];
      return el(
        "div",
        { class: "cmp-itemised-person", "data-person": p, "data-premium-year": figures.premium_year ?? "" },
        el("h5", {}, say("{who}, {age} jaar", { who: who(profile, p), age: person.age })),
        packagesOf(figures, holding, p, plan, profile, context),
        figures.lines.length
          ? el("ul", { class: "cmp-itemised-lines" }, figures.lines.map((line, l) => lineItem(line, p, l, profile, context, holding)))
          : el("p", { class: "cmp-hint" }, say("Geen zorg ingevuld.")),
      );
    }),
  );
}
