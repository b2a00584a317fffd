"""An organisation (of one party type) and who belongs to it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.web.accounts.validators import validate_party_type


class Organisation(models.Model):
    """A housing corporation, care or welfare organisation, municipality, residents' group …"""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    party_type = models.CharField(_("partijtype"), max_length=60, validators=[validate_party_type])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user works at an organisation; a user may belong to more than one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership")
        ]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class ExternalIdentity(models.Model):
    """A user as an identity provider knows them: matched on the ``sub`` claim, never on a
    name or address (those can change or be reused; the subject is stable per provider)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identities"
    )
    provider = models.CharField(_("identiteitsaanbieder"), max_length=255)
    subject = models.CharField(_("subject (sub)"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="one_user_per_subject")
        ]
        verbose_name = _("externe identiteit")
        verbose_name_plural = _("externe identiteiten")

    def __str__(self) -> str:
        return f"{self.provider}: {self.subject} → {self.user}"
