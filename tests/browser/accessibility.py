"""axe-core in the page: WCAG 2.1 A and AA, zero violations allowed.

axe-core comes with axe-playwright-python (``axe.min.js``, no download). It is evaluated
through the DevTools protocol, so the page's Content-Security-Policy does not have to allow it.
No rule is switched off; to switch one off, add it to ``DISABLED`` with the reason.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Best-practice rules that our own accessibility rules ask for (one h1, heading order, no
# positive tabindex, everything inside a landmark); axe files them outside the WCAG tags.
ALSO = [
    "page-has-heading-one",
    "heading-order",
    "tabindex",
    "landmark-one-main",
    "region",
    "empty-heading",
    "empty-table-header",
]
# rule id -> why it is off. Empty: every rule runs.
DISABLED: dict[str, str] = {}

_axe = Axe()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The violations axe-core finds on the page as it is now."""
    options = {
        "runOnly": {"type": "tag", "values": [*WCAG_21_AA, "best-practice"]},
        "rules": {rule: {"enabled": False} for rule in DISABLED},
        "resultTypes": ["violations"],
    }
    results = _axe.run(page, options=options).response
    return [
        v
        for v in results["violations"]
        if v["id"] in ALSO or any(tag in WCAG_21_AA for tag in v["tags"])
    ]


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable list: rule, impact, help, and each offending element with its fix."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", " ").strip()
            if summary:
                lines.append(f"      {summary[:400]}")
    return "\n".join(lines)


def assert_accessible(page: Page, what: str = "") -> None:
    """Fail with the list of violations unless axe-core finds none on ``page``."""
    violations = axe_violations(page)
    if violations:
        where = what or page.url
        pytest.fail(
            f"axe-core: {len(violations)} violation(s) on {where}:\n{describe(violations)}",
            pytrace=False,
        )
