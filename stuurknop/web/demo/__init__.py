"""The local demo: organisations, people with printed passwords and the example projects
(:mod:`.loader`), and ``manage.py demo`` to load them and start the server.

An app of its own at the top of the web layer: it uses the accounts, projects and residents
apps, and none of them knows about it.
"""
