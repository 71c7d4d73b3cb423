"""Engine and session handling. Everything that talks to the database gets a
`Session` from here; nothing builds connections or raw SQL strings itself."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from src.models import Base

DEFAULT_DATABASE_URL = "sqlite:///flask-users.db"


def make_engine(url: str = DEFAULT_DATABASE_URL) -> Engine:
    """Creates an engine. An in-memory SQLite URL gets a single shared
    connection, so every session sees the same database (used by the tests)."""
    if url in ("sqlite://", "sqlite:///:memory:"):
        return create_engine(
            url,
            future=True,
            connect_args={"check_same_thread": False},
            poolclass=StaticPool,
        )
    return create_engine(url, future=True)


def make_session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


def create_schema(engine: Engine) -> None:
    """Creates all tables from the models. For tests and local experiments
    only: real databases are migrated with Alembic (`alembic upgrade head`)."""
    Base.metadata.create_all(engine)


@contextmanager
def session_scope(factory: sessionmaker) -> Iterator[Session]:
    """One unit of work: commits when the block succeeds, rolls back when it
    raises, and always closes the session."""
    session: Session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
