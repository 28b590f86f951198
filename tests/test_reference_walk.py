"""The walk a reference plan writes out once per type says a value is clean exactly when
the interpreted walk, which names each wrong reference by its path, finds nothing."""

from __future__ import annotations

import linecache

import attrs
from attrs import frozen
from hypothesis import given
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund.core import refers, refers_chosen

KNOWN = {
    "council": {"c1": object()},
    "committee": {"k1": object()},
    "area": {"a1": object(), "a2": object()},
}
IDS = st.sampled_from(["c1", "k1", "a1", "a2", "x"])


@frozen
class Seat:
    kind: str
    holder: str | None = attrs.field(
        default=None, metadata=refers_chosen("kind", "council", "committee")
    )


@frozen
class Group:
    areas: tuple[str, ...] | None = attrs.field(default=None, metadata=refers("area"))
    either: str | None = attrs.field(default=None, metadata=refers("council", "committee"))
    seats: tuple[Seat, ...] = ()


@frozen
class Body:
    main: Group | None = None
    groups: tuple[Group, ...] = ()


seats = st.builds(
    Seat, kind=st.sampled_from(["council", "committee", "other"]), holder=IDS | st.none()
)
groups = st.builds(
    Group,
    areas=st.none() | st.lists(IDS, max_size=3).map(tuple),
    either=st.none() | IDS,
    seats=st.lists(seats, max_size=3).map(tuple),
)
bodies = st.builds(Body, main=st.none() | groups, groups=st.lists(groups, max_size=3).map(tuple))


@given(bodies)
def test_the_written_walk_agrees_with_the_interpreted_one(body: Body) -> None:
    plan = cs.ReferencePlan(Body)
    wrong = plan.problems(body, KNOWN)
    found = plan.found(body, KNOWN)
    assert bool(found) == bool(wrong)
    assert [(p.path, p.message) for p in found.kept] == wrong


def test_the_written_walk_is_shown_by_tracebacks() -> None:
    plan = cs.ReferencePlan(Body)
    clean = plan._clean
    assert clean is not None
    source = "".join(linecache.getlines(clean.__code__.co_filename))
    assert "getattr(value, 'main', None)" in source
    assert clean(Body(main=Group(areas=("a1",))), KNOWN) is True
    assert clean(Body(main=Group(areas=("x",))), KNOWN) is False


def _chain(depth: int) -> list[type]:
    """Types nesting ``depth`` levels deep, the outermost first, a reference at the bottom."""
    leaf = frozen(
        type(
            "Leaf",
            (),
            {"__annotations__": {"area": "str"}, "area": attrs.field(metadata=refers("area"))},
        )
    )
    classes = [leaf]
    for level in range(depth):
        below = classes[0]
        classes.insert(
            0,
            frozen(
                type(
                    f"Level{level}",
                    (),
                    {"__annotations__": {"below": below}, "below": attrs.field()},
                )
            ),
        )
    return classes


def test_a_type_nested_deeper_than_python_compiles_is_walked_as_interpreted() -> None:
    *levels, leaf = _chain(25)
    plan = cs.ReferencePlan(levels[0])
    assert plan._clean is None
    value = leaf(area="x")
    for cls in reversed(levels):
        value = cls(below=value)
    ((path, message),) = plan.problems(value, KNOWN)
    assert (path, message.endswith("got 'x'")) == (".".join(["below"] * 25 + ["area"]), True)
    assert [p.path for p in plan.found(value, KNOWN).kept] == [path]
    assert not plan.found(attrs.evolve(value), {**KNOWN, "area": {"x": object()}})
