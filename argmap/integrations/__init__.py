"""argmap inside other tools: a Pygments lexer, a MkDocs fence, a Sphinx extension."""
