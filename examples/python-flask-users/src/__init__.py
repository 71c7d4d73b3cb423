"""flask-users: a small user service with email + password login."""
