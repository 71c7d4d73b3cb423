"""Shared fixtures: every test gets its own in-memory SQLite database."""

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from src.app import create_app
from src.db import create_schema, make_engine, make_session_factory


@pytest.fixture
def session() -> Iterator[Session]:
    engine = make_engine("sqlite://")
    create_schema(engine)
    factory = make_session_factory(engine)
    with factory() as s:
        yield s
    engine.dispose()


@pytest.fixture
def app() -> Flask:
    app = create_app("sqlite://")
    create_schema(app.extensions["db_engine"])
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
