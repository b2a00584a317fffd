"""Stuurknop: a working tool for the Gespreksmodel duurzame WWZ-projecten."""

__version__ = "0.1.0"
