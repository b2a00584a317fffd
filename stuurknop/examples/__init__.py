"""Example project documents shipped with Stuurknop."""
