"""The bare servers the project is compared with: a grpc.aio server and an aiohttp server
on one asyncio loop in one process (the shape of the certificates service), answering
every request with the project's own reply bytes, captured from the running system.

The gRPC side is a generic handler with identity (de)serialisers: a request is taken as
bytes and the captured reply returned as bytes, so neither side parses protobuf.

    python -m tests.bench.baselines REPLIES.json   # prints {"grpc": port, "http": port}
"""

import asyncio
import base64
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import grpc
from aiohttp import web

from servicekit import lifetime


class _Echo(grpc.GenericRpcHandler):
    def __init__(self, replies: dict[str, bytes]):
        self._handlers = {method: grpc.unary_unary_rpc_method_handler(self._answer(reply))
                          for method, reply in replies.items()}

    @staticmethod
    def _answer(reply: bytes):
        async def unary(request: bytes, context) -> bytes:
            return reply
        return unary

    def service(self, details):
        return self._handlers.get(details.method)


async def serve(replies: dict) -> None:
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((_Echo({m: base64.b64decode(r)
                                            for m, r in replies["grpc"].items()}),))
    grpc_port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    body = base64.b64decode(replies["http"]["body"])
    content_type, _, charset = replies["http"]["content_type"].partition("; charset=")

    async def lookup(request: web.Request) -> web.Response:
        return web.Response(body=body, content_type=content_type, charset=charset or None)

    app = web.Application()
    app.add_routes([web.get("/api/v1/certificates/{number}", lookup)])
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(json.dumps({"grpc": grpc_port, "http": runner.addresses[0][1]}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until closed
    await runner.cleanup()
    await server.stop(0)


@dataclass
class Echo:
    """The echo process, started with the captured replies."""

    replies_file: Path

    def __enter__(self) -> "Echo":
        import os

        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.bench.baselines", str(self.replies_file)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env={**os.environ, lifetime.ENV: str(os.getpid())})
        ports = json.loads(self.process.stdout.readline())
        self.grpc_address, self.http_base = (f"127.0.0.1:{ports['grpc']}",
                                             f"http://127.0.0.1:{ports['http']}")
        return self

    def __exit__(self, *exc) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_mb(self) -> float:
        from . import proc

        return proc.rss_bytes(self.pid) / 2 ** 20


def main() -> None:
    lifetime.from_environment()
    asyncio.run(serve(json.loads(Path(sys.argv[1]).read_text())))


if __name__ == "__main__":
    main()
