"""Awards: strategies for the catalogue's versions, nominations, their decisions and
the jury's choice."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from civilsamfund.awards import (
    FIRST_YEAR,
    LAST_YEAR,
    AwardVersion,
    JuryDecision,
    Nomination,
    NominationDecision,
    Nominator,
    NominatorKind,
    Nominee,
    NomineeKind,
    Rotation,
    Winner,
)
from civilsamfund.core import looks_like_cpr
from civilsamfund.core.rules import Outcome
from civilsamfund.testing._models import (
    audit_records,
    citations,
    cvr_numbers,
    dates,
    findings,
    names,
    texts,
)

years = st.integers(FIRST_YEAR, LAST_YEAR)
"""Any year a catalogue can name."""

_references = st.none() | names.filter(lambda text: not looks_like_cpr(text))
_maybe = st.none() | st.booleans()

nominees = st.builds(
    Nominee,
    kind=st.just(NomineeKind.ASSOCIATION),
    name=st.none() | names,
    cvr=st.none() | cvr_numbers(),
) | st.builds(
    Nominee,
    kind=st.sampled_from([NomineeKind.VOLUNTEER, NomineeKind.YOUNG_PERSON]),
    reference=_references,
    age=st.none() | st.integers(0, 130),
    association=st.none() | names,
)
"""Nominees: associations by name, persons by reference only."""

nominators = st.builds(
    Nominator,
    kind=st.sampled_from([NominatorKind.ASSOCIATION, NominatorKind.MUNICIPALITY]),
    name=st.none() | names,
) | st.builds(Nominator, kind=st.just(NominatorKind.PERSON), reference=_references)

nominations = st.builds(
    Nomination,
    id=names,
    award=names,
    year=years,
    nominee=nominees,
    nominator=nominators,
    reasons=names,
    in_municipality=_maybe,
    voluntary_social=_maybe,
    socially_vulnerable=_maybe,
    target_groups=st.none() | st.lists(names, max_size=3, unique=True).map(tuple),
    theme_focus=_maybe,
)
"""Any well-formed nomination, its ids unchecked against a municipality."""


@st.composite
def award_versions(draw: st.DrawFn) -> AwardVersion:
    """Award versions whose last year, when given, is not before the first, with a
    rotation (when drawn) that has started by the first year."""
    first = draw(st.integers(FIRST_YEAR, LAST_YEAR))
    last = draw(st.none() | st.integers(first, LAST_YEAR))
    rotation = draw(
        st.none()
        | st.builds(
            Rotation,
            groups=st.lists(names, min_size=1, max_size=4).map(tuple),
            first_year=st.integers(FIRST_YEAR, first),
            reading=texts,
        )
    )
    return AwardVersion(
        first_year=first,
        last_year=last,
        name=draw(texts),
        count=draw(st.integers(1, 10)),
        winners=tuple(draw(st.lists(st.sampled_from(NomineeKind), min_size=1, unique=True))),
        who=draw(texts),
        criteria=tuple(draw(st.lists(names, max_size=3, unique=True))),
        theme=draw(st.none() | texts),
        examples=tuple(draw(st.lists(texts, max_size=3))),
        rotation=rotation,
        replaces=draw(st.none() | names),
        citation=draw(citations),
        reading=draw(st.none() | texts),
    )


nomination_decisions = st.builds(
    NominationDecision,
    nomination=names,
    award=names,
    year=years,
    target_group=st.none() | names,
    municipality=names,
    outcome=st.sampled_from(Outcome),
    findings=st.lists(findings, max_size=4).map(tuple),
    audit=audit_records,
    names=st.dictionaries(names, texts, max_size=3),
)
jury_decisions = st.builds(
    JuryDecision,
    municipality=names,
    award=names,
    year=years,
    committee=names,
    decided_on=dates,
    winners=st.lists(
        st.builds(Winner, nomination=names, reasons=names), min_size=1, max_size=3
    ).map(tuple),
    audit=audit_records,
)

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Nominee: nominees,
    Nominator: nominators,
    Nomination: nominations,
    AwardVersion: award_versions(),
    NominationDecision: nomination_decisions,
    JuryDecision: jury_decisions,
}
"""The strategy registered for each awards model type."""
