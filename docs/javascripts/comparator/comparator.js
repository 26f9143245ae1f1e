// The comparator page (vergelijker/): personas, the form, the results and the share link, wired to
// the engine's worker. The results container carries data-state = loading | ready | error.

import assets from "../../assets/comparator/build.js";
import { cannotLoad } from "./app.js";
import { FILE_FAILED } from "./bridge.js";
import { answerSummary, renderBest } from "./best.js";
import { el, euro, uid } from "./dom.js";
import { ComparatorForm } from "./form.js";
import { defaultState, stateFromProfile, validate } from "./model.js";
import { renderResults } from "./results.js";
import { linkedJson, shareLink } from "./share.js";
import { renderWhatIf } from "./what_if.js";
import { english, localized, say } from "./words.js";

const assetBase = new URL("../../assets/comparator/", import.meta.url);
const siteRoot = new URL("../../", import.meta.url);
const PROGRESS = {
  start: [0, say("De rekenmodule wordt gestart")],
  runtime: [1, say("Python wordt gestart in uw browser")],
  engine: [2, say("De rekenregels worden geladen")],
};

// The form survives a reload, Back/Forward and a visit to an article: it is kept in this browser
// tab's sessionStorage (on the device, gone when the tab closes; the page's privacy note says so).
const KEPT_FORM = "vergelijker-formulier";
const KEPT_WHAT_IF = "vergelijker-wat-als"; // the care line chosen under "Wat als?", kept alike
let formData = fetchFormData(); // from the module's first load on: the form is drawn from it
let current;

addEventListener("hashchange", () => current?.root.isConnected && current.fromHash());
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

class ComparatorPage {
  constructor(root, engine, data) {
    this.root = root;
    this.engine = engine;
    this.data = data;
    this.catalogue = new Map(data.care.map((item) => [item.id, item]));
    this.ticket = 0;
    this.open = new Set();
    this.whatIf = null; // [person, line] chosen under "Wat als?"
    this.engineState = { state: "loading", detail: "start" };
    this.form = new ComparatorForm(data, () => this.compute());
    this.buildResults();
    this.buildShare();
    this.buildSticky();
    root.replaceChildren(this.personas(), this.form.node, this.results, this.share, this.sticky);
    this.restore();
    this.unwatch = engine.watch((state) => this.engineChanged(state));
    this.fromHash() || this.compute();
  }

  /** The form as this tab last had it, or the default; a share link (fromHash) replaces either. */
  restore() {
    try {
      const line = JSON.parse(sessionStorage.getItem(KEPT_WHAT_IF));
      if (Array.isArray(line) && line.length === 2 && line.every(Number.isInteger)) this.whatIf = line;
      const kept = JSON.parse(sessionStorage.getItem(KEPT_FORM));
      if (Array.isArray(kept?.persons) && Array.isArray(kept?.packages)) return this.form.load(kept);
    } catch {
      // storage blocked or an older build's form that no longer draws: start afresh
    }
    this.form.load(defaultState(this.data));
  }

  keep() {
    try {
      sessionStorage.setItem(KEPT_FORM, JSON.stringify(this.form.state));
    } catch {
      // storage blocked or full: the form still works, it is just not kept
    }
  }

  personas() {
    const headingId = uid();
    return el(
      "section",
      { class: "cmp-personas", "aria-labelledby": headingId },
      el("h2", { id: headingId }, say("Begin met een voorbeeld")),
      el(
        "ul",
        {},
        this.data.personas.map((persona) => {
          const summaryId = uid();
          return el(
            "li",
            {},
            el(
              "button",
              {
                type: "button",
                class: "md-button",
                "data-persona": persona.id,
                "aria-describedby": summaryId,
                onclick: () => {
                  this.form.load(stateFromProfile(persona.profile, this.data));
                  this.compute();
                },
              },
              persona.title,
            ),
            el("p", { id: summaryId }, persona.summary),
          );
        }),
      ),
      el("p", { class: "cmp-hint" }, say("De bedragen in de voorbeelden zijn schattingen; pas ze aan uw eigen rekeningen aan.")),
      // On a phone the results are far below the form: one tap there, and focus with it.
      el("button", { type: "button", class: "cmp-jump", onclick: () => this.toResults() }, say("Naar de uitkomst")),
    );
  }

  toResults() {
    this.resultsHeading.scrollIntoView({ block: "start" }); // keeps its scroll-margin (the fixed header), unlike focus()
    this.resultsHeading.focus({ preventScroll: true });
  }

  buildResults() {
    const headingId = uid();
    const progressId = uid();
    this.progressText = el("p", { id: progressId, role: "status" });
    this.progress = el("progress", { max: 3, value: 0, "aria-labelledby": progressId });
    this.loading = el("div", { class: "cmp-loading" }, this.progress, this.progressText);
    this.status = el("p", { class: "cmp-status", role: "status" });
    this.output = el("div");
    this.results = el(
      "section",
      { class: "cmp-results", "data-comparator-results": true, "data-state": "loading", "aria-labelledby": headingId },
      (this.resultsHeading = el("h2", { id: headingId, tabindex: "-1" }, say("Uitkomst"))),
      this.loading,
      this.status,
      this.output,
    );
  }

  // On a phone, once there is an answer: the best plan's total and a jump to it, stuck to the
  // bottom of the screen. Hidden while a form field has the focus (comparator.css), so that it
  // never covers what the visitor is typing in.
  buildSticky() {
    this.stickyText = el("span", { class: "cmp-sticky-text" });
    this.sticky = el(
      "div",
      { class: "cmp-sticky", role: "region", "aria-label": say("Samenvatting van de uitkomst"), hidden: true },
      this.stickyText,
      el("button", { type: "button", class: "cmp-sticky-jump", onclick: () => this.toResults() }, say("Naar de uitkomst")),
    );
  }

  showSticky(best) {
    const top = best.plans[0];
    this.sticky.hidden = Boolean(best.explanation) || !top;
    if (top) this.stickyText.textContent = say("Goedkoopst: {total} per jaar", { total: euro(top.total_year) });
  }

  buildShare() {
    const headingId = uid();
    const inputId = uid();
    this.shareInput = el("input", { id: inputId, type: "text", readonly: true, class: "cmp-share-link", value: "" });
    this.shareStatus = el("p", { class: "cmp-hint", role: "status" });
    this.share = el(
      "section",
      { class: "cmp-share", "aria-labelledby": headingId },
      el("h2", { id: headingId }, say("Delen of bewaren")),
      el("p", {}, say("De link bevat uw hele invoer, in het deel na de #: dat deel wordt nooit naar een server gestuurd. Wie de link heeft, ziet uw gegevens.")),
      el("label", { for: inputId }, say("Link naar deze vergelijking")),
      this.shareInput,
      el("button", { type: "button", class: "md-button md-button--primary", onclick: () => this.copy() }, say("Kopieer link")),
      this.shareStatus,
    );
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.shareInput.value);
      this.shareStatus.textContent = say("De link is gekopieerd.");
    } catch {
      this.shareInput.select();
      this.shareStatus.textContent = say("Kopiëren lukte niet automatisch: de link is geselecteerd, kopieer hem zelf.");
    }
  }

  show(state, message, prompt = false) {
    this.results.dataset.state = state;
    this.status.classList.toggle("cmp-prompt", prompt);
    this.results.setAttribute("aria-busy", String(state === "loading"));
    this.status.textContent = message;
    if (state !== "ready") {
      delete this.results.dataset.answer;
      this.output.replaceChildren();
      this.sticky.hidden = true;
    }
  }

  engineChanged(state) {
    this.engineState = state;
    this.loading.hidden = state.state !== "loading";
    if (state.state === "ready") this.results.dataset.engineStart = state.detail; // "snapshot" or "fresh"
    if (state.state === "loading") {
      const [step, text] = PROGRESS[state.detail] ?? PROGRESS.start;
      this.progress.value = step;
      this.progressText.textContent = say("{text} (stap {n} van 3). Het formulier kunt u al invullen.", { text, n: step + 1 });
    } else if (state.state === "error") {
      this.ticket++;
      // The page's language only on the page: a browser's or Python's own (English) words go to the console.
      const why = state.detail === "timeout" ? say("het starten duurde te lang") : state.detail === FILE_FAILED ? say(FILE_FAILED) : null;
      if (!why) console.warn(`Vergelijker: ${state.detail}`);
      this.show("error", say("De rekenmodule kon niet starten{why}. Herlaad de pagina; de tabellen elders op de site werken ook zonder.", { why: why ? ` (${why})` : "" }));
    }
  }

  /** Restore the form and results from a #p= link; false when there is none. */
  fromHash() {
    let json;
    try {
      json = linkedJson(location.hash);
    } catch (error) {
      this.ticket++;
      this.show("error", say("Deze deellink klopt niet: {why}. Het formulier werkt gewoon.", { why: say(error.message) }));
      return true;
    }
    if (json === null) return false;
    const shown = this.showLinked(json);
    this.request(json, (result) => {
      const profile = JSON.parse(json);
      if (!shown) this.form.load(stateFromProfile(profile, this.data));
      this.keep();
      this.shareInput.value = shareLink(json);
      return profile;
    }, say("Deze deellink klopt niet"));
    return true;
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
      this.shareInput.value = shareLink(json);
      return true;
    } catch {
      return false;
    }
  }

  compute() {
    this.keep();
    const { profile, errors } = validate(this.form.state, this.data);
    this.form.showErrors(errors);
    if (!profile) {
      this.ticket++;
      const [path, message] = errors.entries().next().value;
      const input = this.form.node.querySelector(`[data-path="${path}"]`);
      const untouched = !this.form.touched.has(path) && !input?.value.trim();
      if (untouched) this.show("error", say("Vul de gegevens hierboven in; de uitkomst verschijnt dan meteen."), true);
      else this.show("error", say("Nog niet te berekenen: {where}. {message}", { where: this.where(path), message }));
      return;
    }
    const json = JSON.stringify(profile);
    this.shareInput.value = shareLink(json);
    this.request(json, () => profile, say("De rekenmodule weigerde de invoer"));
  }

  /** "Wat als?": the same input again, with the chosen care line's chart. */
  chooseWhatIf(choice) {
    this.whatIf = choice;
    try {
      sessionStorage.setItem(KEPT_WHAT_IF, JSON.stringify(choice));
    } catch {
      // not kept; the chart still shows
    }
    this.refocusWhatIf = true;
    if (this.lastRequest) this.request(...this.lastRequest);
  }

  /** The chosen "wat als?" line if the profile still has it. */
  whatIfFor(json) {
    if (!this.whatIf) return null;
    const [person, line] = this.whatIf;
    try {
      return JSON.parse(json).persons[person]?.care?.[line] ? this.whatIf : null;
    } catch {
      return null; // a share link that is not JSON: the engine says what is wrong with it
    }
  }

  where(path) {
    const [kind, index, sub, line] = path.split(".");
    if (kind === "persons") {
      const person = this.form.state.persons[index];
      const who = person.name ? `${person.name}` : say("persoon {n}", { n: Number(index) + 1 });
      if (sub === "care") return `${who}, ${this.catalogue.get(person.care[line].id).title.toLowerCase()}`;
      return who;
    }
    return kind === "packages" ? say("combinatie {n}", { n: Number(index) + 1 }) : say("premies");
  }

  /** The answer the site was built with (form.json) when `json` is a persona's household exactly:
   * the engine's own answer, computed by the same engine at build time. */
  builtAnswer(json) {
    const household = (profile) => canonical({ packages: this.data.defaults, ...profile });
    try {
      const asked = household(JSON.parse(json));
      return this.data.personas.find((persona) => household(persona.profile) === asked)?.answer ?? null;
    } catch {
      return null; // not JSON: the engine says what is wrong with it
    }
  }

  /** Send JSON to the engine; when its answer is still the latest, show it (accepted() gives the profile).
   * While the engine starts, a persona's household shows the answer built with the site at once. */
  async request(json, accepted, refusal) {
    this.lastRequest = [json, accepted, refusal];
    const ticket = ++this.ticket;
    if (this.engineState.state === "error") return;
    if (this.engineState.state === "loading") {
      const built = this.whatIfFor(json) ? null : this.builtAnswer(json);
      if (built) this.draw(built, json, accepted, "built");
      else this.show("loading", say("De uitkomst volgt zodra de rekenmodule klaar is."));
    }
    const reply = await this.engine.compare(json, this.whatIfFor(json));
    if (ticket !== this.ticket) return; // a newer request is on its way (the engine may have dropped this one)
    if (reply.timeout) {
      const seconds = reply.timeout / 1000;
      return this.show("error", say("De berekening duurde langer dan {seconds} seconden en is gestopt. Uw invoer blijft staan; met minder personen, zorgregels of combinaties gaat het sneller.", { seconds }));
    }
    if (reply.crashed) return this.show("error", say("De rekenmodule liep vast op deze invoer en is opnieuw gestart. Uw invoer blijft staan; pas die aan of kies een voorbeeld."));
    // The page speaks Dutch only: the engine's English message and a Python error go to the console.
    if (reply.failure) {
      console.warn(`Vergelijker: ${reply.failure}`);
      return this.show("error", say("De rekenmodule liep vast op deze invoer. Uw invoer blijft staan."));
    }
    if (reply.result.error) return this.show("error", `${refusal}. ${english ? reply.result.error : reply.result.message_nl}`);
    // best_plans validates as compare does; should it still refuse, say so rather than draw half an answer.
    if (reply.best.error) return this.show("error", `${refusal}. ${english ? reply.best.error : reply.best.message_nl}`);
    this.draw(reply, json, accepted, "live");
  }

  /** Draw an answer: "live" from the engine in this browser, or "built" with the site (a persona's,
   * shown while the engine starts and then drawn again from the engine's own). */
  draw(reply, json, accepted, source) {
    const profile = accepted(reply.result);
    const link = (article, dental) => this.articleLink(article, dental);
    // Without an adult nobody chooses a package (art. 1.2.2): the combinations are not ranked.
    const ranked = !reply.best.explanation;
    // An explanation opened just now may not have sent its toggle event yet (a click on it also
    // ends the edit of a field, which recomputes): keep what the page shows open.
    this.output.querySelectorAll(".cmp-detail").forEach((details, i) => (details.open ? this.open.add(i) : this.open.delete(i)));
    const output = renderResults(reply.result, profile, { catalogue: this.catalogue, link, open: this.open, ranked });
    const whatIf = renderWhatIf(reply, profile, { catalogue: this.catalogue, choice: this.whatIfFor(json), choose: (choice) => this.chooseWhatIf(choice) });
    this.output.replaceChildren(renderBest(reply, profile, { link, catalogue: this.catalogue, data: this.data }), whatIf ?? "", output);
    const built = source === "built" ? ` ${say("Dit voorbeeld is vooraf berekend, met dezelfde rekenregels; uw browser rekent het nu na.")}` : "";
    this.results.dataset.answer = source;
    this.show("ready", answerSummary(reply.best) + built);
    this.showSticky(reply.best);
    if (this.refocusWhatIf) this.output.querySelector("[data-what-if-select]")?.focus();
    this.refocusWhatIf = false;
    performance.mark(source === "built" ? "comparator:built-results" : "comparator:results"); // read by tests/bench/bench_comparator.py
  }

  articleLink(article, dental) {
    const links = this.data.links;
    const path = links[`${article}@${dental}`] ?? links[article] ?? links[article.split(".")[0]] ?? "";
    return new URL(path, siteRoot).href;
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
