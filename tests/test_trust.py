"""Trust by construction: no installed package, file or parameter can change the rules
unnoticed; each of these ends in a clear error that names its source."""

from __future__ import annotations

import importlib.metadata
import json
import os
import types
from pathlib import Path

import pytest
from helpers import MUNICIPALITIES, REPO, copy_municipality, edit, load_problems

import civilsamfund as cs
from civilsamfund.cli import main
from civilsamfund.plugins import _manager


def _plugin(**hooks):
    return types.SimpleNamespace(**{name: cs.hookimpl(fn) for name, fn in hooks.items()})


# Where rules come from ------------------------------------------------------------


def test_two_sources_of_one_slug_are_an_error_naming_both(tmp_path):
    """A plugin shipping a municipality another source gives cannot replace its rules."""
    rogue = _rogue(tmp_path, "odense")
    plugins = cs.Plugins()
    plugins.register(
        _plugin(civilsamfund_municipality_dirs=lambda: [MUNICIPALITIES / "odense"]), "odense"
    )
    plugins.register(_plugin(civilsamfund_municipality_dirs=lambda: [rogue]), "rogue")
    with pytest.raises(cs.ConfigError, match=r"given by two sources, plugin .* and plugin "):
        cs.load_municipality("odense", plugins)


def _rogue(tmp_path, slug):
    """A copy of a municipality with one rule changed, as a rogue package would ship."""
    rogue = copy_municipality(tmp_path, slug, name=f"rogue-{slug}")
    (rogue / "criteria.toml").write_text(
        (rogue / "criteria.toml").read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8"
    )
    return rogue


def test_a_copy_alike_to_the_byte_is_one_source(tmp_path):
    """A checkout's folder beside the plugin that ships the same files is no conflict:
    the first found serves the slug."""
    copy = copy_municipality(tmp_path, "odense", name="shipped")
    plugins = cs.Plugins()
    plugins.register(_plugin(civilsamfund_municipality_dirs=lambda: [copy]), "shipped")
    assert cs.municipality_conflicts(plugins, [MUNICIPALITIES]) == []
    loaded = cs.load_municipality("odense", plugins, config=[MUNICIPALITIES])
    assert loaded.source.found_by == "--config"


def test_a_conflict_blocks_only_the_slug_it_concerns(tmp_path):
    """A slug two sources give does not load; every other slug still does, and
    ``civilsamfund municipalities`` lists the conflict beside them."""
    rogue = _rogue(tmp_path, "faaborg-midtfyn")
    plugins = cs.Plugins()
    plugins.register(_plugin(civilsamfund_municipality_dirs=lambda: [rogue]), "rogue")
    config = [MUNICIPALITIES]
    with pytest.raises(cs.ConfigError, match=r"'faaborg-midtfyn': given by two sources, --config"):
        cs.load_municipality("faaborg-midtfyn", plugins, config=config)
    assert cs.load_municipality("kolding", plugins, config=config).slug == "kolding"
    slugs = [source.slug for source in cs.available_municipalities(plugins, config)]
    assert slugs == ["kolding", "odense"]
    (conflict,) = cs.municipality_conflicts(plugins, config)
    assert conflict.source == "municipality 'faaborg-midtfyn'"
    assert f"plugin rogue ({rogue})" in conflict.message


def test_the_repositorys_folder_beside_other_copies_still_serves_kolding(
    tmp_path, capsys, monkeypatch
):
    """``--config municipalities`` beside other versions of Odense and Faaborg-Midtfyn
    (as older installed plugins would ship): the slugs found twice are listed as
    conflicts, and Kolding, found once, loads."""
    from civilsamfund.plugins import _discovery

    for slug in ("odense", "faaborg-midtfyn"):
        _rogue(tmp_path, slug)
    monkeypatch.setenv("CIVILSAMFUND_PATH", str(tmp_path))
    monkeypatch.setattr(_discovery, "installed", cs.Plugins)
    config = ["--config", str(MUNICIPALITIES)]
    assert main(["municipalities", *config]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("kolding\t")
    assert [line.split(":")[1] for line in lines[1:]] == [
        " municipality 'faaborg-midtfyn'",
        " municipality 'odense'",
    ]
    assert all(line.startswith("CONFLICT: ") for line in lines[1:])
    assert main(["strategy", "status", "-m", "kolding", *config, "--on", "2025-01-01"]) == 0


def test_the_working_directory_is_never_searched_unasked(tmp_path, monkeypatch):
    """A ./municipalities folder is not picked up; an explicit --config directory is."""
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("CIVILSAMFUND_PATH", raising=False)
    with pytest.raises(cs.UnknownMunicipalityError):
        cs.load_municipality("odense", cs.Plugins())
    loaded = cs.load_municipality("odense", cs.Plugins(), config=[MUNICIPALITIES])
    assert loaded.source.found_by == "--config"


def test_a_slug_is_never_taken_for_a_folder_of_that_name(tmp_path, monkeypatch):
    """``odense`` is a slug even when the working directory has an ``odense`` folder."""
    copy_municipality(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(cs.UnknownMunicipalityError):
        cs.load_municipality("odense", cs.Plugins())
    assert cs.load_municipality("./odense", cs.Plugins()).slug == "odense"


def test_decisions_and_the_plugins_command_name_the_rules_source(capsys):
    """Every audit record, and ``civilsamfund plugins``, say where the rules came from."""
    odense = cs.load_municipality("odense")
    assert odense.source.found_by.startswith("plugin odense")
    decision = cs.grants.assess(odense, _application())
    assert decision.audit.rules_source.startswith("plugin odense")
    assert main(["plugins"]) == 0
    assert "municipality odense: " in capsys.readouterr().out


def _application():
    from helpers import ELIGIBLE

    return ELIGIBLE


def test_a_plugin_that_fails_to_import_is_listed_as_broken(monkeypatch, capsys):
    """One broken plugin is named with its error; the others still load and list."""
    broken = importlib.metadata.EntryPoint(
        name="broken", value="civilsamfund_no_such_module", group="civilsamfund"
    )
    real = importlib.metadata.entry_points(group="civilsamfund")
    monkeypatch.setattr(_manager, "entry_points", lambda group: [*real, broken])
    plugins = cs.Plugins.from_entry_points()
    infos = {info.name: info for info in plugins.info()}
    assert "No module named 'civilsamfund_no_such_module'" in (infos["broken"].error or "")
    assert infos["odense"].error is None
    with pytest.raises(cs.PluginError, match="plugin 'broken'"):
        plugins.require_loaded()
    problems = cs.check_conformance(MUNICIPALITIES / "odense", plugins)
    assert [p.source for p in problems] == ["plugin 'broken'"]


def test_a_plugin_naming_a_bad_directory_is_named(tmp_path):
    """A directory without municipality.toml from a plugin is that plugin's error."""
    plugins = cs.Plugins()
    plugins.register(_plugin(civilsamfund_municipality_dirs=lambda: [tmp_path]), "lost")
    with pytest.raises(cs.PluginError, match=r"plugin 'lost': names .* no municipality.toml"):
        cs.available_municipalities(plugins)


def test_each_bundled_municipality_loads_by_slug_from_anywhere(tmp_path, monkeypatch):
    """The installed plugins ship the configuration: no checkout needed."""
    monkeypatch.chdir(tmp_path)
    for slug in ("odense", "faaborg-midtfyn", "kolding"):
        assert cs.load_municipality(slug).slug == slug


# Rules that would silently vanish -------------------------------------------------


def test_a_gap_in_a_criterion_within_its_pool_is_an_error(tmp_path):
    """A mandatory criterion that ends while its pool goes on would silently vanish."""
    directory = copy_municipality(tmp_path)
    criteria = directory / "criteria.toml"
    edit(
        criteria,
        'type = "volunteer_share"\nkind = "mandatory"\nvalid_from = 2009-06-01',
        'type = "volunteer_share"\nkind = "mandatory"\nvalid_from = 2009-06-01\n'
        "valid_until = 2010-01-01",
    )
    (problem,) = load_problems(directory)
    assert problem.startswith(
        f"{directory / 'pools.toml'}: pools[0].criteria[6]: criterion 'O18-7'"
    )
    assert "not in force on 2010-01-02" in problem


def test_a_pool_open_at_its_start_needs_criteria_open_at_theirs(tmp_path):
    """A pool version in force since always cannot name criteria that start later."""
    directory = copy_municipality(tmp_path)
    edit(
        directory / "pools.toml",
        'id = "paragraf18"\nvalid_from = 2009-06-01\n',
        'id = "paragraf18"\n',
    )
    problems = load_problems(directory)
    assert (
        f"{directory / 'pools.toml'}: pools[0].criteria[0]: criterion 'O18-1' is not in "
        in (problems[0])
    )
    assert "before its first version begins" in problems[0]


def test_an_empty_criteria_list_is_an_error(tmp_path):
    """A pool that assesses nothing cannot be meant."""
    directory = copy_municipality(tmp_path, "faaborg-midtfyn")
    edit(directory / "pools.toml", 'criteria = ["FM79-1", "FM79-2", "FM79-3"]', "criteria = []")
    assert load_problems(directory) == [
        f"{directory / 'pools.toml'}: pools[1].criteria: expected at least one item, got none"
    ]


def test_a_pool_without_an_appeal_statement_is_an_error(tmp_path):
    """Every decision must say how to appeal: a configuration without it does not load."""
    directory = copy_municipality(tmp_path)
    edit(directory / "pools.toml", 'appeal = "no_administrative_appeal"\n', "")
    (problem,) = load_problems(directory)
    assert "pools[0].appeal: expected the id of an appeal statement" in problem


# Parameters are typed and range-checked by their check -----------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "criteria.toml",
            "max_multiple = 2",
            'max_multiple = "NaN"',
            "params.max_multiple: expected an exact number",
        ),
        (
            "criteria.toml",
            "max_multiple = 2",
            'max_multiple = "Infinity"',
            "params.max_multiple: expected an exact number",
        ),
        (
            "criteria.toml",
            "max_multiple = 2",
            "max_multiple = -1",
            "params.max_multiple: expected a finite number of 0 or more, got -1",
        ),
        (
            "criteria.toml",
            "startup_years = 2",
            "startup_years = -1",
            "params.startup_years: expected a whole number of 0 or more, got -1",
        ),
        (
            "criteria.toml",
            "min_age = 60",
            "min_age = 60\nmax_age = 20",
            "params.routes[1].max_age: expected at least min_age (60), got 20",
        ),
        (
            "criteria.toml",
            "min = 0, max = 10",
            "min = 0, max = 0",
            "params.max: expected a whole number of 1 or more, got 0",
        ),
        (
            "pools.toml",
            "deadline_month = 10",
            "deadline_month = 13",
            "window.deadline_month: expected a whole number from 1 to 12, got 13",
        ),
    ],
)
def test_parameters_are_range_checked(tmp_path, file, old, new, expected):
    """Each check, and each model, refuses values its rule cannot mean."""
    directory = copy_municipality(tmp_path)
    edit(directory / file, old, new)
    problems = load_problems(directory)
    assert any(expected in problem for problem in problems), problems


# Files that are not what they seem -----------------------------------------------


NOT_REGULAR = "expected a regular file, not a directory, device or pipe"


def test_a_configuration_file_that_is_a_directory_is_an_error(tmp_path):
    """A directory named like a configuration file is not "absent"."""
    directory = copy_municipality(tmp_path)
    (directory / "organisation.toml").unlink()
    (directory / "organisation.toml").mkdir()
    assert load_problems(directory) == [f"{directory / 'organisation.toml'}: {NOT_REGULAR}"]


def test_a_configuration_file_that_is_a_device_is_an_error(tmp_path):
    """A link to a device is refused before anything is read from it."""
    directory = copy_municipality(tmp_path)
    (directory / "organisation.toml").unlink()
    (directory / "organisation.toml").symlink_to(os.devnull)
    assert load_problems(directory) == [f"{directory / 'organisation.toml'}: {NOT_REGULAR}"]


def test_an_unreadable_configuration_file_is_an_error(tmp_path, monkeypatch):
    """A file that cannot be read says so, naming it (as root reads every file, the
    refusal is simulated)."""
    directory = copy_municipality(tmp_path)
    unreadable = directory / "organisation.toml"
    open_file = os.open

    def refuse(path, *args, **kwargs):
        if Path(path) == unreadable:
            raise PermissionError(13, "Permission denied")
        return open_file(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    (problem,) = load_problems(directory)
    assert problem.startswith(f"{directory / 'organisation.toml'}: cannot be read")


def test_without_pools_an_application_names_that_none_is_configured(tmp_path):
    """A municipality may configure no grants (Kolding); an application to a pool there
    is an error that says so."""
    directory = copy_municipality(tmp_path)
    (directory / "pools.toml").unlink()
    problems = [str(problem) for problem in cs.check_conformance(directory, cs.Plugins())]
    assert problems
    assert all(
        "pool: expected a pool configured in pools.toml, which is missing or lists none" in p
        for p in problems
    )


def test_check_config_prints_problems_as_json(tmp_path, capsys):
    """check-config --format json gives each problem as data, and exits 1."""
    import json

    directory = copy_municipality(tmp_path)
    (directory / "pools.toml").write_text("pools = 5\n", encoding="utf-8")
    assert main(["check-config", str(directory), "--format", "json"]) == 1
    (problem,) = json.loads(capsys.readouterr().out)
    assert problem == {
        "source": str(directory / "pools.toml"),
        "path": "pools",
        "message": "expected a list, got 5",
        "expected": "a list",
        "got": "5",
    }


def test_check_config_on_a_folder_that_is_not_a_municipality_is_bad_input(tmp_path, capsys):
    """A folder without municipality.toml is bad input (2), not a problem found (1)."""
    assert main(["check-config", str(tmp_path)]) == 2
    assert "expected a municipality directory" in capsys.readouterr().err


def test_check_config_answers_in_json_about_a_folder_that_is_not_a_municipality(tmp_path, capsys):
    """With --format json the answer is JSON whatever is wrong; the others are still
    checked, and the exit status still says bad input (2)."""
    argv = ["check-config", str(tmp_path), str(MUNICIPALITIES / "kolding"), "--format", "json"]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == ""
    assert json.loads(captured.out) == [
        {
            "source": str(tmp_path),
            "path": "",
            "message": "expected a municipality directory with municipality.toml",
            "expected": None,
            "got": None,
        }
    ]


def test_test_on_a_folder_without_cases_is_bad_input(tmp_path, capsys):
    """No case found is bad input, not "0 passed, 0 failed"."""
    assert main(["test", str(tmp_path)]) == 2
    assert "expected policy cases, found none" in capsys.readouterr().err
