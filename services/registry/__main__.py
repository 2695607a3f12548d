from servicekit.runtime import main

from .bootstrap import build
from .config import RegistrySettings

if __name__ == "__main__":
    main("registry", RegistrySettings, build)
