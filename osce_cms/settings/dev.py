import os

os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: F403
