"""Registration and login with email + password."""

import re
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from src.models import User

PASSWORD_HASH_METHOD = "pbkdf2:sha256:260000"
MIN_PASSWORD_LENGTH = 8
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Checked when the email is unknown, so that a failed login costs the same time
# whether or not the account exists (no user enumeration by timing).
_DUMMY_HASH = generate_password_hash("not-a-real-password", PASSWORD_HASH_METHOD)


class RegistrationError(ValueError):
    """The email or password given for a new account is not acceptable."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return generate_password_hash(password, PASSWORD_HASH_METHOD)


def find_user_by_email(session: Session, email: str) -> Optional[User]:
    stmt = select(User).where(User.email == normalize_email(email))
    user: Optional[User] = session.execute(stmt).scalar_one_or_none()
    return user


def register(session: Session, email: str, password: str) -> User:
    """Creates a user. Raises RegistrationError for a malformed email, a short
    password or an email that is already registered."""
    email = normalize_email(email)
    if not _EMAIL_RE.match(email):
        raise RegistrationError("email address is not valid")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise RegistrationError(
            f"password must be at least {MIN_PASSWORD_LENGTH} characters"
        )
    if find_user_by_email(session, email) is not None:
        raise RegistrationError("email address is already registered")
    user = User(email=email, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def login(session: Session, email: str, password: str) -> Optional[User]:
    """Returns the user when the email and password match, otherwise None.

    The caller cannot tell an unknown email from a wrong password, on purpose.
    """
    user = find_user_by_email(session, email)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(str(user.password_hash), password):
        return None
    return user
