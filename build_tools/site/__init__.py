"""The documentation site generated from policies/: one page per package, theme and chapter, the
comparison matrix, and the data inside hand-written pages (`[[polis: ...]]` lines)."""

from ._build import Site, SiteDataError, build_site
from ._examples import PERSONAS
from ._paths import article_target

__all__ = ["PERSONAS", "Site", "SiteDataError", "article_target", "build_site"]
