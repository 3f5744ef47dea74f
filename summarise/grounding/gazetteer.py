"""Names the finders know before reading: states with their capitals and demonyms, and the words
that mark organisations, military bodies, places, roles and things that are never names.

News writes "Seoul said" for South Korea and "Pyongyang fired" for North Korea; without this table
a capital would count as a separate actor and the same state would be scored twice. The hand
table holds the states the press writes about, with their capitals and adjectives; every other
country comes from ISO 3166 (pycountry) under its names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry


@dataclass(frozen=True)
class State:
    name: str
    aliases: tuple[str, ...]  # capitals, short forms, metonyms: each names the state itself
    demonyms: tuple[str, ...]  # adjectives: "North Korean leader" is affiliated with the state


#: The states the press writes about most, with the capitals, metonyms and adjectives it uses for them.
PRESS_STATES: tuple[State, ...] = (
    State("North Korea", ("Pyongyang", "DPRK", "Democratic People's Republic of Korea", "the North"), ("North Korean",)),
    State("South Korea", ("Seoul", "ROK", "Republic of Korea", "the South"), ("South Korean",)),
    State("United States", ("U.S.", "US", "USA", "U.S.A.", "America", "Washington", "United States of America", "White House", "Pentagon"), ("American", "U.S.")),
    State("Japan", ("Tokyo",), ("Japanese",)),
    State("China", ("Beijing", "People's Republic of China", "PRC"), ("Chinese",)),
    State("Russia", ("Moscow", "Kremlin", "Russian Federation"), ("Russian",)),
    State("Taiwan", ("Taipei",), ("Taiwanese",)),
    State("Venezuela", ("Caracas",), ("Venezuelan",)),
    State("Ukraine", ("Kyiv", "Kiev"), ("Ukrainian",)),
    State("Iran", ("Tehran",), ("Iranian",)),
    State("Israel", ("Jerusalem",), ("Israeli",)),
    State("United Kingdom", ("UK", "U.K.", "Britain", "Great Britain", "London"), ("British",)),
    State("France", ("Paris",), ("French",)),
    State("Germany", ("Berlin",), ("German",)),
    State("India", ("New Delhi",), ("Indian",)),
    State("Pakistan", ("Islamabad",), ("Pakistani",)),
    State("Philippines", ("Manila",), ("Filipino", "Philippine")),
    State("Vietnam", ("Hanoi",), ("Vietnamese",)),
    State("Australia", ("Canberra",), ("Australian",)),
    State("Canada", ("Ottawa",), ("Canadian",)),
    State("Mongolia", ("Ulaanbaatar",), ("Mongolian",)),
    State("Syria", ("Damascus",), ("Syrian",)),
    State("Iraq", ("Baghdad",), ("Iraqi",)),
    State("Saudi Arabia", ("Riyadh",), ("Saudi",)),
    State("Turkey", ("Ankara", "Türkiye"), ("Turkish",)),
    State("Cuba", ("Havana",), ("Cuban",)),
    State("Belarus", ("Minsk",), ("Belarusian",)),
    State("Poland", ("Warsaw",), ("Polish",)),
    State("Italy", ("Rome",), ("Italian",)),
    State("Spain", ("Madrid",), ("Spanish",)),
    State("Brazil", ("Brasilia",), ("Brazilian",)),
    State("Mexico", ("Mexico City",), ("Mexican",)),
    State("Egypt", ("Cairo",), ("Egyptian",)),
    State("Yemen", ("Sanaa",), ("Yemeni",)),
    State("Lebanon", ("Beirut",), ("Lebanese",)),
    State("Afghanistan", ("Kabul",), ("Afghan",)),
    State("Thailand", ("Bangkok",), ("Thai",)),
    State("Cambodia", ("Phnom Penh",), ("Cambodian",)),
    State("Malaysia", ("Kuala Lumpur",), ("Malaysian",)),
    State("Indonesia", ("Jakarta",), ("Indonesian",)),
    State("Singapore", (), ("Singaporean",)),
    State("Myanmar", ("Naypyidaw", "Burma"), ("Burmese",)),
    State("Laos", ("Vientiane",), ("Laotian", "Lao")),
    State("Bangladesh", ("Dhaka",), ("Bangladeshi",)),
    State("Sri Lanka", ("Colombo",), ("Sri Lankan",)),
    State("Nepal", ("Kathmandu",), ("Nepali", "Nepalese")),
    State("New Zealand", ("Wellington",), ("New Zealander",)),
    State("Finland", ("Helsinki",), ("Finnish",)),
    State("Sweden", ("Stockholm",), ("Swedish",)),
    State("Norway", ("Oslo",), ("Norwegian",)),
    State("Denmark", ("Copenhagen",), ("Danish",)),
    State("Estonia", ("Tallinn",), ("Estonian",)),
    State("Latvia", ("Riga",), ("Latvian",)),
    State("Lithuania", ("Vilnius",), ("Lithuanian",)),
    State("Netherlands", ("The Hague", "Holland"), ("Dutch",)),
    State("Belgium", (), ("Belgian",)),
    State("Austria", ("Vienna",), ("Austrian",)),
    State("Switzerland", ("Bern",), ("Swiss",)),
    State("Greece", ("Athens",), ("Greek",)),
    State("Hungary", ("Budapest",), ("Hungarian",)),
    State("Romania", ("Bucharest",), ("Romanian",)),
    State("Moldova", ("Chisinau",), ("Moldovan",)),
    State("Serbia", ("Belgrade",), ("Serbian",)),
    State("Georgia", ("Tbilisi",), ("Georgian",)),
    State("Armenia", ("Yerevan",), ("Armenian",)),
    State("Azerbaijan", ("Baku",), ("Azerbaijani",)),
    State("Kazakhstan", ("Astana",), ("Kazakh",)),
    State("Qatar", ("Doha",), ("Qatari",)),
    State("United Arab Emirates", ("UAE", "Abu Dhabi"), ("Emirati",)),
    State("Oman", ("Muscat",), ("Omani",)),
    State("Jordan", ("Amman",), ("Jordanian",)),
    State("Libya", ("Tripoli",), ("Libyan",)),
    State("Sudan", ("Khartoum",), ("Sudanese",)),
    State("Ethiopia", ("Addis Ababa",), ("Ethiopian",)),
    State("Somalia", ("Mogadishu",), ("Somali",)),
    State("Kenya", ("Nairobi",), ("Kenyan",)),
    State("Nigeria", ("Abuja",), ("Nigerian",)),
    State("South Africa", ("Pretoria",), ("South African",)),
    State("Argentina", ("Buenos Aires",), ("Argentine", "Argentinian")),
    State("Chile", ("Santiago",), ("Chilean",)),
    State("Colombia", ("Bogota",), ("Colombian",)),
    State("Peru", ("Lima",), ("Peruvian",)),
    State("Paraguay", ("Asuncion",), ("Paraguayan",)),
    State("Guatemala", ("Guatemala City",), ("Guatemalan",)),
    State("Nicaragua", ("Managua",), ("Nicaraguan",)),
    State("Liberia", ("Monrovia",), ("Liberian",)),
    State("Gabon", ("Libreville",), ("Gabonese",)),
)
#: ISO 3166 names that are also everyday words or people's names in English news: never a state by themselves.
_AMBIGUOUS_COUNTRY_NAMES = frozenset({"Jersey", "Guernsey", "Antarctica", "Pitcairn"})


#: The part after an ISO name's comma that is a form of state: "Korea, Republic of".
_STATE_FORM = re.compile(r"^(?:the\s+)?(?:Republic|Democratic|Federated|Plurinational|Bolivarian|Islamic|United|State|Kingdom|Federal)\b", re.IGNORECASE)


def _iso_names(country: object, taken_words: set[str]) -> list[str]:
    """A country's ISO 3166 names as news writes them: "Iran, Islamic Republic of" gives "Iran" and
    "Islamic Republic of Iran"; "Holy See (Vatican City State)" and "Taiwan, Province of China" give
    nothing of their own; a short form that is a word of a press state's name ("Korea") is left out."""
    names: list[str] = []
    for raw in (getattr(country, "common_name", None), getattr(country, "name", None), getattr(country, "official_name", None)):
        if not raw or "(" in raw:
            continue
        if "," in raw:
            head, tail = (part.strip() for part in raw.split(",", 1))
            if not _STATE_FORM.match(tail):
                continue
            if head not in taken_words:
                names.append(head)
            raw = f"{tail} {head}"
        names.append(re.sub(r"^(?:the|The)\s+", "", raw))
    return [n for n in dict.fromkeys(names) if n not in _AMBIGUOUS_COUNTRY_NAMES]


def _iso_code(state: State) -> str | None:
    for name in (state.name, *state.aliases):
        try:
            return pycountry.countries.lookup(name).alpha_2
        except LookupError:
            continue
    return None


def _with_iso_countries(states: tuple[State, ...]) -> tuple[State, ...]:
    """The press table, each state given its other ISO names ("Viet Nam"), and then every other
    country and territory in ISO 3166 under its names: a story about Niger or Chad needs no
    hand-made entry to see the state acting (pycountry keeps the ISO list current)."""
    by_code = {code: i for i, st in enumerate(states) if (code := _iso_code(st))}
    taken = {w for st in states for n in (st.name, *st.aliases, *st.demonyms) for w in (n, *n.split())}
    extra: dict[int, list[str]] = {}
    added: list[State] = []
    for country in pycountry.countries:
        names = [n for n in _iso_names(country, taken) if n not in taken]
        index = by_code.get(country.alpha_2)
        if index is not None:
            extra.setdefault(index, []).extend(names)
        elif names:
            added.append(State(names[0], tuple(names[1:]), ()))
        taken.update(names)
    widened = tuple(
        State(st.name, tuple(dict.fromkeys([*st.aliases, *extra.get(i, [])])), st.demonyms) for i, st in enumerate(states)
    )
    return widened + tuple(added)


STATES: tuple[State, ...] = _with_iso_countries(PRESS_STATES)

#: Organisations the press names by a short form alone.
KNOWN_ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "United Nations": ("U.N.", "UN"),
    "Korean Central News Agency": ("KCNA",),
    "Yonhap": ("Yonhap News Agency",),
    "Reuters": (),
    "Associated Press": ("AP",),
    "Agence France-Presse": ("AFP",),
    "Xinhua": (),
    "Kyodo": ("Kyodo News",),
    "NHK": (),
    "NATO": ("North Atlantic Treaty Organization",),
    "European Union": ("EU", "E.U.", "the bloc", "Brussels"),
    "International Atomic Energy Agency": ("IAEA",),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "African Union": (),
    "OPEC": (),
    "World Health Organization": ("WHO",),
    "Group of Seven": ("G7",),
    "Group of 20": ("G20",),
    "Congress": ("U.S. Congress",),
    "Greenpeace": (),
    "Amnesty International": ("Amnesty",),
    "Human Rights Watch": ("HRW",),
    "Oxfam": (),
    "Doctors Without Borders": ("MSF", "Médecins Sans Frontières"),
    "International Committee of the Red Cross": ("ICRC", "Red Cross"),
    # armed groups, whose two-word names read as a person's ("Boko Haram said")
    "Al Qaeda": ("al-Qaeda", "al Qaeda", "Al-Qaeda", "al-Qaida", "Al Qaida"),
    "Boko Haram": (),
    "Taliban": (),
    "Hamas": (),
    "Hezbollah": ("Hizbollah",),
    "al-Shabaab": ("Al Shabaab", "Al-Shabaab", "al Shabaab", "al-Shabab", "Al Shabab"),
    "Islamic State": ("ISIS", "ISIL", "Daesh"),
}
#: Offices of a state that speak for it: "Japan's Defence Ministry said" is Japan speaking.
GENERIC_BODY = re.compile(
    r"^(?:(?:defen[cs]e|foreign|interior|home)\s+ministry|ministry\s+of\s+(?:defen[cs]e|foreign affairs|the interior)|"
    r"foreign office|home office|military|army|navy|air force|armed forces|"
    r"government|cabinet|white house|kremlin|pentagon)$",
    re.IGNORECASE,
)
#: News agencies: a source, an actor only when the article has it report something.
NEWS_AGENCIES = frozenset({"Reuters", "Associated Press", "AP", "Agence France-Presse", "AFP", "Yonhap", "Kyodo", "NHK", "Xinhua"})
#: News outlets the press cites by name: a source, not an actor, unless the story has one speak
#: or act (LABELLING.md). North Korea's KCNA is left out on purpose: the state speaks through it,
#: and its announcements are the state's own words.
NEWS_OUTLETS = NEWS_AGENCIES | frozenset(
    ["Yonhap News Agency", "Kyodo News", "CNN", "BBC", "Bloomberg", "Al Jazeera", "TASS", "Tass", "RIA Novosti", "RIA",
     "Interfax", "IRNA", "Tasnim", "Fars", "ISNA", "Mehr", "Anadolu", "Anadolu Agency", "DPA", "EFE", "ANSA", "PTI", "ANI",
     "Bernama", "Antara", "Sky News", "Fox News", "NBC", "NBC News", "CBS", "CBS News", "ABC", "ABC News", "MSNBC", "NPR",
     "PBS", "Axios", "Politico", "The Guardian", "Guardian", "Financial Times", "FT", "Wall Street Journal", "WSJ",
     "Newsweek", "Haaretz", "Times of Israel", "Jerusalem Post", "South China Morning Post", "SCMP", "Global Times",
     "Asahi", "Asahi Shimbun", "Yomiuri", "Yomiuri Shimbun", "Nikkei", "Mainichi", "Ukrinform", "Ukrainska Pravda",
     "Kyiv Independent", "Meduza", "RT", "Sputnik", "Voice of America", "VOA", "Radio Free Europe", "RFE/RL",
     "Radio Free Asia", "RFA", "Euronews", "Deutsche Welle", "DW", "France 24", "Le Monde", "Der Spiegel", "Al Arabiya",
     "SANA", "WAFA", "KBS", "MBC", "SBS", "Chosun Ilbo", "JoongAng Ilbo", "Dong-A Ilbo", "Hankyoreh", "Korea Herald",
     "Korea Times", "NK News", "Daily NK", "CCTV", "CGTN", "Phoenix TV", "Taipei Times", "Focus Taiwan", "Central News Agency",
     "New York Times", "Washington Post", "Los Angeles Times", "USA Today", "The Times", "The Telegraph", "The Economist",
     "Economist", "The Independent", "The Hill", "Breaking Defense", "Defense News", "Jane's", "Janes", "Nikkei Asia",
     "Press TV", "Xinhua News Agency", "National News Agency", "NNA", "Getty Images", "Getty", "EPA", "AAP", "Shutterstock"]
)
#: State media through which a government makes its own announcements: an actor, like the state.
STATE_VOICES = frozenset({"Korean Central News Agency", "KCNA"})
#: Words that make a capitalised name a news outlet's ("the Daily Star", "Kyiv Post", "Arab News").
OUTLET_WORDS = frozenset(
    ["News", "Times", "Post", "Press", "Journal", "Daily", "Herald", "Tribune", "Gazette", "Telegraph", "Television",
     "Broadcasting", "Radio", "TV", "Newspaper", "Chronicle", "Observer", "Sinmun", "Shimbun", "Ilbo", "Pravda", "Izvestia"]
)

ORGANISATION_WORDS = frozenset(
    ["Ministry", "Agency", "Institute", "Council", "Nations", "Committee", "Party", "Office", "University", "Center", "Centre", "Foundation", "Service", "Department", "Bureau", "Commission", "Association", "Organization", "Organisation", "Union", "Bank", "Corporation", "Company", "Group", "Times", "Post", "News", "Press", "Network", "Parliament", "Assembly", "Congress", "Court", "Cabinet", "Secretariat", "Administration", "Authority", "Institution", "Society", "Program", "Programme", "Project", "Initiative", "Studies", "Daily", "Journal", "Management", "Holdings", "Brothers", "Shipping", "Lines", "Airlines", "Industries", "Systems", "Technologies", "Partners", "Capital", "Energy", "Motors", "Inc", "Ltd", "Corp", "LLC", "Movement", "Operations", "Trade", "Railways", "Railway", "Media", "Television", "Broadcasting", "Chemicals", "Pharmaceuticals", "Laboratories", "Labs", "Foods", "Logistics", "Enterprises", "Electronics", "Insurance", "Forum", "Alliance", "Coalition", "Federation", "League", "Fund", "Trust", "Board", "Academy", "School", "College", "Tribunal"]
)
MILITARY_WORDS = frozenset(
    ["Command", "Forces", "Force", "Army", "Navy", "Corps", "Fleet", "Guard", "Military", "Staff", "Brigade", "Division", "Battalion", "Regiment"]
)
PLACE_WORDS = frozenset(
    ["Peninsula", "Sea", "Ocean", "Asia", "Pacific", "Strait", "Straits", "Island", "Islands", "River", "Mountain", "Mountains", "Province", "City", "Region", "Zone", "Europe", "East", "West", "Gulf", "Bay", "Coast", "Valley", "Street", "Square", "Airport", "Base", "Port", "Harbor", "Harbour", "Atlantic", "Arctic", "Africa", "America", "Americas", "Hemisphere", "Border"]
)
#: The kinds of place a name is written as: "the village of Dara Kel", "the port town of Sallow".
PLACE_KINDS = (
    r"village|town|city|hamlet|district|province|region|county|port|island|capital|municipality|"
    r"neighbou?rhood|suburb|settlement|camp|valley"
)
#: The months and weekdays: capitalised, and never part of a name ("the European Union on Tuesday").
CALENDAR_NAMES = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)
#: Capitalised words that are never (part of) a person's name.
NOT_NAME_WORDS = CALENDAR_NAMES | frozenset(
    ["The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "Our", "Their", "His", "Her", "But", "And", "Or", "If", "When", "While", "Despite", "Although", "Though", "However", "Moreover", "Meanwhile", "Furthermore", "Still", "Yet", "So", "In", "On", "At", "By", "For", "From", "With", "As", "After", "Before", "Since", "During", "Under", "Over", "Into", "Of", "To", "Why", "What", "How", "Who", "Where", "Which", "There", "Here", "Each", "Every", "All", "Any", "Some", "Many", "Most", "Such", "No", "Not", "Also", "Even", "Only", "Just", "Both", "Either", "Neither", "According", "Analysts", "Experts", "Officials", "Observers", "Critics", "Key", "Known", "Several", "Recent", "Military", "Defense", "Defence", "Foreign", "National", "International", "Global", "Regional", "Strategic", "Historical", "Implications", "Conclusion", "Overview", "Internationally", "Public", "Looking", "Together", "Unlike", "Rather", "Related", "Share", "Sign", "Subscribe", "Comments", "Thoughts", "Table", "Contents", "Post", "Posted", "Published", "Updated", "Tags", "Photo", "Image", "Reuters", "Source", "Sources", "Report", "Reports", "Read", "More", "Click", "Follow", "Sharing", "Articles", "Trump's", "Ballistic", "Missile", "Missiles", "Nuclear", "Launch", "Launches", "Test", "Tests", "Leader", "President", "Minister", "Party", "Congress", "Government", "State", "States", "Republic", "Kingdom", "Korean", "Korea", "North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest", "Supreme", "Vice", "Deputy", "Prime", "Chief", "Senior", "Former", "General", "Admiral", "Secretary", "Chairman", "Premier", "Col", "Gen", "Lt", "Maj", "Capt", "Sgt", "Adm", "Mr", "Mrs", "Ms", "Dr", "Prof", "Gov", "Sen", "Rep", "St", "Spokesman", "Spokeswoman", "Spokesperson", "Opinion", "Note", "First", "Second", "Third", "Every", "None", "Commodore", "Captain", "Detective", "Inspector", "Colonel", "Major", "Lieutenant", "Sergeant", "Attorney", "Assistant", "Senior", "Director", "Professor", "Governor", "Commander", "Ambassador", "Judge", "Justice"]
)
#: Title words that precede a person's name ("President Lee", "North Korean leader Kim Jong Un").
TITLE = (
    r"(?:(?i:vice|deputy|prime|foreign|defen[cs]e|unification|interior|finance|treasury|supreme|chief|senior|former|"
    r"top|acting|assistant|national security|state|regional|provincial|army|navy|military|police|presidential office)\s+)*"
    r"(?:(?i:president|minister|secretary|leader|chairman|premier|chancellor|general|admiral|senator|ambassador|"
    r"spokesperson|spokesman|spokeswoman|professor|commander|director|envoy|governor|mayor|detective|inspector|"
    r"superintendent|captain|commodore|colonel|major|lieutenant|sergeant|judge|justice|attorney|prosecutor|"
    r"analyst|researcher|expert|official|diplomat|lawmaker|sheriff|commissioner|chairwoman|council(?:man|woman|member|l?or)|"
    r"alderman|assembly(?:man|woman|member)|congress(?:man|woman)|supervisor|treasurer|comptroller|auditor|marshal|"
    r"magistrate|pastor|rabbi|(?:arch)?bishop|cardinal|imam|reverend|ayatollah|trooper|advis[eo]r)|"
    r"King|Queen|Pope|Prince|Princess|Crown Prince|Emperor|Sultan|Emir|Sheikh|Speaker|"
    r"Gen\.|Adm\.|Sen\.|Rep\.|Mr\.|Ms\.|Mrs\.|Dr\.|Prof\.|Lt\.|Col\.|Maj\.|Capt\.|Sgt\.|Gov\.|Cmdr\.|"
    r"Rev\.|Fr\.|Msgr\.|Del\.|Atty\.|Cpl\.|Pvt\.)"
)
#: Nouns that make an appositive a person's role ("Hong Min, an analyst at ...").
ROLE_NOUNS = (
    r"analyst|expert|professor|researcher|fellow|scholar|specialist|academic|lecturer|scientist|director|"
    r"minister|spokes(?:person|man|woman)|official|president|general|ambassador|secretary|lawmaker|senator|"
    r"premier|chancellor|leader|commander|chief|diplomat|envoy|governor|mayor|admiral|officer|chairman|"
    r"adviser|advisor|head|member|editor|correspondent|reporter|journalist|author|founder|executive|manager|"
    r"captain|pilot|soldier|veteran|engineer|doctor|nurse|lawyer|judge|resident|witness|fisherman|villager|"
    r"survivor|student|teacher|worker|farmer|owner|driver|mother|father|representative|negotiator|marshal|"
    r"attorney|prosecutor|inspector|detective|colonel|commodore|activist|monk|priest|chairwoman|commissioner|"
    r"council(?:man|woman|member|l?or)|alderman|sheriff|pastor|rabbi|imam|bishop|legislator|sergeant|lieutenant|"
    r"physician|surgeon|superintendent|treasurer|clerk|coordinator|neighbou?r|coach|administrator"
)
#: Nouns for a person that a description may end on beside the roles ("the billionaire businessman",
#: "the Ohio front-runner", "a Lund strategist"): they say who someone is in the story, not an office.
PERSON_NOUNS = (
    r"consultant|pollster|strategist|aide|surrogate|supporter|donor|rival|challenger|opponent|nominee|candidate|"
    r"economist|operative|staffer|billionaire|businessman|businesswoman|front-?runner|congressman|congresswoman|"
    r"delegate|columnist|anchor|moderator|hopeful|justice|actor|actress|mogul|tycoon|lobbyist|organi[sz]er|"
    r"fundraiser|superdelegate|historian|commentator|pundit|blogger|writer|voter|protester|campaigner|"
    r"entrepreneur|investor|banker|comedian|singer|rapper|musician|co-founder|critic|ally|insider|observer"
)
#: Words for someone's kin, by the gender they give ("his wife, Ana", "Ortiz's son Tomas").
KIN_FEMALE = r"wife|widow|mother|daughter|sister|grandmother|granddaughter|niece|aunt|girlfriend|fiancee"
KIN_MALE = r"husband|widower|father|son|brother|grandfather|grandson|nephew|uncle|boyfriend"
#: Role words, and the speaker type each implies, tried in this order.
#: The offices short titles stand for: "Rep. Ana Lund" is a representative and "Lt. Gen. Omar Pruitt" a
#: lieutenant general, not a "rep" or a "lt. gen".
OFFICE_ABBREVIATIONS = {
    "Sen": "Senator", "Rep": "Representative", "Gov": "Governor", "Gen": "General", "Lt": "Lieutenant",
    "Col": "Colonel", "Maj": "Major", "Capt": "Captain", "Sgt": "Sergeant", "Adm": "Admiral", "Cmdr": "Commander",
    "Prof": "Professor", "Amb": "Ambassador", "Atty": "Attorney", "Det": "Detective", "Supt": "Superintendent",
}
ROLE_TYPES = (
    (
        (
            r"analyst|expert|professor|researcher|fellow|scholar|think[- ]tank|specialist|academic|lecturer|"
            r"scientist|teaches|commentator|columnist|pundit|economist|pollster|historian|"
            r"research (?:coordinator|director|associate|manager)|(?:head|director) of research"
        ),
        "analyst",
    ),
    (
        (
            r"minister|spokes(?:person|man|woman)|official|president|general|ambassador|secretary|lawmaker|senator|"
            r"premier|chancellor|leader|commander|chief|diplomat|envoy|governor|mayor|admiral|officer|chairman|"
            r"director|military|ministry|government|department|captain|commodore|colonel|inspector|detective|"
            r"police|attorney|prosecutor|marshal|administrator|head of|congress(?:man|woman|member)|representative|"
            r"sheriff|commissioner|council(?:man|woman|member|lor)|councilor|legislator|assembly(?:man|woman|member)|"
            r"security advis[eo]r"
        ),
        "official",
    ),
    (
        (
            r"resident|witness|fisherman|fishermen|villager|eyewitness|survivor|passenger|bystander|who saw|"
            r"farmer|shopkeeper|student|worker|reporter|journalist|who lives|on board|neighbou?r"
        ),
        "witness",
    ),
)
#: Institutions whose people speak as analysts even when the role word is missing.
THINK_TANK_WORDS = ("Institute", "University", "Center", "Centre", "Foundation", "Studies", "Council on", "RAND", "Brookings")


def state_of(name: str) -> State | None:
    """The state a name, capital, short form or demonym stands for."""
    return _state_index().get(name.strip())


@lru_cache(maxsize=1)
def _state_index() -> dict[str, State]:
    """Every name, alias and demonym to its state; the first state to claim a word keeps it."""
    index: dict[str, State] = {}
    for state in STATES:
        for word in (state.name, *state.aliases, *state.demonyms):
            index.setdefault(word, state)
    return index


@lru_cache(maxsize=1)
def state_pattern() -> re.Pattern[str]:
    """Every state name, alias and demonym as one whole-word pattern, longest first."""
    words = {w for s in STATES for w in (s.name, *s.aliases, *s.demonyms)}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")


#: The states of the United States, from pycountry's subdivision table: written capitalised and
#: often two words long ("New Hampshire voters", "swing-leaning New Jersey"), they read like a
#: person's name to a finder that only sees the letters. Those that are also people's names
#: ("Georgia", "Virginia", "Washington") are left out: a lone one may be a person.
US_STATES = frozenset(
    s.name for s in pycountry.subdivisions.get(country_code="US") if s.type == "State"
) - {"Georgia", "Virginia", "Washington", "Carolina"}
#: First words that make a capitalised run a place: "Fort Pierce", "Mount Vernon", "San Jose", "Las Vegas".
PLACE_PREFIXES = frozenset(["Fort", "Ft.", "Mount", "Mt.", "San", "Santa", "Los", "Las", "Lake", "Cape", "New", "Port", "Palm", "Point"])
#: First words of a named storm, never a person's: "Hurricane Katrina", "Typhoon Haiyan".
STORM_WORDS = frozenset(["Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical", "Superstorm"])
#: Last words that make a capitalised run a place or a building, never a person: "Richland County",
#: "Park Avenue", "Trump Tower". Words that are surnames too ("Hill", "Hall", "Park", "Lane") are not here.
PLACE_HEADS = frozenset(
    ["County", "Avenue", "Boulevard", "Road", "Beach", "Bridge", "Rapids", "Springs", "Heights", "Falls", "Tower", "Towers",
     "Plaza", "Hotel", "Building", "Village", "Township", "Parish", "Stadium", "Arena", "Casino", "Resort", "Palace", "Canyon",
     "Creek", "Station", "Mall", "Museum", "Cathedral", "Capitol", "Ranch", "Estate", "Gardens", "Theater", "Theatre"]
)


def us_place_in(name: str) -> bool:
    """Whether a capitalised run names or holds an American state ("New Jersey",
    "Democratic-leaning New Jersey")."""
    tokens = name.split()
    return any(" ".join(tokens[i:j]) in US_STATES for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1))
