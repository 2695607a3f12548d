"""`anbao call SERVICE METHOD JSON`: any RPC with a JSON request (proto3 JSON mapping),
for admins without a gRPC tool. The answer is printed as JSON; a refusal prints its
status, field violations and rule."""

import json

import grpc
from google.protobuf import json_format
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from services import manifest


class CallError(Exception):
    """A request that could not be made (unknown method, malformed JSON)."""


def _descriptor(service: str):
    try:
        entry = manifest.get(service)
    except ValueError as exc:
        raise CallError(str(exc)) from exc
    return entry.proto_module, entry.proto_module.DESCRIPTOR.services_by_name[entry.proto_service]


def methods(service: str) -> list[str]:
    return [m.name for m in _descriptor(service)[1].methods]


def call(service: str, method: str, request_json: str, address: str, token: str,
         timeout: float = 10.0) -> dict:
    module, descriptor = _descriptor(service)
    rpc = descriptor.methods_by_name.get(method)
    if rpc is None:
        raise CallError(f"{descriptor.name} has no method {method!r}; "
                        f"one of {', '.join(methods(service))}")
    request_cls = getattr(module, rpc.input_type.name)
    response_cls = getattr(module, rpc.output_type.name)
    try:
        request = json_format.Parse(request_json or "{}", request_cls())
    except json_format.ParseError as exc:
        raise CallError(f"the request is not a valid {rpc.input_type.name}: {exc}") from exc
    with grpc.insecure_channel(address) as channel:
        stub = channel.unary_unary(f"/{descriptor.full_name}/{method}",
                                   request_serializer=request_cls.SerializeToString,
                                   response_deserializer=response_cls.FromString)
        metadata = (("authorization", f"Bearer {token}"),) if token else ()
        response = stub(request, timeout=timeout, metadata=metadata)
    return json_format.MessageToDict(response, preserving_proto_field_name=True)


def describe_error(exc: grpc.RpcError) -> str:
    lines = [f"{exc.code().name}: {exc.details()}"]
    status = rpc_status.from_call(exc)
    for detail in status.details if status else []:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            lines += [f"  {v.field}: {v.description}" for v in bad.field_violations]
        elif detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            lines.append(f"  rule: {info.reason}")
    return "\n".join(lines)


def to_json(answer: dict) -> str:
    return json.dumps(answer, ensure_ascii=False, indent=2)
