"""The machinery of the ``ticketcore`` command line; `ticketcore.cli` is its entry point."""
