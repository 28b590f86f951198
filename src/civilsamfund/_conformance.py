"""The conformance check every municipality package must pass.

A municipality directory conforms when its configuration loads (every section read,
every reference resolving, no overlapping versions or gaps, every check type
explaining itself in both languages with the same facts), every example is judged
(grant applications in ``examples/``, volunteer tasks in ``examples/volunteers/``,
and role descriptions, checklists and agreements in ``examples/roles/``,
``examples/checklists/`` and ``examples/agreements/``, nominations in
``examples/nominations/``),
every installed plugin loads, and no national rule is set aside. ``civilsamfund
check-config`` runs it, and so does
the pytest plugin, once per municipality directory.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from civilsamfund._municipality import Municipality
from civilsamfund.awards._assessment import NominationAssessor
from civilsamfund.awards._reading import read_nominations
from civilsamfund.config._loader import load_municipality_dir
from civilsamfund.config._national import national_rules
from civilsamfund.config._sections import RULES, RulesFile
from civilsamfund.core._errors import InputError, PluginError
from civilsamfund.core._problems import Problem
from civilsamfund.grants._assessment import Assessor
from civilsamfund.grants._reading import read_applications
from civilsamfund.organisation._assessment import ForumAssessor
from civilsamfund.organisation._reading import read_proposals
from civilsamfund.plugins._manager import Plugins, installed
from civilsamfund.strategy._design_batch import read_meetings
from civilsamfund.strategy._meetings import DesignSummariser
from civilsamfund.volunteers._assessment import TaskAssessor
from civilsamfund.volunteers._reading import read_tasks
from civilsamfund.volunteers._review import FormKind, write_reviews

EXAMPLES_DIRECTORY = "examples"


def check_conformance(directory: str | Path, plugins: Plugins | None = None) -> list[Problem]:
    """Every way the municipality in ``directory`` falls short; empty when it conforms."""
    directory = Path(directory)
    try:
        plugins = installed() if plugins is None else plugins
        plugins.require_loaded()
        municipality = load_municipality_dir(directory, plugins)
        return [*_set_aside(municipality, directory), *_examples(municipality, directory)]
    except InputError as exc:
        return list(exc.problems)
    except PluginError as exc:
        return [Problem(source=f"plugin {exc.plugin!r}", path="", message=exc.message)]


Judge = Callable[[Path], object]


def _applications(municipality: Municipality) -> Judge:
    assessor = Assessor(municipality)
    return lambda path: [assessor.assess(application) for application in read_applications(path)]


def _tasks(municipality: Municipality) -> Judge:
    assessor = TaskAssessor(municipality)
    return lambda path: [assessor.check(task) for task in read_tasks(path)]


def _nominations(municipality: Municipality) -> Judge:
    assessor = NominationAssessor(municipality)
    return lambda path: [assessor.check(nomination) for nomination in read_nominations(path)]


def _proposals(municipality: Municipality) -> Judge:
    assessor = ForumAssessor(municipality)
    return lambda path: [assessor.check(proposal) for proposal in read_proposals(path)]


def _design(municipality: Municipality) -> Judge:
    summariser = DesignSummariser(municipality)
    return lambda path: [summariser.summarise(summariser.admit(m)) for m in read_meetings(path)]


def _forms(kind: FormKind) -> Callable[[Municipality], Judge]:
    def judge_for(municipality: Municipality) -> Judge:
        return lambda path: write_reviews(municipality, kind, [path], io.BytesIO())

    return judge_for


_EXAMPLES: Mapping[str, Callable[[Municipality], Judge]] = {
    "": _applications,
    "volunteers": _tasks,
    "roles": _forms("role"),
    "checklists": _forms("checklist"),
    "agreements": _forms("agreement"),
    "nominations": _nominations,
    "forums": _proposals,
    "design": _design,
}
"""Each kind of example by the folder below ``examples`` that holds it."""


def _set_aside(municipality: Municipality, directory: Path) -> Iterator[Problem]:
    """Each national rule the municipality sets aside: it loads, but does not conform."""
    national, _ = national_rules()
    latest = {entry.id: entry.citation for entry in national.criteria}  # versions in order
    for index, note in enumerate(municipality.section(RulesFile).national):
        if note.set_aside is None:
            continue
        citation = latest[note.criterion]
        document = municipality.document(citation.document)
        law = citation.document if document is None else document.title
        yield Problem.at(
            str(directory / RULES),
            f"national[{index}].set_aside",
            f"national rule {note.criterion!r} ({law}, {citation.section}) is set aside here, "
            f"though national law applies in every municipality: {note.set_aside.en}",
        )


def _examples(municipality: Municipality, directory: Path) -> Iterator[Problem]:
    for folder, judge_for in _EXAMPLES.items():
        examples = directory / EXAMPLES_DIRECTORY / folder
        judge = judge_for(municipality)
        for path in sorted([*examples.glob("*.toml"), *examples.glob("*.json")]):
            try:
                judge(path)
            except InputError as exc:
                yield from exc.problems
