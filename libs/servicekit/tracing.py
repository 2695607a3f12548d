"""OpenTelemetry tracing, off unless `tracing_enabled`. One trace follows a request across
services: the W3C `traceparent` travels in gRPC metadata between services, and on the bus
in each event's NATS headers — taken from the span that committed the event, kept in its
outbox row, so the relay that publishes it later (another task, maybe another replica)
sends it on.

Each runtime has a tracer provider of its own rather than the process-wide one, since the
tests run every service in one process. The propagation helpers work on the current
context alone: with tracing off there is no span, and they carry nothing."""

import contextlib
from typing import Iterator, Literal

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter
from opentelemetry.trace import SpanKind, Status, StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

_W3C = TraceContextTextMapPropagator()
HEADER = "traceparent"

Exporter = Literal["otlp", "console"]


class Tracing:
    """A service's tracer; `None` tracer when tracing is off (nothing is recorded)."""

    def __init__(self, service: str, enabled: bool, exporter: Exporter = "otlp",
                 endpoint: str = "http://127.0.0.1:4317"):
        self.provider: TracerProvider | None = None
        self.tracer = None
        if not enabled:
            return
        self.provider = TracerProvider(resource=Resource.create({"service.name": service}))
        if exporter == "otlp":
            from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

            self.provider.add_span_processor(BatchSpanProcessor(
                OTLPSpanExporter(endpoint=endpoint, insecure=endpoint.startswith("http://"))))
        else:
            self.provider.add_span_processor(BatchSpanProcessor(ConsoleSpanExporter()))
        self.tracer = self.provider.get_tracer("anbao")

    @contextlib.contextmanager
    def span(self, name: str, carrier: dict | None, kind: SpanKind) -> Iterator[object]:
        """A span continuing the trace `carrier` (metadata or headers) names, if any."""
        if self.tracer is None:
            yield None
            return
        parent = _W3C.extract(carrier or {})
        # the status is the call's (`failed`), not the exception gRPC's abort raises
        with self.tracer.start_as_current_span(name, context=parent, kind=kind,
                                               record_exception=False,
                                               set_status_on_exception=False) as span:
            yield span

    def shutdown(self) -> None:
        if self.provider is not None:
            self.provider.shutdown()


def failed(span, description: str) -> None:
    if span is not None:
        span.set_status(Status(StatusCode.ERROR, description))


def traceparent() -> str | None:
    """The current span's `traceparent`, to store beside an event; None without one."""
    if not trace.get_current_span().get_span_context().is_valid:
        return None
    carrier: dict[str, str] = {}
    _W3C.inject(carrier)
    return carrier.get(HEADER)


def metadata() -> tuple[tuple[str, str], ...]:
    """gRPC metadata carrying the current trace to a called service."""
    parent = traceparent()
    return ((HEADER, parent),) if parent else ()
