"""The web app: a thin Django layer over the model, the project document and the engine.

Nothing in ``stuurknop.engine``, ``stuurknop.projectfile`` or ``stuurknop.gespreksmodel``
imports from here; the web layer turns rows into the project document and hands that to the engine.
"""
