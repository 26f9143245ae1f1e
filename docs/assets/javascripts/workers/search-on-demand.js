// Material's search worker, with lunr's index built when the visitor first searches instead of
// while every page loads. Material's script fetches the index and hands it over (SETUP) as soon as
// a page has loaded, and sends no query before the worker answers READY; building the index of
// this site takes some 150 ms of a CPU here, several times that on a phone, right when the page's
// own start needs the CPU (Lighthouse, issue 15). So READY goes back at once, the empty query that
// Material sends when it gets READY is answered with no results (as Material's own worker does),
// and the index is built at the first real query, or 5 s after the page handed it over, so that
// a later search is answered at once. Instant navigation keeps this worker, and the
// index, from page to page.
// It sits beside Material's worker, so that the lunr files that one loads ("../lunr/...") are found.
// Material's worker is named by its hash, as in Material's own templates: with another Material
// version, change it here and in docs/overrides/main.html (tests/test_site_search.py checks both).
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's SearchMessageType
  var MATERIAL = "search.a7633da7.min.js";
  var QUIET_MS = 5000;
  var material = null; // Material's message listener
  var listen = self.addEventListener;
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && !material) material = listener;
    else listen.call(self, type, listener, options);
  };
  importScripts(MATERIAL);
  self.addEventListener = listen;
  if (!material) throw new Error("search: " + MATERIAL + " added no message listener");

  var answer = self.postMessage.bind(self);
  var setup = null; // Material's SETUP message, until the index is built
  var built = null; // a promise: the index is built
  var timer = 0;

  function build() {
    clearTimeout(timer);
    built = built || new Promise(function (resolve) {
      // Material answers its SETUP with READY once the index is built: that one stays here.
      self.postMessage = function (message) {
        if (message && message.type === READY) {
          self.postMessage = answer;
          resolve();
        } else answer(message);
      };
      material({ data: setup });
      setup = null;
    });
    return built;
  }

  listen.call(self, "message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      setup = message;
      answer({ type: READY });
      timer = setTimeout(build, QUIET_MS);
    } else if (message.type === QUERY && !built && !String(message.data).trim()) {
      answer({ type: RESULT, data: { items: [] } });
    } else {
      build().then(function () { material(event); });
    }
  });
})();
