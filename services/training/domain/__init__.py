"""training's domain: class plans and what happens to them (filing, review, attendance,
evidence, completion), and the messages that reach them. Pure: no I/O, no clock
(handlers pass the time in); every refusal names its rule ID."""
