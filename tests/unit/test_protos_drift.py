"""The committed generated code matches the .proto files."""

import filecmp
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_generated_code_matches_the_protos(tmp_path):
    spec = importlib.util.spec_from_file_location("genprotos", ROOT / "scripts" / "genprotos.py")
    genprotos = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(genprotos)
    genprotos.generate(tmp_path)
    generated = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*_pb2*.py*"))
    committed = sorted(p.relative_to(ROOT / "protos") for p in (ROOT / "protos").rglob("*_pb2*.py*"))
    assert generated == committed, "run `make protos` and commit the result"
    drifted = [str(p) for p in generated
               if not filecmp.cmp(tmp_path / p, ROOT / "protos" / p, shallow=False)]
    assert not drifted, f"stale generated code (run `make protos`): {drifted}"
