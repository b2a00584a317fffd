"""The commands that live in their own modules, each one face of its analysis; ``main`` adds
them to the group."""

from __future__ import annotations

from stuurknop.cli.effects import effects_command
from stuurknop.cli.explore import explore_command
from stuurknop.cli.proxies import proxies_command
from stuurknop.cli.strategy import strategy_check_command

COMMANDS = [effects_command, explore_command, proxies_command, strategy_check_command]
