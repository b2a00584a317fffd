"""Background jobs: heavy work (documents first) done by a worker beside the web processes.

A :class:`~stuurknop.web.jobs.models.Job` says what is asked, for which project and by whom,
how far it is and what came of it; Django's tasks framework (the django-tasks backport with
its database backend) carries it to a worker. See docs/deployment.md for the processes.
"""
