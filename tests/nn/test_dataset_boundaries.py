"""Data files from anywhere: any CSV or IDX bytes give a data set or a DatasetError naming the
file and what is wrong (line, column, value); nothing else escapes, and memory stays bounded by
the bytes really in the file - a header that declares 500 MB or a gzip bomb is refused before
its data is read."""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
import tracemalloc
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graphviz_nn import datasets as ds
from graphviz_nn.datasets.idx import MAX_IDX_BYTES, read_idx, write_idx

ROOT = Path(__file__).resolve().parents[2]


def _csv(tmp_path, text: str) -> Path:
    f = tmp_path / "data.csv"
    f.write_text(text, encoding="utf-8")
    return f


@pytest.mark.parametrize("label", ["nan", "inf", "-inf", "1e30", "-1", "2.5", "1e999"])
def test_a_label_that_is_not_a_class_number_is_named_with_its_line(tmp_path, label):
    f = _csv(tmp_path, f"a,b,y\n1,2,0\n3,4,1\n5,6,{label}\n")
    with pytest.raises(ds.DatasetError) as err:
        ds.load_csv(f)
    msg = str(err.value)
    assert "data.csv, line 4" in msg and label in msg and "whole numbers from 0 to 999" in msg


@pytest.mark.parametrize("value", ["nan", "inf", "1e39", "-1e999"])
def test_a_feature_that_is_not_a_finite_float32_is_named(tmp_path, value):
    f = _csv(tmp_path, f"a,b,y\n1,2,0\n3,{value},1\n")
    with pytest.raises(ds.DatasetError, match=r"line 3: \S+ in column 'b' is not a finite"):
        ds.load_csv(f)


def test_a_one_column_file_is_refused_with_what_a_csv_needs(tmp_path):
    f = _csv(tmp_path, "y\n0\n1\n")
    with pytest.raises(ds.DatasetError, match="one column only.*feature columns and a label"):
        ds.load_csv(f)


@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_semicolon_tab_and_comma_files_load_the_same(tmp_path, sep):
    rows = [["a", "b", "kind"], ["1.5", "2", "cat"], ["3", "-4", "dog"], ["5", "6e-1", "cat"]]
    f = _csv(tmp_path, "\n".join(sep.join(r) for r in rows) + "\n")
    x, y = ds.load_csv(f, "kind")
    np.testing.assert_array_equal(x, np.array([[1.5, 2], [3, -4], [5, 0.6]], np.float32))
    assert y.tolist() == [0, 1, 0] and ds.load_csv.classes == ["cat", "dog"]


def test_an_empty_label_and_too_many_classes_are_named(tmp_path):
    with pytest.raises(ds.DatasetError, match="line 3: the label .y. is empty"):
        ds.load_csv(_csv(tmp_path, "a,y\n1,0\n2,\n"))
    many = "a,y\n" + "".join(f"{i},c{i}\n" for i in range(ds.MAX_CLASSES + 1))
    with pytest.raises(ds.DatasetError, match="more than 1000 different labels in column 'y'"):
        ds.load_csv(_csv(tmp_path, many))


def test_samples_beyond_the_limit_get_one_line_not_a_memory_error():
    out = subprocess.run([sys.executable, "-m", "graphviz_nn", "train", "--samples",
                          "10000000000"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 2
    assert out.stderr.strip() == ("graphviz-nn train: --samples must be from 2 to 1,000,000, "
                                  "got 10,000,000,000")
    with pytest.raises(ValueError, match="from 2 to 1,000,000"):
        ds.spiral(n=10**10)


_TOKENS = st.sampled_from(["0", "1", "2", "-1", "1.5", "nan", "inf", "-inf", "1e30", "1e39",
                           "", " ", "x", "cat", '"a,b"', '"', "1_0", "\x00", "٣", "1e-45"])
_CSV_TEXT = st.lists(st.lists(_TOKENS, min_size=0, max_size=4), max_size=6).flatmap(
    lambda rows: st.sampled_from([",", ";", "\t", " "]).map(
        lambda sep: "\n".join(sep.join(r) for r in rows)))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(_CSV_TEXT.map(lambda t: t.encode("utf-8")), st.binary(max_size=80)),
       label=st.sampled_from([-1, 0, 1, 5, -9, "y", "a"]))
def test_any_csv_gives_a_clean_data_set_or_a_dataset_error(data, label):
    with tempfile.TemporaryDirectory() as folder:
        f = Path(folder) / "fuzz.csv"
        f.write_bytes(data)
        try:
            x, y = ds.load_csv(f, label)
        except ds.DatasetError as exc:
            assert "fuzz.csv" in str(exc)
            return
    assert x.dtype == np.float32 and x.ndim == 2 and x.shape[1] >= 1
    assert np.isfinite(x).all()
    assert y.dtype == np.int64 and y.shape == (len(x),) and len(x) >= 1
    assert 0 <= y.min() and y.max() < ds.MAX_CLASSES


def _idx(shape, code: int = 0x08) -> bytes:
    return bytes([0, 0, code, len(shape)]) + b"".join(d.to_bytes(4, "big") for d in shape)


def _peak(fn) -> int:
    """Bytes allocated at the peak while ``fn`` runs (numpy's arrays included)."""
    tracemalloc.start()
    try:
        fn()
    except ds.DatasetError:
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


@pytest.mark.parametrize("shape", [(2**32 - 1,) * 4, (2**31, 2**31, 4), (0xFFFFFFFF, 2)])
def test_idx_dimensions_that_overflow_are_refused_by_their_size(tmp_path, shape):
    f = tmp_path / "big-idx1-ubyte"
    f.write_bytes(_idx(shape) + b"\x00" * 16)
    with pytest.raises(ds.DatasetError, match="declares a .* array of .* bytes, more than"):
        read_idx(f)


def test_50_bytes_that_declare_500_mb_allocate_nothing_near_it(tmp_path):
    f = tmp_path / "lie-idx3-ubyte"
    f.write_bytes(_idx((500, 1000, 1000)) + b"\x07" * 34)        # 50 bytes in all
    assert f.stat().st_size == 50
    with pytest.raises(ds.DatasetError, match="truncated: shape .* needs 500,000,000 bytes"):
        read_idx(f)
    assert _peak(lambda: read_idx(f)) < 256 * 1024


def _gzip_stream(header: bytes, zeros: int) -> bytes:
    """A gzip file: ``header`` then ``zeros`` zero bytes, compressed as a bomb is."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [comp.compress(header)]
    block = bytes(1 << 20)
    for start in range(0, zeros, len(block)):
        parts.append(comp.compress(block[:min(len(block), zeros - start)]))
    parts.append(comp.flush())
    return b"".join(parts)


def test_a_gzip_bomb_is_refused_by_its_header_before_it_is_decompressed(tmp_path):
    f = tmp_path / "bomb-idx3-ubyte.gz"
    f.write_bytes(_gzip_stream(_idx((1024, 1024, 1024)), 64 << 20))    # declares 1 GiB
    assert f.stat().st_size < 200_000
    with pytest.raises(ds.DatasetError, match="1,073,741,824 bytes, more than"):
        read_idx(f)
    assert _peak(lambda: read_idx(f)) < 1 << 20


def test_a_gzip_header_that_declares_more_than_deflate_can_hold_is_refused(tmp_path):
    f = tmp_path / "lie-idx3-ubyte.gz"
    f.write_bytes(_gzip_stream(_idx((400, 1000, 1000)), 1 << 20))       # 400 MB from ~1 KB
    assert MAX_IDX_BYTES >= 400_000_000
    with pytest.raises(ds.DatasetError, match="needs 400,000,000 bytes.*could ever hold"):
        read_idx(f)
    assert _peak(lambda: read_idx(f)) < 1 << 20


def test_data_after_the_declared_array_is_not_decompressed(tmp_path):
    f = tmp_path / "tail-idx1-ubyte.gz"
    f.write_bytes(_gzip_stream(_idx((10,)), 64 << 20))     # 10 bytes, then 64 MB of zeros
    with pytest.raises(ds.DatasetError, match="unexpected data after the \\(10,\\) array"):
        read_idx(f)
    assert _peak(lambda: read_idx(f)) < 1 << 20


def test_real_idx_files_still_read_plain_and_gzipped(tmp_path):
    images = np.arange(3 * 28 * 28, dtype=np.uint8).reshape(3, 28, 28)
    for name in ("a-idx3-ubyte", "a-idx3-ubyte.gz"):
        write_idx(tmp_path / name, images)
        np.testing.assert_array_equal(read_idx(tmp_path / name), images)
    floats = np.linspace(-1, 1, 6).reshape(2, 3)
    write_idx(tmp_path / "f-idx2", floats)
    np.testing.assert_array_equal(read_idx(tmp_path / "f-idx2"), floats)


_IDX_BYTES = st.one_of(
    st.binary(max_size=64),
    st.tuples(st.sampled_from([0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x00, 0xFF]),
              st.lists(st.one_of(st.integers(0, 6), st.integers(0, 2**32 - 1)), max_size=4),
              st.binary(max_size=96))
    .map(lambda t: bytes([0, 0, t[0], len(t[1])])
         + b"".join(d.to_bytes(4, "big") for d in t[1]) + t[2]))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_IDX_BYTES, compress=st.sampled_from([False, True, "cut"]))
@example(data=b'\x00\x00\x08\x03\x00\x00\x00\x00\xb5\x04\xc4\x17\xb5\x05"Q',
         compress=False)            # an empty array with sizes no array can have (found)
def test_any_idx_bytes_give_an_array_or_a_dataset_error_in_bounded_memory(data, compress):
    if compress:
        data = gzip.compress(data)
        if compress == "cut":
            data = data[:len(data) // 2]
    with tempfile.TemporaryDirectory() as folder:
        f = Path(folder) / "fuzz-idx"
        f.write_bytes(data)
        tracemalloc.start()
        try:
            arr = read_idx(f)
        except ds.DatasetError as exc:
            assert "fuzz-idx" in str(exc)
            arr = None
        finally:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    if arr is not None:
        assert arr.size * arr.itemsize <= len(data) * 1032
    assert peak < 256 * 1024 + 4 * len(data)       # gzip's buffers, then the data itself
