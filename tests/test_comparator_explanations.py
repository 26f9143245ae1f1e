"""Every shape of explanation the engine writes, once, in Dutch and in English, against its article.

Each case is one line of a profile with the status, amount and article the engine decides and the
exact sentence in both languages. The sentences say only what the article (or the reading the
README states) says: which units count before the rate or maximum applies, "eenmaal" where the
conditions say it, no "per keer" for a one-off purchase, and no cover the conditions do not state.
"""

from __future__ import annotations

import pytest

from comparator import compare


def _person(age: int, care: list[dict], sex: str | None = None) -> dict:
    return {"age": age, "care": care, **({"sex": sex} if sex else {})}


# (id, persons, packages entry, (person, line), status, reimbursed, article, Dutch, English)
CASES = [
    (
        "no-costs",
        [_person(30, [{"id": "bril-lenzen", "price": 0}])],
        {"av": "ideaal"},
        (0, 0),
        ("covered", 0, "5.6.2"),
        "Geen kosten op deze regel.",
        "No costs on this line.",
    ),
    (
        "fully",
        [_person(30, [{"id": "podotherapie", "price": 50}])],
        {"av": "primair"},
        (0, 0),
        ("covered", 50, "3.10"),
        "Volledig vergoed: € 50,00.",
        "Fully reimbursed: €50.00.",
    ),
    (
        # art. 5.12.2: "€ 10,- per dag gedurende maximaal 42 dagen": 42 days count, each at most € 10
        "count-then-unit-max",
        [_person(40, []), _person(10, [{"id": "therapeutisch-kamp", "count": 49, "price": 30}])],
        {"av": "ideaal"},
        (1, 0),
        ("partial", 420, "5.12.2"),
        "Maximaal 42 dagen per kalenderjaar: vergoeding voor 42 van de 49 dagen; maximaal € 10,00 per dag. "
        "Vergoed € 420,00, zelf betalen € 1.050,00.",
        "At most 42 days per calendar year: reimbursement for 42 of the 49 days; at most €10.00 per day. "
        "Reimbursed €420.00, you pay €1,050.00 yourself.",
    ),
    (
        "count-implied-by-earlier-amount",
        [
            _person(
                70, [{"id": "herstellingsoord-hospice", "count": 45, "price": 20, "reimbursed_earlier_in_period": 60}]
            )
        ],
        {"av": "ideaal"},
        (0, 0),
        ("partial", 780, "5.12.1"),
        "Maximaal 42 dagen per 3 kalenderjaren (€ 60,00 eerder in de periode vergoed, dus ten minste 3 dagen): "
        "vergoeding voor 39 van de 45 dagen. Vergoed € 780,00, zelf betalen € 120,00.",
        "At most 42 days per 3 calendar years (€60.00 reimbursed earlier in the period, so at least 3 days): "
        "reimbursement for 39 of the 45 days. Reimbursed €780.00, you pay €120.00 yourself.",
    ),
    (
        "count-used-on-other-lines",
        [
            _person(
                30, [{"id": "fysiotherapie", "count": 4, "price": 40}, {"id": "fysiotherapie", "count": 4, "price": 30}]
            )
        ],
        {"av": "primair"},
        (0, 1),
        ("partial", 60, "3.4"),
        "Maximaal 6 behandelingen per kalenderjaar (4 behandelingen al op andere regels): vergoeding voor 2 van de "
        "4 behandelingen. Vergoed € 60,00, zelf betalen € 60,00.",
        "At most 6 treatments per calendar year (4 treatments already on other lines): reimbursement for 2 of the "
        "4 treatments. Reimbursed €60.00, you pay €60.00 yourself.",
    ),
    (
        # art. 3.5.2: "De vergoeding voor een plaswekker geldt eenmaal gedurende de looptijd van de verzekering."
        "once",
        [_person(40, []), _person(8, [{"id": "plaswekker", "count": 2, "price": 40}])],
        {"av": "primair"},
        (1, 0),
        ("partial", 40, "3.5.2"),
        "Eenmaal gedurende de looptijd van de verzekering: vergoeding voor 1 van de 2 keer. "
        "Vergoed € 40,00, zelf betalen € 40,00.",
        "Once for as long as the insurance runs: reimbursement for 1 of the 2 times. "
        "Reimbursed €40.00, you pay €40.00 yourself.",
    ),
    (
        # art. 3.5.2: "bij een niet-gecontracteerde leverancier vergoeden wij een maximumbedrag van € 50,-"
        "non-contracted-maximum",
        [_person(40, []), _person(8, [{"id": "plaswekker", "price": 80, "contracted": False}])],
        {"av": "primair"},
        (1, 0),
        ("partial", 50, "3.5.2"),
        "Maximaal € 50,00 bij een niet-gecontracteerde leverancier. Vergoed € 50,00, zelf betalen € 30,00.",
        "At most €50.00 from a non-contracted supplier. Reimbursed €50.00, you pay €30.00 yourself.",
    ),
    (
        "amount-alone",
        [_person(30, [{"id": "podotherapie", "price": 100}])],
        {"av": "primair"},
        (0, 0),
        ("partial", 70, "3.10"),
        "Maximaal € 70,00 per kalenderjaar. Vergoed € 70,00, zelf betalen € 30,00.",
        "At most €70.00 per calendar year. Reimbursed €70.00, you pay €30.00 yourself.",
    ),
    (
        # art. 4.1: "80% voor de gezamenlijke kosten tot een maximum van € 200,-", at most € 30 a consult
        "amount-shared-with-a-pool",
        [
            _person(
                30,
                [
                    {"id": "alternatieve-geneeswijzen", "count": 5, "price": 40},
                    {"id": "homeopathische-geneesmiddelen", "price": 80, "reimbursed_earlier_in_period": 10},
                ],
            )
        ],
        {"av": "royaal"},
        (0, 0),
        ("partial", 126, "4.1"),
        "80% van € 200,00 vergoed; maximaal € 30,00 per consult; maximaal € 200,00 per kalenderjaar samen met "
        "homeopathische en antroposofische geneesmiddelen (€ 64,00 al op andere regels en € 10,00 eerder in de "
        "periode vergoed), nog € 126,00 over. Vergoed € 126,00, zelf betalen € 74,00.",
        "80% of €200.00 reimbursed; at most €30.00 per consultation; at most €200.00 per calendar year together "
        "with homeopathic and anthroposophic medicines (€64.00 already on other lines and €10.00 reimbursed "
        "earlier in the period), €126.00 left. Reimbursed €126.00, you pay €74.00 yourself.",
    ),
    (
        "rate",
        [_person(30, [{"id": "kraamzorg-eigen-bijdrage", "price": 200}], sex="female")],
        {"av": "ideaal"},
        (0, 0),
        ("partial", 100, "5.7.1"),
        "50% van € 200,00 vergoed. Vergoed € 100,00, zelf betalen € 100,00.",
        "50% of €200.00 reimbursed. Reimbursed €100.00, you pay €100.00 yourself.",
    ),
    (
        "rate-then-unit-max",
        [_person(30, [{"id": "alternatieve-geneeswijzen", "count": 2, "price": 50}])],
        {"av": "primair"},
        (0, 0),
        ("partial", 60, "3.1"),
        "80% van € 100,00 vergoed; maximaal € 30,00 per consult. Vergoed € 60,00, zelf betalen € 40,00.",
        "80% of €100.00 reimbursed; at most €30.00 per consultation. Reimbursed €60.00, you pay €40.00 yourself.",
    ),
    (
        # ch. 8, Excellent: 100% up to € 750, 70% of the next € 500 (the README's reading)
        "tiers",
        [
            _person(
                30,
                [
                    {"id": "tandarts", "price": 4.45, "reimbursed_earlier_in_period": 800},
                    {"id": "tandarts", "price": 1467.52},
                ],
            )
        ],
        {"av": "primair", "dental": "excellent"},
        (0, 1),
        ("partial", 296.88, "8"),
        "100% tot € 750,00, 70% van de volgende € 500,00 en daarboven niets (€ 4,45 aan kosten al op andere "
        "regels en € 800,00 eerder in het jaar vergoed): € 296,88 van € 1.467,52. "
        "Vergoed € 296,88, zelf betalen € 1.170,64.",
        "100% up to €750.00, 70% of the next €500.00 and nothing above that (€4.45 in costs already on other "
        "lines and €800.00 reimbursed earlier in the year): €296.88 of €1,467.52. "
        "Reimbursed €296.88, you pay €1,170.64 yourself.",
    ),
    (
        "tiers-then-amount",
        [_person(30, [{"id": "tandarts", "price": 1200}])],
        {"av": "primair", "dental": "optimaal"},
        (0, 0),
        ("partial", 850, "8"),
        "100% tot € 500,00 en daarboven 70%: € 990,00 van € 1.200,00; maximaal € 850,00 per kalenderjaar. "
        "Vergoed € 850,00, zelf betalen € 350,00.",
        "100% up to €500.00 and 70% above that: €990.00 of €1,200.00; at most €850.00 per calendar year. "
        "Reimbursed €850.00, you pay €350.00 yourself.",
    ),
    (
        "non-contracted-unknown",
        [_person(30, [{"id": "fysiotherapie", "count": 3, "price": 40, "contracted": False}])],
        {"av": "primair"},
        (0, 0),
        ("unknown", 0, "1.8.3"),
        "Niet te berekenen: bij een niet-gecontracteerde zorgaanbieder vergoeden wij tot 73% van het gemiddeld "
        "gecontracteerde tarief (artikel 1.8.3), en dat tarief staat niet in de voorwaarden.",
        "Cannot be computed: with a non-contracted care provider we reimburse up to 73% of the average contracted "
        "rate (article 1.8.3), and that rate is not in the conditions.",
    ),
    (
        "sex-missing",
        [_person(30, [{"id": "kraamzorg-eigen-bijdrage", "price": 200}])],
        {"av": "ideaal"},
        (0, 0),
        ("unknown", 0, "5.7.1"),
        "Niet te berekenen: geslacht niet opgegeven en deze vergoeding geldt alleen voor vrouwelijke verzekerden.",
        "Cannot be computed: sex not given, and this reimbursement applies only to female insured persons.",
    ),
    (
        "unknown",
        [_person(30, [{"id": "anticonceptie", "price": 20}])],
        {"av": "primair"},
        (0, 0),
        ("unknown", 0, "3.2.1"),
        "Niet te berekenen: de vergoeding is maximaal het bedrag uit het Geneesmiddelenvergoedingssysteem (GVS); "
        "dat bedrag staat niet in de voorwaarden.",
        "Cannot be computed: the reimbursement is at most the amount set by the medicine reimbursement system "
        "(GVS); that amount is not in the conditions.",
    ),
    (
        "not-in-package",
        [_person(30, [{"id": "leefstijltraining", "price": 200}])],
        {"av": "ideaal"},
        (0, 0),
        ("not_covered", 0, "5"),
        "Niet verzekerd in Aanvullende Verzekering Ideaal.",
        "Not insured in Supplementary Insurance Ideaal.",
    ),
    (
        "excluded",
        [_person(30, [{"id": "condooms", "price": 20}])],
        {"av": "excellent"},
        (0, 0),
        ("not_covered", 0, "7.2.1"),
        "Excellent vergoedt geen condooms.",
        "Excellent does not reimburse condoms.",
    ),
    (
        "no-package",
        [_person(30, [{"id": "tandarts", "price": 200}])],
        {"av": "primair", "dental": None},
        (0, 0),
        ("not_covered", 0, "8"),
        "Geen tandartsverzekering gekozen, dus geen vergoeding.",
        "No dental insurance chosen, so nothing is reimbursed.",
    ),
    (
        "not-eligible",
        [_person(20, [{"id": "flaporen-correctie", "price": 2000}])],
        {"av": "primair"},
        (0, 0),
        ("not_covered", 0, "3.7"),
        "Alleen voor kinderen tot en met 12 jaar.",
        "Only for children aged 12 or younger.",
    ),
    (
        # art. 1.2.2 and ch. 8 say only that dental insurance is for 18 and over; nothing about basic cover
        "child-dental",
        [_person(40, []), _person(10, [{"id": "tandarts", "price": 200}])],
        {"av": "primair", "dental": "royaal"},
        (1, 0),
        ("not_covered", 0, "8"),
        "De tandartsverzekering vergoedt alleen voor verzekerden van 18 jaar en ouder. Waar tandheelkundige zorg "
        "voor kinderen wel vergoed wordt, staat niet in deze voorwaarden.",
        "The dental insurance reimburses only insured persons aged 18 and over. These conditions do not say where "
        "dental care for children is reimbursed instead.",
    ),
    (
        "child-without-av",
        [_person(40, []), _person(10, [{"id": "podotherapie", "price": 50}])],
        {"persons": [{"av": None, "dental": None}, None]},
        (1, 0),
        ("not_covered", 0, "1.2.2"),
        "Een kind krijgt de aanvullende verzekering van de hoogst verzekerde ouder of verzorger. Hier heeft geen ouder "
        "of verzorger een aanvullende verzekering, dus geen vergoeding.",
        "A child gets the supplementary insurance of the parent or guardian with the highest cover. No parent or "
        "guardian here has supplementary insurance, so nothing is reimbursed.",
    ),
    # Not computable, but € 0 whatever the unknown is: known.
    (
        "zero-cost-amount-unknown",
        [_person(30, [{"id": "anticonceptie", "price": 0}])],
        {"av": "primair"},
        (0, 0),
        ("covered", 0, "3.2.1"),
        "Geen kosten op deze regel.",
        "No costs on this line.",
    ),
    (
        "zero-cost-sex-missing",
        [_person(30, [{"id": "kraamzorg-eigen-bijdrage", "price": 0}])],
        {"av": "ideaal"},
        (0, 0),
        ("not_covered", 0, "5.7.1"),
        "Geen kosten op deze regel, dus niets te vergoeden (deze vergoeding geldt alleen voor vrouwelijke "
        "verzekerden en het geslacht is niet opgegeven).",
        "No costs on this line, so nothing to reimburse (this reimbursement applies only to female insured "
        "persons, and sex was not given).",
    ),
    (
        "non-contracted-sessions-used-up-earlier",
        [
            _person(
                30,
                [{"id": "fysiotherapie", "count": 3, "price": 40, "contracted": False, "count_earlier_in_period": 6}],
            )
        ],
        {"av": "primair"},
        (0, 0),
        ("not_covered", 0, "3.4"),
        "Maximaal 6 behandelingen per kalenderjaar (6 behandelingen eerder in de periode): al opgebruikt. "
        "Vergoed € 0,00, zelf betalen € 120,00.",
        "At most 6 treatments per calendar year (6 treatments earlier in the period): already used up. "
        "Reimbursed €0.00, you pay €120.00 yourself.",
    ),
    (
        "non-contracted-amount-used-up-earlier",
        [_person(30, [{"id": "condooms", "price": 15, "contracted": False, "reimbursed_earlier_in_period": 20}])],
        {"av": "royaal"},
        (0, 0),
        ("not_covered", 0, "4.2.1"),
        "Maximaal € 20,00 per kalenderjaar (€ 20,00 eerder in de periode vergoed), nog € 0,00 over. "
        "Vergoed € 0,00, zelf betalen € 15,00.",
        "At most €20.00 per calendar year (€20.00 reimbursed earlier in the period), €0.00 left. "
        "Reimbursed €0.00, you pay €15.00 yourself.",
    ),
    (
        "sex-missing-hours-used-up-earlier",
        [_person(30, [{"id": "uitgestelde-kraamzorg", "count": 2, "price": 10, "count_earlier_in_period": 6}])],
        {"av": "ideaal"},
        (0, 0),
        ("not_covered", 0, "5.7.4"),
        "Maximaal 6 uur (6 uur eerder in de periode): al opgebruikt. Vergoed € 0,00, zelf betalen € 20,00.",
        "At most 6 hours (6 hours earlier in the period): already used up. Reimbursed €0.00, you pay €20.00 yourself.",
    ),
]


@pytest.mark.parametrize(
    ("persons", "entry", "where", "decided", "dutch", "english"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_explanation_says_what_its_article_says_in_both_languages(persons, entry, where, decided, dutch, english):
    person, line = where
    answers = {}
    for lang in ("nl", "en"):
        result = compare({"lang": lang, "persons": persons, "packages": [entry]})["results"][0]
        answers[lang] = result["persons"][person]["lines"][line]
        if decided[0] != "unknown":  # a line whose amount is known, also at € 0, keeps the result complete
            assert result["complete"], result
    status, reimbursed, article = decided
    assert (answers["nl"]["status"], answers["nl"]["reimbursed"], answers["nl"]["article"]) == (
        status,
        reimbursed,
        article,
    )
    assert answers["nl"]["explanation"] == dutch
    assert answers["en"]["explanation"] == english


def test_a_line_that_shares_a_limit_with_a_line_of_unknown_amount_leaves_that_line_unknown():
    # Which sessions come first depends on the unknown amount (the most reimbursed first): the
    # non-contracted line stays unknown even when the contracted line alone fills the 6 sessions.
    care = [
        {"id": "fysiotherapie", "count": 6, "price": 40},
        {"id": "fysiotherapie", "count": 3, "price": 40, "contracted": False},
    ]
    result = compare({"persons": [{"age": 30, "care": care}], "packages": [{"av": "primair"}]})["results"][0]
    assert [line["status"] for line in result["persons"][0]["lines"]] == ["covered", "unknown"]
    assert not result["complete"]
