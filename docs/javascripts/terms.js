// Glossary terms (a.pv-term) on a phone or a touch screen: a tap opens the plain explanation right
// under the term instead of leaving the page; a second tap, Escape or a tap elsewhere closes it,
// and the link inside it leads to Begrippen. With a mouse the term keeps its hover tooltip and
// its link. Listening on window in the capture phase runs before instant navigation sees the tap.
(function () {
  var tapped = window.matchMedia("(hover: none), (max-width: 45em)");
  var open = null;

  function close() {
    if (!open) return;
    open.link.setAttribute("aria-expanded", "false");
    open.tip.remove();
    open = null;
  }

  window.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest ? event.target.closest("a.pv-term") : null;
      if (!link) {
        if (open && !open.tip.contains(event.target)) close();
        return;
      }
      if (!tapped.matches || !link.dataset.tip) return;
      event.preventDefault();
      event.stopPropagation();
      var same = open && open.link === link;
      close();
      if (same) return;
      var tip = document.createElement("span");
      tip.className = "pv-tip";
      tip.id = "pv-tip";
      tip.textContent = link.dataset.tip + " ";
      var more = document.createElement("a");
      more.href = link.href;
      more.textContent = "Meer bij Begrippen";
      tip.appendChild(more);
      // Under the whole inline run ("<strong>term:</strong>"), so the words around stay together.
      var after = link;
      while (/^(STRONG|EM|B|I|SPAN)$/.test(after.parentElement.tagName)) after = after.parentElement;
      after.after(tip);
      link.setAttribute("aria-controls", "pv-tip");
      link.setAttribute("aria-expanded", "true");
      open = { link: link, tip: tip };
    },
    true
  );
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) {
      var link = open.link;
      close();
      link.focus();
    }
  });
})();
