"""The command line: analyse, validate, export and inspect without a server."""
