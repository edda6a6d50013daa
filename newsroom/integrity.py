"""Cache entries signed with a secret of this user's, kept outside every project.

Analyses and compiled templates are kept as pickles and marshalled code:
reading a crafted one runs code. `.cache/` travels (restored from CI, synced,
shared by a team), so what is read back from it is first checked against an
HMAC made with a key that never travels with it: the user's state folder
(`$XDG_STATE_HOME/newsroom/cache-key`, else `~/.local/state/newsroom/`). An
entry made elsewhere, or changed by anyone without that key, is ignored and
made again. Where no key can be kept, one for this process alone is used:
the cache then only helps this process and its forks, never harms.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from functools import lru_cache
from pathlib import Path

KEY_FILE = "cache-key"
KEY_BYTES = 32
MAC_BYTES = hashlib.sha256().digest_size


def user_state_folder() -> Path:
    """The user's state folder for newsroom (XDG), where what must not travel with a project is kept."""
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "newsroom"


@lru_cache(maxsize=1)
def secret() -> bytes:
    folder = user_state_folder()
    path = folder / KEY_FILE
    try:
        key = path.read_bytes()
        if len(key) >= KEY_BYTES:
            return key
    except OSError:
        pass
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, temporary = tempfile.mkstemp(prefix=".cache-key-", dir=folder)  # mode 0600
        try:
            os.write(descriptor, secrets.token_bytes(KEY_BYTES))
            os.close(descriptor)
            try:
                os.link(temporary, path)  # never replaces a key another process made meanwhile
            except FileExistsError:
                pass
        finally:
            os.unlink(temporary)
        key = path.read_bytes()
        if len(key) >= KEY_BYTES:
            return key
    except OSError:
        pass
    return secrets.token_bytes(KEY_BYTES)


def _mac(purpose: str, data: bytes) -> bytes:
    return hmac.new(secret(), purpose.encode() + b"\0" + data, hashlib.sha256).digest()


def sign(purpose: str, data: bytes) -> bytes:
    """`data` with its MAC in front; `purpose` keeps an entry of one cache from passing for another's."""
    return _mac(purpose, data) + data


def verified(purpose: str, signed: bytes) -> bytes | None:
    """The data of a signed entry, or None when it was not made with this user's key for this purpose."""
    if not isinstance(signed, (bytes, bytearray, memoryview)) or len(signed) < MAC_BYTES:
        return None
    signed = bytes(signed)
    data = signed[MAC_BYTES:]
    return data if hmac.compare_digest(signed[:MAC_BYTES], _mac(purpose, data)) else None


def signed_bytecode_cache(folder: Path):
    """Jinja's FileSystemBytecodeCache whose files are signed: a kept template is marshalled code, run when loaded."""
    from jinja2 import FileSystemBytecodeCache

    class SignedBytecodeCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket) -> None:
            try:
                with open(self._get_cache_filename(bucket), "rb") as file:
                    data = verified("templates", file.read())
            except OSError:
                return
            if data is not None:
                bucket.bytecode_from_string(data)

        def dump_bytecode(self, bucket) -> None:
            path = self._get_cache_filename(bucket)
            descriptor, temporary = tempfile.mkstemp(prefix=".template-", dir=self.directory)
            try:
                with os.fdopen(descriptor, "wb") as file:
                    file.write(sign("templates", bucket.bytecode_to_string()))
                os.replace(temporary, path)
            except OSError:
                Path(temporary).unlink(missing_ok=True)

    return SignedBytecodeCache(str(folder))
