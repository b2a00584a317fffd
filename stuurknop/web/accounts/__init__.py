"""Organisations and the people who belong to them (Django's own User does the accounts)."""
