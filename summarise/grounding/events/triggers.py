"""The words that report a happening, per event type.

A happening is found by its trigger: the verb or phrase that reports it ("fired ... missiles",
"held talks", "resigned"). The patterns are listed strongest type first, so a sentence that fits
two is read as the stronger, and happenings outside the security vocabulary (a crash, a ruling,
an arrest, an agreement signed) are ``other`` events rather than nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarise.schemas import EventType

PROJECTILE = r"(?:missiles?|rockets?|projectiles?|ICBMs?|SLBMs?|SRBMs?|IRBMs?)"
_DRONE = r"(?:drones?|shells?|artillery|bombs?)"
#: After "launched drones ... at|on", a time is not a target ("launched a missile on Friday").
_NOT_TIME = (
    r"(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|\d|about|around|approximately|least|dawn|night|"
    r"the (?:morning|night|evening|afternoon|weekend|same))\b)"
)
#: Trigger patterns per type, strongest first; a sentence may report more than one type.
TRIGGERS: tuple[tuple[EventType, re.Pattern[str]], ...] = (
    (EventType.ATTACK, re.compile(
        rf"\b(?:struck(?! a (?:\w+ ){{0,2}}(?:note|tone|deal|chord|balance))|strikes? on|attacked|shelled|bombed|raided|rammed|sank|killing|killed|wounding|wounded|"
        rf"(?:was|were|been) injured|"
        rf"injuring|fired water cannons?|sideswiped|snatched|abducted|exchanged (?:artillery|fire|gunfire)|pounded|pounding|(?:continued|began|started) to pound|"
        rf"stormed|ambushed|opened fire|detonated|"
        rf"(?:strike|strikes|attack|attacks|raid|bombing) targeted|"
        rf"(?:{_DRONE}|{PROJECTILE}) (?:hit|struck)|launched [^.;]*?(?:{_DRONE}|{PROJECTILE})[^.;]*?\b(?:at|on|against)\b{_NOT_TIME}|"
        rf"in (?:the|an|a) (?:\w+ )?(?:air )?attack)\b", re.IGNORECASE)),
    (EventType.MISSILE_LAUNCH, re.compile(
        rf"\b(?:fired|launched|test-fired|lobbed)\b[^.;]*?\b{PROJECTILE}|"
        rf"\b{PROJECTILE}\b[^.;]*?\b(?:was|were)\s+(?:fired|launched)\b|\b{PROJECTILE} launched\b|"
        rf"\btested (?:an? |the |its |two |three |several )?(?:[\w-]+ ){{0,4}}?{PROJECTILE}\b(?! (?:engines?|motors?|launchers?|warheads?|systems?))|"
        rf"\bdetected [^.;]*?\b(?:{PROJECTILE}|launch(?:es)?)\b", re.IGNORECASE)),
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
        r"rescued|evacuated|fled (?:their|the|to)|died|left (?:at least |more than |nearly |about |some )?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|"
        r"dozens|scores|hundreds|thousands)(?: [\w-]+){0,2} (?:dead|homeless)|"
        r"death toll (?:\w+ ){0,4}?(?:rose|climbed|jumped|reached|stood at|has risen|had risen)|raising the death toll|"
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
SECOND_TYPES = {EventType.VISIT, EventType.ATTACK, EventType.MEETING, EventType.MISSILE_LAUNCH, EventType.OTHER}
#: Types whose reports are one happening whoever tells it (a launch told by several sources).
ANONYMOUS_TYPES = {EventType.MISSILE_LAUNCH, EventType.WEAPONS_TEST, EventType.MILITARY_EXERCISE, EventType.ATTACK}


@dataclass
class Hit:
    """One trigger in one sentence."""

    type: EventType
    start: int
    end: int
    earlier: bool = False
    also: bool = False
