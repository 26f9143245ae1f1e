// The first lines the comparator's page runs: build_tools/hooks/comparator_assets.py copies this
// file into the page's <head>, after app.js's <script>, so that it runs before anything has
// arrived. On a phone's link (tests/bench) each makes the engine's first answer ~0.1 s sooner:
// - the runtime's wasm (2.1 MB as brotli) starts downloading now, not once app.js and its imports
//   have arrived; bridge.js compiles this very response as it arrives (a <link rel=preload> was
//   often not matched to its fetch() by Chromium: the compile then waited for the whole file);
// - Material's script asks for the search index (50 KB, then indexed in its own worker) as soon as
//   it runs; that request waits until the engine has started or failed (app.js calls started()),
//   at most 10 s. Material asks with XMLHttpRequest; should it ask otherwise, nothing waits.
(() => {
  const app = document.querySelector("script[data-comparator-start]").src;
  const wasm = fetch(new URL("../../assets/comparator/pyodide/pyodide.asm.wasm", app));
  wasm.catch(() => {}); // a failure is the bridge's to report
  let started;
  const engineStarted = new Promise((resolve) => (started = resolve));
  setTimeout(started, 10000);
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.waitsForEngine = String(url).endsWith("/search/search_index.json");
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (this.waitsForEngine) engineStarted.then(() => send.apply(this, body));
    else send.apply(this, body);
  };
  engineStarted.then(() => Object.assign(XMLHttpRequest.prototype, { open, send }));
  self.comparatorEarly = { wasm, started };
})();
