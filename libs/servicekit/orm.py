"""Each service's tables live in their own SQLModel metadata, so all services can share
one process (the tests) without their tables meeting."""

from sqlalchemy.orm import registry
from sqlmodel import SQLModel

from .unitofwork import messaging_tables


def service_base() -> type[SQLModel]:
    """A base for one service's table models; its metadata also holds the service's
    outbox and inbox, which commit in the same transactions as its rows."""

    class Base(SQLModel, registry=registry()):
        pass

    messaging_tables(Base.metadata)
    return Base
