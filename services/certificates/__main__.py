from servicekit.runtime import main

from .bootstrap import build
from .config import CertificatesSettings

if __name__ == "__main__":
    main("certificates", CertificatesSettings, build)
