"""certificates' domain: national numbering, the credential document, the certificate
aggregate and the messages that reach it. Pure: no I/O, no clock, no keys."""
