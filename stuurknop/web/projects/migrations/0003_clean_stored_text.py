"""Texts stored before the product decided what text it accepts (stuurknop.projectfile.text) are
cleaned the same way: no control characters, one kind of line break, NFC. A project that held
them would otherwise break its charts and documents."""

from typing import Any

from django.db import migrations

from stuurknop.projectfile.text import clean_lines, clean_text

# model name → (single-line fields, multi-line fields, JSON fields)
FIELDS = {
    "Project": (
        ("name", "municipality"),
        ("neighbourhood", "description"),
        ("perspectives", "resident_input"),
    ),
    "ProjectParty": (("name",), (), ()),
    "Scenario": (("name",), ("description",), ("effects", "evidence")),
    "KnobSetting": ((), ("elaboration",), ("answers",)),
    "Interest": ((), ("reason",), ()),
    "CostItem": (("description",), (), ()),
    "LogEntry": (("who",), ("what", "scenario", "old", "new"), ()),
}


def _clean_json(value: Any) -> Any:
    if isinstance(value, str):
        return clean_lines(value)
    if isinstance(value, list):
        return [_clean_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_json(v) for k, v in value.items()}
    return value


def clean(apps: Any, schema_editor: Any) -> None:
    for model_name, (single, multi, json_fields) in FIELDS.items():
        model = apps.get_model("projects", model_name)
        # Only the fields the model has at this point (a later migration may remove some).
        stored = {f.name for f in model._meta.get_fields()}
        names = [n for n in (*single, *multi, *json_fields) if n in stored]
        for row in model.objects.only("pk", *names).iterator():
            changed = []
            for name in names:
                old = getattr(row, name)
                if name in single:
                    new = clean_text(old)
                elif name in multi:
                    new = clean_lines(old)
                else:
                    new = _clean_json(old)
                if new != old:
                    setattr(row, name, new)
                    changed.append(name)
            if changed:
                row.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("projects", "0002_perspectives_revealed")]
    operations = [migrations.RunPython(clean, migrations.RunPython.noop, elidable=True)]
