"""The built site: `mkdocs build --strict` once, then its HTML checked against policies/.

Expectations come from the YAML (read here with PyYAML), not from the generator's own code,
so a generator bug cannot confirm itself.
"""

from __future__ import annotations

import datetime
import html
import html.parser
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import brotli
import pytest
import yaml

REPO = Path(__file__).resolve().parents[3]
POLICIES = REPO / "policies"
SITE_URL = "http://127.0.0.1:8000/"
AV = ["primair", "royaal", "ideaal", "optimaal", "excellent"]


def load(relative: str) -> dict:
    return yaml.safe_load((POLICIES / relative).read_text(encoding="utf-8"))


CATALOGUE = load("catalogue.yaml")
PACKAGES = {
    (kind, path.stem): load(f"{kind}/{path.name}")
    for kind in ("av", "dental")
    for path in sorted((POLICIES / kind).glob("*.yaml"))
}


def package_page(kind: str, name: str) -> str:
    return f"{'aanvullend' if kind == 'av' else 'tandarts'}/{name}/index.html"


class Page(html.parser.HTMLParser):
    """What a test needs from one HTML page: ids, links, assets, and the text of some elements."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.h2: list[str] = []
        self.links: list[str] = []  # <a href>
        self.assets: list[str] = []  # src / <link href> / inline style url()
        self.elements: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "h2" and "id" in attrs:
            self.h2.append(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])
        if attrs.get("src"):
            self.assets.append(attrs["src"])
        self.assets += re.findall(r"url\(\s*['\"]?([^'\")]+)", attrs.get("style") or "")


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    """The Dutch edition's pages (the English edition in en/ has its own tests: test_site_english.py)."""
    return {
        str(p.relative_to(site)): Page(p.read_text(encoding="utf-8"))
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith("en/")
    }


def text_of(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


# -- structure ---------------------------------------------------------------------------------
def test_every_package_and_theme_has_a_page(pages):
    for kind, name in PACKAGES:
        assert package_page(kind, name) in pages
    for theme in CATALOGUE["themes"]:
        assert f"zorg/{theme['id']}/index.html" in pages
    for page in [
        "index.html",
        "vergelijkingstabel/index.html",
        "begrippen/index.html",
        "servicepakket/index.html",
        "voorwaarden/algemeen/index.html",
        "klachten/index.html",
        "declareren/index.html",
        "over-deze-gegevens/index.html",
        "vergelijker/index.html",
    ]:
        assert page in pages


def test_every_package_page_has_the_same_sections_in_the_same_order(pages):
    expected = ["in-het-kort", *(f"zorgsoort-{t['id']}" for t in CATALOGUE["themes"]), "zonder-vergoeding", "bronnen"]
    for kind, name in PACKAGES:
        assert pages[package_page(kind, name)].h2 == expected, f"{kind}/{name}"


def test_every_benefit_has_its_section_quotes_and_article_link(site, pages):
    for (kind, name), data in PACKAGES.items():
        page = pages[package_page(kind, name)]
        body = text_of(site, package_page(kind, name))
        for benefit in data["benefits"]:
            assert benefit["id"] in page.ids, f"{kind}/{name}: no section #{benefit['id']}"
            block = body[body.index(f'data-care="{benefit["id"]}"') :]
            block = block[: block.index("</details>")]
            assert '<details class="quote">' in block, f"{kind}/{name}/{benefit['id']}: quotes not folded"
            for source in benefit["sources"]:
                if source.get("document") == "overzicht":  # restated facts: their Dutch note is shown
                    words = " ".join(source["note"].split()[:4])
                else:
                    words = " ".join(source["quote"].split()[:4])
                assert html.escape(words) in block, f"{benefit['id']}: quote missing"
            assert 'class="pv-article" href="../../voorwaarden/' in block, f"{benefit['id']}: no article link"


def test_every_benefit_opens_with_one_plain_sentence(site):
    for kind, name in PACKAGES:
        body = text_of(site, package_page(kind, name))
        for block in body.split('<div class="pv-benefit"')[1:]:
            first = re.match(r'[^>]*>\s*<p class="pv-plain">([^<]+)</p>', block)
            assert first, f"{kind}/{name}: a benefit does not open with its plain sentence: {block[:120]}"
            sentence = html.unescape(first.group(1))
            assert sentence.endswith(".") and sentence.count(". ") == 0, sentence
    theme = text_of(site, "zorg/fysiotherapie/index.html")
    assert "U krijgt de kosten helemaal terug, tot 6 behandelingen per kalenderjaar" in theme


def test_every_catalogue_id_is_on_its_theme_page_and_in_the_matrix(pages):
    matrix = pages["vergelijkingstabel/index.html"]
    rows = {attrs["data-care"] for tag, attrs in matrix.elements if tag == "tr" and "data-care" in attrs}
    for care in CATALOGUE["care"]:
        assert care["id"] in pages[f"zorg/{care['theme']}/index.html"].ids, care["id"]
        assert care["id"] in rows, care["id"]


def test_the_matrix_groups_each_theme_once_in_catalogue_order_and_links_only_the_care_names(site):
    matrix = text_of(site, "vergelijkingstabel/index.html")
    order = [theme["id"] for theme in CATALOGUE["themes"]]
    for table in re.findall(r"<table data-matrix>.*?</table>", matrix, flags=re.S):
        groups = re.findall(r'class="pv-theme-row" data-theme="([^"]+)"', table)
        assert len(groups) == len(set(groups)), groups
        assert groups == sorted(groups, key=order.index), groups
        for row in re.findall(r"<tr data-care=.*?</tr>", table, flags=re.S):
            assert "<a " not in "".join(re.findall(r"<td[^>]*>.*?</td>", row, flags=re.S)), row[:80]
            assert re.search(r'<th scope="row"[^>]*><a href=', row), row[:80]


def test_search_words_are_in_the_index_but_not_on_the_page(site, pages):
    tandarts = text_of(site, package_page("dental", "primair"))
    assert re.search(r'<p class="pv-keywords" hidden>[^<]*\bgebit\b', tandarts)
    for path in pages:
        assert "Zoekwoorden" not in text_of(site, path), path


def test_differences_are_called_out_on_theme_pages(site):
    # Condooms: in Primair and Royaal only (the packages are not nested, see the sources README).
    text = text_of(site, "zorg/anticonceptie/index.html")
    section = text[text.index('id="condooms"') :]
    assert "In Primair en Royaal; niet in Ideaal, Optimaal en Excellent." in section[: section.index("</table>")]


def test_unknown_is_shown_as_onbekend_never_as_a_number(site):
    primair = PACKAGES[("av", "primair")]
    contraception = next(b for b in primair["benefits"] if b["id"] == "anticonceptie")
    assert "unknown" in contraception["rules"][0], "contraceptives are expected to be unknown (the GVS amount)"
    body = text_of(site, package_page("av", "primair"))
    facts = body[body.index('data-care="anticonceptie"') :]
    vergoeding = facts[facts.index("<dt>Vergoeding") : facts.index("</dd>", facts.index("<dt>Vergoeding"))]
    assert ">onbekend</strong>" in vergoeding and "€" not in vergoeding.split("</strong>")[0]
    matrix = text_of(site, "vergelijkingstabel/index.html")
    row = matrix[matrix.index('<tr role="row" data-care="anticonceptie"') :]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row[: row.index("</tr>")])
    cell = re.sub(r"<[^>]+>", "", cells[1])  # Primair
    assert "onbekend" in cell and "€" not in cell


def test_dental_excellent_is_read_from_its_own_sentence_like_the_overview_reads_optimaal(site):
    body = text_of(site, package_page("dental", "excellent"))
    body = body[body.index('data-care="tandarts"') :]
    facts = body[body.index("<dt>Vergoeding") : body.index("<dt>Voorwaarden")]
    assert "onbekend" not in facts
    for figure in ("100%", "€\u00a0750", "70%", "€\u00a0500", "€\u00a01.100 per kalenderjaar"):
        assert figure in facts, figure
    quotes = body[body.index('<details class="quote">') : body.index("</details>")]
    assert "Zo lezen wij dit:" in quotes and "Optimaal" in quotes and "1.100" in quotes
    assert "voorwaarden/tandarts/#tandartsverzekering-excellent" in quotes  # the article
    assert "over-deze-gegevens/#premies" in quotes  # the insurer's overview, which reads Optimaal
    matrix = text_of(site, "vergelijkingstabel/index.html")
    row = matrix[matrix.rindex('<tr role="row" data-care="tandarts"') :]
    cell = re.sub(r"<[^>]+>", "", re.findall(r"<td[^>]*>(.*?)</td>", row[: row.index("</tr>")])[-1])
    assert "onbekend" not in cell and "1.100" in cell


def test_the_dental_optimaal_reading_is_stated_next_to_the_quote(site):
    body = text_of(site, package_page("dental", "optimaal"))
    body = body[body.index('data-care="tandarts"') :]
    quotes = body[body.index('<details class="quote">') : body.index("</details>")]
    assert "Zo lezen wij dit:" in quotes and "850" in quotes
    assert "voorwaarden/tandarts/#tandartsverzekering-optimaal" in quotes  # the article
    assert "over-deze-gegevens/#premies" in quotes  # the insurer's overview


def test_glossary_terms_have_anchors_and_are_linked_with_a_tooltip(pages):
    glossary = load("general/glossary.yaml")
    begrippen = pages["begrippen/index.html"]
    for term in glossary["terms"]:
        assert term["anchor"] in begrippen.ids
    linked = [
        attrs
        for page in pages.values()
        for tag, attrs in page.elements
        if tag == "a" and "pv-term" in (attrs.get("class") or "")
    ]
    assert linked and all("begrippen/#" in a["href"] and a.get("title") for a in linked)


def test_begrippen_explains_each_definition_and_the_words_choosers_meet(site, pages):
    glossary = load("general/glossary.yaml")
    begrippen = pages["begrippen/index.html"]
    body = text_of(site, "begrippen/index.html")
    assert body.count("<strong>In gewone taal:</strong>") >= len(glossary["terms"])
    for word in glossary["words"]:
        assert word["anchor"] in begrippen.ids
        section = body[body.index(f'id="{word["anchor"]}"') :]
        section = section[: section.index("<h", 10)]
        if word.get("sources"):
            assert "artikel " + word["sources"][0]["article"] in section, word["term"]
        else:
            assert "Uitleg van deze site (niet uit de voorwaarden)" in section, word["term"]
    assert {"gecontracteerd", "natura-restitutie", "eigen-bijdrage", "per-2-kalenderjaren", "wachttijd"} <= {
        w["anchor"] for w in glossary["words"]
    }


def test_every_page_footer_says_the_conditions_the_premiums_date_and_the_build_date(pages, site):
    built = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True)
    year = datetime.datetime.fromtimestamp(int(built.stdout), datetime.UTC).year
    for path in pages:
        footer = text_of(site, path).split('class="md-copyright"', 1)[1][:600]
        assert "Voorwaarden: Aanvullende en tandartsverzekering 2020." in footer, path
        assert "overgenomen op: onbekend (de bron noemt geen datum)" in footer, path
        assert re.search(rf"Site gemaakt op: \d{{1,2}} [a-z]+ {year} ", footer), path


def test_home_leads_to_the_comparator_and_shows_premiums(site):
    home = text_of(site, "index.html")
    assert 'href="vergelijker/"' in home
    premiums = load("premiums.yaml")
    assert "8,90 per maand" in home and premiums["av"]["primair"]["monthly"] == 8.90


def test_only_the_comparator_page_starts_its_engine_and_its_early_lines_from_the_head(site, pages):
    page = text_of(site, "vergelijker/index.html")
    head = page[page.index("<head>") : page.index("</head>")]
    early = '<script type="module" async src="../javascripts/comparator/app.js" data-comparator-start></script>'
    assert early in head and head.index(early) < head.index('rel="stylesheet"')
    inline = (REPO / "docs" / "javascripts" / "comparator" / "early.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in inline.splitlines() if not line.startswith("//"))
    assert head.index(early) + len(early) == head.index(f"<script>{code}</script>") < head.index('rel="stylesheet"')
    assert not (site / "javascripts" / "comparator" / "early.js").exists()  # inline only
    assert [name for name in pages if "data-comparator-start" in text_of(site, name)] == ["vergelijker/index.html"]


def test_every_page_notes_a_refused_module_from_the_head_before_any_module_script(site, pages):
    """Instant navigation reaches the comparator's page without loading its <head>: the page the
    visitor came from must have noted that the browser refused the comparator's script."""
    inline = (REPO / "docs" / "javascripts" / "comparator" / "refused.js").read_text(encoding="utf-8")
    code = "<script>" + "\n".join(line for line in inline.splitlines() if not line.startswith("//")) + "</script>"
    for name in pages:
        page = text_of(site, name)
        assert page.index(code) < page.index('type="module"') < page.index("</body>"), name
    assert not (site / "javascripts" / "comparator" / "refused.js").exists()  # inline only


def test_no_markup_or_directive_leaks_into_pages(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "[[polis" not in text, path
        content = text[text.find('<article class="md-content__inner') :]
        assert "**" not in re.sub(r"<code>.*?</code>", "", content), path


CHAPTER_PAGES = ["voorwaarden/algemeen/index.html", "servicepakket/index.html", "voorwaarden/tandarts/index.html"] + [
    f"voorwaarden/{name}/index.html" for name in AV
]


def visible_text(html_text: str) -> str:
    content = html_text[html_text.find('<article class="md-content__inner') :]
    inline = re.sub(r"</?(?:a|abbr|em|strong|code|span)\b[^>]*>", "", content)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def test_chapter_pages_leave_out_the_printed_contents_list_but_keep_every_article(site):
    """The source's contents lines ("Artikel 3.1<tab>Title<tab>27") point at PDF pages; the article text stays."""
    source = (REPO.parent / "shared/sources/aanvullende-verzekeringen-2020-voorwaarden.md").read_text(encoding="utf-8")
    contents = [line.split("\t") for line in source.splitlines() if "\t" in line]
    assert len(contents) == 91 and all(len(parts) == 3 and parts[2].isdigit() for parts in contents)
    # Every plain paragraph of chapters 3-7 (no markdown in it) must still be on its package's page.
    chapters = re.split(r"^#{1,2} (\d)\. .*$", source, flags=re.M)
    kept = [
        (AV[int(number) - 3], line)
        for number, body in zip(chapters[1::2], chapters[2::2], strict=True)
        if number in "34567"
        for line in body.splitlines()
        if re.fullmatch(r"[A-Z][^*_\[\]|#<>\t]+", line)
    ]
    assert len(kept) > 200
    texts = {page: visible_text(text_of(site, page)) for page in CHAPTER_PAGES}
    for page, text in texts.items():
        for number, title, page_number in contents:
            assert f"{number} {title} {page_number}" not in text, page
    for name, line in kept:
        assert " ".join(line.split()) in texts[f"voorwaarden/{name}/index.html"], line


# -- links and origins -------------------------------------------------------------------------
def resolve(site: Path, page: str, href: str) -> tuple[Path, str] | None:
    """The file and fragment an on-site link points at; None for another site or a non-page scheme."""
    parts = urlsplit(href)
    if parts.scheme in ("mailto", "tel", "data", "blob", "javascript"):
        return None
    if parts.scheme or parts.netloc:
        if not href.startswith(SITE_URL):
            return None
        target = site / unquote(parts.path[len(urlsplit(SITE_URL).path) :])
    elif parts.path.startswith("/"):  # 404.html links from the site root
        target = site / unquote(parts.path).lstrip("/")
    else:
        target = (site / page).parent / unquote(parts.path) if parts.path else site / page
    target = target.resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_internal_links_and_anchors_resolve(site, pages):
    broken = []
    for name, page in pages.items():
        for href in page.links + page.assets:
            found = resolve(site, name, href)
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                broken.append(f"{name}: {href} (no file)")
                continue
            relative = str(target.relative_to(site.resolve()))
            is_share_link = (fragment or "").startswith("p=")  # the comparator's state (contract), not an anchor
            if fragment and not is_share_link and relative in pages and fragment not in pages[relative].ids:
                broken.append(f"{name}: {href} (no #{fragment})")
    assert not broken, "\n".join(broken[:30])


ORIGIN = re.compile(
    r"""(?:src|href)\s*=\s*["'](https?://[^"']+)|url\(\s*["']?(https?://[^"')]+)|import\(\s*["'](https?://[^"']+)"""
)


def test_no_asset_from_another_origin(site, pages):
    foreign = []
    for name, page in pages.items():
        for asset in page.assets:
            if asset.startswith(("http://", "https://", "//")) and not asset.startswith(SITE_URL):
                foreign.append(f"{name}: {asset}")
    for path in [*site.rglob("*.css"), *site.rglob("*.js"), *site.rglob("*.mjs")]:
        for match in ORIGIN.finditer(path.read_text(encoding="utf-8", errors="replace")):
            url = next(g for g in match.groups() if g)
            if not url.startswith(SITE_URL) and not url.startswith("http://www.w3.org/"):  # SVG namespaces
                foreign.append(f"{path.relative_to(site)}: {url}")
    assert not foreign, "\n".join(foreign[:30])


def same_content(sibling: Path) -> bool:
    """Whether a brotli sibling holds its file's bytes; for the standard library, the same files
    (stored in the sibling, deflated in the file: build_tools/browser/_stdlib.py)."""
    data, original = brotli.decompress(sibling.read_bytes()), sibling.with_suffix("").read_bytes()
    if sibling.name != "python_stdlib.zip.br":
        return data == original
    inside, shipped = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(original))
    names = shipped.namelist()
    return inside.namelist() == names and all(inside.read(name) == shipped.read(name) for name in names)


def test_the_comparator_runtime_ships_with_brotli_siblings_of_the_same_bytes(site):
    """For hosts that send pre-compressed files (README): the runtime, the standard library (the
    same files, stored) and the engine; the offline list names the files only, as the browser asks
    for them."""
    for edition in (site, site / "en"):
        assets = edition / "assets" / "comparator"
        siblings = sorted(assets.rglob("*.br"))
        assert {path.name for path in siblings} == {
            "pyodide.asm.js.br",
            "pyodide.asm.wasm.br",
            "pyodide.mjs.br",
            "python_stdlib.zip.br",
            next(assets.glob("comparator-*.whl")).name + ".br",
            "form.json.br",
        }
        for sibling in siblings:
            assert same_content(sibling), sibling
        build = json.loads(re.search(r"const BUILD = (\{.*?\});", (edition / "sw.js").read_text()).group(1))
        assert not [url for url in build["comparator"] + build["site"] if ".br" in url]


def test_scripts_stylesheets_and_the_search_index_ship_with_brotli_siblings(site):
    """Each edition's own (compress.py), of the files as they were finally written (sw.js gets its
    list last); the small ones and Material's search language files without."""
    for sibling in site.rglob("*.br"):
        assert same_content(sibling), sibling
    for edition in (site, site / "en"):
        for name in (
            "search/search_index.json",
            "javascripts/comparator/comparator.js",
            "stylesheets/site.css",
            "sw.js",
        ):
            assert (edition / (name + ".br")).is_file(), name
        bundle = next((edition / "assets" / "javascripts").glob("bundle.*.min.js"))
        assert bundle.with_name(bundle.name + ".br").is_file()
        small = [path for path in edition.rglob("*.js") if path.stat().st_size < 1024]
        assert small and not any(path.with_name(path.name + ".br").exists() for path in small)
        assert not list((edition / "assets" / "javascripts" / "lunr").rglob("*.br"))
