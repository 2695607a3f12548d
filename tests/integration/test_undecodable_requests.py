"""Bytes that are not the request message (truncated, or a string that is not UTF-8)
get INVALID_ARGUMENT naming the body, before authentication, and a flood of them from
one caller writes at most one log line, without a traceback."""

import logging

import grpc
import pytest

from anbao.registry.v1 import registry_pb2
from tests.harness import error_details

GET_PERSON = "/anbao.registry.v1.RegistryService/GetPerson"
VALID = registry_pb2.GetPersonRequest(name="persons/abc").SerializeToString()
TRUNCATED = VALID[:-2]
BAD_UTF8 = b"\x0a\x02\xff\xfe"  # field 1 (name), two bytes that are not UTF-8


def raw_get_person(system):
    return system.channel("registry").unary_unary(GET_PERSON, request_serializer=None,
                                                  response_deserializer=None)


@pytest.mark.parametrize("body", [TRUNCATED, BAD_UTF8], ids=["truncated", "bad-utf8"])
async def test_an_undecodable_request_is_invalid_argument_naming_the_body(system, body):
    call = raw_get_person(system)
    for metadata in ((), system.stubs("province_admin").metadata):
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await call(body, metadata=metadata)
        assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert refused.value.details() == "request could not be decoded"
        assert "body" in error_details(refused.value)[0]


async def test_a_flood_of_undecodable_requests_logs_one_line_without_traceback(system, caplog):
    call = raw_get_person(system)
    caplog.set_level(logging.INFO)
    caplog.clear()
    for i in range(100):
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await call(TRUNCATED if i % 2 else BAD_UTF8)
        assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert not [r for r in caplog.records if r.exc_info]
    about_requests = [r for r in caplog.records
                      if r.name.startswith(("grpc", "servicekit.grpc"))]
    assert len(about_requests) <= 1, [r.getMessage() for r in about_requests]
    assert about_requests and "undecodable GetPerson" in about_requests[0].getMessage()
