"""The facts of a candidacy (a nomination with its award's year) that checks read, each
with its label in both languages."""

from __future__ import annotations

from civilsamfund.awards._catalogue import NomineeKind
from civilsamfund.awards._nomination import Candidacy
from civilsamfund.core import Text
from civilsamfund.core.rules import Fact, attribute_fact

NOMINEE_KIND: Fact[Candidacy, NomineeKind] = attribute_fact(
    "nomination.nominee.kind",
    Text(da="hvem der er indstillet", en="who is nominated"),
    name="nominee_kind",
)
WINNERS: Fact[Candidacy, tuple[NomineeKind, ...]] = attribute_fact(
    "award.version.winners", Text(da="hvem prisen kan gå til", en="who the award can go to")
)
IN_MUNICIPALITY: Fact[Candidacy, bool | None] = attribute_fact(
    "nomination.in_municipality",
    Text(da="om indsatsen er i kommunen", en="whether the work is in the municipality"),
)
VOLUNTARY_SOCIAL: Fact[Candidacy, bool | None] = attribute_fact(
    "nomination.voluntary_social",
    Text(
        da="om der er tale om en frivillig social forening",
        en="whether it is a voluntary social association",
    ),
)
SOCIALLY_VULNERABLE: Fact[Candidacy, bool | None] = attribute_fact(
    "nomination.socially_vulnerable",
    Text(
        da="om indsatsen er for socialt udsatte og sårbare",
        en="whether the work is for socially vulnerable people",
    ),
)
THEME_FOCUS: Fact[Candidacy, bool | None] = attribute_fact(
    "nomination.theme_focus",
    Text(da="om indsatsen har fokus på prisens tema", en="whether the work focuses on the theme"),
)
TARGET_GROUPS: Fact[Candidacy, tuple[str, ...] | None] = attribute_fact(
    "nomination.target_groups",
    Text(da="indsatsens målgrupper", en="the groups the work is for"),
)
AWARD_GROUP: Fact[Candidacy, str | None] = attribute_fact(
    "award.target_group",
    Text(da="årets målgruppe for prisen", en="the award's target group this year"),
    name="award_group",
)
