"""The engine is a pure package: no web framework is imported, directly or indirectly."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import stuurknop.engine

ENGINE = Path(stuurknop.engine.__file__).parent


def test_importing_the_engine_loads_no_django():
    code = (
        "import sys, stuurknop.engine; "
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_engine_source_file_mentions_a_django_import():
    files = sorted(ENGINE.rglob("*.py"))
    assert len(files) >= 9  # the scan really looks at the engine's modules
    pattern = re.compile(r"^\s*(import django|from django)\b", re.MULTILINE)
    offenders = [f.name for f in files if pattern.search(f.read_text(encoding="utf-8"))]
    assert offenders == []
