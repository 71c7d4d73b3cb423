"""The `User` model: an account that can log in with email and password."""

from sqlalchemy import Column, Integer, String

from src.models.base import Base
from src.models.types import UTCDateTime, utcnow


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(320), unique=True, index=True, nullable=False)
    password_hash = Column(String(255), nullable=False)
    created_at = Column(UTCDateTime(), nullable=False, default=utcnow)

    def __repr__(self) -> str:
        # Never include the password hash: reprs end up in logs.
        return f"<User id={self.id} email={self.email!r}>"
