// The form's state (the text people typed) and its translation into a contract profile.
// validate() applies the engine's rules (comparator contract), so invalid input never reaches
// the engine: it returns the profile or, per field path, the message to show next to it (words.js).

import { english, say } from "./words.js";

const DECIMAL = english ? "." : ","; // as the visitor types an amount: "35,5" or "35.5"

export const LIMITS = { persons: 10, lines: 200, combinations: 20, name: 60, age: 120, count: 366, amount: 1000000 };

const MESSAGES = {
  age: say("Vul een leeftijd in: een heel getal van 0 tot en met {max}.", { max: LIMITS.age }),
  name: say("Een naam heeft hoogstens {max} tekens.", { max: LIMITS.name }),
  count: say("Een heel getal van 1 tot en met {max}.", { max: LIMITS.count }),
  countEarlier: say("Een heel getal van 0 tot en met {max}, of leeg.", { max: LIMITS.count }),
  price: say("Vul een bedrag in euro's in: 0 tot en met 1.000.000, hoogstens 2 decimalen (bijv. 35,50)."),
  optionalAmount: say("Een bedrag in euro's (0 tot en met 1.000.000, hoogstens 2 decimalen), of leeg."),
  av: say("Kies een aanvullend pakket."),
  dental: say("Kies een tandartspakket of 'geen'."),
};

/** Whether a line has a count field: care priced per unit, or a line that came with a count. */
export const showsCount = (item, line) => item.quantity === "count_x_price" || line.count !== "1";

export const newPerson = () => ({ name: "", age: "", sex: "", guardian: true, care: [] });

const ADULT_AGE = 18; // art. 1.2.2: younger is a child, who follows a parent's or guardian's package

/** Whether the form asks who are the children's parents or guardians (contract v3): only when the
 * household has children and two or more adults, ages as typed. */
export function asksGuardian(persons) {
  const ages = persons.map((person) => parseWhole(person.age, 0, LIMITS.age)).filter((age) => !Number.isNaN(age));
  return ages.some((age) => age < ADULT_AGE) && ages.filter((age) => age >= ADULT_AGE).length >= 2;
}

/** A new care line computes with the indicative price and a contracted provider, and says so
 * (`indicative`, `assumedContract`) until the visitor types a price or touches the switch. */
export const newLine = (item) => ({
  id: item.id,
  count: "1",
  price: String(item.typical.price).replace(".", DECIMAL),
  indicative: true,
  contracted: true,
  assumedContract: true,
  earlier: "",
  earlierCount: "",
});

export function defaultState(data) {
  return {
    persons: [newPerson()],
    packages: data.defaults.map((combination) => ({ av: combination.av, dental: combination.dental ?? "" })),
    premiums: { av: {}, dental: {} },
  };
}

// English notation: commas before groups of three digits are thousands ("1,250.50"); a lone comma is
// a decimal comma still in the form from the Dutch page ("35,5": the form is kept across the switch).
function fromEnglish(value) {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) return value.replaceAll(",", "");
  return value.includes(".") ? value : value.replace(",", ".");
}

/** Euros as typed ("1.250,50", "35.5", "€ 40"; English "1,250.50") to a number, or NaN. Dots before groups of three digits are thousands. */
export function parseEuros(text) {
  let value = text.replace(/[€\s]/g, "");
  if (english) value = fromEnglish(value);
  else if (value.includes(",")) value = value.replaceAll(".", "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(value)) value = value.replaceAll(".", "");
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return NaN;
  const amount = Number(value);
  return amount <= LIMITS.amount ? amount : NaN;
}

function parseWhole(text, low, high) {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return NaN;
  const number = Number(value);
  return number >= low && number <= high ? number : NaN;
}

/** {profile, errors}: errors maps a field path ("persons.0.care.1.price") to its message. */
export function validate(state, data) {
  const errors = new Map();
  const catalogue = new Map(data.care.map((item) => [item.id, item]));
  const check = (path, value, message) => {
    if (Number.isNaN(value)) errors.set(path, message);
    return value;
  };
  const guardians = asksGuardian(state.persons);
  const persons = state.persons.map((person, p) => {
    const out = { age: check(`persons.${p}.age`, parseWhole(person.age, 0, LIMITS.age), MESSAGES.age) };
    if (guardians && out.age >= ADULT_AGE && person.guardian === false) out.guardian = false;
    if (person.name !== "") out.name = person.name; // shown back verbatim by the engine
    if ([...person.name].length > LIMITS.name) errors.set(`persons.${p}.name`, MESSAGES.name);
    if (person.sex) out.sex = person.sex;
    out.care = person.care.map((line, l) => {
      const path = `persons.${p}.care.${l}`;
      const item = catalogue.get(line.id);
      const care = { id: line.id };
      if (showsCount(item, line)) care.count = check(`${path}.count`, parseWhole(line.count, 1, LIMITS.count), MESSAGES.count);
      care.price = check(`${path}.price`, parseEuros(line.price), MESSAGES.price);
      if (item.contracted && !line.contracted) care.contracted = false;
      if (item.earlier && line.earlier.trim()) {
        care.reimbursed_earlier_in_period = check(`${path}.earlier`, parseEuros(line.earlier), MESSAGES.optionalAmount);
      }
      if (item.earlier_count && line.earlierCount.trim()) {
        const count = parseWhole(line.earlierCount, 0, LIMITS.count);
        care.count_earlier_in_period = check(`${path}.earlierCount`, count, MESSAGES.countEarlier);
      }
      return care;
    });
    return out;
  });
  const packages = state.packages.map((combination, c) => {
    if (!data.av.some((p) => p.id === combination.av)) errors.set(`packages.${c}.av`, MESSAGES.av);
    if (combination.dental && !data.dental.some((p) => p.id === combination.dental)) {
      errors.set(`packages.${c}.dental`, MESSAGES.dental);
    }
    return { av: combination.av, dental: combination.dental || null };
  });
  const premiums = {};
  for (const kind of ["av", "dental"]) {
    for (const [id, text] of Object.entries(state.premiums[kind])) {
      if (!text.trim()) continue;
      premiums[kind] ??= {};
      premiums[kind][id] = check(`premiums.${kind}.${id}`, parseEuros(text), MESSAGES.optionalAmount);
    }
  }
  const profile = { year: data.year, persons, packages };
  if (Object.keys(premiums).length) profile.premiums = premiums;
  return { profile: errors.size ? null : profile, errors };
}

/** The form state for a profile the engine accepted (from a share link or a persona). */
export function stateFromProfile(profile, data) {
  const text = (value) => (value === undefined || value === null ? "" : String(value).replace(".", DECIMAL));
  const premiums = { av: {}, dental: {} };
  for (const kind of ["av", "dental"]) {
    for (const [id, amount] of Object.entries(profile.premiums?.[kind] ?? {})) premiums[kind][id] = text(amount);
  }
  return {
    persons: profile.persons.map((person) => ({
      name: person.name ?? "",
      age: String(person.age),
      sex: person.sex ?? "",
      guardian: person.guardian !== false,
      care: (person.care ?? []).map((line) => ({
        id: line.id,
        count: String(line.count ?? 1),
        price: text(line.price),
        contracted: line.contracted ?? true,
        assumedContract: line.contracted === undefined,
        earlier: text(line.reimbursed_earlier_in_period),
        earlierCount: text(line.count_earlier_in_period),
      })),
    })),
    packages: (profile.packages ?? data.defaults).map((c) => ({ av: c.av, dental: c.dental ?? "" })),
    premiums,
  };
}
