"""Synthetic briefing data for the benchmarks: N varied articles built from the shipped seeds.

    python benchmarks/synth.py store FOLDER N [--seed S]   # a store, analyses cached
    python benchmarks/synth.py files FOLDER N [--shape seed|markdown]   # N files to import

Bodies are the seed article's sentences, shuffled, with its people, places, organisations and
dates swapped for others from small lists, mixed with English sentences written here; about a
third of the articles are in English. Each stored article gets an analysis (entities at their
real offsets, facts, a summary) marked fresh for the installed pipeline, so opening it does not
start spaCy; some get tags, notes, highlights, read and starred flags. Same seed, same data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from briefing.analysis import body_hash
from briefing.entities import link_analysis
from briefing.models import (
    Analysis,
    Article,
    Attribution,
    DateFact,
    Entity,
    Facts,
    Highlight,
    NamedThing,
    Quote,
)
from briefing.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BATCH = 500  # articles per store write, as an importer of a folder sends them

PEOPLE = [
    "Steve Witkoff", "Jared Kushner", "Kirill Dmitriev", "Vladimir Putin", "Giorgia Meloni",
    "Sergio Mattarella", "Ursula von der Leyen", "Mario Draghi", "Elly Schlein", "Antonio Tajani",
    "Emmanuel Macron", "Olaf Scholz", "Keir Starmer", "Volodymyr Zelensky", "Marco Rubio",
    "Kaja Kallas", "Pedro Sánchez", "Christine Lagarde", "Sergej Lavrov", "Anna Bianchi",
]  # fmt: skip
PLACES = [
    "Miami", "Washington", "Mosca", "Kiev", "Berlino", "Roma", "Milano", "Bruxelles", "Parigi",
    "Londra", "Ginevra", "Istanbul", "Varsavia", "Napoli", "Torino", "Doha", "Riad", "Vienna",
]  # fmt: skip
ORGS = [
    "Casa Bianca", "Cremlino", "Nato", "Unione europea", "Commissione europea", "Banca d'Italia",
    "ISTAT", "Confindustria", "Nazioni Unite", "Fondo monetario internazionale", "Bce", "Onu",
]  # fmt: skip
SOURCES = ["ANSA", "Reuters", "Il Post", "Corriere della Sera", "BBC", "Il Giornale d'Italia"]
AUTHORS = [None, None, "Redazione", "Anna Bianchi", "Luca Verdi", "Sara Neri", "John Carter"]
TAGS = "ucraina russia usa economia politica esteri europa energia da-leggere cina".split()
MONTHS_IT = "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split()
MONTHS_EN = (
    "January February March April May June July August September October November December".split()
)
DAYS_IT = ["Lunedì", "Martedì", "Mercoledì", "Giovedì", "Venerdì", "Sabato", "Domenica"]
# The seed's own names, and the pool each is swapped from.
SWAPS = {
    "Steve Witkoff": PEOPLE, "Jared Kushner": PEOPLE, "Kirill Dmitriev": PEOPLE,
    "Vladimir Putin": PEOPLE, "Witkoff": PEOPLE, "Kushner": PEOPLE, "Trump": PEOPLE,
    "Miami": PLACES, "Washington": PLACES, "Mosca": PLACES, "Kiev": PLACES, "Kyiv": PLACES,
    "Berlino": PLACES, "Donbass": PLACES, "Casa Bianca": ORGS, "Cremlino": ORGS, "Nato": ORGS,
    "Mercoledì": DAYS_IT,
}  # fmt: skip
ENGLISH = [
    "{person} arrived in {place} on {date} for talks that officials described as decisive.",
    "According to two people familiar with the matter, {org} has not yet taken a position.",
    "“We will not accept a deal written elsewhere,” {person} told reporters in {place}.",
    "The meeting in {place} is expected to last two days, a spokesperson for {org} said.",
    "Sources close to the negotiations said the draft still leaves the hardest questions open.",
    "{person}, who leads the delegation, met {person2} late on {date} to review the proposals.",
    "Markets in {place} fell 2.3 percent after the announcement, the steepest drop since March.",
    "Officials at {org} declined to comment, citing the sensitivity of the discussions.",
    "A senior diplomat, speaking on condition of anonymity, called the plan “a starting point”.",
    "The talks follow a week of meetings in {place} between {person} and European ministers.",
    "{org} said on {date} that about 40 billion dollars in aid would be reviewed by the summer.",
    "Analysts in {place} warned that a ceasefire without guarantees could collapse within months.",
    "{person} later wrote that the proposal was “serious, but not yet acceptable”.",
    "The delegation from {place} is due to report back to {org} by the end of the month.",
]  # fmt: skip
TOPICS = {
    "it": ["colloqui di pace", "garanzie di sicurezza", "nuovo round di negoziati", "sanzioni",
           "concessioni territoriali", "il piano in 20 punti", "aiuti militari", "cessate il fuoco"],
    "en": ["peace talks", "security guarantees", "a new round of talks", "sanctions",
           "territorial concessions", "the 20-point plan", "military aid", "a ceasefire"],
}  # fmt: skip
HEADLINES = {
    "it": ["{person} a {place}: {topic}", "{org}, {topic}: parla {person}", "{topic}, il nodo di {place}"],
    "en": ["{person} in {place}: {topic}", "{org} on {topic}", "{topic}: what {person} wants"],
}  # fmt: skip
ITALIAN_EXTRA = [
    "{person} è arrivato a {place} il {date} per una serie di incontri riservati.",
    "Secondo fonti vicine al dossier, {org} non avrebbe ancora preso una decisione.",
    "«Non firmeremo un accordo scritto da altri», ha detto {person} ai giornalisti a {place}.",
    "L'incontro di {place} dovrebbe durare due giorni, ha fatto sapere un portavoce di {org}.",
]


@cache
def seed_sentences() -> tuple[str, ...]:
    """Every sentence of the seed articles' paragraphs (first two lines: date and caption)."""
    sentences: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").splitlines()[2:]:
            if len(paragraph) < 200:  # the site's footer lines, not the article
                continue
            sentences += [s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“«])", paragraph) if s]
    return tuple(sentences)


@cache
def _swap_pattern() -> re.Pattern[str]:
    names = sorted(SWAPS, key=len, reverse=True)  # longest first: "Steve Witkoff" before "Witkoff"
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


@cache
def _entity_pattern() -> re.Pattern[str]:
    names = sorted({*PEOPLE, *PLACES, *ORGS}, key=len, reverse=True)
    months = "|".join(MONTHS_IT + MONTHS_EN)
    return re.compile(
        r"\b(?P<name>" + "|".join(re.escape(n) for n in names) + r")\b"
        r"|(?P<date>\b\d{1,2} (?:" + months + r") \d{4}\b|\b(?:" + months + r") \d{1,2}, \d{4}\b)"
    )


def _label(name: str) -> str:
    return "PER" if name in _PEOPLE_SET else "ORG" if name in _ORG_SET else "LOC"


_PEOPLE_SET, _ORG_SET = frozenset(PEOPLE), frozenset(ORGS)


def _date(rng: random.Random, lang: str) -> tuple[str, str]:
    """(ISO, as written) for a day between 2015 and 2026."""
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
    if lang == "it":
        return day.isoformat(), f"{day.day} {MONTHS_IT[day.month - 1]} {day.year}"
    return day.isoformat(), f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


def _fill(template: str, rng: random.Random, lang: str) -> str:
    two = rng.sample(PEOPLE, 2)
    return template.format(
        person=two[0],
        person2=two[1],
        place=rng.choice(PLACES),
        org=rng.choice(ORGS),
        date=_date(rng, lang)[1],
    )


def synthetic_body(rng: random.Random, lang: str) -> str:
    """About 3 KB of paragraphs: seed sentences with names swapped, or English ones, shuffled."""
    if lang == "it":
        pool = [
            _swap_pattern().sub(lambda m: rng.choice(SWAPS[m.group(1)]), s)
            for s in seed_sentences()
        ]
        rng.shuffle(pool)
        pool = pool[: rng.randint(14, 22)] + [
            _fill(t, rng, "it") for t in rng.sample(ITALIAN_EXTRA, 2)
        ]
        rng.shuffle(pool)
    else:
        pool = [_fill(rng.choice(ENGLISH), rng, "en") for _ in range(rng.randint(18, 26))]
    _iso, written = _date(rng, lang)
    dateline = f"{rng.choice(PLACES).upper()}, {written} — "
    paragraphs = [" ".join(pool[i : i + 4]) for i in range(0, len(pool), 4)]
    return dateline + "\n\n".join(paragraphs)


def synthetic_article(n: int, rng: random.Random) -> Article:
    """Article number `n`: body, title, date, source, language, sometimes tags and a note."""
    lang = "en" if rng.random() < 0.35 else "it"
    body = synthetic_body(rng, lang)
    title = rng.choice(HEADLINES[lang]).format(
        person=rng.choice(PEOPLE),
        place=rng.choice(PLACES),
        org=rng.choice(ORGS),
        topic=rng.choice(TOPICS[lang]),
    )
    title = title[0].upper() + title[1:]
    published, _ = _date(rng, lang)
    return Article(
        id="",
        title=title,
        body=body,
        published=published,
        source=rng.choice(SOURCES),
        author=rng.choice(AUTHORS),
        url=f"https://example.org/news/{n}",
        lang=lang,
        tags=rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2, 3))),
        read=rng.random() < 0.5,
        starred=rng.random() < 0.05,
        note=rng.choice(["da verificare", "follow up next week", "citato nel pezzo di ieri"])
        if rng.random() < 0.05
        else None,
    )


def synthetic_analysis(
    article: Article, pipeline: tuple[str, str] = ("synthetic", "0")
) -> Analysis:
    """Entities found where the lists' names and the dates stand in the body, and facts from them."""
    body = article.body or ""
    entities: list[Entity] = []
    dates: list[DateFact] = []
    named: dict[str, dict[str, NamedThing]] = {"PER": {}, "ORG": {}, "LOC": {}}
    for found in _entity_pattern().finditer(body):
        start, end = found.span()
        if found.group("date"):
            entities.append(Entity(start, end, "DATE", found.group(), source="rule"))
            dates.append(DateFact(found.group(), None, start, end))
            continue
        label = _label(found.group())
        entities.append(Entity(start, end, label, found.group()))
        thing = named[label].setdefault(found.group(), NamedThing(found.group()))
        thing.mentions += 1
        thing.spans.append([start, end])
    quotes = []
    for found in re.finditer(r"[“«]([^”»]{3,300})[”»]", body):
        near = [e.text for e in entities if e.label == "PER" and abs(e.start - found.start()) < 200]
        quotes.append(Quote(near[0] if near else None, found.group(1), *found.span(1)))
    attributions = [
        Attribution(m.group(), None, True, *m.span())
        for m in re.finditer(
            r"(?i)\b(?:fonti [a-zà]+|sources close to the \w+|a senior diplomat)", body
        )
    ]
    facts = Facts(
        people=list(named["PER"].values()),
        organizations=list(named["ORG"].values()),
        places=list(named["LOC"].values()),
        dates=dates,
        quotes=quotes,
        attributions=attributions,
    )
    name, version = pipeline
    analysis = Analysis(
        article.id,
        article.lang or "it",
        name,
        version,
        entities=entities,
        facts=facts,
        body_hash=body_hash(body),
        analysed_at="2026-01-01T00:00:00+00:00",
    )
    # Identities as the analysis gives them: without the current links_version every article
    # counts as unanalysed, and the reader's backlog worker would analyse the whole store.
    link_analysis(analysis, text=body)
    return analysis


def articles(n: int, seed: int = 7) -> Iterator[Article]:
    """N synthetic articles, deterministic for a seed."""
    rng = random.Random(seed)
    for i in range(n):
        yield synthetic_article(i, rng)


def _identities() -> dict[str, tuple[str, str]]:
    """The installed pipelines' (name, version), so cached analyses count as fresh."""
    try:
        from briefing.nlp import pipeline

        return {lang: pipeline.identity(lang) for lang in ("it", "en")}
    except Exception:  # no pipeline installed: the analyses are still there, only stale
        return {}


def build(folder: Path, n: int, seed: int = 7) -> dict[str, float]:
    """A store of N synthetic articles with analyses, highlights and notes; store-side import rate.

    Returns {"import_per_s", "import_s", "build_s", "count"}: only add_articles is timed for the
    import figures (the articles are made beforehand), as store_bench has always reported them.
    """
    folder = Path(folder)
    started = time.perf_counter()
    rng = random.Random(seed + 1)
    made = articles(n, seed)
    identities = _identities()
    imported = 0.0
    with Store.open(folder, backups_dir=folder.parent / "backups", auto_backup=False) as store:
        for first in range(0, n, BATCH):
            batch = [next(made) for _ in range(min(BATCH, n - first))]
            start = time.perf_counter()
            results = store.add_articles(batch)
            imported += time.perf_counter() - start
            for article, result in zip(batch, results, strict=True):
                article.id = result.article_id
            store.put_analyses(
                synthetic_analysis(a, identities.get(a.lang or "", ("synthetic", "0")))
                for a, r in zip(batch, results, strict=True)
                if r.added
            )
            for article in batch[::25]:  # one in 25 carries a highlight (one durable write each)
                body = article.body or ""
                at = rng.randrange(max(1, len(body) - 80))
                store.add_highlight(
                    Highlight(
                        "",
                        article.id,
                        at,
                        at + 60,
                        body[at : at + 60],
                        rng.choice([None, "chiave"]),
                    )
                )
        count = store.count()
    return {
        "import_per_s": n / imported,
        "import_s": imported,
        "build_s": time.perf_counter() - started,
        "count": count,
    }


def _seed_text(article: Article) -> str:
    """A plain-text page shaped like the seed: a worded date line, a photo-credit line, the
    body, then the site's furniture. No title line, no language: the importer finds both."""
    day = dt.date.fromisoformat(article.published or "2025-12-18")
    months = MONTHS_IT if article.lang == "it" else MONTHS_EN
    date = (
        f"{day.day} {months[day.month - 1].title()} {day.year}"
        if article.lang == "it"
        else f"{months[day.month - 1].title()} {day.day}, {day.year}"
    )
    return (
        f"{date}\nFonte: X @{(article.source or 'agenzia').lower().replace(' ', '')}\n"
        f"{article.body}\n"
        f"{article.source} è anche su Whatsapp. Clicca qui per iscriversi al canale\n"
        "Articoli Recenti\n"
    )


def _html_page(article: Article) -> str:
    """An HTML page as a news site serves it: meta tags, navigation, the article, a footer."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in (article.body or "").split("\n"))
    title = html.escape(article.title)
    return (
        f'<!doctype html><html lang="{article.lang}"><head><meta charset="utf-8">'
        f"<title>{title} - {html.escape(article.source or '')}</title>"
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{article.published}T08:00:00+01:00">'
        f'<meta name="author" content="{html.escape(article.author or "Redazione")}">'
        f'<meta property="og:site_name" content="{html.escape(article.source or "")}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/esteri'>Esteri</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Testata giornalistica registrata. P.IVA 01234567890</footer></body></html>"
    )


def write_files(folder: Path, n: int, seed: int = 7, shape: str = "seed") -> list[Path]:
    """N files to import. shape "seed": a third each plain text shaped like the seed (date
    line, credit, body, furniture), HTML pages and Markdown with front matter; "markdown":
    two in three Markdown with YAML front matter, the rest plain text with a title line."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, article in enumerate(articles(n, seed)):
        if shape == "seed" and i % 3 == 0:
            path = folder / f"{i:06d}.txt"
            path.write_text(_seed_text(article), encoding="utf-8")
        elif shape == "seed" and i % 3 == 1:
            path = folder / f"{i:06d}.html"
            path.write_text(_html_page(article), encoding="utf-8")
        elif shape == "markdown" and i % 3 == 2:
            path = folder / f"{i:06d}.txt"
            path.write_text(f"{article.title}\n\n{article.body}\n", encoding="utf-8")
        else:
            path = folder / f"{i:06d}.md"
            tags = "".join(f"\n  - {t}" for t in article.tags)
            path.write_text(
                f"---\ntitle: {json.dumps(article.title, ensure_ascii=False)}\ndate: {article.published}\n"
                f"source: {json.dumps(article.source, ensure_ascii=False)}\n"
                f"lang: {article.lang}\ntags:{tags or ' []'}\n---\n\n{article.body}\n",
                encoding="utf-8",
            )
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("kind", choices=["store", "files"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shape", choices=["seed", "markdown"], default="seed")
    args = parser.parse_args(argv)
    if args.kind == "store":
        figures = build(args.folder, args.n, args.seed)
        print(
            f"store of {figures['count']:.0f} articles in {figures['build_s']:.1f} s: {args.folder}"
        )
    else:
        write_files(args.folder, args.n, args.seed, args.shape)
        print(f"{args.n} files in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
