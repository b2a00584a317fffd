"""The text the product accepts: decided once at the edge (stuurknop.projectfile.text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurknop.projectfile import parse_document
from stuurknop.projectfile.text import clean_lines, clean_text


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("Gemeente\x01 Zwolle", "Gemeente Zwolle"),
        ("Kosten\x0bpost", "Kostenpost"),
        ("\x1b[31mrood", "[31mrood"),
        ("nul\x00byte", "nulbyte"),
        ("del\x7fete", "delete"),
        ("c1\x85\x9f", "c1"),
        ("half\ud800surrogaat", "halfsurrogaat"),
        ("geen\ufffeteken\uffff", "geenteken"),
        ("Cafe\u0301", "Café"),  # e + combining accent becomes one code point (NFC)
    ],
)
def test_a_name_loses_what_cannot_be_stored_or_printed(raw: str, stored: str) -> None:
    assert clean_text(raw) == stored


def test_a_name_is_one_line() -> None:
    assert clean_text("Woon\tstichting\nHet Anker") == "Woon stichting Het Anker"


def test_a_long_text_keeps_its_paragraphs_with_one_kind_of_line_break() -> None:
    assert clean_lines("eerste\r\ntweede\rderde\n\tvierde") == "eerste\ntweede\nderde\n\tvierde"


@given(st.text())
def test_cleaned_text_holds_nothing_xml_or_utf8_refuses(raw: str) -> None:
    for cleaned in (clean_lines(raw), clean_text(raw)):
        cleaned.encode("utf-8")  # no lone surrogates
        assert not any(
            (ord(ch) < 0x20 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F for ch in cleaned
        )
        assert clean_lines(cleaned) == cleaned  # cleaning twice changes nothing


def test_a_document_stores_cleaned_names_and_texts(document_data) -> None:
    data = document_data(costs=[{"description": "Huur\x0b ruimte", "amount": "10"}])
    data["parties"][0]["name"] = "Woon\x01stichting"
    data["scenarios"][0]["name"] = "Basis\x1b"
    data["scenarios"][0]["description"] = "regel 1\r\nregel\x002"
    doc = parse_document(data)
    assert doc.parties[0].name == "Woonstichting"
    assert doc.scenarios[0].name == "Basis"
    assert doc.scenarios[0].description == "regel 1\nregel2"
    assert doc.scenarios[0].costs[0].description == "Huur ruimte"


def test_a_name_of_control_characters_only_is_refused_as_empty(document_data) -> None:
    from stuurknop.projectfile import DocumentInvalid

    data = document_data()
    data["parties"][0]["name"] = "\x01\x02"
    with pytest.raises(DocumentInvalid) as raised:
        parse_document(data)
    [error] = raised.value.errors
    assert (error.path, error.message) == ("parties[0].name", "mag niet leeg zijn")
