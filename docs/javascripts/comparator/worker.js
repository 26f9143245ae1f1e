// The comparator's engine in a module worker: Pyodide plus the engine's wheel; JSON text in, JSON out.
// The wheel is fetched while the runtime starts; states go to the page as {state, detail}.
import { loadPyodide } from "../../assets/comparator/pyodide/pyodide.mjs";
import assets from "../../assets/comparator/build.js";

const base = new URL("../../assets/comparator/", import.meta.url);
const say = (state, detail) => postMessage({ state, detail });
const message = (error) => String(error?.message ?? error);

// Pyodide downloads pyodide.asm.wasm and instantiates it with instantiateStreaming; the page posts
// the module it compiled (see bridge.js), or null. With the page's module, neither the download
// (8.6 MB) nor a compile happens here; without it, Pyodide does both as usual.
const pageWasm = new Promise((resolve) => addEventListener("message", ({ data }) => "wasm" in data && resolve(data.wasm)));
const wasmUrl = new URL("pyodide/pyodide.asm.wasm", base).href;
const { fetch: download } = globalThis;
globalThis.fetch = (resource, options) =>
  String(resource) === wasmUrl
    ? pageWasm.then((module) => (module ? new Response() : download(resource, options)))
    : download(resource, options);
const { instantiateStreaming } = WebAssembly;
WebAssembly.instantiateStreaming = async (response, imports) => {
  const module = await pageWasm;
  if (!module) return instantiateStreaming(response, imports);
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

const wheel = fetch(new URL(assets.wheel, base)).then((response) => {
  if (!response.ok) throw new Error(`${assets.wheel}: HTTP ${response.status}`);
  return response.arrayBuffer();
});
// The runtime's memory with Python started and the engine imported, made in this browser: a first
// visit starts Python itself (a shipped snapshot, 4 MB gzipped, would double what a phone
// downloads: tests/bench/bench_comparator.py) and then keeps its memory in Cache Storage, so
// that a repeat visit restores it instead of starting Python and importing the engine again. It
// is filed under the wheel's URL (sw.js keeps only entries the build lists) and says which
// standard library it was made with; Pyodide itself refuses one from another runtime build.
const KEPT = "aanvullend-2020-engine"; // sw.js keeps only the current build's
const keptUrl = new URL(assets.wheel, base).href;
const MADE_WITH = "X-Made-With"; // the standard library's URL
const SIZE = "X-Size";
const kept = keptSnapshot();

// The snapshot an earlier visit kept for this build: its response (read while the runtime loads),
// or none (undefined) if there is none or it was made with another standard library.
async function keptSnapshot() {
  try {
    const response = await (await caches.open(KEPT)).match(keptUrl);
    return response?.headers.get(MADE_WITH) === assets.stdlib ? response : undefined;
  } catch {
    return undefined;
  }
}

// Its bytes; Pyodide hangs on a damaged snapshot instead of failing, so the size is checked here.
async function snapshotBytes(response) {
  const bytes = new Uint8Array(await (await response.blob()).arrayBuffer()); // twice as fast as the stream
  if (String(bytes.length) !== response.headers.get(SIZE)) throw new Error(`kept snapshot: ${bytes.length} bytes`);
  return bytes;
}

// After the first results of a fresh start, so that copying and writing 20 MB delays nothing.
async function keepSnapshot(pyodide) {
  const bytes = pyodide.makeMemorySnapshot();
  const cache = await caches.open(KEPT);
  for (const request of await cache.keys()) await cache.delete(request); // an earlier build's
  const headers = { [MADE_WITH]: assets.stdlib, [SIZE]: String(bytes.length) };
  await cache.put(keptUrl, new Response(bytes, { headers }));
}

wheel.catch(() => {}); // handled where awaited

const engine = (async () => {
  say("loading", "runtime");
  const options = { indexURL: new URL("pyodide/", base).href, stdLibURL: new URL(assets.stdlib, base).href };
  let pyodide;
  let start = "snapshot";
  const snapshot = await kept;
  try {
    if (snapshot) {
      const bytes = snapshotBytes(snapshot); // read while Pyodide loads its script
      bytes.catch(() => {}); // loadPyodide awaits it (later) and fails
      pyodide = await loadPyodide({ ...options, _loadSnapshot: bytes });
    }
  } catch (error) {
    console.warn(`Vergelijker: snapshot not used (${message(error)}); starting Python the ordinary way.`);
  }
  if (!pyodide) {
    pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
    start = "fresh";
  }
  say("loading", "engine");
  pyodide.unpackArchive(await wheel, "wheel"); // the files, for anything imported later
  const { answer_json: answer } = pyodide.pyimport("comparator");
  return { pyodide, answer, start };
})();
engine.then(({ start }) => say("ready", start), (error) => say("error", message(error)));

let keeping; // the snapshot on its way into Cache Storage

// One computation at a time (bridge.js posts the next when this one has answered). After a fatal
// error Pyodide can no longer be used: the page then starts a new worker.
// One engine call per input: compare, the three cheapest plans, the break-even premiums, the lines
// that decide, and for whatIf = [person, line] the "wat als?" chart (comparator.answer_json).
addEventListener("message", async ({ data: { id, profile, whatIf } }) => {
  if (id === undefined) return;
  try {
    const { pyodide, answer, start } = await engine;
    const reply = JSON.parse(answer(profile, JSON.stringify(whatIf ?? null)));
    postMessage(reply.error ? { id, result: reply } : { id, ...reply });
    if (start === "fresh" && !keeping) keeping = keepSnapshot(pyodide).catch(() => {}); // kept or not, the engine works
  } catch (error) {
    postMessage({ id, failure: message(error), fatal: Boolean(error?.pyodide_fatal_error) });
  }
});
