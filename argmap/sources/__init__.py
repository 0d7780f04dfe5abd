"""Articles as data: their structure, quotations found in them, draft maps read from them.

- :func:`argmap.sources.text.read_source` reads paragraphs, sentences,
  footnote markers, the notes section and the header an article states;
- :func:`argmap.sources.match.find_quotation` finds a quotation in it, with
  offsets into the original text, in time that does not grow with the
  quotation's length times the text's;
- :func:`argmap.sources.extract.extract` drafts a map from it.
"""

from argmap.sources.text import Marker, Note, Paragraph, Sentence, SourceText, read_source

__all__ = ["Marker", "Note", "Paragraph", "Sentence", "SourceText", "read_source"]
