"""The Flask application: `create_app()` builds it, routes stay thin and call
services inside one `session_scope` per request."""

from typing import Any, Optional

from flask import Flask, jsonify, request
from flask.typing import ResponseReturnValue
from sqlalchemy.orm import sessionmaker

from src.db import DEFAULT_DATABASE_URL, make_engine, make_session_factory
from src.db import session_scope
from src.services import auth

MAX_FIELD_LENGTH = 1024


def _string_field(data: dict[str, Any], name: str) -> Optional[str]:
    value = data.get(name)
    if not isinstance(value, str) or not value or len(value) > MAX_FIELD_LENGTH:
        return None
    return value


def create_app(database_url: str = DEFAULT_DATABASE_URL) -> Flask:
    app = Flask(__name__)
    engine = make_engine(database_url)
    sessions: sessionmaker = make_session_factory(engine)
    app.extensions["db_engine"] = engine
    app.extensions["session_factory"] = sessions

    @app.post("/users")
    def register() -> ResponseReturnValue:
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            return jsonify(error="expected a JSON object"), 400
        email = _string_field(data, "email")
        password = _string_field(data, "password")
        if email is None or password is None:
            return jsonify(error="email and password are required"), 400
        try:
            with session_scope(sessions) as session:
                user = auth.register(session, email, password)
                body = {"id": user.id, "email": user.email}
        except auth.RegistrationError as err:
            return jsonify(error=str(err)), 400
        return jsonify(body), 201

    @app.post("/login")
    def login() -> ResponseReturnValue:
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            return jsonify(error="expected a JSON object"), 400
        email = _string_field(data, "email")
        password = _string_field(data, "password")
        if email is None or password is None:
            return jsonify(error="email and password are required"), 400
        with session_scope(sessions) as session:
            user = auth.login(session, email, password)
            if user is None:
                return jsonify(error="invalid email or password"), 401
            return jsonify(id=user.id, email=user.email), 200

    return app
