"""The service manifest is the one list of the services: every service folder is in it,
each entry agrees with the service's settings, protos and wiring, and nothing else in the
CLI, the harness or the packaging lists the services or their ports again."""

import ast
import importlib
from pathlib import Path

import grpc
import pytest

from services import manifest

ROOT = Path(__file__).resolve().parents[2]
# code that must take its list of services and its ports from the manifest
READERS = [*sorted((ROOT / "libs" / "anbaoctl").glob("*.py")), ROOT / "tests" / "harness.py",
           *(ROOT / "tests" / "integration" / f"test_{name}.py"
             for name in ("server_conventions", "cli_call", "no_internal_errors"))]


def test_every_service_folder_is_in_the_manifest_and_every_entry_has_one():
    folders = {p.parent.name for p in (ROOT / "services").glob("*/bootstrap.py")}
    assert folders == set(manifest.NAMES)


@pytest.mark.parametrize("entry", manifest.SERVICES, ids=manifest.NAMES)
def test_each_entry_agrees_with_its_settings_and_protos(entry):
    settings = entry.settings_class()
    fields = settings.model_fields
    assert importlib.import_module(entry.package).__file__
    assert callable(entry.build_function())
    assert fields["grpc_port"].default == entry.grpc_port
    assert (fields["http_port"].default if "http_port" in fields else None) == entry.http_port
    assert entry.env("grpc_port") == f"ANBAO_{entry.name.upper()}_GRPC_PORT"
    assert entry.full_name == f"anbao.{entry.name}.v1.{entry.proto_service}"
    with grpc.insecure_channel("127.0.0.1:1") as channel:  # never connected
        assert type(entry.stub(channel)).__name__ == f"{entry.proto_service}Stub"
    assert all(secret in fields for secret in entry.secrets)
    for events in entry.publishes:  # a service publishes only its own package's events
        assert importlib.import_module(events).DESCRIPTOR.package == entry.proto_package
    published = {m for other in manifest.SERVICES if other is not entry for m in other.publishes}
    assert set(entry.consumes) <= published
    earlier = manifest.NAMES[:manifest.NAMES.index(entry.name)]
    for callee in entry.calls:  # started after what it calls, and configurable for it
        assert callee in earlier
        assert {f"{callee}_address", f"{callee}_token"} <= set(fields)


def test_ports_do_not_collide():
    ports = [s.grpc_port for s in manifest.SERVICES]
    ports += [s.http_port for s in manifest.SERVICES if s.http_port is not None]
    assert len(ports) == len(set(ports))


def _service_name_collections(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        items = node.keys if isinstance(node, ast.Dict) else \
            node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else []
        names = [i.value for i in items
                 if isinstance(i, ast.Constant) and i.value in manifest.NAMES]
        if len(names) >= 2:
            found.append(f"{path.name}:{node.lineno} {names}")
    return found


def test_cli_and_harness_hold_no_list_of_services_or_their_ports():
    ports = {s.grpc_port for s in manifest.SERVICES} | \
        {s.http_port for s in manifest.SERVICES if s.http_port is not None}
    for path in READERS:
        assert _service_name_collections(path) == []
        literals = {n.value for n in ast.walk(ast.parse(path.read_text()))
                    if isinstance(n, ast.Constant) and type(n.value) is int}
        assert not literals & ports, f"{path.name} writes a service port again"


def test_packaging_discovers_packages_without_a_line_per_service():
    pyproject = (ROOT / "pyproject.toml").read_text()
    setuptools = pyproject[pyproject.index("[tool.setuptools]"):]
    setuptools = setuptools[:setuptools.index("[tool.pytest")]
    assert "[tool.setuptools.packages.find]" in setuptools
    assert not any(name in setuptools for name in manifest.NAMES)
