"""Web dossier and JSON API (FastAPI + Jinja2; needs the ``server`` extra).

Public entry point::

    create_app(store_url, settings) -> FastAPI
"""

from ..errors import require_extra

require_extra("fastapi", "server", "The web server")
require_extra("jinja2", "server", "The web server")

from .app import create_app  # noqa: E402
from .dossier import default_builder, store_dossier  # noqa: E402
from .settings import ServerSettings, is_loopback  # noqa: E402

__all__ = ["ServerSettings", "create_app", "default_builder", "is_loopback", "store_dossier"]
