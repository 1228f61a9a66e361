"""Small helpers shared by every app: fields, numerals, partial dates, the reader's language, the link
vocabulary, bulk loads, lenient filter forms, the record-kind registry and pure layout functions.

Nothing in this package imports an app of this project, so `laws`, `strategy`, `incidents` and
`policy_kb` can all use it.
"""
