// The comparator's entry point, loaded on every page (extra_javascript, added by the hook in
// build_tools/hooks/comparator_assets.py). Material's instant navigation swaps pages without
// running their scripts, so the page is drawn through document$ wherever [data-comparator]
// appears. The engine's worker starts as early as possible and is kept for the whole visit: on
// the comparator's own page the hook also loads this module from <head> (async, marked
// data-comparator-start), so the worker starts before the page has been parsed; otherwise it
// starts when the comparator is mounted.
import { startEngine } from "./bridge.js";

let engine;

function start() {
  engine ??= startEngine(
    new URL("./worker.js", import.meta.url),
    new URL("../../assets/comparator/pyodide/pyodide.asm.wasm", import.meta.url),
  );
  return engine;
}

function mount() {
  const root = document.querySelector("[data-comparator]:not([data-mounted])");
  if (!root) return;
  root.dataset.mounted = "";
  import("./comparator.js").then(({ mountComparator }) => mountComparator(root, start()));
}

function whenParsed() {
  if (window.document$) window.document$.subscribe(mount);
  else mount();
}

if (document.querySelector("script[data-comparator-start], [data-comparator]")) start();
if (document.readyState === "loading") addEventListener("DOMContentLoaded", whenParsed, { once: true });
else whenParsed();
