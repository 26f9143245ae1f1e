// Makes the comparator's memory snapshot under Node (called by build_tools/browser/_snapshot.py):
//   node _snapshot.mjs RUNTIME_DIR STDLIB_ZIP WHEEL OUT.gz
// Starts the pinned Pyodide with the shipped standard library and wheel, imports the engine and
// runs one comparison (so every module it needs is imported and the policy data is parsed), then
// writes the runtime's memory, gzipped. The browser starts from it (loadPyodide's experimental
// _loadSnapshot) instead of initialising Python and importing the engine itself; Pyodide refuses a
// snapshot from another build, and the worker then starts the ordinary way.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [runtime, stdlib, wheel, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(runtime, "pyodide.mjs")).href);
const quiet = () => {};
const pyodide = await loadPyodide({ indexURL: `${runtime}/`, stdLibURL: stdlib, _makeSnapshot: true, stdout: quiet, stderr: quiet });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
const compare = pyodide.runPython("from comparator import compare_json; compare_json");
const result = JSON.parse(compare('{"persons": [{"age": 30, "care": [{"id": "fysiotherapie", "count": 2, "price": 35}]}]}'));
compare("not json"); // the error path too
compare.destroy();
if (!result.results) throw new Error(`the engine failed while making the snapshot: ${JSON.stringify(result)}`);
writeFileSync(out, gzipSync(pyodide.makeMemorySnapshot(), { level: 9 }));
