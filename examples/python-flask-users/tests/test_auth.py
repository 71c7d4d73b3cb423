"""The login service: `src.services.auth`."""

import pytest
from sqlalchemy.orm import Session

from src.models import User
from src.services.auth import RegistrationError, login, register


def test_register_stores_a_hash_not_the_password(session: Session) -> None:
    user = register(session, "Alice@Example.com ", "correct horse")
    assert user.email == "alice@example.com"
    assert user.password_hash != "correct horse"
    assert "correct horse" not in user.password_hash
    assert user.created_at is not None


def test_register_rejects_duplicates_and_bad_input(session: Session) -> None:
    register(session, "alice@example.com", "correct horse")
    with pytest.raises(RegistrationError, match="already registered"):
        register(session, "ALICE@example.com", "another password")
    with pytest.raises(RegistrationError, match="not valid"):
        register(session, "not-an-email", "correct horse")
    with pytest.raises(RegistrationError, match="at least"):
        register(session, "bob@example.com", "short")


def test_login_succeeds_with_the_right_password(session: Session) -> None:
    created = register(session, "alice@example.com", "correct horse")
    session.commit()
    user = login(session, " ALICE@example.com", "correct horse")
    assert isinstance(user, User)
    assert user.id == created.id


def test_login_fails_with_a_wrong_password(session: Session) -> None:
    register(session, "alice@example.com", "correct horse")
    session.commit()
    assert login(session, "alice@example.com", "wrong horse") is None


def test_login_fails_for_an_unknown_email(session: Session) -> None:
    assert login(session, "nobody@example.com", "correct horse") is None


def test_login_does_not_treat_input_as_sql(session: Session) -> None:
    register(session, "alice@example.com", "correct horse")
    session.commit()
    assert login(session, "' OR '1'='1", "' OR '1'='1") is None
    assert session.query(User).count() == 1
