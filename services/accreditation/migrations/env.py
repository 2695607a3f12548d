from servicekit.migrations import run_env
from services.accreditation.adapters.orm import metadata

run_env(metadata)
