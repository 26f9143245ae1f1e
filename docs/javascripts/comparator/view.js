// Where the answer is shown: the results section (the contract's data-state = loading | ready |
// error), the engine's start-up progress, one status line for the live region, and on a phone a
// bar stuck to the bottom of the screen with the household's cheapest plan and a jump to it.

import { FILE_FAILED } from "./bridge.js";
import { el, euro, uid } from "./dom.js";
import { say } from "./words.js";

const PROGRESS = {
  start: [0, say("De rekenmodule wordt gestart")],
  runtime: [1, say("Python wordt gestart in uw browser")],
  engine: [2, say("De rekenregels worden geladen")],
};

export class ResultsView {
  constructor() {
    const headingId = uid();
    const progressId = uid();
    this.progressText = el("p", { id: progressId, role: "status" });
    this.progress = el("progress", { max: 3, value: 0, "aria-labelledby": progressId });
    this.loading = el("div", { class: "cmp-loading" }, this.progress, this.progressText);
    this.status = el("p", { class: "cmp-status", role: "status" });
    this.output = el("div");
    this.heading = el("h2", { id: headingId, tabindex: "-1" }, say("Uitkomst"));
    this.node = el(
      "section",
      { class: "cmp-results", "data-comparator-results": true, "data-state": "loading", "aria-labelledby": headingId },
      this.heading,
      this.loading,
      this.status,
      this.output,
    );
    // Hidden while a form field has the focus (comparator.css), so that it never covers what the visitor types.
    this.stickyText = el("span", { class: "cmp-sticky-text" });
    this.sticky = el(
      "div",
      { class: "cmp-sticky", role: "region", "aria-label": say("Samenvatting van de uitkomst"), hidden: true },
      this.stickyText,
      el("button", { type: "button", class: "cmp-sticky-jump", onclick: () => this.toResults() }, say("Naar de uitkomst")),
    );
  }

  toResults() {
    this.heading.scrollIntoView({ block: "start" }); // keeps its scroll-margin (the fixed header), unlike focus()
    this.heading.focus({ preventScroll: true });
  }

  show(state, message, prompt = false) {
    this.node.dataset.state = state;
    this.status.classList.toggle("cmp-prompt", prompt);
    this.node.setAttribute("aria-busy", String(state === "loading"));
    this.status.textContent = message;
    if (state !== "ready") {
      delete this.node.dataset.answer;
      this.output.replaceChildren();
      this.sticky.hidden = true;
    }
  }

  /** Draw `nodes` as the answer: "live" from the engine in this browser, or "built" with the site. */
  answer(nodes, source, summary, best) {
    this.output.replaceChildren(...nodes);
    this.node.dataset.answer = source;
    this.show("ready", summary);
    const top = best.plans[0];
    this.sticky.hidden = Boolean(best.explanation) || !top;
    if (top) this.stickyText.textContent = say("Goedkoopst: {total} per jaar", { total: euro(top.total_year) });
  }

  /** The engine's start: progress while it loads, its failure in the page's language. */
  engineChanged(state) {
    this.loading.hidden = state.state !== "loading";
    if (state.state === "ready") this.node.dataset.engineStart = state.detail; // "snapshot" or "fresh"
    if (state.state === "loading") {
      const [step, text] = PROGRESS[state.detail] ?? PROGRESS.start;
      this.progress.value = step;
      this.progressText.textContent = say("{text} (stap {n} van 3). Het formulier kunt u al invullen.", { text, n: step + 1 });
    } else if (state.state === "error") {
      // The page's language only on the page: a browser's or Python's own (English) words go to the console.
      const why = state.detail === "timeout" ? say("het starten duurde te lang") : state.detail === FILE_FAILED ? say(FILE_FAILED) : null;
      if (!why) console.warn(`Vergelijker: ${state.detail}`);
      this.show("error", say("De rekenmodule kon niet starten{why}. Herlaad de pagina; de tabellen elders op de site werken ook zonder.", { why: why ? ` (${why})` : "" }));
    }
  }
}
