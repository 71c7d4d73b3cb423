"""All SQLAlchemy models live in this package (see specs/architecture.md).

Importing `src.models` registers every model on `Base.metadata`, which Alembic's
`migrations/env.py` and `src.db.create_schema` rely on.
"""

from src.models.base import Base
from src.models.types import UTCDateTime, utcnow
from src.models.user import User

__all__ = ["Base", "User", "UTCDateTime", "utcnow"]
