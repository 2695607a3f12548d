"""`python -m tests.reliability.sqlite_writer DB`: writes transactions into a SQLite
database through the services' own engine settings (`servicekit.db`: WAL,
synchronous=FULL, BEGIN IMMEDIATE) until it is killed, and reports on stdout the number
of each transaction once its commit has returned: a committed transaction is one the
writer has reported. Used by test_sqlite_killed_mid_write."""

import os
import sys

from sqlalchemy import Column, Integer, LargeBinary, MetaData, Table, func, insert, select

from servicekit.db import make_engine

ROWS_PER_TRANSACTION = 20
PAYLOAD = 4096  # bytes a row: a transaction spans many pages, so a kill lands mid-write

metadata = MetaData()
rows = Table("row", metadata,
             Column("txn", Integer, primary_key=True), Column("item", Integer, primary_key=True),
             Column("payload", LargeBinary, nullable=False))


def main(path: str) -> None:
    engine = make_engine(f"sqlite:///{path}")
    metadata.create_all(engine)
    with engine.connect() as conn:
        txn = conn.execute(select(func.coalesce(func.max(rows.c.txn), 0))).scalar_one()
    out = sys.stdout
    while True:
        txn += 1
        with engine.begin() as conn:
            conn.execute(insert(rows), [{"txn": txn, "item": i, "payload": os.urandom(PAYLOAD)}
                                        for i in range(ROWS_PER_TRANSACTION)])
        out.write(f"{txn}\n")
        out.flush()


if __name__ == "__main__":
    main(sys.argv[1])
