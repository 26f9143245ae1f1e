// The comparator page (vergelijker/): the examples, the form, the answer and the share link, wired
// to the engine's worker. The address bar always holds the household the page computes (replaced,
// never pushed); a share link that arrives is applied once, and the visitor's edits win after that:
// a reload or Back with the page's own link restores this tab's kept form (session.js).

import assets from "../../assets/comparator/build.js";
import { cannotLoad } from "./app.js";
import { answerSummary, renderBest } from "./best.js";
import { ComparatorForm } from "./form.js";
import { defaultState, stateFromProfile, validate } from "./model.js";
import { Personas } from "./personas.js";
import { renderResults } from "./results.js";
import { cameBackToAnswer, keepForm, keepLink, keepWhatIf, keptForm, keptLink, keptWhatIf, leavingFromAnswer } from "./session.js";
import { linkedJson, ShareBox } from "./share.js";
import { ResultsView } from "./view.js";
import { renderWhatIf } from "./what_if.js";
import { english, localized, say } from "./words.js";

const assetBase = new URL("../../assets/comparator/", import.meta.url);
const siteRoot = new URL("../../", import.meta.url);
let formData = fetchFormData(); // from the module's first load on: the form is drawn from it
let current;

addEventListener("hashchange", () => current?.root.isConnected && location.hash !== keptLink() && current.fromHash());
// Printing shows every explanation; afterwards the details are as they were.
addEventListener("beforeprint", () => {
  for (const details of current?.root.querySelectorAll("details") ?? []) {
    details.dataset.wasOpen = String(details.open);
    details.open = true;
  }
});
addEventListener("afterprint", () => {
  for (const details of current?.root.querySelectorAll("details[data-was-open]") ?? []) {
    details.open = details.dataset.wasOpen === "true";
  }
});

/** A JSON value as text with its keys sorted, so that two equal values give the same text. */
const canonical = (value) =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(",")}]`
    : value !== null && typeof value === "object"
      ? `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`
      : JSON.stringify(value);

/** Whether every text in a parsed JSON value is well-formed Unicode. */
const wellFormed = (value) =>
  typeof value === "string" ? value.isWellFormed() : value === null || typeof value !== "object" || Object.values(value).every(wellFormed);

/** The answer the site was built with (form.json) when `json` is a persona's household exactly:
 * with the form's defaults, and every number read as written (a number JavaScript would round,
 * such as 1e999, or a browser that cannot tell, never matches). */
function builtAnswer(json, data) {
  const household = (profile) => canonical({ packages: data.defaults, ...profile });
  let exact = true;
  try {
    const parsed = JSON.parse(json, (_key, value, context) => {
      if (typeof value === "number" && String(value) !== context?.source) exact = false;
      return value;
    });
    if (!exact) return null;
    return data.personas.find((persona) => household(persona.profile) === household(parsed))?.answer ?? null;
  } catch {
    return null; // not JSON: the engine says what is wrong with it
  }
}

/** "Anna, fysiotherapie" for a field's path, for "Nog niet te berekenen: ...". */
function where(path, state, catalogue) {
  const [kind, index, sub, line] = path.split(".");
  if (kind === "persons") {
    const person = state.persons[index];
    const who = person.name ? `${person.name}` : say("persoon {n}", { n: Number(index) + 1 });
    return sub === "care" ? `${who}, ${catalogue.get(person.care[line].id).title.toLowerCase()}` : who;
  }
  return kind === "packages" ? say("combinatie {n}", { n: Number(index) + 1 }) : say("premies");
}

/** The "wat als?" line [person, line] if the profile in `json` still has it, else null. */
function chosenLine(choice, json) {
  if (!choice) return null;
  const [person, line] = choice;
  try {
    return JSON.parse(json).persons[person]?.care?.[line] ? choice : null;
  } catch {
    return null; // a share link that is not JSON: the engine says what is wrong with it
  }
}

/** Where the site shows an article (a dental package's own part of chapter 8 where it has one). */
function articleLink(links, article, dental) {
  const path = links[`${article}@${dental}`] ?? links[article] ?? links[article.split(".")[0]] ?? "";
  return new URL(path, siteRoot).href;
}

class ComparatorPage {
  constructor(root, engine, data) {
    Object.assign(this, { root, engine, data, ticket: 0, open: new Set(), whatIf: keptWhatIf() });
    this.catalogue = new Map(data.care.map((item) => [item.id, item]));
    this.engineState = { state: "loading", detail: "start" };
    this.form = new ComparatorForm(data, () => this.compute());
    this.view = new ResultsView();
    this.share = new ShareBox();
    this.personas = new Personas(data, this.form, { changed: () => this.compute(), toResults: () => this.view.toResults() });
    // An article linked in the answer, then Back: the page shows the answer again.
    this.view.output.addEventListener("click", (event) => event.target.closest("a[href]") && leavingFromAnswer());
    root.replaceChildren(this.personas.node, this.form.node, this.view.node, this.share.node, this.view.sticky);
    this.landOnAnswer = cameBackToAnswer();
    this.unwatch = engine.watch((state) => this.engineChanged(state));
    this.restore();
    if (location.hash.startsWith("#p=") && location.hash !== keptLink()) this.fromHash();
    else this.compute();
  }

  /** The form as this tab last had it (what could not be read is dropped, and said), or the default. */
  restore() {
    const kept = keptForm(this.data);
    this.form.load(kept?.state ?? defaultState(this.data));
    if (kept?.dropped) this.personas.undoStatus.textContent = say("Een deel van uw bewaarde invoer was onleesbaar en is weggelaten.");
  }

  engineChanged(state) {
    this.engineState = state;
    if (state.state === "error") this.ticket++;
    this.view.engineChanged(state);
  }

  /** Apply the share link in the address bar once; the answer is shown when it is drawn. */
  fromHash() {
    let json;
    try {
      json = linkedJson(location.hash);
    } catch (error) {
      this.ticket++;
      keepLink(location.hash); // applied: a reload keeps the form, and the error is not shown again
      this.view.show("error", say("Deze deellink klopt niet: {why}. Het formulier werkt gewoon.", { why: say(error.message) }));
      return;
    }
    this.landOnAnswer = true;
    const shown = this.showLinked(json);
    keepLink(location.hash);
    this.request(json, () => {
      const profile = JSON.parse(json);
      if (!shown) this.form.load(stateFromProfile(profile, this.data));
      keepForm(this.form.state);
      this.share.input.value = location.href;
      return profile;
    }, say("Deze deellink klopt niet"));
  }

  /** A share link's household in the form at once, while the engine starts, when the page's own
   * checks accept it (else the engine's answer says what is wrong); whether it did. */
  showLinked(json) {
    try {
      const profile = JSON.parse(json);
      if (!wellFormed(profile)) return false; // text the engine refuses (a lone surrogate) is not drawn
      const state = stateFromProfile(profile, this.data);
      if (!validate(state, this.data).profile) return false;
      this.form.load(state);
      keepForm(state);
      this.share.input.value = location.href;
      return true;
    } catch {
      return false;
    }
  }

  compute() {
    keepForm(this.form.state);
    const { profile, errors } = validate(this.form.state, this.data);
    this.form.showErrors(errors);
    if (!profile) {
      this.ticket++;
      const [path, message] = errors.entries().next().value;
      const input = this.form.node.querySelector(`[data-path="${path}"]`);
      const untouched = !this.form.touched.has(path) && !input?.value.trim();
      if (untouched) this.view.show("error", say("Vul de gegevens hierboven in; de uitkomst verschijnt dan meteen."), true);
      else this.view.show("error", say("Nog niet te berekenen: {where}. {message}", { where: where(path, this.form.state, this.catalogue), message }));
      return;
    }
    const json = JSON.stringify(profile);
    keepLink(this.share.set(json));
    this.request(json, () => profile, say("De rekenmodule weigerde de invoer"));
  }

  /** "Wat als?": the same input again, with the chosen care line's chart. */
  chooseWhatIf(choice) {
    this.whatIf = choice;
    keepWhatIf(choice);
    this.refocusWhatIf = true;
    if (this.lastRequest) this.request(...this.lastRequest);
  }

  whatIfFor(json) {
    return chosenLine(this.whatIf, json);
  }

  /** Send JSON to the engine; when its answer is still the latest, show it (accepted() gives the profile).
   * While the engine starts, a persona's household shows the answer built with the site at once. */
  async request(json, accepted, refusal) {
    this.lastRequest = [json, accepted, refusal];
    const ticket = ++this.ticket;
    if (this.engineState.state === "error") return;
    if (this.engineState.state === "loading") {
      const built = this.whatIfFor(json) ? null : builtAnswer(json, this.data);
      if (built) this.draw(built, accepted, "built");
      else this.view.show("loading", say("De uitkomst volgt zodra de rekenmodule klaar is."));
    }
    const reply = await this.engine.compare(json, this.whatIfFor(json));
    if (ticket !== this.ticket) return; // a newer request is on its way (the engine may have dropped this one)
    const show = (message) => this.view.show("error", message);
    if (reply.timeout) return show(say("De berekening duurde langer dan {seconds} seconden en is gestopt. Uw invoer blijft staan; met minder personen, zorgregels of combinaties gaat het sneller.", { seconds: reply.timeout / 1000 }));
    if (reply.crashed) return show(say("De rekenmodule liep vast op deze invoer en is opnieuw gestart. Uw invoer blijft staan; pas die aan of kies een voorbeeld."));
    // The page's language only: a Python error goes to the console.
    if (reply.failure) return console.warn(`Vergelijker: ${reply.failure}`), show(say("De rekenmodule liep vast op deze invoer. Uw invoer blijft staan."));
    // best_plans validates as compare does; should it still refuse, say so rather than draw half an answer.
    const refused = reply.result.error ? reply.result : reply.best.error ? reply.best : null;
    if (refused) return show(`${refusal}. ${english ? refused.error : refused.message_nl}`);
    this.draw(reply, accepted, "live");
  }

  /** Draw an answer: "live" from the engine in this browser, or "built" with the site (a persona's,
   * shown while the engine starts and then drawn again from the engine's own). */
  draw(reply, accepted, source) {
    const profile = accepted(reply.result);
    const context = { link: (article, dental) => articleLink(this.data.links, article, dental), catalogue: this.catalogue, data: this.data };
    // An explanation opened just now may not have sent its toggle event yet (a click on it also
    // ends the edit of a field, which recomputes): keep what the page shows open.
    this.view.output.querySelectorAll(".cmp-detail").forEach((details, i) => (details.open ? this.open.add(i) : this.open.delete(i)));
    const choice = this.whatIfFor(JSON.stringify(profile));
    const output = renderResults(reply.result, profile, { ...context, open: this.open, household: this.data.household, ranked: !reply.best.explanation });
    const whatIf = renderWhatIf(reply, profile, { catalogue: this.catalogue, household: this.data.household, choice, choose: (line) => this.chooseWhatIf(line) });
    const built = source === "built" ? ` ${say("Dit voorbeeld is vooraf berekend, met dezelfde rekenregels; uw browser rekent het nu na.")}` : "";
    this.view.answer([renderBest(reply, profile, context), whatIf ?? "", output], source, answerSummary(reply.best) + built, reply.best);
    if (this.refocusWhatIf) this.view.output.querySelector("[data-what-if-select]")?.focus();
    this.refocusWhatIf = false;
    if (this.landOnAnswer) this.view.toResults();
    this.landOnAnswer = false;
    performance.mark(source === "built" ? "comparator:built-results" : "comparator:results"); // read by tests/bench/bench_comparator.py
  }

}

function fetchFormData() {
  const data = fetch(new URL(assets.form, assetBase)).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  });
  data.catch(() => {}); // reported by mountComparator
  return data;
}

/** Draw the comparator into `root` (an element with data-comparator). */
export async function mountComparator(root, engine) {
  current?.unwatch?.();
  formData ??= fetchFormData();
  try {
    current = new ComparatorPage(root, engine, localized(await formData));
  } catch (error) {
    formData = undefined;
    cannotLoad(root, error);
  }
}
