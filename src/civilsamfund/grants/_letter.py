"""A decision as people read it: the justification of a decision letter, in one language."""

from __future__ import annotations

from civilsamfund.core import Language, Text, cited, listed, prose_date
from civilsamfund.core.rules import Finding, Outcome, Status, kroner_text
from civilsamfund.grants._decision import Decision, RoundKind

_OUTCOMES = {
    Outcome.ELIGIBLE: Text(da="opfylder kriterierne", en="meets the criteria"),
    Outcome.NEEDS_ASSESSMENT: Text(
        da="skal vurderes af en sagsbehandler", en="needs a caseworker's assessment"
    ),
    Outcome.INELIGIBLE: Text(da="kan ikke støttes", en="cannot be supported"),
}
_STATUSES = {
    Status.PASS: Text(da="opfyldt", en="met"),
    Status.FAIL: Text(da="ikke opfyldt", en="not met"),
    Status.FLAG: Text(da="til vurdering", en="to assess"),
    Status.INFO: Text(da="oplysning", en="note"),
    Status.NOT_APPLICABLE: Text(da="ikke relevant", en="not relevant"),
}
_LABELS = {
    "title": Text(da="Afgørelse for ansøgning", en="Decision on application"),
    "applicant": Text(da="Ansøger", en="Applicant"),
    "person": Text(da="en privatperson", en="a private person"),
    "amount": Text(da="ansøgt beløb", en="amount applied for"),
    "missed": Text(
        da="Ansøgningen er modtaget efter årets frist den {deadline} og behandles derfor i "
        "runden {year}.",
        en="The application came after this year's deadline of {deadline} and is therefore "
        "considered in the {year} round.",
    ),
    "open_now": Text(
        da="Følgende midler kan søges hele året og dermed nu: {reserves}.",
        en="The following money can be applied for all year, and so now: {reserves}.",
    ),
    "outcome": Text(da="Resultat: ansøgningen", en="Outcome: the application"),
    "round": Text(da="Ansøgningsrunde", en="Round"),
    "yearly": Text(
        da="den årlige runde {year} med frist {deadline}",
        en="the yearly round {year}, deadline {deadline}",
    ),
    "all_year": Text(da="løbende, hele året", en="open all year"),
    "reserve": Text(da="reserveret del", en="reserved share"),
    "no_round": Text(
        da="konfigurationen fastsætter ingen ansøgningsfrist",
        en="the configuration sets no application window",
    ),
    "department": Text(da="Forvaltning", en="Department"),
    "entry": Text(da="Indgang", en="Point of entry"),
    "hearing": Text(da="Høring før fordeling", en="Hearing before allocation"),
    "unsettled": Text(da="ikke afgjort mellem {candidates}", en="not settled between {candidates}"),
    "auditor": Text(da="Regnskabet skal påtegnes af", en="The accounts must be signed by"),
    "reasons": Text(da="Begrundelse", en="Reasons"),
    "source": Text(da="kilde", en="source"),
    "appeal": Text(da="Klageadgang", en="Appeal"),
    "no_appeal": Text(
        da="konfigurationen giver ingen klagevejledning; en afgørelse skal oplyse om klageadgang "
        "(forvaltningsloven § 25)",
        en="the configuration gives no appeal statement; a decision must state how to appeal "
        "(Forvaltningsloven §25)",
    ),
    "basis": Text(da="Grundlag", en="Basis"),
    "rules_of": Text(da="regler gældende", en="rules in force on"),
    "none": Text(da="ingen", en="none"),
    "legal_bases": Text(da="Hjemmel", en="Legal basis"),
}


def _label(key: str, language: Language) -> str:
    return _LABELS[key].in_(language)


def _name(decision: Decision, key: str, language: Language) -> str:
    """What the decision's names call ``key``, or the id itself."""
    name = decision.names.get(key)
    return key if name is None else name.in_(language)


def _round_text(decision: Decision, language: Language) -> str:
    round_ = decision.round
    if round_ is None:
        return _label("no_round", language) + "."
    if round_.kind is RoundKind.ALL_YEAR:
        text = _label("all_year", language)
    else:
        deadline = prose_date(round_.deadline, language) if round_.deadline else "?"
        text = _label("yearly", language).format(year=round_.year, deadline=deadline)
    if round_.reserve:
        text += f" ({_label('reserve', language)}: {_name(decision, round_.reserve, language)})"
    text += "."
    if round_.missed_deadline is not None:
        text += " " + _label("missed", language).format(
            deadline=prose_date(round_.missed_deadline, language), year=round_.year
        )
        if round_.open_all_year:
            names = listed(
                (_name(decision, key, language) for key in round_.open_all_year), language
            )
            text += " " + _label("open_now", language).format(reserves=names)
    return text


def _finding_text(finding: Finding, language: Language) -> str:
    status = _STATUSES[finding.status].in_(language)
    return (
        f"  - {finding.criterion} [{status}] {finding.rule.in_(language)} "
        f"{finding.reason.in_(language)}\n"
        f"    ({_label('source', language)}: {cited(finding.citation, language)})"
    )


def render_text(decision: Decision, language: Language = "da") -> str:
    """The decision as it would read in a decision letter's justification."""
    applicant = decision.applicant or _label("person", language)
    lines = [
        f"{_label('title', language)} {decision.application} "
        f"({_name(decision, decision.pool, language)})",
        f"{_label('applicant', language)}: {applicant}; {_label('amount', language)}: "
        f"{kroner_text(decision.amount, language)}.",
        f"{_label('outcome', language)} {_OUTCOMES[decision.outcome].in_(language)}.",
        f"{_label('round', language)}: {_round_text(decision, language)}",
    ]
    department = decision.department
    if department is not None:
        lines.append(f"{_label('department', language)}: {department.name.in_(language)}.")
        if department.point_of_entry is not None:
            lines.append(f"{_label('entry', language)}: {department.point_of_entry.in_(language)}")
        if department.hearing:
            heard = listed((_name(decision, key, language) for key in department.hearing), language)
            lines.append(f"{_label('hearing', language)}: {heard}.")
    elif decision.department_candidates:
        candidates = listed(
            (_name(decision, key, language) for key in decision.department_candidates), language
        )
        unsettled = _label("unsettled", language).format(candidates=candidates)
        lines.append(f"{_label('department', language)}: {unsettled}.")
    if decision.auditor is not None:
        auditor = decision.auditor
        lines.append(
            f"{_label('auditor', language)} {auditor.name.in_(language)}. "
            f"{auditor.explanation.in_(language)}"
        )
    if decision.legal_bases:
        lines.append(
            f"{_label('legal_bases', language)}: {listed(decision.legal_bases, language)}."
        )
    lines.append(f"{_label('reasons', language)}:")
    lines.extend(_finding_text(finding, language) for finding in decision.findings)
    appeal = decision.appeal.in_(language) if decision.appeal else _label("no_appeal", language)
    audit = decision.audit
    lines += [
        f"{_label('appeal', language)}: {appeal}",
        f"{_label('basis', language)}: {_label('rules_of', language)} "
        f"{prose_date(audit.rules_date, language)}; civilsamfund {audit.library_version}; "
        f"{audit.config_fingerprint}",
    ]
    return "\n".join(lines)
