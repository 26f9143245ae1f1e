// Lists the standard-library files the engine's whole workload imports under Node (called by
// build_tools/browser/_trace.py): node _trace.mjs RUNTIME_DIR STDLIB_ZIP WHEEL WORKLOAD.json OUT.json
// Starts the pinned Pyodide with the full standard library, unpacks the wheel and imports the
// engine as the browser's worker does, runs every profile of WORKLOAD.json ({"compare": [JSON
// text], "best": [[JSON text, limit]], "answer": [[JSON text, what-if line JSON]]}: the personas,
// the scenario suite and bad input) through compare_json, best_plans_json and answer_json (the
// page's call), lets a Python error reach JavaScript, makes a memory snapshot
// (as the build does), then writes the archive names of every module loaded from the zip.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [runtime, stdlib, wheel, workloadPath, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(runtime, "pyodide.mjs")).href);
const quiet = () => {};
const pyodide = await loadPyodide({ indexURL: `${runtime}/`, stdLibURL: stdlib, _makeSnapshot: true, stdout: quiet, stderr: quiet });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
const { compare_json: compare, best_plans_json: best, answer_json: answer } = pyodide.pyimport("comparator");
const workload = JSON.parse(readFileSync(workloadPath, "utf8"));
for (const profile of workload.compare) compare(profile);
for (const [profile, limit] of workload.best) best(profile, limit);
for (const [profile, line] of workload.answer) answer(profile, line);
try {
  pyodide.runPython("raise ValueError('an error on its way to JavaScript')");
} catch (error) {
  String(error.message);
}
pyodide.makeMemorySnapshot();
const files = pyodide.runPython(`
import json, sys
prefix = next(path for path in sys.path if path.endswith(".zip")) + "/"
json.dumps(sorted({
    module.__file__[len(prefix):]
    for module in list(sys.modules.values())
    if (getattr(module, "__file__", None) or "").startswith(prefix)
}))
`);
writeFileSync(out, files);
