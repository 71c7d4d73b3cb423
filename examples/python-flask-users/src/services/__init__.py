"""Business logic. Services take a `Session` and never commit it: the caller
owns the unit of work (see `src.db.session_scope`)."""
