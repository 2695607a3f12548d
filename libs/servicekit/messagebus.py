"""The one way an API or a consumer reaches a handler: a message (a command, a query or
an event) dispatched by its type to `handler(uow, message)` on a worker thread, with a
fresh unit of work. Handlers' other dependencies are bound in the service's bootstrap.

A message class that derives from `Query` gets a read-only unit of work: it reads
without the write lock and cannot commit (a read that must be audited is a command).
On SQLite a query runs on the event loop itself: reading a local file's cached pages
costs less than the hop to a worker thread and back, and WAL readers never wait for a
lock. Elsewhere (PostgreSQL, over the network) it hops like any other message."""

import asyncio
from typing import Any, Callable

from .unitofwork import UnitOfWork

Handler = Callable[[UnitOfWork, Any], Any]


class Query:
    """Marks a message whose handler only reads."""


class MessageBus:
    def __init__(self, uow_factory: Callable[..., UnitOfWork], handlers: dict[type, Handler]):
        self._uow = uow_factory
        self._handlers = handlers

    def handler_for(self, message_type: type) -> Handler:
        return self._handlers[message_type]

    def handle_sync(self, message: Any) -> Any:
        uow = self._uow(read_only=True) if isinstance(message, Query) else self._uow()
        return self._handlers[type(message)](uow, message)

    async def handle(self, message: Any) -> Any:
        # synchronous handlers: the sync ORM on a worker thread costs a third of the
        # async ORM here (design.md §Targets); the thread sees the caller's contextvars
        if isinstance(message, Query):
            uow, handler = self._uow(read_only=True), self._handlers[type(message)]
            if uow.reads_locally:
                return handler(uow, message)
            return await asyncio.to_thread(handler, uow, message)
        return await asyncio.to_thread(self.handle_sync, message)
