"""The site's URLs; each app adds its own."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from stuurknop.web.accounts.forms import NewPasswordForm
from stuurknop.web.accounts.oidc_views import LoginView
from stuurknop.web.accounts.views import PasswordResetRequestView

urlpatterns = [
    path(
        "inloggen/",
        LoginView.as_view(),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    # Password reset: neither the answer, its timing nor the mail tells whether an address
    # is known; requests are limited per address and per client.
    path("wachtwoord-vergeten/", PasswordResetRequestView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=NewPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # The language switcher in the header; also before signing in.
    path("taal/", login_not_required(set_language), name="set_language"),
    path("beheer/", admin.site.urls),
    path("", include("stuurknop.web.accounts.urls")),
    path("", include("stuurknop.web.projects.urls")),
    path("", include("stuurknop.web.live.urls")),
    path("", include("stuurknop.web.residents.urls")),
    path("", include("stuurknop.web.jobs.urls")),
    path("", include("stuurknop.web.portfolio.urls")),
    path("", include("stuurknop.web.strategy.urls")),
    path("api/v1/", include("stuurknop.web.api.urls")),
    path("", include("stuurknop.web.api.token_page")),
]
