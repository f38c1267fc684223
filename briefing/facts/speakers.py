"""Who a frame's source is: a named entity, an unnamed source, or a person named before that
"he", "il premier", "the senator" or a dropped Italian subject ("Ha poi aggiunto") stands for.

Coreference here is what news needs: a pronoun, a dropped subject or a role alone goes to the
person named before with that role, else the subject of the clause before, else the last
speaker; a plural verb or pronoun names no one person; a person named only inside the quote
being credited is never its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.facts.frames import COUNTS, people_before
from briefing.facts.genders import PRONOUNS, gender_of
from briefing.facts.reporting import Frame, antecedent, can_speak, title_of
from briefing.facts.syntax import Parse, Token
from briefing.facts.text import (
    Article,
    Ent,
    anonymous_nouns,
    clean_name,
    outlet_words,
    person_nouns,
    role_other_names,
    role_words,
    speech_nouns,
    strip_article,
)
from briefing.lexicon import BEFORE_NAMES, PREPOSITIONS, en, it
from briefing.models import NamedThing

_PERSONAL = {"lui", "lei", "egli", "ella", "esso", "essa", "he", "she", "him", "her"}
_PLURAL = {"loro", "essi", "esse", "they", "we", "noi", "voi"}
_THEY = {"loro", "essi", "esse", "they"}
# Italian bodies that speak for the person named after them: "l'amministrazione Trump".
_BODIES = {"it": it.BODIES}
# "c'è chi sostiene che": whoever it is, no one in particular
_WHOEVER = {"chi", "whoever"}
_RELATIVE = {"che", "il quale", "la quale", "who", "which", "that"}
_RELATIVE_WORDS = {"che", "quale", "who"}  # a relative clause's subject, one token
_RELATIVE_SOURCES = _RELATIVE_WORDS | {"which", "that"}
_LOOKBACK_SENTENCES = 3
_SAME = {"stesso", "stessa", "himself", "herself"}
# "quest'ultima", "the latter": the person named last before, not the one who spoke last
_LATTER = {"ultimo", "ultima", "latter"}
_LATTER_DETERMINERS = {"quest'", "quest’", "questo", "questa", "the"}
# Forms of "essere" as an auxiliary: the participle after them agrees with the subject.
_ESSERE = set("è era sono erano fu furono sarà saranno sia siano stato stata stati state".split())
_PARTITIVE = set("uno una alcuni alcune molti molte one some many several".split())
# A source headed by one of these stands for someone named elsewhere, never for itself.
_FUNCTION_WORDS = {"PRON", "DET", "SCONJ", "ADP", "CCONJ", "AUX"}
# Relations by which a name belongs to the noun before it ("il premier Rossi", "Rossi, il premier").
_NAME_OF = {"nmod", "appos", "flat", "compound"}
_PRESENTING_REACH = 4  # words between a closing mark and "le parole di X" presenting it
_SENTENCE_END = {".", "!", "?", "\n"}
_MAX_LABEL_WORDS = 6  # "Un portavoce della polizia:" labels a quote; a longer lead says more
_MAX_SOURCE_WORDS = 12  # "A 2014 study that appeared in the British Medical Journal"
_ONE = {"one", "uno", "una"}
_INDEFINITE = it.INDEFINITE | en.INDEFINITE
_ARTICLES = it.ARTICLES | en.ARTICLES


# Relations of a name a verb acts on or a preposition governs: never a label.
_ACTED_ON = {"obj", "iobj", "obl", "nmod"}


@dataclass(frozen=True)
class Speaker:
    name: str | None
    anonymous: bool = False
    how: str = "frame"  # frame: named where it speaks; coreference: resolved from before


_POSSESSIVE_DEPS = {"det:poss", "nmod:poss"}


class Speakers:
    """Names the sources of frames in text order, remembering who spoke last."""

    def __init__(
        self,
        article: Article,
        parse: Parse,
        full_names: dict[Ent, str],
        people: list[NamedThing],
        quotes: list[tuple[int, int]],
    ) -> None:
        self.article = article
        self.quotes = quotes  # a person named inside a quote never stands behind a pronoun
        self.parse = parse
        self.full_names = full_names
        self.people = people
        # offsets and names of the speakers so far, the last one last, and whether a name
        # (or someone a name was found for) spoke, not "the nominee" or "video of the incident"
        self.spoken: list[tuple[int, str, bool]] = []
        # Names the recogniser gave only to places: never a gendered pronoun's antecedent.
        people = {clean_name(e.text) for e in article.ents if e.label == "PER"}
        self._places = {clean_name(e.text) for e in article.ents if e.label == "LOC"} - people
        # Names given only to bodies: "il funzionario" is one of their people, not the body.
        self._bodies = {clean_name(e.text) for e in article.ents if e.label == "ORG"} - people
        # offset and names of the last group that spoke as one ("the four said"): "they"
        self.last_group: tuple[int, str] | None = None
        self._genders: dict[str, str | None] = {}

    def of(self, frame: Frame, inside: tuple[int, int] | None = None) -> Speaker:
        """The speaker of `frame`; `inside` is a quote the speaker must not come from."""
        speaker = self._resolve(frame, inside)
        # "un testimone ha detto ... Ha poi aggiunto": the witness again; but a relative
        # clause on a thing ("a problem that demands", "uno studio che rivela") is an aside,
        # not whom a pronoun or a dropped subject goes on with
        head = None if frame.source_head is None else self.parse.tokens[frame.source_head]
        relatives = {t.lower for t in self.parse.deps(frame.verb, "nsubj")} & _RELATIVE_SOURCES
        aside = (
            self.parse.tokens[frame.verb].dep == "acl:relcl"
            and bool(relatives)
            # "Celentano, che ha esordito", "Henke, who called": a named one's turn to speak;
            # "la Federcalcio, che aveva parlato" is still an aside ("who" is a person's,
            # whatever the recogniser calls the name)
            and (
                head is None
                or head.pos != "PROPN"
                or (head.ent == "ORG" and "who" not in relatives)
            )
        )
        if speaker.name and not aside:
            named = speaker.how == "coreference" or (head is not None and head.pos == "PROPN")
            self.spoken.append((frame.cue[0], speaker.name, named))
        return speaker

    def _resolve(self, frame: Frame, inside: tuple[int, int] | None) -> Speaker:
        if frame.how == "hearsay":
            return Speaker(None, anonymous=True)  # "he reportedly met Putin": someone unnamed
        if frame.source is None or frame.source_head is None:
            if frame.plural or frame.how == "passive":
                return Speaker(None)  # "they said", "it was announced": no one person
            # "Sanders endorsed Clinton, saying": a gerund goes on with the clause's subject,
            # the first person its sentence names, not the last
            gerund = self.parse.tokens[frame.verb].feature("VerbForm") == "Ger"
            return self._earlier(frame.cue[0], inside, self._agreement(frame.verb), gerund=gerund)
        return self._named(frame.source, frame.source_head, frame.cue[0], inside, frame.plural)

    def _agreement(self, verb: int) -> str | None:
        """ "è stata", "si è detta": a participle with "essere" agrees with its subject."""
        token = self.parse.tokens[verb]
        if token.pos not in {"VERB", "AUX"}:
            return None  # "queste sono state le sue parole": the words' gender, not theirs
        if any(aux.lower in _ESSERE for aux in self.parse.deps(verb, "aux")):
            return token.feature("Gender")
        return None

    def _gender(self, name: str) -> str | None:
        """A person's gender from the first name, else from a word before a mention ("la
        Merkel", "Mrs May"); None when nothing says."""
        if name not in self._genders:
            found = gender_of(name, self.article.lang)
            for person in self.people if found is None else ():
                if person.name != name:
                    continue
                for start, _ in person.spans:
                    words = self.article.words_in(max(0, start - 12), start)
                    if words:
                        found = gender_of(name, self.article.lang, words[-1].text)
                    if found:
                        break
            self._genders[name] = found
        return self._genders[name]

    def _fits(self, name: str | None, gender: str | None, role: bool = False) -> bool:
        if role and (name in self._places or name in self._bodies):
            return False  # "il funzionario" is no country nor body, whoever spoke last
        if name is None or gender is None:
            return name is not None
        if name in self._places:
            return False  # "she" is never "Moscow", whoever spoke last
        known = self._gender(name)
        return known is None or known == gender

    def _named(
        self,
        span: tuple[int, int],
        head: int,
        offset: int,
        inside: tuple[int, int] | None,
        plural: bool,
    ) -> Speaker:
        article, parse = self.article, self.parse
        token = parse.tokens[head]
        people = [
            e
            for e in article.ents_in(span[0], span[1], {"PER"})
            if not _quoted(e.start, e.end, self.quotes)
        ]
        if not people and token.pos == "PROPN":
            # "Mohamed" of "Mohamed Nasheed" when the parse split the name: the whole name
            around = article.ent_at(token.start, token.end, {"PER"})
            people = [around] if around is not None else []
        if people:
            holding = next((e for e in people if e.start <= token.start < e.end), None)
            if holding is None and self._group_of(token, people[0]):
                # "l'amministrazione Trump", "il portavoce di Putin": someone of theirs speaks.
                words = clean_name(article.text[span[0] : span[1]]).split()
                unnamed = token.lower in anonymous_nouns(article.lang)  # "Obama's aides"
                return Speaker(" ".join(words[:_MAX_SOURCE_WORDS]), anonymous=unnamed)
            holding = holding or people[0]
            return Speaker(self.full_names.get(holding) or clean_name(holding.text))
        known = self._known_person_in(span)
        if known is not None:
            return Speaker(known)
        ent = article.ent_at(token.start, token.end, {"ORG", "LOC", "MISC"})
        if ent is None and token.lower not in role_words(article.lang):
            # "il settimanale Le Journal du Dimanche" is the paper; "la senatrice Pd" is not
            # the party but the senator
            ent = self._named_apposition(span, head)
        if ent is not None:
            return Speaker(clean_name(ent.text))
        lower = token.lower
        kids = [parse.tokens[c] for c in parse.children[token.i]]
        if (
            any(k.lower in _SAME for k in kids)
            and not any(k.dep == "det:poss" for k in kids)
            and lower not in anonymous_nouns(article.lang)  # "la stessa fonte": still unnamed
            # "la stessa famiglia", "the company itself": a body, not the person spoken of
            and (lower in role_words(article.lang) or lower in person_nouns(article.lang))
        ):
            # "confermata dallo stesso interessato": the one spoken of ("suo stesso medico" is
            # someone else, "gli stessi indagati" a group); a role goes back as roles do, a
            # common noun to the person named last ("le parole dello stesso calciatore")
            if lower in role_words(article.lang):
                return self._earlier(offset, inside)
            return self._latest_person(span[0], inside, token.feature("Gender"))
        if lower in _LATTER and any(
            d.lower in _LATTER_DETERMINERS for d in parse.deps(token.i, "det")
        ):
            # "Dario Fo e la consorte Franca Rame ... Quest'ultima ha parlato": the last named
            return self._latest_person(span[0], inside, token.feature("Gender"))
        count = COUNTS.get(lower)
        if count and not parse.deps(token.i, "nmod"):
            # "the four said": the people just named, when there are that many.
            names = people_before(article, span[0], self.full_names, count)
            if names:
                self.last_group = (offset, ", ".join(names))
                return Speaker(", ".join(names), how="coreference")
        if lower in _PARTITIVE and parse.deps(token.i, "nmod"):
            # "uno dei passeggeri", "one of the aides": someone unnamed from a group ("uno"
            # kept, which reads as an article elsewhere).
            words = [token.text, *clean_name(article.text[token.end : span[1]]).split()]
            return Speaker(" ".join(words[:_MAX_SOURCE_WORDS]), anonymous=True)
        if token.pos in _FUNCTION_WORDS or lower in _RELATIVE:
            if lower in _WHOEVER:
                return Speaker(None)
            if lower in _PLURAL:
                return self._group_before(offset) if lower in _THEY else Speaker(None)
            if lower in _RELATIVE and token.i != parse.tokens[token.i].head:
                # "Rossi, che ha detto": the relative clause hangs on the noun it is about.
                verb = parse.tokens[token.head]
                noun = verb.head
                if noun == verb.i or not verb.dep.startswith("acl"):
                    noun = antecedent(parse, token.i)  # the parse lost the clause's noun
                if noun is not None and noun != verb.i:
                    noun = title_of(parse, parse.tokens[noun], article.lang).i
                    cases = frozenset(c.i for c in parse.deps(noun, "case"))
                    phrase = parse.span(parse.subtree(noun, without=cases))
                    if phrase:
                        return self._named(phrase, noun, offset, inside, plural)
            if plural:
                return Speaker(None)
            return self._earlier(offset, inside, PRONOUNS.get(lower))
        if token.pos == "PROPN":
            # "Dean, a former chairman, poked": a name the recogniser missed is still a name,
            # the proper nouns around the head without the apposition after them.
            return Speaker(clean_name(self._name_around(token, span)))
        text = clean_name(article.text[span[0] : span[1]])
        words = text.split()
        if (
            lower in role_words(article.lang)
            and parse.deps(token.i, "flat", "compound", "appos")
            and any(t.pos == "PROPN" and t.i > token.i for t in parse.within(span[0], span[1]))
        ):
            # "Mr. Burman", "Gov. Tomblin": a name the recogniser missed is still a name (one
            # after the title: "the Indiana governor" names a place, not the governor).
            return Speaker(" ".join(words[:_MAX_SOURCE_WORDS]))
        if _indefinite(parse, token.i):
            # "un funzionario europeo", "a senior official": someone not named, never the
            # person named before with that role.
            return Speaker(" ".join(words[:_MAX_SOURCE_WORDS]), anonymous=True)
        if lower not in role_words(article.lang):
            # "il primo cittadino": another name of a title ("sindaco"), whose holder speaks
            for title in sorted(_titles(text, article.lang))[:1]:
                person = self._holder(title, text, offset, inside)
                if person is not None:
                    return Speaker(person, how="coreference")
            if token.pos == "NOUN" and not plural:
                # "il paroliere Mogol ... Il paroliere ha detto": a noun the article put before
                # a name as that person's title stands for them, listed role or not
                person = self._by_role({lower}, offset, inside, whole=True)
                if person is not None:
                    return Speaker(person, how="coreference")
        if lower in role_words(article.lang):
            # "il premier ha detto": the person with that role, else the one spoken of before.
            # "l'ex raìs", "il tycoon": the titles a title stands for name its holder too
            person = self._holder(lower, text, offset, inside)
            if person is not None:
                return Speaker(person, how="coreference")
            if any(t.pos == "PROPN" and t.i < token.i for t in parse.within(*span)):
                # "the South Carolina senator", "Connecticut's tax commissioner": a role of a
                # named place or body that no one named holds is someone else
                return Speaker(" ".join(words[:_MAX_SOURCE_WORDS]))
            if any(c.pos == "NOUN" for c in parse.deps(token.i, "compound")):
                # "the ministry spokesman": a role of a body no one named holds, unnamed
                return Speaker(" ".join(words[:_MAX_SOURCE_WORDS]), anonymous=True)
            # "la madre del giovane", "la moglie": a relative no one named is someone else
            # than whoever spoke before, most often the one whose relative they are
            kinship = role_words(article.lang)[lower].get("kind") == "kinship" and not any(
                k.dep in _POSSESSIVE_DEPS and k.pos in {"PRON", "DET"} for k in kids
            )  # "her husband" left as before: the pronouns after it go on with her
            earlier = Speaker(None) if kinship else self._earlier(offset, inside, role=lower)
            if earlier.name is not None:
                return earlier
        if lower in anonymous_nouns(article.lang):
            return Speaker(" ".join(words[:_MAX_SOURCE_WORDS]), anonymous=True)
        if plural:
            return Speaker(" ".join(words[:_MAX_SOURCE_WORDS]), anonymous=True)
        # "il macchinista rimasto illeso", "la clientela": no name in the source and no one
        # named before it stands for: an unnamed source
        unnamed = not article.ents_in(span[0], span[1]) and not any(
            t.pos == "PROPN" for t in parse.within(*span)
        )
        return Speaker(" ".join(words[:_MAX_SOURCE_WORDS]), anonymous=unnamed)

    def _group_before(self, offset: int) -> Speaker:
        """ "they said": the group that last spoke as one, within the sentences coreference
        looks back over; else no one person."""
        if self.last_group is None:
            return Speaker(None)
        sentence = self.article.sentence_of(offset)[0]
        for previous in self._sentences_before(sentence):
            sentence = previous[0]
        if self.last_group[0] < sentence:
            return Speaker(None)
        return Speaker(self.last_group[1], how="coreference")

    def _name_around(self, head: Token, span: tuple[int, int]) -> str:
        tokens = self.parse.tokens
        first = last = head.i
        while first > 0 and _name_word(tokens[first - 1], span):
            first -= 1
        while last + 1 < len(tokens):
            following = tokens[last + 1]
            if _name_word(following, span):
                last += 1
            elif (  # "Center for Media and Public Affairs"
                following.pos in {"ADP", "DET", "CCONJ"}
                and last + 2 < len(tokens)
                and _name_word(tokens[last + 2], span)
            ):
                last += 2
            else:
                break
        return self.article.text[tokens[first].start : tokens[last].end]

    def _group_of(self, head: Token, person: Ent) -> bool:
        """The person only qualifies a head noun that speaks for them: a body ("l'amministrazione
        Trump") or a role reached through a preposition ("il portavoce di Putin"); "il presidente
        Putin" is Putin himself."""
        if head.pos != "NOUN":
            return False
        name = self.parse.head_of(person.start, person.end)
        # "Obama administration officials", "some people in Trump world": the name may qualify
        # a noun that qualifies the head
        while name is not None and name.head != head.i and name.dep == "compound":
            name = self.parse.tokens[name.head]
        if name is None or name.head != head.i:
            return False
        if head.lower not in role_words(self.article.lang):
            # Someone or something of theirs ("Obama's aides", "the Clinton ad"). Italian puts
            # such a name after a body ("l'amministrazione Trump"); after any other thing it is
            # a misparse ("è tornato sul palco Morandi, che ha detto": Morandi speaks).
            bodies = _BODIES.get(self.article.lang)
            if bodies is None or head.lower in bodies or self.parse.deps(name.i, "case"):
                return True  # "il convivente di Vanessa": through a preposition, someone else
            between = self.parse.tokens[min(head.i, name.i) + 1 : max(head.i, name.i)]
            lang = self.article.lang
            return (
                any(t.text == "," for t in between)
                or head.lower in anonymous_nouns(lang)
                or head.lower in outlet_words(lang)
            )  # "secondo alcune fonti Zacharčenko", "Secondo l'autopsia, Andrea Soldi"
        return bool(self.parse.deps(name.i, "case"))

    def _known_person_in(self, span: tuple[int, int]) -> str | None:
        """ "il Chief Technology Officer di Wikimedia, Brion Vibber": a person of the article
        named in the source by a word the recogniser labelled otherwise here."""
        words = {
            t.text
            for t in self.parse.within(span[0], span[1])
            if t.pos == "PROPN" and not _quoted(t.start, t.end, self.quotes)
        }
        for person in self.people:
            if person.name.split()[-1] in words:
                return person.name
        return None

    def subject_of_sentence(self, start: int, end: int) -> str | None:
        """The person who is the subject in [start, end): 'Mancino ha espresso ammirazione: «...»';
        with no verb, the one named without a preposition: 'Larqué, sulla morte del suo
        compagno: «...»'."""
        found = self._subject_person(start, end, None)
        if found is None and not any(t.pos == "VERB" for t in self.parse.within(start, end)):
            found = self._bare_person(start, end, None)
        return found or self._relative_subject_person(start, end) or self._role_subject(start, end)

    def _role_subject(self, start: int, end: int) -> str | None:
        """ "Il ministro fa riferimento ai tagli: «...»": the main clause's subject is a role:
        its holder, else the role itself."""
        parse = self.parse
        for token in parse.within(start, end):
            root = parse.tokens[token.head]
            if not (
                token.dep == "nsubj"
                and root.head == root.i
                and token.lower in role_words(self.article.lang)
            ):
                continue
            phrase = parse.span(parse.subtree(token.i))
            if phrase is None or phrase[1] > end:
                continue
            named = [name for _, name in self._people_in(*phrase, None, None)]
            if named:
                return named[-1]  # "Il responsabile dell'équipe Ian Findlay va sul cauto:"
            text = clean_name(self.article.text[phrase[0] : phrase[1]])
            # no one named before for a role no one holds: the role, never a guess
            return self._holder(token.lower, text, token.start, None) or text
        return None

    def _relative_subject_person(self, start: int, end: int) -> str | None:
        """ "il pugile Amir Khan, il quale è ansioso di misurarsi con Mayweather: «...»": the
        person named on the noun whose relative clause leads to the colon."""
        parse = self.parse
        tokens = parse.within(start, end)
        colon = next((t for t in reversed(tokens) if t.text == ":"), None)
        if colon is None:
            return None
        for token in tokens:
            if not token.dep.startswith("acl") or token.head == token.i:
                continue
            if not any(s.lower in _RELATIVE_WORDS for s in parse.deps(token.i, "nsubj")):
                continue
            if colon.head not in parse.subtree(token.i):
                continue  # "un'immagine che ricorda ... allo striscione del 2001:"
            own = set(parse.subtree(token.head, without=frozenset({token.i})))
            for ent, name in self._people_in(start, end, None, None):
                head = parse.head_of(ent.start, ent.end)
                if head is not None and head.i in own:
                    return name
        return None

    def _named_apposition(self, span: tuple[int, int], head: int) -> Ent | None:
        """ "il settimanale Le Journal du Dimanche": a name set beside the head noun, with no
        preposition between ("il portavoce del Cremlino" is someone else than the Kremlin)."""
        parse = self.parse
        for ent in self.article.ents_in(span[0], span[1], {"ORG", "MISC", "LOC"}):
            token = parse.head_of(ent.start, ent.end)
            if token is None:
                continue
            if (
                token.head == head
                and token.i > head  # "a White House official" is one of theirs, not the House
                and token.dep.split(":")[0] in _NAME_OF
                and not parse.deps(token.i, "case")
            ):
                return ent
        return None

    def _holder(
        self, role: str, text: str, offset: int, inside: tuple[int, int] | None
    ) -> str | None:
        """The person named before with the role `role` that heads the phrase `text`; "l'ex
        raìs", "il tycoon": the titles a title stands for name its holder too."""
        lang = self.article.lang
        same = role_words(lang)[role].get("same", ())
        titled = _role_words_before_of(text, lang)
        keys = {role} | titled | _titles(text, lang) | set(same)
        return self._by_role(keys, offset, inside, needed=max(1, len(titled)))

    def _by_role(
        self,
        keys: set[str],
        offset: int,
        inside: tuple[int, int] | None,
        needed: int = 1,
        whole: bool = False,
    ) -> str | None:
        """The person named before `offset` with a role that says the same ("il premier", "il
        presidente del Consiglio"), in at least `needed` of its words ("the attorney general"
        is not the city attorney); with `whole`, a role that is one of `keys` entire
        ("paroliere" in "il paroliere Mogol", never "leader of the party" for "party")."""
        best: tuple[int, int, str] | None = None
        lang = self.article.lang
        for person in self.people:
            shared = max(
                (
                    int(strip_article(role).lower() in keys)
                    if whole
                    else len(keys & (set(role.lower().split()) | _titles(role, lang)))
                    for role in person.roles
                ),
                default=0,
            )
            if shared < needed:
                continue
            before = [
                s
                for s, e in person.spans
                if s < offset and not _within(s, e, inside) and not _quoted(s, e, self.quotes)
            ]
            # the role that says most of the mention's words, then the nearest: "the state
            # attorney general" is the Attorney General, not the city attorney named later
            if before and (best is None or (shared, max(before)) > best[:2]):
                best = (shared, max(before), person.name)
        return best[2] if best else None

    def _earlier(
        self,
        offset: int,
        inside: tuple[int, int] | None,
        gender: str | None = None,
        role: str | None = None,
        gerund: bool = False,
    ) -> Speaker:
        """The person a pronoun, a role or a dropped subject stands for; with `gender` ("lei",
        "è stata"), never someone known to be of the other; for a `role` (its word), never a
        place or a body."""
        article = self.article
        sent_start, _ = article.sentence_of(offset)
        # The subject of the same sentence, before the verb: "Rossi ha parlato e ha detto".
        subject = self._subject_person(sent_start, offset, inside, gender) or self._bare_person(
            sent_start, offset, inside, gender, first=gerund
        )
        if subject is None:
            subject = self._named_before_colon(sent_start, offset, inside, gender)
        if subject is not None:
            return Speaker(subject, how="coreference")
        unnamed = self._unnamed_speaker_before(role, offset) if role else None
        if unnamed is not None:
            # "Un funzionario statunitense ha detto ... ha affermato il funzionario"
            return Speaker(unnamed, anonymous=True, how="coreference")
        # The last speaker, when they can be meant; else the last person who spoke: "He
        # continued" after "the US had ... but refused" (a place the parse made a speaker).
        last = next(
            (
                (said_at, name)
                for k, (said_at, name, named) in enumerate(reversed(self.spoken))
                # "Un giornalista chiede ... il presidente risponde": a role is never the
                # unnamed one who spoke last (the same noun went back above)
                if self._fits(name, gender, role is not None)
                and (named or (k == 0 and role is None))
            ),
            None,
        )
        start = sent_start
        for previous in self._sentences_before(sent_start):
            start = previous[0]
            if last is not None and last[0] >= start:
                return Speaker(last[1], how="coreference")
            subject = self._subject_person(previous[0], previous[1], inside, gender)
            if subject is not None:
                return Speaker(subject, how="coreference")
        if last is not None and last[0] >= start:
            return Speaker(last[1], how="coreference")
        # "È Avi Schiffmann, creatore del sito. «...» dichiara": no subject before, but the one
        # person the previous sentences put forward, named without a preposition.
        for previous in self._sentences_before(sent_start):
            bare = self._bare_person(previous[0], previous[1], inside, gender)
            if bare is not None:
                return Speaker(bare, how="coreference")
        return Speaker(None)

    def _unnamed_speaker_before(self, noun: str, offset: int) -> str | None:
        """The last unnamed speaker, as far as coreference looks, whose label opens with
        `noun`: "il funzionario" goes on with "un funzionario statunitense"."""
        start = self.article.sentence_of(offset)[0]
        for previous in self._sentences_before(start):
            start = previous[0]
        for said_at, name, named in reversed(self.spoken):
            if said_at < start:
                return None
            # the head leads an Italian label, ends an English one ("a senior official")
            words = name.lower().split()
            if not named and noun in {words[0], words[-1]}:
                return name
        return None

    def _latest_person(
        self, offset: int, inside: tuple[int, int] | None, gender: str | None
    ) -> Speaker:
        """The person named last before `offset`, in this sentence or the ones before."""
        start, _ = self.article.sentence_of(offset)
        windows = [(start, offset)] + [(s, e) for s, e in self._sentences_before(start)]
        for first, last in windows:
            named = [name for _, name in self._people_in(first, min(last, offset), inside, gender)]
            if named:
                return Speaker(named[-1], how="coreference")
        return Speaker(None)

    def _sentences_before(self, start: int):
        """The sentences before the one at `start`, nearest first, as far as coreference looks."""
        for _ in range(_LOOKBACK_SENTENCES):
            previous = self.article.previous_sentence(start)
            if previous is None:
                return
            yield previous
            start = previous[0]

    def _people_in(self, start: int, end: int, inside: tuple[int, int] | None, gender: str | None):
        """People named in [start, end), outside any quote and `inside`, of a fitting gender:
        (the entity, its token in the parse, its full name)."""
        for ent in self.article.ents_in(start, end, {"PER"}):
            if _within(ent.start, ent.end, inside) or _quoted(ent.start, ent.end, self.quotes):
                continue
            name = self.full_names.get(ent) or clean_name(ent.text)
            if self._fits(name, gender):
                yield ent, name

    def someone_else_acts(self, start: int, end: int, speaker: str) -> bool:
        """ "«...». ... La donna aveva mandato un sms, scrivendole «...»": a clause in [start,
        end), outside quotes, whose subject is someone else than `speaker`."""
        parse, lang = self.parse, self.article.lang
        for token in parse.within(start, end):
            if not token.dep.startswith("nsubj") or _quoted(token.start, token.end, self.quotes):
                continue
            if token.lower in person_nouns(lang) or token.lower in anonymous_nouns(lang):
                return True  # "il premier" may well be the speaker again; "la donna" is not
            # "Il 28 giugno, Ansar Eddine - l'organizzazione che dice di «...»" (a body in what
            # the speaker announces, "ha preannunciato che la giunta «...»", is no one else)
            body = self.article.ent_at(token.start, token.end, {"ORG"})
            reported = parse.tokens[token.head].dep in _CONTENT_RELATIONS
            if body is not None and clean_name(body.text) != speaker and not reported:
                return True
            # "Rossi", "La figlia di Marina Petrella, Elisa Novelli,": someone else named
            phrase = parse.span(parse.subtree(token.i))
            names = {name for _, name in self._people_in(*phrase, None, None)} if phrase else set()
            if names and speaker not in names:
                return True
        return False

    def owner_of_words_after(self, offset: int) -> str | None:
        """ "«...», queste le parole del turista", "«...»: questo il giudizio dell'avvocato
        Sergio Rastrelli": a speech noun right after a closing mark, with no verb before it,
        names whose the quote is (the person named in its phrase)."""
        parse, lang = self.parse, self.article.lang
        for token in parse.after(offset, _PRESENTING_REACH + 1):
            if token.pos in {"VERB", "AUX"} or token.text in _SENTENCE_END:
                return None
            if token.lower not in speech_nouns(lang) or token.pos != "NOUN":
                continue
            clauses = {
                k
                for c in parse.children[token.i]
                if parse.tokens[c].dep.startswith("acl")
                for k in parse.subtree(c)
            }
            phrase = parse.span([k for k in parse.subtree(token.i) if k not in clauses])
            names = [name for _, name in self._people_in(*phrase, None, None)] if phrase else []
            return names[0] if names else None
        return None

    def label_ending_at(self, start: int, end: int) -> str | None:
        """The person named in [start, end) whose name ends at `end`, as a label ("Carl Bialik"
        before a colon); not one a verb acts on ("Trump attacked Cruz: “...”" are Trump's)."""
        for ent, name in self._people_in(start, end, None, None):
            token = self.parse.head_of(ent.start, ent.end)
            if ent.end != end or token is None:
                continue
            if token.dep.split(":")[0] not in _ACTED_ON and not self.parse.deps(token.i, "case"):
                return name
        return None

    def noun_label(self, start: int, end: int) -> str | None:
        """ "Un poliziotto: «...»": a lead of a few words with no verb, headed by a noun that
        can speak (a role, an unnamed source, an outlet), labels the quote."""
        words = [t for t in self.parse.within(start, end) if t.pos != "PUNCT"]
        if not words or len(words) > _MAX_LABEL_WORDS:
            return None
        # a verb says more than a label; a name is label_ending_at's
        if any(t.pos in {"VERB", "AUX", "PROPN"} or t.ent for t in words):
            return None
        inside = {t.i for t in words}
        heads = [t for t in words if t.head not in inside or t.head == t.i]
        # the tagger takes a lone noun for anything ("Un poliziotto:" as an adverb): the word
        # decides, not its tag
        if (
            len(heads) != 1
            or heads[0].pos in _FUNCTION_WORDS
            or self.parse.deps(heads[0].i, "case")
        ):
            return None
        head = heads[0]
        if not can_speak(self.parse, head, self.article.lang):
            return None
        return self._named((start, end), head.i, start, None, plural=False).name

    def _bare_person(
        self,
        start: int,
        end: int,
        inside: tuple[int, int] | None,
        gender: str | None = None,
        first: bool = False,
    ) -> str | None:
        """The last (or `first`) person in [start, end) named with no preposition before it:
        when the parse missed the subject, "Mercoledì il presidente Putin, parlando ..., ha
        ribadito"."""
        found = None
        for ent, name in self._people_in(start, end, inside, gender):
            token = self.parse.at(ent.start)
            if token is not None and not _governed_by_preposition(
                self.parse, token, ent, self.article.lang
            ):
                if first:
                    return name
                found = name
        return found

    def _named_before_colon(
        self, start: int, end: int, inside: tuple[int, int] | None, gender: str | None
    ) -> str | None:
        """ "Da registrare la presenza di Paolo Ferrero, ministro: «...», ha dichiarato": the
        person a sentence names last before the colon that opens its first quote, whatever
        governs the name."""
        text = self.article.text
        opening = next((q for q, _ in self.quotes if start < q < end), None)
        if opening is None:
            return None
        lead = text[start : opening - 1].rstrip()
        if not lead.endswith(":"):
            return None
        named = [name for _, name in self._people_in(start, start + len(lead), inside, gender)]
        return named[-1] if named else None

    def _subject_person(
        self, start: int, end: int, inside: tuple[int, int] | None, gender: str | None = None
    ) -> str | None:
        """The last person in [start, end) who is a clause's subject, outside any quote."""
        found = None
        tokens = self.parse.tokens
        for ent, name in self._people_in(start, end, inside, gender):
            token = self.parse.head_of(ent.start, ent.end)
            if token is None:
                continue
            # "il premier Mario Rossi ha detto": the name hangs on the subject noun.
            if token.dep.split(":")[0] in _NAME_OF and token.head != token.i:
                token = tokens[token.head]
            if token.dep.startswith("nsubj"):
                found = name
        return found


def _governed_by_preposition(parse: Parse, token: Token, ent: Ent, lang: str) -> bool:
    """ "dal sindaco di Genova, Marta Vincenzi, ha concluso": a name set beside a phrase a
    preposition governs, between commas, is governed by it too ("Il consulente di Microsoft,
    Thomas Rubin," is not: the name stands beside the whole subject). "..., Sanders on Tuesday
    said", with no comma after the name, is the subject the parse hung there."""
    tokens = parse.tokens
    while token.dep.startswith("flat") and ent.start <= tokens[token.head].start < token.start:
        token = tokens[token.head]  # "Monsignor Oliveri": one name ("A Berlino Romano Prodi": two)
    if parse.deps(token.i, "case"):
        return True
    title = tokens[token.head]
    if (
        token.dep.split(":")[0] in _NAME_OF
        and title.i == token.i - 1
        and title.lower in role_words(lang)
        and parse.deps(title.i, "case")
    ):
        return True  # "la rabbia del premier Silvio Berlusconi": the title's "del" governs it
    while token.dep.split(":")[0] in _BESIDE and token.head != token.i:
        after = parse.subtree(token.i)[-1] + 1
        if after < len(tokens) and tokens[after].text != ",":
            return False
        token = tokens[token.head]
        while token.dep == "nmod" and token.head != token.i:
            token = tokens[token.head]  # "sindaco di Genova": the phrase's own noun
        if parse.deps(token.i, "case"):
            return True
    return False


# Relations that set a name beside another phrase, sharing its role in the clause.
_BESIDE = {"conj", "appos"}
# Relations of a clause that says what someone said or thought.
_CONTENT_RELATIONS = {"ccomp", "xcomp"}


def _name_word(token: Token, span: tuple[int, int]) -> bool:
    """A word of a name written in the source: a proper noun or a title before one."""
    inside = span[0] <= token.start and token.end <= span[1]
    return inside and (token.pos == "PROPN" or token.lower.rstrip(".") in BEFORE_NAMES)


def _role_words_before_of(text: str, lang: str) -> set[str]:
    """The role words of a mention up to its first preposition: "the attorney general" says
    two, "il portavoce del raìs" one (the raìs is someone else)."""
    found = set()
    for word in text.lower().split():
        if word in PREPOSITIONS:
            break
        if word in role_words(lang):
            found.add(word)
    return found


def _indefinite(parse: Parse, noun: int) -> bool:
    """ "a senior official", "un funzionario", "one official": someone not named."""
    return any(
        d.feature("Definite") == "Ind" or d.lower in _INDEFINITE for d in parse.deps(noun, "det")
    ) or any(n.lower in _ONE for n in parse.deps(noun, "nummod"))


def _titles(role: str, lang: str) -> set[str]:
    """The titles a role is another name for: "il presidente del Consiglio" -> {"premier"}."""
    words = role.lower().split()
    while words and words[0] in _ARTICLES:
        words.pop(0)
    return role_other_names(lang).get(" ".join(words), set())


def _within(start: int, end: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= start and end <= span[1]


def _quoted(start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    return any(q0 <= start and end <= q1 for q0, q1 in quotes)
