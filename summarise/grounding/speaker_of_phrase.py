"""Whom a speaker phrase stands for: the same words name a person, a body or no one, by the article.

A pronoun is its antecedent, a name the actor it labels; a description ("the president", "the
Times") is the person whose title it is, the outlet it names, or, when indefinite ("one
campaign source"), nobody named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from summarise.grounding.actor_sources import outlet_before
from summarise.grounding.actors import ActorCandidate
from summarise.grounding.cue_words import PARTY_AND_STATE, without_auxiliaries
from summarise.grounding.gazetteer import GENERIC_BODY, ROLE_NOUNS, TITLE, state_of, state_pattern
from summarise.grounding.gender import compatible
from summarise.grounding.name_shapes import JOINT_NAMES, NAME, is_surname, person_of_body
from summarise.grounding.names import COURTESY, Gender, courtesy_gender, is_first_name
from summarise.grounding.resolver import NOT_A_NAME, Resolver
from summarise.grounding.speakers import (
    described_as,
    introduced_unnamed,
    may_be_described,
    person_described,
    profile,
    speaker_type,
    unlisted_person,
)
from summarise.grounding.us_states import state_forms
from summarise.schemas import ActorKind, SpeakerType

_PRONOUNS = {"he": ActorKind.PERSON, "she": ActorKind.PERSON, "it": None, "they": None}
_ANONYMOUS = re.compile(r"^(?:the|a|an|one)\s+(?P<desc>(?:[\w'’.-]+\s+){0,5}?[\w'’-]+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """Who said a quote, as far as the article says: a name, or only a role ("a spokesperson")."""

    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    type: SpeakerType = SpeakerType.OTHER
    actor: ActorCandidate | None = None

    @property
    def known(self) -> bool:
        return bool(self.name or self.role)


NOBODY = Attribution()
_ORG_NOUNS = r"(?:company|firm|group|ministry|agency|embassy|office|council|command|army|military|movement|government|department|bureau|service|operator|centre|center|alliance|bloc|mission|authority|force|forces|party|campaign|committee|board|newspaper|paper|daily|broadcaster|network|channel|outlet|union|court|commission|administration|institute|university|organi[sz]ation|charity|coalition|foundation|association|federation|league|trust|society)"

def _by_courtesy_title(courtesy: re.Match[str], at: int, resolver: Resolver) -> ActorCandidate | None:
    """Of the listed people with the surname after a courtesy title, the one of its gender, written
    in full last before ``at``: "Mr. Vale" of Ada and Tomas Vale is Tomas."""
    pronoun = "he" if courtesy_gender(courtesy.group("title")) is Gender.MALE else "she"
    kin = [a for a in resolver.kin(courtesy.group("surname"), at) if compatible(a, pronoun, resolver.article)]
    return kin[0] if kin else None


#: The nouns for a news outlet: "the newspaper" is the outlet named before it, not the last body.
_OUTLET_NOUNS = r"newspaper|paper|daily|broadcaster|network|channel|outlet"


def _state_in(phrase: str) -> str | None:
    m = state_pattern().search(phrase)
    state = state_of(m.group(0)) if m else None
    return state.name if state else None


def from_actor(actor: ActorCandidate, label: str, context: str, article: str) -> Attribution:
    if actor.kind == ActorKind.PERSON:
        described = profile(actor, article)
        role = actor.role or (described.split(" | ")[0] if described else None)
        return Attribution(actor.name, role, actor.affiliation, speaker_type(described, context), actor)
    owner = _state_in(label) if actor.kind == ActorKind.STATE else None
    body = re.sub(r"^.*?['’]s\s+", "", label) if owner else ""
    if owner and body and GENERIC_BODY.match(body):
        # "Pakistan's Foreign Office said": the office speaks, for its state
        return Attribution(body, None, owner, SpeakerType.ORGANISATION, actor)
    return Attribution(actor.name, actor.role, actor.affiliation, SpeakerType.ORGANISATION, actor)


#: Words of time that open a clause and are never the speaker: "On Tuesday, the ministry said".
_TIME_LEAD = re.compile(
    r"^(?:(?:on|late|early|later|earlier|last|this)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|"
    r"morning|afternoon|evening|night|week|month|year)(?:['’]s)?\b[\s,]*",
    re.IGNORECASE,
)
#: A conjunction or a participle clause before the subject: "But he added", "Turning to the budget, Lind said".
_LEAD = re.compile(
    r"^(?:(?:(?:but|and|yet|so|still|then|also|now|instead|later|earlier|even|as|while|whereas|although|though|because)\b\s*)+|"
    r"\d{1,3}-year-old\s+|[A-Z]\w*ing\b[^,]{0,80},\s*|"
    r"(?:of|on|about|as for|asked about|asked if|asked whether)\s[^,]{1,60},\s*)",  # "Of the mayor, Lind said"
    re.IGNORECASE,
)
#: Titles before a name the actor finder did not list: "Rep. Olive Brannagh Tunney".
_TITLE_LEAD = re.compile(rf"^(?:(?:{TITLE}|(?:Rev|Fr|Msgr|Hon|Amb|Atty|Det|Insp|Supt)\.)[\s\u2024.]*)+")
#: A name after a role and a preposition belongs to someone else: "an adviser to X", "a lawyer for X".
_ROLE_OF = rf"\b(?i:{ROLE_NOUNS})s?\s+(?:to|for|of|at|with|from|under|close to)\s+(?:the\s+)?(?:both\s+)?"
_ROLE_OF_ANOTHER = re.compile(rf"{_ROLE_OF}$")
_ROLE_BEFORE_NAME = re.compile(rf"{_ROLE_OF}(?P<first>[A-Z][a-z]+)")
#: A title and the name it stands before, the name ending the phrase: "Senate Majority Leader Oskar Brandvold".
_TITLED_NAME = re.compile(rf"\b(?i:{ROLE_NOUNS})\.?\s+(?P<name>{NAME})$")
#: A person's name closing a phrase, its first word a first name: "Secretary of State John F. Berrigan".
_FIRST_NAME_LAST = re.compile(r"(?P<name>(?P<first>[A-Z][a-z]+)(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})$")


def _name_closing(phrase: str) -> re.Match[str] | None:
    """The name closing a phrase, from its first name: "Trish Lund" of "City Public Advocate Trish
    Lund", where the longest run of capitals ("Advocate Trish Lund") starts on a title."""
    m = _FIRST_NAME_LAST.search(phrase)
    if m and not is_first_name(m.group("first")):
        shorter = _FIRST_NAME_LAST.search(phrase, m.end("first"))
        # not "Carolina Republican" of "North Carolina Republican": a first name inside a state's name
        inside_state = bool(state_forms(" ".join(m.group(0).split()[:2])))
        return shorter if shorter and is_first_name(shorter.group("first")) and not inside_state else m
    return m


#: Who runs or sits in a debate or an interview, and whom no title gave to a named person is someone the
#: story does not name: "the moderator asked" is not the candidate named before.
_SCENE_ROLE = re.compile(r"\b(?i:moderators?|questioners?|interviewers?|hecklers?|emcees?|panelists?)$")


def _may_be_a_witness(person: ActorCandidate, description: str, article: str) -> bool:
    """Whether a person may be the one a description calls a witness: not one the story made an
    official or an analyst (any description that names no witness fits anyone)."""
    if speaker_type(description) != SpeakerType.WITNESS:
        return True
    said = profile(person, article)
    return not said or speaker_type(said) not in (SpeakerType.OFFICIAL, SpeakerType.ANALYST)


def _new_in_scene(description: str, at: int, article: str) -> bool:
    """Whether a description is someone who runs or sits in the scene ("the moderator asked") and
    whom the story has not spoken of before ``at``: no one it named did that ("Ada Brunn moderated").
    """
    role = _SCENE_ROLE.search(description)
    if role is None:
        return False
    stem = re.sub(r"(?:ors?|ers?|s)$", "", role.group(0).lower())
    return re.compile(rf"\b{stem}", re.IGNORECASE).search(article, 0, at) is None  # no copy of the article before ``at``


#: A document that speaks for whoever issued it: "its statement added", "the ministry's statement said".
#: (written in lower case: "the Washington Post reported" is an outlet, not a post)
_ISSUED = re.compile(
    r"^(?P<owner>the|its|their|his|her|.+?['’]s)\s+(?:\w+\s+)?(?-i:(?=[a-z]))(?P<document>statement|communiqu[eé]|announcement|post|letter|"
    r"readout|release|report|message|editorial(?: board)?|tweet|filing|memo|lawsuit|suit|complaint|email|e-mail|"
    r"order|ruling|study|survey|ad|advertisement|video|resolution|petition|review|audit|analysis|investigation|inquiry|indictment)$",
    re.IGNORECASE,
)
#: A description that places itself: "the authorities in Tskhinvali", "the envoy to Manila".
_PLACED = re.compile(r"\s(?:to|of|for|at|in|from)\s+(?:the\s+)?[A-Z]")
#: A subject pronoun opening a clause that runs on to its verb, or after an adverb ("Recently she"):
#: the cue's speaker is the pronoun.
_PRONOUN_CLAUSE = re.compile(r"^(?:[A-Z][a-z]+ly,?\s+)?(?P<pronoun>(?i:he|she))(?:\s+(?=[a-z])|$)")
#: A definite "person" that goes on with the unnamed voice who spoke last, no one the story named.
_SAME_UNNAMED = re.compile(r"(?i:the|this|that)\s+(?:same\s+)?(?:person|source|individual|insider)")
#: Two people who spoke as one, after what they are and before where they work.
_JOINT_WRITERS = re.compile(
    rf"^(?:[a-z][\w'’-]*\s+){{0,3}}{JOINT_NAMES}(?:\s+(?:of|at|from|with)\s+[^,;]{{1,60}})?$"
)
#: An indefinite description ending on a common noun: "one campaign source", "a Democratic aide".
_SOMEONE = re.compile(r"^(?i:a|an|one|another)\s+(?P<desc>(?:[\w'’.-]+\s+){0,5}[a-z][\w'’-]*)$")
#: "the Times", "The Wall Street Journal", "the Federation of Dockers": "the" and capitalised words only
#: (joined by "of", "for", "and"), a name.
_PROPER_NAME = re.compile(r"^(?i:the)\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w.&'’-]*){0,4})$")
#: The pronoun a document's owner stands as: "the statement added" is the body that spoke last.
_OWNER_PRONOUN = {"the": "it", "its": "it", "their": "they", "his": "he", "her": "she"}
#: A first and last name, then where they write or work: "Joel Roe of the Daily Ledger", "Larry Roe on Hot Air".
_NAME_AT_OUTLET = re.compile(r"^(?P<name>(?P<first>[A-Z][a-z]+)(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})\s+(?:of|on|at|for|from|with)\s+(?:the\s+)?[A-Z]")
#: "an official at the Baltic Fleet Command": a role and the body it speaks for.
_ROLE_AT = re.compile(r"\b(?:at|of|for|from|with)\s+(?P<body>.+)$", re.IGNORECASE)


def resolve(phrase: str, at: int, floor: int, resolver: Resolver, context: str, previous: Attribution = NOBODY) -> Attribution:
    """Who a speaker phrase stands for: a pronoun's antecedent, a named actor, a person the
    article describes so, the body an unnamed official speaks for, or a role alone."""
    article = resolver.article
    # a closing mark left at the phrase's start ('" she said' after a quote split by straight marks)
    phrase = without_auxiliaries(_LEAD.sub("", _TIME_LEAD.sub("", phrase.strip().lstrip("\"“”‘’'").strip())))
    if not phrase:
        return NOBODY
    written_by = _WRITTEN_BY.match(phrase)
    if written_by:
        return _author_named(written_by.group("author"), resolver, context)  # "a report for X on Y by Z": Z wrote it
    issued = _ISSUED.match(phrase)
    if issued and issued.group("owner").lower() == "the":
        return _author(issued.group("document"), at, floor, resolver, context, previous)
    if issued:
        owner = issued.group("owner")
        phrase = _OWNER_PRONOUN.get(owner.lower(), re.sub(r"['’]s$", "", owner).strip())
    joint = _JOINT_WRITERS.match(phrase.strip())
    if joint:
        # "port experts Ana Lund and Tom Briggs of the Dover Institute wrote": the name that closes
        # the pair speaks for both, as it does before a quote ("Her biographers, Ana and Tom Lund, wrote")
        closing = resolve(joint.group("name"), at, floor, resolver, context, previous)
        if closing.actor is not None and closing.actor.kind == ActorKind.PERSON:
            described = speaker_type(phrase, context)  # what the pair are: "port experts"
            return replace(closing, type=described) if described != SpeakerType.OTHER else closing
    clause = _PRONOUN_CLAUSE.match(phrase.strip())
    if clause:
        phrase = clause.group("pronoun")  # "She went on to", "He criticized the plan": the pronoun speaks
    bare = phrase.strip().lower()
    if _SHARE.match(phrase.strip()):
        return Attribution(None, phrase.strip(), None, speaker_type(phrase, context))  # "About three in 10 said"
    if previous.actor is None and previous.role and _SAME_UNNAMED.fullmatch(phrase.strip()):
        return previous  # ""...," said a longtime adviser, who asked not to be named. "...," the person added"
    described = unnamed_voice(phrase, resolver, context)
    if described is not None:
        return described
    if bare in _PRONOUNS:
        if _PRONOUNS[bare] is ActorKind.PERSON:
            actor = resolver.subject_before(at, floor, bare)
        elif previous.actor is not None and previous.actor.kind != ActorKind.PERSON and any(
            a is previous.actor for _, a in resolver.mentions(floor, at, {previous.actor.kind})
        ):
            return previous  # "The ministry said ... . It added": the body that spoke last
        elif bare == "they" and previous.actor is None and previous.role:
            return previous  # "the groups say they are "..." . They ask ...": the voices no name was given
        else:
            # a state is "it"; "they" are people or a body ("groups in the United States ... They argue")
            kinds = {ActorKind.ORGANISATION, ActorKind.MILITARY_BODY} | ({ActorKind.STATE} if bare == "it" else set())
            actor = resolver.last_before(at, floor, kinds)
        return from_actor(actor, actor.name, context, article) if actor else NOBODY
    named = resolver.named_in(phrase)
    if named and named[0].kind == ActorKind.PERSON:
        named = (resolver.kin_written_last(named[0], named[1], at), named[1])
    writer = _NAME_AT_OUTLET.match(phrase)
    listed_first = named is not None and named[0].kind == ActorKind.PERSON and phrase.startswith(named[1])
    if writer and is_first_name(writer.group("first")) and not listed_first:
        # "Joel Roe of the Daily Ledger", "Larry Roe on Hot Air": the writer speaks, not where they write
        person = unlisted_person(writer.group("name"), article)
        return from_actor(person, person.name, context, article)
    # "an adviser to Alma Reyes" (a person's role), not "Secretary of State John Berrigan" (an office)
    someone_elses = any(is_first_name(m.group("first")) for m in _ROLE_BEFORE_NAME.finditer(phrase))
    if named and _ROLE_OF_ANOTHER.search(phrase[: phrase.find(named[1])]):
        named = None  # "one longtime adviser to Alma Reyes": the adviser speaks, not Reyes
    titled = _TITLED_NAME.search(phrase) or _name_closing(phrase)
    if named and titled and titled.start() >= phrase.find(named[1]) + len(named[1]) and not someone_elses and (
        titled.re is _TITLED_NAME or is_first_name(titled.group("first"))
    ):
        # "Latino Polls researcher Ana Ruiz", "party campaign chairman Ivo Marsh": the name that
        # closes the phrase is the speaker, the names before it only say whose they are
        closing = resolver.named_in(titled.group("name"))
        person = closing[0] if closing and closing[0].kind == ActorKind.PERSON else unlisted_person(titled.group("name"), article)
        return from_actor(person, person.name, context, article)
    if named and named[0].kind == ActorKind.PERSON:
        return from_actor(named[0], named[1], context, article)
    before_body = named is not None and phrase.find(named[1]) < (titled.start() if titled else 0)
    if titled and (not named or before_body) and not someone_elses and (titled.re is _TITLED_NAME or is_first_name(titled.group("first"))):
        # "Senate Majority Leader Oskar Brandvold", "Secretary of State John F. Berrigan", "Harbour Watch Foundation president Thomas Fenwick"
        person = unlisted_person(titled.group("name"), article)
        return from_actor(person, person.name, context, article)
    role = re.sub(r"^(?:the|a|an|one|its|their)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    body = _ROLE_AT.search(role)
    head = role[: body.start()] if body else role
    if re.search(rf"\b(?:{ROLE_NOUNS})s?\b", head, re.IGNORECASE) and not re.search(rf"\b{_ORG_NOUNS}$", head, re.IGNORECASE):
        # a voice the article does not name here: "the country's defence minister", "a spokesperson"
        person = _from_home_state(phrase, at, resolver) or (
            person_described(phrase, at, resolver.actors, article) if _ANONYMOUS.match(phrase) else None
        )
        # "the ambassador to Manila" says who it is in full: someone new, not the person named before
        complete = re.search(r"\s(?:to|of|for|at|in|from|with|on)\s", phrase)
        new_in_scene = _new_in_scene(phrase, at, article)  # "the moderator asked": someone new
        if person is None and re.match(r"the\s", phrase, re.IGNORECASE) and not body and not complete and not new_in_scene and not introduced_unnamed(
            phrase, at, [a for a in resolver.actors if a.kind == ActorKind.PERSON], article
        ):
            # "the veteran elaborates": the person named before, unless the story gave them an office or
            # expertise that says they are no witness ("the witness said" after a rights group's director)
            person = resolver.subject_before(at, floor, fits=lambda p: _may_be_a_witness(p, phrase, article))
        if person is not None:
            return from_actor(person, person.name, context, article)
        speaks_for = resolver.named_in(body.group("body")) if body else None
        if speaks_for and speaks_for[0].kind != ActorKind.PERSON and not re.match(r"^(?:former|retired)\b", role, re.IGNORECASE):
            actor = speaks_for[0]
            return Attribution(actor.name, role, None, speaker_type(role, context), actor)
        if named and re.search(rf"\b(?:known|identified(?: only)?|named|called)\s+as\s+{re.escape(named[1])}|named\s+{re.escape(named[1])}", phrase):
            return from_actor(named[0], named[1], context, article)  # "the station chief known as Erik"
        return Attribution(None, role, _state_in(phrase), speaker_type(role, context))
    if named:
        return from_actor(named[0], named[1], context, article)
    m = _ANONYMOUS.match(phrase)
    if m and re.search(rf"\b{_ORG_NOUNS}$", phrase, re.IGNORECASE):
        noun = m.group("desc").split()[-1]
        last_so = _body_last_called(noun, at, resolver) if re.match(r"the\s", phrase, re.IGNORECASE) else None
        if last_so is _UNNAMED_BODY:
            return Attribution(None, role, _state_in(phrase), SpeakerType.ORGANISATION)
        if last_so is not None:
            return from_actor(last_so, last_so.name, context, article)
        for label, actor in resolver.labels:
            if actor.kind != ActorKind.PERSON and re.search(rf"\b{re.escape(noun)}\b", label, re.IGNORECASE):
                return from_actor(actor, label, context, article)
        outlet = outlet_before(at, article) if re.fullmatch(_OUTLET_NOUNS, noun, re.IGNORECASE) else None
        if outlet is not None:
            return Attribution(re.sub(r"^[Tt]he\s+", "", outlet), None, None, SpeakerType.ORGANISATION)  # "the newspaper"
        actor = resolver.last_before(at, floor, {ActorKind.ORGANISATION, ActorKind.MILITARY_BODY})
        return from_actor(actor, actor.name, context, article) if actor else Attribution(None, role, None, SpeakerType.ORGANISATION)
    proper = _PROPER_NAME.match(phrase)
    if proper and not _runs_on(article, proper.group("name"), at) and not _PARTY_MEMBER.search(proper.group("name")):
        # "the Times reported", "The Harbour Gazette said": a name the actor list leaves out (an
        # outlet cited as a source) speaks for itself, not for the person named before it ("the
        # Ohio Republican" is a member of a party: a person described, read below)
        return Attribution(proper.group("name"), None, None, SpeakerType.ORGANISATION)
    if m and re.match(r"the\s", phrase, re.IGNORECASE) and not introduced_unnamed(
        phrase, at, [a for a in resolver.actors if a.kind == ActorKind.PERSON], article
    ):
        # "the presumptive nominee wrote in a post": a definite description is the person named before it,
        # unless it says in full where it is from ("the authorities in Tskhinvali"): someone new
        person = (
            _from_home_state(phrase, at, resolver)
            or person_described(phrase, at, resolver.actors, article)
            or _of_age(phrase, at, resolver)
        )
        if person is None and not _PLACED.search(phrase):
            # "the billionaire businessman", "the presumptive nominee": whom a title called so, else the subject
            # before ("the moderator" whom nothing called so is no one the story named)
            person = described_as(phrase.split()[-1], at, resolver.actors, article) or (
                None
                if _new_in_scene(phrase, at, article)
                else resolver.subject_before(
                    at, floor, fits=lambda p: may_be_described(p, phrase, article) and _marks_fit(p, phrase, article)
                )
            )
        if person is not None:
            return from_actor(person, person.name, context, article)
    if m:
        return Attribution(None, role, None, speaker_type(role, context))
    # one word in capitals, however it is cased inside ("VanderSloot"), or a name after its titles
    name = re.fullmatch(r"[A-Z][\w'’-]+", phrase.strip()) or re.search(rf"{NAME}(?![\w'’-])", _TITLE_LEAD.sub("", phrase))
    first_person = re.match(r"(?:I|We)['’]", phrase.strip())  # "I'd ask", "We'd say": the writer, no name
    if name and phrase[:1].isupper() and name.group(0).split()[0] not in NOT_A_NAME and not first_person:
        courtesy = COURTESY.fullmatch(phrase.strip())
        if courtesy:
            # "Mr. VandeHei": the whole surname after the title, inner capitals and all
            person = _by_courtesy_title(courtesy, at, resolver) or unlisted_person(courtesy.group("surname"), article)
        else:
            person = unlisted_person(name.group(0), article)
        return from_actor(person, person.name, context, article)
    return NOBODY


#: What a description may say of whom it stands for beyond an office, and how a profile writes it:
#: a party ("the Republican presidential candidate") or the race for president.
_MARKS = {
    r"\b(?:Republican|GOP)\b": r"\b(?:Republican|GOP)\b|\(R-",
    r"\bDemocrat(?:ic)?\b": r"\bDemocrat(?:ic)?\b|\(D-",
    r"\bpresidential\b": r"\bpresiden|\bWhite House\b",
}


#: A home state a description opens on: "the Vermont senator", "the New York Democrat", "Indiana's governor".
_STATE_IN_DESCRIPTION = re.compile(
    r"^(?:(?i:the)\s+(?P<state>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)|(?P<owner>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?(?:[a-z][\w-]*|Democrat|Republican|Independent)$"
    # "the senator from Vermont", "the junior senator from New Hampshire"
    r"|^(?i:the)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\s+from\s+(?P<home>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)$"
)


def _from_home_state(description: str, at: int, resolver: Resolver) -> ActorCandidate | None:
    """The person the story tied to the state a description opens on, named last before ``at``:
    by a party tag ("Sen. Ada Brun (D-Vt.)"), "of Vermont" after the name or "Vermont Sen." before
    it. A description tells two senators apart by their states better than by who spoke last."""
    wanted = _STATE_IN_DESCRIPTION.match(description)
    forms = state_forms(wanted.group("state") or wanted.group("owner") or wanted.group("home")) if wanted else ()
    if not forms:
        return None
    article, either = resolver.article, "|".join(re.escape(f) for f in forms)
    name = re.escape(forms[0])
    # after a mention: "(D-Vt.)" or ", D-Vt.,", "of Vermont", ", a Vermont senator", ", Vermont's senator"
    tagged = re.compile(rf"\s*(?:\(|,\s+)(?:[A-Z]\w*)-\s*(?:{either})\.?(?:\)|,|\.|$)|\s+of\s+{name}\b|,\s+(?:an?\s+)?{name}(?:['’]s)?\s")
    placed = re.compile(rf"\b{name}(?:['’]s)?\s+(?:[A-Z][\w.]*\s+){{0,3}}$")  # before one: "Vermont Sen. "
    found, last = None, -1
    for person in (a for a in resolver.actors if a.kind == ActorKind.PERSON):
        for m in person.mentions:
            if m.end <= at and m.start > last and (tagged.match(article, m.end) or placed.search(article, max(0, m.start - 40), m.start)):
                if may_be_described(person, description, article):
                    found, last = person, m.start
    return found


#: An age a description gives: "the 45-year-old", "the 70-year-old senator".
_AGE_IN_DESCRIPTION = re.compile(r"\b(?P<age>\d{1,3})-year-old\b")
#: How a story gives a person's age: after the name ("Ana Lund, 45,") or before it ("45-year-old Ana Lund").
_AGE_AFTER_NAME = re.compile(r",\s*(?P<age>\d{1,3}),")
_AGE_BEFORE_NAME = re.compile(r"\b(?P<age>\d{1,3})-year-old\s+(?:[\w.’'-]+\s+){0,3}$")


def _of_age(description: str, at: int, resolver: Resolver) -> ActorCandidate | None:
    """The person the story gave the age a description names ("the 45-year-old added" after "Ed
    Marsh, 45,"), the one named last before ``at`` when several were that old: an age picks out
    whom the writer means better than who was the subject last."""
    wanted = _AGE_IN_DESCRIPTION.search(description)
    if wanted is None:
        return None
    article, found, last = resolver.article, None, -1
    for person in (a for a in resolver.actors if a.kind == ActorKind.PERSON):
        for m in person.mentions:
            given = _AGE_AFTER_NAME.match(article, m.end) or _AGE_BEFORE_NAME.search(article, max(0, m.start - 60), m.start)
            if m.end <= at and given and given.group("age") == wanted.group("age") and m.start > last:
                found, last = person, m.start
    return found


#: The party tag set after a name, in brackets or between commas: "Sen. Ana Lund (D-Minn.)", "Rep. Ana Lund,
#: D-Calif.," is a Democrat however her profile reads.
_PARTY_TAG_AFTER = re.compile(rf"\s*(?:\((?:[A-Z]|Ind|Dem|Rep)-[^()]{{1,14}}\)|,\s+{PARTY_AND_STATE},)")


def _marks_fit(person: ActorCandidate, description: str, article: str) -> bool:
    """Whether a person the article has described can be what a description says besides an office:
    "the Republican presidential candidate" is not the one it introduced as "Mayor" only. Someone
    it gives no title or appositive may be anyone; the party tag after a name says a party too ("Ana Lund
    (R-Texas)" is "the Texas Republican")."""
    tags = (_PARTY_TAG_AFTER.match(article, m.end) for m in person.mentions)
    said = " | ".join([profile(person, article)] + [t.group(0).strip(" ,") for t in tags if t]).strip(" |")
    return not said or all(re.search(found, said, re.IGNORECASE) for mark, found in _MARKS.items() if re.search(mark, description))


#: A body's verb that puts out words: "The party announced on Friday", "the agency issued".
_ISSUING = re.compile(
    r"\s+(?:(?:on|late|early)\s+\w+\s+|also\s+|has\s+|had\s+)?(?:said|says|announced|announces|issued|issues|released|"
    r"releases|published|sent|wrote|posted|tweeted|stated|declared|put\s+out)\b"
)


#: A document and the one who wrote it, named after "by": "a paper for Greenwatch on coal by the charity E4K".
_WRITTEN_BY = re.compile(
    r"^(?i:a|an|the|one|another|this|that)\s+(?:[\w'’-]+\s+){0,3}?(?i:report|study|analysis|survey|poll|review|paper|"
    r"projection|estimate|audit|memo|assessment|brief)\b[^“”\"]*?\bby\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}"
    r"(?P<author>[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z0-9][\w'’.&-]*)*)\s*$"
)


def _author_named(author: str, resolver: Resolver, context: str) -> Attribution:
    """Whose words a document written "by" someone gives: the actor of that name, a person the
    article names in full, or the body by the name the phrase gives it."""
    of_body = person_of_body(author)
    author = of_body.group("name") if of_body else author  # "by Ana Lund of Dunmore College": Lund wrote it
    named = resolver.named_in(author)
    if named is not None:
        return from_actor(named[0], named[1], context, resolver.article)
    if len(author.split()) >= 2 and is_first_name(author.split()[0]):
        person = unlisted_person(author, resolver.article)
        return from_actor(person, person.name, context, resolver.article)
    return Attribution(author, None, None, SpeakerType.ORGANISATION)


def _author(document: str, at: int, floor: int, resolver: Resolver, context: str, previous: Attribution) -> Attribution:
    """Whose words "the statement" or "the message" gives: whoever a sentence before has issue it
    ("The ministry issued a statement", "Ortiz sent an email"), else the body that spoke last
    ("The party announced ... . The release added"); no one when no author is named: a country
    or an agency named in passing ("Norway has pledged aid") wrote nothing."""
    article = resolver.article
    issued = [
        m for m in re.finditer(rf"\b(?i:a|an)\s+(?:[\w'’-]+\s+){{0,2}}?{re.escape(document)}\b", article[floor:at])
    ]
    mention = floor + issued[-1].start() if issued else -1
    sentence = next((s for s in reversed(resolver.sentences) if s.start <= mention), None) if issued else None
    named = resolver.named_in(article[sentence.start : mention]) if sentence is not None else None
    if named:
        return from_actor(named[0], named[1], context, article)
    if previous.actor is not None and previous.actor.kind != ActorKind.PERSON and any(
        a is previous.actor for _, a in resolver.mentions(floor, at, {previous.actor.kind})
    ):
        return previous  # "The ministry said ... . The statement added": the body that spoke last
    for start, body in reversed(resolver.mentions(floor, at, {ActorKind.ORGANISATION, ActorKind.MILITARY_BODY})):
        end = next((m.end for m in body.mentions if m.start == start), start)
        if _ISSUING.match(article, end):
            return from_actor(body, body.name, context, article)  # "The party announced ... . The release added"
    if document.lower().endswith("board"):
        # "the editorial board writes" with no paper named as its author: the board speaks as itself,
        # never the person its editorial is about
        return Attribution(None, document, None, SpeakerType.ORGANISATION)
    return NOBODY


#: Quantifiers that bring in people the story has not named: "a", "one", "several", "multiple".
_INDEFINITE_LEAD = r"(?:a|an|one|another|some|several|multiple|many|numerous|two|three|four|five|other)"
#: What may follow an unnamed person's head and still be about them: "one source who asked ...",
#: "a Democrat familiar with the campaign", "Source close to the group".
_UNNAMED_TAIL = re.compile(
    r"\s+(?:who|whom|whose|familiar|close|speaking|involved|briefed|knowledgeable|aware|with\s+knowledge)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
#: A word that can modify a head noun: not a conjunction, a pronoun or an article ("As the crowd").
_MODIFIER = (
    r"(?!(?i:as|when|while|after|before|if|because|since|though|although|until|once|where|the|a|an|and|but|or|"
    r"he|she|it|they|we|i|you|his|her|its|their|that|this|then|so)\b)[\w'’.&/-]+"
)
#: Plural or collective heads: a group of people the story does not name one by one.
_GROUP_HEADS = (
    r"sources?|officials|protesters|protestors|supporters|demonstrators|prosecutors|investigators|critics|"
    r"opponents|voters|residents|crowds?|attendees|others|lobbyists|audience|fans|activists|aides|advisers|advisors|staffers|"
    r"lawmakers|delegates|observers|insiders|allies|donors|organi[sz]ers|employees|workers|agents|officers|"
    r"members|hecklers?|onlookers|spectators|bystanders|loyalists|backers|surrogates|lawyers|attorneys|experts|"
    r"analysts|economists|strategists|pollsters|researchers|scholars|people|Democrats|Republicans|reporters|"
    r"respondents|groups|organi[sz]ations|questioners|callers|listeners|viewers|readers|commenters|those\s+(?:surveyed|polled|questioned|interviewed|asked)"
)
#: "Law enforcement sources", "Supporters of Ortiz", "Ortiz protesters", "the crowd": only plain
#: words before the head, and at most a short "of ..." after it.
_GROUP = re.compile(
    rf"^(?i:the\s+|some\s+|many\s+)?(?:{_MODIFIER}\s+){{0,3}}?(?i:{_GROUP_HEADS})(?:\s+(?:of|for|to)\s+[^,;]{{1,50}})?$"
)
#: Heads that stand in a relation to someone else: "his wife", "Ortiz's campaign manager", "the ad's narrator".
_RELATION_HEADS = (
    r"wife|husband|son|daughter|mother|father|brother|sister|family|friends?|lawyers?|attorneys?|counsel|"
    r"spokes(?:man|woman|person)|aides?|advisers?|advisors?|manager|office|campaign|staff|narrator|"
    r"secretary|chief of staff|team|camp|representatives?|allies|doctor|physician|colleagues?|neighbou?rs?|"
    r"partner|boss|employer|staffers?|relatives?|cousin|nephew|niece|uncle|aunt|grandmother|grandfather"
)
_RELATION = re.compile(
    rf"^(?P<owner>(?i:his|her)|(?:the\s+)?[^,;]{{1,50}}?['’]s?)\s+(?:[\w-]+\s+){{0,3}}?(?i:{_RELATION_HEADS})$"
)


#: Owners whose "secretary" or "spokesman" holds an office rather than stands in a relation.
_PLACE_NOUNS = r"(?:country|nation|state|region|city|province|island|kingdom|republic|territory|capital|town)"
#: A description built on someone's name: "the Ortiz campaign", "the Ortiz supporter", "the Ortiz camp".
_NAME_BUILT = re.compile(
    r"^(?i:the)\s+(?:[a-z][\w-]*\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:campaign|camp|team|supporters?|aides?|advisers?|advisors?|staffers?|spokes(?:man|woman|person)|lawyers?|"
    r"attorneys?|loyalists?|backers?|fans?|voters?|surrogates?|operatives?|strategists?|donors?|volunteers?)$"
)


#: A member of a party, never a surname after "a" or "one": "an Iowa Democrat", "one Ohio Republican".
_PARTY_MEMBER = re.compile(r"(?:Democrat|Republican|Independent|Libertarian|Conservative|Liberal|Tory|Socialist)s?$")
#: Someone the story counts without naming, standing alone: "another said", "read one", "others wrote".
_BARE_INDEFINITE = re.compile(r"^(?i:(?:yet|still)\s+)?(?i:another|one|others)$")
#: A share of a group that speaks: "About three in 10 said", "Two of his aides said", "Nearly half of those polled".
_SHARE = re.compile(
    r"^(?i:(?:about|almost|nearly|roughly|around|more\s+than|fewer\s+than|less\s+than|over|under|just|only|at\s+least)\s+)?"
    r"(?:(?i:\d[\d,.]*\s*%?|one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+third|a\s+quarter|most|many|some|"
    r"several|none|a\s+few|few|all|each|both|either|neither)\s+(?i:percent\s+)?(?i:in|out\s+of|of)\s+[^,;]*"
    r"|(?i:\d[\d,.]*\s*(?:%|percent)|(?:a|the)\s+(?:slim\s+|narrow\s+|large\s+)?(?:majority|plurality|minority)|"
    r"two-thirds|three-quarters|a\s+third|a\s+quarter|half)(?:\s+of\s+\S.*)?)$"
)
#: A voice in an ad or a broadcast, which the story never names: "a voice over", "the narrator".
_BROADCAST_VOICE = re.compile(
    r"(?:^|\bwith\s+)(?i:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?i:voice(?:[- ]?over)?|voiceover|narrator|announcer)$"
)
#: A thing with words on it that speaks for no one in particular: "the website explains", "the poll
#: found", "a sign in the crowd read". (A statement, report or release speaks for whoever issued it,
#: and so does a document that names the body it belongs to: "the Harbour Trust website notes".)
_DOCUMENT = re.compile(
    r"^(?i:the|a|an|one|this|that|another)\s+(?:[\w'’-]+\s+){0,3}?(?i:web\s?site|site|web\s?page|poll|transcript|signs?|"
    r"banner|placard|poster|caption|headline|slogan|hat|shirt|t-shirt|page|ad|advertisement|commercial|spot|mailer|"
    r"flyer|flier|leaflet|pamphlet|brochure|billboard|card|clip|video|excerpts?|script|cable|piece|editorial|account|"
    # a text of law that says what it says, no one's voice: "The county charter says, "...""
    r"charter|statute|constitution|ordinance|bylaws?|treaty|amendment|clause)"
    r"(?:\s+(?:on|in|from|at)\s+[^,;]{1,50})?$"
)


def unnamed_voice(phrase: str, resolver: Resolver, context: str) -> Attribution | None:
    """A speaker phrase that brings in someone the story does not name, as a role with no name:
    an indefinite description ("one campaign source who asked ...", "a man in the crowd"), a
    group ("Law enforcement sources", "Supporters of Ortiz", "the crowd") or someone's relation
    ("his wife", "Ortiz's campaign manager", "the ad's narrator"). A name inside such a phrase
    says whose they are, not who speaks. None when the phrase names its speaker, or a body
    speaks through it ("an official at the ministry", "the ministry's spokesman")."""
    phrase = phrase.strip()
    trimmed = _UNNAMED_TAIL.sub("", phrase)
    document = _DOCUMENT.match(trimmed)
    if document and (owner := resolver.named_in(trimmed)) is not None and owner[0].kind != ActorKind.PERSON:
        return None  # "the Harbour Trust website notes": the body speaks through its website
    if _BARE_INDEFINITE.match(trimmed) or _BROADCAST_VOICE.search(trimmed) or document:
        return Attribution(None, re.sub(r"^(?i:with\s+)", "", phrase), None, speaker_type(phrase, context))
    someone = _SOMEONE.match(trimmed) or re.match(rf"^(?i:{_INDEFINITE_LEAD})\s+(?P<desc>(?:{_MODIFIER}\s+){{0,5}}[\w'’-]+)$", trimmed)
    last = someone.group("desc").split()[-1] if someone else ""
    whose = someone is not None and _ROLE_OF_ANOTHER.search(re.sub(r"(?:\s+[A-Z][\w'’.-]*)+$", " ", someone.group("desc")))
    if last[:1].isupper() and (is_first_name(last) or is_surname(last, resolver.article)) and not _PARTY_MEMBER.match(last) and not whose:
        # "A defensive Ortiz said": a name after its adjectives, not someone new ("an adviser to Ortiz" is)
        someone = None
    if last.lower() in _PRONOUNS or last.lower() in {"i", "we", "you", "his", "her", "their", "its", "our", "my", "your"}:
        someone = None  # "a point she often makes": a clause, not a description
    body = _ROLE_AT.search(someone.group("desc")) if someone else None
    if body and body.group("body").split()[-1].islower() and re.search(r"[A-Z]", body.group("body")):
        body = None  # "one Fund for Tomorrow ad": the preposition is inside a name, the head comes after it
    if someone and body and resolver.named_in(body.group("body")) is None and not _TITLED_NAME.search(trimmed):
        # "a spokeswoman for the harbour board" the article lists as no one: a role, not the person named before
        desc = re.sub(rf"^(?i:{_INDEFINITE_LEAD})\s+", "", phrase)
        return Attribution(None, desc, _state_in(phrase), speaker_type(desc, context))
    if someone and not body and not _TITLED_NAME.search(trimmed):
        # "one Marsh campaign source", "a Democratic staffer", "several senior aides": someone the
        # story does not name, whatever names stand in the description
        desc = re.sub(rf"^(?i:{_INDEFINITE_LEAD})\s+", "", phrase)
        return Attribution(None, desc, _state_in(phrase), speaker_type(desc, context))
    named = resolver.named_in(trimmed)
    if named is not None and named[0].kind != ActorKind.PERSON:
        return None  # "South Korean officials", "the ministry's spokesman": the body speaks
    role = re.sub(r"^(?i:the|some|many)\s+", "", phrase)
    if _GROUP.match(trimmed):
        return Attribution(None, role, _state_in(phrase), speaker_type(role, context))
    relation = _RELATION.match(trimmed)
    if relation and not re.search(rf"\b(?:{_ORG_NOUNS}|{_PLACE_NOUNS})['’]s?$", relation.group("owner"), re.IGNORECASE):
        # not "the ministry's spokesman" or "the country's defence secretary": an office, not a relation
        return Attribution(None, role, _state_in(phrase), speaker_type(role, context))
    if _NAME_BUILT.match(trimmed):
        return Attribution(None, role, _state_in(phrase), speaker_type(role, context))
    return None


#: A word before a body noun that modifies it ("a small advocacy group"), not one of a phrase
#: the noun only ends ("a deal with the company").
_BODY_MODIFIER = r"(?!(?i:the|a|an|of|for|with|to|in|on|at|by|from|and|or|but|his|her|its|their|this|that)\s)[\w'’-]+\s+"
#: What brings a body in by what it is: "a group of nurses", "the umbrella group for the clinics".
_INDEFINITE_BEFORE = re.compile(rf"\b(?i:a|an|one|another)\s+(?:{_BODY_MODIFIER}){{0,3}}$")
_DEFINITE_BEFORE = re.compile(rf"\b(?i:the)\s+(?:{_BODY_MODIFIER}){{0,3}}$")
#: What says which body a definite noun is: "the umbrella group for the clinics", "the union that
#: represents", not a verb's complement ("faulted the network for airing it").
_COMPLEMENT = re.compile(r"\s+(?:(?:of|for|representing)\s+(?!\w+ing\b)|(?:that|which|whose)\s)", re.IGNORECASE)
#: A body's name set beside the noun: "a group called Safe Streets", "an advocacy group, Safe Streets,".
_NAME_BESIDE = re.compile(r"\s*(?:,\s*|\s+(?:called|named|known\s+as)\s+)(?:the\s+)?", re.IGNORECASE)
#: ... or before it: "Safe Streets, a small advocacy group".
_APPOSED_BEFORE = re.compile(r",\s*(?i:an?|the)\s+(?:[\w'’-]+\s+){0,3}$")


#: What ``_body_last_called`` answers for a body the story brought in without a name.
_UNNAMED_BODY = ActorCandidate(name="", kind=ActorKind.ORGANISATION)


def _body_last_called(noun: str, at: int, resolver: Resolver) -> ActorCandidate | None:
    """The body that "the group" of "the group said" is, from where the noun last stood before
    ``at``: in or beside a body's name ("the Harbour Group", "Safe Streets, an advocacy group,"),
    that body; bringing in a body the story gives no name ("A group of nurses sent a letter",
    "the umbrella group for the clinics warned"), ``_UNNAMED_BODY``, not any body whose name holds
    the noun; else None, when the noun last stood elsewhere or nowhere."""
    article = resolver.article
    last = None
    for found in re.finditer(rf"\b{re.escape(noun)}\b", article[:at], re.IGNORECASE):
        if not resolver.in_quotes(found.start()):
            last = found
    if last is None:
        return None
    start, end = last.span()
    beside = _NAME_BESIDE.match(article, end)
    kinds = {ActorKind.ORGANISATION, ActorKind.MILITARY_BODY, ActorKind.STATE}
    for body in (a for a in resolver.actors if a.kind in kinds):
        for mention in body.mentions:
            if mention.start < end and start < mention.end:
                return body  # "the Harbour Group": the noun is part of a name
            if mention.end <= start and _APPOSED_BEFORE.fullmatch(article, mention.end, start):
                return body  # "Safe Streets, a small advocacy group"
            if beside and mention.start == beside.end():
                return body  # "an advocacy group called Safe Streets"
    lead = article[max(0, start - 60) : start]
    if _INDEFINITE_BEFORE.search(lead):
        return _UNNAMED_BODY
    if _DEFINITE_BEFORE.search(lead) and _COMPLEMENT.match(article, end):
        return _UNNAMED_BODY
    return None


def _runs_on(article: str, name: str, at: int) -> bool:
    """Whether a name read from a phrase is cut from a longer one ("the Islamic" of "the Islamic State")."""
    found = article.find(name, at)
    return found >= 0 and re.match(r"\s+[A-Z]", article[found + len(name) :]) is not None
