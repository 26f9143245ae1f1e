// Offline visits: registers the service worker (sw.js at the site root). It keeps every page at
// once; the comparator's runtime (some 16 MB) only when the comparator has been used, and only
// after it has started, so nothing is downloaded twice at the same time. On the comparator's page
// the worker is registered only after the engine has started: its install (the whole site) would
// otherwise compete with the engine's own start on a first visit.
// Not under `mkdocs serve`: its live reload (the script that defines `livereload`) needs fresh pages.
(function () {
  if (!("serviceWorker" in navigator)) return;
  var root = new URL("..", document.currentScript.src);
  var registration = null;

  function register() {
    if (typeof window.livereload === "function") return Promise.reject(new Error("live reload"));
    registration = registration || navigator.serviceWorker.register(new URL("sw.js", root));
    return registration;
  }

  function warn(error) {
    if (error.message !== "live reload") console.warn("Offline gebruik is niet beschikbaar: " + error.message);
  }

  // To the newest worker, installing or not. Waking a worker that a newer one is replacing kept
  // Chromium from ever activating the newer one (tests/test_quality_deploy.py).
  function keepComparator() {
    register()
      .then(function (r) { (r.installing || r.waiting || r.active).postMessage("keep-comparator"); })
      .catch(warn);
  }

  addEventListener("load", function () {
    if (!document.querySelector("[data-comparator]")) register().catch(warn);
  });

  // On the comparator's page (also after instant navigation): wait until its engine has started
  // (the results container then carries data-engine-start).
  document$.subscribe(function () {
    var comparator = document.querySelector("[data-comparator]");
    if (!comparator) return;
    var observer = new MutationObserver(check);
    function check() {
      if (!comparator.querySelector("[data-engine-start]")) return;
      observer.disconnect();
      keepComparator();
    }
    observer.observe(comparator, { subtree: true, childList: true, attributeFilter: ["data-engine-start"] });
    check();
  });
})();
