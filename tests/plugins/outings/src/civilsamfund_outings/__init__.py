"""A sixth domain from outside the core, the proof that a plugin can add one: a club's
planned outings, judged by how many go and how many lead them.

Everything the library builds for a domain comes from the one ``Domain`` record below:
``civilsamfund outings check``, ``schema outings``, policy cases, conformance of the
examples, ``testing.violating`` and ``st.from_type(Outing)``. Nothing in the core names
this domain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, ClassVar

from attrs import field, frozen

import civilsamfund as cs


class OutingError(cs.InputError):
    """An outing the configuration cannot judge, or bad input."""


@frozen(kw_only=True)
class Outing:
    """The subject: an outing as a club plans it."""

    id: str
    kind: str = field(metadata=cs.refers("outing"))
    on: date
    members: int | None = None
    leaders: int | None = None


MEMBERS: cs.Fact[Outing, int | None] = cs.attribute_fact(
    "members", cs.Text(da="antal deltagere", en="the number of members going")
)
LEADERS: cs.Fact[Outing, int | None] = cs.attribute_fact(
    "leaders", cs.Text(da="antal ledere", en="the number of leaders")
)


@frozen(kw_only=True)
class MaxMembers(cs.Check[Outing]):
    """At most ``limit`` members go."""

    limit: int

    SUBJECT: ClassVar[type[Any]] = Outing
    FACTS: ClassVar[tuple[cs.Fact[Any, Any], ...]] = (MEMBERS,)
    MESSAGES: ClassVar[Mapping[str, cs.Text]] = {
        "within": cs.Text(
            da="{members} deltagere er højst {limit}.", en="{members} members is at most {limit}."
        ),
        "above": cs.Text(
            da="{members} deltagere er flere end {limit}.",
            en="{members} members is more than {limit}.",
        ),
    }

    def evaluate(self, facts: cs.Facts[Outing]) -> cs.Verdict:
        members = facts[MEMBERS]
        if members is None:
            return cs.missing(MEMBERS, limit=self.limit)
        within = members <= self.limit
        return cs.Verdict(
            status=cs.Status.PASS if within else cs.Status.FAIL,
            message="within" if within else "above",
            facts={"members": members, "limit": self.limit},
        )

    def examples(self, passing: bool, known: cs.Known) -> cs.Examples:
        return {MEMBERS: [self.limit, 0] if passing else [self.limit + 1]}


@frozen(kw_only=True)
class LeadersPerMembers(cs.Check[Outing]):
    """One leader for every ``per`` members, or fewer."""

    per: int

    SUBJECT: ClassVar[type[Any]] = Outing
    FACTS: ClassVar[tuple[cs.Fact[Any, Any], ...]] = (MEMBERS, LEADERS)
    MESSAGES: ClassVar[Mapping[str, cs.Text]] = {
        "enough": cs.Text(
            da="{leaders} ledere er nok til {members} deltagere.",
            en="{leaders} leaders are enough for {members} members.",
        ),
        "few": cs.Text(
            da="{leaders} ledere er for få til {members} deltagere.",
            en="{leaders} leaders are too few for {members} members.",
        ),
    }

    def evaluate(self, facts: cs.Facts[Outing]) -> cs.Verdict:
        members, leaders = facts[MEMBERS], facts[LEADERS]
        if members is None or leaders is None:
            unknown = [fact for fact in (MEMBERS, LEADERS) if facts[fact] is None]
            return cs.missing(*unknown, per=self.per)
        enough = leaders * self.per >= members
        return cs.Verdict(
            status=cs.Status.PASS if enough else cs.Status.FLAG,
            message="enough" if enough else "few",
            facts={"members": members, "leaders": leaders, "per": self.per},
        )

    def examples(self, passing: bool, known: cs.Known) -> cs.Examples:
        if passing:
            return {MEMBERS: [self.per], LEADERS: [1]}
        return {MEMBERS: [self.per + 1], LEADERS: [1]}


@frozen(kw_only=True)
class OutingKind:
    """A kind of outing a club plans, and the rules its plans are judged by."""

    id: str
    name: cs.Text
    citation: cs.Citation
    criteria: tuple[str, ...] = field(metadata=cs.refers("criterion", covered=True, required=True))
    department: str = field(metadata=cs.refers("department"))


@frozen(kw_only=True)
class OutingsFile:
    """``outings.toml``: the kinds of outing."""

    outings: tuple[OutingKind, ...] = field(default=(), metadata=cs.entries("outing"))


@frozen(kw_only=True)
class OutingDecision:
    """What the rules say of one outing."""

    outing: str
    municipality: str
    on: date
    outcome: cs.Outcome
    findings: tuple[cs.Finding, ...]


Prepared = tuple[tuple[cs.Rule[Outing], ...], Outing, date]


class OutingAssessor:
    """Judges outings by the rules of their kind in force on the day."""

    def __init__(self, municipality: cs.Municipality) -> None:
        self.municipality = municipality
        self.kinds = {kind.id: kind for kind in municipality.section(OutingsFile).outings}
        self.evaluator = cs.Evaluator()

    def prepare(self, outing: Outing, on: date | None = None) -> Prepared:
        """The rules ``outing`` is judged by on ``on`` (default: its own day)."""
        day = outing.on if on is None else on
        kind = self.kinds.get(outing.kind)
        if kind is None:
            known = ", ".join(self.kinds) or "none"
            raise OutingError.at(
                "", "kind", f"expected a kind of outing ({known}), got {outing.kind!r}"
            )
        rules = self.municipality.rulebook.in_force(kind.criteria, day)
        if not rules:
            raise OutingError.at(
                "",
                "on",
                f"expected a day on which the rules of {kind.id!r} are in force, got {day}",
            )
        return rules, outing, day

    def decide(self, prepared: Prepared) -> OutingDecision:
        """The decision on a prepared outing."""
        rules, outing, day = prepared
        findings = tuple(self.evaluator.judge(rule, outing) for rule in rules)
        return OutingDecision(
            outing=outing.id,
            municipality=self.municipality.slug,
            on=day,
            outcome=cs.outcome(findings),
            findings=findings,
        )

    def assess(self, outing: Outing, on: date | None = None) -> OutingDecision:
        """The decision on ``outing`` by the rules in force on ``on``."""
        return self.decide(self.prepare(outing, on))


def assess(municipality: cs.Municipality, outing: Outing, on: date | None = None) -> OutingDecision:
    """The decision on ``outing``, as every domain's module ``assess`` gives it."""
    return OutingAssessor(municipality).assess(outing, on)


def outing_text(decision: OutingDecision, language: cs.Language) -> str:
    """A summary for the club: the outcome, then each finding's reason."""
    lines = [f"{decision.outing}: {decision.outcome.value}"]
    lines += [f"  {f.criterion}: {f.reason.in_(language)}" for f in decision.findings]
    return "\n".join(lines)


OUTINGS = cs.Items(key="outings", model=Outing, error=OutingError)

BATCH: cs.Batch[OutingAssessor, Outing, Prepared, OutingDecision] = cs.Batch(
    items=OUTINGS,
    assessor=OutingAssessor,
    decide=OutingAssessor.decide,
    renderers={"text": outing_text, "json": cs.document_json},
    decision=OutingDecision,
)


DOMAIN = cs.Domain(
    key="outings",
    subject=Outing,
    error=OutingError,
    sections=(cs.Section(file="outings.toml", model=OutingsFile),),
    checks={"outings.max_members": MaxMembers, "outings.leaders_per_members": LeadersPerMembers},
    batch=BATCH,
    examples={"outings": BATCH.judge},
    cases=(
        cs.Cases(key="outing", what="an outing", model=Outing, error=OutingError, decide=assess),
    ),
    testing="civilsamfund_outings.testing",
)


@cs.hookimpl
def civilsamfund_domains() -> Sequence[cs.Domain]:
    """The outings domain."""
    return (DOMAIN,)
