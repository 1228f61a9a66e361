"""Pure layout functions for the site's SVG drawings: plain data in, coordinates out, no database and no app.

Each module takes small frozen dataclasses or plain values and returns dataclasses that the templates draw;
nothing here reads a model or translates content. Tests in tests/core exercise them without a database.
"""
