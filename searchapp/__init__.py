"""News search at paragraph level: who said what, in which outlet, and when."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from flask import Flask, request
from werkzeug.exceptions import HTTPException

DEFAULT_INDEX_DIR = "index"


def default_index_dir() -> Path:
    return Path(os.environ.get("SEARCHAPP_INDEX") or DEFAULT_INDEX_DIR)


def create_app(config: Mapping[str, object] | None = None) -> Flask:
    """App factory: settings from defaults, then `SEARCHAPP_INDEX`, then `config`."""
    from searchapp import api, pages, security, suggest
    from searchapp.live_index import LiveIndex, close_searcher
    from searchapp.routing import ArticleIdConverter, SpeakerNameConverter
    from searchapp.search import SearchLimits

    app = Flask(__name__)
    app.config.from_mapping(INDEX_DIR=str(default_index_dir()), SEARCH_LIMITS=SearchLimits())
    if config:
        app.config.from_mapping(config)
    app.json.sort_keys = False
    app.extensions["searchapp.index"] = LiveIndex(Path(app.config["INDEX_DIR"]))
    app.teardown_appcontext(close_searcher)
    app.url_map.converters["article"] = ArticleIdConverter  # before the rules that use it
    app.url_map.converters["speaker"] = SpeakerNameConverter
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(suggest.bp)
    security.init_app(app)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if request.path.startswith(api.bp.url_prefix + "/"):
            return api.http_error(exc)
        return pages.http_error(exc)

    return app
