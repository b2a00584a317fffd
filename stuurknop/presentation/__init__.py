"""Project data said in Dutch for people: plain functions over the project file and the model.

No Django here (like the engine): the web pages, the plan and the CLI call the same functions.
"""
