// The service worker: keeps this site, and the comparator's Python runtime once the comparator has
// been used, so a returning visitor gets both without the network and without waiting for it.
// Registered by javascripts/offline.js. The build (build_tools/hooks/csp.py) writes the list of
// files and a version (a hash of their content) over the `null` below: a new build is a new cache
// and the old one goes.
// After a deploy the visitor gets the new build at the first reload: a page load asks the server
// for sw.js; when that names another version, this worker serves everything from the network until
// the new build's worker (installing meanwhile) takes over, so a page and its engine never mix builds.
// Without a list (mkdocs serve) it caches nothing and a worker left from a built site removes itself.
const BUILD = null;
const PREFIX = "aanvullend-2020-";
const KEPT = PREFIX + "engine"; // the comparator's worker keeps the snapshot it made here (see its worker.js)

const ours = (name) => name.startsWith(PREFIX);

if (BUILD === null) {
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => {
    event.waitUntil(
      caches.keys().then((names) => Promise.all(names.filter(ours).map((name) => caches.delete(name))))
        .then(() => self.registration.unregister()),
    );
  });
} else {
  const CACHE = PREFIX + BUILD.version;
  const CHECK_MS = 3000; // a slow answer about sw.js costs a page load at most this, then this build serves it
  const absolute = (path) => new URL(path, self.location).href;
  const comparator = BUILD.comparator.map(absolute);
  // Pages are kept without their query (?h= marks search words); every other file by its exact URL (?v=).
  const page = (url) => /(\/|\.html)$/.test(new URL(url).pathname);
  const kept = (request) => caches.match(request, { cacheName: CACHE, ignoreSearch: page(request.url) });
  // Everything this worker fetches it asks the server for: the browser's HTTP cache may hold an
  // earlier deploy's bytes as long as the host allows (max-age=600 on GitHub Pages; without
  // Cache-Control, a tenth of a file's age since Last-Modified).
  const fresh = (request, options) => fetch(request, { ...options, cache: "no-cache" });

  async function keep(urls) {
    const cache = await caches.open(CACHE);
    const missing = [];
    for (const url of urls) if (!(await cache.match(url))) missing.push(new Request(url, { cache: "no-cache" }));
    await cache.addAll(missing);
  }

  let keeping; // the comparator's files on their way into the cache (asked for by install and by the page)
  const keepComparator = () => (keeping ??= keep(comparator).finally(() => (keeping = undefined)));

  let deployed = false; // a newer build is on the server: set by a page load, until the worker restarts
  // For a fetch (which only the active worker gets), an installing or waiting worker is a newer build's.
  const outdated = () => deployed || Boolean(self.registration.installing || self.registration.waiting);

  // Whether the server's sw.js names another version; not when it cannot tell in time (offline, slow).
  async function newerBuild() {
    try {
      const response = await fresh(absolute("sw.js"), { signal: AbortSignal.timeout(CHECK_MS) });
      return response.ok && !(await response.text()).includes(`"version": "${BUILD.version}"`);
    } catch {
      return false;
    }
  }

  async function respond(request) {
    if (request.mode === "navigate" && !outdated() && (await newerBuild())) {
      deployed = true;
      self.registration.update().catch(() => {}); // the browser checks too, after the page has loaded
    }
    if (!outdated()) {
      const copy = await kept(request);
      if (copy) return copy;
    }
    try {
      const response = await fresh(request);
      if (!outdated() && response.ok && comparator.includes(request.url)) {
        await (await caches.open(CACHE)).put(request, response.clone());
      }
      return response;
    } catch (error) {
      // Offline: this build's copy, or its 404 page for a page it does not have.
      const copy = (await kept(request)) ?? (request.mode === "navigate" && (await kept(new Request(absolute("404.html")))));
      if (copy) return copy;
      throw error;
    }
  }

  // The comparator's runtime too once the comparator has run in this browser (its worker has then
  // opened KEPT): a new build keeps what the visitor had, and a first visit that began on the
  // comparator keeps it even when the visitor leaves at once.
  self.addEventListener("install", (event) => {
    event.waitUntil(
      (async () => {
        await keep(BUILD.site.map(absolute));
        if (await caches.has(KEPT)) await keepComparator().catch(() => {}); // else the page asks again
        await self.skipWaiting();
      })(),
    );
  });

  // Only the snapshot made with this build's engine stays.
  async function removeEarlierBuilds() {
    for (const name of await caches.keys()) {
      if (ours(name) && name !== CACHE && name !== KEPT) await caches.delete(name);
    }
    if (!(await caches.has(KEPT))) return; // opening it would create it, and then it would say the comparator has run
    const snapshots = await caches.open(KEPT);
    for (const request of await snapshots.keys()) {
      if (!comparator.includes(request.url)) await snapshots.delete(request);
    }
  }

  self.addEventListener("activate", (event) => {
    event.waitUntil(removeEarlierBuilds().then(() => self.clients.claim()));
  });

  // From a page whose comparator has started (javascripts/offline.js), to the newest worker; not
  // once a newer build is on the server, whose files would land under this build's name.
  self.addEventListener("message", (event) => {
    if (event.data === "keep-comparator" && !deployed) event.waitUntil(keepComparator().catch(() => {}));
  });

  // Only this site's own GET requests; anything else goes to the network untouched.
  self.addEventListener("fetch", (event) => {
    const { request } = event;
    if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
    event.respondWith(respond(request));
  });
}
