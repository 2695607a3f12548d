"""The protos pass `buf lint` (STANDARD rules, AIP exceptions in protos/buf.yaml)."""

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUF = "@bufbuild/buf@1.75.0"


def test_protos_pass_buf_lint():
    npx = shutil.which("npx")
    if npx is None:
        pytest.skip(f"npx (Node.js) is not installed, so {BUF} cannot run; CI has it")
    spec = importlib.util.spec_from_file_location("genprotos", ROOT / "scripts" / "genprotos.py")
    genprotos = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(genprotos)
    staged = ROOT / "protos" / "build" / "googleapis"  # gitignored; named in buf.yaml
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir(parents=True)
    genprotos.stage_googleapis(staged)
    run = subprocess.run([npx, "--yes", BUF, "lint"], cwd=ROOT / "protos",
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
