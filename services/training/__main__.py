from servicekit.runtime import main

from .bootstrap import build
from .config import TrainingSettings

if __name__ == "__main__":
    main("training", TrainingSettings, build)
