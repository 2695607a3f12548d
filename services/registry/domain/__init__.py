"""registry's domain: people and their talent-pool profile, and the messages that reach
them. Pure: no I/O, no clock."""
