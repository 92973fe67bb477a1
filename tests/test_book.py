"""The book runner's stand-ins, without the book: matplotlib in the terminal, NumPy's
pickle internals refused, and the MNIST files copied where the book's loader looks.
(tests/test_book_scripts.py runs the book's own scripts with them.)"""

import io
import pickle

import pytest

from zeronn.tools.book import PyplotStandIn, _ImageStandIn, run_script


def drawn(*calls):
    out = io.StringIO()
    plt = PyplotStandIn(out)
    for name, args in calls:
        getattr(plt, name)(*args)
    plt.show()
    return out.getvalue().splitlines()


def test_plot_of_y_alone_draws_it_against_its_positions_and_numbers_unlabelled_lines():
    lines = drawn(("plot", ([0, 1, 4],)), ("plot", ([0, 1, 2], [2, 2, 2], "k--")))
    assert lines[0].startswith("4 ┤") and lines[-4].startswith("0 ┤")
    assert lines[-2].split() == ["0", "2"]  # x runs over the positions 0, 1, 2
    assert lines[-1] == "   ─ line 1, ┄ line 2"  # numbered from 1; "k--" is dashed


def test_a_format_or_a_linestyle_dashes_a_line_and_labels_reach_the_legend():
    lines = drawn(("plot", ([0, 1, 4], "--")), ("plot", ([0, 1, 2], [1, 1, 1], "r")),
                  ("xlabel", ("epochs",)), ("ylabel", ("accuracy",)))
    assert lines[-1] == "   ┄ line 1, ─ line 2; x: epochs, y: accuracy"  # plot(y, fmt) reads the format too
    dashed = PyplotStandIn(io.StringIO())
    dashed.plot([0, 1], linestyle="dashed", label="test acc")
    dashed.plot([1, 0], linestyle="--")
    dashed.ylabel("loss")  # after xlabel or alone: the other label is kept
    dashed.xlabel("iteration")
    dashed.show()
    assert dashed._out.getvalue().splitlines()[-1].strip() == "┄ test acc, ┄ line 2; x: iteration, y: loss"


def test_calls_a_terminal_cannot_draw_are_named_once_and_layout_calls_are_not():
    lines = drawn(("plot", ([1, 2],)), ("grid", ()), ("legend", ()), ("xlim", (0, 1)), ("quiver", (1,)),
                  ("imshow", (2,)), ("quiver", (3,)))
    assert lines[-1] == "(matplotlib: imshow, quiver not drawn in the terminal)"
    layout = ["legend", "figure", "grid", "draw", "xlim", "xticks", "yticks", "tight_layout", "close"]
    assert drawn(*((name, ()) for name in layout)) == []  # nothing drawn, nothing to say


def test_the_pyplot_stand_in_is_named_as_the_module_it_stands_in_for():
    assert PyplotStandIn(io.StringIO()).__name__ == "matplotlib.pyplot"


def test_a_chart_is_16_rows_high_between_its_title_and_its_axis():
    lines = drawn(("plot", ([0.0, 1.0, 4.0],)), ("title", ("squares",)))
    axis = next(number for number, line in enumerate(lines) if line.lstrip().startswith("└"))
    assert lines[0].strip() == "squares" and axis == 17  # the title, 16 rows, then the x axis
    assert all(("┤" in line or "│" in line) for line in lines[1:axis])


def test_a_script_sees_numpy_matplotlib_and_pil_as_stand_ins(tmp_path):
    script = tmp_path / "show.py"
    script.write_text(
        "import numpy as np\n"
        "import matplotlib.pyplot as plt\n"
        "from PIL import Image\n"
        "Image.fromarray(np.zeros((2, 3), dtype=np.uint8)).show()\n"
        "plt.plot([1, 2]); plt.close()\n"  # nothing drawn without show(), and close needs no note
    )
    out = io.StringIO()
    run_script(script, out=out)
    assert out.getvalue() == "(PIL: an image of shape (2, 3) would open in a window; not shown in the terminal)\n"
    shapeless = io.StringIO()
    _ImageStandIn(PyplotStandIn(shapeless)).fromarray([[0, 1]]).show()  # a list has no shape to name
    assert shapeless.getvalue() == "(PIL: an image of shape ? would open in a window; not shown in the terminal)\n"


def test_ylim_fixes_the_axis_in_either_form():
    assert drawn(("plot", ([0.0, 1.0],)), ("ylim", (-1, 3)))[0].startswith(" 3 ┤")
    assert drawn(("plot", ([0.0, 1.0],)), ("ylim", ((-1, 3),)))[0].startswith(" 3 ┤")


def test_a_script_that_unpickles_numpy_arrays_is_told_why_not(tmp_path):
    script = tmp_path / "load.py"
    # What pickle.dumps(numpy_array) begins with: a call of numpy.core.multiarray._reconstruct.
    script.write_text("import pickle\npickle.loads(b'\\x80\\x02cnumpy.core.multiarray\\n_reconstruct\\nq\\x00.')\n")
    with pytest.raises(pickle.UnpicklingError, match=r"numpy\.core\.multiarray\._reconstruct: .*load_numpy_pickle"):
        run_script(script)


def test_mnist_files_are_copied_into_the_books_dataset_folder_once(tmp_path):
    source, book = tmp_path / "mnist", tmp_path / "book"
    source.mkdir()
    (book / "ch05").mkdir(parents=True)
    script = book / "ch05" / "hello.py"
    script.write_text("print('ran')\n")
    with pytest.raises(FileNotFoundError, match="the book's dataset/ folder is not at"):
        run_script(script, mnist=str(source))
    (book / "dataset").mkdir()
    with pytest.raises(FileNotFoundError, match="MNIST file train-images-idx3-ubyte.gz not found"):
        run_script(script, mnist=str(source))
    names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
             "t10k-labels-idx1-ubyte.gz"]
    for name in names:
        (source / name).write_bytes(name.encode())
    out = io.StringIO()
    run_script(script, mnist=str(source), out=out)
    assert out.getvalue().splitlines() == [f"(copied {name} into {book / 'dataset'})" for name in names]
    assert [(book / "dataset" / name).read_bytes() for name in names] == [name.encode() for name in names]
    out = io.StringIO()
    run_script(script, mnist=str(source), out=out)
    assert out.getvalue() == ""  # already there: not copied again
