"""Loading a municipality directory: every declared section read, every problem reported.

The loader knows no domain. It reads the files the registered sections name, gives
each section its keys, builds the rules from ``criteria.toml`` with the check types
the plugins give, and runs the one validator and each section's own checks. Every
problem is reported at once, naming its file and the path to the field.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import attrs

from civilsamfund.config._municipality import Municipality, RulesSource
from civilsamfund.config._national import (
    NATIONAL,
    NATIONAL_PREFIX,
    NationalRules,
    national_rules,
)
from civilsamfund.config._national import SOURCE as NATIONAL_SOURCE
from civilsamfund.config._sections import (
    MUNICIPALITY,
    RULES,
    CriterionEntry,
    MunicipalityInfo,
    NationalReading,
    RulesFile,
    Section,
)
from civilsamfund.config._validator import Catalogues, problems, renamed_within
from civilsamfund.core import (
    BUILTIN,
    Attributed,
    Citation,
    ConfigError,
    Distribution,
    InputError,
    PluginError,
    Problem,
    Text,
    expected_one_of,
    guard,
    names_on,
    shown,
)
from civilsamfund.core.rules import MISSING, Check, Fact, Names, Rule, Rulebook, Template
from civilsamfund.reading import (
    CONFIG_LIMITS,
    Limits,
    parse_toml,
    raising,
    read_bytes,
    require_values,
    screen_for,
    structure,
)

T = TypeVar("T")


class Registry(Protocol):
    """What loading needs of the plugins in use; :class:`civilsamfund.Plugins` is one."""

    def criterion_types(self) -> list[Attributed[Mapping[str, Any]]]: ...

    def config_sections(self) -> list[Attributed[Sequence[Any]]]: ...

    def version(self, name: str) -> str | None: ...


@attrs.frozen
class CheckType:
    """A check type, and the plugin that gave it."""

    name: str
    cls: type[Check[Any]]
    origin: str


def check_types(plugins: Registry) -> dict[str, CheckType]:
    """Every check type a rule may name, each checked to declare what a check must."""
    types: dict[str, CheckType] = {}
    results = plugins.criterion_types()
    for result in sorted(results, key=lambda result: result.plugin != BUILTIN):
        for name, cls in result.value.items():
            if name in types:
                raise PluginError(
                    result.plugin, f"check type {name!r} is already given by {types[name].origin!r}"
                )
            problem = _unfit(cls)
            if problem:
                raise PluginError(result.plugin, f"check type {name!r}: {problem}")
            types[name] = CheckType(name=name, cls=cls, origin=result.plugin)
    return types


def _unfit(cls: object) -> str | None:
    """What a check class lacks, if anything."""
    if not (isinstance(cls, type) and issubclass(cls, Check) and attrs.has(cls)):
        return f"expected an attrs class that subclasses civilsamfund.Check, got {cls!r}"
    if not isinstance(getattr(cls, "SUBJECT", None), type):
        return "SUBJECT must name the type of subject it judges"
    facts = getattr(cls, "FACTS", None)
    if not (isinstance(facts, tuple) and all(isinstance(fact, Fact) for fact in facts)):
        return "FACTS must be a tuple of civilsamfund.Fact"
    messages = getattr(cls, "MESSAGES", None)
    if not (
        isinstance(messages, Mapping)
        and all(isinstance(k, str) and isinstance(v, Text) for k, v in messages.items())
    ):
        return "MESSAGES must map message names to civilsamfund.Text"
    return None


def sections(plugins: Registry) -> list[tuple[Section[Any], str]]:
    """Every registered section with its plugin; two taking one key of a file is an error."""
    found: list[tuple[Section[Any], str]] = []
    taken: dict[tuple[str, str], str] = {}
    for result in plugins.config_sections():
        for section in result.value:
            if not (isinstance(section, Section) and attrs.has(section.model)):
                raise PluginError(
                    result.plugin, f"expected a Section of an attrs model, got {section!r}"
                )
            for key in section.takes():
                owner = taken.get((section.file, key))
                if owner is not None:
                    raise PluginError(
                        result.plugin, f"{section.file} key {key!r} is already read by {owner!r}"
                    )
                taken[section.file, key] = result.plugin
            found.append((section, result.plugin))
    return found


def load_directory(
    directory: str | Path,
    plugins: Registry,
    found_by: str = "given path",
    *,
    distribution: Distribution | None = None,
    limits: Limits = CONFIG_LIMITS,
) -> Municipality:
    """Load and check the configuration in ``directory`` with the check types and
    sections ``plugins`` give: :func:`civilsamfund.load_municipality_dir` says more."""
    directory = Path(directory)
    shown = {name: str(directory / name) for name in {MUNICIPALITY, RULES}}
    declared = sections(plugins)
    types = check_types(plugins)
    found: list[Problem] = []
    digest = hashlib.sha256()
    data: dict[str, dict[str, Any]] = {}
    for file in dict.fromkeys(section.file for section, _ in declared):
        path = directory / file
        shown[file] = str(path)
        required = any(section.required for section, _ in declared if section.file == file)
        raw = _read(path, required, found, limits)
        if raw is None:
            continue
        digest.update(file.encode() + b"\0" + raw + b"\0")
        try:
            data[file] = _parsed(raw.decode("utf-8"), str(path), limits)
        except UnicodeDecodeError:
            found.append(Problem.at(str(path), "", "expected UTF-8 text"))
        except InputError as exc:
            found.extend(exc.problems)
    for file, table in data.items():
        keys = {key for section, _ in declared if section.file == file for key in section.takes()}
        found.extend(
            Problem.at(shown[file], key, "unknown key") for key in sorted(set(table) - keys)
        )
    values: dict[type, Any] = {}
    for section, plugin in declared:
        table = data.get(section.file, {})
        part = {key: table[key] for key in section.takes() if key in table}
        try:
            values[section.model] = _plugin_code(
                plugin,
                f"reading {section.file}",
                structure,
                part,
                section.model,
                shown[section.file],
                "",
                ConfigError,
            )
        except InputError as exc:
            found.extend(exc.problems)
    national, national_raw = national_rules()
    digest.update(NATIONAL.encode() + b"\0" + national_raw + b"\0")
    if MunicipalityInfo in values:
        known = (*values[MunicipalityInfo].documents, *national.documents)
        titles = {document.file: document.title for document in known}
        values = {model: titled(value, titles) for model, value in values.items()}
        national = titled(national, titles)
    rules_file: RulesFile = values.get(RulesFile, RulesFile())
    placed = [
        *((NATIONAL_SOURCE, index, entry) for index, entry in enumerate(national.criteria)),
        *((shown[RULES], index, entry) for index, entry in enumerate(rules_file.criteria)),
    ]
    checks: list[tuple[CheckType, Check[Any]] | None] = [
        _check(entry, index, types, source, found) for source, index, entry in placed
    ]
    if found:
        raise ConfigError(found)
    catalogues = Catalogues()
    found.extend(
        Problem.at(NATIONAL_SOURCE, path, message) for path, message in catalogues.collect(national)
    )
    found.extend(_clashes(national, values[MunicipalityInfo], rules_file, shown))
    for value, section in zip(values.values(), (s for s, _ in declared), strict=True):
        found.extend(
            Problem.at(shown[section.file], path, message)
            for path, message in catalogues.collect(value)
        )
    for value, section in zip(values.values(), (s for s, _ in declared), strict=True):
        found.extend(
            Problem.at(shown[section.file], path, message)
            for path, message in problems(value, catalogues)
        )
    renamed = catalogues.renamed
    for (source, index, entry), built in zip(placed, checks, strict=True):
        if built is not None:
            where = f"criteria[{index}].params"
            found.extend(
                Problem.at(source, path, message)
                for path, message in chain(
                    problems(built[1], catalogues, where, within=entry),
                    renamed_within(built[1], catalogues, renamed, entry, where),
                )
            )
    if found:
        raise ConfigError(found)
    names = catalogues.names
    info: MunicipalityInfo = values[MunicipalityInfo]
    documents = (*info.documents, *national.documents)
    notes = {note.criterion: note for note in rules_file.national}
    set_aside = {note.criterion for note in rules_file.national if note.set_aside is not None}
    rules = [
        _rule(
            entry,
            built[0],
            built[1],
            names_on(names, renamed, entry.valid_from),
            notes.get(entry.id),
        )
        for (_, _, entry), built in zip(placed, checks, strict=True)
        if built is not None and entry.id not in set_aside
    ]
    for origin in sorted({rule.origin for rule in rules} - {BUILTIN}):
        digest.update(f"plugin {origin}=={plugins.version(origin) or '?'}\0".encode())
    municipality = Municipality(
        slug=info.slug,
        name=info.name,
        documents=documents,
        national=tuple(rule_id for rule_id in national.ids if rule_id not in set_aside),
        source=RulesSource(directory=directory, found_by=found_by, distribution=distribution),
        fingerprint=f"sha256:{digest.hexdigest()}",
        rulebook=Rulebook(rules),
        sections=values,
        names=names,
        renamed=renamed,
        known={kind: dict(ids) for kind, ids in catalogues.entries.items()},
    )
    for section, plugin in declared:
        if section.validate is not None:
            found.extend(
                Problem.at(shown[section.file], path, message)
                for path, message in _validated(section, municipality, plugin)
            )
    if found:
        raise ConfigError(found)
    return municipality


def _validated(
    section: Section[Any], municipality: Municipality, plugin: str
) -> list[tuple[str, str]]:
    validate = section.validate
    assert validate is not None
    value = municipality.section(section.model)
    return _plugin_code(
        plugin, f"validating {section.file}", lambda: list(validate(value, municipality))
    )


def _plugin_code(plugin: str, doing: str, function: Callable[..., T], *args: Any) -> T:
    """A plugin's code within the hook budget, whatever it raises but the library's own
    errors named by its plugin; the library's own called directly."""
    return guard.own_or_guarded(plugin, doing, "hook", function, *args, passing=(InputError,))


def titled(value: Any, titles: Mapping[str, str]) -> Any:
    """``value`` with every citation in it (at any depth) carrying its document's title,
    so that whatever renders a citation can name the document as a reader knows it."""
    if isinstance(value, Citation):
        title = titles.get(value.document)
        return value if title is None or title == value.title else attrs.evolve(value, title=title)
    if isinstance(value, tuple):
        items = tuple(titled(item, titles) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if not attrs.has(type(value)):
        return value
    changes = {}
    for attribute in attrs.fields(type(value)):
        if attribute.init:
            item = getattr(value, attribute.name)
            new = titled(item, titles)
            if new is not item:
                changes[attribute.alias] = new
    return attrs.evolve(value, **changes) if changes else value


def _parsed(text: str, source: str, limits: Limits) -> dict[str, Any]:
    """A configuration file's table, its values counted before it is parsed and its
    lists, texts and nesting screened after: a file within the size limit can still
    hold more than any municipality configures."""
    require_values(text, limits.max_values, source, ConfigError, toml=True, config=True)
    table = parse_toml(text, source, ConfigError, limits.max_depth)
    screen = screen_for(limits, personal=False, config=True)
    screen.require(table, source, "", ConfigError, limits.max_problems)
    return table


def _read(path: Path, required: bool, found: list[Problem], limits: Limits) -> bytes | None:
    """A configuration file's bytes; ``None`` if absent (a problem when required) or bad."""
    try:
        path.lstat()
    except FileNotFoundError:
        if required:
            found.append(Problem.at(str(path), "", "required file is missing"))
        return None
    except OSError:
        pass  # reading says what is wrong
    try:
        hint = raising("max_file_bytes", config=True)
        return read_bytes(path, limits.max_file_bytes, ConfigError, hint)
    except ConfigError as exc:
        found.extend(exc.problems)
        return None


def _check(
    entry: CriterionEntry,
    index: int,
    types: Mapping[str, CheckType],
    source: str,
    found: list[Problem],
) -> tuple[CheckType, Check[Any]] | None:
    """The check a rule entry configures, its params structured and validated."""
    where = f"criteria[{index}]"
    check_type = types.get(entry.type)
    if check_type is None:
        known = ", ".join(sorted(types))
        found.append(
            Problem.at(
                source,
                f"{where}.type",
                f"expected a known check type ({known}), got {shown(entry.type)}; is the plugin "
                "that provides it installed?",
            )
        )
        return None
    try:
        check = _plugin_code(
            check_type.origin,
            f"reading the params of {where}",
            structure,
            dict(entry.params),
            check_type.cls,
            source,
            f"{where}.params",
            ConfigError,
        )
    except InputError as exc:
        found.extend(exc.problems)
        return None
    return check_type, check


def _clashes(
    national: NationalRules,
    info: MunicipalityInfo,
    rules_file: RulesFile,
    paths: Mapping[str, str],
) -> Iterator[Problem]:
    """A municipality's ids that would shadow national ones, and notes on rules that are
    not national."""
    laws = {document.file for document in national.documents}
    for index, document in enumerate(info.documents):
        if document.file in laws:
            yield Problem.at(
                paths[MUNICIPALITY],
                f"documents[{index}].file",
                f"expected a name the national rules do not use, got {document.file!r}, "
                "which they list already: cite it without listing it",
            )
    ids = set(national.ids)
    for index, entry in enumerate(rules_file.criteria):
        if entry.id.startswith(NATIONAL_PREFIX):
            yield Problem.at(
                paths[RULES],
                f"criteria[{index}].id",
                f"expected an id not starting {NATIONAL_PREFIX!r}, which national rules keep, "
                f"got {entry.id!r}; note a reading of a national rule under [[national]] instead",
            )
    for index, note in enumerate(rules_file.national):
        if note.criterion not in ids:
            yield Problem.at(
                paths[RULES],
                f"national[{index}].criterion",
                f"{expected_one_of(national.ids, 'national rule')}, got {shown(note.criterion)}",
            )


def _rule(
    entry: CriterionEntry,
    check_type: CheckType,
    check: Check[Any],
    names: Names,
    note: NationalReading | None = None,
) -> Rule[Any]:
    reading = entry.reading
    if note is not None and note.reading is not None:
        reading = (
            note.reading
            if reading is None
            else Text(da=f"{reading.da} {note.reading.da}", en=f"{reading.en} {note.reading.en}")
        )
    return Rule(
        id=entry.id,
        kind=entry.kind,
        citation=entry.citation,
        rule=entry.rule,
        reading=reading,
        check=check,
        templates=dict(templates(check_type, names)),
        origin=check_type.origin,
        valid_from=entry.valid_from,
        valid_until=entry.valid_until,
    )


def templates(check_type: CheckType, names: Names) -> Iterable[tuple[str, Template]]:
    """Each message of a check type, compiled with the names of ids and the labels of its
    facts; a message naming a fact the check cannot record is an error. The check's own
    names of its values come first: a configured id spelt like one (Odense's target group
    ``other``) must not rename the value (an association of the kind ``other``)."""
    cls = check_type.cls
    labels = {fact.name: fact.label for fact in cls.FACTS}
    recordable = {*labels, *(a.name for a in attrs.fields(cast(Any, cls))), *cls.RECORDS, MISSING}
    for name, message in {**cls.MESSAGES, MISSING: cls.MISSING_MESSAGE}.items():
        if not message.da.strip() or not message.en.strip():
            raise _faulty(check_type, name, "expected a text in both Danish and English")
        try:
            template = Template(message, {**names, **cls.NAMES}, labels)
        except ValueError as exc:
            raise _faulty(check_type, name, str(exc)) from exc
        unknown = (template.fields("da") | template.fields("en")) - recordable
        if unknown:
            raise _faulty(check_type, name, f"names facts it cannot record: {sorted(unknown)}")
        if template.fields("da") != template.fields("en"):
            raise _faulty(check_type, name, "the Danish and English texts use different facts")
        yield name, template


def _faulty(check_type: CheckType, message: str, problem: str) -> Exception:
    text = f"check type {check_type.name!r}, message {message!r}: {problem}"
    if check_type.origin == BUILTIN:
        return AssertionError(text)
    return PluginError(check_type.origin, text)
