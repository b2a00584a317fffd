"""The interface language: Dutch, unless the visitor chose another in the header."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but only the language switcher's cookie counts.

    The browser's Accept-Language is ignored on purpose: only the shell is translated, so a
    browser set to English would otherwise get half-English pages nobody asked for (test
    browsers send en-US by default, too). Dutch is the language of the tool.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        try:
            language = translation.get_supported_language_variant(chosen)
        except LookupError:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
