"""parse: map text to the model, with diagnostics that teach the syntax."""
