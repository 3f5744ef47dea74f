"""Event candidates: what the story reports as having happened, with when, where and who.

A news story mixes reports ("North Korea fired a missile on Sunday") with background ("North
Korea has long used its missile program..."), forecasts ("is expected to test") and comment
("Analysts see this as..."). Reports are events, and so are past happenings the story states as
fact ("had fired 22 missiles since February", "sanctions imposed in 2018"); habits, plans,
predictions and what someone else only claims happened are not.

Each happening is found by its trigger (the verb or phrase that reports it) inside one clause:
one sentence may report several ("fired missiles hours before the president arrived in Beijing
for a state visit"), and each gets its own clause as its ``what``, its own place and its own
day. Happenings outside the security vocabulary (a crash, a ruling, an arrest, an agreement
signed) are ``other`` events rather than nothing.

Several sentences often tell one happening (the launch, then its range): they become one event,
the first sentence kept and what the later ones add merged into it. A later sentence is a new
happening when it says so: another actor did it, it is "also" done, or it happened before the
story's news ("a day after", "had fired").

A body or an office-holder taking a position (a condemnation, a warning, a claim, a briefing to
the press) is a ``statement`` event, one per speaker. A side that only gives the facts of a
happening is that happening's source, not a statement; analysts, witnesses and news agencies
never make one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from summarise.grounding.actors import ActorCandidate, find_actor_candidates
from summarise.grounding.dates import find_date_phrases, resolve_date
from summarise.grounding.gazetteer import (
    KNOWN_ORGANISATIONS,
    MILITARY_WORDS,
    NEWS_AGENCIES,
    ORGANISATION_WORDS,
    PLACE_WORDS,
    state_of,
)
from summarise.grounding.quantities import find_quantities
from summarise.grounding.quotes import QuoteCandidate, find_quote_candidates
from summarise.grounding.sentences import Sentence, split_sentences
from summarise.schemas import (
    MAX_QUANTITIES,
    ActorKind,
    EventType,
    MatchStatus,
    Quantity,
    Span,
    SpeakerType,
)

#: The longest ``what``: one clause, never the whole paragraph.
WHAT_CHARS = 240

_PROJECTILE = r"(?:missiles?|rockets?|projectiles?|ICBMs?|SLBMs?|SRBMs?|IRBMs?)"
_DRONE = r"(?:drones?|shells?|artillery|bombs?)"
#: After "launched drones ... at|on", a time is not a target ("launched a missile on Friday").
_NOT_TIME = (
    r"(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|\d|about|around|approximately|least|dawn|night|"
    r"the (?:morning|night|evening|afternoon|weekend|same))\b)"
)
#: Trigger patterns per type, strongest first; a sentence may report more than one type.
_TRIGGERS: tuple[tuple[EventType, re.Pattern[str]], ...] = (
    (EventType.ATTACK, re.compile(
        rf"\b(?:struck(?! a (?:\w+ ){{0,2}}(?:note|tone|deal|chord|balance))|strikes? on|attacked|shelled|bombed|raided|rammed|sank|killing|killed|wounding|wounded|"
        rf"injuring|fired water cannons?|sideswiped|snatched|abducted|exchanged (?:artillery|fire|gunfire)|pounded|pounding|(?:continued|began|started) to pound|"
        rf"stormed|ambushed|opened fire|detonated|"
        rf"(?:strike|strikes|attack|attacks|raid|bombing) targeted|"
        rf"(?:{_DRONE}|{_PROJECTILE}) (?:hit|struck)|launched [^.;]*?(?:{_DRONE}|{_PROJECTILE})[^.;]*?\b(?:at|on|against)\b{_NOT_TIME}|"
        rf"in (?:the|an|a) (?:\w+ )?(?:air )?attack)\b", re.IGNORECASE)),
    (EventType.MISSILE_LAUNCH, re.compile(
        rf"\b(?:fired|launched|test-fired|lobbed)\b[^.;]*?\b{_PROJECTILE}|"
        rf"\b{_PROJECTILE}\b[^.;]*?\b(?:was|were)\s+(?:fired|launched)\b|\b{_PROJECTILE} launched\b|"
        rf"\btested (?:an? |the |its |two |three |several )?(?:[\w-]+ ){{0,4}}?{_PROJECTILE}\b(?! (?:engines?|motors?|launchers?|warheads?|systems?))|"
        rf"\bdetected [^.;]*?\b(?:{_PROJECTILE}|launch(?:es)?)\b", re.IGNORECASE)),
    (EventType.WEAPONS_TEST, re.compile(
        r"\b(?:tested|(?:ground|flight|nuclear|engine) test|conducted (?:a|an|its) (?:\w+ )?test|oversaw (?:a|an|the) (?:\w+ )?test|"
        r"tests? of (?:a|an|the|its|new|innovative)(?! ability)|saw tests)\b", re.IGNORECASE)),
    (EventType.MILITARY_EXERCISE, re.compile(
        r"\b(?:began|begun|held|conducted|staged|kicked off|started|wrapped up|concluded|opened|carried out)\b[^.;]*?"
        r"\b(?:drills?|exercises?|maneuvers|manoeuvres|war games|patrols)\b|"
        r"\b(?:drills?|exercises?)\b[^.;]*?\b(?:began|started|opened|ended)\b", re.IGNORECASE)),
    (EventType.SANCTION, re.compile(
        r"\b(?:sanctioned|imposed (?:\w+ ){0,3}?sanctions|slapped (?:\w+ ){0,3}?sanctions|adopted [^.;]*?sanctions|"
        r"announced (?:the |its |a |new |additional |further |fresh |package of |\w+ ){0,3}?(?:sanctions|measures|penalties)|"
        r"sanctions (?:\w+ ){0,2}?(?:imposed|adopted|passed) (?:in (?:19|20)\d\d|last (?:week|month|year))|blacklisted|designated)\b", re.IGNORECASE)),
    (EventType.MEETING, re.compile(
        r"\b(?:met|held talks|held (?:a|an|their|its) (?:[\w-]+ ){0,2}(?:meeting|meetings|summit|call|talks)|"
        r"convened (?:[\w-]+ ){0,3}(?:meeting|meetings|session)|talks with [^.;]*? (?:on|in) \w+day)\b", re.IGNORECASE)),
    (EventType.VISIT, re.compile(
        r"\b(?:visited|visits|toured|tours|arrived in|flew (?:in)?to|inspected|inspects|"
        r"(?:began|begin|embarked on|paid|made|started) (?:a|an|his|her|their|its) [^.;]{0,40}?visit|"
        r"returned from (?:a|an|his|her|their) (?:\w+ )?(?:trip|visit|tour)|departed for (?:a|an) [^.;]{0,40}?visit)\b", re.IGNORECASE)),
    (EventType.OTHER, re.compile(
        r"\b(?:crashed|collided|capsized|derailed|exploded|collapsed|caught fire|burst into flames|ran aground|"
        r"(?:was|were|been) (?:arrested|detained|indicted|convicted|acquitted|jailed|extradited|deported|freed|rescued|"
        r"evacuated|displaced|found dead|elected|sworn in|ousted|sacked|damaged|shot down|seized|captured|"
        r"moved to (?:temporary |emergency )?(?:shelters?|safety|hospitals?|camps?))|"
        r"arrested|detained|indicted|convicted|sentenced (?:\w+ ){0,3}?to|acquitted|jailed|extradited|deported|"
        r"unsealed (?:an? |the )?(?:\w+ )?(?:indictment|charges)|charged (?:\w+ ){1,4}?with|"
        r"ruled (?:that|in favou?r|against)|(?:court|judge|tribunal|judges) (?:\w+ ){0,3}?(?:ruled|ordered|rejected|upheld|overturned|struck down)|"
        r"found (?:\w+ ){1,2}guilty|resigned|stepped down|"
        r"(?:won|lost) (?:\w+ ){0,3}?(?:election|vote|polls?|seats?|presidency|majority|referendum|runoff)|conceded defeat|took office|"
        r"rescued|evacuated|fled (?:their|the|to)|died|"
        r"signed (?:\w+ ){0,4}?(?:agreements?|deals?|treaty|accord|memorandum|pact|contracts?|declaration)|"
        r"agreed (?:to|on) (?:a |an |the )?(?:\w+ ){0,2}?(?:ceasefire|truce|deal|agreement|accord|settlement|swap)|"
        r"reached (?:a |an )?(?:\w+ ){0,2}?(?:agreement|deal|accord|settlement|ceasefire|truce)|(?:newly|recently) agreed (?:ceasefire|truce|deal)|"
        r"ratified|approved (?:a |an |the )?(?:\w+ ){0,3}?(?:bill|law|resolution|budget|sale)|passed (?:a |an |the )?(?:\w+ ){0,3}?(?:bill|law|resolution)|"
        r"vetoed|seized|captured|boarded|shot down|downed|hijacked|"
        r"released (?:\w+ ){0,3}?(?:hostages|prisoners|detainees|captives)|freed (?:\w+ ){0,3}?(?:hostages|prisoners|detainees|captives)|"
        r"closed (?:\w+ ){0,4}?(?:airports?|borders?|crossings?|airspace|embassy|consulate|ports?|checkpoints?)|"
        r"suspended (?:\w+ ){0,4}?(?:flights|exports?|imports|shipments|deliveries)|"
        r"delivered (?:\w+ ){0,5}?(?:cargo(?:es)?|shipments?|aid|fuel|oil|gasoline|supplies)|"
        r"declared (?:a |an )?(?:state of emergency|martial law)|imposed (?:a |an )?(?:curfew|martial law|state of emergency)|"
        r"offered (?:a )?reward|"
        r"(?:war|fighting|clashes|protests?|riots?|violence|unrest) (?:\w+ ){0,3}?(?:broke out|erupted)|"
        r"(?:ceasefire|truce) (?:\w+ ){0,3}?(?:took effect|went into effect|came into force|collapsed)|(?:ceasefire|truce),? which ended)\b",
        re.IGNORECASE)),
)
#: Types a sentence may report beside its main one ("fired missiles hours before ... began a state visit").
_SECOND_TYPES = {EventType.VISIT, EventType.ATTACK, EventType.MEETING, EventType.MISSILE_LAUNCH, EventType.OTHER}
#: Types whose reports are one happening whoever tells it (a launch told by several sources).
_ANONYMOUS_TYPES = {EventType.MISSILE_LAUNCH, EventType.WEAPONS_TEST, EventType.MILITARY_EXERCISE, EventType.ATTACK}
#: Words that mark background, habit, opinion or forecast rather than a happening.
_BACKGROUND = re.compile(
    r"\b(?:has long|have long|has repeatedly|have repeatedly|has often|routinely|typically|usually|historically|"
    r"in past years|in recent years|for decades|tends? to|every year|has consistently|have consistently|"
    r"is likely to|are likely to|is expected to|are expected to|is scheduled to|are scheduled to|inevitable|imminent)\b|"
    r"\b(?:has|have) (?:\w+ )?(?:tested|launched|fired|conducted|held|staged|visited|stepped up|ramped up|intensified|increased|expanded)\b|several times|"
    r"^(?:analysts|experts|observers|critics|officials|some analysts|many|if)\b",
    re.IGNORECASE,
)
#: A trigger after these reports what may, will or should happen, not what did.
_MODAL = re.compile(
    r"\b(?:will|would|could|may|might|should|must|plans? to|(?<!continued )(?<!began )(?<!started )(?<!went on )to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|no|n['’]t|neither|nor|yet to|failed to|refused to|declined to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: Someone else's claim: what follows is theirs to assert ("insists it launched a satellite").
_CLAIM = re.compile(
    r"\b(?:claim(?:s|ed)?|alleg(?:e|es|ed)|insist(?:s|ed)?|maintain(?:s|ed)?|den(?:y|ies|ied)|declared|accus(?:e|es|ed) \S+(?: \S+)? of|suggested)\b",
    re.IGNORECASE,
)
#: "since the ceasefire took effect": a point in time, not a report.
_SINCE = re.compile(r"\bsince\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
#: Before the story's news: "had fired", "have been killed" (a tally), "a day after Israel killed".
_PERFECT_BEFORE = re.compile(r"\b(?:had|had been)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)(?: been)?\s+(?:\w+\s+)?$", re.IGNORECASE)
_TALLY = re.compile(r"\b(?:since|so far|to date|this year|in total|altogether)\b", re.IGNORECASE)
#: "said it had carried out": the tense of reported speech, not an earlier happening.
_REPORTED_PAST = re.compile(r"\b(?:said|says|told|reported|announced|confirmed|stated|according to)\b", re.IGNORECASE)
_AFTER = re.compile(
    r"\b(?:minutes?|hours?|days?|weeks?|months?|years?)\s+after\b|\b(?:came|comes|come)\s+(?:\w+\s+){0,3}?after\b", re.IGNORECASE
)
_EARLIER_WORDS = re.compile(
    r"\b(?:(?:a|one|two|three|several|\d+) (?:days?|weeks?|months?|years?) (?:earlier|ago)|earlier this (?:week|month|year)|"
    r"last (?:week|month|year)|the (?:previous|prior) (?:day|week|month|year)|previously)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"\b(?:in|January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b"
)
#: A disaster or an accident that kills is not an attack.
_MISHAP = re.compile(
    r"\b(?:crash(?:ed|es)?|accident|collision|collided|earthquake|quake|flood(?:s|ing)?|storm|typhoon|cyclone|hurricane|"
    r"tornado|tsunami|wildfire|landslide|stampede|blaze|derail(?:ed|ment)|capsized|avalanche)\b",
    re.IGNORECASE,
)
_CASUALTY_VERBS = re.compile(r"^(?:killing|killed|wounding|wounded|injuring|struck|hit)$", re.IGNORECASE)
_WEAPON = re.compile(r"\b(?:missiles?|rockets?|engines?|weapons?|warheads?|bombs?|nuclear|ICBMs?|satellites?|hypersonic|launchers?)\b", re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:detected|tracked|flew|was hit|were hit|was listing|crossed|delayed)\b")
#: A later sentence about the same happening: its figures belong to that event.
_ANAPHORA = re.compile(r"\b(?:the|these|those) (?:missiles?|launch(?:es)?|tests?|projectiles?|drones?|attack|strike|engine|exercise|drills?)\b", re.IGNORECASE)
_SOURCE = re.compile(r"\b(?:said|says|told|reported|confirmed|according to|announced)\b")
_RELATIVE = re.compile(r"\b(?:who|whom|which|that)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_WHEN = re.compile(r"\b(?:when|whenever|until|till|once|if|unless|whether)\s+(?:\S+\s+){0,4}$|^\s*(?:Had|Were|Should)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
_FIGURATIVE = re.compile(
    r"(?:seized (?:up)?on|captured (?:the |their |his |her )?(?:allegiance|attention|imagination|hearts?|mood|nomination|spotlight)|caught fire with)\b",
    re.IGNORECASE,
)
#: Past participles that also stand as adjectives after a noun: a report needs an auxiliary or an object.
_BARE_PARTICIPLE = re.compile(
    r"arrested|detained|indicted|convicted|acquitted|jailed|extradited|deported|seized|captured|boarded|downed|hijacked|rescued|evacuated|ratified|vetoed"
)
_AUXILIARY = re.compile(r"\b(?:was|were|been|be|being|had|has|have)\s+(?:\w+\s+)?$", re.IGNORECASE)
_OBJECT = re.compile(
    r"\s+(?:the|a|an|his|her|its|their|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|more|at least|"
    r"about|some|several|[A-Z\d])", 
)
_COUNTED = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|(?!(?:days|weeks|months|years|hours|minutes)\b)\w+s)"
    r"\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
#: Triggers whose nearest actor is not the doer: the detector of a launch, the victims of a toll.
_NO_AGENT = re.compile(r"(?:detected|killing|wounding|injuring)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being)\s+(?:\w+\s+)?$", re.IGNORECASE)
_CONTINUED = re.compile(r"\b(?:second|third|fourth|fifth|another|final|last) day of\b", re.IGNORECASE)
_HARM = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring|dead|damaged|destroyed|casualties)\b", re.IGNORECASE)
_FATE = re.compile(r"(?:crashed|exploded|collapsed|caught fire|burst into flames|was shot down|were shot down)$", re.IGNORECASE)
_FORECAST = re.compile(r"\b(?:possib\w+|likely|expected|prepar\w+|ready)\b", re.IGNORECASE)
_ALSO = re.compile(r"\balso\s+(?:\w+\s+)?$", re.IGNORECASE)
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_MONTHS = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)
_CALENDAR_WORDS = _WEEKDAYS | _MONTHS
_PLACE_AFTER = {
    EventType.MISSILE_LAUNCH: r"into|off|over|from near|from|toward|towards|near|in",
    EventType.WEAPONS_TEST: r"at|in|near|from|over",
    EventType.MILITARY_EXERCISE: r"around|near|in|off|at|along",
    EventType.ATTACK: r"near|in|on|at|along|off|inside",
    EventType.VISIT: r"to|in|into|at",
    EventType.MEETING: r"in|at",
    EventType.OTHER: r"in|near|off|at|to|on",
}
#: "east of Taiwan": a bearing from a place names the place.
_BEARING = (
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|"
    r"(?:town|city|village|port|province|region|district|island|capital)\s+of"
)
_INSTITUTION_WORDS = ORGANISATION_WORDS - PLACE_WORDS
_PROPER_PLACE = r"(?:[a-z]+\s+)?(?:[A-Z][\w'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,3}"
_SEA_PLACE = r"(?:waters?|sea|coast|ocean)\b(?:[^,.;]{0,50}?)(?=,|\.|;|\s+(?:on|at|around|before|after|from|and then|during|in the)\b|$)"

# ---- clauses ----------------------------------------------------------------------------------

#: Where one clause of a sentence ends and the next begins: the ``what`` of a happening is the
#: clause that holds its trigger.
_CLAUSE_BREAK = re.compile(
    r";\s|\s[—–]\s|\s--\s|"
    r",\s+(?=(?:according to|which|who|whose|where|while|whereas|but|and then|killing|leaving|wounding|injuring|"
    r"saying|adding|citing|in what|in the latest|in a move|as part of|the (?:first|second|third|latest|largest|biggest)|"
    r"following|amid|despite|ahead of|prompting|triggering|"
    r"just|only|hours|days|weeks|a day|a week)\b)|"
    r"\s+(?=(?:(?:just|only|some|about|nearly|barely|shortly)\s+)?(?:(?:a|one|two|three|four|five|several|\d+)\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|months?)\s+(?:before|after)\b)|"
    r"\s+(?=(?:before|after|but|if|while|whereas|as)\s+(?!(?:the|a|an)\s+(?:\w+\s+)?(?:of|in)\b))|"
    r",\s+and\s+(?=[A-Z]|the\s|its\s|his\s|her\s|their\s)|"
    r",\s+(?=(?:[A-Z][\w’'-]*\s+){1,6}(?:said|says|told|reported|added)\b)",
    re.IGNORECASE,
)
#: The news a background happening is placed against: "Before Monday's launch", "a day after ...".
_REFERENCE_POINT = re.compile(r"\b(?:before|after|since|prior to)\s+(?:the\s+)?[\w’'-]+[’']s\s+[^,]{0,40}", re.IGNORECASE)
#: "N days after": what stands on either side happened on different days.
_OTHER_DAY_LINK = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+(?:before|after|earlier|later)\b", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:(?:However|But|And|Meanwhile|Separately|Still|Yet|Also|Instead|Rather)\b,?\s*)+")
_TRAILING = re.compile(r"[\s,;:—–-]+$")
#: What ties a clause to the one before it is not part of what happened.
_CONNECTOR = re.compile(
    r"^(?:(?:(?:just|only|some|about|nearly|barely|shortly)\s+)?(?:(?:a|one|two|three|four|five|several|\d+)\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|months?)\s+(?:before|after)\s+|(?:before|after|but|if|while|whereas|as|and|that|which|who)\s+|"
    r"In what (?:has been|was|is) (?:described|called|seen) as [^,]{0,120},\s*)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|''(?:(?!'').)*''|(?<![\w’'])‘[^’]*’(?![\w])")
#: A quoted name after an article ('carried out a "precision strike drill"') is part of the report.
_NAMED = re.compile(r"\b(?:a|an|the|its|their|his|her|our)\s+$", re.IGNORECASE)
_OPEN_QUOTES = ('"', "“", "‘")

# ---- statements -------------------------------------------------------------------------------

_STRONG_VERB = (
    r"condemn(?:ed|s)|denounc(?:ed|es)|protest(?:ed|s)|lodged|summon(?:ed|s)|reject(?:ed|s)|den(?:ied|ies)|"
    r"accus(?:ed|es)|urg(?:ed|es)|called on|called for|vow(?:ed|s)|pledg(?:ed|es)|demand(?:ed|s)|warn(?:ed|s)|"
    r"threaten(?:ed|s)|declar(?:ed|es)|insist(?:ed|s)|claim(?:ed|s)|alleg(?:ed|es)|criticis(?:ed|es)|criticiz(?:ed|es)|"
    r"slammed|blamed|welcomed|expressed|announced|issued|stressed|emphasi[sz]ed"
)
_WEAK_VERB = r"reiterated|said|says|told|stated|confirmed|posted|wrote|added|suggested|responded|replied|acknowledged"
_SPEECH = re.compile(rf"(?<![\w-])(?P<verb>{_STRONG_VERB}|{_WEAK_VERB})\b")
_STRONG = re.compile(rf"^(?:{_STRONG_VERB})$")
#: "said it would ask ASEAN to send observers": an announced course of action is a position.
_INTENT = re.compile(r"\b(?:said|says|announced)\s+(?:on \w+\s+)?(?:that\s+)?(?:it|they|we|its (?:forces|government|military))\s+would\b")
#: "confirmed detection of the launches and expressed serious concern": the position is in the second verb.
_STRONG_PAST = re.compile(r"\band (?:also )?(?:condemned|denounced|protested|lodged|summoned|rejected|denied|accused|urged|called on|vowed|pledged|demanded|warned|threatened|expressed)\b")
_INTRO = re.compile(
    r"^(?:(?:(?:On|In|At|Separately|Meanwhile|Later|Earlier|Also|Internationally|However|But|Still|For (?:its|his|her|their) part|"
    r"In response)\b[^,]{0,40},\s*)|(?:However|But|And|Meanwhile|Separately)\s+)?"
)
#: Words that make a position formal or public: a statement, a post, a briefing to the press.
_FORMAL = re.compile(
    r"\b(?:in (?:a|an|its|his|her) (?:\w+ ){0,2}(?:statement|post|speech|address|commentary|advisory|message|letter|interview|briefing|tweet)|"
    r"on (?:Twitter|X|Facebook|Telegram|social media|state television|state TV)|posted|"
    r"told (?:reporters|journalists|a news conference|a press conference|(?:a|the) (?:\w+ )?briefing|Congress|parliament|lawmakers|"
    r"the (?:\w+ )?(?:Assembly|Council|Senate|committee|parliament))|"
    r"(?:news|press) conference|stated|declared|said (?:on|late on|early on) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)
#: A speaker who holds an office or speaks for a body.
_OFFICE = re.compile(
    r"\b(?:minist(?:er|ry|ries)|spokes(?:person|man|woman)|officials?|president|presidency|premier|chancellor|secretary|"
    r"ambassador|envoy|diplomats?|governor|mayor|commander|chief|general|admiral|military|army|navy|air force|forces|"
    r"command|government|cabinet|department|office|agency|embassy|council|parliament|congress|senate|police|"
    r"prosecutors?|court|authorities|administration|kremlin|pentagon|white house|coast guard|guard|leader|king|queen|"
    r"prime|foreign|defen[cs]e|state media|news agency)\b",
    re.IGNORECASE,
)
#: Voices that never make a statement event: they comment on the news or report it.
_PRIVATE = re.compile(
    r"\b(?:analysts?|experts?|researchers?|professors?|scholars?|fellows?|academics?|watchers?|journalists?|reporters?|"
    r"correspondents?|editors?|residents?|witness(?:es)?|villagers?|survivors?|sources?|observers?|critics?|"
    r"commentators?|pollsters?|strategists?|consultants?|think[- ]tanks?|former|retired|anonymity|university|institute|foundation|studies|newspaper|broadcaster|"
    r"(?-i:Times|Post|Journal|CNN|BBC))\b",
    re.IGNORECASE,
)
#: An unnamed official is a statement's speaker only before a public forum or on behalf of a body.
_ANONYMOUS = re.compile(r"^(?:(?:one|a|an|another|two|three|several|some|the)\s+)(?:\w+\s+){0,3}?(?:official|officials|diplomat|diplomats|source|sources|officer|aide|insider|person)\b", re.IGNORECASE)
_FORUM = re.compile(r"\btold (?:Congress|parliament|lawmakers|a (?:\w+ )?(?:committee|hearing)|the (?:\w+ )?(?:Council|Assembly|Senate|committee))\b")
_ON_BEHALF = re.compile(r"\b(?:at|of|from|with|for)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,4}?(?:[A-Z][\w’'.-]*)")
#: "has said", "had warned": a standing position or an earlier one, not this story's statement.
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SUBJECT_NEGATED = re.compile(r"\b(?:not|never|n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: A side giving the toll or the damage of a happening is its source, not a speaker of a position.
_FACTS = re.compile(
    r"\b(?:casualties|dead|killed|deaths|death toll|toll|detection|(?:was|were|been|being) (?:\w+ )?(?:hit|hurt|injured|wounded|destroyed|damaged|evacuated))\b",
    re.IGNORECASE,
)
_NOT_A_SPEAKER = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|these|those)\b|\b(?:that|which|who|whose)\b", re.IGNORECASE)
_PLURAL_HEAD = re.compile(
    r"\b(?:officials|people|diplomats|sources|prosecutors|authorities|leaders|officers|Republicans|Democrats|lawmakers|legislators|"
    r"senators|members|activists|protesters|delegates|voters)\s*$",
    re.IGNORECASE,
)
_GENERIC_OFFICES = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "ministry", "embassy", "government", "military", "office", "department",
     "a spokesperson", "a spokesman", "a spokeswoman", "ministry spokesman", "ministry spokesperson", "ministry spokeswoman"}
)
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|later|separately|again|then|further|formally|publicly|quickly|immediately|strongly|firmly|earlier|swiftly|"
    r"subsequently|jointly|(?:late |early )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))+\s*$"
)
_HEAD = re.compile(
    r"minist(?:er|ry|ries)|spokes(?:person|man|woman)|officials?|president|premier|chancellor|secretary|ambassador|envoy|"
    r"governor|mayor|commander|chief|general|admiral|military|army|navy|forces|command|government|cabinet|department|"
    r"office|agency|embassy|council|parliament|police|court|authorities|administration|guard|leader|king|queen|diplomat"
)
_PARENTHETICAL = re.compile(r",\s[^,]{1,80},|\([^)]{0,80}\)")
_SPEECH_NOUN = re.compile(
    r"\b(?:a|an|the|its)\s+(?:\w+\s+){0,2}?(?:statement|communiqu[eé]|announcement|condemnation|protest|warning)\s+"
    r"(?:from|by|issued by)\s+(?P<speaker>(?:the\s+)?[^,;.“”\"]{2,60}?)(?=\s+(?:on|in|that|which|saying)\b|[,;.]|$)"
)
_SPEECH_ACT = re.compile(
    r"(?P<speaker>[^,;“”\"]{2,80}?)\s+(?:used|gave|delivered|made)\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:speech|address|statement)\b"
)
_TAIL_VERB_FIRST = re.compile(
    rf"[,”\"’]\s*(?:{_WEAK_VERB}|{_STRONG_VERB})\s+(?P<speaker>[^,;“”\"]{{2,80}}?)(?:,\s*(?P<apposition>[^;“”\"]{{2,120}}?))?\s*[.!?]?\s*$"
)
_TAIL_SPEAKER_FIRST = re.compile(
    rf"[,”\"’]\s+(?P<speaker>[^,;“”\"]{{2,80}}?)\s+(?P<verb>{_WEAK_VERB}|{_STRONG_VERB})\b(?P<rest>[^“”\"]*)$"
)


@dataclass
class EventCandidate:
    """A sentence that reports a happening, with what can be read off it."""

    sentence: str
    span: Span
    type: EventType
    date_text: str | None = None
    date: dt.date | None = None
    place: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    paragraph: int = 0
    last_paragraph: int = 0  # the last paragraph that told of this happening
    what: str = ""  # the clause that reports it, in the article's words
    speaker: str | None = None  # for a statement: who took the position
    earlier: bool = False  # told as having happened before the story's news
    agent: str | None = None  # the actor named nearest before the trigger: who did it
    participants: list[str] = field(default_factory=list)  # who took part (not who reported it)
    first_told: int = -1  # where the story first tells of it (a merge may move ``span`` later)
    trigger: str = ""


@dataclass
class _Hit:
    """One trigger in one sentence."""

    type: EventType
    start: int
    end: int
    earlier: bool = False
    also: bool = False


def _mask_quotes(text: str) -> str:
    """The text with quoted words blanked (same length): what a speaker says is not reported as fact."""
    def blank(m: re.Match[str]) -> str:
        if _NAMED.search(text[: m.start()]):
            return m.group(0)
        return m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1]

    return _QUOTED.sub(blank, text)


def _is_earlier(text: str, start: int, clause: tuple[int, int], article_date: dt.date | None) -> bool:
    """Told as having happened before the story's news: "had fired", "a day after Israel killed",
    "last year", "in 2018"."""
    before = text[:start]
    if _PERFECT_BEFORE.search(before) and not _REPORTED_PAST.search(before):
        return True
    if _PRESENT_PERFECT.search(before) and _TALLY.search(text[clause[0] : clause[1]]):
        return True  # "173 people have been killed since the ceasefire": a tally of past strikes
    since_comma = before[before.rfind(",") + 1 :]
    if _AFTER.search(since_comma):
        return True
    # the clause up to the trigger and the trigger's own phrase, less any "since ..." ("its first since 2017")
    after = text[start : clause[1]]
    words = text[clause[0] : start] + after[: after.find(",")] if "," in after else text[clause[0] : clause[1]]
    words = re.sub(r"\bsince\s+(?:\S+\s+){0,3}\S+", " ", words)
    if _EARLIER_WORDS.search(words):
        return True
    years = [int(m.group(1)) for m in _YEAR.finditer(words)]
    return any(article_date is None or y < article_date.year for y in years)


def _hits(sentence: str, article_date: dt.date | None = None) -> list[_Hit]:
    """Every happening a sentence reports, strongest type first, one hit per type."""
    if sentence.lstrip()[:1] in _OPEN_QUOTES or _BACKGROUND.search(sentence):
        return []
    text = _mask_quotes(sentence)
    starts = _clause_starts(text)
    found: dict[EventType, list[tuple[int, int]]] = {}
    for kind, pattern in _TRIGGERS:
        hits = []
        for m in pattern.finditer(text):
            prefix = text[: m.start()]
            if _MODAL.search(prefix) or _NEGATED.search(prefix) or _SINCE.search(prefix):
                continue
            if _CLAIM.search(prefix[prefix.rfind(";") + 1 :]):
                continue  # inside someone's claim: the claim is the statement, not this
            if kind == EventType.OTHER and not _other_reported(text, m):
                continue
            hits.append(m.span())
        if kind == EventType.WEAPONS_TEST and not _WEAPON.search(text):
            hits = []
        if kind == EventType.WEAPONS_TEST and _FORECAST.search(text):
            hits = [h for h in hits if re.match(r"(?:tested|conducted|oversaw|saw)\b", text[h[0] : h[1]], re.IGNORECASE)]
        if hits:
            found[kind] = hits
    if EventType.ATTACK in found and EventType.MISSILE_LAUNCH in found and any(
        a < d and c < b for a, b in found[EventType.ATTACK] for c, d in found[EventType.MISSILE_LAUNCH]
    ):
        del found[EventType.MISSILE_LAUNCH]  # missiles fired at a target are an attack
    if (
        EventType.ATTACK in found
        and EventType.MISSILE_LAUNCH in found
        and all(re.search(r"(?:hit|struck)$", text[a:b]) for a, b in found[EventType.ATTACK])
        and not _HARM.search(text)
    ):
        del found[EventType.ATTACK]  # "fired missiles that struck a target island": the launch's own impact
    if EventType.MISSILE_LAUNCH in found and EventType.WEAPONS_TEST in found:
        del found[EventType.WEAPONS_TEST]  # a test launch is a launch
    if EventType.ATTACK in found and _MISHAP.search(text) and all(
        _CASUALTY_VERBS.match(text[a:b]) for a, b in found[EventType.ATTACK]
    ):
        found[EventType.OTHER] = sorted(found.get(EventType.OTHER, []) + found.pop(EventType.ATTACK))  # a crash that kills
    if EventType.OTHER in found:
        # a rocket that "broke up and crashed" is the launch's fate, not a new happening
        kept = [
            (a, b) for a, b in found[EventType.OTHER]
            if not (_FATE.match(text[a:b]) and re.search(_PROJECTILE, text[:b], re.IGNORECASE))
        ]
        if kept:
            found[EventType.OTHER] = kept
        else:
            del found[EventType.OTHER]
    if EventType.OTHER in found and EventType.ATTACK in found:
        del found[EventType.OTHER]  # what was shot down, evacuated or closed in an attack is part of it
    if EventType.OTHER in found and (EventType.VISIT in found or EventType.MEETING in found) and all(
        re.match(r"(?:signed|agreed|reached)\b", text[a:b], re.IGNORECASE) for a, b in found[EventType.OTHER]
    ):
        del found[EventType.OTHER]  # an agreement signed at talks is what the talks produced
    if EventType.OTHER in found and len(found) > 1:
        # a seizure or a death told in the clause of an attack is part of the attack
        taken = {_clause_of(a, starts) for kind, spans in found.items() if kind != EventType.OTHER for a, _ in spans}
        others = [(a, b) for a, b in found[EventType.OTHER] if _clause_of(a, starts) not in taken]
        if others:
            found[EventType.OTHER] = others
        else:
            del found[EventType.OTHER]
    order = [kind for kind, _ in _TRIGGERS]
    result: list[_Hit] = []
    for kind in sorted(found, key=order.index):
        start, end = found[kind][0]
        clause = (_clause_of(start, starts), min((c for c in starts if c > start), default=len(text)))
        result.append(
            _Hit(
                type=kind,
                start=start,
                end=end,
                earlier=not text[start:end].lower().startswith("detected") and _is_earlier(text, start, clause, article_date),
                also=bool(_ALSO.search(text[:start])),
            )
        )
    return result


def _other_reported(text: str, m: re.Match[str]) -> bool:
    """An ``other`` trigger that reports a happening, not a description ("felons convicted of
    fraud", "who was elected in 2010", "when he took office") or a figure of speech."""
    prefix, word = text[: m.start()], m.group(0).lower()
    if prefix.endswith("-") or _RELATIVE.search(prefix) or _WHEN.search(prefix) or _FIGURATIVE.match(text, m.start()):
        return False
    if _BARE_PARTICIPLE.fullmatch(word.split()[0]) and not _AUXILIARY.search(prefix):
        return bool(_OBJECT.match(text, m.end()))  # "Iran detained 10 sailors", not "immigrants deported because"
    if word == "died":
        return bool(_COUNTED.search(prefix))
    return True


def _types(sentence: str) -> list[EventType]:
    """Every kind of happening a sentence reports, strongest first."""
    return [h.type for h in _hits(sentence)]


def event_type(sentence: str) -> EventType | None:
    """The main kind of happening a sentence reports, or None when it reports none."""
    found = _types(sentence)
    return found[0] if found else None


def _clause_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]


def _clause_of(at: int, starts: list[int]) -> int:
    return max((c for c in starts if c <= at), default=0)


def _clause_bounds(text: str, hit: _Hit, hits: list[_Hit], first: bool) -> tuple[int, int]:
    """The clause that holds a trigger: from the sentence start for the main happening (its
    subject stands there), from the break before it for a later one; to the next break. Two
    happenings told in one sentence never share a clause."""
    breaks = list(_CLAUSE_BREAK.finditer(text))
    earlier_hits = [other for other in hits if other is not hit and other.end <= hit.start]
    start = 0
    if not first or earlier_hits:
        start = max((m.end() for m in breaks if m.end() <= hit.start), default=0)
    for other in earlier_hits:
        if start < other.end:  # no break between them: the comma after the earlier one's clause
            comma = text.find(",", other.end, hit.start)
            start = comma + 1 if comma >= 0 else other.end
    end = min((m.start() for m in breaks if m.start() >= hit.end), default=len(text))
    for other in hits:
        if other is not hit and hit.end <= other.start < end:
            # the next happening's clause begins at the break before it, else at the comma before it
            cut = max((m.start() for m in breaks if hit.end <= m.start() <= other.start), default=None)
            if cut is None:
                cut = text.rfind(",", hit.end, other.start)
            end = min(end, cut if cut is not None and cut > 0 else other.start)
    return start, end


def _what(sentence: str, start: int, end: int) -> str:
    """One clause in the article's words: no lead-in, no trailing punctuation, at most WHAT_CHARS."""
    clause = sentence[start:end].strip()
    clause = _LEAD_IN.sub("", clause)
    clause = _CONNECTOR.sub("", clause)
    clause = clause[:1].upper() + clause[1:]
    clause = _TRAILING.sub("", clause)
    if len(clause) > WHAT_CHARS:
        cut = clause.rfind(" ", 0, WHAT_CHARS)
        clause = _TRAILING.sub("", clause[: cut if cut > 0 else WHAT_CHARS])
    return clause or sentence[:WHAT_CHARS]


_REPORTED_ON = re.compile(r"\b(?:said|reported|announced|told \w+)\s+(?:on\s+)?$")


def _when(text: str, article_date: dt.date | None, kind: EventType, offset: int = 0, whole: str | None = None) -> tuple[str | None, dt.date | None]:
    """When it happened; for a reported happening, not the day it was reported ("said on Friday")."""
    context = whole if whole is not None else text
    phrases = find_date_phrases(text)
    if kind != EventType.STATEMENT:
        phrases = [p for p in phrases if not _REPORTED_ON.search(context[: offset + p[1]])]
    for words, _, _ in phrases:
        day = resolve_date(words, article_date)
        if day is not None:
            return words, day
    return (phrases[0][0], None) if phrases else (None, None)


def _place(text: str, kind: EventType, people: set[str]) -> str | None:
    """Where it happened: a named place after a preposition that suits the event's kind."""
    preps = _PLACE_AFTER.get(kind)
    if preps is None:
        return None
    for m in re.finditer(rf"\b(?:{preps}|{_BEARING})\s+(?:the\s+)?(?P<place>{_PROPER_PLACE}|{_SEA_PLACE})", text):
        place = m.group("place").strip()
        words = place.split()
        proper = [w for w in words if w[:1].isupper()]
        if not proper and not re.match(r"(?:waters?|sea|coast|ocean)\b", place):
            continue
        if proper and (proper[0] in _CALENDAR_WORDS or place in people):
            continue
        state = state_of(place)
        demonym = state_of(proper[-1]) if proper else None
        if (state is not None and place in state.demonyms) or (demonym is not None and proper[-1] in demonym.demonyms and len(proper) == 1) or re.search(r"[’']s$", place) or set(words) & _INSTITUTION_WORDS:
            continue  # "in Israeli attacks", "on Ukraine’s capital", "to the official news agency": not a place
        geographic = re.match(r"(?:waters?|sea|coast|ocean)\b", place) or set(words) & PLACE_WORDS or state or any(
            state_of(w) for w in proper
        )
        if kind == EventType.MISSILE_LAUNCH and not geographic and not m.group(0).startswith(("from", "near")):
            continue
        return place[:80]
    return None


def _actors_in(start: int, end: int, sentence: str, actors: list[ActorCandidate], offset: int | None = None) -> list[str]:
    """Actors named in ``sentence`` (which starts at ``offset`` in the article, default ``start``)."""
    base = start if offset is None else offset
    names: list[tuple[int, str]] = []
    for actor in actors:
        inside = [m.start for m in actor.mentions_between(start, end)]
        if inside:
            names.append((inside[0], actor.name))
        elif actor.kind == ActorKind.STATE:
            state = state_of(actor.name)
            demonyms = state.demonyms if state else ()
            hit = next(
                (
                    base + m.start()
                    for d in demonyms
                    for m in re.finditer(rf"(?<![\w]){re.escape(d)}(?![\w])", sentence)
                    if start <= base + m.start() < end
                ),
                None,
            )
            if hit is not None:
                names.append((hit, actor.name))
    return [n for _, n in sorted(names)]


def _agent(s: Sentence, clause_start: int, trigger_start: int, actors: list[ActorCandidate]) -> str | None:
    """Who did it: the actor named nearest before the trigger in its clause, after any source
    ("Seoul said Pyongyang fired": Pyongyang)."""
    before = s.text[clause_start:trigger_start]
    source = list(_SOURCE.finditer(before))
    lo = clause_start + (source[-1].end() if source else 0)
    found: list[tuple[int, str]] = []
    for actor in actors:
        found += [(m.start - s.start, actor.name) for m in actor.mentions_between(s.start + lo, s.start + trigger_start)]
        state = state_of(actor.name) if actor.kind == ActorKind.STATE else None
        for d in state.demonyms if state else ():
            found += [
                (lo + m.start(), actor.name) for m in re.finditer(rf"(?<![\w]){re.escape(d)}(?![\w])", s.text[lo:trigger_start])
            ]
    return max(found)[1] if found else None


def _same_happening(a: EventCandidate, b: EventCandidate, people: set[str]) -> bool:
    if a.type != b.type or a.type == EventType.STATEMENT:
        return False
    by_kind = a.type in _ANONYMOUS_TYPES or a.type == EventType.OTHER  # one happening whoever tells it
    if a.earlier != b.earlier and by_kind:
        return False
    if a.earlier and b.earlier and not (a.date_text and b.date_text and _same_day_words(a.date_text, b.date_text)):
        return False
    if a.type in (EventType.ATTACK, EventType.OTHER) and a.agent and b.agent and a.agent != b.agent:
        return False
    if a.type == EventType.OTHER and _lemma(a.trigger) != _lemma(b.trigger):
        return False
    if a.type not in _ANONYMOUS_TYPES and a.actors and b.actors:
        persons_a, persons_b = set(a.actors) & people, set(b.actors) & people
        if a.type in {EventType.MEETING, EventType.VISIT} and persons_a and persons_b and not persons_a & persons_b:
            return False
        if a.type not in {EventType.MEETING, EventType.VISIT} and a.actors[0] != b.actors[0]:
            return False
    if _CONTINUED.search(a.sentence) or _CONTINUED.search(b.sentence):
        return True  # "a second day of drills": the same exercise, another day
    if a.date and b.date:
        return a.date == b.date
    if a.date_text and b.date_text:
        return _same_day_words(a.date_text, b.date_text)
    return True


_MONTH_DAY = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b", re.IGNORECASE)


def _same_day_words(a: str, b: str) -> bool:
    """ "Jan 4" and "January 4, 2026" are one day; otherwise the words must agree."""
    ma, mb = _MONTH_DAY.search(a), _MONTH_DAY.search(b)
    if ma and mb:
        return (ma.group(1).lower(), int(ma.group(2))) == (mb.group(1).lower(), int(mb.group(2)))
    return _date_key(a) == _date_key(b)


def _lemma(trigger: str) -> str:
    word = (trigger.split() or [""])[0].lower()
    return word if word not in {"was", "were", "been"} else " ".join(trigger.split()[:2]).lower()


def _date_key(words: str) -> str:
    return re.sub(r"^(?:on|in|at|early|late)\s+", "", words.strip().lower())


def _merge(into: EventCandidate, found: EventCandidate) -> None:
    """The same happening told again: keep the first sentence, take what the later one adds."""
    began = bool(_CONTINUED.search(into.sentence)) and not _CONTINUED.search(found.sentence)
    if (into.date is None and found.date is not None and into.type not in _ANONYMOUS_TYPES) or began:
        # the later sentence pins the day: it is the more specific report of the happening
        into.sentence, into.span, into.paragraph, into.what = found.sentence, found.span, found.paragraph, found.what
    if began:
        into.date, into.date_text = found.date, found.date_text  # the day it began, not its second day
    into.date, into.date_text = into.date or found.date, into.date_text or found.date_text
    into.last_paragraph = max(into.last_paragraph, found.paragraph)
    into.place = into.place or found.place
    into.agent = into.agent or found.agent
    into.participants += [a for a in found.participants if a not in into.participants]
    into.first_told = min(into.first_told, found.first_told)
    _add_quantities(into, found.quantities)
    into.actors += [a for a in found.actors if a not in into.actors]


def _add_quantities(event: EventCandidate, quantities: list[Quantity]) -> None:
    known = {(q.unit, q.value, q.text) for q in event.quantities}
    for q in quantities:
        if (q.unit, q.value, q.text) not in known and len(event.quantities) < MAX_QUANTITIES:
            event.quantities.append(q)
            known.add((q.unit, q.value, q.text))


def _candidates(
    s: Sentence, hits: list[_Hit], article_date: dt.date | None, actors: list[ActorCandidate], people: set[str]
) -> list[EventCandidate]:
    """One event per happening the sentence reports, each read off its own clause."""
    text = _mask_quotes(s.text)
    found: list[EventCandidate] = []
    for i, hit in enumerate(hits):
        start, end = _clause_bounds(text, hit, hits, first=i == 0)
        clause = s.text[start:end]
        alone = len(hits) == 1
        if alone and not hit.earlier:
            date_text, day = _when(s.text, article_date, hit.type)
        else:
            own, own_end = _clause_bounds(text, hit, hits, first=False)
            words = s.text[own:own_end]
            if hit.earlier:  # "Before Monday's launch, Iran had fired...": Monday is the news's day, not this one's
                words = _REFERENCE_POINT.sub(lambda m: " " * len(m.group(0)), words)
            date_text, day = _when(words, article_date, hit.type, own, s.text)
            if date_text is None and not hit.earlier and not _OTHER_DAY_LINK.search(text):
                date_text, day = _when(s.text, article_date, hit.type)  # "hours before": the same day
        elsewhere = s.text
        for other in hits:
            if other is not hit:  # another happening's clause names another place
                a, b = _clause_bounds(text, other, hits, first=False)
                elsewhere = elsewhere[:a] + " " * (b - a) + elsewhere[b:]
        place = _place(clause, hit.type, people) or _place(elsewhere, hit.type, people)
        quantities = find_quantities(s.text if alone else clause)[:MAX_QUANTITIES]
        found.append(
            EventCandidate(
                sentence=s.text,
                span=Span(start=s.start, end=s.end, status=MatchStatus.EXACT),
                type=hit.type,
                date_text=date_text,
                date=day,
                place=place,
                quantities=quantities,
                actors=_actors_in(s.start + (0 if alone else start), s.start + (len(s.text) if alone else end), s.text, actors, s.start),
                paragraph=s.paragraph,
                last_paragraph=s.paragraph,
                what=_what(s.text, start, end),
                earlier=hit.earlier,
                agent=None if _NO_AGENT.match(text[hit.start : hit.end]) or _PASSIVE.search(text[: hit.start]) else _agent(s, start, hit.start, actors),
                trigger=text[hit.start : hit.end],
            )
        )
        found[-1].participants = _participants(s, found[-1], start, end, actors)
        found[-1].first_told = s.start
    return found


def _participants(s: Sentence, event: EventCandidate, start: int, end: int, actors: list[ActorCandidate]) -> list[str]:
    """Who took part: the doer of a strike or a launch (its target may well answer it); everyone
    named in the clause of a meeting, a visit, a drill or a sanction, less whoever reports it."""
    if event.type in (EventType.ATTACK, EventType.MISSILE_LAUNCH, EventType.WEAPONS_TEST):
        return [event.agent] if event.agent else []
    source = list(_SOURCE.finditer(s.text, start, end))
    lo = source[-1].end() if source and source[-1].start() < s.text.find(event.trigger, start) else start
    return _actors_in(s.start + lo, s.start + end, s.text, actors, s.start)


# ---- statements -------------------------------------------------------------------------------


@dataclass
class _Statement:
    speaker: str
    level: int  # 2: a position verb (condemned, vowed); 1: said formally (in a statement, to reporters); 0: said
    phrase: str  # the words that name the speaker
    quoted: bool = False  # the sentence is the speaker's quotation
    sides: set[str] = field(default_factory=set)  # the speaker and the states or bodies it speaks for


def _level(verb: str, text: str) -> int:
    if _STRONG.match(verb) or _INTENT.search(text):
        return 2
    return 1 if _FORMAL.search(text) else 0


def _mentions(start: int, end: int, actors: list[ActorCandidate]) -> list[tuple[int, ActorCandidate]]:
    return sorted(((m.start, a) for a in actors for m in a.mentions_between(start, end)), key=lambda f: f[0])


def _media(actor: ActorCandidate) -> bool:
    return actor.name in NEWS_AGENCIES or bool(
        re.search(r"\b(?:Times|Post|Journal|News|Press|Media|Television|Broadcasting|Daily|CNN|BBC|Reuters)\b", actor.name)
    ) and not re.search(r"\bAgency\b", actor.name)


_COMPANY = re.compile(
    r"\b(?:Management|Holdings|Shipping|Lines|Airlines|Industries|Systems|Technologies|Partners|Capital|Energy|Motors|"
    r"Inc|Ltd|Corp|LLC|Company|Corporation|Bank|Group|Institute|University|Center|Centre|Foundation|Studies|Project)\b"
)


def _looks_like_body(actor: ActorCandidate) -> bool:
    """A name that is surely an institution's: a military body, a known organisation, an acronym,
    or a name with an institution's word in it (a bare surname misread as one is not)."""
    words = set(actor.name.split())
    return (
        actor.kind == ActorKind.MILITARY_BODY
        or actor.name in KNOWN_ORGANISATIONS
        or bool(words & (ORGANISATION_WORDS | MILITARY_WORDS))
        or bool(re.fullmatch(r"[A-Z][A-Z0-9&.-]+", actor.name))
    )


def _states_named(phrase: str, mentioned: list[tuple[int, ActorCandidate]], actors: list[ActorCandidate]) -> list[str]:
    """States a phrase names: by a mention found in it, or by a demonym ("Japanese officials")."""
    named = [a.name for _, a in mentioned if a.kind == ActorKind.STATE]
    for actor in actors:
        state = state_of(actor.name) if actor.kind == ActorKind.STATE else None
        if state and any(re.search(rf"(?<![\w]){re.escape(d)}(?![\w])", phrase) for d in state.demonyms):
            named.append(actor.name)
    return named


def _speaker(phrase: str, start: int, actors: list[ActorCandidate], verb: str, sentence: str) -> str | None:
    """Who speaks, when the phrase names an office-holder, a body or a state; None for any other
    voice (an analyst, a witness, a reporter, an outlet, a company, a pronoun)."""
    bare = _PARENTHETICAL.sub(" ", phrase).strip(" ,")
    if not bare or len(bare.split()) > 14 or _PRIVATE.search(phrase) or _NOT_A_SPEAKER.search(bare):
        return None
    mentioned = _mentions(start, start + len(phrase), actors)
    persons = [a for _, a in mentioned if a.kind == ActorKind.PERSON]
    if persons:
        person = persons[0]
        office = _OFFICE.search(person.role or "") or _OFFICE.search(phrase)
        return person.name if office and not _PRIVATE.search(person.role or "") else None
    surname = re.fullmatch(r"(?:the\s+)?([A-Z][\w’'-]+)", bare)
    if surname:
        person = next((a for a in actors if a.kind == ActorKind.PERSON and a.name.split()[-1] == surname.group(1)), None)
        if person is not None:
            return person.name if _OFFICE.search(person.role or "") and not _PRIVATE.search(person.role or "") else None
    anonymous = _ANONYMOUS.match(bare)
    bodies = [a for _, a in mentioned if a.kind in (ActorKind.ORGANISATION, ActorKind.MILITARY_BODY)]
    states = _states_named(bare, mentioned, actors)
    if _PLURAL_HEAD.search(bare) and (not states or re.match(r"(?:say|says)$", verb)):
        return None  # "officials said", "US officials say": sourcing or a general view, not a statement
    if anonymous and not _FORUM.search(sentence):
        behalf = _ON_BEHALF.search(bare[anonymous.end() :])
        return bodies[0].name if bodies and behalf and not _media(bodies[0]) else None
    if bodies:
        body = bodies[0]
        if _media(body) or _COMPANY.search(body.name):
            return None
        return body.name if _looks_like_body(body) or _level(verb, sentence) else None
    if states and len(bare.split()) <= 8:
        return states[0]
    if _OFFICE.search(bare):
        role = re.sub(r"^(?:the|a|an|one)\s+", "", bare.lower())
        owner = next(
            (a.name for a in actors if a.kind == ActorKind.PERSON and a.role and len(a.role) > 6 and a.role.lower() in role),
            None,
        )
        return owner or role
    return None


def _people_of(actors: list[ActorCandidate]) -> set[str]:
    return {a.name for a in actors if a.kind == ActorKind.PERSON}


def _subject_ok(subject: str) -> bool:
    """A speaker's noun phrase standing right before its verb, not a clause that happens to end there."""
    bare = _TRAILING_ADVERBS.sub("", _PARENTHETICAL.sub(" ", subject)).strip(" ,")
    if not bare or len(bare.split()) > 12 or _PERFECT.search(subject) or _SUBJECT_NEGATED.search(subject):
        return False
    if re.match(r"(?:while|when|as|if|because|although|though|after|before|since|once|unless)\b", bare, re.IGNORECASE):
        return False
    if re.search(r"\b(?:who|which|that|was|were|is|are|be|been|have|has|had|will|would)\b|\bto\s*$", bare):
        return False
    last = bare.split()[-1]
    return bool(re.search(r"[A-Z]", last)) or last.endswith(")") or bool(_HEAD.fullmatch(last.lower()))


def _statement(s: Sentence, actors: list[ActorCandidate], quotes: list[QuoteCandidate]) -> _Statement | None:
    """A body, a state or an office-holder taking a position in this sentence, and how formally."""
    text = _mask_quotes(s.text)
    if text.lstrip()[:1] in _OPEN_QUOTES:
        return _quote_led(s, text, actors, quotes)
    if _BACKGROUND.search(text) or _REPORTING.search(text):
        return None
    intro = _INTRO.match(text)
    at = intro.end() if intro else 0
    place = re.match(r"In ([A-Z][\w’'. -]+),", text)  # "In Japan, defence authorities confirmed..."
    act = _SPEECH_ACT.match(text, at)
    if act:
        speaker = _speaker(act.group("speaker"), s.start + at, actors, "gave", text)
        if speaker:
            return _Statement(speaker, 2, act.group("speaker"))
    noun = _SPEECH_NOUN.search(text)
    if noun:
        speaker = _speaker(noun.group("speaker"), s.start + noun.start("speaker"), actors, "issued", text)
        if speaker:
            return _Statement(speaker, 2, noun.group("speaker"))
    verb = _SPEECH.search(text, at)
    if verb is not None and "," in text[at : verb.start()] and text[at : verb.start()].rsplit(",", 1)[1].strip():
        verb = None  # "<what happened>, the ministry said": attributed at the end
    if verb is not None and _subject_ok(text[at : verb.start()]) and not text[verb.end() :].lstrip().startswith("by "):
        word = verb.group("verb")
        if word.endswith("s") and not re.match(r"\s+(?:that|it|its|they|he|she|there)\b", text[verb.end() :]):
            return None  # "China claims most of the sea": a standing claim, not a statement
        subject_from = 0 if place and state_of(place.group(1).strip()) else at
        subject = text[subject_from : verb.start()]
        speaker = _speaker(subject, s.start + subject_from, actors, word, text)
        level = max(_level(word, text), 2 if _STRONG_PAST.search(text, verb.end()) else 0)
        if speaker and level == 0 and not re.search(r"spokes", subject, re.IGNORECASE) and speaker in _people_of(actors):
            return None  # a person who only "said" something makes a remark, not a statement
        if speaker and (level == 2 or not _FACTS.search(text[verb.end() :])):
            return _Statement(speaker, level, subject)
        return None
    return _tail_statement(s, text, actors)


def _tail_statement(s: Sentence, text: str, actors: list[ActorCandidate]) -> _Statement | None:
    """A position attributed at the end ("..., the minister said on Friday"): a statement only when
    it is formal and the position is the speaker's own words or given to a public forum."""
    m = _TAIL_SPEAKER_FIRST.search(text) or _TAIL_VERB_FIRST.search(text)
    if m is None or not re.match(r"(?:the|a|an|one|[A-Z])", m.group("speaker").strip()):
        return None
    if _PERFECT.search(m.group("speaker") + " ") or re.search(r"\b(?:a|an|the|and|or|of|was|were|is|are|be|been)\s*$", m.group("speaker")):
        return None
    if re.match(r"(?:in|on|at|to|from|with|by|for|of)\b", m.group("speaker").strip(), re.IGNORECASE):
        return None
    if (m.groupdict().get("verb") or "said").endswith("s") and not re.match(r"\s+(?:that|it|its|they|he|she|there)\b", text[m.end("verb") :] if m.groupdict().get("verb") else ""):
        return None
    phrase = m.group("speaker") + (", " + m.group("apposition") if "apposition" in m.groupdict() and m.group("apposition") else "")
    verb = m.groupdict().get("verb") or "said"
    speaker = _speaker(phrase, s.start + m.start("speaker"), actors, verb, text)
    level = _level(verb, text)
    quoted = bool(_QUOTED.search(s.text[: m.start() + 1]))
    if speaker and (level == 2 or (level == 1 and (quoted or _FORUM.search(text)))):
        return _Statement(speaker, level, phrase)
    return None


def _quote_led(s: Sentence, text: str, actors: list[ActorCandidate], quotes: list[QuoteCandidate]) -> _Statement | None:
    """'"...," said X': X's words are a statement when X holds an office or speaks for a body and
    the words are a position, not the toll or the damage of a happening X reports."""
    close = max(text.rfind("”"), text.rfind('"'), text.rfind("’"))
    tail = text[max(0, close) :]
    words = s.text[: max(0, close)]
    m = _TAIL_VERB_FIRST.search(tail) or _TAIL_SPEAKER_FIRST.search(tail)
    if m is not None:
        phrase = m.group("speaker") + (", " + m.group("apposition") if "apposition" in m.groupdict() and m.group("apposition") else "")
        verb = m.groupdict().get("verb") or "said"
        speaker = _speaker(phrase, s.start + max(0, close) + m.start("speaker"), actors, verb, text)
        level = _level(verb, text)
    elif _SPEECH.search(tail):
        return None  # attributed here, to someone the rules cannot place
    elif s.text.rstrip()[-1:] in "”\"’":
        return None  # a quotation that closes here with no attribution continues an earlier speaker
    else:
        # the quotation runs on past this sentence: its speaker is named elsewhere
        quote = next((q for q in quotes if s.start <= q.span.start <= s.start + 2), None)
        if quote is None or not quote.speaker or quote.speaker_type not in (SpeakerType.OFFICIAL, SpeakerType.ORGANISATION):
            return None
        if _PRIVATE.search(" ".join(filter(None, (quote.speaker, quote.speaker_role)))):
            return None
        speaker, level, phrase = quote.speaker, 0, quote.speaker
    if speaker is None or (level < 2 and _FACTS.search(words)):
        return None
    if level == 0 and speaker in _people_of(actors) and not re.search(r"spokes", phrase + " " + _role_of(speaker, actors), re.IGNORECASE):
        return None  # an office-holder's quotation is a remark; a spokesperson's is the body's position
    return _Statement(speaker, level, phrase, quoted=True)


def _role_of(name: str, actors: list[ActorCandidate]) -> str:
    return next((a.role or "" for a in actors if a.name == name), "")


def _better(said: _Statement, held: _Statement) -> bool:
    """The sentence that reports a speaker's position, over their quotation."""
    return held.quoted and not said.quoted and said.level >= 1


def _sides(said: _Statement, s: Sentence, actors: list[ActorCandidate]) -> set[str]:
    """The speaker, and the states and bodies its words name it by ("Japan's Defence Minister X")."""
    sides = {said.speaker}
    start = s.text.find(said.phrase)
    if start >= 0:
        sides |= {a.name for _, a in _mentions(s.start + start, s.start + start + len(said.phrase), actors)}
        sides |= set(_states_named(said.phrase, [], actors))
    person = next((a for a in actors if a.name == said.speaker and a.kind == ActorKind.PERSON), None)
    if person is not None and person.affiliation:
        sides |= {a.name for a in actors if a.name == person.affiliation or a.name in person.affiliation}
        sides |= set(_states_named(person.affiliation, [], actors))
        state = state_of(person.affiliation)
        if state is not None:
            sides.add(next((a.name for a in actors if state_of(a.name) is state), state.name))
    return sides


def _same_speaker(said: _Statement, held: dict[str, tuple[EventCandidate, _Statement]]) -> str:
    """One speaker under two names: an office named alone ("the ministry", "a spokesperson") is
    the body last heard; "the embassy" is the Russian embassy named before; a minister of a
    state that has spoken as a whole ("Malaysia urged...") speaks for it."""
    if said.speaker in held or not held:
        return said.speaker
    if not said.speaker[:1].islower():
        states = [side for side in said.sides if side in held and side != said.speaker and state_of(side)]
        return states[0] if states and _OFFICE.search(said.phrase) else said.speaker
    if said.speaker not in _GENERIC_OFFICES:
        return said.speaker
    head = said.speaker.split()[-1]
    for speaker, (_, earlier) in reversed(held.items()):
        if re.search(rf"\b{re.escape(head)}\b", earlier.phrase, re.IGNORECASE):
            return speaker
    return next(reversed(held))


def _statement_candidate(s: Sentence, found: _Statement, article_date: dt.date | None, actors: list[ActorCandidate]) -> EventCandidate:
    date_text, day = _when(s.text, article_date, EventType.STATEMENT)
    return EventCandidate(
        sentence=s.text,
        span=Span(start=s.start, end=s.end, status=MatchStatus.EXACT),
        type=EventType.STATEMENT,
        date_text=date_text,
        date=day,
        place=None,
        quantities=find_quantities(s.text)[:MAX_QUANTITIES],
        actors=_actors_in(s.start, s.end, s.text, actors),
        paragraph=s.paragraph,
        last_paragraph=s.paragraph,
        what=_statement_what(s.text),
        speaker=found.speaker,
    )


def _statement_what(sentence: str) -> str:
    """A statement's clause: the speaker and the position, without what follows a break."""
    if sentence.lstrip()[:1] in _OPEN_QUOTES:
        return _what(sentence, 0, len(sentence))
    text = _mask_quotes(sentence)
    end = min((m.start() for m in re.finditer(r";\s|\s[—–]\s|,\s+(?:saying|adding|citing|in the latest|in a move)\b", text)), default=len(text))
    return _what(sentence, 0, end)


# ---- the story as a whole ---------------------------------------------------------------------


def _main_first(events: list[EventCandidate], sentences: list[Sentence]) -> list[EventCandidate]:
    """The briefing opens with the story's news: the event its headline reports, else its lead.
    A background event is never the news, however early the story tells it, and a statement is
    the news only when the headline reports one ("Russia threatens to react")."""
    if len(events) < 2:
        return events
    heading = next((s for s in sentences if s.heading and not s.furniture and len(s.text.split()) >= 3), None)
    lead = next((s for s in sentences if s.is_prose and not s.heading and not s.furniture), None)
    if lead is None:
        return events
    headline = (heading or lead).text
    news = _content_words(headline)
    said = bool(_HEADLINE_SPEECH.search(headline))

    def score(e: EventCandidate) -> float:
        words = _content_words(e.sentence)
        overlap = len(words & news) / max(1, min(len(words), len(news)))
        told_first = e.first_told == lead.start or e.span.start == lead.start
        penalty = 1.0 if e.earlier or (e.type == EventType.STATEMENT and not said) else 0.0
        return overlap + (0.2 if told_first else 0.0) - penalty

    best = max(events, key=lambda e: (score(e), -events.index(e)))
    if best is events[0] or score(best) <= score(events[0]) + 0.1:
        return events
    return [best, *(e for e in events if e is not best)]


_HEADLINE_SPEECH = re.compile(
    r"\b(?:threat\w*|warn\w*|condemn\w*|vow\w*|den(?:y|ies|ied)|claim\w*|urg\w*|accus\w*|says?|said|announc\w*|"
    r"declar\w*|reject\w*|protest\w*|summon\w*|react\w*|slam\w*|blam\w*)\b",
    re.IGNORECASE,
)


_STOP = frozenset(
    "the a an of in on at to and or for with by from as that this its his her their was were is are be been has have had "
    "said says after before over into than but not it they he she which who".split()
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in _STOP}


def find_event_candidates(article: str, article_date: dt.date | None) -> list[EventCandidate]:
    """Happenings the story reports, one per happening: the story's news first, the rest in the
    order the story first reports them."""
    events: list[EventCandidate] = []
    actors = find_actor_candidates(article)
    people = {a.name for a in actors if a.kind == ActorKind.PERSON}
    mentions_sanctions = bool(re.search(r"\bsanction", article, re.IGNORECASE))
    statements: dict[str, tuple[EventCandidate, _Statement]] = {}  # one statement per speaker
    quotes = find_quote_candidates(article)
    sentences = split_sentences(article)
    for s in sentences:
        if s.furniture or s.heading or len(s.text.split()) < 5:
            continue
        hits = _hits(s.text, article_date)
        if not mentions_sanctions:  # "announced new measures" is a sanction only in a story about sanctions
            hits = [h for h in hits if not (h.type == EventType.SANCTION and "measures" in s.text[h.start : h.end].lower())]
        hits = [h for i, h in enumerate(hits) if i == 0 or h.type in _SECOND_TYPES][:3]
        latest = next((e for e in reversed(events) if e.type in _ANONYMOUS_TYPES and not e.earlier), None)
        if latest and not hits and _ANAPHORA.search(s.text) and s.paragraph - latest.last_paragraph <= 1:
            figures = [q for q in find_quantities(s.text) if q.measure != "count"]
            if figures:
                _add_quantities(latest, figures)  # "the missile flew for about 73 minutes": the launch's figures
                continue
        if not hits:
            said = _statement(s, actors, quotes)
            if said is None:
                continue
            said.sides = _sides(said, s, actors)
            speaker = _same_speaker(said, statements)
            candidate = _statement_candidate(s, said, article_date, actors)
            held = statements.get(speaker)
            if held is None:
                events.append(candidate)
            elif _better(said, held[1]):
                events[events.index(held[0])] = candidate
            else:
                continue
            candidate.speaker = speaker
            statements[speaker] = (candidate, said)
            continue
        for hit, found in zip(hits, _candidates(s, hits, article_date, actors, people)):
            same = None if hit.also else next((e for e in events if _same_happening(e, found, people)), None)
            if same is None and found.type == EventType.WEAPONS_TEST and _ANAPHORA.search(s.text) and latest is not None:
                # "the test of a new guided weapon was a success": state media naming the launch
                same = latest if latest.type == EventType.MISSILE_LAUNCH and s.paragraph - latest.last_paragraph <= 2 else None
            if same is None:
                events.append(found)
            else:
                _merge(same, found)
    took_part = {a for e in events if e.type != EventType.STATEMENT for a in e.participants}
    remarks = {id(e) for e, said in statements.values() if said.level == 0 and said.sides & took_part}
    return _main_first([e for e in events if id(e) not in remarks], sentences)
