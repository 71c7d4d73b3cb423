"""The HTTP API: `src.app`."""

from flask.testing import FlaskClient


def register(client: FlaskClient, email: str, password: str) -> None:
    response = client.post("/users", json={"email": email, "password": password})
    assert response.status_code == 201, response.get_json()


def test_register_then_login(client: FlaskClient) -> None:
    register(client, "alice@example.com", "correct horse")
    response = client.post(
        "/login", json={"email": "alice@example.com", "password": "correct horse"}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["email"] == "alice@example.com"
    assert isinstance(body["id"], int)
    assert "password_hash" not in body


def test_register_twice_is_rejected(client: FlaskClient) -> None:
    register(client, "alice@example.com", "correct horse")
    response = client.post(
        "/users", json={"email": "alice@example.com", "password": "correct horse"}
    )
    assert response.status_code == 400
    assert "already registered" in response.get_json()["error"]


def test_wrong_password_and_unknown_user_look_the_same(client: FlaskClient) -> None:
    register(client, "alice@example.com", "correct horse")
    wrong = client.post(
        "/login", json={"email": "alice@example.com", "password": "wrong horse"}
    )
    unknown = client.post(
        "/login", json={"email": "bob@example.com", "password": "correct horse"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_json() == unknown.get_json()


def test_login_rejects_malformed_bodies(client: FlaskClient) -> None:
    assert client.post("/login", data="not json").status_code == 400
    assert client.post("/login", json=["a", "b"]).status_code == 400
    assert client.post("/login", json={"email": "a@example.com"}).status_code == 400
    assert (
        client.post("/login", json={"email": 1, "password": "x" * 8}).status_code == 400
    )
