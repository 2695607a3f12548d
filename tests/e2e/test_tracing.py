"""With tracing on, one trace follows a request across services: over gRPC (accreditation
asks registry about a candidate) and over the bus (a closed session's AssessmentPassed
→ certificates issues → CertificateIssued → registry's pool), each hop a child of the
one before. Spans are caught by an in-memory exporter beside the configured one."""

import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from anbao.accreditation.v1 import accreditation_pb2 as acc
from tests.harness import Bus, System, eventually
from tests.reliability.test_exactly_once import _pool_is, scored_session


class TracedSystem(System):
    def settings(self, service):
        settings = super().settings(service)
        settings.tracing_enabled, settings.tracing_exporter = True, "console"
        return settings


@pytest.fixture
async def traced(nats_server, db_urls, keys, tmp_path):
    running = TracedSystem(nats_server, db_urls, keys, Bus(tmp_path))
    await running.start()
    spans = InMemorySpanExporter()
    for runtime in running.runtimes().values():
        runtime.tracing.provider.add_span_processor(SimpleSpanProcessor(spans))
    yield running, spans
    await running.stop()


def _named(spans: InMemorySpanExporter, name: str) -> list:
    return [s for s in spans.get_finished_spans() if s.name == name]


async def test_one_trace_follows_a_request_over_grpc_and_over_the_bus(traced, backend):
    system, spans = traced
    stubs, scorer, session, _ = await scored_session(system, passers=1)

    # gRPC: enrolling asked registry whether the person exists, in the caller's trace
    (enrol,) = _named(spans, "anbao.accreditation.v1.AccreditationService/EnrollCandidate")
    asked = [s for s in _named(spans, "anbao.registry.v1.RegistryService/GetPerson")
             if s.context.trace_id == enrol.context.trace_id]
    assert asked and asked[0].parent.span_id == enrol.context.span_id
    assert asked[0].kind == SpanKind.SERVER and asked[0].resource.attributes[
        "service.name"] == "registry"

    # the bus: close → AssessmentPassed → certificates → CertificateIssued → registry
    await scorer.accreditation.CloseExamSession(acc.CloseExamSessionRequest(name=session.name),
                                                metadata=scorer.metadata)
    await eventually(lambda: _pool_is(stubs, 1))
    (close,) = _named(spans, "anbao.accreditation.v1.AccreditationService/CloseExamSession")

    async def hops():
        issued = _named(spans, "AssessmentPassed")
        pooled = [s for s in _named(spans, "CertificateIssued")
                  if s.resource.attributes["service.name"] == "registry"]
        return issued and pooled and (issued[0], pooled[0])
    issued, pooled = await eventually(hops)
    assert issued.context.trace_id == close.context.trace_id == pooled.context.trace_id
    assert issued.parent.span_id == close.context.span_id
    assert pooled.parent.span_id == issued.context.span_id
    assert issued.kind == SpanKind.CONSUMER
    assert issued.resource.attributes["service.name"] == "certificates"


async def test_a_refused_call_is_a_failed_span(traced, backend):
    import grpc

    from anbao.registry.v1 import registry_pb2 as reg

    system, spans = traced
    stubs = system.stubs()
    with pytest.raises(grpc.aio.AioRpcError):
        await stubs.registry.GetPerson(reg.GetPersonRequest(name="persons/nobody"),
                                       metadata=stubs.metadata)
    (span,) = _named(spans, "anbao.registry.v1.RegistryService/GetPerson")
    assert not span.status.is_ok and span.status.description == "NOT_FOUND"


async def test_tracing_is_off_by_default(system, backend):
    assert all(runtime.tracing.tracer is None for runtime in system.runtimes().values())
