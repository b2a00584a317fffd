"""The sign-in and password forms, with our own words for what went wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's sign-in form; the message never says whether the user name exists."""

    error_messages = {
        "invalid_login": _(
            "Deze gebruikersnaam en dit wachtwoord horen niet bij elkaar. Let op hoofdletters "
            "en kleine letters, en probeer het opnieuw."
        ),
        "inactive": _("Dit account is uitgeschakeld. Vraag de beheerder om hulp."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")
        self.fields["username"].error_messages["required"] = _("Vul je gebruikersnaam in.")
        self.fields["password"].error_messages["required"] = _("Vul je wachtwoord in.")


class ResetRequestForm(PasswordResetForm):
    """Ask for a reset link by e-mail address."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("E-mailadres")
        email.error_messages["required"] = _("Vul je e-mailadres in.")
        email.error_messages["invalid"] = _("Dit is geen geldig e-mailadres.")


if TYPE_CHECKING:
    # Generic in django-stubs only; django_stubs_ext.monkeypatch() does not cover this form.
    _SetPasswordForm = SetPasswordForm[User]
else:
    _SetPasswordForm = SetPasswordForm


class NewPasswordForm(_SetPasswordForm):
    """Choose a new password (twice); Django's validators judge its strength."""

    error_messages = {"password_mismatch": _("De twee wachtwoorden zijn niet gelijk.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Nieuw wachtwoord")
        self.fields["new_password2"].label = _("Nieuw wachtwoord, nog een keer")
        for name in ("new_password1", "new_password2"):
            self.fields[name].error_messages["required"] = _("Vul een wachtwoord in.")
        self.fields["new_password2"].help_text = _("Typ hetzelfde wachtwoord nog een keer.")


class ChangePasswordForm(PasswordChangeForm):
    """A signed-in user changes the password: the current one first, then the new one twice."""

    error_messages = {
        "password_mismatch": _("De twee wachtwoorden zijn niet gelijk."),
        "password_incorrect": _("Dit is niet je huidige wachtwoord. Probeer het opnieuw."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Huidig wachtwoord")
        self.fields["old_password"].error_messages["required"] = _("Vul je huidige wachtwoord in.")
        self.fields["new_password1"].label = _("Nieuw wachtwoord")
        self.fields["new_password2"].label = _("Nieuw wachtwoord, nog een keer")
        for name in ("new_password1", "new_password2"):
            self.fields[name].error_messages["required"] = _("Vul een wachtwoord in.")
        self.fields["new_password2"].help_text = _("Typ hetzelfde wachtwoord nog een keer.")
