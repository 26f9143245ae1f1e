// The comparator's form: household, care lines, package combinations, premium overrides.
// The state (model.js) is the source of truth; render() redraws the form from it after a
// structural change (adding or removing a person, line or combination), while typing only
// updates the state, so focus and caret stay where they are. Inputs carry data-path, the field's
// path in the state, which is also the key of its validation message.

import { rankCare } from "./care_search.js";
import { el, euro, uid } from "./dom.js";
import { LIMITS, asksGuardian, newLine, newPerson, showsCount } from "./model.js";
import { say } from "./words.js";

const SEXES = [
  ["", say("Niet opgeven")],
  ["female", say("Vrouw")],
  ["male", say("Man")],
];
const SHOWN_MATCHES = 6; // a short list to pick from; more words narrow it
const UNITS = { behandeling: "behandelingen", consult: "consulten", uur: "uren", dag: "dagen" };

function getPath(state, path) {
  return path.split(".").reduce((node, key) => node?.[key], state);
}

function setPath(state, path, value) {
  const keys = path.split(".");
  const last = keys.pop();
  keys.reduce((node, key) => node[key], state)[last] = value;
}

export class ComparatorForm {
  constructor(data, onChange) {
    this.data = data;
    this.onChange = onChange;
    this.catalogue = new Map(data.care.map((item) => [item.id, item]));
    this.touched = new Set();
    this.errors = new Map();
    this.premiumsOpen = false;
    this.node = el("form", { class: "cmp-form", novalidate: true, "aria-label": say("Uw gegevens") });
    this.node.addEventListener("submit", (event) => event.preventDefault());
    this.node.addEventListener("input", (event) => this.changed(event.target));
    this.node.addEventListener("change", (event) => this.changed(event.target, true));
  }

  /** Replace the whole state (persona, share link) and redraw. */
  load(state) {
    this.state = state;
    this.touched.clear();
    this.render();
  }

  changed(input, commit = false) {
    const path = input.dataset.path;
    if (!path) return;
    setPath(this.state, path, input.type === "checkbox" ? input.checked : input.value);
    if (commit) this.touched.add(path);
    const line = path.match(/^persons\.\d+\.care\.\d+/)?.[0];
    if (line) this.edited(line, path.slice(line.length + 1), input);
    if (path.endsWith(".name")) this.node.querySelector(`[data-legend="${path}"]`).textContent = this.legend(path);
    if (path.endsWith(".age")) this.showGuardians();
    this.onChange();
  }

  guardianField(path, p) {
    const field = this.field(
      say("Ouder of verzorger van de kinderen"),
      `${path}.guardian`,
      el("input", { type: "checkbox" }),
      say("Een kind krijgt het aanvullende pakket van de hoogst verzekerde ouder of verzorger (art. 1.2.2). Zet dit uit voor bijvoorbeeld een inwonende oma of een meerderjarig kind."),
    );
    field.dataset.guardianFor = p;
    field.hidden = true;
    return field;
  }

  /** The question "ouder of verzorger van de kinderen?" stands beside each adult only where it matters. */
  showGuardians() {
    const asked = asksGuardian(this.state.persons);
    for (const field of this.node.querySelectorAll("[data-guardian-for]")) {
      const age = Number(this.state.persons[field.dataset.guardianFor].age.trim() || NaN);
      field.hidden = !asked || !(age >= 18);
    }
  }

  /** A price typed is the visitor's own, a contract switch touched their choice: their marks go. */
  edited(linePath, field, input) {
    const line = getPath(this.state, linePath);
    if (field === "price" && line.indicative) {
      line.indicative = false;
      input.classList.remove("cmp-indicative-value");
      for (const mark of this.node.querySelectorAll(`[data-indicative-for="${linePath}"]`)) mark.hidden = true;
    }
    if (field === "contracted" && line.assumedContract) {
      line.assumedContract = false;
      this.node.querySelector(`[data-assumed-for="${linePath}"]`).hidden = true;
    }
  }

  /** Show each field's message (model.validate) next to it; untouched empty fields stay quiet. */
  showErrors(errors) {
    this.errors = errors;
    for (const input of this.node.querySelectorAll("[data-path]")) {
      const path = input.dataset.path;
      const message = errors.get(path);
      const shown = Boolean(message) && (this.touched.has(path) || input.value.trim() !== "");
      const output = this.node.querySelector(`[data-error-for="${path}"]`);
      if (shown) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      if (output) {
        output.textContent = shown ? message : "";
        output.hidden = !shown;
      }
    }
  }

  focus(path) {
    const input = this.node.querySelector(`[data-path="${path}"]`);
    this.touched.add(path);
    input?.focus();
    this.showErrors(this.errors);
  }

  structural(change, focusSelector) {
    change();
    this.render();
    this.node.querySelector(focusSelector)?.focus();
    this.onChange();
  }

  legend(namePath) {
    const index = Number(namePath.split(".")[1]);
    const name = this.state.persons[index].name;
    const person = say("Persoon {n}", { n: index + 1 });
    return name ? `${person}: ${name}` : person;
  }

  render() {
    const premiums = el(
      "details",
      { class: "cmp-premiums", open: this.premiumsOpen, ontoggle: (e) => (this.premiumsOpen = e.target.open) },
      el("summary", {}, say("Premies aanpassen (optioneel)")),
      el("p", {}, say("Premie per volwassene per maand. Leeg laten: de premie 2020 uit het overzicht van de verzekeraar. Kinderen tot 18 jaar betalen geen premie.")),
      el("div", { class: "cmp-grid" }, [
        ...this.data.av.map((p) => this.premiumField("av", p)),
        ...this.data.dental.map((p) => this.premiumField("dental", p)),
      ]),
    );
    this.node.replaceChildren(
      el(
        "fieldset",
        { class: "cmp-household" },
        el("legend", {}, say("Uw huishouden")),
        this.state.persons.map((person, p) => this.personFieldset(person, p)),
        el(
          "button",
          {
            type: "button",
            class: "md-button cmp-add-person",
            disabled: this.state.persons.length >= LIMITS.persons,
            onclick: () =>
              this.structural(
                () => this.state.persons.push(newPerson()),
                `[data-path="persons.${this.state.persons.length}.name"]`,
              ),
          },
          say("Persoon toevoegen"),
        ),
        el("p", { class: "cmp-hint" }, say("Tot {n} personen op één polis.", { n: LIMITS.persons })),
      ),
      this.packagesFieldset(),
      premiums,
    );
    this.showGuardians();
    this.showErrors(this.errors);
  }

  field(label, path, control, hint) {
    const id = uid();
    const hintId = hint ? uid() : null;
    const errorId = uid();
    control.id = id;
    control.dataset.path = path;
    control.setAttribute("aria-describedby", [hintId, errorId].filter(Boolean).join(" "));
    if (control.tagName === "SELECT") control.value = getPath(this.state, path);
    else if (control.type === "checkbox") control.checked = getPath(this.state, path);
    else control.value = getPath(this.state, path);
    const labelNode = el("label", { for: id }, label);
    return el(
      "div",
      { class: `cmp-field${control.type === "checkbox" ? " cmp-check" : ""}` },
      control.type === "checkbox" ? [control, labelNode] : [labelNode, control],
      hint && el("p", { class: "cmp-hint", id: hintId }, hint),
      el("p", { class: "cmp-error", id: errorId, "data-error-for": path, hidden: true }),
    );
  }

  text(inputmode, attrs = {}) {
    return el("input", { type: "text", inputmode, autocomplete: "off", ...attrs });
  }

  personFieldset(person, p) {
    const path = `persons.${p}`;
    return el(
      "fieldset",
      { class: "cmp-person" },
      el("legend", { "data-legend": `${path}.name` }, this.legend(`${path}.name`)),
      el(
        "div",
        { class: "cmp-grid" },
        this.field(say("Naam (optioneel)"), `${path}.name`, this.text("text", { maxlength: 200 })),
        this.field(say("Leeftijd in 2020"), `${path}.age`, this.text("numeric", { class: "cmp-short" })),
        this.field(
          say("Geslacht"),
          `${path}.sex`,
          el("select", {}, SEXES.map(([value, label]) => el("option", { value }, label))),
          say("Alleen nodig waar de voorwaarden het noemen."),
        ),
        this.guardianField(path, p),
      ),
      person.care.length > 0 && el("div", { class: "cmp-lines" }, person.care.map((line, l) => this.lineFieldset(line, p, l))),
      this.carePicker(p),
      this.state.persons.length > 1 &&
        el(
          "button",
          {
            type: "button",
            class: "cmp-link-button",
            onclick: () => this.structural(() => this.state.persons.splice(p, 1), ".cmp-add-person"),
          },
          say("Verwijder persoon {n}", { n: p + 1 }) + (person.name ? ` (${person.name})` : ""),
        ),
    );
  }

  lineFieldset(line, p, l) {
    const item = this.catalogue.get(line.id);
    const path = `persons.${p}.care.${l}`;
    const unit = item.unit;
    const perUnit = item.quantity === "count_x_price";
    const typical = say("Indicatie, geen tarief van de verzekeraar: ongeveer {price} ({note}). Vul uw eigen bedrag in als u het weet.", {
      price: euro(item.typical.price),
      note: item.typical.note,
    });
    // Until the visitor types a price, the line computes with the indication and says so.
    const indicative = (node) => el("strong", { class: "cmp-indicative", "data-indicative-for": path, hidden: !line.indicative }, node);
    const assumed = el("strong", { class: "cmp-assumed", "data-assumed-for": path, hidden: !line.assumedContract }, say("Aangenomen: met contract."), " ");
    const price = this.text("decimal", { class: line.indicative ? "cmp-indicative-value" : null });
    return el(
      "fieldset",
      { class: "cmp-line", "data-care": line.id },
      el("legend", {}, item.title, " ", indicative(say("indicatie"))),
      el(
        "div",
        { class: "cmp-grid" },
        showsCount(item, line) &&
          this.field(perUnit ? say("Aantal {units}", { units: say(UNITS[unit] ?? unit) }) : say("Aantal"), `${path}.count`, this.text("numeric", { class: "cmp-short" })),
        this.field(perUnit ? say("Prijs per {unit} (€)", { unit: say(unit) }) : say("Bedrag (€)"), `${path}.price`, price, [
          indicative(say("Indicatie — vul uw eigen bedrag in.")),
          " ",
          typical,
        ]),
        item.contracted &&
          this.field(say("Gecontracteerde zorgverlener"), `${path}.contracted`, el("input", { type: "checkbox", role: "switch" }), [
            assumed,
            say("Aan als de zorgverlener een contract heeft met de verzekeraar; zonder contract is de vergoeding vaak lager of onbekend (art. 1.8.3)."),
          ]),
        item.earlier &&
          this.field(
            say("Al vergoed eerder in de periode (€)"),
            `${path}.earlier`,
            this.text("decimal"),
            say("Voor maxima over meer jaren of de hele looptijd: wat u hiervoor al vergoed kreeg. Leeg is 0."),
          ),
        item.earlier_count &&
          this.field(say("Al eerder vergoed (aantal keer)"), `${path}.earlierCount`, this.text("numeric", { class: "cmp-short" })),
      ),
      el(
        "button",
        {
          type: "button",
          class: "cmp-link-button",
          onclick: () => this.structural(() => this.state.persons[p].care.splice(l, 1), `[data-search="${p}"]`),
        },
        say("Verwijder {title}", { title: item.title }),
      ),
    );
  }

  carePicker(p) {
    const searchId = uid();
    const selectId = uid();
    const statusId = uid();
    const matchesId = uid();
    const themeTitle = new Map(this.data.themes.map((theme) => [theme.id, theme.title]));
    const groups = this.data.themes
      .map((theme) => [theme, this.data.care.filter((item) => item.theme === theme.id)])
      .filter(([, items]) => items.length);
    const select = el(
      "select",
      { id: selectId },
      groups.map(([theme, items]) =>
        el("optgroup", { label: theme.title }, items.map((item) => el("option", { value: item.id }, item.title))),
      ),
    );
    const status = el("p", { class: "cmp-hint", id: statusId, "aria-live": "polite" });
    const matches = el("ul", { class: "cmp-matches", id: matchesId, hidden: true, "aria-label": say("Gevonden zorg") });
    const search = el("input", {
      type: "search",
      id: searchId,
      "data-search": p,
      autocomplete: "off",
      placeholder: say("bijv. bril, fysio, beugel"),
      "aria-describedby": statusId,
      "aria-controls": matchesId,
    });
    const addLine = (item) => {
      const lines = this.state.persons[p].care;
      if (lines.length >= LIMITS.lines) return;
      const first = showsCount(item, { count: "1" }) ? "count" : "price";
      this.structural(() => lines.push(newLine(item)), `[data-path="persons.${p}.care.${lines.length}.${first}"]`);
    };
    const choice = (item) =>
      el(
        "li",
        {},
        el(
          "button",
          { type: "button", class: "cmp-match", "data-care": item.id, onclick: () => addLine(item) },
          el("span", { class: "cmp-match-title" }, item.title),
          !item.title.startsWith(themeTitle.get(item.theme)) && el("span", { class: "cmp-match-theme" }, themeTitle.get(item.theme)),
        ),
      );
    // A word that finds nothing offers the themes; a theme then lists its care to pick from.
    const showTheme = ([theme, items]) => {
      matches.classList.remove("cmp-themes");
      matches.replaceChildren(...items.map(choice));
      status.textContent = say("{theme}: kies de zorg.", { theme: theme.title });
      matches.querySelector("button").focus();
    };
    const themeChoice = (group) =>
      el("li", {}, el("button", { type: "button", class: "cmp-match cmp-theme", "data-theme": group[0].id, onclick: () => showTheme(group) }, group[0].title));
    let found = [];
    const find = () => {
      found = rankCare(search.value, this.data.care);
      const words = search.value.trim();
      matches.hidden = !words;
      matches.classList.toggle("cmp-themes", Boolean(words) && !found.length);
      if (!words) {
        matches.replaceChildren();
        status.textContent = "";
      } else if (found.length) {
        matches.replaceChildren(...found.slice(0, SHOWN_MATCHES).map(choice));
        const count = found.length === 1 ? "{n} soort zorg gevonden." : "{n} soorten zorg gevonden.";
        const more = found.length > SHOWN_MATCHES ? ` ${say("De {shown} beste staan hieronder.", { shown: SHOWN_MATCHES })}` : "";
        status.textContent = `${say(count, { n: found.length })}${more} ${say("Enter voegt de eerste toe: {title}.", { title: found[0].title })}`;
      } else {
        matches.replaceChildren(...groups.map(themeChoice));
        status.textContent = say('Geen zorg gevonden voor "{words}"; kies uit de thema\'s.', { words });
      }
    };
    search.addEventListener("input", find);
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault(), found.length && addLine(found[0]);
      if (event.key === "ArrowDown" && !matches.hidden) event.preventDefault(), matches.querySelector("button")?.focus();
    });
    matches.addEventListener("keydown", (event) => {
      const buttons = [...matches.querySelectorAll("button")];
      const at = buttons.indexOf(document.activeElement);
      const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (at === -1 || !step) return;
      event.preventDefault();
      (buttons[at + step] ?? (step < 0 ? search : buttons[at])).focus();
    });
    const add = el("button", { type: "button", class: "md-button", onclick: () => addLine(this.catalogue.get(select.value)) }, say("Toevoegen"));
    return el(
      "div",
      { class: "cmp-add" },
      el("div", { class: "cmp-field cmp-search" }, el("label", { for: searchId }, say("Zoek zorg")), search, status, matches),
      el(
        "div",
        { class: "cmp-browse" },
        el("div", { class: "cmp-field" }, el("label", { for: selectId }, say("Of kies uit alle zorg, per thema")), select),
        add,
      ),
    );
  }

  packagesFieldset() {
    const rows = this.state.packages.map((_combination, c) => {
      const path = `packages.${c}`;
      return el(
        "div",
        { class: "cmp-combination" },
        this.field(say("Aanvullend pakket {n}", { n: c + 1 }), `${path}.av`, el("select", {}, this.data.av.map((pkg) => el("option", { value: pkg.id }, pkg.title)))),
        this.field(
          say("Tandartsverzekering bij pakket {n}", { n: c + 1 }),
          `${path}.dental`,
          el("select", {}, el("option", { value: "" }, say("Geen tandartsverzekering")), this.data.dental.map((pkg) => el("option", { value: pkg.id }, pkg.title))),
        ),
        this.state.packages.length > 1 &&
          el(
            "button",
            {
              type: "button",
              class: "cmp-link-button",
              onclick: () => this.structural(() => this.state.packages.splice(c, 1), ".cmp-add-combination"),
            },
            say("Verwijder combinatie {n}", { n: c + 1 }),
          ),
      );
    });
    return el(
      "fieldset",
      { class: "cmp-packages" },
      el("legend", {}, say("Welke pakketten vergelijken?")),
      el("p", { class: "cmp-hint" }, say("Elke regel is een combinatie van een aanvullende verzekering en een tandartsverzekering.")),
      rows,
      el(
        "div",
        { class: "cmp-actions" },
        el(
          "button",
          {
            type: "button",
            class: "md-button cmp-add-combination",
            disabled: this.state.packages.length >= LIMITS.combinations,
            onclick: () =>
              this.structural(
                () => this.state.packages.push({ av: this.data.av[0].id, dental: "" }),
                `[data-path="packages.${this.state.packages.length}.av"]`,
              ),
          },
          say("Combinatie toevoegen"),
        ),
        el(
          "button",
          {
            type: "button",
            class: "md-button",
            onclick: () =>
              this.structural(
                () => (this.state.packages = this.data.defaults.map((d) => ({ av: d.av, dental: d.dental ?? "" }))),
                ".cmp-add-combination",
              ),
          },
          say("Standaardcombinaties"),
        ),
      ),
    );
  }

  premiumField(kind, pkg) {
    this.state.premiums[kind][pkg.id] ??= "";
    const name = `${pkg.id.charAt(0).toUpperCase()}${pkg.id.slice(1)}`;
    const label = say(kind === "av" ? "Aanvullend {name} (€ per maand)" : "Tandarts {name} (€ per maand)", { name });
    const hint = pkg.premium === null ? say("Premie 2020 onbekend: vul hem in voor een totaal.") : say("Premie 2020: {amount}.", { amount: euro(Number(pkg.premium)) });
    return this.field(label, `premiums.${kind}.${pkg.id}`, this.text("decimal", { class: "cmp-short" }), hint);
  }
}
