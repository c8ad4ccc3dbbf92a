"""Writing a file the way a careful editor does: all of it or nothing, and nothing else changed.

:func:`write_atomic` writes a temporary file next to the target, flushes it to disk, renames it
over the target and syncs the folder, so a crash at any moment leaves the old file or the new
one, complete. What the user set up around the file survives the save:

- a new file gets the mode the umask allows (like ``open(path, "w")``: 0644 under umask 022);
- an existing file keeps its mode (and, where the user may set it, its owner and group);
- a symbolic link stays a link: the file it points at is written.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

__all__ = ["write_atomic"]


def _target(path: Path) -> Path:
    """The file to replace: ``path`` itself, or the file a symbolic link points at (through
    any chain of links; a dangling link's target is created)."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _create_temporary(folder: Path, name: str, mode: int) -> tuple[int, Path]:
    """A new file ``.<name>.<random>.tmp`` in ``folder``, opened for writing; ``mode`` is
    passed to the kernel, which applies the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def _keep_owner(fd: int, old: os.stat_result) -> None:
    """Give the new file the old one's owner and group where allowed (root may set both,
    a user may keep a group they belong to); silently keep the default otherwise."""
    if not hasattr(os, "fchown"):
        return
    for uid, gid in ((old.st_uid, old.st_gid), (-1, old.st_gid)):
        try:
            os.fchown(fd, uid, gid)
            return
        except OSError:
            continue


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: fsync the directory). Filesystems and platforms
    that cannot sync a directory are skipped: the data itself is already on disk."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file in the same folder, flushed to
    disk, renamed over the file, then the folder synced. On failure the temporary file is
    removed and ``path`` is left as it was (OSError says why). New files get the umask's mode,
    an existing file keeps its mode, and a symbolic link keeps pointing at the written file."""
    target = _target(Path(path))
    folder = target.parent
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        code = errno.EISDIR if stat.S_ISDIR(old.st_mode) else errno.EINVAL
        raise OSError(code, "not a regular file", str(path))
    # A new file: the kernel gives 0666 minus the umask, as for any new file. Replacing one:
    # private until its contents are complete, then the old file's mode.
    fd, tmp = _create_temporary(folder, target.name, 0o666 if old is None else 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if old is not None:
                _keep_owner(f.fileno(), old)
                os.chmod(f.fileno() if os.chmod in os.supports_fd else tmp,
                         stat.S_IMODE(old.st_mode))
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(folder)
