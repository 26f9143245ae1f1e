// The page's side of the engine worker (as in Pyodide's web worker example).
// compare(json) resolves with {result} or {failure}; watch(fn) reports {state, detail} with
// state "loading", "ready" or "error". A start that never settles (e.g. a CSP without
// 'wasm-unsafe-eval') becomes an error after `timeout` ms. The page compiles Pyodide's wasm and
// hands the module to the worker: measured in Chromium, repeat visits start ~90 ms sooner than
// when the worker compiles it (tests/bench/bench_comparator.py).
export function startEngine(url, wasmUrl, timeout = 60000) {
  const worker = new Worker(url, { type: "module" });
  compileWasm(wasmUrl).then(
    (wasm) => worker.postMessage({ wasm }),
    () => worker.postMessage({ wasm: null }),
  );
  const pending = new Map();
  const watchers = new Set();
  let current = { state: "loading", detail: "start" };
  let lastId = 0;
  const tell = (state) => {
    if (state.state !== "loading") clearTimeout(timer);
    current = state;
    for (const watcher of watchers) watcher(state);
  };
  const timer = setTimeout(() => tell({ state: "error", detail: "timeout" }), timeout);
  worker.onmessage = ({ data }) => {
    if (data.state) return tell(data);
    pending.get(data.id)?.(data);
    pending.delete(data.id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    tell({ state: "error", detail: event.message || "worker" });
  };
  return {
    watch(watcher) {
      watchers.add(watcher);
      watcher(current);
      return () => watchers.delete(watcher);
    },
    compare(json) {
      const id = ++lastId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, profile: json });
      });
    },
  };
}

// Browsers compile WebAssembly while it downloads only when the host sends it as application/wasm;
// from a host that sends another type (application/octet-stream) it is compiled from its bytes.
async function compileWasm(url) {
  const response = await fetch(url);
  if (/^application\/wasm\b/.test(response.headers.get("Content-Type") ?? "")) return WebAssembly.compileStreaming(response);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}
