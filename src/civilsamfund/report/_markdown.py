"""The annual report as Markdown for the committees it goes to, in Danish or English:
tables of the grant decisions, the awards, and each strategy's objectives and status."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from civilsamfund.core import Language, listed, prose_date
from civilsamfund.core.rules import finding_lines, kroner_text
from civilsamfund.report._model import AnnualReport, Count, GrantLine, StrategyLine
from civilsamfund.strategy import state_text

OUTCOME_WORDS = {
    "da": {
        "eligible": "Opfylder",
        "needs_assessment": "Skal vurderes",
        "ineligible": "Opfylder ikke",
    },
    "en": {
        "eligible": "Eligible",
        "needs_assessment": "Needs assessment",
        "ineligible": "Ineligible",
    },
}
_WORDS = {
    "da": {
        "title": "Årsrapport {year}: samarbejdet med civilsamfundet i {name}",
        "made": "Opgjort pr. {on} ud fra {decisions} tilskudsafgørelser fra {year}",
        "left_out": "; {left_out} afgørelser fra andre år er ikke talt med",
        "grants": "Tilskud",
        "no_grants": "Der er ingen tilskudsafgørelser fra året.",
        "by_pool": "Efter pulje",
        "by_department": "Efter forvaltning",
        "pool": "Pulje",
        "department": "Forvaltning",
        "unsettled": "(ikke afgjort)",
        "applications": "Ansøgninger",
        "amount": "Ansøgt beløb",
        "total": "I alt",
        "chart": "Ansøgninger efter pulje og udfald",
        "awards": "Priser",
        "no_awards": "Kommunen giver ingen priser i året.",
        "award": "Pris",
        "count": "Antal",
        "theme": "Tema",
        "group": "Målgruppe",
        "nominations": "Indstillinger",
        "nominations_left_out": "{count} indstillinger fra andre år er ikke talt med.",
        "nomination_left_out": "1 indstilling fra et andet år er ikke talt med.",
        "strategies": "Strategier",
        "no_strategies": "Kommunen har ingen strategi konfigureret.",
        "state": "Pr. {on}: {state}",
        "schedule": "Tidsplan",
        "objectives": "Mål og handleplaner",
        "principle": "tjener {principle}",
        "no_principle": "tjener intet princip",
        "plan": "Handleplan {id} ({start} til {end}){current}",
        "current": ", gælder i året",
        "unmapped_objectives": "Mål, der ikke tjener et princip",
        "unmapped_principles": "Principper, som intet mål tjener",
        "audit": "Lavet med civilsamfund {version}, konfiguration {fingerprint}",
    },
    "en": {
        "title": "Annual report {year}: the collaboration with civil society in {name}",
        "made": "As of {on}, from {decisions} grant decisions of {year}",
        "left_out": "; {left_out} decisions of other years are left out",
        "grants": "Grants",
        "no_grants": "There are no grant decisions from the year.",
        "by_pool": "By pool",
        "by_department": "By department",
        "pool": "Pool",
        "department": "Department",
        "unsettled": "(not settled)",
        "applications": "Applications",
        "amount": "Amount applied for",
        "total": "Total",
        "chart": "Applications by pool and outcome",
        "awards": "Awards",
        "no_awards": "The municipality gives no awards in the year.",
        "award": "Award",
        "count": "Count",
        "theme": "Theme",
        "group": "Target group",
        "nominations": "Nominations",
        "nominations_left_out": "{count} nominations of other years are left out.",
        "nomination_left_out": "1 nomination of another year is left out.",
        "strategies": "Strategies",
        "no_strategies": "The municipality configures no strategy.",
        "state": "On {on}: {state}",
        "schedule": "Schedule",
        "objectives": "Objectives and action plans",
        "principle": "serves {principle}",
        "no_principle": "serves no principle",
        "plan": "Action plan {id} ({start} to {end}){current}",
        "current": ", current in the year",
        "unmapped_objectives": "Objectives serving no principle",
        "unmapped_principles": "Principles no objective serves",
        "audit": "Made with civilsamfund {version}, configuration {fingerprint}",
    },
}


def _cell(text: str) -> str:
    """Text fit for a table cell: no line breaks, no column bars."""
    return " ".join(text.split()).replace("|", "\\|")


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int]) -> list[str]:
    """A Markdown table; the ``numeric`` columns are aligned right."""
    right = set(numeric)
    align = ["---:" if i in right else "---" for i in range(len(head))]
    lines = [f"| {' | '.join(head)} |", f"| {' | '.join(align)} |"]
    lines += [f"| {' | '.join(_cell(cell) for cell in row)} |" for row in rows]
    return lines


def named(report: AnnualReport, key: str, language: Language) -> str:
    """What the report calls ``key``, or the id where the configuration names it not."""
    name = report.names.get(key)
    return key if name is None else name.in_(language)


def _grant_table(
    report: AnnualReport, lines: Sequence[GrantLine], what: str, language: Language
) -> list[str]:
    words, outcomes = _WORDS[language], OUTCOME_WORDS[language]
    head = [
        words[what],
        words["applications"],
        words["amount"],
        *(outcomes[c.outcome.value] for c in report.grants.outcomes),
    ]

    def row(label: str, applications: int, amount: Decimal, counts: Iterable[Count]) -> list[str]:
        cells = [f"{c.applications} ({kroner_text(c.amount, language)})" for c in counts]
        return [label, str(applications), kroner_text(amount, language), *cells]

    rows = [
        row(
            words["unsettled"] if line.id is None else named(report, line.id, language),
            line.applications,
            line.amount,
            line.outcomes,
        )
        for line in lines
    ]
    grants = report.grants
    rows.append(row(f"**{words['total']}**", grants.decisions, grants.amount, grants.outcomes))
    return _table(head, rows, numeric=range(1, len(head)))


def _strategy_lines(line: StrategyLine, report: AnnualReport, language: Language) -> list[str]:
    words = _WORDS[language]

    def name(key: str) -> str:
        return named(report, key, language)

    state = state_text(line.state, line.due, line.overdue, language)
    on = prose_date(report.on, language)
    out = [f"### {name(line.strategy)}", "", words["state"].format(on=on, state=state), ""]
    if line.findings:
        out += [f"#### {words['schedule']}", "", "```text"]
        out += [text.strip() for text in finding_lines(line.findings, language)]
        out += ["```", ""]
    if line.objectives:
        out += [f"#### {words['objectives']}", ""]
        for objective in line.objectives:
            if objective.principle is not None:
                serves = f" ({words['principle'].format(principle=name(objective.principle))})"
            elif objective.objective in line.objectives_without_principle:
                serves = f" ({words['no_principle']})"
            else:  # the strategy names no principles to serve
                serves = ""
            focus = (
                "" if objective.focus_area is None else f": {objective.focus_area.in_(language)}"
            )
            out.append(f"- **{name(objective.objective)}**{serves}{focus}")
            for plan in objective.action_plans:
                current = words["current"] if plan.id in objective.current else ""
                out.append(
                    "  - "
                    + words["plan"].format(
                        id=plan.id,
                        start=prose_date(plan.start, language),
                        end=prose_date(plan.end, language),
                        current=current,
                    )
                )
                out += [f"    - {goal.in_(language)}" for goal in plan.goals]
        out.append("")
    for label, ids in (
        ("unmapped_objectives", line.objectives_without_principle),
        ("unmapped_principles", line.principles_without_objective),
    ):
        if ids:
            out += [f"{words[label]}: {listed((name(i) for i in ids), language)}", ""]
    return out


def report_markdown(
    report: AnnualReport, name: str, language: Language = "da", chart: str | None = None
) -> str:
    """The report as Markdown; ``name`` is the municipality's name, ``chart`` the path
    of a chart of the grants to show (relative to where the Markdown is read)."""
    words, grants = _WORDS[language], report.grants
    made = words["made"].format(
        on=prose_date(report.on, language), decisions=grants.decisions, year=report.year
    )
    if grants.left_out:
        made += words["left_out"].format(left_out=grants.left_out)
    out = [f"# {words['title'].format(year=report.year, name=name)}", "", made + ".", ""]
    out += [f"## {words['grants']}", ""]
    if not grants.decisions:
        out += [words["no_grants"], ""]
    else:
        for what, lines in (("pool", grants.pools), ("department", grants.departments)):
            out += [f"### {words['by_' + what]}", ""]
            out += [*_grant_table(report, lines, what, language), ""]
        if chart is not None:
            out += [f"![{words['chart']}]({chart})", ""]
    out += [f"## {words['awards']}", ""]
    if not report.awards:
        out += [words["no_awards"], ""]
    else:
        outcomes = OUTCOME_WORDS[language]
        rows = []
        for award in report.awards:
            named = report.names.get(award.award)
            group = award.target_group
            rows.append(
                [
                    award.award if named is None else named.in_(language),
                    str(award.count),
                    "-" if award.theme is None else award.theme.in_(language),
                    "-"
                    if group is None
                    else (report.names[group].in_(language) if group in report.names else group),
                    listed(
                        (
                            f"{n.nominations} {outcomes[n.outcome.value].lower()}"
                            for n in award.nominations
                        ),
                        language,
                    )
                    or "-",
                ]
            )
        head = [words[w] for w in ("award", "count", "theme", "group", "nominations")]
        out += [*_table(head, rows, numeric=(1,)), ""]
    left_out = report.nominations_left_out
    if left_out:
        key = "nomination_left_out" if left_out == 1 else "nominations_left_out"
        out += [words[key].format(count=left_out), ""]
    out += [f"## {words['strategies']}", ""]
    if not report.strategies:
        out += [words["no_strategies"], ""]
    for line in report.strategies:
        out += _strategy_lines(line, report, language)
    audit = report.audit
    out.append(
        "_"
        + words["audit"].format(version=audit.library_version, fingerprint=audit.config_fingerprint)
        + "_"
    )
    return "\n".join(out) + "\n"
