"""A development secret key that survives restarts without being committed."""

import secrets
from pathlib import Path


def local_secret_key(path: Path) -> str:
    """Return the key stored at `path`, creating it on first use (readable by the owner only)."""
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_urlsafe(50)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(key)
    path.chmod(0o600)
    return key
