from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "stuurknop.web.accounts"
    label = "accounts"
    verbose_name = _("Organisaties en gebruikers")

    def ready(self) -> None:
        from django.conf import settings

        if settings.SINGLE_SIGN_ON:
            # Registers the single sign-on plugin before migrate makes its client row.
            from stuurknop.web.accounts import oidc  # noqa: F401
