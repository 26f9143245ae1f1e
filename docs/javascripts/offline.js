// Offline visits: registers the service worker (sw.js at the site root) once the page has loaded.
// It keeps every page at once; the comparator's runtime (some 17 MB) only when the comparator has
// been used, and only after it has started, so nothing is downloaded twice at the same time.
// Not under `mkdocs serve`: its live reload (the script that defines `livereload`) needs fresh pages.
(function () {
  if (!("serviceWorker" in navigator)) return;
  var root = new URL("..", document.currentScript.src);
  var registered = new Promise(function (resolve) {
    addEventListener("load", function () {
      if (typeof window.livereload === "function") return;
      navigator.serviceWorker.register(new URL("sw.js", root)).then(resolve, function (error) {
        console.warn("Offline gebruik is niet beschikbaar: " + error.message);
      });
    });
  });

  function keepComparator() {
    registered
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) { registration.active.postMessage("keep-comparator"); });
  }

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
