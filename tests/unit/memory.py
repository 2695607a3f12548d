"""The handler tier's unit of work: the real UnitOfWork and repositories over an
in-memory SQLite database, so handlers run in milliseconds with no network and no file,
and the test exercises the same repositories production uses (a hand-written fake
repository would be a second implementation to keep in step)."""

from servicekit.db import Database
from servicekit.unitofwork import UnitOfWork, messaging_tables


class MemoryUnitOfWorks:
    """Makes fresh units of work over one in-memory database; remembers what they emitted."""

    def __init__(self, metadata, repositories):
        self.db = Database("sqlite://", metadata)
        metadata.create_all(self.db.engine)  # the models as they are; migrations have their own test
        self._tables = messaging_tables(metadata)
        self._repositories = repositories

    def __call__(self, inbox=None, read_only: bool = False) -> UnitOfWork:
        return UnitOfWork(self.db, self._tables, inbox=inbox, repositories=self._repositories,
                          read_only=read_only)

    def emitted(self, event_type) -> list:
        """Events committed to the outbox, oldest first, decoded."""
        t = self._tables.outbox
        with self.db.engine.connect() as conn:
            rows = conn.execute(t.select().order_by(t.c.seq)).all()
        return [event_type.FromString(r.payload) for r in rows
                if r.subject == event_type.DESCRIPTOR.full_name]


def certificates_world():
    """certificates in memory: its units of work, and a signing key ring loaded from them."""
    from datetime import timedelta

    from servicekit import fieldcrypto
    from services.certificates.adapters.keyring import KeyRing
    from services.certificates.adapters.orm import metadata
    from services.certificates.adapters.repository import CertificatesRepositories

    uows = MemoryUnitOfWorks(metadata, CertificatesRepositories)
    ring = KeyRing(fieldcrypto.new_key(), timedelta(days=30))
    with uows.db.session() as session:
        ring.load(session)
    return uows, ring
