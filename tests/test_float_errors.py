"""NumPy's floating-point error handling (zeronn/float_errors.py): errstate, seterr, geterr,
seterrcall, geterrcall, and the modes ignore, warn, raise, call, print and log."""

import math
import threading
import warnings

import pytest

import zeronn
from zeronn import errstate, float_errors, geterr, geterrcall, seterr, seterrcall, tensor

NUMPYS_DEFAULT = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}


def test_the_default_is_numpys():
    assert geterr() == NUMPYS_DEFAULT and geterrcall() is None


def test_seterr_returns_the_old_settings_and_all_is_overridden_by_single_flags():
    old = seterr(all="ignore", over="raise")
    try:
        assert old == NUMPYS_DEFAULT
        assert geterr() == {"divide": "ignore", "over": "raise", "under": "ignore", "invalid": "ignore"}
        assert seterr() == geterr()  # no arguments: nothing changes
    finally:
        seterr(**old)
    assert geterr() == NUMPYS_DEFAULT


def test_errstate_restores_the_settings_even_after_an_error():
    with pytest.raises(FloatingPointError):
        with errstate(divide="raise"):
            assert geterr()["divide"] == "raise"
            tensor([1.0]) / 0
    assert geterr() == NUMPYS_DEFAULT
    with errstate(all="ignore"):
        with errstate(invalid="raise"):
            assert geterr() == {"divide": "ignore", "over": "ignore", "under": "ignore", "invalid": "raise"}
        assert geterr()["invalid"] == "ignore"


def test_errstate_as_a_decorator_sets_the_modes_for_each_call():
    @errstate(over="raise")
    def overflowing():
        assert geterr()["over"] == "raise"
        return zeronn.exp([1000.0])

    with pytest.raises(FloatingPointError, match="overflow encountered in exp"):
        overflowing()
    assert geterr() == NUMPYS_DEFAULT


def test_errstate_cannot_be_entered_twice():
    state = errstate(all="ignore")
    with state:
        with pytest.raises(TypeError, match="Cannot enter `np.errstate` twice."):
            with state:
                pass


def test_each_thread_has_its_own_settings():
    seen = {}

    def other_thread():
        seen["modes"] = geterr()

    with errstate(all="raise"):
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert seen["modes"] == NUMPYS_DEFAULT


BAD = [
    (lambda: seterr(divide="loud"), ValueError, "invalid error mode 'loud'"),
    (lambda: errstate(all="never"), ValueError, "invalid error mode 'never'"),
    (lambda: errstate(foo="ignore"), TypeError, "unexpected keyword argument 'foo'"),
    (lambda: seterrcall(3), TypeError, "python object must be callable or have a callable write method"),
    (lambda: errstate(call=3), TypeError, "python object must be callable or have a callable write method"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_settings_are_refused_with_numpys_words(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_ignore_warn_and_raise():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with errstate(divide="ignore"):
            assert (tensor([1.0]) / 0).tolist() == [math.inf]
    with pytest.warns(RuntimeWarning, match="^divide by zero encountered in divide$"):
        tensor([1.0]) / 0
    with errstate(divide="raise"), pytest.raises(FloatingPointError, match="^divide by zero encountered in divide$"):
        tensor([1.0]) / 0


def test_raise_takes_numpys_order_divide_over_under_invalid():
    with errstate(all="raise"), pytest.raises(FloatingPointError, match="^overflow encountered in floor_divide$"):
        zeronn.floor_divide(4.0, 5e-324)  # overflow and invalid: overflow comes first


def test_call_gives_the_kind_and_all_the_flags_as_a_number():
    seen = []
    with errstate(all="call", call=lambda kind, flags: seen.append((kind, flags))):
        zeronn.divide([1.0, 0.0], 0.0)
        zeronn.exp([-1000.0])
    assert seen == [("divide by zero", 9), ("invalid value", 9), ("underflow", 4)]
    old = seterrcall(print)
    try:
        assert geterrcall() is print
    finally:
        assert seterrcall(old) is print


def test_call_without_a_function_is_numpys_name_error():
    with errstate(divide="call"), pytest.raises(NameError, match="python callback specified for divide by zero"):
        tensor([1.0]) / 0


def test_print_and_log_write_numpys_line(capsys):
    with errstate(invalid="print"):
        zeronn.sqrt([-1.0])
    assert capsys.readouterr().out == "Warning: invalid value encountered in sqrt\n"

    class Log:
        lines = []

        def write(self, text):
            self.lines.append(text)

    with errstate(over="log", call=Log()):
        zeronn.exp([1000.0])
    assert Log.lines == ["Warning: overflow encountered in exp\n"]


def test_under_is_ignored_by_default_and_can_be_raised():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert zeronn.exp([-1000.0]).tolist() == [0.0]
    with errstate(under="raise"), pytest.raises(FloatingPointError, match="underflow encountered in exp"):
        zeronn.exp([-1000.0])
    with errstate(under="raise"):  # exact results do not underflow
        assert zeronn.exp([-math.inf]).tolist() == [0.0] and zeronn.multiply(1e-300, 0.0) == 0.0


def test_deferred_reports_once_under_its_own_name():
    seen = []
    with errstate(all="call", call=lambda kind, flags: seen.append(kind)):
        with float_errors.deferred("reduce"):
            float_errors.report({"divide"}, "floor_divide")
            float_errors.report({"divide", "invalid"}, "floor_divide")
    assert seen == ["divide by zero", "invalid value"]


def test_mean_of_nothing_warns_as_numpy_does():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert math.isnan(zeronn.mean([]))
    assert [str(w.message) for w in caught] == ["Mean of empty slice.", "invalid value encountered in divide"]
    assert all(w.category is RuntimeWarning and w.filename == __file__ for w in caught)


@pytest.mark.oracle
def test_the_same_calls_as_numpys_seterrcall_gets():
    numpy = pytest.importorskip("numpy")
    expressions = [
        "np.divide(np.array([1.0, 0.0, -1.0]), 0.0)", "np.exp(np.array([1000.0, -1000.0]))",
        "np.array([1e308]) * 10", "np.divmod(np.array([1.0, np.inf]), 0.0)", "np.sqrt(np.array([-1.0]))",
        "np.floor_divide(np.array([4.0]), 5e-324)", "np.log(np.array([0.0, -1.0]))",
        "np.array([1], dtype='int8') // 0", "np.array([-128], dtype='int8') // -1",
        "np.sum(np.array([1e308, 1e308]))", "np.add.reduce(np.array([np.inf, -np.inf]))",
        "np.power(np.array([0.0]), -1.0)", "np.arctanh(np.array([1.0, 2.0]))",
    ]
    for expression in expressions:
        calls = {}
        for name, module in (("zeronn", zeronn), ("numpy", numpy)):
            seen = []
            with module.errstate(all="call", call=lambda kind, flags, seen=seen: seen.append((kind, flags))):
                eval(expression, {"np": module})
            calls[name] = seen
        assert calls["zeronn"] == calls["numpy"], expression
