"""Sessions: tests, tests-days, tests-all (every supported Python), tests-lowest (the lowest
versions of the dependencies), lint, mypy, bench, probe, mutants, docs. Run `nox` for tests,
lint and mypy."""

from __future__ import annotations

import re
import shlex
import shutil
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import nox
from packaging.requirements import Requirement

nox.options.error_on_external_run = True
nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests", "lint", "mypy"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = nox.project.python_versions(
    PYPROJECT, max_version=nox.project.python_versions(PYPROJECT)[-1]
)
"""Every Python requires-python admits, up to the newest the classifiers name."""
PLUGINS = ("./plugins/odense", "./plugins/faaborg-midtfyn", "./plugins/kolding")


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite, with the bundled municipalities' plugins installed, and coverage."""
    session.install("-e", ".[test,chart,fast]", "pytest-cov")
    session.install("./plugins/odense", "./plugins/faaborg-midtfyn", "./plugins/kolding")
    session.run(
        "pytest", "--cov=civilsamfund", "--cov-report=term-missing:skip-covered", *session.posargs
    )


DAYS = ("2026-12-31", "2027-01-01", "2028-02-29")
"""The days .ci/run runs the suite on besides today: a year's last and first, a leap day."""


@nox.session(name="tests-days")
def tests_days(session: nox.Session) -> None:
    """The test suite with the clock moved to each of DAYS (needs libfaketime's faketime)."""
    session.install("-e", ".[test,chart,fast]")
    session.install("./plugins/odense", "./plugins/faaborg-midtfyn", "./plugins/kolding")
    for day in DAYS:
        session.run(
            "faketime",
            "-f",
            f"@{day} 12:00:00",
            "python",
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            *session.posargs,
            env={"CIVILSAMFUND_TEST_DAY": day},
            external=True,
        )


@nox.session(python=PYTHONS, name="tests-all", venv_backend="uv|venv")
def tests_all(session: nox.Session) -> None:
    """The test suite on every supported Python (.ci/run fails if one is missing); no
    coverage, which on 3.10 takes it from 100 s to 170 s."""
    session.install("-e", ".[test,chart,fast]", *PLUGINS)
    session.run("pytest", "-q", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python="3.11", name="tests-lowest", venv_backend="uv")
def tests_lowest(session: nox.Session) -> None:
    """The test suite on the lowest versions pyproject.toml allows of the dependencies and
    of the extras the suite uses, and the wheel the lowest hatchling builds checked: so
    that each lower bound is one the package works with."""
    tmp = Path(session.create_tmp())
    build = tmp / "lowest-build.txt"
    build.write_text("\n".join(_lowest(r) for r in PYPROJECT["build-system"]["requires"]))
    dist = tmp / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("uv", "build", "-q", "--wheel", "-b", build, "-o", dist, external=True)
    (wheel,) = dist.glob("*.whl")
    session.run("uvx", "twine", "check", "--strict", wheel, external=True)
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(next(n for n in archive.namelist() if n.endswith("/METADATA")))
    if f"\nLicense-Expression: {PYPROJECT['project']['license']}\n" not in metadata.decode():
        session.error(f"{wheel.name}: the licence is not in its metadata as declared")
    session.install(
        "--resolution=lowest-direct", f"--build-constraints={build}", "-e", ".[test,chart,fast]"
    )
    session.install("--no-deps", *PLUGINS)
    session.run("uv", "pip", "list", silent=False, external=True)
    session.run("pytest", "-q", "-p", "no:cacheprovider", *session.posargs)


def _lowest(requirement: str) -> str:
    """``name>=1.2`` as the pin ``name==1.2``: a requirement must have a lower bound."""
    parsed = Requirement(requirement)
    floors = [s.version for s in parsed.specifier if s.operator in (">=", "~=", "==")]
    if len(floors) != 1:
        raise ValueError(f"{requirement}: expected one lower bound")
    return f"{parsed.name}=={floors[0]}"


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def mypy(session: nox.Session) -> None:
    """mypy --strict on the library, the plugins and a typing test of the public API."""
    session.install(
        "mypy",
        "-e",
        ".[test,chart,fast]",
        "./plugins/odense",
        "./plugins/faaborg-midtfyn",
        "./plugins/kolding",
    )
    session.run("mypy", "--strict")


@nox.session
def bench(session: nox.Session) -> None:
    """Throughput, pipeline time and memory, import time: figures, not pass or fail."""
    session.install("-e", ".[fast]")  # orjson: the fast encoder, of the library and the floor
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session
def probe(session: nox.Session) -> None:
    """The probe in full (tests/probe.py): every hostile input, configuration and plugin,
    each in a child process with 1 GiB and a timeout; prints the table of what got through."""
    session.install("-e", ".[test]")
    session.install("./plugins/odense", "./plugins/faaborg-midtfyn", "./plugins/kolding")
    session.run(
        "pytest",
        "tests/test_probe.py::test_the_full_probe",
        "-s",
        "-q",
        "-p",
        "no:cacheprovider",
        *session.posargs,
        env={"CIVILSAMFUND_PROBE": "full"},
    )


@nox.session
def mutants(session: nox.Session) -> None:
    """Mutation testing (mutmut) of the modules [tool.mutmut] names, or of those given, or
    with --changed BASE of those a branch changed, or with --stale of those whose source
    is not the one tests/mutants/measured.toml records: a kill rate per module, failing
    under --threshold (90 %); equivalent mutants are listed in tests/mutants/equivalent.toml."""
    script = "tests/mutants/mutation_report.py"
    listed = session.run("python", script, "--list", *session.posargs, silent=True)
    if not str(listed).strip():
        session.skip("no module to mutate")  # --stale with every module measured: CI's usual case
    session.install("-e", ".[test,chart,fast]", "mutmut==3.8.1")
    session.install(*PLUGINS)
    session.run("python", script, *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation with warnings as errors."""
    session.install("-e", ".[docs,test]")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")


RELEASED = (".", "plugins/odense", "plugins/faaborg-midtfyn", "plugins/kolding")
"""The packages a release builds: the core and the bundled municipalities' plugins."""


def _readme_code(heading: str, language: str) -> str:
    """The one code block in ``language`` in the README's section under ``heading``."""
    text = Path("README.md").read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    (code,) = re.findall(rf"```{language}\n(.*?)```", section[: section.find("\n## ", 1)], re.S)
    return str(code)


def _bash(session: nox.Session, script: str, folder: Path, **kwargs: Any) -> Any:
    """Runs ``script`` with bash in ``folder``, stopping at the first failing command."""
    script = f"cd {shlex.quote(str(folder))}\n{script}"
    return session.run("bash", "-euo", "pipefail", "-c", script, external=True, **kwargs)


def _build(session: nox.Session, kind: str, source: str | Path, out: Path) -> None:
    """Builds the ``kind`` (sdist or wheel) of a project folder or sdist into ``out``."""
    session.run(
        "python", "-m", "build", f"--{kind}", "--outdir", str(out), str(source), silent=True
    )


def _release(session: nox.Session, out: Path) -> dict[str, bytes]:
    """Every sdist, and each wheel built from its sdist, in ``out``: file name to bytes."""
    for project in RELEASED:
        _build(session, "sdist", project, out)
    for sdist in sorted(out.glob("*.tar.gz")):
        _build(session, "wheel", sdist, out)
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def _same(
    session: nox.Session, what: str, ours: dict[str, bytes], theirs: dict[str, bytes]
) -> None:
    """Stops the session unless both hold the same files with the same bytes."""
    differ = sorted(
        name for name in ours.keys() | theirs.keys() if ours.get(name) != theirs.get(name)
    )
    if differ:
        session.error(f"{what} differ: {', '.join(differ)}")
    session.log(f"{what}: {len(ours)} files, byte-identical")


def _built_and_checked(session: nox.Session, tmp: Path) -> list[Path]:
    """The release built twice and compared, its wheels compared with those built from the
    checkout, and all checked by twine: the sdists and wheels."""
    started = time.monotonic()
    release = _release(session, tmp / "release")
    session.log(f"built {len(release)} files in {time.monotonic() - started:.0f} s:")
    for name, data in release.items():
        session.log(f"  {name}: {len(data) / 1024:.0f} KiB")
    _same(session, "two builds", release, _release(session, tmp / "again"))
    for project in RELEASED:
        _build(session, "wheel", project, tmp / "checkout")
    checkout = {path.name: path.read_bytes() for path in (tmp / "checkout").iterdir()}
    wheels = {name: release[name] for name in checkout}
    _same(session, "wheels from their sdists and from the checkout", wheels, checkout)
    artefacts = sorted((tmp / "release").iterdir())
    session.run("twine", "check", "--strict", *map(str, artefacts))
    return artefacts


def _index(session: nox.Session, artefacts: list[Path], index: Path) -> None:
    """A folder of the built wheels and their dependencies (the core's test extras'
    included) from the package index: all that the fresh environments may install."""
    index.mkdir()
    wheels = [Path(shutil.copy(path, index)) for path in artefacts if path.suffix == ".whl"]
    wanted = [
        f"{w}[test,chart,fast]" if w.name.startswith("civilsamfund-") else str(w) for w in wheels
    ]
    session.run("python", "-m", "pip", "download", "--quiet", "--dest", str(index), *wanted)


def _suite_from_the_sdist(
    session: nox.Session, sdist: Path, tmp: Path, offline: dict[str, str]
) -> None:
    """Runs the test suite of the unpacked core sdist against the installed wheels, in a
    fresh environment, after checking that civilsamfund is imported from there."""
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp / "sdist", filter="data")
    (source,) = (tmp / "sdist").iterdir()
    venv = tmp / "venv"
    session.run("python", "-m", "venv", str(venv))
    activate = f". {shlex.quote(str(venv / 'bin' / 'activate'))}\n"
    plugins = " ".join(f"civilsamfund-{Path(project).name}" for project in RELEASED[1:])
    install = f'pip install --quiet "civilsamfund[test,chart,fast]" {plugins}'
    _bash(session, activate + install, tmp, env=offline)
    where = "python -c 'import civilsamfund; print(civilsamfund.__file__)'"
    imported = Path(_bash(session, activate + where, source, silent=True).strip())
    if not imported.is_relative_to(venv):
        session.error(f"the suite would test {imported}, not the installed wheel")
    session.log(f"the suite tests civilsamfund from {imported}")
    _bash(session, activate + "python -m pytest -q -p no:cacheprovider", source)


def _readme_installed(session: nox.Session, folder: Path, offline: dict[str, str]) -> None:
    """Runs the README's installed-package commands, then its Python example, in a folder
    outside the checkout and a virtual environment of their own, as the README says."""
    folder.mkdir()
    example = _readme_code("## Use from Python", "python")
    (folder / "example.py").write_text(example, encoding="utf-8")
    commands = _readme_code("## Installed from a package", "sh")
    script = f"python3 -m venv .venv && . .venv/bin/activate\n{commands}python example.py"
    _bash(session, script, folder, env=offline)


@nox.session
def build(session: nox.Session) -> None:
    """What a release ships, tested as shipped: every sdist, each wheel built from its
    sdist, twice and byte-identical, `twine check --strict`; then, in a temporary folder
    outside the checkout, fresh environments with only the built wheels (and their
    dependencies) run the suite from the unpacked core sdist and the README's
    installed-package commands. Leaves the sdists and wheels in dist/."""
    session.install("build", "twine")
    started = time.monotonic()
    epoch = session.run("git", "log", "-1", "--format=%ct", silent=True, external=True)
    session.env["SOURCE_DATE_EPOCH"] = epoch.strip()  # the commit's: each build of it alike
    tmp = Path(tempfile.mkdtemp(prefix="civilsamfund-build-"))
    session.log(f"working in {tmp}")
    artefacts = _built_and_checked(session, tmp)
    _index(session, artefacts, tmp / "index")
    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(tmp / "index")}  # pip: only these
    (sdist,) = (tmp / "release").glob("civilsamfund-*.tar.gz")  # the core's (plugins' have _)
    _suite_from_the_sdist(session, sdist, tmp, offline)
    _readme_installed(session, tmp / "readme", offline)
    Path("dist").mkdir(exist_ok=True)
    for path in artefacts:
        shutil.copy(path, "dist")
    shutil.rmtree(tmp)
    session.log(f"{len(artefacts)} files in dist/; {time.monotonic() - started:.0f} s in all")
