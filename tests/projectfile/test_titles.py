"""The schema is the one declaration of the document's Dutch words: every field has a title."""

from __future__ import annotations

from stuurknop.projectfile.errors import (
    COMMON_LABELS,
    FIELD_LABELS,
    ITEM_LABELS,
    document_classes,
    title_clashes,
)


def test_every_field_of_the_document_has_a_dutch_title() -> None:
    untitled = [
        f"{schema.__name__}.{name}"
        for schema in document_classes()
        for name, info in schema.model_fields.items()
        if not info.title
    ]
    assert untitled == []


def test_a_field_name_with_titles_that_differ_per_entity_has_a_common_word() -> None:
    unresolved = set(title_clashes()) - set(ITEM_LABELS) - set(COMMON_LABELS)
    assert unresolved == set()


def test_the_labels_of_errors_come_from_the_titles() -> None:
    assert FIELD_LABELS["amount"] == "bedrag"
    assert FIELD_LABELS["costs"] == "kostenpost"  # one element of the list, numbered
    assert FIELD_LABELS["party"] == "partij"
