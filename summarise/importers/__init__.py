"""Importers: public annotated corpora turned into eval suites (``summarise eval import``).

A corpus someone else annotated labels what it was made for, in its own format; an importer
keeps only what our labelling conventions (LABELLING.md) can score, writes it as a suite whose
manifest says what it labels, and says what it left out and why. The corpus itself never enters
this repository: the user downloads it and imports it into a folder of their own.
"""
