"""The chart module is pure: documents and the CLI use it without a web framework."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import stuurknop.charts

CHARTS = Path(stuurknop.charts.__file__).parent


def test_importing_the_charts_loads_no_django_and_no_pyplot():
    code = (
        "import sys, stuurknop.charts, stuurknop.charts.money; "
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django'; "
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_charts_source_file_imports_django_or_pyplot():
    files = sorted(CHARTS.rglob("*.py"))
    assert len(files) >= 5  # the scan really looks at the chart modules
    pattern = re.compile(
        r"^\s*(import|from) +(django\b|matplotlib\S* .*\bpyplot\b|matplotlib\.pyplot)", re.MULTILINE
    )
    offenders = [f.name for f in files if pattern.search(f.read_text(encoding="utf-8"))]
    assert offenders == []
