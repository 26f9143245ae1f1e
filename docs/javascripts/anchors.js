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
