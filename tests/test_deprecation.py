"""The deprecation policy: a deprecated name keeps working, warns naming its replacement
and the release it goes in, is in its release's changelog, and goes when that comes."""

from __future__ import annotations

import importlib
import pkgutil
import re
import types

import pytest
from helpers import REPO

import civilsamfund as cs
from civilsamfund import _deprecation
from civilsamfund._deprecation import (
    deprecate,
    deprecated_names,
    goes_in,
    renamed_method,
    renamed_parameter,
)


@pytest.fixture
def registry(monkeypatch):
    """An empty registry of deprecations, so a test's own do not join the library's."""
    monkeypatch.setattr(_deprecation, "DEPRECATED", {})
    return _deprecation.DEPRECATED


@pytest.mark.parametrize(
    ("since", "expected"), [("0.3.0", "0.4.0"), ("0.3.2", "0.4.0"), ("1.2.0", "2.0.0")]
)
def test_a_name_goes_no_sooner_than_the_next_minor_or_from_1_0_the_next_major(since, expected):
    """The release a deprecation names follows the policy in docs/releasing.md."""
    assert goes_in(since) == expected


def test_the_warning_names_the_replacement_and_the_release_it_goes_in(registry):
    """The message says what is deprecated, since when, when it goes and what to use."""
    deprecation = deprecate("demo.old", "demo.new", "0.3.0")
    assert deprecation.message() == (
        "demo.old is deprecated since civilsamfund 0.3.0 and goes in 0.4.0; use demo.new"
    )
    assert registry == {"demo.old": deprecation}


def _module(registry, fallback=None):
    module = types.ModuleType("demo")
    module.__getattr__ = deprecated_names(  # type: ignore[method-assign]
        "demo", {"Kind": ("civilsamfund.RuleKind", "0.3.0")}, fallback
    )
    return module


def test_a_renamed_module_name_gives_its_replacement_and_warns_its_caller(registry):
    """The old name is the new object; the warning points at the line that used it."""
    module = _module(registry)
    with pytest.warns(DeprecationWarning, match=r"^demo\.Kind is .* goes in 0\.4\.0; use ") as w:
        value = module.Kind
    assert value is cs.RuleKind
    assert w[0].filename == __file__
    assert list(registry) == ["demo.Kind"]


def test_any_other_name_goes_to_the_modules_own_lookup_or_is_missing(registry):
    """A name that was not renamed is the fallback's, or an AttributeError."""
    with pytest.raises(AttributeError, match="module 'demo' has no attribute 'Other'"):
        _ = _module(registry).Other
    assert _module(registry, fallback=str.upper).Other == "OTHER"


@pytest.fixture
def assessors(registry):
    """A class whose method ``check`` was renamed ``assess``, and a subclass that
    overrides the new name."""

    class Assessor:
        def assess(self, subject: int, *, twice: bool = False) -> int:
            return subject * (2 if twice else 1)

        check = renamed_method(assess, old="check", since="0.3.0")

    class Stricter(Assessor):
        def assess(self, subject: int, *, twice: bool = False) -> int:
            return super().assess(subject, twice=twice) + 1

    return Assessor, Stricter


def test_a_renamed_method_calls_the_new_one_and_warns(assessors):
    """The old method name passes its arguments to the new one, overridden or not."""
    assessor, stricter = assessors
    with pytest.warns(DeprecationWarning, match=r"Assessor\.check is .*use [\w.<>]*\.assess$"):
        assert assessor().check(3, twice=True) == 6
    with pytest.warns(DeprecationWarning, match=r"Assessor\.check is "):
        assert stricter().check(3) == 4
    assert assessor.check.__name__ == "check"


@pytest.fixture
def judge(registry):
    """A function whose keyword ``on_day`` was renamed ``on``."""

    @renamed_parameter("on_day", "on", since="0.3.0")
    def judge(subject: int, on: int = 0) -> int:
        return subject + on

    return judge


def test_a_renamed_parameter_still_takes_the_old_keyword_and_warns(judge):
    """``on_day=`` works as ``on=`` with a warning; the new keyword is silent; both at
    once is an error naming the one to give."""
    with pytest.warns(DeprecationWarning, match=r"judge\(on_day=\.\.\.\) is .*use "):
        assert judge(1, on_day=2) == 3
    assert judge(1, on=2) == 3
    with pytest.raises(TypeError, match="got both 'on_day' and 'on'; give 'on'"):
        judge(1, on=2, on_day=2)


@pytest.mark.parametrize(
    ("old", "new"),
    [("Kind", "RuleKind"), ("Document", "SourceDocument"), ("Criterion", "Rule")],
)
def test_the_types_0_2_0_renamed_resolve_again_with_a_warning(old, new):
    """``civilsamfund.Kind``, ``Document`` and ``Criterion`` are their new names until
    0.4.0, warning, and stay out of ``__all__`` and ``dir()``."""
    message = rf"^civilsamfund\.{old} is deprecated since civilsamfund 0\.3\.0 and goes in "
    with pytest.warns(DeprecationWarning, match=message + rf"0\.4\.0; use civilsamfund\.{new}$"):
        value = getattr(cs, old)
    assert value is getattr(cs, new)
    assert old not in cs.__all__
    assert old not in dir(cs)


def _changelog_sections():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    parts = re.split(r"^## \[([^\]]+)\].*$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _every_deprecation():
    for module in pkgutil.walk_packages(cs.__path__, "civilsamfund."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return dict(_deprecation.DEPRECATED)


def _listed(sections, since):
    """What the changelog lists as deprecated in release ``since``: its section's
    "Deprecated" part, or, for a release still to come, the lines marked **Deprecated**
    under Unreleased."""
    if _version(since) > _version(cs.__version__):
        lines = re.split(r"\n(?=- )", sections["Unreleased"])
        return "\n".join(line for line in lines if line.startswith("- **Deprecated**"))
    section = sections[since]
    assert "\n### Deprecated\n" in section
    return section.split("\n### Deprecated\n")[1].split("\n### ")[0]


def test_every_deprecation_is_in_its_releases_changelog_and_not_past_its_removal():
    """Each deprecated name is listed under "Deprecated" in the section of the release
    that deprecated it (under Unreleased until it is out), and the package is older than
    the release it goes in."""
    sections = _changelog_sections()
    deprecations = _every_deprecation()
    assert {"civilsamfund.Kind", "TaskAssessor.check"} <= deprecations.keys()
    for old, deprecation in deprecations.items():
        listed = _listed(sections, deprecation.since)
        assert f"`{old}" in listed, f"{old} is not under Deprecated in {deprecation.since}"
        assert _version(cs.__version__) < _version(deprecation.removed_in), (
            f"{old} was to go in {deprecation.removed_in}"
        )


def _version(text):
    return tuple(int(part) for part in text.split("."))
