"""The Gespreksmodel as versioned data: one folder per version, validated by one schema."""

from stuurknop.gespreksmodel.loader import (
    DEFAULT_VERSION,
    ModelError,
    ModelInvalid,
    available_versions,
    check_model_folder,
    load_model,
    load_model_folder,
)
from stuurknop.gespreksmodel.schema import Model

__all__ = [
    "DEFAULT_VERSION",
    "Model",
    "ModelError",
    "ModelInvalid",
    "available_versions",
    "check_model_folder",
    "load_model",
    "load_model_folder",
]
