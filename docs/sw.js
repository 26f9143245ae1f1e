// The service worker: keeps this site, and the comparator's Python runtime once the comparator has
// been used, so a returning visitor gets both without the network and without waiting for it.
// Registered by javascripts/offline.js. The build (build_tools/hooks/csp.py) writes the list of
// files and a version over the `null` below: a new build is a new cache and the old one goes.
// Without a list (mkdocs serve) it caches nothing and a worker left from a built site removes itself.
const BUILD = null;
const PREFIX = "aanvullend-2020-";
const KEPT = PREFIX + "engine";

const ours = (name) => name.startsWith(PREFIX);
const plain = (url) => url.split(/[?#]/)[0];

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
  const absolute = (path) => new URL(path, self.location).href;
  const comparator = BUILD.comparator.map(absolute);
  const comparatorFiles = new Set(comparator.map(plain));

  // The comparator's files, fetched once the page says the comparator has started: by the URLs it
  // used, so the browser's HTTP cache has them and this costs a revalidation, not a second download.
  async function keepComparator() {
    const cache = await caches.open(CACHE);
    for (const url of comparator) {
      if (!(await cache.match(url, { ignoreSearch: true }))) await cache.add(url);
    }
  }

  async function respond(request) {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(request, { ignoreSearch: true }); // ?h= (search highlight), ?v= (versions)
    if (kept) return kept;
    try {
      const response = await fetch(request);
      if (response.ok && comparatorFiles.has(plain(request.url))) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const missing = request.mode === "navigate" && (await cache.match(absolute("404.html")));
      if (missing) return missing; // offline on a page the site does not have
      throw error;
    }
  }

  self.addEventListener("install", (event) => {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(BUILD.site.map(absolute))).then(() => self.skipWaiting()));
  });

  // The comparator's worker keeps its unzipped memory snapshot in KEPT (see its worker.js): only
  // this build's stays.
  async function removeEarlierBuilds() {
    for (const name of await caches.keys()) {
      if (ours(name) && name !== CACHE && name !== KEPT) await caches.delete(name);
    }
    const kept = await caches.open(KEPT);
    for (const request of await kept.keys()) {
      if (!comparator.includes(request.url)) await kept.delete(request);
    }
  }

  self.addEventListener("activate", (event) => {
    event.waitUntil(removeEarlierBuilds().then(() => self.clients.claim()));
  });

  self.addEventListener("message", (event) => {
    if (event.data === "keep-comparator") event.waitUntil(keepComparator().catch(() => {}));
  });

  // Only this site's own GET requests; anything else goes to the network untouched.
  self.addEventListener("fetch", (event) => {
    const { request } = event;
    if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
    event.respondWith(respond(request));
  });
}
