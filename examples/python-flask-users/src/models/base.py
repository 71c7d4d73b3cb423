"""The declarative base every model in this package derives from."""

from typing import Any

from sqlalchemy.orm import declarative_base

# Typed as Any: SQLAlchemy 1.4 ships no type information, and mypy cannot use
# a base class created at run time.
Base: Any = declarative_base()
