// Which care a visitor means by the words they type ("beugel", "root canal"): the catalogue's care
// ranked best first. Pure (no page, no DOM), so it runs under Node with the real form.json in a
// table test. The order says what most people mean: a word that is a whole search word or the title
// comes before a word that only starts or sits inside one, a title before a search word, and among
// equals the search word listed earlier (policies/catalogue.yaml lists the common meaning first).

// Lower case without accents: "Acnébehandeling" -> "acnebehandeling".
const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const words = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

// Words that say nothing about the care ("een bril", "a filling"), left out when other words remain.
const FILLERS = new Set(["de", "het", "een", "van", "voor", "bij", "met", "en", "mijn", "a", "an", "the", "for", "of", "my", "and"]);

// How well one typed word fits one word of a term; 0 is not at all.
const WHOLE = 3;
const START = 2; // the term's word starts with it ("fysio"), or it is the term's word plus an ending ("brillen")
const INSIDE = 1; // somewhere inside, from three letters on ("therapie" in "fysiotherapie")

function fit(typed, word) {
  if (typed === word) return WHOLE;
  if (word.startsWith(typed)) return START;
  if (word.length >= 4 && typed.startsWith(word) && typed.length - word.length <= 3) return START;
  if (typed.length >= 3 && word.includes(typed)) return INSIDE;
  return 0;
}

// How well all typed words fit one term (the title or a search word): the weakest word counts, a
// term equal to the typed words beats all, a title beats a search word at the same fit.
function termScore(typed, term, isTitle) {
  const termWords = words(term);
  const exact = typed.join(" ") === termWords.join(" ");
  const weakest = Math.min(...typed.map((word) => Math.max(0, ...termWords.map((t) => fit(word, t)))));
  if (!exact && weakest === 0) return 0;
  return (exact ? WHOLE + 1 : weakest) * 2 + (isTitle ? 1 : 0);
}

/** The care matching `query`, best first: [{id, title, keywords}] entries of `catalogue`. Every
 * typed word must fit the care (its title or a search word); the same words spread over several
 * search words rank below any single one that holds them all. An empty query matches nothing. */
export function rankCare(query, catalogue) {
  let typed = words(query);
  if (typed.some((word) => !FILLERS.has(word))) typed = typed.filter((word) => !FILLERS.has(word));
  if (!typed.length) return [];
  const ranked = [];
  catalogue.forEach((item, order) => {
    const title = termScore(typed, item.title, true);
    let best = title;
    let keyword = item.keywords.length; // which search word fitted best: earlier is more common
    item.keywords.forEach((term, index) => {
      const score = termScore(typed, term, false);
      if (score > best) (best = score), (keyword = index);
    });
    if (best === 0) {
      const terms = [item.title, ...item.keywords];
      if (!typed.every((word) => terms.some((term) => termScore([word], term, false)))) return;
    }
    ranked.push({ item, key: [-best, -title, keyword, order] });
  });
  ranked.sort((a, b) => {
    const i = a.key.findIndex((value, index) => value !== b.key[index]);
    return i === -1 ? 0 : a.key[i] - b.key[i];
  });
  return ranked.map(({ item }) => item);
}
