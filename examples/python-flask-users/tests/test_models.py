"""The models and their column types."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from src.models import User, utcnow


def test_timestamps_are_stored_in_utc_and_loaded_aware(session: Session) -> None:
    paris = timezone(timedelta(hours=1))
    created = datetime(2026, 1, 5, 10, 30, tzinfo=paris)
    session.add(User(email="a@example.com", password_hash="x", created_at=created))
    session.commit()
    session.expire_all()
    user = session.query(User).one()
    assert user.created_at == created
    assert user.created_at.tzinfo == timezone.utc
    assert user.created_at.hour == 9


def test_naive_timestamps_are_refused(session: Session) -> None:
    naive = datetime(2026, 1, 5, 10, 30)
    session.add(User(email="a@example.com", password_hash="x", created_at=naive))
    with pytest.raises(StatementError, match="naive datetime"):
        session.flush()


def test_created_at_defaults_to_now(session: Session) -> None:
    before = utcnow()
    session.add(User(email="a@example.com", password_hash="x"))
    session.commit()
    session.expire_all()
    assert session.query(User).one().created_at >= before


def test_repr_hides_the_password_hash() -> None:
    user = User(id=1, email="a@example.com", password_hash="secret-hash")
    assert "secret-hash" not in repr(user)
