"""English articles and prepositions, and the words written before a name (forms of address,
titles, a pope's or monarch's title)."""

from __future__ import annotations

DEFINITE = frozenset({"the"})
INDEFINITE = frozenset({"a", "an"})
ARTICLES = DEFINITE | INDEFINITE
OF = frozenset({"of"})
BY = frozenset({"by"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})  # "Trump's", "the Clintons'"
THAT = frozenset({"that"})  # the complementizer of a reported clause
# Spans of time: "one day he told me" says when, never who
TIME_NOUNS = frozenset("day days night morning evening afternoon year years month week".split())
ONE_PERSON_PRONOUNS = frozenset({"he", "she"})  # a subject that is one person
HAVE = frozenset({"has", "have", "had", "having", "'ve", "’ve", "'d", "’d"})  # of a perfect
PLUPERFECT = frozenset({"had"})  # the auxiliary of a reported past ("said the US had made")
# Verbs news writes before their subject after what was said, quote or not: "..., said X".
SAID_BEFORE_SUBJECT = frozenset(
    "said says added adds wrote writes noted notes explained explains recalled recalls "
    "continued continues insisted insists argued argues".split()
)
PREPOSITIONS = frozenset(
    "of by to in on at for from with about into over under between among".split()
)

# Forms of address, written without their full stop, and the gender they give (None: either).
HONORIFICS = {"mr": "Masc", "mrs": "Fem", "ms": "Fem", "miss": "Fem", "dr": None}

# Titles and offices written before a name and no part of it ("Sen. John McCain", "President
# Erdogan", "Prime Minister Cameron"), without their full stop; identities strip them with the
# honorifics. Kept apart from HONORIFICS, which the facts read for genders and names.
TITLES = frozenset(
    """
    sen senator gov governor pres president vice rep representative gen general col colonel
    lt capt captain sgt adm admiral prof professor rev reverend fr judge justice chancellor
    minister premier secretary mayor sheikh
    """.split()
) | {"prime minister", "foreign minister", "defence minister", "defense minister",
     "finance minister", "interior minister", "secretary of state", "vice president"}  # fmt: skip

# Titles before a pope's or a monarch's regnal name ("Pope Francis", "Queen Elizabeth II"):
# what the name is (its regnal number, when written, says which one).
REGNAL_TITLES = {"pope": "pope", "king": "king", "queen": "king"}

# Names of God: invoked in quotes and prayers, never a person of the story.
DEITIES = frozenset({"god", "allah", "jesus", "jehovah"})

# Words that make a name an organisation's, wherever they stand in it ("Cogent Communications",
# "Goldman Sachs Group"): a "person" the recogniser found with one of them is a body.
ORGANISATION_WORDS = frozenset(
    """
    communications media group holdings inc corp corporation ltd llc plc company co bank
    airlines airways systems technologies networks partners capital foundation institute
    university college agency association council committee commission party union federation
    league club ministry department authority board court tribunal hospital
    """.split()
)
