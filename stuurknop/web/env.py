"""Reading settings from the environment, loudly.

A bad value stops the server at start-up with :class:`ImproperlyConfigured` naming the variable,
rather than starting with a silently different configuration. An empty value counts as unset,
because ``NAME=`` in an env file usually means "no value". Any string may instead be given as a
file with ``NAME_FILE`` (Docker and systemd secrets), so secrets stay out of the environment.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# Every variable the settings asked for, so a test can check that .env.example documents each one.
READ: set[str] = set()

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee"}


def _raw(name: str) -> str | None:
    READ.add(name)
    value = os.environ.get(name, "")
    file_name = os.environ.get(f"{name}_FILE", "")
    if value and file_name:
        raise ImproperlyConfigured(f"{name} and {name}_FILE are both set; set only one of them.")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise ImproperlyConfigured(
                f"{name}_FILE={file_name!r} cannot be read: {exc.strerror}"
            ) from None
    return value or None


def env_str(name: str, default: str | None = None) -> str:
    """The string ``name``; without a default, a missing value is an error."""
    value = _raw(name)
    if value is not None:
        return value
    if default is None:
        raise ImproperlyConfigured(f"{name} is required but not set (see .env.example).")
    return default


def env_bool(name: str, default: bool) -> bool:
    """A yes/no setting: 1/0, true/false, yes/no, on/off (any case); anything else is an error."""
    value = _raw(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a yes/no value (use 1 or 0).")


def env_int(
    name: str, default: int, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """A whole number, optionally within ``minimum``..``maximum``."""
    value = _raw(name)
    if value is None:
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} is below the minimum {minimum}.")
    if maximum is not None and number > maximum:
        raise ImproperlyConfigured(f"{name}={number} is above the maximum {maximum}.")
    return number


def env_list(name: str, default: tuple[str, ...] = ()) -> list[str]:
    """A comma-separated list; blanks around items and empty items are dropped."""
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]
