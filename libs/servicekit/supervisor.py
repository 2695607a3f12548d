"""Keeps a service's background parts (the outbox relay, each event consumer) running:
a part that dies, whatever the reason, is logged once and restarted after a delay that
doubles on each quick death, up to a cap. While a part is down it is listed in `down`,
and the service reports itself unhealthy (see `runtime`)."""

import asyncio
from typing import Awaitable, Callable

from . import logs

log = logs.get("servicekit.supervisor")

# a part that ran this long before dying starts its delays from the first again
_STABLE_S = 60.0


class Supervisor:
    def __init__(self, on_change: Callable[[], Awaitable[None]] | None = None,
                 first_delay: float = 0.5, max_delay: float = 30.0):
        self.first_delay, self.max_delay = first_delay, max_delay
        self.down: dict[str, str] = {}  # part → why it is down
        self.tasks: dict[str, asyncio.Task] = {}  # part → its running task
        self._on_change = on_change
        self._keepers: list[asyncio.Task] = []

    def start(self, name: str, run: Callable[[], Awaitable[None]]) -> None:
        """Runs `run()` as the part `name`, again after every death, until `stop()`."""
        self._keepers.append(asyncio.create_task(self._keep(name, run),
                                                 name=f"supervise {name}"))

    async def _keep(self, name: str, run: Callable[[], Awaitable[None]]) -> None:
        quick_deaths = 0
        loop = asyncio.get_running_loop()
        while True:
            started = loop.time()
            task = self.tasks[name] = asyncio.create_task(run(), name=name)
            if name in self.down:
                del self.down[name]
                log.info("%s restarted", name)
                await self._changed()
            try:
                await asyncio.wait({task})  # unlike `await task`, not cancelled with us
            except asyncio.CancelledError:
                task.cancel()
                await asyncio.wait({task})
                raise
            if loop.time() - started > _STABLE_S:
                quick_deaths = 0
            delay = min(self.first_delay * 2 ** min(quick_deaths, 30), self.max_delay)
            quick_deaths += 1
            self.down[name] = _reason(task)
            log.error("%s died (%s); restarting in %.1fs", name, self.down[name], delay,
                      exc_info=None if task.cancelled() else task.exception())
            await self._changed()
            await asyncio.sleep(delay)

    async def _changed(self) -> None:
        if self._on_change is not None:
            try:
                await self._on_change()
            except Exception:  # noqa: BLE001 - reporting must not stop the supervision
                log.exception("reporting a part's health failed")

    async def stop(self) -> None:
        for keeper in self._keepers:
            keeper.cancel()
        await asyncio.gather(*self._keepers, return_exceptions=True)
        self._keepers.clear()
        self.tasks.clear()


def _reason(task: asyncio.Task) -> str:
    if task.cancelled():
        return "cancelled"
    exc = task.exception()
    return f"{type(exc).__name__}: {exc}" if exc else "returned"
