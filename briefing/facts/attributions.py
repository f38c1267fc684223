"""Who stands behind a statement: "secondo il Cremlino", "sources said", "fonti informate"."""

from __future__ import annotations

import re

from briefing.facts.frames import is_speech_verb, subject_after, subject_before, subject_name
from briefing.facts.quotes import LINE_LABELS, transcript_speaker
from briefing.facts.reporting import Frame
from briefing.facts.speakers import Speaker
from briefing.facts.text import Article, Ent, Word, anonymous_nouns, clean_name
from briefing.facts.verbs import reporting_verbs
from briefing.models import Attribution

# "secondo ..." / "according to ..." / "stando a ..." / "per il Cremlino" is too ambiguous.
_CUE = re.compile(
    r"\b(?:secondo(?:\s+quanto\s+(?:riferito|riportato|dichiarato|affermato|scritto|appreso)\s+(?:dalla|dalle|dagli|dai|dal|dall['’]|da)\b)?"
    # the longest joined form first: "al comunicato" is not "a" + "l comunicato"
    r"|stando\s+(?:all['’]|alla|alle|agli|al|ai|ad|a)\b|a\s+detta\s+(?:dell['’]|della|delle|degli|dei|del|di)\b"
    r"|according\s+to|citing"
    r"|(?:all['’]interno\s+di\s+|in\s+)(?:un['’]\s*analisi|un\s+rapporto|un\s+report|un['’]\s*inchiesta)\s+(?:della|del|di|dello|dell['’])"
    r"|in\s+an?\s+(?:analysis|report|investigation|statement)\s+(?:by|from))\s*",
    re.I,
)
# "il secondo round", "al secondo posto": an ordinal, not a source.
_ORDINAL_BEFORE = re.compile(r"\b(?:il|un|al|del|nel|dal|sul|in|per|lo|ogni|the|a)\s+$", re.I)
_PHRASE_END = re.compile(r"[,.;:()\n—–«»“”\"]|\s(?:e|ed|che|and|who|which|that|ci|non)\s", re.I)
_ANONYMITY = re.compile(
    r"(?:chiesto|chiedendo|richiesto)\s+(?:l['’]\s*)?anonimato|condition\s+of\s+anonymity|"
    r"(?:asked|declined)\s+not\s+to\s+be\s+(?:named|identified)|who\s+(?:requested|asked\s+for)\s+anonymity|"
    r"sotto\s+anonimato|in\s+forma\s+anonima|anonymously",
    re.I,
)
_SOURCE_STARTS = set(
    "il lo la i gli le l un una uno a an the due tre alcune alcuni two three several some "
    "fonti sources indiscrezioni quanto me lui lei noi loro officials people "
    "analisti esperti investigatori inquirenti testimoni residenti dati media polizia "
    "analysts experts investigators prosecutors witnesses residents data media police".split()
)
# Words that belong in front of a source noun: "Le fonti", "two officials".
_SOURCE_FRONT = set("le la i gli the a an un una alcune alcuni two due".split())
_INDISCREZIONI = re.compile(r"^(?:indiscrezioni|rumors|rumours|reports|voci)\b", re.I)


def _anonymous(article: Article, start: int, end: int) -> bool:
    """No name in the phrase, and its head is a source noun ("fonti", "people", "official")."""
    if article.ents_in(start, end, {"PER", "ORG"}):
        return False
    phrase = article.text[start:end]
    if _INDISCREZIONI.match(clean_name(phrase)):
        return True
    nouns = anonymous_nouns(article.lang)
    words = [w.lower for w in article.words_in(start, end)]
    return any(w in nouns for w in words[:4])


def _source_of(article: Article, start: int, end: int, full_names: dict[Ent, str]) -> str:
    text = clean_name(article.text[start:end])
    people = article.ents_in(start, end, {"PER"})
    if len(people) == 1 and clean_name(people[0].text) == text:
        return full_names.get(people[0], text)
    return text


def _cue_attributions(article: Article, full_names: dict[Ent, str]) -> list[Attribution]:
    found = []
    for m in _CUE.finditer(article.text):
        if m.group().lower().startswith("secondo") and _ORDINAL_BEFORE.search(
            article.text[max(0, m.start() - 12) : m.start()]
        ):
            continue
        start = m.end()
        sent_start, sent_end = article.sentence_of(m.start())
        if re.match(r"cui\b", article.text[start : start + 4], re.I):
            # "il ministro Rossi, secondo cui ...": the source is the name before the cue.
            named = article.ents_in(sent_start, m.start(), {"PER", "ORG"})
            if named:
                end = start + 3
                source = full_names.get(named[-1]) or clean_name(named[-1].text)
                found.append(
                    Attribution(article.text[m.start() : end], source, False, m.start(), end)
                )
            continue
        stop = _PHRASE_END.search(article.text, start, max(sent_end, start))
        end = stop.start() if stop else sent_end
        words = article.words_in(start, end)[:9]
        if not words:
            continue
        end = words[-1].end
        # Keep an entity whole even when it runs past the cut.
        ent = article.ent_at(words[-1].start, words[-1].end)
        if ent is not None:
            end = max(end, ent.end)
        source = _source_of(article, start, end, full_names)
        first = words[0]
        # A source starts with a name, a capital, a determiner, a count or a source noun;
        # "secondo me" is an opinion, but an attributed one.
        looks_like_source = (
            article.ent_at(first.start, first.end) is not None
            or first.text[:1].isupper()
            or first.lower.rstrip("'’") in _SOURCE_STARTS
            or first.lower in anonymous_nouns(article.lang)
        )
        if not looks_like_source:  # "il secondo round", "according to new developments"
            continue
        found.append(
            Attribution(
                text=article.text[m.start() : end],
                source=source,
                anonymous=_anonymous(article, start, end),
                start=m.start(),
                end=end,
            )
        )
    return found


# "Sanders: Clinton needs to ...", "Meloni: serve unità", '"PENCE: Well, ...': a line that opens
# with a person's or an organisation's name, or a transcript's label in capitals, and a colon
# gives the rest of the line to that name (headlines, transcripts).
_HEADLINE = re.compile(
    r"^[ \t]*[\"“]?((?:[A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*){0,3}):[ \t]+(\S.{10,})$", re.M
)
_MIN_HEADLINE_WORDS = 3


def _headline_attributions(article: Article, full_names: dict[Ent, str]) -> list[Attribution]:
    found = []
    for m in _HEADLINE.finditer(article.text):
        name, content = m.group(1), m.span(2)
        start, end = m.start(1), m.end(1) + 1
        if name.lower() in LINE_LABELS or len(article.words_in(*content)) < _MIN_HEADLINE_WORDS:
            continue
        # '"WALLACE: Let's start ...': a transcript's turn, its label in capitals.
        speaker = transcript_speaker(article.text[start:end] + " ", full_names)
        if (
            speaker is None
            and not article.ents_in(start, m.end(1), {"PER", "ORG"})
            and not _reports(name, article.lang)
        ):
            continue  # "The Latest:", "Correction:": a label, not someone who speaks
        found.append(
            Attribution(
                text=article.text[start:end],
                source=speaker or _source_of(article, start, m.end(1), full_names),
                anonymous=False,
                start=start,
                end=end,
                how="frame",
                kind="speech",
                content=list(content),
            )
        )
    return found


# Labels that report as a name does: "Poll: Trump and Clinton tied", "Officials: ...". Not
# any outlet word: "Analysis: Jon Sopel, BBC News" is a section's byline.
_REPORTING_LABELS = {
    "en": frozenset("poll polls survey surveys study report official officials sources".split()),
    "it": frozenset("sondaggio sondaggi studio rapporto fonti".split()),
}


def _reports(label: str, lang: str) -> bool:
    return label.split()[-1].lower() in _REPORTING_LABELS.get(lang, frozenset())


_HEADLINE_WORDS = 20  # a first line longer than this is a paragraph, not a headline
_HEADLINE_SOURCE_WORDS = 5


def _headline_verb_attributions(article: Article, full_names: dict[Ent, str]) -> list[Attribution]:
    """ "Sanders Vows To Eliminate Tax Breaks", "Flight attendants' union endorses Clinton":
    an English headline's present tense verb after its subject. Title case and dropped
    articles defeat the parse there, but the headline's grammar is fixed."""
    text = article.text
    end = text.find("\n")
    if article.lang != "en" or end < 0:
        return []
    words = [w for w in article.words_in(0, end) if w.text[0].isalnum()]
    if not words or len(words) > _HEADLINE_WORDS:
        return []
    verbs = reporting_verbs("en")
    for j, word in enumerate(words[1 : _HEADLINE_SOURCE_WORDS + 2], 1):
        lower = word.lower
        if lower not in verbs or not lower.endswith("s") or lower.endswith("ss"):
            continue
        # The subject runs from the line's start, or from its last colon or comma
        # ("The Latest: Trump urges ...", "Railing Against Trump, Sanders Vows ...").
        cut = max(text.rfind(mark, 0, word.start) for mark in ":,;")
        subject = [w for w in words[:j] if w.start > cut]
        if not subject or not subject[0].text[0].isupper() or len(subject) > _HEADLINE_SOURCE_WORDS:
            return []
        start = subject[0].start
        return [
            Attribution(
                text=text[start : word.end],
                source=_source_of(article, start, subject[-1].end, full_names),
                anonymous=False,
                start=start,
                end=word.end,
                how="frame",
                kind=verbs[lower],
                content=[word.end + 1, end] if word.end + 1 < end else None,
            )
        ]
    return []


def _verb_attributions(article: Article, full_names: dict[Ent, str]) -> list[Attribution]:
    """ "the Kremlin said", "Le fonti ... riferiscono", "ha detto Putin", "un funzionario ha detto"."""
    found = []
    for sent_start, sent_end in article.sents:
        words: list[Word] = article.words_in(sent_start, sent_end)
        for j, word in enumerate(words):
            if not is_speech_verb(article, word) or word.lower.endswith(("ndo", "ing")):
                continue
            subject = subject_before(article, words, j)
            if subject is None:  # an inverted frame: '», ha detto Putin', ', said Trump'
                subject = subject_after(article, words, j)
                if subject is None:
                    continue
                start, end = word.start, subject.end
            else:
                start, end = subject.start, word.end
            if subject.ent is not None and subject.ent.label not in {"PER", "ORG", "LOC"}:
                continue
            anonymous = subject.anonymous or (
                subject.ent is None
                and not subject.pronoun
                and not subject.plural
                and _anonymous(article, subject.start, subject.end)
            )
            found.append(
                Attribution(
                    text=article.text[start:end],
                    source=subject_name(article, subject, full_names),
                    anonymous=anonymous,
                    start=start,
                    end=end,
                )
            )
    return found


def _anonymity_requests(article: Article) -> list[Attribution]:
    """ "Le fonti, che hanno chiesto l'anonimato", "speaking on condition of anonymity"."""
    found = []
    nouns = anonymous_nouns(article.lang)
    for m in _ANONYMITY.finditer(article.text):
        sent_start, _ = article.sentence_of(m.start())
        words = article.words_in(sent_start, m.start())
        # The unnamed source this request belongs to: the nearest source noun before it.
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower in nouns:
                start = words[i].start
                if i > 0 and words[i - 1].lower in _SOURCE_FRONT:
                    start = words[i - 1].start
                found.append(
                    Attribution(
                        text=article.text[start : m.end()],
                        source=clean_name(article.text[start : words[i].end]),
                        anonymous=True,
                        start=start,
                        end=m.end(),
                    )
                )
                break
    return found


def find_attributions(
    article: Article,
    full_names: dict[Ent, str],
    resolved: list[tuple[Frame, Speaker]] | None = None,
) -> list[Attribution]:
    """Named and anonymous sources, each with the words that cite it. With a parse, the
    reporting frames replace the word-window search for speech verbs."""
    by_verbs = (
        frame_attributions(resolved, article)
        if resolved is not None
        else _verb_attributions(article, full_names)
    )
    by_cues = (
        _cue_attributions(article, full_names)
        + _headline_attributions(article, full_names)
        + _headline_verb_attributions(article, full_names)
    )
    # Where finds overlap, the first kind (the most specific) wins: the parse's frames, which
    # read "secondo X" too, before the word window after a cue; an anonymity request still
    # marks the source it overlaps as anonymous.
    if resolved is not None:
        candidates = _anonymity_requests(article) + by_verbs + by_cues
    else:
        candidates = _anonymity_requests(article) + by_cues + by_verbs
    people = set(full_names.values())
    chosen: list[Attribution] = []
    for item in candidates:
        clash = next(
            (
                c
                for c in chosen
                if item.start < c.end and c.start < item.end and not _aside_within(item, c, people)
            ),
            None,
        )
        if clash is None:
            chosen.append(item)
        elif clash.anonymous is False and item.anonymous and clash.source == item.source:
            clash.anonymous = True
    chosen.sort(key=lambda a: a.start)
    return chosen


def _aside_within(one: Attribution, other: Attribution, people: set[str]) -> bool:
    """Two frames' attributions, one inside the other's words, the outer one a person's:
    "Mario Placanica, che fu accusato e poi prosciolto, ha denunciato" cites him and, inside,
    whoever accused him."""
    if one.how is None or other.how is None:
        return False
    inner, outer = (one, other) if one.end - one.start < other.end - other.start else (other, one)
    return outer.source in people and outer.start < inner.start and inner.end < outer.end


def frame_attributions(
    resolved: list[tuple[Frame, Speaker]], article: Article
) -> list[Attribution]:
    """One attribution per reporting frame of the parse: the source and the cue, as written."""
    found = []
    for frame, speaker in resolved:
        source = speaker.name  # None for "they", or a pronoun no one before it explains
        found.append(
            Attribution(
                text=article.text[frame.start : frame.end],
                source=source,
                anonymous=speaker.anonymous,
                start=frame.start,
                end=frame.end,
                how=speaker.how,
                kind=frame.kind,
                content=list(frame.content) if frame.content else None,
            )
        )
    return found
