"""Drafting a data pack from a document (``gzexplorer draft``). No Qt.

:func:`gzexplorer.draft.engine.draft` reads a document (plain text, Markdown, HTML or
a PDF with a text layer), cuts it into passages and finds its tables, stated numbers,
dated events and themes; :mod:`gzexplorer.draft.writer` writes them as a pack in the
format of the built-in one, every drafted row marked ``review = draft``.
"""
