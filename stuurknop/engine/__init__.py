"""The analyses: pure functions of (model version, project document), no web framework.

Every figure carries its reason, so a page or report can explain where it comes from.
"""

from stuurknop.engine.analysis import Analysis, analyse
from stuurknop.engine.compare import Comparison, compare

__all__ = ["Analysis", "Comparison", "analyse", "compare"]
