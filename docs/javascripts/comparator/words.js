// The comparator's visitor-facing words. The key is the Dutch text itself, so the Dutch page reads
// exactly as it always did; on the English edition (<html lang="en">) the English text beside it is
// used. {name} marks a value filled in by `say`. A Dutch text without English stays Dutch (the
// English browser test lists the Dutch words that must not appear).

export const english = globalThis.document?.documentElement.lang?.startsWith("en") ?? false;

const ENGLISH = {
  // results.js
  "volledig vergoed": "fully reimbursed",
  "deels vergoed": "partly reimbursed",
  "niet vergoed": "not reimbursed",
  onbekend: "unknown",
  Onbekend: "Unknown",
  "{av} + tandarts {dental}": "{av} + dental {dental}",
  "{av}, zonder tandarts": "{av}, no dental",
  "{n} combinatie berekend.": "{n} combination computed.",
  "{n} combinaties berekend.": "{n} combinations computed.",
  "{count} Zonder volwassene is er geen pakket te kiezen: een kind volgt de ouder.":
    "{count} Without an adult there is no package to choose: a child follows its parent.",
  "{count} Het totaal per jaar is onbekend: vul de ontbrekende premies in.":
    "{count} The total per year is unknown: fill in the missing premiums.",
  " en ": " and ",
  "Totaal per jaar": "Total per year",
  "Premie per jaar": "Premium per year",
  "Zelf betalen": "You pay",
  Vergoed: "Reimbursed",
  Onvolledig: "Incomplete",
  "Kosten per combinatie": "Costs per combination",
  Combinatie: "Combination",
  "premie onbekend + {own} zelf": "premium unknown + {own} you pay",
  "Totaal per jaar: ": "Total per year: ",
  " premie ": " premium ",
  " zelf betalen": " you pay",
  " premie onbekend (kan elk bedrag zijn)": " premium unknown (could be any amount)",
  "Persoon {n}": "Person {n}",
  "Nog geen zorg ingevuld: alleen de premie telt. Voeg hierboven zorg toe.":
    "No care entered yet: only the premium counts. Add care above.",
  "Vergoeding per zorgregel": "Reimbursement per care line",
  "Vergoed per zorgregel; vet is het hoogste bedrag waar pakketten verschillen":
    "Reimbursed per care line; bold is the highest amount where packages differ",
  Zorg: "Care",
  "{name}: {reimbursed} vergoed, {own} zelf": "{name}: {reimbursed} reimbursed, {own} you pay",
  " {reimbursed} vergoed, {own} zelf ({status}). ": " {reimbursed} reimbursed, {own} you pay ({status}). ",
  "Artikel {article}": "Article {article}",
  "Als iedereen hetzelfde pakket neemt": "If everyone takes the same package",
  "Onvolledig: van een of meer zorgregels is de vergoeding onbekend; die tellen als niet vergoed. De toelichting zegt waarom.":
    "Incomplete: for one or more care lines the reimbursement is unknown; they count as not reimbursed. The explanation says why.",
  "Van een of meer pakketten is de premie 2020 niet bekend. Vul die in bij 'Premies aanpassen' voor een totaal.":
    "The 2020 premium of one or more packages is not known. Fill it in under 'Adjust premiums' for a total.",
  "Wat wordt vergoed per zorgregel?": "What is reimbursed per care line?",
  "Toelichting en artikelen": "Explanation and articles",
  // best.js
  "geen aanvullende verzekering": "no supplementary insurance",
  "tandarts {name}": "dental {name}",
  "Even duur als {what}.": "As expensive as {what}.",
  "{amount} per jaar minder dan {what}.": "{amount} per year less than {what}.",
  "Let op: de verzekeraar kan een aanvraag weigeren als u bij de aanmelding al zorg nodig hebt of verwacht, die onder de aanvullende verzekering valt (":
    "Note: the insurer can refuse an application if, when you apply, you already need or expect care that the supplementary insurance covers (",
  "Tandarts {name}": "Dental {name}",
  "Niet meegerekend, want de premie 2020 is onbekend: {names}.": "Not counted, because the 2020 premium is unknown: {names}.",
  "artikel {article}": "article {article}",
  "Premie: ": "Premium: ",
  "Uitkomst berekend: zonder volwassene is er geen pakket te kiezen; een kind volgt de ouder.":
    "Result computed: without an adult there is no package to choose; a child follows its parent.",
  "Uitkomst berekend: het goedkoopst voor uw huishouden is {total} per jaar.":
    "Result computed: the cheapest for your household is {total} per year.",
  "Voor dit huishouden is er niets te kiezen": "For this household there is nothing to choose",
  "Een kind is verzekerd op de polis van een ouder en krijgt het pakket van die ouder (":
    "A child is insured on a parent's policy and gets that parent's package (",
  "). Voeg een volwassene toe om pakketten te vergelijken.": "). Add an adult to compare packages.",
  "{total} per jaar": "{total} per year",
  " (premie {premium} + zelf betalen {own})": " (premium {premium} + you pay {own})",
  "Zonder aanvullende verzekering en tandartsverzekering bent u hier het goedkoopst uit.":
    "Without supplementary and dental insurance you are cheapest off here.",
  "geen aanvullende verzekering (dan betaalt u {cost} zelf)": "no supplementary insurance (then you pay {cost} yourself)",
  "Onvolledig: van een of meer zorgregels is de vergoeding onbekend; die tellen als niet vergoed.":
    "Incomplete: for one or more care lines the reimbursement is unknown; they count as not reimbursed.",
  "Het volgende plan": "The next plan",
  "De volgende {n} plannen": "The next {n} plans",
  // best.js and plan.js: the answer card
  "Als iedereen hetzelfde pakket neemt: per combinatie, voor het hele huishouden, in 2020": "If everyone takes the same package: per combination, for the whole household, in 2020",
  "{count} Een plan met pakketten per persoon heet naar wat elke volwassene neemt.": "{count} A plan with packages per person is named by what each adult takes.",
  "{count} Hier neemt iedereen in het huishouden hetzelfde pakket; een kind volgt de ouder.": "{count} Here everyone in the household takes the same package; a child follows its parent.",
  "Het goedkoopst voor uw huishouden": "The cheapest for your household",
  "geen tandartsverzekering": "no dental insurance",
  "Kost {name} minder dan {amount} per maand, dan is het voor {names} goedkoper dan {instead}.": "If {name} costs less than {amount} per month, it is cheaper for {names} than {instead}.",
  "{name} is voor dit huishouden ook bij een premie van € 0 niet goedkoper.": "{name} would not be cheaper for this household even at a premium of €0.",
  "Wat het verschil maakt met {name}:": "What makes the difference with {name}:",
  "u betaalt zelf {best} in plaats van {next} (": "you pay {best} yourself instead of {next} (",
  "{top} per jaar in plaats van {next}.": "{top} per year instead of {next}.",
  "Deze uitkomst gaat uit van:": "This result assumes:",
  "{care}: een zorgverlener met contract.": "{care}: a provider with a contract.",
  "{care}: de indicatieve prijs {price}, geen bedrag van u.": "{care}: the indicative price {price}, not an amount of yours.",
  "Klopt dat niet, pas het dan aan in het formulier.": "If that is not right, change it in the form.",
  "art. {article}": "art. {article}",
  ": {total} per jaar ({amount} meer)": ": {total} per year ({amount} more)",
  "Per persoon": "Per person",
  "{item} {amount}": "{item} {amount}",
  "{title} van {name}": "{title} of {name}",
  "{who} neemt {name} voor {premium} premie per jaar; dat vergoedt hier niets.": "{who} takes {name} for a premium of {premium} per year; it reimburses nothing here.",
  "{who} neemt {name} voor {premium} premie per jaar; dat vergoedt {amount} voor {item}.": "{who} takes {name} for a premium of {premium} per year; it reimburses {amount} for {item}.",
  "{who} neemt {name} voor {premium} premie per jaar; dat vergoedt {amount}: {items}.": "{who} takes {name} for a premium of {premium} per year; it reimburses {amount}: {items}.",
  "alleen tandarts {name}": "dental {name} only",
  "geen pakket": "no package",
  "{who} neemt geen pakket en betaalt {amount} zelf.": "{who} takes no package and pays {amount} themselves.",
  "Elk ander plan kost minstens {amount} per jaar meer; het eerstvolgende is {name}.": "Every other plan costs at least {amount} more per year; the next one is {name}.",
  "{name} kost evenveel; bij gelijke totalen gaat het plan met de laagste premie voor.": "{name} costs the same; with equal totals the plan with the lower premium comes first.",
  ": vergoeding onbekend, {own} zelf (": ": reimbursement unknown, {own} you pay (",
  ": {reimbursed} vergoed, {own} zelf (": ": {reimbursed} reimbursed, {own} you pay (",
  "Aanvullend: {av}. Tandarts: {dental}.": "Supplementary: {av}. Dental: {dental}.",
  "geen": "none",
  "Premie: {amount} per jaar.": "Premium: {amount} per year.",
  "Aanvullend: geen, want geen ouder of verzorger heeft een aanvullende verzekering (": "Supplementary: none, because no parent or guardian has a supplementary insurance (",
  "Aanvullend: {av}, dat van {parent}: een kind krijgt het pakket van de hoogst verzekerde ouder (": "Supplementary: {av}, that of {parent}: a child gets the package of the highest-insured parent (",
  "). Tandarts: vergoedt pas vanaf {age} jaar (": "). Dental: reimburses only from age {age} (",
  "Premie: € 0, want jonger dan {age} jaar (": "Premium: €0, because younger than {age} (",
  "{who}, {age} jaar": "{who}, {age} years",
  "Geen zorg ingevuld.": "No care entered.",
  // form.js
  "Ouder of verzorger van de kinderen": "Parent or guardian of the children",
  "Een kind krijgt het aanvullende pakket van de hoogst verzekerde ouder of verzorger (art. 1.2.2). Zet dit uit voor bijvoorbeeld een inwonende oma of een meerderjarig kind.": "A child gets the supplementary package of the highest-insured parent or guardian (art. 1.2.2). Switch this off for, say, a grandmother living in or an adult child.",
  "Niet opgeven": "Not given",
  Vrouw: "Female",
  Man: "Male",
  "Uw gegevens": "Your details",
  "Premies aanpassen (optioneel)": "Adjust premiums (optional)",
  "Premie per volwassene per maand. Leeg laten: de premie 2020 uit het overzicht van de verzekeraar. Kinderen tot 18 jaar betalen geen premie.":
    "Premium per adult per month. Leave empty: the 2020 premium from the insurer's overview. Children under 18 pay no premium.",
  "Uw huishouden": "Your household",
  "Persoon toevoegen": "Add a person",
  "Tot {n} personen op één polis.": "Up to {n} people on one policy.",
  "Naam (optioneel)": "Name (optional)",
  "Leeftijd in 2020": "Age in 2020",
  Geslacht: "Sex",
  "Alleen nodig waar de voorwaarden het noemen.": "Only needed where the conditions mention it.",
  "Verwijder persoon {n}": "Remove person {n}",
  "Indicatie, geen tarief van de verzekeraar: ongeveer {price} ({note}). Vul uw eigen bedrag in als u het weet.":
    "An indication, not the insurer's tariff: about {price} ({note}). Enter your own amount if you know it.",
  "Aantal {units}": "Number of {units}",
  Aantal: "Number",
  behandeling: "treatment",
  behandelingen: "treatments",
  consult: "consultation",
  consulten: "consultations",
  uur: "hour",
  uren: "hours",
  dag: "day",
  dagen: "days",
  keer: "time",
  "Prijs per {unit} (€)": "Price per {unit} (€)",
  "Bedrag (€)": "Amount (€)",
  "Gecontracteerde zorgverlener": "Contracted provider",
  "Aan als de zorgverlener een contract heeft met de verzekeraar; zonder contract is de vergoeding vaak lager of onbekend (art. 1.8.3).":
    "On if the provider has a contract with the insurer; without a contract the reimbursement is often lower or unknown (art. 1.8.3).",
  "Al vergoed eerder in de periode (€)": "Already reimbursed earlier in the period (€)",
  "Voor maxima over meer jaren of de hele looptijd: wat u hiervoor al vergoed kreeg. Leeg is 0.":
    "For maximums over several years or the whole term: what you were already reimbursed for this. Empty is 0.",
  "Al eerder vergoed (aantal keer)": "Already reimbursed earlier (number of times)",
  "Verwijder {title}": "Remove {title}",
  Toevoegen: "Add",
  "bijv. bril, fysio, beugel": "e.g. glasses, physio, braces",
  "{n} soort zorg gevonden.": "{n} kind of care found.",
  "{n} soorten zorg gevonden.": "{n} kinds of care found.",
  'Geen zorg gevonden voor "{words}"; kies uit de thema\'s.': 'No care found for "{words}"; choose from the themes.',
  "De {shown} beste staan hieronder.": "The best {shown} are listed below.",
  "Enter voegt de eerste toe: {title}.": "Enter adds the first: {title}.",
  "Gevonden zorg": "Care found",
  "{theme}: kies de zorg.": "{theme}: choose the care.",
  "Zoek zorg": "Search care",
  "Of kies uit alle zorg, per thema": "Or choose from all care, by theme",
  indicatie: "indication",
  "Indicatie — vul uw eigen bedrag in.": "Indication — enter your own amount.",
  "Aangenomen: met contract.": "Assumed: with a contract.",
  "Aanvullend pakket {n}": "Supplementary package {n}",
  "Tandartsverzekering bij pakket {n}": "Dental insurance with package {n}",
  "Geen tandartsverzekering": "No dental insurance",
  "Verwijder combinatie {n}": "Remove combination {n}",
  "Welke pakketten vergelijken?": "Which packages to compare?",
  "Elke regel is een combinatie van een aanvullende verzekering en een tandartsverzekering.":
    "Each row is a combination of a supplementary insurance and a dental insurance.",
  "Combinatie toevoegen": "Add a combination",
  Standaardcombinaties: "Standard combinations",
  "Aanvullend {name} (€ per maand)": "Supplementary {name} (€ per month)",
  "Tandarts {name} (€ per maand)": "Dental {name} (€ per month)",
  "Premie 2020 onbekend: vul hem in voor een totaal.": "2020 premium unknown: fill it in for a total.",
  "Premie 2020: {amount}.": "2020 premium: {amount}.",
  // comparator.js, app.js and share.js
  "Ongedaan maken": "Undo",
  "Opnieuw beginnen": "Start again",
  "U begint opnieuw met een leeg formulier.": "You start again with an empty form.",
  "Het voorbeeld {title} staat nu in het formulier.": "The example {title} is now in the form.",
  "Uw vorige invoer kunt u terugzetten.": "You can put back what you entered before.",
  "Uw vorige invoer staat weer in het formulier.": "What you entered before is back in the form.",
  "Een deel van uw bewaarde invoer was onleesbaar en is weggelaten.": "Part of your kept input could not be read and was left out.",
  "De rekenmodule wordt gestart": "The calculator is starting",
  "Python wordt gestart in uw browser": "Python is starting in your browser",
  "De rekenregels worden geladen": "The rules are loading",
  "Begin met een voorbeeld": "Start with an example",
  "De bedragen in de voorbeelden zijn schattingen; pas ze aan uw eigen rekeningen aan.":
    "The amounts in the examples are estimates; adjust them to your own bills.",
  "Naar de uitkomst": "To the result",
  Uitkomst: "Result",
  "Samenvatting van de uitkomst": "Summary of the result",
  "Goedkoopst: {total} per jaar": "Cheapest: {total} per year",
  "Delen of bewaren": "Share or keep",
  "De link bevat uw hele invoer, in het deel na de #: dat deel wordt nooit naar een server gestuurd. Wie de link heeft, ziet uw gegevens.":
    "The link holds all your input, in the part after the #: that part is never sent to a server. Whoever has the link sees your details.",
  "Link naar deze vergelijking": "Link to this comparison",
  "Kopieer link": "Copy link",
  "De link is gekopieerd.": "The link has been copied.",
  "Kopiëren lukte niet automatisch: de link is geselecteerd, kopieer hem zelf.":
    "Copying did not work automatically: the link is selected, copy it yourself.",
  "{text} (stap {n} van 3). Het formulier kunt u al invullen.": "{text} (step {n} of 3). You can already fill in the form.",
  "het starten duurde te lang": "starting took too long",
  "een van haar bestanden laadde niet": "one of its files did not load",
  "De rekenmodule kon niet starten{why}. Herlaad de pagina; de tabellen elders op de site werken ook zonder.":
    "The calculator could not start{why}. Reload the page; the tables elsewhere on the site work without it.",
  "Deze deellink klopt niet: {why}. Het formulier werkt gewoon.": "This share link is not right: {why}. The form works as usual.",
  "de link is geen geldige base64url-tekst (mogelijk afgebroken of aangepast)":
    "the link is not valid base64url text (perhaps cut off or changed)",
  "de link bevat geen geldige UTF-8-tekst": "the link does not hold valid UTF-8 text",
  "Deze deellink klopt niet": "This share link is not right",
  "Vul de gegevens hierboven in; de uitkomst verschijnt dan meteen.": "Fill in the details above; the result then appears at once.",
  "Nog niet te berekenen: {where}. {message}": "Cannot compute yet: {where}. {message}",
  "De rekenmodule weigerde de invoer": "The calculator refused the input",
  "persoon {n}": "person {n}",
  "combinatie {n}": "combination {n}",
  premies: "premiums",
  "De uitkomst volgt zodra de rekenmodule klaar is.": "The result follows as soon as the calculator is ready.",
  "De berekening duurde langer dan {seconds} seconden en is gestopt. Uw invoer blijft staan; met minder personen, zorgregels of combinaties gaat het sneller.":
    "The calculation took longer than {seconds} seconds and was stopped. Your input stays; with fewer people, care lines or combinations it is faster.",
  "De rekenmodule liep vast op deze invoer en is opnieuw gestart. Uw invoer blijft staan; pas die aan of kies een voorbeeld.":
    "The calculator got stuck on this input and was restarted. Your input stays; change it or choose an example.",
  "De rekenmodule liep vast op deze invoer. Uw invoer blijft staan.": "The calculator got stuck on this input. Your input stays.",
  "De vergelijker kon niet laden ({why}). Herlaad de pagina.": "The comparator could not load ({why}). Reload the page.",
  "Zonder internetverbinding werkt de vergelijker pas nadat u hem een keer met verbinding hebt gebruikt. De tabellen elders op de site werken wel.":
    "Without an internet connection the comparator works only after you have used it once with a connection. The tables elsewhere on the site do work.",
  // model.js
  "Vul een leeftijd in: een heel getal van 0 tot en met {max}.": "Enter an age: a whole number from 0 to {max}.",
  "Een naam heeft hoogstens {max} tekens.": "A name has at most {max} characters.",
  "Een heel getal van 1 tot en met {max}.": "A whole number from 1 to {max}.",
  "Een heel getal van 0 tot en met {max}, of leeg.": "A whole number from 0 to {max}, or empty.",
  "Vul een bedrag in euro's in: 0 tot en met 1.000.000, hoogstens 2 decimalen (bijv. 35,50).":
    "Enter an amount in euros: 0 to 1,000,000, at most 2 decimals (e.g. 35.50).",
  "Een bedrag in euro's (0 tot en met 1.000.000, hoogstens 2 decimalen), of leeg.":
    "An amount in euros (0 to 1,000,000, at most 2 decimals), or empty.",
  "Kies een aanvullend pakket.": "Choose a supplementary package.",
  "Kies een tandartspakket of 'geen'.": "Choose a dental package or 'none'.",
  // what_if.js
  "In dit hele bereik is het goedkoopst: {plan}.": "Cheapest over this whole range: {plan}.",
  "Onder {from}: {plan}.": "Below {from}: {plan}.",
  "Vanaf {from}: {plan}.": "From {from}: {plan}.",
  "Totaal per jaar van het goedkoopste plan en van de plannen van nu, bij meer of minder {care}; nu: {now}.": "Total per year of the cheapest plan and of today's plans, with more or less {care}; now: {now}.",
  " Het goedkoopste plan bij elke hoeveelheid": " The cheapest plan at each quantity",
  "Het goedkoopste plan bij meer of minder {care}:": "The cheapest plan with more or less {care}:",
  "De plannen van nu onderling:": "Today's plans against each other:",
  "In dit bereik verandert hun volgorde niet.": "In this range their order does not change.",
  "Het goedkoopst": "The cheapest",
  "een prijs van {amount} per keer": "a price of {amount} each time",
  "{amount} aan kosten": "{amount} in costs",
  "Vanaf {from} is {cheaper} goedkoper dan {than}.": "From {from}, {cheaper} is cheaper than {than}.",
  "aantal {units}": "number of {units}",
  "prijs per keer ({n} keer)": "price each time ({n} times)",
  "kosten van deze zorg": "cost of this care",
  "De cijfers van de grafiek als tabel": "The chart's figures as a table",
  "Totaal per jaar per hoeveelheid": "Total per year per quantity",
  Kosten: "Costs",
  " (nu)": " (now)",
  "Kies een zorgregel": "Choose a care line",
  "Wat als u meer of minder zorg nodig hebt?": "What if you need more or less care?",
  Zorgregel: "Care line",
  " {label}{cheapest}: nu {total} per jaar": " {label}{cheapest}: now {total} per year",
  " (het goedkoopst)": " (the cheapest)",
  "Dit voorbeeld is vooraf berekend, met dezelfde rekenregels; uw browser rekent het nu na.":
    "This example was computed in advance, by the same rules; your browser is now computing it again.",
};

/** The text in the page's language, with {name} filled from `values`. */
export function say(dutch, values = {}) {
  const text = english ? (ENGLISH[dutch] ?? dutch) : dutch;
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

const inEnglish = ({ title_en, summary_en, ...entry }) => ({ ...entry, title: title_en, ...(summary_en && { summary: summary_en }) });

/** The form's data (form.json) in the page's language: on the English edition the care, themes,
 * packages and personas carry their English titles, an indicative price its English note, and care
 * is also found by its English words. */
export function localized(data) {
  if (!english) return data;
  return {
    ...data,
    themes: data.themes.map(inEnglish),
    care: data.care.map(({ keywords_en, typical, ...item }) => ({
      ...inEnglish(item),
      keywords: [...keywords_en, ...item.keywords, item.title],
      typical: { ...typical, note: typical.note_en },
    })),
    av: data.av.map(inEnglish),
    dental: data.dental.map(inEnglish),
    personas: data.personas.map(({ answer_en, ...persona }) => ({ ...inEnglish(persona), answer: answer_en })),
    household: {
      ...data.household,
      standalone: Object.fromEntries(Object.entries(data.household.standalone).map(([key, { text_en, ...statement }]) => [key, { ...statement, text: text_en }])),
    },
  };
}
