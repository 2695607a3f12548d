from servicekit.migrations import run_env
from services.certificates.adapters.orm import metadata

run_env(metadata)
