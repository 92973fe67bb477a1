"""Make the small NumPy pickles in this folder (run once, with NumPy; not part of the suite).

    python tests/data/make_pickles.py

They were made with NumPy 2.4.6 on CPython 3.11.7. The tests read them with
zeronn.weights.load_numpy_pickle and compare against the values written below, so the
suite itself never needs NumPy. NumPy 2 writes ``numpy._core.multiarray``; the
``legacy`` file rewrites that to NumPy 1's ``numpy.core.multiarray``, as the book's
``sample_weight.pkl`` has it.
"""

import pickle
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
c_f4 = (np.arange(6, dtype="<f4").reshape(2, 3) - 2.5) / 4  # [[-0.625, -0.375, -0.125], [0.125, 0.375, 0.625]]
f_f8 = np.asfortranarray(np.array([[1.5, -2.0], [3.25, 4.0], [-5.0, 6.5]], dtype="<f8"))
big_f8 = np.array([1.0, -0.5, 1e-3], dtype=">f8")
ints = np.array([[0, -1, 2], [300, 4, -5]], dtype="<i8")


def write(name, value, protocol):
    (HERE / name).write_bytes(pickle.dumps(value, protocol=protocol))


for protocol in (2, 3, 4, 5):
    write(f"c_f4_p{protocol}.pkl", c_f4, protocol)
    write(f"fortran_f8_p{protocol}.pkl", f_f8, protocol)
write("big_endian_f8_p4.pkl", big_f8, 4)
write("ints_i8_p3.pkl", ints, 3)
write("complex_p3.pkl", np.array([1 + 2j]), 3)
write("object_p3.pkl", np.array([1, "a"], dtype=object), 3)
book_like = {"W1": np.asfortranarray(np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], dtype="<f4")),
             "b1": np.array([0.1, 0.2, 0.3], dtype="<f4")}
legacy = pickle.dumps(book_like, protocol=3).replace(b"numpy._core.multiarray", b"numpy.core.multiarray")
(HERE / "book_like_legacy_p3.pkl").write_bytes(legacy)
