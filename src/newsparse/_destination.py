"""Where ``newsparse convert -o FILE`` writes, and how.

* ``-`` (or no ``-o``) is standard output.
* A name that leads to this process's own standard output or standard error
  (``/dev/stdout``, ``/dev/stderr``, or the file the shell redirected one of
  them to) is written through that stream, so that appending (``>>``) and
  pipes work as the shell set them up.
* A character device (``/dev/null``, a terminal), a named pipe (FIFO) or a
  socket is opened and written directly: there is nothing to replace.
* Anything else is a regular file, or no file yet.  Symbolic links are
  followed, one after the other and each relative to its own folder, to the
  file they name; that file is replaced atomically (written to a temporary
  file beside it, then renamed over it), keeping its permission bits.  The
  links stay links.  A link to a file that does not exist creates that file,
  as the shell's ``>`` does.

The output is only written once every input was read, so a failed run
writes nothing to any of these.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Literal, TextIO, cast

import attrs

__all__ = ["Destination", "DestinationError", "find_destination"]

STDOUT = "-"
"""The output name that stands for standard output."""

_MAX_LINKS = 40
"""Symbolic links followed at most, as the kernel does (``ELOOP``)."""


class DestinationError(ValueError):
    """The output cannot be written where it was asked to go (a usage error)."""


@attrs.frozen
class Destination:
    """Where to write, and how: see the module's description."""

    how: Literal["stdout", "stderr", "direct", "replace"]
    """Through standard output or error, by opening ``path``, or by replacing it."""
    path: Path | None = None
    """The file to open or replace; with ``replace``, the last link followed."""

    def write(self, copy: Callable[[TextIO], None]) -> None:
        """Let ``copy`` write the whole output, in UTF-8.

        Raises:
            OSError: the output could not be written.
        """
        if self.how in {"stdout", "stderr"}:
            stream = _utf8(sys.stdout if self.how == "stdout" else sys.stderr)
            copy(stream)
            stream.flush()
        elif self.how == "direct":
            with open(cast(Path, self.path), "w", encoding="utf-8", newline="") as out:
                copy(out)
        else:
            _replace_atomically(cast(Path, self.path), copy)

    def write_binary(self, produce: Callable[[IO[bytes]], bool]) -> bool:
        """Let ``produce`` write the whole output as bytes; keep it if it returns ``True``.

        Until ``produce`` returns, what it writes goes to a temporary file:
        with ``replace``, one beside the file to replace, renamed over it;
        otherwise one in the temporary folder, copied to the stream or
        device afterwards.  So if ``produce`` returns ``False`` or raises,
        nothing is written anywhere and an existing file is untouched.
        Returns what ``produce`` returned.

        Raises:
            OSError: the output could not be written.
        """
        if self.how == "replace":
            return _replace_atomically(cast(Path, self.path), produce, binary=True)
        with tempfile.TemporaryFile() as staged:
            if not produce(staged):
                return False
            staged.seek(0)
            if self.how == "direct":
                with open(cast(Path, self.path), "wb") as out:
                    shutil.copyfileobj(staged, out)
                return True
            stream = sys.stdout if self.how == "stdout" else sys.stderr
            stream.flush()
            shutil.copyfileobj(staged, stream.buffer)
            stream.buffer.flush()
        return True

    def is_terminal(self) -> bool:
        """Tell whether this output is a terminal (where binary output does not belong)."""
        if self.how in {"stdout", "stderr"}:
            stream = sys.stdout if self.how == "stdout" else sys.stderr
            try:
                return stream.isatty()
            except (OSError, ValueError):  # closed or detached
                return False
        if self.how == "replace" or self.path is None:
            return False
        try:
            if not stat.S_ISCHR(os.stat(self.path).st_mode):
                return False  # a pipe or a socket
            descriptor = os.open(self.path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
        except OSError:
            return False  # writing will tell what is wrong
        try:
            return os.isatty(descriptor)
        finally:
            os.close(descriptor)


def find_destination(output: str | None) -> Destination:
    """Work out where ``-o output`` writes (``None`` or ``-``: standard output).

    Raises:
        DestinationError: ``output`` is a folder, lies in a folder that does
            not exist, or cannot be looked at (a loop of links, no permission).
    """
    if output is None or output == STDOUT:
        return Destination("stdout")
    try:
        status: os.stat_result | None = os.stat(output)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise DestinationError(f"cannot write to {output!r}: {error.strerror}") from None
    if status is not None:
        if _same_file(status, sys.stdout):
            return Destination("stdout")
        if _same_file(status, sys.stderr):
            return Destination("stderr")
        if stat.S_ISDIR(status.st_mode):
            raise DestinationError(f"{output!r} is a folder")
        if not stat.S_ISREG(status.st_mode):
            return Destination("direct", Path(output))
    target = _follow_links(Path(output))
    if not target.parent.is_dir():
        via = f", which {output!r} links to," if target != Path(output) else ""
        raise DestinationError(f"the folder of {str(target)!r}{via} does not exist")
    return Destination("replace", target)


def _same_file(status: os.stat_result, stream: TextIO) -> bool:
    """Tell whether ``stream`` writes to the file that ``status`` describes."""
    try:
        own = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both
        return False
    return (own.st_dev, own.st_ino) == (status.st_dev, status.st_ino)


def _follow_links(path: Path) -> Path:
    """Follow ``path`` through symbolic links to the name of what they point at.

    A relative link is read from the folder of the link.  The result need not
    exist (the last link may dangle).
    """
    for _ in range(_MAX_LINKS):
        if not path.is_symlink():
            return path
        link = Path(os.readlink(path))
        path = link if link.is_absolute() else path.parent / link
    raise DestinationError(f"cannot write to {str(path)!r}: too many levels of symbolic links")


def _utf8(stream: TextIO) -> TextIO:
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8")
    return stream


def _replace_atomically(
    path: Path, write: Callable[[Any], object], *, binary: bool = False
) -> bool:
    """Write ``path`` anew through a temporary file beside it, renamed over it.

    ``write`` gets the temporary file (text in UTF-8, or ``binary``); the file
    replaces ``path`` unless ``write`` raises or returns ``False``.  Returns
    whether it did.
    """
    text: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": ""}
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below
        "wb" if binary else "w", dir=path.parent, prefix=f".{path.name}.", delete=False, **text
    )
    try:
        with handle:
            if write(handle) is False:
                return False
        os.chmod(handle.name, _new_file_mode(path))
        os.replace(handle.name, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)
    return True


def _new_file_mode(path: Path) -> int:
    """Keep the mode of a file being replaced; otherwise what the umask allows."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
