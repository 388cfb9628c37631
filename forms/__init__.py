"""Kafaat domain: form declarations, reference data, validation, the local store, Excel interchange.

This package never imports Qt or ``desktop``: it is a library that the command line, the window and
the tests use alike.
"""
