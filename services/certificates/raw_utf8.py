"""Requests whose address carries raw UTF-8 (`curl 'http://…?name=张伟'`, which does not
percent-encode) are read as browsers send them: percent-encoded. aiohttp's strict parser
would answer 400 "Invalid char in url query" and log a traceback at ERROR for what is a
caller's shortcut, not a fault. Only a GET or HEAD request line at the start of what
arrived is touched, and only its bytes ≥ 0x80 (percent-encoding them keeps the octets)."""

import re

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

_REQUEST_LINE = re.compile(rb"\A(GET|HEAD) ([^ \r\n]*[\x80-\xff][^ \r\n]*) (HTTP/1\.[01]\r?\n)")


def encode_request_target(data: bytes) -> bytes:
    match = _REQUEST_LINE.match(data)
    if match is None:
        return data
    target = re.sub(rb"[\x80-\xff]", lambda m: b"%%%02X" % m.group(0)[0], match.group(2))
    return match.group(1) + b" " + target + b" " + match.group(3) + data[match.end():]


class _Handler(RequestHandler):
    def data_received(self, data: bytes) -> None:
        super().data_received(encode_request_target(data))


class _Server(web.Server):
    def __call__(self) -> RequestHandler:
        return _Handler(self, loop=self._loop, **self._kwargs)


class AppRunner(web.AppRunner):
    """web.AppRunner whose connections read raw UTF-8 request targets."""

    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        server.__class__ = _Server  # the same object, only its connections' handler differs
        return server
