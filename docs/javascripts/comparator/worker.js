// The comparator's engine in a module worker: Pyodide plus the engine's wheel; JSON text in, JSON out.
// The wheel and the memory snapshot are fetched while the runtime starts; states go to the page
// as {state, detail}.
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
// The runtime's memory with Python started and the engine imported (made at build time, see
// build_tools/browser/_snapshot.mjs): restoring it skips most of the start. It travels gzipped
// (4 MB instead of 20); once unzipped it is kept in the browser's Cache Storage, so that a repeat
// visit reads it as it is instead of unzipping it again (~130 ms of CPU here).
const KEPT = "aanvullend-2020-engine"; // sw.js keeps only the current build's
const snapshotUrl = assets.snapshot && new URL(assets.snapshot, base).href;
const snapshot = snapshotUrl && (async () => {
  const kept = await keptSnapshot();
  if (kept) return kept;
  const response = await fetch(snapshotUrl);
  if (!response.ok) throw new Error(`${assets.snapshot}: HTTP ${response.status}`);
  const unzipped = /gzip/.test(response.headers.get("Content-Encoding") ?? ""); // by the browser, for the server
  const body = unzipped ? response.body : response.body.pipeThrough(new DecompressionStream("gzip"));
  // Pyodide hangs on a damaged snapshot instead of failing, so the size is checked here.
  const bytes = await readExactly(body, assets.snapshotSize, assets.snapshot);
  keepSnapshot(bytes).catch(() => {}); // kept or not, the engine works
  return bytes;
})();

// The unzipped snapshot kept by an earlier visit; none (undefined) if there is none or it is damaged.
async function keptSnapshot() {
  try {
    const response = await (await caches.open(KEPT)).match(snapshotUrl);
    const bytes = response && new Uint8Array(await (await response.blob()).arrayBuffer()); // twice as fast as the stream
    return bytes?.length === assets.snapshotSize ? bytes : undefined;
  } catch {
    return undefined;
  }
}

// A stream's bytes into one buffer of the expected size, without the copies Response.arrayBuffer makes.
async function readExactly(stream, size, name) {
  const bytes = new Uint8Array(size);
  const reader = stream.getReader();
  let at = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (at + chunk.value.length > size) throw new Error(`${name}: more than ${size} bytes`);
    bytes.set(chunk.value, at);
    at += chunk.value.length;
  }
  if (at !== size) throw new Error(`${name}: ${at} bytes, expected ${size}`);
  return bytes;
}

// Once the engine has started from it, so that writing 20 MB does not delay the start.
async function keepSnapshot(bytes) {
  if ((await engine).start !== "snapshot") return;
  const cache = await caches.open(KEPT);
  for (const request of await cache.keys()) await cache.delete(request); // an earlier build's
  await cache.put(snapshotUrl, new Response(bytes));
}

for (const download of [wheel, snapshot]) download?.catch(() => {}); // handled where awaited

const engine = (async () => {
  say("loading", "runtime");
  const options = { indexURL: new URL("pyodide/", base).href, stdLibURL: new URL(assets.stdlib, base).href };
  let pyodide;
  let start = "snapshot";
  try {
    if (snapshot) pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot });
  } catch (error) {
    console.warn(`Vergelijker: snapshot not used (${message(error)}); starting Python the ordinary way.`);
  }
  if (!pyodide) {
    pyodide = await loadPyodide(options);
    start = "fresh";
  }
  say("loading", "engine");
  pyodide.unpackArchive(await wheel, "wheel"); // the files, for anything imported later
  const { answer_json: answer } = pyodide.pyimport("comparator");
  return { answer, start };
})();
engine.then(({ start }) => say("ready", start), (error) => say("error", message(error)));

// One computation at a time (bridge.js posts the next when this one has answered). After a fatal
// error Pyodide can no longer be used: the page then starts a new worker.
// One engine call per input: compare, the three cheapest plans, the break-even premiums, the lines
// that decide, and for whatIf = [person, line] the "wat als?" chart (comparator.answer_json).
addEventListener("message", async ({ data: { id, profile, whatIf } }) => {
  if (id === undefined) return;
  try {
    const { answer } = await engine;
    const reply = JSON.parse(answer(profile, JSON.stringify(whatIf ?? null)));
    postMessage(reply.error ? { id, result: reply } : { id, ...reply });
  } catch (error) {
    postMessage({ id, failure: message(error), fatal: Boolean(error?.pyodide_fatal_error) });
  }
});
