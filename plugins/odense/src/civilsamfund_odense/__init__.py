"""Odense Kommune for civilsamfund: where its configuration lives, and one extra check.

The strategy lets each of the two committees add supplementary criteria for its own
pool (O18-10). :class:`ChildCertificate` is the worked example of such a criterion: it
is not one Odense has adopted, so the shipped configuration does not use it; a
committee that wants it lists a criterion of type ``odense.child_certificate`` under
its department's ``criteria`` in ``organisation.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from attrs import frozen

from civilsamfund import Check, Examples, Facts, Known, Status, Text, Verdict, hookimpl, missing
from civilsamfund.grants import GrantApplication, GrantCheck
from civilsamfund.grants.facts import application_fact

__version__ = "0.3.0"
"""The plugin's version, in one place: hatch reads it for the package's metadata."""

_SHIPPED = Path(__file__).parent / "municipality"

CONTACT_WITH_CHILDREN_UNDER_15 = application_fact(
    "contact_with_children_under_15",
    Text(
        da="om der er kontakt med børn under 15 år",
        en="whether there is contact with children under 15",
    ),
)
"""Declared in Odense's ``municipality.toml``; applications give it under ``facts``."""
_REPOSITORY = Path(__file__).resolve().parents[4] / "municipalities" / "odense"


@frozen(kw_only=True)
class ChildCertificate(GrantCheck):
    """Activities with contact with children under 15 must confirm child-protection certificates.

    A børneattest is required by law before engaging anyone, paid or unpaid, in
    regular direct contact with children under 15. The check reads the fact
    ``contact_with_children_under_15``, which Odense's configuration declares and
    applications give under ``facts``, and flags such activities so a caseworker
    confirms the certificates; it never rejects.
    """

    FACTS = (CONTACT_WITH_CHILDREN_UNDER_15,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "needed": Text(
            da="Aktiviteten giver kontakt med børn under 15 år; børneattester skal indhentes "
            "for de frivillige, før de starter.",
            en="The activity involves contact with children under 15; child-protection "
            "certificates must be obtained for the volunteers before they start.",
        ),
        "not_needed": Text(
            da="Aktiviteten giver ikke kontakt med børn under 15 år.",
            en="The activity involves no contact with children under 15.",
        ),
    }

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        contact = facts[CONTACT_WITH_CHILDREN_UNDER_15]
        if contact is None:
            return missing(CONTACT_WITH_CHILDREN_UNDER_15)
        if contact:
            return Verdict(
                status=Status.FLAG,
                message="needed",
                facts={"contact_with_children_under_15": True},
            )
        return Verdict(
            status=Status.PASS,
            message="not_needed",
            facts={"contact_with_children_under_15": False},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {CONTACT_WITH_CHILDREN_UNDER_15: [not passing]}


@hookimpl
def civilsamfund_criterion_types() -> Mapping[str, type[Check[GrantApplication]]]:
    """Odense's own check types."""
    return {"odense.child_certificate": ChildCertificate}


@hookimpl
def civilsamfund_municipality_dirs() -> Sequence[Path]:
    """The Odense configuration: shipped in the wheel, or the repository's in a checkout."""
    return [_SHIPPED if _SHIPPED.is_dir() else _REPOSITORY]
