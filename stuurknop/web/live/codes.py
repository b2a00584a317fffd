"""Join codes and participant tokens: random (``secrets``), and only the token's hash is kept."""

from __future__ import annotations

import hashlib
import secrets

# No 0/O, 1/I/L: a code is read off a beamer and typed on a phone.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6  # 31^6 ≈ 890 million codes; guessing one of a few open sessions is hopeless


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a person typed, as a code is stored: upper case, no spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch not in " -")[:16]


def looks_like_code(text: str) -> bool:
    return len(text) == CODE_LENGTH and all(ch in ALPHABET for ch in text)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def cookie_name(code: str) -> str:
    return f"live_{code}"
