// What this browser tab keeps of the visitor's input, in sessionStorage (on the device, gone when
// the tab closes; the page's privacy note says so): the form, the "wat als?" line, the share link
// the page last wrote into the address bar, and whether the visitor left by a link in the answer.
// The kept form is checked field by field against the shape the form draws: a field of another
// type, a care line of an unknown kind or a person that is not one is dropped, and the page says so.

import { newLine, newPerson } from "./model.js";

const FORM = "vergelijker-formulier";
const WHAT_IF = "vergelijker-wat-als";
const LINK = "vergelijker-link";
const LEFT_FROM_ANSWER = "vergelijker-terug-naar-uitkomst";

function read(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key));
  } catch {
    return null; // storage blocked, or not JSON: nothing kept
  }
}

function write(key, value) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage blocked or full: the page still works, it is just not kept
  }
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** `value` shaped as `template` (same keys, same types), counting every field that was not. */
function shaped(value, template, dropped) {
  const out = {};
  for (const [key, fallback] of Object.entries(template)) {
    const ok = value[key] !== undefined && typeof value[key] === typeof fallback && !isObject(value[key]) && !Array.isArray(value[key]);
    if (!ok && value[key] !== undefined) dropped.count++;
    out[key] = ok ? value[key] : fallback;
  }
  return out;
}

/** {state, dropped}: the kept form made safe to draw, or null when nothing usable was kept. */
export function keptForm(data) {
  const kept = read(FORM);
  if (kept === null) return null;
  const dropped = { count: 0 };
  if (!isObject(kept) || !Array.isArray(kept.persons) || !kept.persons.length) return { state: null, dropped: 1 };
  const catalogue = new Map(data.care.map((item) => [item.id, item]));
  const persons = kept.persons.flatMap((person) => {
    if (!isObject(person)) return dropped.count++, [];
    const { care, ...fields } = newPerson();
    const lines = (Array.isArray(person.care) ? person.care : []).flatMap((line) => {
      const item = isObject(line) && catalogue.get(line.id);
      if (!item) return dropped.count++, [];
      return [shaped(line, newLine(item), dropped)];
    });
    if (person.care !== undefined && !Array.isArray(person.care)) dropped.count++;
    return [{ ...shaped(person, fields, dropped), care: lines }];
  });
  const packageIds = { av: new Set(data.av.map((p) => p.id)), dental: new Set(["", ...data.dental.map((p) => p.id)]) };
  const packages = (Array.isArray(kept.packages) ? kept.packages : []).flatMap((entry) => {
    if (isObject(entry) && packageIds.av.has(entry.av) && packageIds.dental.has(entry.dental)) return [{ av: entry.av, dental: entry.dental }];
    return dropped.count++, [];
  });
  const premiums = { av: {}, dental: {} };
  for (const kind of ["av", "dental"]) {
    for (const [id, text] of Object.entries(isObject(kept.premiums?.[kind]) ? kept.premiums[kind] : {})) {
      if (typeof text === "string" && packageIds[kind].has(id)) premiums[kind][id] = text;
      else dropped.count++;
    }
  }
  if (!persons.length) return { state: null, dropped: dropped.count || 1 };
  const defaults = data.defaults.map((combination) => ({ av: combination.av, dental: combination.dental ?? "" }));
  return { state: { persons, packages: packages.length ? packages : defaults, premiums }, dropped: dropped.count };
}

export const keepForm = (state) => write(FORM, state);

/** The "wat als?" line [person, line] this tab chose last, or null. */
export function keptWhatIf() {
  const line = read(WHAT_IF);
  return Array.isArray(line) && line.length === 2 && line.every(Number.isInteger) ? line : null;
}

export const keepWhatIf = (line) => write(WHAT_IF, line);

/** The share link's fragment this page wrote last: with it in the address bar, the kept form is
 * the visitor's own newer input, not a link that arrives. */
export const keptLink = () => read(LINK);
export const keepLink = (hash) => write(LINK, hash);

/** Leaving by a link in the answer: coming Back, the page shows the answer, not the form's top. */
export const leavingFromAnswer = () => write(LEFT_FROM_ANSWER, true);
export function cameBackToAnswer() {
  const back = read(LEFT_FROM_ANSWER) === true;
  write(LEFT_FROM_ANSWER, null);
  return back;
}
