"""Italian articles and prepositions, simple and joined with the article ("della", "nell'"),
and the words written before a name (forms of address, titles, a pope's or monarch's title)."""

from __future__ import annotations

_APOSTROPHES = ("'", "’")

DEFINITE_SINGULAR = frozenset({"il", "lo", "la", *(f"l{a}" for a in _APOSTROPHES)})
DEFINITE_PLURAL = frozenset({"i", "gli", "le"})
DEFINITE = DEFINITE_SINGULAR | DEFINITE_PLURAL
INDEFINITE = frozenset({"un", "uno", "una", *(f"un{a}" for a in _APOSTROPHES)})
ARTICLES = DEFINITE | INDEFINITE


def _joined(stem: str, single: str) -> tuple[frozenset[str], frozenset[str]]:
    """A preposition joined with the article: (singular forms, plural forms)."""
    singular = {f"{stem}l", f"{stem}llo", f"{stem}lla", *(f"{stem}ll{a}" for a in _APOSTROPHES)}
    plural = {f"{stem}i", f"{stem}gli", f"{stem}lle"}
    return frozenset({single} | singular), frozenset(plural)


OF_SINGULAR, OF_PLURAL = _joined("de", "di")  # di, del, dello, della, dell'; dei, degli, delle
OF_SINGULAR = OF_SINGULAR | {f"d{a}" for a in _APOSTROPHES}  # "d'Italia"
OF = OF_SINGULAR | OF_PLURAL
BY_SINGULAR, BY_PLURAL = _joined("da", "da")  # da, dal, dallo, dalla, dall'; dai, dagli, dalle
BY = BY_SINGULAR | BY_PLURAL
TO_SINGULAR, TO_PLURAL = _joined("a", "a")  # a, al, allo, alla, all'; ai, agli, alle
TO = TO_SINGULAR | TO_PLURAL | {"ad"}
IN_SINGULAR, IN_PLURAL = _joined("ne", "in")  # in, nel, nello, nella, nell'; nei, negli, nelle
IN = IN_SINGULAR | IN_PLURAL
ON_SINGULAR, ON_PLURAL = _joined("su", "su")  # su, sul, sullo, sulla, sull'; sui, sugli, sulle
ON = ON_SINGULAR | ON_PLURAL
PREPOSITIONS = OF | BY | TO | IN | ON | {"con", "col", "per", "tra", "fra"}
THAT = frozenset({"che"})  # the complementizer of a reported clause
# What one suffers or wins: "riportare" these is not reporting them ("ha riportato ferite")
SUFFERED_OR_WON = frozenset(
    "ferita ferite frattura fratture lesione lesioni danno danni trauma traumi ustione ustioni "
    "contusione contusioni conseguenze vittoria vittorie successo successi sconfitta sconfitte".split()
)
# Spans of time: "un giorno gli disse" says when, never who
TIME_NOUNS = frozenset(
    "giorno giorni sera mattina mattino notte pomeriggio volta anno anni mese settimana".split()
)
# "avere" as the auxiliary of a perfect: "ha detto" is active, whatever "da" follows
HAVE = frozenset(
    "ho hai ha abbiamo avete hanno avevo aveva avevamo avevano avrà avranno avrebbe avrebbero "
    "abbia abbiano avesse avessero avendo aver avere".split()
)
# "il", "del", "allo": the masculine singular article, alone or joined. News puts it before a
# woman's surname ("la Merkel") but hardly a man's: before one capitalised word it makes an
# epithet ("il Cavaliere", "del Professore").
MASCULINE_DEFINITE = frozenset(
    w
    for w in DEFINITE_SINGULAR | OF_SINGULAR | BY_SINGULAR | TO_SINGULAR | IN_SINGULAR | ON_SINGULAR
    if w.endswith(("l", "lo"))
) | {"col"}
# "San Giacomo", "Sant'Anna": a saint's name, which news uses for feasts, churches and places.
SAINTS = frozenset({"san", "santo", "santa", *(f"sant{a}" for a in _APOSTROPHES)})

# Forms of address, written without their full stop, and the gender they give (None: either).
HONORIFICS = {
    "sig": "Masc", "signor": "Masc", "sigra": "Fem", "sig.ra": "Fem", "signora": "Fem",
    "dott": None,
}  # fmt: skip

# Titles, offices and abbreviated forms of address written before a name and no part of it
# ("on. Renzi", "il ministro Gelmini", "dott. Rossi"), without their full stop; identities
# strip them with the honorifics. Kept apart from HONORIFICS, which the facts read (and where
# "on" would be the English word).
TITLES = frozenset(
    """
    on onorevole dott dottor dottore dottoressa prof professor professore professoressa avv
    avvocato ing ingegnere sen senatore senatrice presidente presidentessa ministro ministra
    sottosegretario commissario premier cancelliere cancelliera segretario segretaria sindaco
    sindaca governatore governatrice generale gen colonnello mons monsignor
    """.split()
) | {"primo ministro", "vice presidente", "vicepresidente"}  # fmt: skip

# Acts named after the person who put them forward ("la riforma Fornero", "il ddl Zan", "il
# lodo Alfano"): the name there is the act's, not a mention of someone in the story.
EPONYMOUS_ACTS = frozenset("riforma legge ddl decreto lodo manovra emendamento".split())

# Names of God: invoked in quotes and prayers, never a person of the story.
DEITIES = frozenset({"dio", "allah", "gesù", "geova"})

# Titles before a pope's or a monarch's regnal name ("Papa Francesco", "re Carlo III").
REGNAL_TITLES = {"papa": "pope", "pontefice": "pope", "re": "king", "regina": "king"}

# Words that make a name an organisation's ("Banca Etruria", "6º Stormo", "Fondazione Cariplo"):
# a "person" the recogniser found with one of them is a body or a unit.
# Bodies that speak for the person named after them: "l'amministrazione Trump", "lo staff di X"
BODIES = frozenset(
    "amministrazione governo esecutivo ministero partito esercito squadra fondazione famiglia "
    "clan gruppo staff giunta gabinetto campagna entourage ufficio movimento team".split()
)
ORGANISATION_WORDS = frozenset(
    """
    banca gruppo società spa srl fondazione istituto università associazione comitato
    consiglio commissione partito sindacato federazione lega ministero dipartimento agenzia
    autorità stormo reggimento brigata battaglione divisione squadriglia flotta compagnia
    tribunale corte procura questura prefettura ospedale policlinico
    """.split()
)
