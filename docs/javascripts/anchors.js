// After instant navigation to another page's section, Material now and then leaves the new page
// at its top (seen in the end-to-end test on a busy machine): bring the named section into view.
document$.subscribe(function () {
  var id;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return; // a malformed fragment names no section
  }
  var target = id && document.getElementById(id);
  if (!target) return;
  requestAnimationFrame(function () {
    var box = target.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= innerHeight) target.scrollIntoView();
  });
});

// The language switch keeps the visitor's place: the comparator's household (its #p= link) or the
// section at the top of the screen goes along to the twin page, whose headings carry the same ids.
document.addEventListener(
  "click",
  function (event) {
    var link = event.target.closest && event.target.closest("a[data-edition]");
    if (!link) return;
    var url = new URL(link.href);
    url.hash = location.hash.indexOf("#p=") === 0 ? location.hash : sectionInView();
    link.href = url.href;
  },
  true,
);

function sectionInView() {
  if (scrollY < 1) return location.hash; // at the top of the page: the twin opens at its top too
  var top = innerHeight / 4; // a heading in the top quarter of the screen is the section being read
  var current = null;
  try {
    current = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    // a malformed fragment names no section
  }
  if (current) {
    var box = current.getBoundingClientRect();
    if (box.top >= 0 && box.top <= top) return location.hash;
  }
  var last = "";
  for (var heading of document.querySelectorAll(".md-content h2[id], .md-content h3[id], .md-content h4[id]")) {
    if (heading.getBoundingClientRect().top > top) break;
    last = heading.id;
  }
  return last ? "#" + encodeURIComponent(last) : location.hash;
}
