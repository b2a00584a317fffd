"""A knob's worksheet, one feature in one package: the page (``views``, ``page``, ``rows``), the
knob's form (``forms``) and the one row editor for its cost items and funding lines
(``row_editor``, ``money_forms``), built on what the worksheet shows of a scenario (``sheet``).
The templates are in ``templates/projects/knobs/``."""
