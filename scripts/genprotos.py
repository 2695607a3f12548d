"""Regenerate the committed *_pb2.py, *_pb2.pyi and *_pb2_grpc.py next to each .proto."""

import re
import shutil
import sys
from pathlib import Path

from google.type import date_pb2
from grpc_tools import protoc
import grpc_tools

ROOT = Path(__file__).resolve().parent.parent / "protos"
# the googleapis-common-protos package ships google/type, google/rpc... .proto files
GOOGLEAPIS = Path(date_pb2.__file__).resolve().parents[2]
_IMPORT = re.compile(r'^import\s+"([^"]+)";', re.M)


def stage_googleapis(dest: Path) -> list[str]:
    """Copies the googleapis protos our protos import (transitively) into `dest`, for
    tools that take a directory (buf); well-known google/protobuf types excluded."""
    pending = [p.read_text() for p in ROOT.rglob("*.proto") if dest not in p.parents]
    copied: list[str] = []
    while pending:
        for name in _IMPORT.findall(pending.pop()):
            if (name.startswith("google/") and not name.startswith("google/protobuf/")
                    and name not in copied):
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(GOOGLEAPIS / name, dest / name)
                copied.append(name)
                pending.append((GOOGLEAPIS / name).read_text())
    return copied


def generate(out_dir: Path) -> None:
    protos = sorted(str(p.relative_to(ROOT)) for p in ROOT.rglob("anbao/**/*.proto"))
    include = str(Path(grpc_tools.__file__).parent / "_proto")
    args = ["protoc", f"-I{ROOT}", f"-I{include}", f"-I{GOOGLEAPIS}", f"--python_out={out_dir}",
            f"--pyi_out={out_dir}", f"--grpc_python_out={out_dir}", *protos]
    if protoc.main(args) != 0:
        sys.exit("protoc failed")


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
