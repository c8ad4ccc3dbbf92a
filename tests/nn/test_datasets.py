"""Data sets: the playground generators, the IDX reader on files written here (and broken
ones), the checked download (no network: a fake opener), CSV, and the preprocessing helpers."""

import gzip
import hashlib
import io

import numpy as np
import pytest

from graphviz_nn import datasets as ds
from graphviz_nn.datasets.idx import fetch, write_idx


@pytest.mark.parametrize("name", ds.PLAYGROUND)
def test_playground_sets_shape_labels_and_seed(name):
    x, y = ds.playground(name, n=301, noise=0.2, seed=4)
    assert x.shape == (301, 2) and x.dtype == np.float32
    assert y.shape == (301,) and y.dtype == np.int64
    assert set(np.unique(y)) == {0, 1}
    assert 0.3 < y.mean() < 0.7                      # both classes well represented
    assert np.abs(x).max() < 8                       # the playground's [-6, 6] square, roughly
    x2, y2 = ds.playground(name, n=301, noise=0.2, seed=4)
    np.testing.assert_array_equal(x, x2)
    np.testing.assert_array_equal(y, y2)
    x3, _ = ds.playground(name, n=301, noise=0.2, seed=5)
    assert not np.array_equal(x, x3)


def test_spiral_without_noise_is_two_arms_of_the_same_radius():
    x, y = ds.spiral(n=400, noise=0.0)
    r = np.hypot(x[:, 0], x[:, 1])
    assert r.max() <= 5.0 + 1e-5
    # the two spirals are the same curve turned by 180 degrees
    a = x[y == 0][np.argsort(r[y == 0])]
    b = x[y == 1][np.argsort(r[y == 1])]
    np.testing.assert_allclose(a, -b, atol=1e-4)


def test_circles_inner_disc_is_one_class_without_noise():
    x, y = ds.circles(n=500, noise=0.0)
    r = np.hypot(x[:, 0], x[:, 1])
    assert (r[y == 1] < 2.5).all() and (r[y == 0] >= 3.5).all()


def test_xor_label_is_sign_of_product_without_noise():
    x, y = ds.xor(n=500, noise=0.0)
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] >= 0).astype(int))


def test_bad_generator_arguments():
    with pytest.raises(ValueError, match="noise"):
        ds.spiral(noise=3)
    with pytest.raises(ValueError, match="n must"):
        ds.moons(n=1)
    with pytest.raises(ValueError, match="unknown data set 'swirl'"):
        ds.playground("swirl")


def test_idx_round_trip(tmp_path):
    imgs = np.random.default_rng(0).integers(0, 256, (5, 28, 28), dtype=np.uint8)
    labels = np.array([3, 1, 4, 1, 5], np.uint8)
    write_idx(tmp_path / "imgs.gz", imgs)
    write_idx(tmp_path / "labels", labels)
    np.testing.assert_array_equal(ds.read_idx(tmp_path / "imgs.gz"), imgs)
    np.testing.assert_array_equal(ds.read_idx(tmp_path / "labels"), labels)
    # the header as the format defines it, written by hand
    raw = b"\x00\x00\x08\x02" + (2).to_bytes(4, "big") + (3).to_bytes(4, "big") + bytes(range(6))
    (tmp_path / "hand.gz").write_bytes(gzip.compress(raw))
    np.testing.assert_array_equal(ds.read_idx(tmp_path / "hand.gz"), [[0, 1, 2], [3, 4, 5]])


@pytest.mark.parametrize("content, message", [
    (b"", "not an IDX file"),
    (b"PK\x03\x04 a zip file", "not an IDX file"),
    (b"\x00\x00\x08\x03\x00\x00", "truncated IDX header"),
    (b"\x00\x00\x08\x01" + (10).to_bytes(4, "big") + bytes(7), "truncated"),
    (b"\x00\x00\x08\x01" + (2).to_bytes(4, "big") + bytes(5), "unexpected data"),
])
def test_broken_idx_files_name_the_file(tmp_path, content, message):
    f = tmp_path / "broken-idx1-ubyte"
    f.write_bytes(content)
    with pytest.raises(ds.DatasetError, match=message) as err:
        ds.read_idx(f)
    assert str(f) in str(err.value)


def test_truncated_gzip_names_the_file(tmp_path):
    good = gzip.compress(b"\x00\x00\x08\x01" + (1000).to_bytes(4, "big") + bytes(1000))
    f = tmp_path / "t10k-labels-idx1-ubyte.gz"
    f.write_bytes(good[: len(good) // 2])
    with pytest.raises(ds.DatasetError, match="corrupt or truncated gzip") as err:
        ds.read_idx(f)
    assert "t10k-labels-idx1-ubyte.gz" in str(err.value)
    with pytest.raises(ds.DatasetError, match="cannot read"):
        ds.read_idx(tmp_path / "missing.gz")


def _tiny_mnist(folder, n_train=6, n_test=4):
    rng = np.random.default_rng(1)
    parts = {"train": n_train, "t10k": n_test}
    for part, n in parts.items():
        write_idx(folder / f"{part}-images-idx3-ubyte.gz",
                  rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(folder / f"{part}-labels-idx1-ubyte.gz", rng.integers(0, 10, n).astype(np.uint8))


def test_mnist_from_a_user_folder(tmp_path):
    _tiny_mnist(tmp_path)
    (xtr, ytr), (xte, yte) = ds.mnist(path=tmp_path)
    assert xtr.shape == (6, 28, 28) and xtr.dtype == np.uint8
    assert ytr.dtype == np.int64 and yte.shape == (4,)
    x = ds.flatten(ds.scale_pixels(xtr))
    assert x.shape == (6, 784) and x.dtype == np.float32 and x.max() <= 1.0
    (tmp_path / "t10k-labels-idx1-ubyte.gz").write_bytes(b"garbage")
    with pytest.raises(ds.DatasetError, match="t10k-labels-idx1-ubyte.gz"):
        ds.fashion_mnist(path=tmp_path)
    with pytest.raises(ds.DatasetError, match="no such folder"):
        ds.mnist(path=tmp_path / "nope")


class FakeResponse(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.headers = {"Content-Length": str(len(data))}


def test_fetch_downloads_once_checks_md5_and_reports_progress(tmp_path):
    payload = gzip.compress(b"\x00\x00\x08\x01" + (3).to_bytes(4, "big") + b"\x01\x02\x03")
    md5 = hashlib.md5(payload).hexdigest()
    calls, progress = [], []

    def opener(url, timeout):
        calls.append(url)
        if "bad-mirror" in url:
            raise OSError("connection refused")
        if "wrong" in url:
            return FakeResponse(payload + b"tampered")
        return FakeResponse(payload)

    urls = ["http://bad-mirror/x.gz", "http://wrong/x.gz", "http://good/x.gz"]
    path = fetch(urls, "x.gz", md5, tmp_path, lambda d, t, n: progress.append((d, t, n)),
                 opener=opener)
    assert path.read_bytes() == payload
    assert calls == urls
    assert progress[-1] == (len(payload), len(payload), "x.gz")
    assert list(tmp_path.iterdir()) == [path]           # no leftover partial file
    fetch(urls, "x.gz", md5, tmp_path, opener=opener)   # cached: no second download
    assert len(calls) == 3
    with pytest.raises(ds.DatasetError, match="checksum") as err:
        fetch(["http://wrong/y.gz"], "y.gz", md5, tmp_path, opener=opener)
    assert "y.gz" in str(err.value)


def test_load_csv_with_header_and_text_labels(tmp_path):
    f = tmp_path / "iris.csv"
    f.write_text("a,b,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n")
    x, y = ds.load_csv(f, "species")
    np.testing.assert_array_equal(x, [[1, 2], [3, 4], [5, 6]])
    np.testing.assert_array_equal(y, [0, 1, 0])
    assert ds.load_csv.classes == ["setosa", "virginica"]
    g = tmp_path / "nohead.csv"
    g.write_text("0,1.5,2\n1,2.5,3\n")
    x, y = ds.load_csv(g, 0)
    np.testing.assert_array_equal(y, [0, 1])
    np.testing.assert_array_equal(x, [[1.5, 2], [2.5, 3]])


@pytest.mark.parametrize("text, label, message", [
    ("a,b\n1,2\n", "c", "no column named 'c'"),
    ("a,b,c\n1,2,0\n1,x,1\n", "c", "line 3: 'x' in column 'b' is not a number"),
    ("a,b,c\n1,2,0\n1,2\n", "c", "line 3: 2 values, expected 3"),
    ("", -1, "empty"),
])
def test_bad_csv_names_the_file(tmp_path, text, label, message):
    f = tmp_path / "data.csv"
    f.write_text(text)
    with pytest.raises(ds.DatasetError, match=message) as err:
        ds.load_csv(f, label)
    assert "data.csv" in str(err.value)


def test_helpers():
    np.testing.assert_array_equal(ds.one_hot(np.array([2, 0]), 3), [[0, 0, 1], [1, 0, 0]])
    assert ds.scale_pixels(np.array([0, 255], np.uint8)).tolist() == [0.0, 1.0]
    x, y = np.arange(100).reshape(50, 2), np.arange(50)
    (a, ya), (b, yb), (c, yc) = ds.train_val_test_split(x, y, val=0.2, test=0.1, seed=0)
    assert (len(a), len(b), len(c)) == (35, 10, 5)
    assert sorted(np.concatenate([ya, yb, yc]).tolist()) == list(range(50))
    np.testing.assert_array_equal(a[:, 0] // 2, ya)       # rows stay with their labels
    with pytest.raises(ValueError, match="val \\+ test < 1"):
        ds.train_val_test_split(x, y, val=0.6, test=0.5)


def test_digits_when_sklearn_is_there():
    pytest.importorskip("sklearn")
    x, y = ds.digits()
    assert x.shape == (1797, 64) and x.dtype == np.float32
    assert 0.0 <= x.min() and x.max() == 1.0
    assert set(np.unique(y)) == set(range(10))


def test_a_data_set_that_cannot_be_had_names_its_four_files_and_their_source(tmp_path,
                                                                             monkeypatch):
    import urllib.request

    def offline(url, timeout):
        raise OSError("Temporary failure in name resolution")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
    with pytest.raises(ds.DatasetUnavailable) as err:
        ds.fashion_mnist(cache_dir=tmp_path / "cache")
    e = err.value
    assert e.what == "Fashion-MNIST" and list(e.files) == names and e.folder is None
    assert "could not download" in e.reason and "name resolution" in e.reason
    assert e.sources[0].startswith("https://") and "tf-keras-datasets" in e.sources[0]
    assert all(n in str(e) for n in names) and "path=" not in str(e)
    _tiny_mnist(tmp_path)
    (tmp_path / names[3]).unlink()                   # a folder with three of the four
    with pytest.raises(ds.DatasetUnavailable) as err:
        ds.mnist(path=tmp_path)
    assert err.value.missing == (names[3],) and names[3] in err.value.reason
