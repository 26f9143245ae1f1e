// Runs comparator.compare_json, best_plans_json and answer_json inside Pyodide under Node, once for many profiles.
//   node tests/pyodide_compare.mjs REPO_ROOT INPUT.json [STDLIB_ZIP]
// With STDLIB_ZIP, Pyodide starts with that standard library (the site's, cut to what the engine
// imports) instead of the runtime's whole one.
// INPUT.json is {"compare": [profile JSON texts], "best": [[profile JSON text, limit], ...],
// "answer": [[profile JSON text, what-if line JSON text], ...]}; stdout gets {"results": compare's
// texts, "best": best_plans' texts, "answers": answer_json's texts, each in input order, "modules":
// sys.modules afterwards, "stdlib": the names in the standard library's zip}. Python's own output
// goes to stderr so stdout stays one JSON document.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";

const [repoRoot, inputPath, stdLibURL] = process.argv.slice(2);
const toStderr = (text) => process.stderr.write(text + "\n");
const pyodide = await loadPyodide({ stdout: toStderr, stderr: toStderr, ...(stdLibURL && { stdLibURL }) });

// Copy the comparator package (its .py files and compiled policy JSON) into Pyodide's memory
// file system, so nothing is written to the checkout.
function copyTree(from, to) {
  pyodide.FS.mkdirTree(to);
  for (const name of readdirSync(from)) {
    if (name === "__pycache__") continue;
    const path = join(from, name);
    if (statSync(path).isDirectory()) copyTree(path, `${to}/${name}`);
    else if (name.endsWith(".py") || name.endsWith(".json")) pyodide.FS.writeFile(`${to}/${name}`, readFileSync(path));
  }
}
copyTree(join(repoRoot, "comparator"), "/home/pyodide/src/comparator");
pyodide.runPython("import sys; sys.dont_write_bytecode = True; sys.path.insert(0, '/home/pyodide/src')");

const comparator = pyodide.pyimport("comparator");
const input = JSON.parse(readFileSync(inputPath, "utf8"));
const results = input.compare.map((profile) => comparator.compare_json(profile));
const best = input.best.map(([profile, limit]) => comparator.best_plans_json(profile, limit));
const answers = (input.answer ?? []).map(([profile, line]) => comparator.answer_json(profile, line));
const modules = JSON.parse(pyodide.runPython("import json, sys; json.dumps(sorted(sys.modules))"));
const stdlib = JSON.parse(
  pyodide.runPython("import json, sys, zipfile; json.dumps(zipfile.ZipFile(next(p for p in sys.path if p.endswith('.zip'))).namelist())"),
);
process.stdout.write(JSON.stringify({ results, best, answers, modules, stdlib }));
