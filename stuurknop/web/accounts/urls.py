"""The account's own pages (password, two-factor, single sign-on) and the site statement."""

from django.contrib.auth import views as auth_views
from django.urls import path

from stuurknop.web.accounts.forms import ChangePasswordForm
from stuurknop.web.accounts.oidc_views import oidc_callback, oidc_failed, oidc_start
from stuurknop.web.accounts.pages import accessibility_statement
from stuurknop.web.accounts.two_factor_views import two_factor_setup, two_factor_verify

urlpatterns = [
    path(
        "account/wachtwoord/",
        auth_views.PasswordChangeView.as_view(form_class=ChangePasswordForm),
        name="password_change",
    ),
    path(
        "account/wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    # Two-factor sign-in: pair an authenticator app, and the second step of signing in.
    path("account/tweestapsverificatie/", two_factor_setup, name="two_factor_setup"),
    path("account/tweestapsverificatie/code/", two_factor_verify, name="two_factor_verify"),
    path("toegankelijkheid/", accessibility_statement, name="accessibility_statement"),
    # Single sign-on (OpenID Connect): start, the provider's way back, and the failure page.
    path("inloggen-organisatie/", oidc_start, name="oidc_authentication_init"),
    path("inloggen-organisatie/terug/", oidc_callback, name="oidc_authentication_callback"),
    path("inloggen-organisatie/mislukt/", oidc_failed, name="oidc_failed"),
]
