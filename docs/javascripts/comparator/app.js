// The comparator's entry point, loaded on every page (extra_javascript, added by the hook in
// build_tools/hooks/comparator_assets.py). Material's instant navigation swaps pages without
// running their scripts, so the page is drawn through document$ wherever [data-comparator]
// appears. The engine's worker starts as early as possible and is kept for the whole visit: on
// the comparator's own page the hook also loads this module from <head> (async, marked
// data-comparator-start), so the worker starts before the page has been parsed; otherwise it
// starts when the comparator is mounted.
import { startEngine } from "./bridge.js";
import { say } from "./words.js";

let engine;

function start() {
  if (engine) return engine;
  const early = self.comparatorEarly; // the comparator's page, loaded (not reached by instant navigation): early.js
  engine = startEngine(
    new URL("./worker.js", import.meta.url),
    new URL("../../assets/comparator/pyodide/pyodide.asm.wasm", import.meta.url),
    { downloading: early?.wasm },
  );
  if (early) engine.watch(({ state }) => state !== "loading" && early.started());
  return engine;
}

/** In place of the comparator: why it could not load (its code or data did not arrive). */
export function cannotLoad(root, error) {
  const message = document.createElement("p");
  message.className = "cmp-status";
  message.dataset.comparatorResults = "";
  message.dataset.state = "error";
  message.textContent = navigator.onLine
    ? say("De vergelijker kon niet laden ({why}). Herlaad de pagina.", { why: error.message })
    : say("Zonder internetverbinding werkt de vergelijker pas nadat u hem een keer met verbinding hebt gebruikt. De tabellen elders op de site werken wel.");
  root.replaceChildren(message);
}

function mount() {
  const root = document.querySelector("[data-comparator]:not([data-mounted])");
  if (!root) return;
  root.dataset.mounted = "";
  import("./comparator.js").then(
    ({ mountComparator }) => mountComparator(root, start()),
    (error) => cannotLoad(root, error), // offline, when the comparator was never kept
  );
}

function whenParsed() {
  if (window.document$) window.document$.subscribe(mount);
  else mount();
}

// On the comparator's page the engine starts at once, and the page's code and form data are
// fetched while the rest of the page loads; the comparator is drawn as soon as they are here and
// its element has been parsed (before Material's script and the other scripts have run).
if (document.querySelector("script[data-comparator-start], [data-comparator]")) {
  start();
  import("./comparator.js").then(mount, () => {}); // a failure is shown by mount() when the page is parsed
}
if (document.readyState === "loading") addEventListener("DOMContentLoaded", whenParsed, { once: true });
else whenParsed();
