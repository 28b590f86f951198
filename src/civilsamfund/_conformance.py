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
from typing import TypeVar

from civilsamfund._municipality import Municipality
from civilsamfund.awards import _reading as nominations
from civilsamfund.awards._assessment import NominationAssessor
from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._nomination import Nomination
from civilsamfund.config._loader import load_municipality_dir
from civilsamfund.config._national import national_rules
from civilsamfund.config._sections import RULES, RulesFile
from civilsamfund.core._errors import InputError, PluginError, Problems
from civilsamfund.core._problems import Problem
from civilsamfund.grants import _reading as applications
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._assessment import Assessor
from civilsamfund.grants._errors import ApplicationError
from civilsamfund.organisation import _reading as proposals
from civilsamfund.organisation._assessment import ForumAssessor
from civilsamfund.organisation._errors import ForumError
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.pipeline._documents import read_document, structured
from civilsamfund.plugins._manager import Plugins, installed
from civilsamfund.strategy import _design_batch as meetings
from civilsamfund.strategy._design import DesignMeeting
from civilsamfund.strategy._errors import DesignError
from civilsamfund.strategy._meetings import DesignSummariser
from civilsamfund.volunteers import _reading as tasks
from civilsamfund.volunteers._assessment import TaskAssessor
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._review import FormKind, write_reviews
from civilsamfund.volunteers._task import VolunteerTask

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

T = TypeVar("T")


def _each(key: str, model: type[T], error: type[InputError], judge: Callable[[T], object]) -> Judge:
    """A judge of every item of an example document: a problem the judging finds names
    the file and the item's path (``proposals[0].on``), as a batch's would, not only the
    item's id."""

    def each(path: Path) -> None:
        document = read_document(path, key, error=error)
        found = Problems()
        for index, item in enumerate(structured(document, model, error)):
            try:
                judge(item)
            except InputError as exc:
                placed = exc.within(document.source, document.where(index))
                found.extend(placed.problems, placed.more)
        found.raise_as(error)

    return each


def _applications(municipality: Municipality) -> Judge:
    assess = Assessor(municipality).assess
    return _each(applications.KEY, GrantApplication, ApplicationError, assess)


def _tasks(municipality: Municipality) -> Judge:
    return _each(tasks.KEY, VolunteerTask, TaskError, TaskAssessor(municipality).assess)


def _nominations(municipality: Municipality) -> Judge:
    assess = NominationAssessor(municipality).assess
    return _each(nominations.KEY, Nomination, AwardError, assess)


def _proposals(municipality: Municipality) -> Judge:
    return _each(proposals.KEY, ForumProposal, ForumError, ForumAssessor(municipality).assess)


def _design(municipality: Municipality) -> Judge:
    summariser = DesignSummariser(municipality)
    return _each(
        meetings.KEY,
        DesignMeeting,
        DesignError,
        lambda meeting: summariser.summarise(summariser.admit(meeting)),
    )


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
