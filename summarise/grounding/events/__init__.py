"""Event candidates: what the story reports as having happened, with when, where and who.

A news story mixes reports ("North Korea fired a missile on Sunday") with background ("North
Korea has long used its missile program..."), forecasts ("is expected to test") and comment
("Analysts see this as..."). Reports are events, and so are past happenings the story states as
fact ("had fired 22 missiles since February", "sanctions passed in 2019"); habits, plans,
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

The modules follow one sentence's path: ``triggers`` (the words that report a happening),
``background`` (a trigger that is not a report, or an earlier one), ``clauses`` (each
happening's own clause and ``what``), ``hits`` (what one sentence reports), ``happenings``
(an event read off its clause), ``speech``, ``voices`` and ``statements`` (who takes a
position), and ``candidates`` (the story's events, merged, the news first).
"""

from summarise.grounding.events.candidates import find_event_candidates
from summarise.grounding.events.clauses import WHAT_CHARS
from summarise.grounding.events.happenings import EventCandidate
from summarise.grounding.events.hits import event_type

__all__ = ["WHAT_CHARS", "EventCandidate", "event_type", "find_event_candidates"]
