"""Structured logging: JSON lines in production, readable lines in a terminal.

Context (request ID, RPC, event ID) is bound per call through a contextvar. Personal
data is never passed to a logger; `redact` is a last guard against resident IDs and
phones slipping into a message."""

import contextvars
import json
import logging
import re
import sys
import time

_context: contextvars.ContextVar[dict] = contextvars.ContextVar("log_context", default={})

_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def redact(text: str) -> str:
    return _PHONE.sub("[phone]", _RESIDENT_ID.sub("[resident-id]", text))


def bind(**values) -> contextvars.Token:
    return _context.set({**_context.get(), **values})


def unbind(token: contextvars.Token) -> None:
    _context.reset(token)


def context() -> dict:
    """What is bound now (the audit log names the consumer applying an event)."""
    return _context.get()


class _Formatter(logging.Formatter):
    def __init__(self, as_json: bool):
        super().__init__()
        self.as_json = as_json

    def format(self, record: logging.LogRecord) -> str:
        fields = {**_context.get(), **getattr(record, "fields", {})}
        message = redact(record.getMessage())
        if record.exc_info:
            message += "\n" + redact(self.formatException(record.exc_info))
        if self.as_json:
            return json.dumps({"time": record.created, "level": record.levelname,
                               "logger": record.name, "msg": message, **fields},
                              ensure_ascii=False, default=str)
        extras = " ".join(f"{k}={v}" for k, v in fields.items())
        stamp = time.strftime("%H:%M:%S", time.localtime(record.created))
        return f"{stamp} {record.levelname:<7} {record.name}: {message} {extras}".rstrip()


def configure(level: str = "INFO", as_json: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter(as_json))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("nats").setLevel("WARNING")


def get(name: str) -> logging.Logger:
    return logging.getLogger(name)


def fields(**values) -> dict:
    """`log.info("msg", extra=fields(k=v))` attaches structured fields to one record."""
    return {"fields": values}
