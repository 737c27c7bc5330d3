"""Seeded generator of news-like synthetic articles for the benchmarks.

Each story is one event (a flood, a port strike, a ferry capsizing, ...) in its own place,
with its own officials, organisations, figures, quotes and dates. Most articles of a story
are independent reports: each outlet picks some of the facts, words them with its own
sentence structures and adds colour of its own (witnesses, neighbourhoods, background). A
minority are copies of the story's wire report, as syndication makes them: verbatim copies
under other boilerplate, near-copies with a sentence edited or dropped, partial copies that
open with the wire's first paragraphs, and rewrites that keep the wire's facts in its order
in other words (sometimes with a figure changed). Deterministic for a given seed; every name
and sentence is made up here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

_FIRST = ["Ilse", "Tomas", "Lena", "Rosa", "Paul", "Amara", "Jonas", "Mirela", "Kofi", "Hana", "Dmitri", "Sofia", "Mateo", "Aisha", "Lars", "Yuki", "Nadia", "Emre", "Clara", "Idris", "Freya", "Oskar", "Leila", "Ravi", "Marta", "Soren", "Ines", "Bruno", "Zainab", "Pavel", "Elif", "Anton", "Maya", "Kenji", "Greta", "Omar", "Lucia", "Henrik", "Tara", "Viktor", "Noor", "Felix", "Agnes", "Caleb", "Dalia", "Ewan", "Farah", "Gideon", "Helga", "Ivo", "Jana", "Karim", "Liv", "Milan", "Nora", "Otto", "Priya", "Rafael", "Selma", "Tobias"]
_SUR_HEAD = ["Al", "Bren", "Cor", "Dal", "Es", "Fen", "Gar", "Hal", "Ir", "Jas", "Kel", "Lor", "Mar", "Nor", "Or", "Pel", "Quin", "Ros", "Sel", "Tor", "Ul", "Var", "Wen", "Yar", "Zel", "Bask", "Crom", "Drav", "Hest", "Lind"]
_SUR_TAIL = ["ton", "berg", "ley", "ford", "mann", "ard", "ini", "ova", "ez", "sen", "wood", "ski", "ani", "etti", "quist", "more", "dale", "ic"]
_PLACE_HEAD = ["Ash", "Bel", "Cald", "Dun", "Elm", "Fair", "Glen", "High", "Ivy", "Kings", "Lang", "Mill", "New", "Oak", "Pen", "Red", "Stone", "Thorn", "West", "Wolf", "Brook", "Clay", "Hart", "Raven", "Fern", "Gold", "Hazel", "Lark", "Mor", "Sil"]
_PLACE_TAIL = ["ford", "wick", "haven", "mouth", "field", "bury", "dale", "port", "stead", "ton", "vale", "moor", "gate", "bridge", "holm", "by"]
_REGION = ("Northern Province", "Lakes District", "Eastern Cape Region", "High Plateau",
           "Coastal Territory", "Western Uplands", "River Delta", "Southern March",
           "Central Valley", "Island Province")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June")
_CUES = ("said", "told reporters", "said in a statement", "confirmed", "told local radio",
         "said at a news conference", "wrote on social media")
_QUALIFIERS = ("more than", "nearly", "about", "at least", "some", "around", "almost",
               "up to", "", "", "")
_WIRES = ("Meridian Press Agency", "Continental News Service", "Harbor News Agency",
          "United Wire")
_OUTLETS = tuple(f"{a} {b}" for a in ("Valley", "Harbour", "North", "Evening", "Daily",
                                      "Coastal", "Metro", "Capital", "Lakeside", "Frontier",
                                      "Sunday", "Morning")
                 for b in ("Courier", "Post", "Herald", "Times", "Gazette", "Chronicle",
                           "Record", "Observer"))
COLOURS = 9  # kinds of colour sentence (see _Writer.colour)
_OCCUPATIONS = ("a shop owner", "a retired teacher", "a nurse", "a taxi driver", "a student",
                "a baker", "a farmer", "an engineer", "a pensioner", "a delivery driver")

# Kind of event: headline patterns, measured things (noun, ways to say what happened to
# them, value range), roles of the people who speak, organisations, what they say.
KINDS: dict[str, dict] = {
    "flood": dict(
        heads=("Floods swamp {place}", "{place} under water as river bursts its banks",
               "Thousands flee rising water in {place}"),
        facts=(("residents", ("were evacuated", "had to leave their homes",
                              "were moved to emergency shelters"), (200, 20000)),
               ("homes", ("were flooded", "were damaged by the water",
                          "stood under water"), (50, 6000)),
               ("people", ("died", "were killed", "lost their lives"), (2, 60)),
               ("millimetres of rain", ("fell in a day", "fell within 24 hours",
                                        "came down overnight"), (80, 400))),
        roles=("Mayor", "Fire Chief", "Governor"),
        orgs=("{place} Fire and Rescue Service", "the {region} Environment Agency",
              "the National Weather Office"),
        quotes=("The water came up faster than anyone expected",
                "We are asking everyone near the river to leave now",
                "Our crews have been working through the night",
                "This is the worst flooding {place} has seen in decades")),
    "wildfire": dict(
        heads=("Wildfire rages near {place}", "Fire crews battle blaze outside {place}",
               "{place} residents told to leave as fire spreads"),
        facts=(("hectares", ("have burned", "were scorched", "went up in flames"),
                (300, 90000)),
               ("homes", ("were destroyed", "burned down", "were lost to the fire"),
                (10, 1500)),
               ("firefighters", ("were deployed", "are fighting the blaze",
                                 "were sent to the fire line"), (100, 4000)),
               ("people", ("were told to evacuate", "were ordered out",
                           "fled the area"), (500, 30000))),
        roles=("Fire Commissioner", "Mayor", "Forestry Minister"),
        orgs=("the {region} Forestry Service", "{place} Fire Brigade",
              "the National Fire Agency"),
        quotes=("The wind is our biggest enemy right now",
                "Anyone who was told to leave must leave immediately",
                "We have never seen a fire move this quickly",
                "It will take days before this fire is under control")),
    "quake": dict(
        heads=("Earthquake shakes {place}", "Deadly quake strikes {place}",
               "Rescuers dig through rubble in {place}"),
        facts=(("people", ("were killed", "died", "lost their lives"), (3, 900)),
               ("people", ("were injured", "were hurt", "needed hospital treatment"),
                (20, 4000)),
               ("buildings", ("collapsed", "were flattened", "fell down"), (10, 2500)),
               ("aftershocks", ("were recorded", "followed the main shock",
                                "shook the area overnight"), (5, 120))),
        roles=("Mayor", "Civil Protection Chief", "Health Minister"),
        orgs=("the {region} Seismology Institute", "{place} Civil Protection",
              "the Red Crescent"),
        quotes=("We are still pulling people out of the rubble",
                "Every hour counts for those who are trapped",
                "Schools will stay closed until every building is checked",
                "The shaking lasted almost a minute")),
    "strike": dict(
        heads=("Port strike halts {place} docks", "Dock workers walk out in {place}",
               "Strike leaves cargo stranded at {place}"),
        facts=(("dock workers", ("walked out", "joined the strike", "stopped work"),
                (300, 12000)),
               ("containers", ("are stranded", "sit on the quays", "could not be moved"),
                (2000, 90000)),
               ("ships", ("are waiting offshore", "are anchored outside the port",
                          "were turned away"), (8, 140)),
               ("per cent pay rise", ("is demanded by the union", "is what workers want",
                                      "was rejected by employers"), (4, 18))),
        roles=("Union Leader", "Port Director", "Transport Minister"),
        orgs=("the {place} Dockworkers Union", "the {place} Port Authority",
              "the Shipping Federation"),
        quotes=("We will not go back until the offer is fair",
                "Every day of this strike costs the region dearly",
                "Our door remains open for talks",
                "The workers have waited long enough")),
    "rail": dict(
        heads=("Trains collide near {place}", "Rail crash outside {place}",
               "Commuter train derails in {place}"),
        facts=(("passengers", ("were injured", "were hurt", "were taken to hospital"),
                (10, 400)),
               ("people", ("were killed", "died", "lost their lives"), (2, 80)),
               ("passengers", ("were on board", "were travelling on the trains",
                               "were aboard"), (100, 1400)),
               ("train services", ("were cancelled", "were suspended",
                                   "did not run"), (20, 600))),
        roles=("Rail Safety Director", "Transport Minister", "Mayor"),
        orgs=("{region} Railways", "the Rail Accident Investigation Board",
              "{place} General Hospital"),
        quotes=("We will find out exactly what went wrong",
                "Our thoughts are with the families of the victims",
                "The signalling system will be examined in full",
                "Rescue teams reached the carriages within minutes")),
    "blast": dict(
        heads=("Explosion rips through {place} factory", "Blast at chemical plant in {place}",
               "Factory fire and explosion in {place}"),
        facts=(("workers", ("were injured", "were hurt", "suffered burns"), (5, 300)),
               ("people", ("were killed", "died", "lost their lives"), (1, 60)),
               ("metres", ("is the radius of the exclusion zone", "around the plant were sealed off",
                           "is how far the cordon reaches"), (200, 3000)),
               ("households", ("were told to keep windows shut", "were asked to stay indoors",
                               "were warned about the smoke"), (300, 25000))),
        roles=("Plant Manager", "Fire Chief", "Labour Minister"),
        orgs=("{surname} Chemicals", "the {region} Health and Safety Inspectorate",
              "{place} Fire Brigade"),
        quotes=("The blast shook windows across the town",
                "There is no danger to the public at this stage",
                "We are cooperating fully with the investigators",
                "Safety rules at the plant will be reviewed")),
    "ferry": dict(
        heads=("Ferry capsizes off {place}", "Search for missing after {place} ferry sinks",
               "Ferry disaster near {place}"),
        facts=(("passengers", ("were on board", "were aboard the vessel",
                               "were travelling on the ferry"), (60, 900)),
               ("people", ("were rescued", "were pulled from the water",
                           "were brought ashore"), (20, 700)),
               ("people", ("are missing", "are still unaccounted for",
                           "have not been found"), (3, 200)),
               ("boats", ("joined the search", "are searching the area",
                          "were sent to the scene"), (5, 60))),
        roles=("Coast Guard Commander", "Maritime Minister", "Harbour Master"),
        orgs=("the {region} Coast Guard", "{surname} Ferries",
              "the Maritime Safety Authority"),
        quotes=("The sea was very rough when the ferry turned over",
                "We will keep searching as long as there is hope",
                "The ferry was carrying more passengers than allowed",
                "Divers are checking the wreck")),
    "outage": dict(
        heads=("Blackout hits {place}", "Power cut leaves {place} in the dark",
               "Grid failure across {place}"),
        facts=(("households", ("lost power", "were left without electricity",
                               "were cut off from the grid"), (5000, 400000)),
               ("hours", ("is how long the outage lasted", "passed before power returned",
                          "went by without electricity"), (3, 72)),
               ("substations", ("failed", "went offline", "were knocked out"), (2, 40)),
               ("engineers", ("were sent out", "are working on repairs",
                              "were deployed to the sites"), (40, 1200))),
        roles=("Energy Minister", "Grid Operator Chief", "Mayor"),
        orgs=("{region} Power", "the National Grid Regulator", "{surname} Energy"),
        quotes=("We expect most customers to be reconnected by tonight",
                "The cause of the failure is not yet known",
                "Hospitals are running on backup generators",
                "People should check on elderly neighbours")),
    "layoffs": dict(
        heads=("{surname} Motors to cut jobs in {place}", "Job losses at {place} plant",
               "Carmaker shuts {place} factory"),
        facts=(("jobs", ("will be cut", "are to go", "will be lost"), (200, 9000)),
               ("plants", ("will close", "are to shut", "will be closed"), (2, 9)),
               ("million euros", ("will be saved each year", "is the expected yearly saving",
                                  "is what the cuts should save"), (40, 900)),
               ("workers", ("are employed at the site", "work at the plant",
                            "are on the payroll there"), (800, 15000))),
        roles=("Chief Executive", "Union Leader", "Economy Minister"),
        orgs=("{surname} Motors", "the {place} Metalworkers Union",
              "the {region} Chamber of Commerce"),
        quotes=("This was the hardest decision in our history",
                "The workers are paying for bad management",
                "We will do everything to help those affected",
                "The region cannot afford to lose these jobs")),
    "protest": dict(
        heads=("Thousands march in {place}", "Protest over fuel prices in {place}",
               "Clashes at {place} demonstration"),
        facts=(("protesters", ("marched through the centre", "took to the streets",
                               "joined the march"), (1000, 120000)),
               ("people", ("were arrested", "were detained", "were taken into custody"),
                (5, 400)),
               ("police officers", ("were deployed", "were on duty",
                                    "lined the route"), (100, 6000)),
               ("officers", ("were injured", "were hurt", "needed treatment"), (2, 90))),
        roles=("Police Chief", "Interior Minister", "Organiser"),
        orgs=("{place} Police", "the Fair Fuel Alliance", "the {region} Civil Liberties Union"),
        quotes=("People cannot afford to heat their homes",
                "The vast majority of marchers were peaceful",
                "We will be back next week if nothing changes",
                "Violence against officers will not be tolerated")),
    "cyber": dict(
        heads=("Cyberattack hits {place} hospital group", "Hackers breach {surname} Bank",
               "Data of millions stolen in {place} hack"),
        facts=(("customers", ("were affected", "had their data exposed",
                              "were caught up in the breach"), (20000, 3000000)),
               ("records", ("were stolen", "were copied by the hackers",
                            "were taken"), (50000, 9000000)),
               ("million euros", ("was demanded as ransom", "is the ransom sought",
                                  "was asked for by the attackers"), (1, 80)),
               ("days", ("is how long systems were down", "passed before systems returned",
                         "of disruption followed"), (2, 21))),
        roles=("Chief Executive", "Digital Minister", "Security Chief"),
        orgs=("{surname} Bank", "the National Cyber Security Centre",
              "the {region} Data Protection Office"),
        quotes=("We will not pay the criminals",
                "Customers should change their passwords at once",
                "The attack was sophisticated and well planned",
                "No payment data was taken, as far as we know")),
    "mine": dict(
        heads=("Miners trapped in {place} collapse", "Rescue under way at {place} mine",
               "Mine accident near {place}"),
        facts=(("miners", ("are trapped underground", "remain trapped",
                           "could not get out"), (3, 90)),
               ("miners", ("were rescued", "were brought to the surface",
                           "were pulled out alive"), (5, 200)),
               ("metres", ("below the surface is where the collapse happened",
                           "is the depth of the collapsed shaft",
                           "down is where the men are"), (200, 1800)),
               ("rescue workers", ("are at the site", "are taking part",
                                   "joined the operation"), (30, 600))),
        roles=("Mine Director", "Mining Minister", "Rescue Chief"),
        orgs=("{surname} Mining", "the {region} Mine Rescue Corps",
              "the Miners Federation"),
        quotes=("We have made contact with some of the men",
                "The air supply is our first concern",
                "The families are waiting at the gate",
                "We will not stop until everyone is out")),
}


@dataclass
class SyntheticArticle:
    title: str
    paragraphs: list[str]
    outlet: str
    url: str
    published: str
    story: int
    # How the article was made: "report" (independent), "wire" (the story's wire report),
    # or "copy", "near-copy", "partial", "rewrite" of the wire report (``source``).
    relation: str = "report"
    source: int | None = None  # number of the article copied or rewritten
    changed_figure: bool = False


@dataclass
class _Fact:
    noun: str
    verbs: tuple[str, ...]
    value: int
    qualifier: str
    speaker: int  # index into the story's people (-1: an organisation)
    org: int


@dataclass
class _Story:
    index: int
    kind: str
    place: str
    region: str
    day: int
    month: int
    people: list[tuple[str, str]]  # (role, full name)
    orgs: list[str]
    facts: list[_Fact]
    quotes: list[tuple[int, str]]
    neighbourhoods: list[str]
    since: int
    wire: int | None = None  # number of its wire article once written
    wire_items: list[tuple[str, int, int]] = field(default_factory=list)


def _surname(rng: random.Random) -> str:
    return rng.choice(_SUR_HEAD) + rng.choice(_SUR_TAIL)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {_surname(rng)}"


def _figure(value: int, qualifier: str) -> str:
    number = f"{value:,}"
    return f"{qualifier} {number}".strip()


def _make_story(rng: random.Random, index: int, place: str) -> _Story:
    kind = rng.choice(sorted(KINDS))
    spec = KINDS[kind]
    region = rng.choice(_REGION)
    surname = _surname(rng)
    fill = {"place": place, "region": region, "surname": surname}
    people = [(role, _person(rng)) for role in spec["roles"]]
    orgs = [o.format(**fill) for o in spec["orgs"]]
    facts = []
    for noun, verbs, (low, high) in spec["facts"]:
        facts.append(_Fact(noun, verbs, rng.randrange(low, high), rng.choice(_QUALIFIERS),
                           rng.randrange(-1, len(people)), rng.randrange(len(orgs))))
    # Two more figures of this story only (an earlier toll, a second district).
    for noun, verbs, (low, high) in rng.sample(spec["facts"], 2):
        facts.append(_Fact(noun, verbs, rng.randrange(low, high), rng.choice(_QUALIFIERS),
                           rng.randrange(len(people)), rng.randrange(len(orgs))))
    quotes = [(rng.randrange(len(people)), q.format(**fill))
              for q in rng.sample(spec["quotes"], 3)]
    hoods = [f"{rng.choice(_PLACE_HEAD)}{rng.choice(('side', ' Park', ' Hill', ' Row'))}"
             for _ in range(4)]
    return _Story(index, kind, place, region, rng.randrange(1, 27), rng.randrange(6),
                  people, orgs, facts, quotes, hoods, rng.randrange(1990, 2024))


class _Writer:
    """Words one article about a story; ``rng`` decides this outlet's choices."""

    def __init__(self, story: _Story, rng: random.Random) -> None:
        self.s = story
        self.rng = rng
        self.named: set[int] = set()

    def speaker(self, who: int, org: int) -> str:
        if who < 0:
            return self.s.orgs[org]
        role, name = self.s.people[who]
        if who in self.named:
            return name.split()[-1]
        self.named.add(who)
        form = self.rng.randrange(3)
        if form == 0:
            return f"{role} {name}"
        if form == 1:
            return f"{name}, the {role.lower()} of {self.s.place},"
        return f"{self.s.place}'s {role.lower()}, {name},"

    def fact(self, fact: _Fact, style: int | None = None, verb: int | None = None,
             figure: str | None = None) -> str:
        rng = self.rng
        fig = figure or _figure(fact.value, fact.qualifier)
        verbs = fact.verbs[verb % len(fact.verbs)] if verb is not None else rng.choice(fact.verbs)
        cue = rng.choice(_CUES)
        day = rng.choice(_DAYS)
        # each outlet places the fact in time or space its own way
        verbs += rng.choice(("", "", " so far", " overnight", f" since {day}",
                             f" in the {rng.choice(self.s.neighbourhoods)} area",
                             " in the first hours", " across the district"))
        style = rng.randrange(7) if style is None else style % 7
        who = self.speaker(fact.speaker, fact.org) if style != 5 else ""
        cap = fig[:1].upper() + fig[1:]
        if style == 0:
            return f"{who} {cue} {fig} {fact.noun} {verbs}.".replace(",,", ",")
        if style == 1:
            return f"{cap} {fact.noun} {verbs}, according to {who.rstrip(',')}."
        if style == 2:
            return f"{cap} {fact.noun} {verbs} by {day}, {who.rstrip(',')} {cue}."
        if style == 3:
            return f"According to {who.rstrip(',')}, {fig} {fact.noun} {verbs}."
        if style == 4:
            return f"{who} estimated that {fig} {fact.noun} {verbs}.".replace(",,", ",")
        if style == 5:
            return (f"Officials at {self.s.orgs[fact.org]} said on {day} that {fig} "
                    f"{fact.noun} {verbs} in {self.s.place}.")
        return f"In {self.s.place}, {fig} {fact.noun} {verbs}, {who.rstrip(',')} {cue}."

    def quote(self, item: tuple[int, str], style: int | None = None) -> str:
        who, words = item
        name = self.speaker(who, 0)
        style = self.rng.randrange(3) if style is None else style % 3
        if style == 0:
            return f"\u201c{words},\u201d {name} said.".replace(",,", ",")
        if style == 1:
            return f"{name} said: \u201c{words}.\u201d".replace(",,", ",")
        return (f"\u201c{words},\u201d {name} told the {self.rng.choice(_OUTLETS)}."
                .replace(",,", ","))

    def colour(self, seed: int, variant: int = 0) -> str:
        """A sentence of colour only this article has; ``variant`` words the same content
        another way (what a rewrite does to it)."""
        r, s = random.Random(seed), self.s
        pick, v = seed % COLOURS, variant % 2
        hood, day, n = r.choice(s.neighbourhoods), r.choice(_DAYS), r.randrange(2, 40)
        person, age, job = _person(r), r.randrange(19, 86), r.choice(_OCCUPATIONS)
        org = s.orgs[r.randrange(len(s.orgs))]

        def one(*options: str) -> str:  # this outlet's word for it
            return r.choice(options)

        if pick == 0:
            seen = one("never seen anything like it", "not seen such a thing in her life",
                       "never been so frightened", "no idea it could get this bad")
            return (f"{person}, {age}, {job} in {hood}, said she had \u201c{seen}\u201d."
                    if not v else
                    f"\u201cI have {seen},\u201d said {person}, {job} from {hood}, who is "
                    f"{age}.")
        if pick == 1:
            closed = one("closed", "blocked", "sealed off", "shut to traffic")
            what = one("schools", "kindergartens", "clinics", "libraries")
            return (f"Roads around {hood} were {closed} on {day} and {n} {what} stayed shut."
                    if not v else
                    f"On {day}, {n} {what} did not open and the roads near {hood} were "
                    f"{closed}.")
        if pick == 2:
            return (f"The last comparable {one('event', 'disaster', 'emergency', 'incident')} "
                    f"in the {s.region} was in {s.since}, when {n * 7} people were "
                    f"{one('affected', 'displaced', 'hurt', 'left homeless')}." if not v else
                    f"In {s.since}, the {s.region} saw a similar event that affected "
                    f"{n * 7} people.")
        if pick == 3:
            shop = one("caf\u00e9", "bakery", "hardware shop", "pharmacy", "bar")
            return (f"{person}, who runs a {shop} on {hood} Street, said business had "
                    f"{one('stopped', 'dried up', 'collapsed', 'halved')}." if not v else
                    f"Business has stopped, said {person}, owner of a {shop} on {hood} "
                    f"Street.")
        if pick == 4:
            report = one("a full report", "its findings", "an initial review",
                         "a detailed account")
            return (f"{org} said it would {one('publish', 'release', 'present')} {report} "
                    f"within {n} weeks." if not v else
                    f"{report[:1].upper() + report[1:]} is expected from {org} in {n} weeks.")
        if pick == 5:
            goods = one("food and blankets", "hot meals", "water and dry clothes",
                        "medicine and nappies")
            return (f"Volunteers from {hood} {one('handed out', 'distributed', 'brought')} "
                    f"{goods} at {n} centres across {s.place}." if not v else
                    f"Across {s.place}, {n} centres run by volunteers from {hood} gave out "
                    f"{goods}.")
        if pick == 6:
            money = f"{n * 3} million euros"
            purpose = one("emergency repairs", "flood defences", "roads and bridges",
                          "public shelters")
            return (f"The {s.region} government has {one('set aside', 'earmarked', 'budgeted')} "
                    f"{money} for {purpose} since {s.since}, and the opposition says "
                    f"{one('too little', 'almost none', 'only a fraction')} of it was spent."
                    if not v else
                    f"Since {s.since}, {money} has gone into the {s.region}'s budget for "
                    f"{purpose}; the opposition complains that little was spent.")
        if pick == 7:
            known = one("its harbour", "its textile mills", "its wine", "its old bridge",
                        "its university")
            return (f"{s.place}, {one('a town', 'a city', 'a port town', 'a market town')} of "
                    f"about {n * 1000 + 500:,} people, is known for {known}." if not v else
                    f"Known for {known}, {s.place} has about {n * 1000 + 500:,} residents.")
        calls = one("emergency lines were overwhelmed", "the phone lines jammed",
                    "hospitals asked for blood donors", "hotels offered free rooms")
        return (f"On {day} evening {calls}, {org} said." if not v else
                f"{org} said that {calls} on {day} evening.")

    def headline(self) -> str:
        pattern = self.rng.choice(KINDS[self.s.kind]["heads"])
        return pattern.format(place=self.s.place, surname=self.s.orgs[0].split()[0])

    def dateline(self) -> str:
        return f"{self.s.place.upper()}, {_MONTHS[self.s.month]} {self.s.day} - "

    def render(self, items: list[tuple[str, int, int]], *, shift: int = 0,
               changed: int = -1) -> list[str]:
        """Sentences for ``items`` (what, key, style): ("fact", i, style), ("quote", i,
        style), ("colour", seed, 0).

        ``shift`` 1 or 2 words every fact and quote in another structure and with another
        verb than ``style`` gives, and each colour sentence in its other variant: a rewrite.
        Item number ``changed`` (a fact) gets another figure.
        """
        out = []
        for n, (what, key, style) in enumerate(items):
            if what == "fact":
                fact = self.s.facts[key]
                figure = _changed_figure(fact) if n == changed else None
                out.append(self.fact(fact, style=style + shift, verb=style + shift,
                                     figure=figure))
            elif what == "quote":
                out.append(self.quote(self.s.quotes[key], style=style + shift))
            else:
                out.append(self.colour(key, variant=1 if shift else 0))
        return [x[:1].upper() + x[1:] for x in out]


def _changed_figure(fact: _Fact) -> str:
    swap = {"nearly": "more than", "more than": "nearly", "about": "at least",
            "almost": "over", "around": "more than"}
    qualifier = swap.get(fact.qualifier, "")
    value = fact.value if qualifier else fact.value + max(1, fact.value // 10)
    return _figure(value, qualifier)


def _items(story: _Story, rng: random.Random) -> list[tuple[str, int, int]]:
    """What an independent report says: its own choice of facts, quotes and colour."""
    facts = rng.sample(range(len(story.facts)), rng.randrange(4, len(story.facts) + 1))
    items: list[tuple[str, int, int]] = []
    for n, f in enumerate(facts):
        items.append(("fact", f, rng.randrange(21)))
        if n == 1 or rng.random() < 0.3:
            items.append(("quote", rng.randrange(len(story.quotes)), rng.randrange(3)))
        if rng.random() < 0.6:
            items.append(("colour", rng.randrange(1 << 30), 0))
    extra = rng.randrange(3, 6)
    items.extend(("colour", rng.randrange(1 << 30), 0) for _ in range(extra))
    # each kind of colour sentence at most once (the kind is the seed modulo COLOURS)
    picks = rng.sample(range(COLOURS), min(COLOURS, sum(1 for i in items if i[0] == "colour")))
    out, k = [], 0
    for what, key, style in items:
        if what == "colour":
            if k == len(picks):
                continue
            key, k = key - key % COLOURS + picks[k], k + 1
        out.append((what, key, style))
    return out


def _report(story: _Story, rng: random.Random,
            items: list[tuple[str, int, int]]) -> tuple[str, list[str]]:
    w = _Writer(story, rng)
    sentences = w.render(items)
    if rng.random() < 0.5:
        sentences[0] = w.dateline() + sentences[0]
    return w.headline(), _paragraphs(sentences, rng)


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        size = rng.choice((1, 1, 2, 2, 3))
        out.append(" ".join(sentences[i : i + size]))
        i += size
    return out


def generate(count: int, *, stories: int = 200, seed: int = 13) -> list[SyntheticArticle]:
    """``count`` articles over ``stories`` stories (mildly skewed sizes); each story opens
    with its wire report, and about a quarter of its later articles derive from that."""
    rng = random.Random(seed)
    places = [h + t for h in _PLACE_HEAD for t in _PLACE_TAIL]
    rng.shuffle(places)
    specs = [_make_story(rng, i, places[i % len(places)]) for i in range(stories)]
    weights = [1.0 / (1 + i) ** 0.5 for i in range(stories)]
    articles: list[SyntheticArticle] = []
    for number in range(count):
        story = rng.choices(specs, weights)[0]
        outlet = rng.choice(_OUTLETS)
        hours = rng.randrange(2, 60)
        relation, source, changed = "report", None, False
        if story.wire is None:
            relation, outlet, hours = "wire", rng.choice(_WIRES), rng.randrange(0, 2)
            story.wire_items = _items(story, rng)
            title, paragraphs = _report(story, rng, story.wire_items)
            story.wire = number
        elif rng.random() < 0.25:
            wire = articles[story.wire]
            relation = rng.choice(("copy", "near-copy", "partial", "rewrite", "rewrite"))
            source = story.wire
            title, paragraphs = wire.title, list(wire.paragraphs)
            if relation == "copy":
                paragraphs.append(f"This article first appeared on {wire.outlet}.")
            elif relation == "near-copy":
                drop = rng.randrange(len(paragraphs))
                paragraphs = paragraphs[:drop] + paragraphs[drop + 1 :] or paragraphs
                paragraphs.append(_Writer(story, rng).colour(rng.randrange(1 << 30)))
            elif relation == "partial":
                keep = max(2, len(paragraphs) // 2)
                own = _report(story, rng, _items(story, rng))[1]
                paragraphs = paragraphs[:keep] + own[: rng.randrange(2, 5)]
                title = _Writer(story, rng).headline()
            else:
                facts = [n for n, item in enumerate(story.wire_items) if item[0] == "fact"]
                changed = rng.random() < 0.4
                writer = _Writer(story, rng)
                title = writer.headline()
                sentences = writer.render(story.wire_items, shift=rng.randrange(1, 3),
                                          changed=rng.choice(facts) if changed else -1)
                paragraphs = _paragraphs(sentences, rng)
        else:
            title, paragraphs = _report(story, rng, _items(story, rng))
        day = story.day + hours // 24
        articles.append(SyntheticArticle(
            title=title,
            paragraphs=paragraphs,
            outlet=outlet,
            url=f"https://{outlet.lower().replace(' ', '')}.example/{story.kind}/{number}",
            published=(f"2026-{story.month + 1:02d}-{day:02d}T{hours % 24:02d}:"
                       f"{rng.randrange(60):02d}:00Z"),
            story=story.index,
            relation=relation,
            source=source,
            changed_figure=changed,
        ))
    return articles


def to_html(article: SyntheticArticle) -> str:
    body = "".join(f"<p>{p}</p>" for p in article.paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{article.title}</title>"
        f"<meta property='og:site_name' content='{article.outlet}'>"
        f"<meta property='article:published_time' content='{article.published}'>"
        f"<link rel='canonical' href='{article.url}'></head><body>"
        "<nav><a href='/'>Home</a><a href='/world'>World</a><a href='/sport'>Sport</a></nav>"
        f"<article><h1>{article.title}</h1>{body}</article>"
        "<aside><h3>Most read</h3><ul><li>Bridge reopens</li><li>Budget vote</li></ul></aside>"
        f"<footer>(c) 2026 {article.outlet}. Newsletter sign-up.</footer></body></html>"
    )


def to_text(article: SyntheticArticle) -> str:
    return article.title + "\n\n" + "\n\n".join(article.paragraphs) + "\n"
