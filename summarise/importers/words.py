"""The words the attribution importer reads a Source with: pronouns, determiners, titles, and
the words that mark organisations, places and things said.

Kept apart from the rules that use them (``summarise.importers.names``, ``.sources`` and
``.attribution``) so a list can grow without touching a rule. Capitalised sets hold words as
written; the others are lower case. They are the importer's own, written for news about
politics in English, and deliberately not the extractor's (``summarise.grounding.gazetteer``):
a gold built with the extractor's vocabulary would share its blind spots.
"""

from __future__ import annotations

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me", "my"})
PRONOUNS_ANY = frozenset(
    {"they", "them", "their", "theirs", "themselves", "it", "its", "itself", "we", "us", "our", "you", "your"}
)
PRONOUNS_THING = frozenset({"it", "its", "itself"})
#: A reflexive after a name only stresses it: "Calder herself" is Calder.
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"})
RELATIVES = {"who": True, "whom": True, "whose": True, "which": False, "that": False}
RELATIVE_WORDS = frozenset(RELATIVES)
DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"})
#: The definite determiners that make a description stand for someone already named ("the
#: senator"); a possessive one makes it someone else ("his wife", "her campaign").
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
#: Capitalised words that never start or belong to a name.
NOT_NAME = frozenset(
    {
        "A", "According", "All", "Also", "An", "And", "Another", "Any", "Anyone", "As", "At", "Both", "But",
        "By", "Each", "Even", "Every", "Everyone", "Few", "Five", "For", "Former", "Four", "From", "He", "Her",
        "His", "I", "If", "In", "It", "Its", "Many", "Most", "My", "No", "Nobody", "None", "Now", "Of", "On",
        "One", "Only", "Or", "Other", "Others", "Our", "Several", "She", "So", "Some", "Somebody", "Someone",
        "Still", "Such", "That", "The", "Their", "Then", "These", "They", "This", "Those", "Three", "To", "Two",
        "We", "What", "When", "Which", "While", "Who", "Whose", "With", "Yet", "You", "Your",
    }
)
#: Lower-case words that may sit inside a name ("Ana de la Vega", "Jan van Dijk").
PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "da", "di", "du", "la", "le", "ter"}
)
#: Words before a name that say what the person is, not who: cut from the name, and a sign of a person.
TITLES = frozenset(
    {
        "Activist", "Actor", "Actress", "Adm.", "Adviser", "Advisor", "Advocate", "Ambassador", "Analyst",
        "Anchor", "Assemblyman", "Assemblywoman", "Attorney", "Author", "Bishop", "Blogger", "Businessman",
        "Businesswoman", "Candidate", "Capt.", "CEO", "Chair", "Chairman", "Chairwoman", "Chancellor", "Chief",
        "Cmdr.", "Col.", "Columnist", "Comedian", "Commentator", "Commissioner", "Comptroller", "Congressman",
        "Congresswoman", "Consultant", "Correspondent", "Councillor", "Councilman", "Councilor", "Councilwoman",
        "Delegate", "Director", "Dr", "Dr.", "Economist", "Editor", "Entrepreneur", "Executive", "Filmmaker",
        "Founder", "Fr.", "Gen.", "General", "Gov.", "Governor", "Historian", "Host", "Journalist", "Judge",
        "Justice", "Lawyer", "Leader", "Lieutenant", "Lt.", "Maj.", "Manager", "Mayor", "Minister", "Miss",
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Mx.", "Nominee", "Officer", "Organizer", "Pastor", "Pollster",
        "Premier", "Pres.", "President", "President-elect", "Producer", "Prof.", "Professor", "Pundit", "Rabbi",
        "Rep.", "Reporter", "Representative", "Reps.", "Rev.", "Reverend", "Scholar", "Secretary", "Sen.",
        "Senator", "Sens.", "Sgt.", "Sheriff", "Speaker", "Spokesman", "Spokesperson", "Spokeswoman",
        "Strategist", "Superintendent", "Treasurer", "Vice", "Writer",
    }
)
#: Days and months: "Osei Tuesday" is Osei on a Tuesday, not a two-word name.
CALENDAR = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
     "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)
#: Words before a name that place or party it ("Democrat Ruth Calder", "Maine Sen. Ruth Calder").
AFFILIATIONS = frozenset(
    {"Conservative", "Democrat", "Democratic", "GOP", "Independent", "Liberal", "Libertarian", "Republican",
     "State"}
)
#: Words that make a name an organisation's, never a person's.
ORGANISATION_WORDS = frozenset(
    {
        "Action", "Administration", "Agency", "Alliance", "America", "Army", "Assembly", "Association",
        "Authority", "Bank", "Board", "Broadcasting", "Business", "Bulletin", "Bureau", "Campaign", "Caucus", "Center",
        "Centre", "Chamber", "Channel", "Chronicle", "Church", "Club", "Coalition", "College", "Commerce",
        "Commission", "Committee", "Company", "Congress", "Corp", "Corp.", "Council", "Courier", "Court",
        "Daily", "Department", "Dispatch", "Examiner", "Express", "Federation", "Forum", "Foundation", "Fund",
        "Gazette", "Globe", "Government", "Group", "Guardian", "Herald", "House", "Inc", "Inc.", "Initiative",
        "Inquirer", "Institute", "Institution", "Journal", "League", "Ledger", "Lives", "LLC", "Magazine",
        "Mail", "Matter", "Media", "Ministry", "Monitor", "Movement", "Navy", "Network", "News", "Observer",
        "Office", "Organisation", "Organization", "PAC", "Parliament", "Party", "Police", "Politico", "Poll",
        "Polls", "Post", "Press", "Project", "Radio", "Record", "Report", "Republic", "Research", "Reuters",
        "Review", "School", "Senate", "Service", "Society", "Staff", "Studies", "Survey", "Team", "Telegraph",
        "Television", "Times", "Tribune", "Trust", "Union", "University", "USA", "Watch", "Weekly",
    }
)
#: Places: a name modifier that makes a description no less anonymous ("the Maine senator").
PLACES = frozenset(
    {
        "Alabama", "Alaska", "America", "American", "Arizona", "Arkansas", "Britain", "British", "California",
        "Canada", "Canadian", "Catholic", "China", "Chinese", "Christian", "Colorado", "Congressional",
        "Connecticut", "Conservative", "Cuba", "Cuban", "Delaware", "Democrat", "Democratic", "Eastern",
        "Europe", "European", "Evangelical", "Federal", "Florida", "France", "French", "Georgia", "German",
        "Germany", "GOP", "Hawaii", "Hispanic", "House", "Idaho", "Illinois", "Independent", "Indiana", "Iowa",
        "Iran", "Iranian", "Iraq", "Iraqi", "Israel", "Israeli", "Japan", "Japanese", "Jewish", "Kansas",
        "Kentucky", "Latino", "Liberal", "Libertarian", "Louisiana", "Maine", "Maryland", "Massachusetts",
        "Mexican", "Mexico", "Michigan", "Midwest", "Midwestern", "Minnesota", "Mississippi", "Missouri",
        "Montana", "Muslim", "National", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
        "New York", "North Carolina", "North Dakota", "Northern", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
        "Presidential", "Republican", "Rhode Island", "Russia", "Russian", "Senate", "South Carolina",
        "South Dakota", "Southern", "Syria", "Syrian", "Tennessee", "Texas", "U.K.", "U.S.", "U.S.A.", "UK",
        "United States", "US", "USA", "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Western",
        "Wisconsin", "Wyoming",
    }
)
#: Heads of descriptions that name something a speaker made, or someone who works for it: such a
#: description stands for the speaker in a quote's attribution, but is no name of it.
NOT_ALIAS_HEADS = frozenset(
    {
        "ad", "ads", "advertisement", "adviser", "advisers", "advisor", "advisors", "aide", "aides", "allies",
        "analysis", "answer", "article", "attorney", "attorneys", "audience", "bill", "book", "campaign",
        "column", "comments", "complaint", "critics", "crowd", "data", "daughter", "decision", "document",
        "documents", "editorial", "email", "emails", "family", "figures", "filing", "findings", "group",
        "husband", "interview", "law", "lawsuit", "lawyer", "lawyers", "letter", "memo", "memoir", "message",
        "note", "numbers", "office", "op-ed", "order", "page", "people", "piece", "poll", "polls", "post",
        "release", "remarks", "report", "reports", "response", "results", "ruling", "site", "son", "speech",
        "spokesman", "spokesperson", "spokeswoman", "staff", "statement", "statements", "story", "study",
        "suit", "supporters", "survey", "team", "transcript", "tweet", "tweets", "video", "website", "wife",
        "words",
    }
)
PREPOSITIONS = frozenset(
    {"about", "against", "among", "at", "by", "for", "from", "in", "into", "of", "on", "to", "with"}
)
#: Words that open an indefinite description: someone new, whose name (if any) comes after a comma.
INDEFINITE = frozenset(
    {"a", "an", "one", "some", "several", "many", "most", "another", "other", "others", "few", "two", "three",
     "four", "five", "dozens", "hundreds", "thousands", "any", "each", "every", "all", "both", "no"}
)
#: What an outlet is called beside its name: "Tide magazine" is the outlet Tide.
OUTLET_HEADS = frozenset(
    {"magazine", "newspaper", "network", "website", "blog", "tabloid", "channel", "daily", "weekly", "broadcaster"}
)
#: The verbs of a cue ("Osei said"), and the words of the Cue, not the Source, when an annotator's
#: Source holds nothing else ("said", "according to").
CUE_VERBS = frozenset({"said", "says", "told", "added", "wrote", "writes", "asked", "stated"})
CUES = CUE_VERBS | {"according", "to"}
#: Heads of descriptions of many: they stand for no one person named before them.
COLLECTIVE = frozenset(
    {"audience", "crowd", "family", "group", "media", "people", "press", "public", "staff", "team"}
)
#: Heads of descriptions of an organisation: they stand for no person named before them.
ORGANISATION_HEADS = frozenset(
    {"board", "committee", "company", "campaign", "organization", "organisation", "party", "department",
     "agency", "network", "newspaper", "daily", "paper", "magazine", "outlet", "court", "government",
     "administration", "office", "firm", "union", "council", "panel", "commission", "website", "station",
     "channel", "group", "institute", "foundation", "center", "university", "publication", "tabloid", "site",
     "weekly", "monthly", "broadcaster"}
)
