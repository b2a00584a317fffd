"""The account's own pages (password, two-factor, single sign-on) and the site statement."""

from django.contrib.auth import views as auth_views
from django.urls import path

from stuurknop.web.accounts.forms import ChangePasswordForm
from stuurknop.web.accounts.pages import accessibility_statement

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
    path("toegankelijkheid/", accessibility_statement, name="accessibility_statement"),
]
