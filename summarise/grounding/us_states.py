"""The American states and the short forms news gives them, so a description can find its person.

Political reporting names a lawmaker once in full ("Sen. Ada Brun (D-Vt.)", "Gov. Lev Ostrov of
Texas") and then by home state and office ("the Vermont senator", "the Texas governor"). The tag
in brackets uses the Associated Press abbreviation or the postal code, never the state's name, so
matching a description to a person needs both. The table is the ``us`` package's (kept current
with each state's AP and postal forms), not one of our own.
"""

from __future__ import annotations

import us

#: Each state's name, with its AP abbreviation (the name itself where AP writes it out) and postal code.
_STATES: dict[str, tuple[str, ...]] = {
    state.name: tuple(dict.fromkeys(f for f in (state.ap_abbr, state.abbr) if f and f != state.name))
    for state in us.states.STATES
}


def state_forms(name: str) -> tuple[str, ...]:
    """How news writes the state called ``name``: the name, then its short forms; empty for a
    word that names no state."""
    forms = _STATES.get(name)
    return (name, *forms) if forms is not None else ()
