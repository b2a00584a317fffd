"""Organisations, memberships and the users' own page, for support staff."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from stuurknop.web.accounts.models import ExternalIdentity, Membership, Organisation


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "party_type", "slug", "created_at"]
    list_filter = ["party_type"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "organisation", "created_at"]
    list_filter = ["organisation__party_type"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


class ExternalIdentityInline(admin.TabularInline[ExternalIdentity, User]):
    """How the identity providers know this user (single sign-on); made at first sign-in."""

    model = ExternalIdentity
    extra = 0
    readonly_fields = ["provider", "subject", "created_at"]
    can_delete = True  # deleting one lets the next sign-in with that subject make a new user


class UserOrganisationInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


# Django's own user admin, plus the organisations a user works at.
admin.site.unregister(User)


@admin.register(User)
class StuurknopUserAdmin(UserAdmin[User]):
    inlines = [UserOrganisationInline, ExternalIdentityInline]
    list_filter = [*UserAdmin.list_filter, "memberships__organisation"]


@admin.register(ExternalIdentity)
class ExternalIdentityAdmin(admin.ModelAdmin[ExternalIdentity]):
    list_display = ["user", "provider", "subject", "created_at"]
    list_filter = ["provider"]
    search_fields = ["subject", "user__username", "user__email"]
    readonly_fields = ["provider", "subject", "created_at"]
    autocomplete_fields = ["user"]
    list_select_related = ["user"]
