"""Quotes with their speaker, and reported speech ("X ha ribadito che ...") kept as claims."""

from __future__ import annotations

import re

from briefing.facts.frames import (
    Subject,
    is_speech_verb,
    person_near,
    subject_after,
    subject_before,
    subject_name,
)
from briefing.facts.reporting import Frame
from briefing.facts.speakers import Speaker, Speakers
from briefing.facts.text import Article, Ent, Word, written_media
from briefing.lexicon import en, it
from briefing.models import Attribution, Quote

# «...», “...”, "..." and „...“; a quote never crosses a paragraph. Web text also opens with
# the closing mark (”...”): taken as an opening only where it stands before a word, after a space;
# some papers' archives write two apostrophes for each mark (''...'').
_QUOTES = re.compile(
    r"(?m)«(?P<a>[^«»\n]{1,3000})»|“(?P<b>(?:[^“”\n]|“[^“”\n]{0,300}”){1,3000})”|„(?P<c>[^„“”\n]{1,3000})[“”]"
    # the mirror mix, '"Never underestimate Trump,” Reid said': before the plain pair, which
    # would run on to the paragraph's next plain mark over the frame
    r"|(?<![^\s(])\"(?P<i>[^\"“”\n]{0,2999}[,?!])”"
    # a plain mark right after a number is a unit ("a 17\"", "1'9\"", "6'2\""), and a doubled
    # one an empty quote: neither opens a quote
    r"|(?<![\d\"])(?<!\d )\"(?P<d>[^\"\n]{1,3000})\""
    r"|(?<![^\s])”(?=\w)(?P<e>[^“”\n]{1,3000})”"
    r"|(?<!\w)''(?P<f>[^'\n][^\n]{0,2999}?)''(?!\w)"
    # Web text mixes marks: '“Immunity deals should not be a requirement," Chaffetz said',
    # a quote ended by a comma for its frame (a paragraph opened “ and closed " may be a
    # quoted report with frames of its own).
    r"|“(?P<g>[^“”\"\n]{0,2999}(?:[,?!]|\.(?=\"[ \t]*$)))\""
    # A quote running over several paragraphs opens each and closes only the last.
    r"|^[ \t]*[\"“](?P<h>[^\"“”\n]{20,3000})$"
)
_MARK_GROUPS = ("a", "b", "c", "d", "e", "f", "g", "h", "i")
_SCARE_MAX_WORDS = 3
# Title case capitalises every word of this length or more, but for these short links.
_TITLE_WORD = 4
_TITLE_SMALL = {"with", "from", "into", "over", "than", "that", "upon", "della", "delle", "degli"}
# Reported speech ends at the sentence end, a semicolon, or the next gerund frame.
_CLAIM_END = re.compile(
    r"[;]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSig)(?<!\bDott)(?<!\b[A-Z])[.!?](?=\s|$)|,\s+(?:aggiungendo|sottolineando|spiegando|adding|saying|noting)\b|\n"
)
_THAT = it.THAT | en.THAT
_TELL = {"told", "tells", "tell", "assured", "assures", "warned", "warns", "reminded", "informed"}
_TO_LISTENER = it.TO - {"ad"}
_NOUN_PHRASE_BEFORE = (
    it.ARTICLES
    | it.OF
    | en.ARTICLES
    | en.OF
    | set(
        "questo questa questi queste quel quella suo sua suoi sue loro nostro "
        "his her its their our this these those".split()
    )
)
# Words that may follow a short quote that was spoken: it ends its clause.
_MAY_FOLLOW = set(
    "e ed ma o che su per in a con da di tra fra mentre quando perché "
    "and but or on in at for to from with about while when because as after before".split()
)


def _frame_after(article: Article, end: int) -> Subject | None:
    """ "...», ha detto Putin" / "...," Trump said / "...," said the Kremlin."""
    sent_start, sent_end = article.sentence_of(max(end - 1, 0))
    words = article.words_in(end, max(sent_end, end))
    words = [w for w in words if w.text not in {",", "—", "–"}][:5]
    for j, word in enumerate(words):
        if is_speech_verb(article, word):
            after = subject_after(article, words, j)
            if after is not None:
                return after
            return subject_before(article, words, j)
        if word.text in {".", ";", "«", "“", '"'}:
            return None
    return None


def _frame_before(article: Article, start: int) -> Subject | None:
    """ "Putin ha ribadito che ... “...”" / "Trump said: "..."" / "secondo il Cremlino"."""
    sent_start, _ = article.sentence_of(start)
    words = article.words_in(sent_start, start)
    for j in range(len(words) - 1, -1, -1):
        if is_speech_verb(article, words[j]):
            return subject_before(article, words, j) or subject_after(article, words, j)
    # 'the two sides "agreed on ..."': the quote continues the subject's own sentence.
    if words and words[-1].lower not in _NOUN_PHRASE_BEFORE:
        subject = subject_before(article, words + [words[-1]], len(words))
        if (
            subject is not None
            and subject.end == words[-1].end
            and _opens_clause(article, words, subject)
        ):
            return subject
    return None


_PREPOSITIONS = set(
    "a di da in su per con tra fra nel nell del dell al all dal dall sul sull nei dei ai dai sui "
    "negli degli agli dagli sugli nella della alla dalla sulla of in at to from with by for on into".split()
)


def _opens_clause(article: Article, words: list, subject: Subject) -> bool:
    """A subject standing right before a quote must be a person, an organisation or a group,
    and begin its clause: "nell'Ucraina occidentale “...”" is a place, not a speaker."""
    if subject.ent is not None and subject.ent.label not in {"PER", "ORG"}:
        return False
    before = [w for w in words if w.end <= subject.start]
    return not before or before[-1].lower.rstrip("'’") not in _PREPOSITIONS


def _titled(inner: str) -> bool:
    """ "Guardians of the Galaxy", "Make America Great Again": a name of a work or a slogan,
    every longer word capitalised as titles are, never speech."""
    words = re.findall(r"[^\W\d_][\w'’-]*", inner)
    long_words = [w for w in words if len(w) >= _TITLE_WORD and w.lower() not in _TITLE_SMALL]
    return (
        len(long_words) >= 2
        and words[0][0].isupper()
        and all(w[0].isupper() for w in long_words)
        and not inner.isupper()  # "WE WANT TRUMP": shouted words, not a title
    )


def _is_speech(article: Article, start: int, end: int, inner: str) -> bool:
    """Short quotes are speech only when they close a clause that reports speech."""
    if len(inner.split()) > _SCARE_MAX_WORDS:
        return True
    sent_start, sent_end = article.sentence_of(start)
    before = article.words_in(sent_start, start)
    # "i “maialini” europei", "di “garanzie di sicurezza”": a word inside a noun phrase.
    if before and before[-1].lower in _NOUN_PHRASE_BEFORE:
        return False
    following = re.match(r"\s*([a-zà-ü]\w*)", article.text[end : end + 30])
    if following and following.group(1) not in _MAY_FOLLOW:
        return False
    sentence = article.words_in(sent_start, sent_end)
    return (
        any(is_speech_verb(article, w) for w in sentence) or ":" in article.text[sent_start:start]
    )


def _cited_source(article: Article, start: int, attributions: list[Attribution]) -> str | None:
    """ "Secondo un funzionario europeo, ... “...”": the sentence's named or unnamed source."""
    sent_start, sent_end = article.sentence_of(start)
    inside = [a for a in attributions if sent_start <= a.start < sent_end and a.source]
    before = [a for a in inside if a.start < start]
    chosen = before[-1] if before else (inside[0] if inside else None)
    return chosen.source if chosen else None


def find_quotes(
    article: Article,
    full_names: dict[Ent, str],
    attributions: list[Attribution] | None = None,
    resolved: list[tuple[Frame, Speaker]] | None = None,
    speakers: Speakers | None = None,
) -> list[Quote]:
    """Direct quotes with their speaker (scare quotes left out), then reported claims.

    With a parse (`resolved`: the article's reporting frames and their speakers) a quote's
    speaker comes from the frame that reports it; the word-window search is the fallback."""
    quotes: list[Quote] = []
    group_speaker: tuple[str, int] | None = None  # the last group that spoke, and where
    spans = quote_spans(article)
    for m, start, end, inner in _direct(article):
        signed = _signature(article, m.end(), full_names) or transcript_speaker(inner, full_names)
        if signed:
            quotes.append(Quote(speaker=signed, text=inner, start=start, end=end, how="frame"))
            continue
        presented = speakers.owner_of_words_after(end + 1) if speakers is not None else None
        if presented:
            # "«...», queste le parole del turista": the words after name their owner
            quotes.append(Quote(speaker=presented, text=inner, start=start, end=end, how="frame"))
            continue
        if resolved is not None and speakers is not None:
            speaker, how = _speaker_from_frames(
                article, start, end, resolved, spans, quotes, speakers
            )
            if how is not None:
                quotes.append(Quote(speaker=speaker, text=inner, start=start, end=end, how=how))
                continue
        subject = _frame_after(article, m.end()) or _frame_before(article, m.start())
        speaker = subject_name(article, subject, full_names)
        how = "window" if speaker else None
        # "..., they said": the frame names a group; guessing one person would be wrong,
        # but the group that spoke just before ("the four said ...") is who "they" are.
        explicit = subject is not None and subject.plural
        if (
            explicit
            and group_speaker
            and _sentences_between(article, group_speaker[1], m.start()) <= 4
        ):
            speaker = group_speaker[0]
        if subject is not None and subject.count and speaker:
            group_speaker = (speaker, m.start())
        if speaker is None and not explicit:
            speaker = _written_on(article, m.start())
            how = "written" if speaker else None
        if speaker is None and not explicit:
            speaker = _cited_source(article, m.start(), attributions or [])
            how = "cited source" if speaker else None
        if speaker is None and not explicit:
            person = person_near(article, m.start(), full_names, outside=(start, end))
            speaker = full_names.get(person) if person else None
            how = "nearest name" if speaker else None
        if speaker is None and not explicit and resolved is not None:
            speaker = _framed_just_before(article, start, resolved, quotes)
            how = "previous quote" if speaker else None
        quotes.append(Quote(speaker=speaker, text=inner, start=start, end=end, how=how))
    _paragraphs_share_the_last_speaker(article, quotes)
    # Titles go only now: a quote after one ('said on "This Week With George Stephanopoulos."
    # "Because ..."') still follows the speaker before it, not a name in the title.
    quotes = [q for q in quotes if not _titled(q.text)]
    # A quote inside a quote («... “basta” ...») is part of the outer one.
    quotes = [
        q
        for q in quotes
        if not any(o is not q and o.start <= q.start and q.end <= o.end for o in quotes)
    ]
    if resolved is not None:
        quotes.extend(_without_nested(_reported_from_frames(article, resolved, spans)))
    else:
        quotes.extend(_reported(article, full_names))
    quotes.sort(key=lambda q: (q.start, q.reported))
    return quotes


def _paragraphs_share_the_last_speaker(article: Article, quotes: list[Quote]) -> None:
    """A quote running over paragraphs opens each and closes only the last, whose frame
    names the speaker of them all: the paragraphs opened right before it and left open, with
    no frame of their own, take that speaker."""
    for i in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[i], quotes[i + 1]
        if quote.how not in _UNFRAMED or following.how in _UNFRAMED or not following.speaker:
            continue
        between = article.text[quote.end : following.start]
        if between[:1] in _CLOSING:
            continue  # a closed quote with no frame goes on the speaker before it
        if "\n" in between and not between.strip(' \t\n"“«'):
            quote.speaker, quote.how = following.speaker, following.how


_UNFRAMED = {None, "nearest name", "window", "cited source", "written"}
_AFTER_QUOTE = " ”\"»’'"  # what may stand between a quote's last word and a frame after it
_CLOSING = set('"”»')


def _without_nested(claims: list[Quote]) -> list[Quote]:
    """ "he expected to be briefed ...": the claim of "expected" holds the one of "briefed", by
    the same speaker; the outer one says it all."""
    return [
        c
        for c in claims
        if not any(
            o is not c
            and o.speaker == c.speaker
            and o.start <= c.start
            and c.end <= o.end
            and (o.start, o.end) != (c.start, c.end)
            for o in claims
        )
    ]


# '“...” ― Karen Bobadilla': a dash and a name right after a quote sign it (vox pops, epigraphs).
# Spaces around it may be no-break spaces ('”\xa0― Jacklyn Ashley\xa0'): any space but a line break.
_SIGNATURE_DASH = re.compile(r"[^\S\n]*[―—–][^\S\n]*")
_SIGNED_NAME = re.compile(
    r"((?:[A-Z][\w'’-]*\.?)(?: [A-Z][\w'’-]*\.?){1,3})(?=\.?[^\S\n]*(?:$|\n|[“”\"«]))"
)
# '"PENCE: Well, look, ..."': a transcript's speaker label opens the quoted turn.
_LABEL = re.compile(r"([A-ZÀ-Ü][A-ZÀ-Ü'’. -]{1,30}[A-ZÀ-Ü]):\s")


def _signature(article: Article, after: int, full_names: dict[Ent, str]) -> str | None:
    dash = _SIGNATURE_DASH.match(article.text, after)
    if dash is None:
        return None
    person = article.ent_at(dash.end(), dash.end() + 1, {"PER"})
    if person is not None and person.start == dash.end():
        return full_names.get(person) or person.text
    # A signature the recogniser left out: capitalised words up to the line's or quote's end.
    name = _SIGNED_NAME.match(article.text, dash.end())
    if name is None:
        return None
    signed = name.group(1)
    # "― Steve Quinlan." ends a sentence; "― Edwin G." would end on an initial.
    return signed.rstrip(".") if len(signed.split()[-1]) > 2 else signed


def transcript_speaker(inner: str, full_names: dict[Ent, str]) -> str | None:
    """The speaker a transcript's label names at the start of `inner` ("PENCE: Well, ..."), in
    the article's full name for it when one fits; None without a label."""
    label = _LABEL.match(inner)
    if label is None or label.group(1).split()[-1].lower() in LINE_LABELS:
        return None
    said = label.group(1).title()
    # The label is often the surname alone: the article's full name for it, when one fits.
    fits = {name for name in full_names.values() if name.split()[-1].lower() == said.lower()}
    return fits.pop() if len(fits) == 1 else said


# Words before a colon that label a line or a quote, not a speaker.
# Also read by the headlines' attributions ("Update: ...").
LINE_LABELS = frozenset("breaking update note warning urgent nb ps watch video photo".split()) | {
    "editor's note"
}


def _direct(article: Article):
    """Each spoken quotation: the match, its inner span and text (scare quotes left out)."""
    for m in _QUOTES.finditer(article.text):
        group = next(g for g in _MARK_GROUPS if m.group(g) is not None)
        inner = m.group(group)
        if inner.strip() and _is_speech(article, m.start(), m.end(), inner):
            yield m, m.start(group), m.end(group), inner


def quote_spans(article: Article) -> list[tuple[int, int]]:
    """Every quoted stretch (marks included), scare quotes too: what no frame may sit in."""
    return quote_spans_of(article.text)


def quote_spans_of(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def _inside_any(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _ends_with_colon(text: str) -> bool:
    """ "The New York Times reports:" and the quote on the next line: a colon before the
    quote's opening mark, spaces and line breaks between."""
    return text.rstrip(_OPENING).endswith(":")


_OPENING = " \t\n«“\"„'‘"  # what may stand between a colon and the quote it opens
_LEAD_IN = _OPENING + ":,"  # what may stand between a verb and the quote it opens


# Sentences between a quote and the one before it for both to be the same speaker's words.
_RUN_SENTENCES = 2


def _speaker_from_frames(
    article: Article,
    start: int,
    end: int,
    resolved: list[tuple[Frame, Speaker]],
    spans: list[tuple[int, int]],
    earlier: list[Quote],
    speakers: Speakers,
) -> tuple[str | None, str | None]:
    """(speaker, how) from the frame that reports the quote, or (None, None) if none does."""
    first, _ = article.sentence_of(start)
    # "Pollsters agree - Carl Bialik: “...”": the person named right before the colon that
    # opens the quote labels it, whatever verb came before
    lead = article.text[first:start].rstrip(_OPENING)
    if lead.endswith(":"):
        label = (first, first + len(lead[:-1].rstrip()))
        labelled = speakers.label_ending_at(*label) or speakers.noun_label(*label)
        if labelled is not None:
            return labelled, "frame"
    _, last = article.sentence_of(max(end - 1, start))
    best: tuple[tuple[int, int], Frame, Speaker] | None = None
    for frame, speaker in resolved:
        content = frame.content
        if not first <= frame.cue[0] < last and not (
            # "«...». Queste sono le parole del WWF": a frame after, presenting the quote
            content is not None
            and frame.cue[0] >= end
            and content[0] < end <= content[1] + 2  # a quote of many sentences ends in it
        ):
            continue
        if frame.inserted:
            if not start <= frame.cue[0] < end:
                continue
        elif _inside_any(frame.cue[0], spans) or (
            frame.source is not None and _inside_any(frame.source[0], spans)
        ):
            continue
        content = frame.content
        right_after = (
            frame.cue[0] >= end
            and len(article.text[end : frame.cue[0]].strip(_AFTER_QUOTE + ",").split()) <= 1
        )
        if (
            content is not None
            and frame.cue[0] >= end
            and content[0] >= end
            and frame.how not in {"shared", "dropped"}
            and not right_after  # '"...," he said, pointing out that': the quote's own frame
        ):
            # "«...», alla quale Ratzinger ha risposto che «...»": someone named after the quote
            # reports what comes after it ("«...», sostenendo che «...»" goes on the same one)
            continue
        reports = content is not None and content[0] <= end and start <= content[1]
        # '«...», ha dichiarato uno dei carabinieri': a verb right after the closing mark, with
        # no content of its own, reports the quote as surely as one whose content it is
        # (not a gerund going on with the sentence: "«...», ricordando")
        reports = reports or (
            content is None
            and right_after
            and speakers.parse.tokens[frame.verb].feature("VerbForm") != "Ger"
        )
        distance = min(abs(frame.cue[0] - end), abs(start - frame.cue[1]))
        # A frame set off by dashes inside this very quote is its own: none is closer.
        key = (-1, 0) if frame.inserted else (0 if reports else 1, distance)
        if best is None or key < best[0]:
            best = (key, frame, speaker)
    if best is None:
        # '"... Is it two? Three?" Clinton asks.': the frame right after the closing mark,
        # which the splitter put in a sentence of its own, saying nothing else.
        for frame, speaker in resolved:
            between = article.text[end : frame.start]
            if frame.start >= end and not between.strip(_AFTER_QUOTE) and frame.content is None:
                return speaker.name, (speaker.how if speaker.name else "frame")
        # 'Maduro ha detto: «...»', 'Mancino ha espresso ammirazione: «...»': the clause
        # before a colon frames the quote, in this sentence or the one before.
        sentence = article.sentence_of(start)
        if _ends_with_colon(article.text[sentence[0] : start]):
            colon = (sentence[0], start)
        else:
            colon = article.previous_sentence(start)
            if colon is None or not _ends_with_colon(article.text[colon[0] : start]):
                colon = None
        if colon is not None:
            inside = [(f, sp) for f, sp in resolved if colon[0] <= f.cue[0] < colon[1]]
            if inside and inside[-1][1].name:
                return inside[-1][1].name, inside[-1][1].how
            subject = speakers.subject_of_sentence(colon[0], colon[1])
            if subject:
                return subject, "frame"
    if best is not None:
        frame, speaker = best[1], best[2]
        if frame.cue[1] <= start:
            # "X ha parlato di «...», mentre Y ha detto «...»": the parse gave X's verb the
            # quote, but the verb right before its opening mark is the one that says it
            for later, its_speaker in resolved:
                if (
                    frame.cue[1] <= later.cue[0]
                    and later.cue[1] <= start
                    and not later.inserted
                    and not article.text[later.cue[1] : start].strip(_LEAD_IN)
                    and its_speaker.name
                ):
                    speaker = its_speaker
        if speaker.name is None:
            # "hanno commentato altri politici: «...» ha dichiarato Mario Monti": a frame
            # with no one in particular yields to the named one right after the closing mark
            for later, its_speaker in resolved:
                between = article.text[end : later.cue[0]].strip(_AFTER_QUOTE + ",")
                if later.cue[0] >= end and len(between.split()) <= 1 and its_speaker.name:
                    speaker = its_speaker
                    break
        return speaker.name, (speaker.how if speaker.name else "frame")
    # Quotes in a row: the same speaker goes on when no one else is framed in between.
    if (
        earlier
        and earlier[-1].speaker
        and earlier[-1].how in {"frame", "coreference", "previous quote"}
    ):
        if (
            _sentences_between(article, earlier[-1].end, start) <= _RUN_SENTENCES
            and not any(earlier[-1].end <= f.cue[0] < start for f, _ in resolved)
            and not speakers.someone_else_acts(first, start, earlier[-1].speaker)
        ):
            return earlier[-1].speaker, "previous quote"
    return None, None


def _framed_just_before(
    article: Article, start: int, resolved: list[tuple[Frame, Speaker]], earlier: list[Quote]
) -> str | None:
    """'"...," said Mr. Reeves, a fellow at the Center. "...."': a quote that no frame, name
    or window explains, opening the sentence right after the frame of the quote before, in
    its paragraph, goes on that quote's speaker."""
    if not earlier or not earlier[-1].speaker or earlier[-1].how not in {"frame", "coreference"}:
        return None
    last = earlier[-1]
    before = article.text[last.end : start]
    if "\n" in before or not before.rstrip(" \"“«‘'").endswith((".", "!", "?")):
        return None  # '... Center. "....' opens a sentence; 'riporta che è «...»' does not
    between = [(f, sp.name) for f, sp in resolved if last.end <= f.cue[0] < start]
    if not between or any(name != last.speaker for _, name in between):
        return None
    frame_end = max(f.end for f, _ in between)
    return last.speaker if _sentences_between(article, frame_end, start) <= 1 else None


_MIN_CLAIM_CHARS = 8


def _reported_from_frames(
    article: Article, resolved: list[tuple[Frame, Speaker]], spans: list[tuple[int, int]]
) -> list[Quote]:
    """ "X ha detto che ...", "secondo X, ...", "X believes that ...": the content and who."""
    claims = []
    for frame, speaker in resolved:
        # "he reportedly met Putin": a claim whose source is left unnamed is still a claim
        hearsay = frame.how == "hearsay"
        if frame.content is None or (speaker.name is None and not hearsay):
            continue
        start, end = frame.content
        if end - start < _MIN_CLAIM_CHARS or _inside_any(frame.cue[0], spans):
            continue
        # A content that is one direct quote is that quote, already credited; so is a sentence
        # of quotes presented after it ("«...»: per salvarle, «...». Queste sono le parole").
        if any(s <= start and end <= e for s, e in spans):
            continue
        before = end <= article.sentence_of(frame.cue[0])[0]
        quoted = sum(max(0, min(e, end) - max(s, start)) for s, e in spans)
        if before and quoted * 2 >= end - start:
            continue
        claims.append(
            Quote(
                speaker=speaker.name,
                text=article.text[start:end],
                start=start,
                end=end,
                reported=True,
                how="hearsay" if hearsay else speaker.how,
            )
        )
    return claims


_MEDIUM_REACH = 14  # words from the banner to its words ("striscione esposto in curva Nord nel…:")
_MEDIUM_WORDS = 5  # of the banner's description kept as the speaker


def _written_on(article: Article, start: int) -> str | None:
    """ "lo striscione shock: “Laziale ebreo”", "a banner reading "...": words carried by a
    banner, a sign or a chant have no person behind them to name; the medium speaks."""
    sent_start, _ = article.sentence_of(start)
    words = article.words_in(sent_start, start)[-_MEDIUM_REACH:]
    media = written_media(article.lang)
    for i in range(len(words) - 1, -1, -1):
        if is_speech_verb(article, words[i]):  # someone speaks between banner and quote
            return None
        if words[i].lower in media:
            phrase = []
            for word in words[i:]:
                if word.text in {":", ",", ";", "—", "–"} or is_speech_verb(article, word):
                    break
                if _verb(article, word):
                    break  # "un cartello dei contestatori recitava": the banner, not its verb
                phrase.append(word.text)
            return " ".join(phrase[:_MEDIUM_WORDS])
    return None


def _verb(article: Article, word: Word) -> bool:
    """The parse (when there is one) reads `word` as a verb."""
    if article.parse is None:
        return False
    return any(t.pos in {"VERB", "AUX"} for t in article.parse.within(word.start, word.end))


def _sentences_between(article: Article, start: int, end: int) -> int:
    return sum(1 for s, _ in article.sents if start < s <= end)


def _reported(article: Article, full_names: dict[Ent, str]) -> list[Quote]:
    """ "X ha ribadito che la Russia ...", "X said that ...": the claim and who made it."""
    claims: list[Quote] = []
    for sent_start, sent_end in article.sents:
        words = article.words_in(sent_start, sent_end)
        last_speaker: str | None = None
        for j, word in enumerate(words):
            if not is_speech_verb(article, word):
                continue
            # "ha ribadito che", "said that"; a listener may come between: "told reporters that",
            # "ha detto ai giornalisti che". "described the demand that" is no report.
            k = j + 1
            if k < len(words) and (word.lower in _TELL or words[k].lower in _TO_LISTENER):
                while (
                    k < len(words)
                    and k - j <= 4
                    and words[k].lower not in _THAT
                    and words[k].text.isalpha()
                ):
                    k += 1
            if k >= len(words) or words[k].lower not in _THAT:
                continue
            subject = subject_before(article, words, j)
            speaker = subject_name(article, subject, full_names) if subject else None
            gerund = word.lower.endswith(("ndo", "ing"))
            if speaker is None and gerund:
                speaker = last_speaker
            if speaker is None:
                continue
            last_speaker = speaker
            claim_start = words[k].end
            while claim_start < sent_end and article.text[claim_start].isspace():
                claim_start += 1
            stop = _CLAIM_END.search(article.text, claim_start, sent_end)
            claim_end = stop.start() if stop else sent_end
            while claim_end > claim_start and article.text[claim_end - 1].isspace():
                claim_end -= 1
            if claim_end - claim_start < 8:
                continue
            text = article.text[claim_start:claim_end]
            claims.append(
                Quote(speaker=speaker, text=text, start=claim_start, end=claim_end, reported=True)
            )
    return claims
