"""The test settings for a worker process that sends real mail (to the tests' SMTP server)."""

import os

from osce_cms.settings.test import *  # noqa: F403

if os.environ.get("EMAIL_PORT"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "127.0.0.1"),
                "port": int(os.environ["EMAIL_PORT"]),
                "timeout": 10,
            },
        }
    }
