from servicekit.migrations import run_env
from services.training.adapters.orm import metadata

run_env(metadata)
