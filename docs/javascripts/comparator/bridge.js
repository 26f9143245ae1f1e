// The page's side of the engine worker (as in Pyodide's web worker example).
// compare(json, whatIf) resolves with the engine's answer ({result, best, ...}, see worker.js); {failure} (the engine raised an error); {crashed} (Pyodide
// failed fatally: a new worker is started); {timeout: ms} (the computation ran longer than
// `computeTimeout`: stopped, a new worker is started); or {superseded} (a newer computation took its
// place). watch(fn) reports {state, detail} with state "loading", "ready" or "error"; a start that
// never settles (e.g. a CSP without 'wasm-unsafe-eval') becomes an error after `startTimeout` ms.
// Python in a worker cannot be interrupted (that needs SharedArrayBuffer, so cross-origin isolation
// headers a static host does not send): a computation is stopped by ending its worker. One
// computation runs at a time and only the newest waits; a running one that a newer one waits for is
// stopped once it has run PATIENCE ms, about what a new worker takes to start from the kept
// snapshot, so a persona clicked during a long computation does not wait for it. A new worker starts
// silently: the page hears of it only when it fails.
// The page compiles Pyodide's wasm once and hands the module to each worker: measured in Chromium,
// repeat visits start ~90 ms sooner than when the worker compiles it (tests/bench/bench_comparator.py).
const PATIENCE = 500;

/** The start failure the bridge words itself (in Dutch); other details are the browser's or Python's. */
export const FILE_FAILED = "een van haar bestanden laadde niet";

// `downloading`: the wasm's fetch() if the page has started it already (the comparator's page does,
// from <head>: early.js).
export function startEngine(url, wasmUrl, { startTimeout = 60000, computeTimeout = 20000, downloading } = {}) {
  const wasm = compileWasm(downloading ?? fetch(wasmUrl)).catch(() => null); // the worker then has Pyodide download it
  const watchers = new Set();
  let current = { state: "loading", detail: "start" };
  let worker, ready, startTimer, stopTimer;
  let running = null; // {id, json, resolve, since}: posted to the worker
  let waiting = null; // {json, resolve}: the newest computation asked for
  let lastId = 0;

  const tell = (state) => {
    current = state;
    for (const watcher of watchers) watcher(state);
  };

  function spawn() {
    worker?.terminate();
    const own = (worker = new Worker(url, { type: "module" }));
    ready = false;
    wasm.then((module) => own.postMessage({ wasm: module }));
    startTimer = setTimeout(() => fail("timeout"), startTimeout);
    own.onmessage = ({ data }) => (data.state ? started(data) : answered(data));
    own.onerror = (event) => {
      event.preventDefault();
      fail(event.message || FILE_FAILED); // e.g. a module sent with a type that is not JavaScript
    };
  }

  function started(state) {
    if (state.state === "error") return fail(state.detail);
    if (current.state !== "ready") tell(state); // progress of the first start only
    if (state.state === "ready") {
      clearTimeout(startTimer);
      ready = true;
      next();
    }
  }

  function fail(detail) {
    clearTimeout(startTimer);
    clearTimeout(stopTimer);
    worker.terminate();
    for (const asked of [running, waiting]) asked?.resolve({ failure: detail });
    running = waiting = null;
    tell({ state: "error", detail });
  }

  function answered(reply) {
    if (reply.id !== running?.id) return;
    finish(reply.fatal ? { crashed: true } : reply);
    if (reply.fatal) spawn();
    else next();
  }

  function finish(reply) {
    clearTimeout(stopTimer);
    running.resolve(reply);
    running = null;
  }

  // Post the waiting computation when the worker is free; else give the running one until its limit.
  function next() {
    if (ready && !running && waiting) {
      running = { ...waiting, id: ++lastId, since: performance.now() };
      waiting = null;
      worker.postMessage({ id: running.id, profile: inPageLanguage(running.json), whatIf: running.whatIf });
    }
    if (!running) return;
    const limit = waiting ? Math.min(PATIENCE, computeTimeout) : computeTimeout;
    clearTimeout(stopTimer);
    stopTimer = setTimeout(stop, running.since + limit - performance.now());
  }

  // The English edition (<html lang="en">) asks the engine for English explanations (the
  // contract's optional "lang"; figures are the same). Input that is not JSON goes as it is: the
  // engine answers it with its own error.
  function inPageLanguage(json) {
    if (document.documentElement.lang !== "en") return json;
    try {
      return JSON.stringify({ ...JSON.parse(json), lang: "en" });
    } catch {
      return json;
    }
  }

  function stop() {
    finish(waiting ? { superseded: true } : { timeout: computeTimeout });
    spawn();
  }

  spawn();
  return {
    watch(watcher) {
      watchers.add(watcher);
      watcher(current);
      return () => watchers.delete(watcher);
    },
    compare(json, whatIf = null) {
      if (current.state === "error") return Promise.resolve({ failure: current.detail });
      return new Promise((resolve) => {
        waiting?.resolve({ superseded: true });
        waiting = { json, whatIf, resolve };
        next();
      });
    },
  };
}

// Browsers compile WebAssembly while it downloads only when the host sends it as application/wasm;
// from a host that sends another type (application/octet-stream) it is compiled from its bytes.
async function compileWasm(download) {
  const response = await download;
  if (/^application\/wasm\b/.test(response.headers.get("Content-Type") ?? "")) return WebAssembly.compileStreaming(response);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}
