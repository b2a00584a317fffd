"""The settings helpers refuse bad values loudly instead of starting with a wrong set-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from stuurknop.web import env


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("STUURKNOP_X", "STUURKNOP_X_FILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("Yes", True), ("on", True), ("0", False), ("FALSE", False)],
)
def test_env_bool_reads_the_usual_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv("STUURKNOP_X", raw)
    assert env.env_bool("STUURKNOP_X", not expected) is expected


@pytest.mark.parametrize("raw", ["2", "maybe", "tru", "-"])
def test_env_bool_rejects_anything_else(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("STUURKNOP_X", raw)
    with pytest.raises(ImproperlyConfigured, match="STUURKNOP_X"):
        env.env_bool("STUURKNOP_X", False)


def test_an_empty_value_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUURKNOP_X", "")
    assert env.env_bool("STUURKNOP_X", True) is True
    assert env.env_str("STUURKNOP_X", "standaard") == "standaard"


@pytest.mark.parametrize("raw", ["twelve", "1.5", "3e2"])
def test_env_int_rejects_what_is_not_a_whole_number(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("STUURKNOP_X", raw)
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env.env_int("STUURKNOP_X", 7)


def test_env_int_enforces_its_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUURKNOP_X", "0")
    with pytest.raises(ImproperlyConfigured, match="minimum 1"):
        env.env_int("STUURKNOP_X", 14, minimum=1, maximum=90)
    monkeypatch.setenv("STUURKNOP_X", "91")
    with pytest.raises(ImproperlyConfigured, match="maximum 90"):
        env.env_int("STUURKNOP_X", 14, minimum=1, maximum=90)
    monkeypatch.setenv("STUURKNOP_X", " 30 ")
    assert env.env_int("STUURKNOP_X", 14, minimum=1, maximum=90) == 30


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUURKNOP_X", " a.nl, ,b.nl,")
    assert env.env_list("STUURKNOP_X") == ["a.nl", "b.nl"]
    monkeypatch.delenv("STUURKNOP_X")
    assert env.env_list("STUURKNOP_X", ("x",)) == ["x"]


def test_a_required_string_without_a_value_is_an_error() -> None:
    with pytest.raises(ImproperlyConfigured, match="STUURKNOP_X is required"):
        env.env_str("STUURKNOP_X")


def test_a_secret_can_come_from_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s3cr3t\n", encoding="utf-8")
    monkeypatch.setenv("STUURKNOP_X_FILE", str(secret))
    assert env.env_str("STUURKNOP_X") == "s3cr3t"


def test_a_missing_secret_file_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STUURKNOP_X_FILE", str(tmp_path / "absent"))
    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        env.env_str("STUURKNOP_X")


def test_a_value_and_a_file_together_are_ambiguous(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    secret = tmp_path / "secret"
    secret.write_text("a", encoding="utf-8")
    monkeypatch.setenv("STUURKNOP_X", "b")
    monkeypatch.setenv("STUURKNOP_X_FILE", str(secret))
    with pytest.raises(ImproperlyConfigured, match="both set"):
        env.env_str("STUURKNOP_X")
