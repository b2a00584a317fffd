"""The JSON API (``/api/v1/``): one more face of the project services, permissions and
presentation, described by an OpenAPI 3 schema."""
