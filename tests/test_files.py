"""Every loader reads regular files only: FIFOs, devices and directories are refused by name."""

import os
import socket
import stat
from pathlib import Path

import pytest

from zeronn.io.datasets import read_idx
from zeronn.io.files import open_regular
from zeronn.io.npy import load
from zeronn.io.numpy_pickle import load_numpy_pickle
from zeronn.nn.dense import load_network

LOADERS = [open_regular, read_idx, load_numpy_pickle, load, load_network]


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


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused_by_name(tmp_path):
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        with pytest.raises(ValueError, match=r"s\.sock is a socket, not a regular file"):
            open_regular(path)


def test_a_block_device_is_refused_by_name():
    devices = Path("/dev").iterdir() if Path("/dev").is_dir() else []
    block = next((path for path in devices if _is_block_device(path)), None)
    if block is None:
        pytest.skip("no block device here")
    with pytest.raises(ValueError, match=f"{block.name} is a block device, not a regular file"):
        open_regular(block)


def _is_block_device(path):
    try:
        return stat.S_ISBLK(os.stat(path).st_mode)
    except OSError:
        return False
