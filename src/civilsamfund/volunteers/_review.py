"""Reviewing forms in a batch: role descriptions, checklists and collaboration
agreements, read, reviewed and written through the shared pipeline."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from attrs import frozen

from civilsamfund.config import Municipality, ReferencePlan
from civilsamfund.core import Language, Problems, cited, compact_json, expected_one_of, shown
from civilsamfund.pipeline import Inputs, Output, Steps, layout_for, write
from civilsamfund.reading import DEFAULT_LIMITS, Limits, structurer
from civilsamfund.volunteers._config import Named, VolunteersFile
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._forms import (
    Checklist,
    CollaborationAgreement,
    FormReview,
    RoleDescription,
    review_parts,
    suggest,
)

FormKind = Literal["role", "checklist", "agreement"]
Form = RoleDescription | Checklist | CollaborationAgreement


@frozen(kw_only=True)
class _Kind:
    model: type[Any]
    key: str
    """The key a document's list of forms of this kind sits under."""
    field: str
    """The form's field that maps part ids to text."""
    parts: Callable[[VolunteersFile], tuple[Named, ...]]
    what: str


_KINDS: Mapping[str, _Kind] = {
    "role": _Kind(
        model=RoleDescription,
        key="roles",
        field="parts",
        parts=lambda section: section.role_parts,
        what="role description parts",
    ),
    "checklist": _Kind(
        model=Checklist,
        key="checklists",
        field="answers",
        parts=lambda section: section.questions,
        what="questions",
    ),
    "agreement": _Kind(
        model=CollaborationAgreement,
        key="agreements",
        field="parts",
        parts=lambda section: section.agreement_parts,
        what="agreement parts",
    ),
}
_KIND_OF = {kind.model: name for name, kind in _KINDS.items()}


def review_form(municipality: Municipality, form: Form) -> FormReview:
    """Which of the municipality's parts ``form`` leaves out or gives empty, and for a
    role the form of commitment to suggest. Raises :class:`TaskError` for a part, a
    question or a logic the municipality does not configure."""
    name = _KIND_OF[type(form)]
    kind = _KINDS[name]
    section = municipality.section(VolunteersFile)
    parts = kind.parts(section)
    given: Mapping[str, str] = getattr(form, kind.field)
    ids = [part.id for part in parts]
    found = Problems()
    expected = expected_one_of(ids, kind.what)
    for key in given:
        if key not in ids:
            found.at("", f"{kind.field}.{key}", f"{expected}, got {shown(key)}")
    if not parts:
        found.at("", "", f"expected {kind.what} configured in volunteers.toml; there are none")
    references = ReferencePlan(kind.model).found(form, municipality.known)
    found.extend(references.kept, references.more)
    if found:
        raise TaskError(found.kept, found.more).within(f"{name} {shown(form.id)}", "")
    logics = section.start_logics if isinstance(form, Checklist) else ()
    return FormReview(
        form=form.id,
        kind=name,
        review=review_parts(given, parts),
        suggestion=suggest(form) if isinstance(form, RoleDescription) else None,
        logic=form.logic if isinstance(form, Checklist) else None,
        names={entry.id: entry for entry in (*parts, *logics)},
    )


def _named(review: FormReview, ids: Sequence[str], language: Language) -> list[dict[str, Any]]:
    return [
        {
            "id": id,
            "name": review.names[id].name.in_(language),
            "citation": None
            if (citation := review.names[id].citation) is None
            else {"document": citation.document, "section": citation.section},
        }
        for id in ids
    ]


def review_document(review: FormReview, language: Language = "da") -> dict[str, Any]:
    """The review as a JSON-ready object, its texts in ``language``."""
    suggestion = review.suggestion
    document: dict[str, Any] = {
        "form": review.form,
        "kind": review.kind,
        "language": language,
        "complete": review.complete,
        "given": list(review.review.given),
        "missing": _named(review, review.review.missing, language),
        "empty": _named(review, review.review.empty, language),
    }
    if suggestion is not None:
        document["suggestion"] = {
            "commitment": suggestion.commitment,
            "reason": suggestion.reason.in_(language),
            "missing": list(suggestion.missing),
        }
    if review.kind == "checklist":
        document["logic"] = (
            None if review.logic is None else _named(review, [review.logic], language)[0]
        )
    return document


_WORDS = {
    "da": (
        "komplet",
        "ufuldstændig",
        "mangler",
        "tom",
        "forslag",
        "ingen startlogik",
        "startlogik",
    ),
    "en": ("complete", "incomplete", "missing", "empty", "suggestion", "no start logic", "logic"),
}
_FORMS = {
    "da": {"role": "Rollebeskrivelse", "checklist": "Tjekliste", "agreement": "Samarbejdsaftale"},
    "en": {"role": "Role description", "checklist": "Checklist", "agreement": "Agreement"},
}


def review_text(review: FormReview, language: Language = "da") -> str:
    """The review as plain text: what is missing or empty, each with its source by title."""
    complete, incomplete, missing, empty, suggested, no_logic, logic = _WORDS[language]
    form = _FORMS[language][review.kind]
    lines = [f"{form} {review.form}: {complete if review.complete else incomplete}"]
    for label, ids in ((missing, review.review.missing), (empty, review.review.empty)):
        for id in ids:
            named = review.names[id]
            where = "" if named.citation is None else f" ({cited(named.citation, language)})"
            lines.append(f"  {label}: {named.name.in_(language)}{where}")
    if review.suggestion is not None:
        lines.append(f"  {suggested}: {review.suggestion.reason.in_(language)}")
    if review.kind == "checklist":
        chosen = review.names[review.logic].name.in_(language) if review.logic else None
        lines.append(f"  {logic}: {chosen}" if chosen else f"  {no_logic}")
    return "\n".join(lines) + "\n"


def write_reviews(
    municipality: Municipality,
    kind: FormKind,
    files: Sequence[str | Path],
    output: Output = None,
    *,
    format: Literal["text", "json"] = "json",
    language: Language = "da",
    limits: Limits = DEFAULT_LIMITS,
) -> int:
    """Review the forms of ``kind`` in ``files`` and write every review; returns the count.

    The files hold the forms as a list, or under ``roles``, ``checklists`` or
    ``agreements``. ``output`` as for :func:`write_task_decisions`.
    """
    layout = layout_for(format, ("text", "json"))
    spec = _KINDS[kind]
    read = structurer(spec.model, TaskError)
    render = review_text if format == "text" else _review_json

    def prepare(item: Any, source: str, path: str) -> FormReview:
        form = read(item, source, path)
        try:
            return review_form(municipality, form)
        except TaskError as exc:
            raise exc.within(source, path) from None

    steps = Steps(
        key=spec.key,
        prepare=prepare,
        judge=lambda review: render(review, language).encode(),
        identify=lambda review: review.form,
        error=TaskError,
    )
    return write(steps, Inputs(paths=files, limits=limits), output, layout, jobs=1)


def _review_json(review: FormReview, language: Language) -> str:
    return compact_json(review_document(review, language))
