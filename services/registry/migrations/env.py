from servicekit.migrations import run_env
from services.registry.adapters.orm import metadata

run_env(metadata)
