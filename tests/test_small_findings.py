"""Small things that went through quietly (issue 21): an impossible age span, an
absurd count, ids no configuration knows, errors that named neither file nor path,
and an error that named the wrong thing. Each is now refused or named plainly."""

from __future__ import annotations

import errno
import json
import tempfile

import pytest
from helpers import MUNICIPALITIES, copy_municipality, items_of

import civilsamfund as cs
from civilsamfund import grants
from civilsamfund.cli import main
from civilsamfund.pipeline import _workers

ODENSE = MUNICIPALITIES / "odense"
EXAMPLES = ODENSE / "examples"


def _json(tmp_path, key, items, name="items.json"):
    path = tmp_path / name
    path.write_text(json.dumps({key: items}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_volunteer_task_for_ages_30_to_16_is_refused(capsys, tmp_path):
    """A task whose target group runs from 30 down to 16 was judged; it is refused as an
    application's target group is, naming the field."""
    (task,) = json.loads((EXAMPLES / "volunteers" / "tasks.json").read_text("utf-8"))["tasks"][:1]
    task["target_group"] = {"min_age": 30, "max_age": 16}
    path = _json(tmp_path, "tasks", [task])
    assert main(["volunteers", "check", "-m", "odense", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"civilsamfund: error: {path}: tasks[0].target_group.max_age: expected at least "
        "min_age (30), got 16\n"
    )


def test_a_design_meeting_of_10_to_the_30_participants_is_refused(capsys, tmp_path):
    """A meeting record counting 10^30 participants was accepted; a count above a million
    is refused as a typing error."""
    path = tmp_path / "meeting.toml"
    text = (EXAMPLES / "design" / "2024-03-21.toml").read_text(encoding="utf-8")
    path.write_text(
        text.replace('kind = "committee"', f'kind = "committee"\nparticipants = {10**30}'), "utf-8"
    )
    assert main(["strategy", "design", "-m", "odense", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"civilsamfund: error: {path}: meetings[0].participants: expected a whole number "
        f"from 0 to 1000000, got {10**30}\n"
    )


def test_an_unknown_focus_area_is_refused(odense):
    """An application naming a focus area Odense does not configure was accepted; it is
    refused by the path of the id, naming the ones configured."""
    (item,) = items_of(1)
    item["activity"]["focus_areas"] = ["prevention", "culture"]
    (application,) = grants.applications_from_data([item])
    with pytest.raises(cs.ApplicationError) as raised:
        grants.assess(odense, application)
    assert str(raised.value) == (
        "application 'app-0': activity.focus_areas[1]: expected one of 'health_promotion', "
        "'prevention', 'young_people', 'integration', got 'culture'"
    )


def test_a_million_unknown_focus_areas_are_refused_at_once(capsys, tmp_path):
    """A million unknown focus areas were all accepted; the list is refused for its
    length, and with the limit raised the first 100 are named and the rest counted."""
    (item,) = items_of(1)
    item["activity"]["focus_areas"] = ["culture"] * 1_000_000
    path = _json(tmp_path, "applications", [item])
    assert main(["assess", "-m", "odense", str(path), "--format", "json"]) == 2
    assert "activity.focus_areas: expected at most 10,000 entries in a list, got 1,000,000" in (
        capsys.readouterr().err
    )
    raised = ["--max-entries", "1000000"]
    assert main(["assess", "-m", "odense", str(path), "--format", "json", *raised]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].endswith(
        "applications[0].activity.focus_areas[0]: expected one of "
        "'health_promotion', 'prevention', 'young_people', "
        "'integration', got 'culture'"
    )
    assert lines[-1] == "… and 999,900 more problems"


def test_a_forum_proposal_dated_1900_names_its_file_and_path(capsys, tmp_path):
    """A proposal on a day no rule of its forum is in force was named by its id alone;
    the error names the file and the proposal's ``on``."""
    path = tmp_path / "forum.toml"
    text = (EXAMPLES / "forums" / "samarbejdsforum.toml").read_text(encoding="utf-8")
    path.write_text(text.replace("on = 2025-01-01", "on = 1900-01-01"), encoding="utf-8")
    assert main(["organisation", "check-forum", "-m", "odense", str(path)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"civilsamfund: error: {path}: proposals[0].on: expected a day on which the rules of "
        "'samarbejdsforum' are in force, got 1900-01-01, when none is"
    )


def test_check_config_names_the_example_file_and_path_of_each_problem(tmp_path):
    """Examples the configuration cannot judge were named by an item's id alone, and
    only the first of a file; each is named by file and path now."""
    directory = copy_municipality(tmp_path)
    examples = directory / "examples"
    forums = examples / "forums" / "samarbejdsforum.toml"
    forums.write_text(
        forums.read_text(encoding="utf-8").replace("on = 2025-01-01", "on = 1900-01-01"), "utf-8"
    )
    applications = examples / "applications.toml"
    text = applications.read_text(encoding="utf-8")
    applications.write_text(text.replace('pool = "paragraf18"', 'pool = "nope"', 1), "utf-8")
    design = examples / "design" / "2024-03-21.toml"
    text = design.read_text(encoding="utf-8")
    design.write_text(text.replace('strategy = "revision_', 'strategy = "nope_', 1), "utf-8")
    problems = [(p.source, p.path) for p in cs.check_conformance(directory, cs.Plugins())]
    assert problems == [  # by domain, in the order the domains read their configuration
        (str(forums), "proposals[0].on"),
        (str(forums), "proposals[1].on"),
        (str(design), "meetings[0].strategy"),
        (str(applications), "applications[0].pool"),
    ]


@pytest.mark.parametrize("pools", [None, "", "# no pools yet\n"])
def test_a_missing_or_empty_pools_file_is_named(tmp_path, odense, pools):
    """Without pools.toml, or with one listing no pool, an application was told it should
    name no pool; the error says the configuration lists none."""
    directory = copy_municipality(tmp_path)
    if pools is None:
        (directory / "pools.toml").unlink()
    else:
        (directory / "pools.toml").write_text(pools, encoding="utf-8")
    municipality = cs.load_municipality_dir(directory, cs.Plugins())
    (application,) = grants.applications_from_data(items_of(1))
    with pytest.raises(cs.ApplicationError) as raised:
        grants.assess(municipality, application)
    assert str(raised.value) == (
        "application 'app-0': pool: expected a pool configured in pools.toml, which is "
        "missing or lists none, got 'paragraf18'"
    )


_TEMPORARY = tempfile.TemporaryFile


class _Full:
    """A temporary file on a full disk: every write fails for want of space."""

    def __init__(self):
        self._file = _TEMPORARY()

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self._file, name)


def test_a_full_temporary_directory_is_named_not_the_output(capsys, tmp_path, monkeypatch):
    """With --jobs 2 each job writes its share to the temporary directory first; when it
    is full the error named the output file, which was fine. It names the temporary
    directory now, exits 3 and leaves the output as it was."""
    monkeypatch.setattr(_workers.tempfile, "TemporaryFile", _Full)
    path = _json(tmp_path, "applications", items_of(4))
    output = tmp_path / "decisions.json"
    output.write_text("before", encoding="utf-8")
    args = ["assess", "-m", "odense", str(path), "--jobs", "2", "-o", str(output)]
    assert main(args) == 3
    assert capsys.readouterr().err == (
        f"civilsamfund: error: the temporary directory {tempfile.gettempdir()} cannot be "
        "written: No space left on device (with --jobs, each job writes its share there "
        "first: make room, set TMPDIR to a directory with room, or use --jobs 1)\n"
    )
    assert output.read_text(encoding="utf-8") == "before"
