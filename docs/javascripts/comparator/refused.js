// Copied into every page's <head> by build_tools/hooks/comparator_assets.py, as a classic script:
// a host that sends JavaScript with another type (text/plain) makes the browser refuse every
// module script, and a refused module never runs, so the comparator's own code cannot say so.
// This marks the page instead; the comparator's page, loaded now or reached later by Material's
// instant navigation (same <html>), then shows its `.cmp-refused` line in place of "wordt
// geladen…" (stylesheets/comparator.css). Load errors do not bubble: caught on the way down.
addEventListener(
  "error",
  ({ target }) => {
    if (target instanceof HTMLScriptElement && target.type === "module") document.documentElement.dataset.scriptsRefused = "";
  },
  true,
);
