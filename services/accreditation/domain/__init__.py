"""accreditation's domain: aggregates that enforce the rules of the notices and record
the events they cause, and the commands and queries that reach them. Pure: no I/O, no
clock (handlers pass the time in); every refusal names its rule ID."""
