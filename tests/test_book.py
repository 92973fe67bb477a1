"""The book runner's stand-ins, without the book: matplotlib and PIL drawn in the terminal
and as SVG, pickle read by the safe reader, a smaller MNIST, and the MNIST files copied
where the book's loader looks. (tests/test_book_scripts.py runs the book's own scripts.)"""

import contextlib
import io
import pickle

import pytest

import zeronn
from zeronn.io.png import write_png
from zeronn.tools.book import run_script, safe_pickle_module
from zeronn.tools.pyplot import PilImageModule, PyplotStandIn


def drawn(*calls):
    out = io.StringIO()
    plt = PyplotStandIn(out)
    for name, args in calls:
        getattr(plt, name)(*args)
    plt.show()
    return out.getvalue().splitlines()


def run(tmp_path, code, **options):
    """What a script prints, and what the stand-ins draw, all in one text (as on a terminal)."""
    (tmp_path / "ch01").mkdir(exist_ok=True)
    script = tmp_path / "ch01" / "script.py"
    script.write_text(code)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_script(script, out=out, **options)
    return out.getvalue()


# --- lines --------------------------------------------------------------------------------

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


def test_a_point_given_as_two_numbers_is_plotted():  # ch06/optimizer_compare_naive.py: plt.plot(0, 0, '+')
    lines = drawn(("plot", ([-1.0, 1.0], [-1.0, 1.0], "o-")), ("plot", (0, 0, "+")))
    assert lines[-1].strip() == "─ line 1, ─ line 2" and lines[0].lstrip().startswith("1 ┤")


def test_calls_a_terminal_cannot_draw_are_named_once_and_layout_calls_are_not():
    lines = drawn(("plot", ([1, 2],)), ("grid", ()), ("legend", ()), ("xlim", (0, 1)), ("quiver", (1,)),
                  ("contour", (2,)), ("quiver", (3,)))
    assert lines[-1] == "(matplotlib: contour, quiver not drawn in the terminal)"
    layout = ["legend", "figure", "grid", "draw", "xlim", "xticks", "yticks", "tight_layout", "close"]
    assert drawn(*((name, ()) for name in layout)) == []  # nothing drawn, nothing to say


def test_a_panel_and_a_figure_take_any_method_too():
    out = io.StringIO()
    plt = PyplotStandIn(out)
    figure = plt.figure()
    figure.suptitle("all")
    axes = figure.add_subplot(111)
    axes.plot([0, 1], [1, 2])
    axes.set_xticks([]), axes.set_xlim(0, 1), axes.legend(), axes.quiver(1, 2)
    plt.show()
    assert out.getvalue().splitlines()[-1] == "(matplotlib: quiver not drawn in the terminal)"


def test_the_pyplot_stand_in_is_named_as_the_module_it_stands_in_for():
    assert PyplotStandIn(io.StringIO()).__name__ == "matplotlib.pyplot"


def test_a_chart_is_16_rows_high_between_its_title_and_its_axis():
    lines = drawn(("plot", ([0.0, 1.0, 4.0],)), ("title", ("squares",)))
    axis = next(number for number, line in enumerate(lines) if line.lstrip().startswith("└"))
    assert lines[0].strip() == "squares" and axis == 17  # the title, 16 rows, then the x axis
    assert all(("┤" in line or "│" in line) for line in lines[1:axis])


def test_ylim_fixes_the_axis_in_either_form():
    assert drawn(("plot", ([0.0, 1.0],)), ("ylim", (-1, 3)))[0].startswith(" 3 ┤")
    assert drawn(("plot", ([0.0, 1.0],)), ("ylim", ((-1, 3),)))[0].startswith(" 3 ┤")


def test_subplots_are_charts_of_their_own_ten_rows_high():
    out = io.StringIO()
    plt = PyplotStandIn(out)
    for index, title in ((1, "SGD"), (2, "Adam")):
        plt.subplot(2, 2, index)
        plt.plot([0, 1], [index, 0])
        plt.title(title)
    plt.show()
    lines = out.getvalue().splitlines()
    assert [line.strip() for line in lines if line.strip() in ("SGD", "Adam")] == ["SGD", "Adam"]
    assert len(lines) == 2 * (1 + 10 + 2)  # each: its title, ten rows, the axis and its numbers


def test_a_histogram_is_the_line_of_its_counts():  # ch06/weight_init_activation_histogram.py
    plt = PyplotStandIn(io.StringIO())
    counts, edges, _ = plt.hist(zeronn.tensor([0.05, 0.1, 0.5, 0.95, 1.0]), 4, range=(0, 1))
    assert counts == [2, 0, 1, 2] and edges == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert plt.gca().series[0].y == (2.0, 0.0, 1.0, 2.0)


# --- pictures -------------------------------------------------------------------------------

def test_imshow_shades_a_picture_scaled_from_its_least_to_its_greatest_value():
    lines = drawn(("imshow", (zeronn.tensor([[0.0, 2.0], [4.0, 8.0]]),)))
    assert lines == ["  ░░", "▒▒██"]  # "gray": dark (0) to light (8), each pixel two columns wide


def test_filters_in_subplots_are_laid_out_as_their_grid():  # ch07/visualize_filter.py, apply_filter.py
    out = io.StringIO()
    plt = PyplotStandIn(out)
    figure = plt.figure()
    figure.subplots_adjust(left=0, right=1, bottom=0, top=1, hspace=0.05, wspace=0.05)
    for index in range(1, 5):
        axes = figure.add_subplot(2, 2, index, xticks=[], yticks=[])
        axes.imshow(zeronn.eye(3) * index, cmap=plt.cm.gray_r, interpolation="nearest")
    plt.show()
    # Four 3 x 3 identities through gray_r (1 is black): two panels to a row, as subplot(2, 2, i) lays them.
    assert out.getvalue().splitlines() == ["  ████   ████", "██  ██ ██  ██", "████   ████"] * 2


def test_an_rgb_picture_is_drawn_by_its_brightness(tmp_path):
    text = run(tmp_path, "import matplotlib.pyplot as plt\nimport numpy as np\n"
                         "plt.imshow(np.array([[[255, 255, 255], [0, 0, 0]]], dtype=np.uint8)); plt.show()\n")
    assert text == "@@\n"  # white, then black (a StringIO has no encoding: ASCII's shades)


def test_figures_are_written_as_svg_with_the_pixels_inside(tmp_path):
    text = run(tmp_path, "import matplotlib.pyplot as plt\n"
                         "plt.plot([0, 1], [1, 0]); plt.show()\n"
                         "fig = plt.figure(); ax = fig.add_subplot(1, 2, 2); ax.imshow([[0, 1]], cmap=plt.cm.gray_r)\n"
                         "plt.show()\n", figures=str(tmp_path / "figures"))
    assert f"(figure written to {tmp_path / 'figures' / 'figure-1.svg'})" in text
    chart = (tmp_path / "figures" / "figure-1.svg").read_text()
    picture = (tmp_path / "figures" / "figure-2.svg").read_text()
    assert chart.startswith("<svg ") and "<polyline" in chart and chart.count("<svg ") == 2
    assert 'style="image-rendering: pixelated"' in picture and "data:image/png;base64," in picture
    assert picture.count("<image ") == 1 and 'x="324.00"' in picture  # the second of two columns of 320 points


def test_imread_and_pil_read_png(tmp_path):
    (tmp_path / "ch01").mkdir()
    write_png(tmp_path / "ch01" / "picture.png", zeronn.tensor([[[255, 0, 0], [0, 0, 255]]], dtype="uint8"))
    text = run(tmp_path, "from matplotlib.image import imread\nfrom PIL import Image\n"
                         "img = imread('picture.png'); print(img.shape, img.dtype, img[0, 0])\n"
                         "picture = Image.open('picture.png'); print(picture.size, picture.mode)\n"
                         "picture.show()\n")
    assert text.splitlines()[:2] == ["(1, 2, 3) float32 [1. 0. 0.]", "(2, 1) RGB"]
    assert text.splitlines()[2] == "::.."  # red is brighter than blue


def test_pil_shows_grey_pixels_as_they_are():  # ch03/mnist_show.py: Image.fromarray(np.uint8(img)).show()
    out = io.StringIO()
    PilImageModule(PyplotStandIn(out)).fromarray(zeronn.tensor([[0, 255, 128]], dtype="uint8")).show()
    assert out.getvalue() == "  ██▒▒\n"  # not scaled to the picture's own range: 128 is mid-grey


def test_every_matplotlib_call_the_book_makes_is_taken(tmp_path):
    text = run(tmp_path, """
import matplotlib.pyplot as plt
import matplotlib.pylab as pylab
from mpl_toolkits.mplot3d import Axes3D
import numpy as np
x = np.arange(0, 6, 0.1)
plt.plot(x, np.exp(-x), label="exp", linestyle="--", marker="o", markevery=10, color="red")
plt.xlabel("x"); plt.ylabel("y"); plt.title("t"); plt.ylim(0, 1.0); plt.xlim(0, 6)
plt.legend(loc="lower right"); plt.grid(); plt.draw(); plt.xticks([]); plt.yticks([], [])
plt.quiver(x, x, x, x, angles="xy", color="#666666"); plt.contour(x, x, x)
plt.figure(); plt.subplot(1, 2, 1); plt.hist(x, 30, range=(0, 6)); plt.subplot(1, 2, 2); pylab.plot(x)
fig = plt.figure(); fig.subplots_adjust(left=0, right=1, bottom=0, top=1, hspace=0.05, wspace=0.05)
ax = fig.add_subplot(1, 1, 1, xticks=[], yticks=[]); ax.imshow(np.zeros((2, 2)), cmap=plt.cm.gray_r,
                                                                interpolation="nearest")
plt.show()
print("done")
""")
    assert "\n(matplotlib: contour, quiver not drawn in the terminal)\n" in text and text.endswith("@@@@\n@@@@\ndone\n")
    assert text.count("+---") == 3  # three charts: the exponential and the two panels, then the picture


def test_a_script_sees_numpy_matplotlib_and_pil_as_stand_ins(tmp_path):
    text = run(tmp_path, "import numpy as np\nimport matplotlib.pyplot as plt\nfrom PIL import Image\n"
                         "print(np is __import__('zeronn'))\nplt.plot([1, 2]); plt.close()\n")
    assert text == "True\n"  # nothing drawn without show(), and close needs no note


# --- pickle -----------------------------------------------------------------------------------

def test_the_books_pickle_dump_and_load_round_trip_zeronns_tensors(tmp_path):
    text = run(tmp_path, "import pickle\nimport numpy as np\n"
                         "data = {'train_img': np.arange(6, dtype=np.uint8).reshape(2, 3),\n"
                         "        'dtype': np.dtype('float32')}\n"
                         "with open('mnist.pkl', 'wb') as f:\n    pickle.dump(data, f, -1)\n"
                         "with open('mnist.pkl', 'rb') as f:\n    back = pickle.load(f)\n"
                         "print(back['train_img'], back['train_img'].dtype, back['dtype'])\n")
    assert text == "[[0 1 2]\n [3 4 5]] uint8 float32\n"


def test_a_numpy_pickle_loads_through_the_safe_reader(tmp_path):
    numpy = pytest.importorskip("numpy")
    (tmp_path / "ch01").mkdir()
    (tmp_path / "ch01" / "params.pkl").write_bytes(pickle.dumps({"W1": numpy.asfortranarray(numpy.eye(2, dtype="f4"))}))
    text = run(tmp_path, "import pickle\nwith open('params.pkl', 'rb') as f:\n    p = pickle.load(f)\n"
                         "print(p['W1'].dtype, p['W1'].strides, p['W1'].sum())\n")
    assert text == "float32 (4, 8) 2.0\n"


def test_a_refusal_names_the_file_it_came_from(tmp_path):
    (tmp_path / "ch01").mkdir()
    (tmp_path / "ch01" / "weights.pkl").write_bytes(b"cos\nsystem\n(S'touch hacked'\ntR.")
    with pytest.raises(pickle.UnpicklingError, match=r"^weights.pkl: at byte 0: global 'os.system' is forbidden.*"
                                                     r"zeronn never unpickles code"):
        run(tmp_path, "import pickle\nwith open('weights.pkl', 'rb') as f:\n    pickle.load(f)\n")
    assert not (tmp_path / "ch01" / "hacked").exists()


def test_the_safe_pickle_module_is_pythons_but_for_load():
    safe = safe_pickle_module()
    assert safe.dumps is pickle.dumps and safe.HIGHEST_PROTOCOL == pickle.HIGHEST_PROTOCOL
    assert safe.load is not pickle.load and safe.loads(pickle.dumps([1, (2, "a")])) == [1, (2, "a")]
    assert safe.loads(b"S'\\xc0'\n.", encoding="latin1") == "\xc0"
    with pytest.raises(pickle.UnpicklingError, match="<bytes>: at byte 0: 'ascii' codec can't decode"):
        safe.loads(b"S'\\xc0'\n.")  # pickle's own default encoding, ASCII, refuses it too


def test_numpy_internals_are_refused_when_reached_another_way(tmp_path):
    with pytest.raises(pickle.UnpicklingError, match=r"numpy\.core\.multiarray\._reconstruct: zeronn never unpickles"):
        run(tmp_path, "import io, pickle\n"
                      "pickle.Unpickler(io.BytesIO(b'\\x80\\x02cnumpy.core.multiarray\\n_reconstruct\\nq\\x00.')).load()\n")


# --- a smaller MNIST --------------------------------------------------------------------------

BOOKS_LOADER = '''import os, pickle
import numpy as np
save_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mnist.pkl")


def load_mnist(normalize=True, flatten=True, one_hot_label=False):
    """The book's loader, in small."""
    with open(save_file, "rb") as f:
        dataset = pickle.load(f)
    if normalize:
        for key in ("train_img", "test_img"):
            dataset[key] = dataset[key].astype(np.float32)
            dataset[key] /= 255.0
    return (dataset["train_img"], dataset["train_label"]), (dataset["test_img"], dataset["test_label"])
'''


def test_mnist_limit_shrinks_what_the_books_load_mnist_returns(tmp_path):
    """As in the book's dataset/mnist.py: load_mnist reads its pickle, then converts what it read."""
    (tmp_path / "dataset").mkdir()
    (tmp_path / "dataset" / "__init__.py").write_text("")
    (tmp_path / "dataset" / "mnist.py").write_text(BOOKS_LOADER)
    images = zeronn.arange(40, dtype="uint8").reshape(10, 4)
    (tmp_path / "dataset" / "mnist.pkl").write_bytes(pickle.dumps({
        "train_img": images, "train_label": zeronn.arange(10, dtype="uint8"),
        "test_img": images[:5].copy(), "test_label": zeronn.arange(5, dtype="uint8")}))
    code = ("import sys, os\nsys.path.append(os.pardir)\nfrom dataset.mnist import load_mnist\n"
            "(x, t), (xt, tt) = load_mnist()\n"
            "print(x.shape, t.shape, xt.shape, tt.shape, x.dtype, x[2, 3], load_mnist.__doc__)\n")
    assert run(tmp_path, code).split() == ["(10,", "4)", "(10,)", "(5,", "4)", "(5,)", "float32", "0.04313725605607033",
                                           "The", "book's", "loader,", "in", "small."]
    assert run(tmp_path, code, mnist_limit=3).split()[:8] == ["(3,", "4)", "(3,)", "(3,", "4)", "(3,)", "float32",
                                                             "0.04313725605607033"]
    assert run(tmp_path, code).split()[:2] == ["(10,", "4)"]  # the next run has the whole data set back
    with pytest.raises(ValueError, match="mnist_limit must be a positive int, got 0"):
        run(tmp_path, code, mnist_limit=0)


def test_each_script_imports_from_its_own_parent_folder(tmp_path):
    """The book's sys.path.append(os.pardir) is relative: run after run, it is each script's parent."""
    printed = []
    for book in ("first", "second"):
        (tmp_path / book / "common").mkdir(parents=True)
        (tmp_path / book / "common" / "__init__.py").write_text(f"NAME = {book!r}\n")
        (tmp_path / book / "ch01").mkdir()
        (tmp_path / book / "ch01" / "s.py").write_text("import sys, os\nsys.path.append(os.pardir)\n"
                                                       "import common\nprint(common.NAME)\n")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            run_script(tmp_path / book / "ch01" / "s.py")
        printed.append(out.getvalue())
    assert printed == ["first\n", "second\n"]


# --- the MNIST files ----------------------------------------------------------------------------

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

