"""Every loader reads regular files only: FIFOs, devices and directories are refused by name."""

import os
from pathlib import Path

import pytest

from zeronn.datasets import read_idx
from zeronn.files import open_regular
from zeronn.numpy_pickle import load_numpy_pickle
from zeronn.weights import load_network

LOADERS = [open_regular, read_idx, load_numpy_pickle, load_network]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("load", LOADERS, ids=lambda load: load.__name__)
def test_special_files_are_refused_by_kind_before_a_byte_is_read(tmp_path, load):
    fifo = tmp_path / "data.bin"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match=r"data.bin is a FIFO \(named pipe\), not a regular file"):
        load(fifo)  # opening it would wait forever for a writer
    with pytest.raises(ValueError, match="is a directory, not a regular file"):
        load(tmp_path)
    if Path("/dev/zero").exists():
        (tmp_path / "zeros").symlink_to("/dev/zero")
        with pytest.raises(ValueError, match="zeros is a character device, not a regular file"):
            load(tmp_path / "zeros")  # reading it would never end


@pytest.mark.parametrize("load", LOADERS, ids=lambda load: load.__name__)
def test_a_missing_file_is_file_not_found(tmp_path, load):
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "missing")
