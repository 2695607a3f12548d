"""`python -m services`: the service that `SERVICE` names, for the one container image
every service shares (deploy/Dockerfile)."""

import os
import sys

from servicekit.runtime import main

from . import manifest

if __name__ == "__main__":
    try:
        service = manifest.get(os.environ.get("SERVICE", ""))
    except ValueError as unknown:
        sys.exit(f"SERVICE: {unknown}")
    main(service.name, service.settings_class(), service.build_function())
