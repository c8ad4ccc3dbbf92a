"""``graphviz-nn train`` on a tiny run, with --plot, and with bad arguments."""

import struct
import zlib

import numpy as np
import pytest

from graphviz_nn import cli, train_cli
from graphviz_nn.nn.curves import TRAIN, VAL


def read_png(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        chunks[kind] = chunks.get(kind, b"") + body
        pos += 12 + length
    w, h = struct.unpack(">II", chunks[b"IHDR"][:8])
    raw = np.frombuffer(zlib.decompress(chunks[b"IDAT"]), np.uint8).reshape(h, 1 + 3 * w)
    return raw[:, 1:].reshape(h, w, 3)


def test_tiny_run_with_plot(tmp_path, capsys):
    png = tmp_path / "curves.png"
    code = train_cli.main(["--dataset", "gaussian", "--samples", "200", "--layers", "8",
                           "--optimizer", "adam", "--lr", "0.05", "--epochs", "15",
                           "--batch-size", "16", "--seed", "1", "--validation-split", "0.25",
                           "--plot", str(png)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "epoch 1/15" in err and "epoch 15/15" in err          # one bar per epoch
    final = dict(zip(out.split()[::2], out.split()[1::2], strict=False))
    assert float(final["accuracy"]) >= 0.9 and float(final["val_accuracy"]) >= 0.9
    assert "curves saved to" in out
    img = read_png(png)
    assert img.shape == (400, 1000, 3)
    for color in (TRAIN, VAL):                                    # both curves are drawn
        hits = np.all(img == color, axis=2)
        assert hits[:, :500].sum() > 100 and hits[:, 500:].sum() > 100


def test_cli_dispatches_train(capsys):
    assert cli.main(["train", "--dataset", "xor", "--samples", "64", "--epochs", "1",
                     "--quiet"]) == 0
    assert "loss" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["--layers", "64,x"], "--layers: layer sizes must be whole numbers"),
    (["--dataset", "swirl"], "invalid choice: 'swirl'"),
    (["--epochs", "0"], "--epochs must be at least 1"),
    (["--lr", "-1"], "--lr must be a positive number"),
    (["--optimizer", "adamw"], "invalid choice: 'adamw'"),
    (["--validation-split", "1.5"], "--validation-split"),
    (["--noise", "7"], "noise must be between 0 and 1"),
    (["--plot", "curves.jpg"], "PNG"),
    (["--batch-size", "many"], "invalid int value"),
    (["--frobnicate"], "unrecognized arguments"),
])
def test_bad_arguments_one_line_exit_2(capsys, argv, message):
    assert train_cli.main(argv) == 2
    out, err = capsys.readouterr()
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_unreadable_data_is_one_line_exit_1(tmp_path, capsys):
    bad = tmp_path / "data.csv"
    bad.write_text("a,b,label\n1,2\n")
    assert train_cli.main(["--csv", str(bad), "--label-column", "label"]) == 1
    err = capsys.readouterr().err
    assert "data.csv" in err and len(err.strip().splitlines()) == 1


def test_blow_up_is_reported(capsys):
    code = train_cli.main(["--dataset", "spiral", "--lr", "1e30", "--epochs", "3", "--quiet",
                           "--noise", "0.2"])
    err = capsys.readouterr().err
    assert code == 1 and "NaN/inf" in err and "smaller --lr" in err


def test_a_data_set_that_cannot_be_had_points_at_data_dir(tmp_path, monkeypatch, capsys):
    import urllib.request

    def offline(url, timeout):
        raise OSError("Temporary failure in name resolution")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    monkeypatch.setenv("GRAPHVIZ_NN_CACHE", str(tmp_path / "cache"))
    assert train_cli.main(["--dataset", "fashion_mnist", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "--data-dir" in err and "path=" not in err
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                 "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        assert name in err
    (tmp_path / "empty").mkdir()
    assert train_cli.main(["--dataset", "mnist", "--data-dir", str(tmp_path / "empty")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "--data-dir" in err and "empty" in err
