"""Charts as SVG, Vega-Lite and text; the plot command writes what it says."""

import io
import json
import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zeronn import arange, relu, sigmoid, step
from zeronn.tools.cli import main
from zeronn.tools.plot import Chart, Series, line_chart, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"
X = arange(-5.0, 5.0, 0.1)


def polylines(svg_text):
    root = ET.fromstring(svg_text.encode())
    return root, root.findall(f"{SVG}polyline")


def points_of(polyline):
    return [tuple(map(float, pair.split(","))) for pair in polyline.get("points").split()]


def plot_area(root):
    frame = root.find(f"{SVG}rect[@fill='none']")
    x, y, w, h = (float(frame.get(k)) for k in ("x", "y", "width", "height"))
    return x, y, x + w, y + h


def compare_chart():
    return Chart([Series(X, sigmoid(X), "sigmoid"), Series(X, step(X), "step", dashed=True)],
                 title="Sigmoid & <step>", y_limits=(-0.1, 1.1))


def test_svg_is_well_formed_with_one_polyline_per_series_and_a_point_per_x():
    root, lines = polylines(compare_chart().to_svg())
    assert root.tag == f"{SVG}svg" and root.get("viewBox") == "0 0 600 400" and root.get("version") == "1.1"
    assert len(lines) == 2 and all(line.get("fill") == "none" for line in lines)
    assert all(len(points_of(line)) == X.size for line in lines)
    assert lines[1].get("stroke-dasharray") and not lines[0].get("stroke-dasharray")
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Sigmoid & <step>" in texts  # escaped in the file, read back as written
    assert "sigmoid" in texts and "step" in texts  # the legend
    assert {"-4", "-2", "0", "2", "4"} <= set(texts) and {"0", "0.5", "1"} <= set(texts)  # tick labels


@given(st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=30, unique=True))
@example([0.0, 5e-324])  # bounds whose halves are equal (found by hypothesis)
def test_a_monotone_function_gives_monotone_screen_points_inside_the_plot_area(xs):
    xs = sorted(xs)
    root, (line,) = polylines(line_chart(xs, [3 * x + 1 for x in xs]).to_svg())
    points = points_of(line)
    left, top, right, bottom = plot_area(root)
    assert [p[0] for p in points] == sorted(p[0] for p in points)
    assert [p[1] for p in points] == sorted((p[1] for p in points), reverse=True)  # up is up
    assert all(left - 0.01 <= x <= right + 0.01 and top - 0.01 <= y <= bottom + 0.01 for x, y in points)


def test_points_beyond_the_y_limits_stay_inside_and_nan_is_left_out():
    root, (line,) = polylines(line_chart([0, 1, 2, 3], [0.5, 9.0, math.nan, -9.0], y_limits=(0.0, 1.0)).to_svg())
    left, top, right, bottom = plot_area(root)
    points = points_of(line)
    assert len(points) == 3 and all(top <= y <= bottom for _, y in points)


def test_vega_lite_has_the_seeds_shape_and_its_data_round_trips():
    spec = json.loads(json.dumps(line_chart(X, relu(X), title="ReLU", y_limits=(-1.0, 5.5)).to_vega_lite()))
    assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json"
    assert (spec["width"], spec["height"], spec["title"], spec["mark"]) == (600, 400, "ReLU", "line")
    assert spec["encoding"]["x"]["field"] == "x" and spec["encoding"]["x"]["type"] == "quantitative"
    assert spec["encoding"]["y"]["type"] == "quantitative" and spec["encoding"]["y"]["scale"] == {"domain": [-1.0, 5.5]}
    values = spec["data"]["values"]
    assert [row["x"] for row in values] == X.tolist() and [row["y"] for row in values] == relu(X).tolist()


def test_vega_lite_tells_series_apart_by_colour_and_dash():
    spec = compare_chart().to_vega_lite()
    assert {row["series"] for row in spec["data"]["values"]} == {"sigmoid", "step"}
    assert len(spec["data"]["values"]) == 2 * X.size
    assert spec["encoding"]["color"]["field"] == "series"
    assert spec["encoding"]["strokeDash"]["scale"]["range"] == [[1, 0], [6, 4]]
    assert line_chart([0, 1], [math.inf, math.nan]).to_vega_lite()["data"]["values"][0]["y"] is None


def test_text_chart_fits_its_size_and_shows_both_ranges():
    for encoding in ("utf-8", "ascii"):
        text = line_chart(X, sigmoid(X), title="sigmoid", y_limits=(-0.1, 1.1)).to_text(80, 12, encoding)
        lines = text.splitlines()
        assert max(map(len, lines)) <= 80 and len(lines) == 1 + 12 + 2
        assert lines[1].lstrip().startswith("1.1") and lines[12].lstrip().startswith("-0.1")
        assert lines[-1].split() == ["-5", "4.9"]
    assert all(ord(c) < 128 for c in line_chart(X, X).to_text(encoding="ascii"))
    assert any(0x2800 <= ord(c) <= 0x28FF for c in line_chart(X, X).to_text(encoding="utf-8"))


def test_text_chart_of_relu_is_flat_then_rises_from_zero():
    rows = line_chart(X, relu(X), y_limits=(-1.0, 5.5)).to_text(width=80, height=20, encoding="ascii").splitlines()
    plot = [row.split("|", 1)[1] if "|" in row else "" for row in rows[:20]]
    lowest = {}  # column -> the lowest row drawn in it
    for number, row in enumerate(plot):
        for column, char in enumerate(row):
            if char == "*":
                lowest[column] = number
    columns = sorted(lowest)
    kink = columns[len(columns) // 2]  # x = 0 is in the middle of [-5, 5)
    left = {lowest[c] for c in columns if c < kink - 1}
    assert len(left) == 1  # flat: one row for every x < 0
    right = [lowest[c] for c in columns if c > kink + 1]
    assert right == sorted(right, reverse=True) and right[-1] < min(left)  # rising to the right


def test_save_picks_the_format_from_the_extension(tmp_path):
    chart = compare_chart()
    assert chart.save(tmp_path / "c.svg") == "svg" and ET.parse(tmp_path / "c.svg")
    assert chart.save(tmp_path / "c.vl.json") == "vega-lite"
    assert json.loads((tmp_path / "c.vl.json").read_text())["mark"] == "line"
    assert chart.save(tmp_path / "c.txt") == "text" and "Sigmoid" in (tmp_path / "c.txt").read_text()
    with pytest.raises(ValueError, match="cannot tell the format of"):
        chart.save(tmp_path / "c.png")


def test_bad_charts_are_clear_errors():
    with pytest.raises(ValueError, match="same length, got 2 and 1"):
        Series([1, 2], [1])
    with pytest.raises(TypeError, match=r"y must hold numbers; got str 'a' at \[1\]"):
        Series([1, 2], [1, "a"])
    with pytest.raises(ValueError, match="low < high"):
        line_chart([1], [1], y_limits=(1, 0))


def test_nice_ticks():
    assert nice_ticks(-5.0, 4.9) == [-4.0, -2.0, 0.0, 2.0, 4.0]
    assert nice_ticks(-1.0, 5.5) == [0.0, 2.0, 4.0]
    assert nice_ticks(0.0, 0.095) == [0.0, 0.02, 0.04, 0.06, 0.08]
    assert nice_ticks(0.0, 5e-324) == [0.0, 5e-324]  # found by hypothesis: too narrow to divide
    assert nice_ticks(-1e308, 1e308) == [-1e308, 1e308]


# ---------------------------------------------------------------------------
# The plot command
# ---------------------------------------------------------------------------


def run(*argv):
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_plot_prints_a_terminal_chart_by_default():
    status, text = run("plot", "relu")
    assert status == 0 and "ReLU function" in text and max(map(len, text.splitlines())) <= 80


def test_plot_formats_and_ranges():
    status, svg = run("plot", "compare", "--format", "svg")
    assert status == 0 and len(polylines(svg)[1]) == 2
    status, spec = run("plot", "sigmoid", "--format", "vega-lite", "--start", "0", "--stop", "1", "--step", "0.25")
    assert [row["x"] for row in json.loads(spec)["data"]["values"]] == [0.0, 0.25, 0.5, 0.75]


def test_plot_all_writes_every_chart(tmp_path):
    status, text = run("plot", "all", "-o", str(tmp_path / "charts"))
    names = ["step", "sigmoid", "relu", "softmax", "identity", "compare"]
    written = sorted(p.name for p in (tmp_path / "charts").iterdir())
    assert status == 0 and written == sorted(f"{n}{e}" for n in names for e in (".svg", ".vl.json"))
    assert text.count("wrote ") == 12
    status, text = run("plot", "step", "-o", str(tmp_path / "step.txt"))
    assert text == f"wrote {tmp_path / 'step.txt'} (text)\n" and "Step function" in (tmp_path / "step.txt").read_text()


def test_plot_errors_are_one_line_with_exit_code_2(tmp_path, capsys):
    assert run("plot", "all")[0] == 2
    assert run("plot", "relu", "-o", str(tmp_path / "missing" / "x.svg"))[0] == 2
    assert run("plot", "relu", "--step", "0")[0] == 2
    errors = capsys.readouterr().err.splitlines()
    assert errors == [
        "zeronn: error: plot all needs -o DIR: the folder to write every chart into",
        f"zeronn: error: No such file or directory: {tmp_path / 'missing' / 'x.svg'}",
        "zeronn: error: --step must not be zero",
    ]
    with pytest.raises(SystemExit) as exit_info:
        main(["plot", "tanh"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
