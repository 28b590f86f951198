"""The conformance check every municipality package must pass.

A municipality directory conforms when its configuration loads (every section read,
every reference resolving, no overlapping versions or gaps, every check type
explaining itself in both languages with the same facts), every example is judged
in the folder below ``examples/`` its domain declares (grant applications in
``examples/``, volunteer tasks in ``examples/volunteers/``, role descriptions,
checklists and agreements in ``examples/roles/``, ``examples/checklists/`` and
``examples/agreements/``, nominations in ``examples/nominations/``, forum proposals in
``examples/forums/``, design meetings in ``examples/design/``, and a plugin domain's
own), every installed plugin loads, and no national rule is set aside.
``civilsamfund check-config`` runs it, and so does the pytest plugin, once per
municipality directory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from civilsamfund.config import RULES, Municipality, RulesFile, national_rules
from civilsamfund.core import InputError, PluginError, Problem, own_or_guarded
from civilsamfund.plugins import Plugins, installed, load_municipality_dir

EXAMPLES_DIRECTORY = "examples"

T = TypeVar("T")


def check_conformance(directory: str | Path, plugins: Plugins | None = None) -> list[Problem]:
    """Every way the municipality in ``directory`` falls short; empty when it conforms."""
    directory = Path(directory)
    try:
        plugins = installed() if plugins is None else plugins
        plugins.require_loaded()
        municipality = load_municipality_dir(directory, plugins)
        examples = _examples(municipality, directory, plugins)
        return [*_set_aside(municipality, directory), *examples]
    except InputError as exc:
        return list(exc.problems)
    except PluginError as exc:
        return [_plugin_problem(exc)]


def _plugin_code(plugin: str, doing: str, function: Callable[..., T], *args: Any) -> T:
    """A plugin domain's code, unbounded in time, named by its plugin whatever it raises
    but the library's own input errors; the library's own called directly."""
    return own_or_guarded(plugin, doing, None, function, *args, passing=(InputError,))


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


def _examples(municipality: Municipality, directory: Path, plugins: Plugins) -> Iterator[Problem]:
    """Each problem in an example of a kind a domain declares, by the folder below
    ``examples`` that holds it; a plugin domain's judge that fails is its plugin's
    problem, and the other examples are judged all the same."""
    for domain, plugin in plugins.domains():
        for folder, judge_for in domain.examples.items():
            examples = directory / EXAMPLES_DIRECTORY / folder
            try:
                judge = _plugin_code(
                    plugin, f"judging the examples in {folder}", judge_for, municipality
                )
            except PluginError as exc:
                yield _plugin_problem(exc)
                continue
            for path in sorted([*examples.glob("*.toml"), *examples.glob("*.json")]):
                try:
                    _plugin_code(plugin, f"judging the example {path.name}", judge, path)
                except InputError as exc:
                    yield from exc.problems
                except PluginError as exc:
                    yield _plugin_problem(exc)


def _plugin_problem(error: PluginError) -> Problem:
    """A plugin's failure as ``check-config`` lists it: the plugin is its source."""
    return Problem(source=f"plugin {error.plugin!r}", path="", message=error.message)
