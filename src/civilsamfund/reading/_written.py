"""Structure hooks written out once per model, for input that is already right.

cattrs structures a model through a hook per field, each behind the library's own
(:mod:`civilsamfund.reading._converter`): for a grant application that is some sixty
calls. Here the library writes, once per model, one function that checks each field
as those hooks would (text is text, a whole number is not true, a date is
``YYYY-MM-DD``, amounts through :func:`~civilsamfund.core.kroner`) and builds the
models with their validators. It says nothing about what is wrong: on anything it does
not take, it raises, and the converter's hooks run instead, so every error is the
converter's. A model with a field type it does not know is left to the converter whole.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import cache
from itertools import count
from typing import Any, get_args

import attrs

from civilsamfund.core import Kroner, Share, Text, generated_code, kroner, number, share
from civilsamfund.core.rules import FactText
from civilsamfund.reading import _kinds

Hook = Callable[[Any, Any], Any]

_SIMPLE = {str: "str", int: "int", bool: "bool"}
"""Types whose values JSON gives as they are kept: checked by exact type."""


class _Unwritable(Exception):
    """A type this module does not write a hook for."""


class _Writer:
    """Writes the source of one model's hook and of the models it holds."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {"Refused": ValueError}
        self.lines: list[str] = []
        self.models: dict[type, str] = {}
        self._numbers = count()

    def name(self, value: Any, stem: str) -> str:
        """A name for ``value`` in the written source."""
        name = f"{stem}{next(self._numbers)}"
        self.names[name] = value
        return name

    def model(self, kind: type) -> str:
        """The name of the function structuring ``kind`` from a table."""
        known = self.models.get(kind)
        if known is not None:
            return known
        function = self.models[kind] = f"structure{len(self.models)}"
        attrs.resolve_types(kind)
        fields = [a for a in attrs.fields(kind) if a.init]
        if any(a.alias != a.name or a.type is None for a in fields):
            raise _Unwritable(kind)
        keys = self.name(frozenset(a.name for a in fields), "keys")
        body = [
            f"def {function}(o, _=None):",
            f"    if type(o) is not dict or not {keys}.issuperset(o): raise Refused",
        ]
        arguments = []
        for index, a in enumerate(fields):
            value = f"x{index}"
            checked = [
                f"    {value} = o[{a.name!r}]",
                *(f"    {line}" for line in self.check(a.type, value)),
            ]
            arguments.append(f"{a.name}={value}")
            if a.default is attrs.NOTHING:
                body += checked
                continue
            if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                if a.default.takes_self:
                    raise _Unwritable(kind)
                default = f"{self.name(a.default.factory, 'factory')}()"
            else:
                default = self.name(a.default, "default")
            body += [
                f"    if {a.name!r} in o:",
                *(f"    {line}" for line in checked),
                "    else:",
                f"        {value} = {default}",
            ]
        body.append(f"    made = {self.name(kind, 'model')}({', '.join(arguments)})")
        ids = _kinds.id_fields(kind)
        if ids:
            self.names["require_plain_ids"] = _kinds.require_plain_ids
            body.append(f"    require_plain_ids(made, {self.name(ids, 'ids')})")
        body.append("    return made")
        self.lines += body
        return function

    def check(self, kind: Any, value: str) -> list[str]:
        """Lines that check ``value`` as the converter's hook for ``kind`` would, and
        replace it with what that hook gives."""
        simple = _SIMPLE.get(kind)
        if simple is not None:
            return [f"if type({value}) is not {simple}: raise Refused"]
        if _kinds.is_optional(kind):
            inner = next(arg for arg in get_args(kind) if arg is not type(None))
            lines = self.check(inner, value)
            return [f"if {value} is not None:", *(f"    {line}" for line in lines)]
        return [f"{value} = {self.function(kind)}({value})"]

    def function(self, kind: Any) -> str:
        """The name of a function giving what the converter's hook for ``kind`` gives,
        chosen by the converter's own tests of a type."""
        if kind in _CALLED:
            return self.name(_CALLED[kind], "read")
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return self.name(_member(kind), "member")
        if isinstance(kind, type) and attrs.has(kind):
            return self.model(kind)
        if _kinds.is_tuple(kind):
            return self._tuple(get_args(kind)[0])
        if _kinds.is_mapping(kind):
            return self._table(get_args(kind)[1])
        if _kinds.is_tagged_union(kind):
            return self._tagged(get_args(kind))
        raise _Unwritable(kind)

    def _tuple(self, item: Any) -> str:
        function = self.name(None, "items")
        self.lines += [
            f"def {function}(value):",
            "    if type(value) is not list: raise Refused",
            "    made = []",
            "    for item in value:",
            *(f"        {line}" for line in self.check(item, "item")),
            "        made.append(item)",
            "    return tuple(made)",
        ]
        return function

    def _table(self, item: Any) -> str:
        function = self.name(None, "table")
        self.lines += [
            f"def {function}(value):",
            "    if type(value) is not dict: raise Refused",
            "    made = {}",
            "    for key, item in value.items():",
            *(f"        {line}" for line in self.check(item, "item")),
            "        made[key] = item",
            "    return made",
        ]
        return function

    def _tagged(self, members: tuple[Any, ...]) -> str:
        function = self.name(None, "tagged")
        tags = {member.TAG: self.model(member) for member in members}
        self.lines += [
            f"def {function}(value):",
            "    if type(value) is not dict: raise Refused",
            f"    tag = value.get({_kinds.TAG!r})",
            *(
                f"    if tag == {tag!r}: return {model}({{k: v for k, v in value.items() "
                f"if k != {_kinds.TAG!r}}})"
                for tag, model in tags.items()
            ),
            "    raise Refused",
        ]
        return function


def _member(kind: type[enum.Enum]) -> Callable[[object], enum.Enum]:
    """A member by its value as written: ``kind(value)`` for values that name one."""
    members = kind._value2member_map_

    def member(value: object) -> enum.Enum:
        found = members.get(value) if type(value) is str else None
        if found is None:
            raise ValueError(value)
        return found

    return member


def _text(value: object) -> Text:
    if type(value) is not dict or len(value) != 2:
        raise ValueError(value)
    da, en = value.get("da"), value.get("en")
    if type(da) is not str or type(en) is not str:
        raise ValueError(value)
    return Text(da=da, en=en)


_CALLED: dict[Any, Callable[[Any], Any]] = {
    date: _kinds.read_date,
    Kroner: kroner,
    Share: share,
    Decimal: number,
    FactText: _kinds.read_fact_text,
    Text: _text,
}
"""Types read by calling a function that raises on what its converter hook refuses."""


@cache
def written_hook(kind: type) -> Hook | None:
    """The hook written out for the attrs class ``kind``, or ``None`` if it holds a
    field type this module does not write (the converter's hook serves it then)."""
    writer = _Writer()
    try:
        function = writer.model(kind)
    except (_Unwritable, NameError, TypeError):
        return None
    source = "\n".join(writer.lines) + "\n"
    exec(generated_code(source, f"structure hook of {kind.__name__}"), writer.names)
    hook: Hook = writer.names[function]
    return hook
