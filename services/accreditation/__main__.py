from servicekit.runtime import main

from .bootstrap import build
from .config import AccreditationSettings

if __name__ == "__main__":
    main("accreditation", AccreditationSettings, build)
