"""Views of the policies app, one module per kind of object."""
