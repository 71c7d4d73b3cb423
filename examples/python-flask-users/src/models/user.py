"""The `User` model: an account that can log in with email and password."""

from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Integer, String

from src.models.base import Base


def utcnow() -> datetime:
    """The current time as an aware UTC datetime (never naive local time)."""
    return datetime.now(timezone.utc)


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(320), unique=True, index=True, nullable=False)
    password_hash = Column(String(255), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    def __repr__(self) -> str:
        # Never include the password hash: reprs end up in logs.
        return f"<User id={self.id} email={self.email!r}>"
