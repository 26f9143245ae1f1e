"""MkDocs hooks: thin entry points listed under `hooks:` in mkdocs.yml (which loads them by file path),
each handing its work to data/, site/ or browser/ and failing the build loudly on unknown input."""

__all__ = ["comparator_assets", "compress", "csp", "pages", "plain_words", "search_text"]
