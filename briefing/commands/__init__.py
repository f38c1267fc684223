"""One module per group of subcommands; each has register(subparsers) setting `func`."""

from briefing.commands import add, analyze, backup, export, feeds, listing, reindex, stories, tag

COMMAND_MODULES = (add, listing, tag, analyze, export, backup, feeds, reindex, stories)
