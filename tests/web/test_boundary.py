"""The engine, the document and the model stay free of Django."""

from __future__ import annotations

import subprocess
import sys


def test_the_pure_packages_import_without_django() -> None:
    code = (
        "import sys, stuurknop.engine, stuurknop.projectfile, stuurknop.gespreksmodel, "
        "stuurknop.web.run; "
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
