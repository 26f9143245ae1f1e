// The comparator's engine in a module worker: Pyodide plus the engine's wheel; JSON text in, JSON out.
// The wheel and the memory snapshot are fetched while the runtime starts; states go to the page
// as {state, detail}.
import { loadPyodide } from "../../assets/comparator/pyodide/pyodide.mjs";
import assets from "../../assets/comparator/build.js";

const base = new URL("../../assets/comparator/", import.meta.url);
const say = (state, detail) => postMessage({ state, detail });
const message = (error) => String(error?.message ?? error);

// Pyodide instantiates pyodide.asm.wasm with instantiateStreaming; the page posts the module it
// compiled (see bridge.js) and that one is used; without it, Pyodide compiles its own.
const pageWasm = new Promise((resolve) => addEventListener("message", ({ data }) => "wasm" in data && resolve(data.wasm)));
const instantiateStreaming = WebAssembly.instantiateStreaming;
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
// build_tools/_pyodide_snapshot.mjs): restoring it skips most of the start.
const snapshot = assets.snapshot && fetch(new URL(assets.snapshot, base)).then(async (response) => {
  if (!response.ok) throw new Error(`${assets.snapshot}: HTTP ${response.status}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // gzip, unless the server already decoded it
    const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());
  }
  // Pyodide hangs on a damaged snapshot instead of failing, so it is checked here.
  if (bytes.length !== assets.snapshotSize) throw new Error(`${assets.snapshot}: ${bytes.length} bytes`);
  return bytes;
});
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
  const compare = pyodide.pyimport("comparator").compare_json;
  return { compare, start };
})();
engine.then(({ start }) => say("ready", start), (error) => say("error", message(error)));

addEventListener("message", async ({ data: { id, profile } }) => {
  if (id === undefined) return;
  try {
    const { compare } = await engine;
    postMessage({ id, result: JSON.parse(compare(profile)) });
  } catch (error) {
    postMessage({ id, failure: message(error) });
  }
});
