"""Articles as data: their structure, quotations found in them, draft maps read from them.

- :func:`read_source` reads paragraphs, sentences, footnote markers, the
  notes section and the header an article states, as offsets into its text;
- :func:`find_quotation` finds a quotation in it, with offsets into the
  original text, in time that does not grow with quotation length times
  text size;
- :func:`extract` drafts a map from it: header, footnotes, one claim stub
  for each footnoted sentence.
"""

from argmap.sources.extract import extract
from argmap.sources.match import QuoteMatch, find_quotation
from argmap.sources.text import Marker, Note, Paragraph, Sentence, SourceText, read_source

__all__ = ["Marker", "Note", "Paragraph", "QuoteMatch", "Sentence", "SourceText", "extract", "find_quotation",
           "read_source"]
