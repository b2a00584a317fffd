"""The portfolio read per organisation from one table: an entry per organisation and project,
money by organisation. Summaries are derived data, so the old ones are dropped and computed
again on the next read; an index lets that read find each project's newest log entry (its
revision) without scanning the project's log."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("portfolio", "0001_summaries"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM portfolio_projectsummary", migrations.RunSQL.noop),
        migrations.DeleteModel(name="SummaryMoney"),
        migrations.CreateModel(
            name="SummaryMoney",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("source", models.CharField(choices=[("I", "I"), ("II", "II"), ("III", "III"), ("IV", "IV"), ("V", "V"), ("VI", "VI"), ("VII", "VII"), ("VIII", "VIII"), ("IX", "IX"), ("X", "X")], max_length=4)),
                ("year", models.PositiveSmallIntegerField()),
                ("committed", models.BooleanField()),
                ("amount", models.DecimalField(decimal_places=2, max_digits=14)),
                ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="accounts.organisation")),
                ("project", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="projects.project")),
            ],
            options={
                "indexes": [models.Index(fields=["organisation", "project"], name="summary_money_org_project")],
            },
        ),
        migrations.CreateModel(
            name="PortfolioEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("revision", models.PositiveBigIntegerField()),
                ("name", models.CharField(max_length=200)),
                ("municipality", models.CharField(max_length=200)),
                ("phase", models.CharField(max_length=20)),
                ("first_year", models.PositiveSmallIntegerField()),
                ("homes", models.PositiveIntegerField()),
                ("archived", models.BooleanField()),
                ("knobs", models.CharField(max_length=10)),
                ("committed", models.DecimalField(decimal_places=2, max_digits=16)),
                ("open", models.DecimalField(decimal_places=2, max_digits=16)),
                ("interests", models.JSONField(default=dict)),
                ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="portfolio_entries", to="accounts.organisation")),
                ("project", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="projects.project")),
            ],
            options={
                "indexes": [models.Index(fields=["organisation", "name"], name="entry_org_name")],
                "constraints": [models.UniqueConstraint(fields=("organisation", "project"), name="one_entry")],
            },
        ),
        migrations.RunSQL(
            "CREATE INDEX portfolio_log_project_newest ON projects_logentry (project_id, id)",
            "DROP INDEX portfolio_log_project_newest",
        ),
    ]
