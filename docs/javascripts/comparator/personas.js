// "Begin met een voorbeeld": the example households, and "Opnieuw beginnen". Either replaces what
// the visitor entered, so the household it replaced can be brought back ("Ongedaan maken") until
// the next replacement; an example replaces nothing silently.

import { el, uid } from "./dom.js";
import { defaultState, stateFromProfile } from "./model.js";
import { say } from "./words.js";

const copy = (state) => JSON.parse(JSON.stringify(state));

export class Personas {
  /** `form`: the ComparatorForm; `changed()`: recompute after a replacement; `toResults()`: jump to the answer. */
  constructor(data, form, { changed, toResults }) {
    this.data = data;
    this.form = form;
    this.changed = changed;
    this.undoStatus = el("p", { class: "cmp-undo-text", role: "status" });
    this.undoButton = el("button", { type: "button", class: "md-button", "data-undo": true, hidden: true, onclick: () => this.undo() }, say("Ongedaan maken"));
    const headingId = uid();
    this.node = el(
      "section",
      { class: "cmp-personas", "aria-labelledby": headingId },
      el("h2", { id: headingId }, say("Begin met een voorbeeld")),
      el("ul", {}, data.personas.map((persona) => this.button(persona))),
      el("p", { class: "cmp-hint" }, say("De bedragen in de voorbeelden zijn schattingen; pas ze aan uw eigen rekeningen aan.")),
      el("div", { class: "cmp-undo" }, this.undoStatus, this.undoButton),
      el(
        "div",
        { class: "cmp-actions" },
        el("button", { type: "button", class: "md-button", "data-restart": true, onclick: () => this.replace(defaultState(data), say("U begint opnieuw met een leeg formulier.")) }, say("Opnieuw beginnen")),
        // On a phone the results are far below the form: one tap there, and focus with it.
        el("button", { type: "button", class: "cmp-jump", onclick: toResults }, say("Naar de uitkomst")),
      ),
    );
  }

  button(persona) {
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
          onclick: () => this.replace(stateFromProfile(persona.profile, this.data), say("Het voorbeeld {title} staat nu in het formulier.", { title: persona.title })),
        },
        persona.title,
      ),
      el("p", { id: summaryId }, persona.summary),
    );
  }

  /** Put `state` in the form; what it replaces can be brought back. */
  replace(state, message) {
    this.previous = copy(this.form.state);
    this.form.load(state);
    this.undoStatus.textContent = `${message} ${say("Uw vorige invoer kunt u terugzetten.")}`;
    this.undoButton.hidden = false;
    this.changed();
  }

  undo() {
    if (!this.previous) return;
    this.form.load(this.previous);
    this.previous = null;
    this.undoStatus.textContent = say("Uw vorige invoer staat weer in het formulier.");
    this.undoButton.hidden = true;
    this.changed();
  }
}
