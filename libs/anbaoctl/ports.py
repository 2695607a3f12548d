"""The ports of an embedded deployment, and the `--<service>-port` options that move them,
both generated from the service manifest."""

import inspect
from dataclasses import dataclass, field

import typer

from services import manifest

NATS_PORT = 4223


@dataclass
class Ports:
    # service name → port; `http` only for the services that serve HTTP
    grpc: dict[str, int] = field(
        default_factory=lambda: {s.name: s.grpc_port for s in manifest.SERVICES})
    http: dict[str, int] = field(default_factory=lambda: {
        s.name: s.http_port for s in manifest.SERVICES if s.http_port is not None})
    nats: int = NATS_PORT

    def named(self) -> dict[str, int]:
        """What listens where, for messages: {"registry gRPC": 50051, …, "NATS": 4223}."""
        return {**{f"{name} gRPC": port for name, port in self.grpc.items()},
                **{f"{name} metrics": port + manifest.METRICS_PORT_OFFSET
                   for name, port in self.grpc.items()},
                **{f"{name} HTTP": port for name, port in self.http.items()},
                "NATS": self.nats}


def _option(parameter: str, default: int) -> inspect.Parameter:
    return inspect.Parameter(parameter, inspect.Parameter.KEYWORD_ONLY, annotation=int,
                             default=typer.Option(default, envvar=f"ANBAO_UP_{parameter.upper()}"))


def with_port_options(nats: bool):
    """Gives a command one option per port (`--registry-port`, `--certificates-http-port`,
    and `--nats-port` when `nats`), read from ANBAO_UP_<OPTION> too, and hands it the
    chosen `Ports` as `ports`."""
    defaults = Ports()
    options = [_option(f"{name}_port", port) for name, port in defaults.grpc.items()]
    options += [_option(f"{name}_http_port", port) for name, port in defaults.http.items()]
    if nats:
        options.append(_option("nats_port", defaults.nats))

    def decorate(command):
        signature = inspect.signature(command)
        kept = [p for p in signature.parameters.values() if p.name != "ports"]

        def wrapper(**arguments):
            chosen = Ports({n: arguments.pop(f"{n}_port") for n in defaults.grpc},
                           {n: arguments.pop(f"{n}_http_port") for n in defaults.http},
                           arguments.pop("nats_port", defaults.nats))
            return command(ports=chosen, **arguments)

        wrapper.__name__, wrapper.__doc__ = command.__name__, command.__doc__
        wrapper.__signature__ = signature.replace(parameters=kept + options)
        return wrapper
    return decorate
