"""`deploy/` checked by outside implementations, as no container engine runs here: the
Kubernetes overlays rendered by kubectl's kustomize and validated (strictly) against the
Kubernetes schemas, the compose file parsed by a spec-complete Compose parser, and the
NATS cluster configuration tested by nats-server itself."""

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import kubernetes_validate
import pytest
import yaml
from compose_spec import PyCompose

from anbaoctl import certs, natsserver
from services import manifest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
OVERLAYS = ("small", "large")
KUBERNETES_VERSION = "1.34.0"
KUBECTL = shutil.which("kubectl")
_spec = importlib.util.spec_from_file_location("gendeploy", ROOT / "scripts" / "gendeploy.py")
gendeploy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gendeploy)

needs_kubectl = pytest.mark.skipif(
    KUBECTL is None and not os.environ.get("ANBAO_REQUIRE_KUBECTL"),
    reason="kubectl (its built-in kustomize renders the overlays) is not installed")


def render(overlay: str) -> list[dict]:
    out = subprocess.run(
        [KUBECTL or "kubectl", "kustomize", str(DEPLOY / "k8s" / "overlays" / overlay)],
        capture_output=True, text=True, check=True, timeout=60)
    return [doc for doc in yaml.safe_load_all(out.stdout) if doc]


def test_deploy_files_are_what_the_manifest_generates():
    assert gendeploy.main(check=True) == 0, "run: python scripts/gendeploy.py"


@needs_kubectl
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_overlay_renders_and_is_valid_kubernetes(overlay):
    docs = render(overlay)
    assert docs
    for doc in docs:  # raises on an unknown field, a wrong type, a missing required one
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_schema_check_refuses_a_misspelt_field():
    deployment = gendeploy.kubernetes(manifest.SERVICES[0])[0]
    deployment["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSION, strict=True)


def _by_kind(docs: list[dict], kind: str) -> dict[str, dict]:
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


@needs_kubectl
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_service_has_a_deployment_with_probes_limits_and_a_locked_down_container(
        overlay):
    docs = render(overlay)
    deployments, services = _by_kind(docs, "Deployment"), _by_kind(docs, "Service")
    budgets = _by_kind(docs, "PodDisruptionBudget")
    for service in manifest.SERVICES:
        name = f"anbao-{service.name}"
        assert name in deployments and name in services and name in budgets, name
        spec = deployments[name]["spec"]
        assert spec["replicas"] >= 2
        (container,) = spec["template"]["spec"]["containers"]
        env = {e["name"]: e.get("value") for e in container["env"]}
        assert env["SERVICE"] == service.name
        health = int(env[service.env("health_port")])
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            assert container[probe]["grpc"] == {"port": health, "service": ""}, probe
        for kind in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(container["resources"][kind]), kind
        context = container["securityContext"]
        assert context["runAsNonRoot"] and context["readOnlyRootFilesystem"]
        assert not context["allowPrivilegeEscalation"]
        assert context["capabilities"]["drop"] == ["ALL"]
        # keys only from Secrets: none is written into the manifests
        assert {"secretRef": {"name": f"{name}-keys"}} in container["envFrom"]
        for secret in (*service.secrets, "event_signing_key", "database_url"):
            assert service.env(secret) not in env, secret
        assert env[service.env("migrate_on_start")] == "false"
        assert int(env[service.env("stream_replicas")]) == 3
    nats = _by_kind(docs, "StatefulSet")["nats"]
    assert nats["spec"]["replicas"] == 3


def test_the_compose_file_is_valid_compose_with_a_three_node_cluster_and_postgres():
    text = (DEPLOY / "compose.yaml").read_text()
    names = set(PyCompose.from_yaml(text).service_names())
    assert {"nats-1", "nats-2", "nats-3", "postgres"} <= names
    assert {f"anbao-{s.name}" for s in manifest.SERVICES} <= names
    compose = yaml.safe_load(text)
    for service in manifest.SERVICES:
        entry = compose["services"][f"anbao-{service.name}"]
        assert entry["read_only"] and entry["cap_drop"] == ["ALL"]
        assert not entry["user"].startswith("0")
        assert entry["environment"]["SERVICE"] == service.name
    assert (DEPLOY / "postgres" / "databases.sql").read_text().count("CREATE DATABASE") == len(
        manifest.SERVICES)


def test_nats_server_accepts_the_cluster_configuration(tmp_path):
    """nats-server's own configuration test (-t) on the file compose and Kubernetes
    mount, with the users `anbao bus-auth` writes and certificates `anbao certs` makes."""
    secrets = tmp_path / "secrets"
    issued = certs.issue(tmp_path / "certs", "nats")
    secrets.mkdir()
    for path in (issued.cert_file, issued.key_file, issued.ca_file):
        shutil.copy(path, secrets / path.name)
    natsserver.write_authorization(tmp_path / "data", secrets / "auth.conf")
    config = (DEPLOY / "k8s" / "base" / "nats-cluster.conf").read_text()
    assert "sync_interval: always" in config
    (tmp_path / "cluster.conf").write_text(
        config.replace("/etc/nats/secrets", str(secrets))
        .replace("store_dir: /data", f"store_dir: {tmp_path / 'store'}"))
    env = {**os.environ, "NATS_NODE": "nats-1", "NATS_ROUTE_1": "nats-1",
           "NATS_ROUTE_2": "nats-2", "NATS_ROUTE_3": "nats-3"}
    tested = subprocess.run([natsserver.binary(), "-c", str(tmp_path / "cluster.conf"), "-t"],
                            capture_output=True, text=True, env=env, timeout=30)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    broken = tmp_path / "broken.conf"
    broken.write_text((tmp_path / "cluster.conf").read_text().replace("sync_interval", "{{"))
    assert subprocess.run([natsserver.binary(), "-c", str(broken), "-t"], capture_output=True,
                          env=env, timeout=30).returncode != 0


def test_deploy_secrets_and_the_generated_environment_make_complete_settings(
        tmp_path, monkeypatch):
    """What a container gets — the generated environment, its `.env` and its files from
    `anbao deploy-secrets` — builds each service's settings, and names only real settings
    (the settings ignore unknown variables, so a misspelt one would pass unnoticed)."""
    from typer.testing import CliRunner

    from anbaoctl.main import app

    out = tmp_path / "secrets"
    result = CliRunner().invoke(app, ["deploy-secrets", str(out), "--data", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    assert (out / "nats" / "auth.conf").stat().st_mode & 0o777 == 0o600
    for service in manifest.SERVICES:
        env = gendeploy.environment(service, "tls://nats:4222")
        for line in (out / f"{service.name}.env").read_text().splitlines():
            name, _, value = line.partition("=")
            env[name] = value
        env = {k: v.replace(gendeploy.SECRETS_DIR, str(out / service.name))
               for k, v in env.items()}
        fields = service.settings_class().model_fields
        prefix = service.env("")
        unknown = [k for k in env if k.startswith(prefix)
                   and k.removeprefix(prefix).lower() not in fields]
        assert not unknown, unknown
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        settings = service.settings_class()()
        assert settings.database_url.endswith(f"/anbao_{service.name}")
        for path in (settings.nats_credentials_file, settings.tls_cert_file,
                     settings.token_public_key_file, settings.token_revocation_file):
            assert path.is_file(), path
        assert settings.stream_replicas == 3 and settings.health_port
