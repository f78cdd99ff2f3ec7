"""What the project lends to every app: admin mixins, file and form helpers, the personal-data
registry, the demo and volume frameworks and the shared template tags.

``core`` imports no portal app and not the project package (``portal``); import-linter checks
it (``[tool.importlinter]`` in pyproject.toml).
"""
