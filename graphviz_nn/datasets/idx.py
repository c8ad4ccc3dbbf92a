"""The IDX file format of MNIST / Fashion-MNIST, and a checked one-time download.

IDX: two zero bytes, a type code (0x08 = uint8, ...), the number of dimensions, each size as
a big-endian uint32, then the data in C order. Files may be gzip-compressed (``.gz``).
Downloads go to a cache folder through a temporary file that is checked against the
published MD5 before it is renamed into place, so the cache never holds half a file.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import os
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

from graphviz_nn.io import write_atomic

__all__ = ["DatasetError", "DownloadError", "DatasetUnavailable", "MAX_IDX_BYTES", "read_idx", "write_idx", "fetch", "MNIST_FILES",
           "FASHION_MNIST_FILES", "default_cache_dir"]


class DatasetError(ValueError):
    """A data file is missing, corrupt, truncated or not what it should be (names the file)."""


class DownloadError(DatasetError):
    """A file could not be downloaded from any of its addresses; ``errors`` says why, one
    line per address tried."""

    def __init__(self, message: str, errors: list[str]) -> None:
        super().__init__(message)
        self.errors = list(errors)


class DatasetUnavailable(DatasetError):
    """A data set of several files (MNIST's four) is neither in the folder given nor
    downloadable. ``what``: its name; ``files``: the file names it needs; ``sources``: where
    they come from; ``folder``: the folder looked in (None: the download was tried);
    ``missing``: the files that were not there; ``reason``: why, in a few words."""

    def __init__(self, what: str, files: tuple[str, ...], sources: tuple[str, ...],
                 folder: Path | None, missing: tuple[str, ...], reason: str) -> None:
        self.what, self.files, self.sources = what, tuple(files), tuple(sources)
        self.folder, self.missing, self.reason = folder, tuple(missing), reason
        super().__init__(f"{what}: {reason}; it needs the files {', '.join(self.files)} "
                         f"(from {self.sources[0]}) in one folder")


_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: np.dtype(">i2"), 0x0C: np.dtype(">i4"),
          0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}
_CODES = {np.dtype(np.uint8): 0x08, np.dtype(np.int8): 0x09, np.dtype(np.int16): 0x0B,
          np.dtype(np.int32): 0x0C, np.dtype(np.float32): 0x0D, np.dtype(np.float64): 0x0E}

_MNIST_MIRRORS = ("https://ossci-datasets.s3.amazonaws.com/mnist/",
                  "https://storage.googleapis.com/cvdf-datasets/mnist/")
_FASHION_MIRRORS = ("https://storage.googleapis.com/tensorflow/tf-keras-datasets/",
                    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")


def _files(mirrors: tuple[str, ...], md5s: tuple[str, ...]) -> dict:
    names = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
    keys = ("train_images", "train_labels", "test_images", "test_labels")
    return {k: (n, tuple(m + n for m in mirrors), md5)
            for k, n, md5 in zip(keys, names, md5s, strict=True)}


# key -> (file name, download URLs to try in order, MD5 of the .gz file)
MNIST_FILES = _files(_MNIST_MIRRORS, (
    "f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
    "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"))
FASHION_MNIST_FILES = _files(_FASHION_MIRRORS, (
    "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
    "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"))


MAX_IDX_BYTES = 512 * 2**20     # the largest array read_idx reads (MNIST's is 47 MB)
DEFLATE_MAX_RATIO = 1032        # deflate never expands data more than this (RFC 1951 limit)
_CHUNK = 1 << 20


def _read_exactly(stream, n: int) -> bytes | bytearray:
    """Up to ``n`` bytes from ``stream``, read in chunks: memory grows with the bytes that
    really arrive, never with a size a header merely declares."""
    if n <= _CHUNK:
        return stream.read(n)
    out = bytearray()
    while len(out) < n:
        chunk = stream.read(min(_CHUNK, n - len(out)))
        if not chunk:
            break
        out += chunk
    return out


def read_idx(path, max_bytes: int = MAX_IDX_BYTES) -> np.ndarray:
    """Read an IDX file (gzip-compressed or not) into an array of its shape and type.

    The header is checked before any data is read or decompressed: the declared array must
    fit in ``max_bytes`` and in what the file can hold (its size, or for gzip its size times
    deflate's largest expansion), and exactly that much data is then read - a gzip bomb or
    a header that lies is refused after reading at most one byte more than it declares.
    Anything else than a well-formed file raises DatasetError naming the file."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            gz = fh.read(2) == b"\x1f\x8b"
            fh.seek(0)
            stream = gzip.GzipFile(fileobj=fh, mode="rb") if gz else fh
            return _read_idx(stream, path, size, gz, max_bytes)
    except gzip.BadGzipFile as exc:
        raise DatasetError(f"{path}: corrupt gzip data ({exc})") from None
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (EOFError, zlib.error) as exc:
        raise DatasetError(f"{path}: corrupt or truncated gzip data ({exc})") from None


def _read_idx(stream, path: Path, size: int, gz: bool, max_bytes: int) -> np.ndarray:
    head = stream.read(4)
    if len(head) < 4 or head[:2] != b"\x00\x00" or head[2] not in _TYPES:
        magic = head.hex() or "none: the file is empty"
        raise DatasetError(f"{path}: not an IDX file (magic number {magic})")
    ndim = head[3]
    dims = stream.read(4 * ndim)
    if ndim == 0 or len(dims) < 4 * ndim:
        raise DatasetError(f"{path}: truncated IDX header")
    shape = tuple(int.from_bytes(dims[i:i + 4], "big") for i in range(0, 4 * ndim, 4))
    dtype = np.dtype(_TYPES[head[2]])
    need = math.prod(shape) * dtype.itemsize            # exact: Python integers
    if need > max_bytes:
        raise DatasetError(f"{path}: the header declares a {shape} array of {need:,} bytes, "
                           f"more than the {max_bytes:,} bytes this app reads")
    # an empty array (a 0 among the sizes) whose other sizes no array could have
    if math.prod(d for d in shape if d) * dtype.itemsize > max_bytes:
        raise DatasetError(f"{path}: the header declares an empty {shape} array whose other "
                           f"sizes are beyond any array this app reads ({max_bytes:,} bytes)")
    room = size * DEFLATE_MAX_RATIO if gz else size - 4 - 4 * ndim
    if need > room:
        what = "the compressed file could ever hold" if gz else "the file has"
        raise DatasetError(f"{path}: truncated: shape {shape} needs {need:,} bytes of data, "
                           f"{what} {max(room, 0):,}")
    raw = _read_exactly(stream, need)
    if len(raw) < need:
        raise DatasetError(f"{path}: truncated: shape {shape} needs {need:,} bytes of data, "
                           f"the file has {len(raw):,}")
    if stream.read(1):
        raise DatasetError(f"{path}: unexpected data after the {shape} array")
    data = np.frombuffer(raw, dtype, count=need // dtype.itemsize)
    return data.reshape(shape).astype(dtype.newbyteorder("="))


def write_idx(path, array, compress: bool | None = None) -> None:
    """Write ``array`` as an IDX file (gzip if ``compress`` or the name ends in .gz)."""
    array = np.asarray(array)
    code = _CODES.get(array.dtype.newbyteorder("="))
    if code is None or array.ndim == 0 or array.ndim > 255:
        raise ValueError(f"IDX cannot hold a {array.dtype} array of {array.ndim} dimensions")
    header = bytes([0, 0, code, array.ndim]) + np.asarray(array.shape, ">u4").tobytes()
    body = header + array.astype(array.dtype.newbyteorder(">")).tobytes()
    if compress or (compress is None and Path(path).suffix == ".gz"):
        body = gzip.compress(body)
    write_atomic(path, body)


def default_cache_dir() -> Path:
    """``$GRAPHVIZ_NN_CACHE`` or ``~/.cache/graphviz-nn``."""
    env = os.environ.get("GRAPHVIZ_NN_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "graphviz-nn"


def _md5(path: Path) -> str:
    h = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


Progress = Callable[[int, int, str], None]


def fetch(urls, name: str, md5: str, cache_dir=None, progress: Progress | None = None,
          opener=None) -> Path:
    """The cached file ``name``, downloaded from the first of ``urls`` that works if it is
    not cached yet (or its checksum is wrong). ``progress(done, total, name)`` is called as
    bytes arrive (total is 0 when unknown)."""
    import urllib.request
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target = folder / name
    if target.exists() and _md5(target) == md5:
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatasetError(f"{folder}: cannot create the cache folder ({exc.strerror})") \
            from None
    urls = (urls,) if isinstance(urls, str) else tuple(urls)
    opener = opener or urllib.request.urlopen
    errors = []
    for url in urls:
        tmp = folder / (name + ".part")
        try:
            with opener(url, timeout=60) as resp, tmp.open("wb") as out:
                total = int(resp.headers.get("Content-Length") or 0) if hasattr(
                    resp, "headers") and resp.headers else 0
                done = 0
                while chunk := resp.read(1 << 16):
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total, name)
        except (OSError, ValueError) as exc:
            errors.append(f"{url}: {exc}")
            tmp.unlink(missing_ok=True)
            continue
        got = _md5(tmp)
        if got != md5:
            tmp.unlink(missing_ok=True)
            errors.append(f"{url}: checksum {got} is not the published {md5}")
            continue
        os.replace(tmp, target)
        return target
    raise DownloadError(f"{target}: could not download {name} ({'; '.join(errors)}); "
                        "put the file in a folder and read it from there", errors)
