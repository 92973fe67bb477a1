"""NumPy's ufuncs as objects: ``add``, ``exp``, ``less``, ... called like functions, with
``reduce``, ``accumulate`` and ``outer``.

In NumPy, ``np.add`` is not a plain function but an object of type ``np.ufunc``
("universal function"): it applies one operation element by element, with
broadcasting and NumPy's dtype rules, and the same object knows how to reduce an axis
with that operation (``np.add.reduce`` is ``np.sum``), to keep the running results
(``np.add.accumulate`` is ``np.cumsum``) and to combine every pair (``np.add.outer``).
zeronn's ufuncs are the same kind of object, each a name in ``loops.UFUNCS`` (which
says what it computes and in which dtype) wrapped in the class ``ufunc`` here:

- ``ufunc(x1, x2, out=None, where=True, dtype=None)``: the operation, its result written
  into ``out`` if given (and only where ``where`` is True), computed in ``dtype`` if given;
  ``nin``, ``nout``, ``nargs``, ``identity``, ``types``, ``__name__``, as NumPy's;
- ``ufunc.reduce(a, axis=0, dtype=None, out=None, keepdims=False, initial=..., where=True)``,
  ``ufunc.accumulate(a, axis=0, dtype=None, out=None)``, ``ufunc.outer(a, b)``,
  ``ufunc.at(a, indices, b)`` (in place, each repeated index again).

The ufuncs, by theme (each has an example below; the aliases are NumPy's too):

- arithmetic: ``add``, ``subtract``, ``multiply``, ``divide`` (``true_divide``),
  ``floor_divide``, ``remainder`` (``mod``), ``fmod``, ``divmod``, ``power``,
  ``float_power``, ``negative``, ``positive``, ``absolute`` (``abs``), ``fabs``,
  ``sign``, ``square``, ``reciprocal``, ``gcd``, ``lcm``;
- exponentials and logarithms: ``sqrt``, ``cbrt``, ``exp``, ``exp2``, ``expm1``, ``log``,
  ``log2``, ``log10``, ``log1p``, ``logaddexp``, ``logaddexp2``;
- trigonometry: ``sin``, ``cos``, ``tan``, ``arcsin``, ``arccos``, ``arctan``, ``arctan2``,
  ``hypot``, ``sinh``, ``cosh``, ``tanh``, ``arcsinh``, ``arccosh``, ``arctanh``,
  ``degrees`` (``rad2deg``), ``radians`` (``deg2rad``);
- rounding and floating point: ``floor``, ``ceil``, ``trunc``, ``rint``, ``copysign``,
  ``nextafter``, ``heaviside``, ``isnan``, ``isinf``, ``isfinite``, ``signbit``;
- comparisons and extremes: ``less``, ``less_equal``, ``greater``, ``greater_equal``,
  ``equal``, ``not_equal``, ``maximum``, ``minimum``, ``fmax``, ``fmin``;
- logic and bits: ``logical_and``, ``logical_or``, ``logical_xor``, ``logical_not``,
  ``bitwise_and``, ``bitwise_or``, ``bitwise_xor``, ``invert`` (``bitwise_not``),
  ``left_shift``, ``right_shift``.

Where NumPy warns about a floating-point error (``log(0.0)``: "divide by zero
encountered in log"), so does zeronn; ``errstate`` (``float_errors.py``) silences or
raises them.

>>> add([1, 2], 10), add.reduce([[1, 2], [3, 4]]), add.outer([1, 2], [10, 20])
(tensor([11, 12]), tensor([4, 6]), tensor([[11, 21],
       [12, 22]]))
>>> with errstate(divide="ignore"):
...     log([1.0, 0.0])
tensor([  0., -inf])
"""

from __future__ import annotations

__all__ = [
    "ufunc",
    "add",
    "subtract",
    "multiply",
    "divide",
    "true_divide",
    "floor_divide",
    "remainder",
    "mod",
    "fmod",
    "divmod",
    "power",
    "pow",
    "float_power",
    "negative",
    "positive",
    "absolute",
    "abs",
    "fabs",
    "sign",
    "square",
    "reciprocal",
    "gcd",
    "lcm",
    "sqrt",
    "cbrt",
    "exp",
    "exp2",
    "expm1",
    "log",
    "log2",
    "log10",
    "log1p",
    "logaddexp",
    "logaddexp2",
    "sin",
    "cos",
    "tan",
    "arcsin",
    "asin",
    "arccos",
    "acos",
    "arctan",
    "atan",
    "arctan2",
    "atan2",
    "hypot",
    "sinh",
    "cosh",
    "tanh",
    "arcsinh",
    "asinh",
    "arccosh",
    "acosh",
    "arctanh",
    "atanh",
    "degrees",
    "radians",
    "rad2deg",
    "deg2rad",
    "floor",
    "ceil",
    "trunc",
    "rint",
    "copysign",
    "nextafter",
    "heaviside",
    "isnan",
    "isinf",
    "isfinite",
    "signbit",
    "less",
    "less_equal",
    "greater",
    "greater_equal",
    "equal",
    "not_equal",
    "maximum",
    "minimum",
    "fmax",
    "fmin",
    "logical_and",
    "logical_or",
    "logical_xor",
    "logical_not",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "invert",
    "bitwise_not",
    "bitwise_invert",
    "left_shift",
    "bitwise_left_shift",
    "right_shift",
    "bitwise_right_shift",
]

import math  # noqa: F401 - the examples use math.pi
import warnings
from typing import Any, Dict, List, Optional, Sequence, Tuple, overload

from . import casting, dtypes, float_errors, loops
from ._shape import Shape, broadcast_shapes, broadcast_to, format_shape, normalize_axis, unravel
from .core import Tensor, as_tensor, elements, elementwise, tensor, unary
from .creation import arange, full, zeros
from .dtypes import DType, DTypeLike
from .float_errors import errstate  # noqa: F401 - the examples use errstate(divide="ignore") and the like

_NO_VALUE: Any = object()  # "not given", where None is a value (reduce's initial)

# What each ufunc's reduction starts from: NumPy's ``identity`` (None: there is none, so
# an empty reduction is an error).
_IDENTITIES: Dict[str, Any] = {
    "add": 0, "multiply": 1, "logical_and": True, "logical_or": False, "logical_xor": False,
    "bitwise_and": -1, "bitwise_or": 0, "bitwise_xor": 0, "gcd": 0,
    "logaddexp": -float("inf"), "logaddexp2": -float("inf"),
}  # fmt: skip
# Reductions whose order does not matter, so that several axes may be reduced at once.
_REORDERABLE = frozenset({
    "add", "multiply", "maximum", "minimum", "fmax", "fmin", "logical_and", "logical_or", "logical_xor",
    "bitwise_and", "bitwise_or", "bitwise_xor", "gcd", "lcm", "logaddexp", "logaddexp2",
})  # fmt: skip
# NumPy's reductions of these are the tensor methods of the same meaning.
_METHODS = {"add": "sum", "multiply": "prod", "maximum": "max", "minimum": "min", "logical_or": "any",
            "logical_and": "all"}
_ACCUMULATIONS = {"add": "cumsum", "multiply": "cumprod"}


class ufunc:
    """A universal function: one operation applied element by element (NumPy's ``np.ufunc``).

    Call it with ``nin`` operands (tensors, numbers or nested lists), which broadcast
    together; ``out`` (a tensor, or a tuple of ``nout`` of them) takes the result, cast
    by NumPy's ``"same_kind"`` rule, and is what the call returns; ``where`` (a mask)
    leaves ``out`` unchanged where it is False; ``dtype`` converts the operands first.

    >>> x = tensor([1.0, 2.0, 3.0])
    >>> add(x, 1, out=x, where=[True, False, True]), x
    (tensor([2., 2., 4.]), tensor([2., 2., 4.]))
    >>> add, add.nin, add.nout, add.identity, divmod.nout
    (<ufunc 'add'>, 2, 1, 0, 2)
    >>> add([1, 2], [1, 2, 3])
    Traceback (most recent call last):
    ...
    ValueError: operands could not be broadcast together with shapes (2,) (3,)
    """

    __name__: str
    nin: int
    nout: int
    identity: Any
    __doc__: Optional[str]

    def __init__(self, name: str, doc: str, nout: int = 1) -> None:
        self.__name__ = name
        self.nin = loops.UFUNCS[name].nin if name in loops.UFUNCS else 2
        self.nout = nout
        self.identity = _IDENTITIES.get(name)
        self.__doc__ = doc
        self.__module__ = __name__  # (so that doctest finds the examples in the docstring)

    def __repr__(self) -> str:
        return f"<ufunc '{self.__name__}'>"

    @property
    def nargs(self) -> int:
        """Operands and results together: ``nin + nout``."""
        return self.nin + self.nout

    @property
    def types(self) -> List[str]:
        """The loops zeronn has, as NumPy lists them: ``'ff->f'`` computes float32 into float32.

        >>> sqrt.types, less.types[-1]
        (['f->f', 'd->d'], 'dd->?')
        """
        table = loops.UFUNCS["floor_divide" if self.__name__ == "divmod" else self.__name__]
        codes = [code for code in table.types if code != "e"]
        return [code * self.nin + "->" + ("?" if table.bool_result else code) * self.nout for code in codes]

    # -----------------------------------------------------------------------
    # Calling: the operation, element by element
    # -----------------------------------------------------------------------

    @overload
    def __call__(
        self, x: Tensor, /, *args: Any, out: None = None, where: Any = True, dtype: Optional[DTypeLike] = None,
        signature: Any = None, sig: Any = None,
    ) -> Tensor: ...
    @overload
    def __call__(
        self, x: Any, y: Tensor, /, *args: Any, out: None = None, where: Any = True,
        dtype: Optional[DTypeLike] = None, signature: Any = None, sig: Any = None,
    ) -> Tensor: ...
    @overload
    def __call__(
        self, *args: Any, out: Any = None, where: Any = True, dtype: Optional[DTypeLike] = None,
        signature: Any = None, sig: Any = None,
    ) -> Any: ...
    def __call__(
        self, *args: Any, out: Any = None, where: Any = True, dtype: Optional[DTypeLike] = None,
        signature: Any = None, sig: Any = None,
    ) -> Any:
        """Call the ufunc as NumPy's is called: ``np.exp(x)``, ``np.add(x1, x2, out=y)``.

        >>> exp([0.0]), add([1, 2], 3)
        (tensor([1.]), tensor([4, 5]))
        """
        if out is None and where is True and dtype is None and signature is None and sig is None:
            if len(args) == self.nin and self.nout == 1:  # the usual call: straight to the loop
                return unary(self.__name__, args[0]) if self.nin == 1 else elementwise(self.__name__, *args)
        return self._call_any(args, out, where, dtype, signature if signature is not None else sig)

    def _call_any(self, args: Tuple[Any, ...], out: Any, where: Any, dtype: Optional[DTypeLike], signature: Any) -> Any:
        """``__call__`` with any of its keywords: ``out``, ``where``, ``dtype``, ``signature``."""
        name = self.__name__
        if not self.nin <= len(args) <= self.nargs:
            given = len(args)
            raise TypeError(
                f"{name}() takes from {self.nin} to {self.nargs} positional arguments "
                f"but {given} {'was' if given == 1 else 'were'} given"
            )
        inputs = list(args[: self.nin])
        if len(args) > self.nin:
            if out is not None:
                raise TypeError("cannot specify 'out' as both a positional and keyword argument")
            out = tuple(args[self.nin :])
        outs = self._outputs(out)
        wanted = self._signature(signature)
        for position, to in enumerate(wanted[: self.nin]):
            if to is not None:
                inputs[position] = self._converted_one(inputs[position], position, to)
        if dtype is not None:
            inputs = self._converted(inputs, dtypes.dtype(dtype))
        results = self._compute(inputs)
        for result, to in zip(results, wanted[self.nin :]):
            if to is not None and (result.dtype is not to if isinstance(result, Tensor) else
                                   as_tensor(result).dtype.kind != to.kind):
                raise TypeError(f"No loop matching the specified signature and casting was found for ufunc {name}")
        stored = tuple(_store(result, target, where, name, inputs) for result, target in zip(results, outs))
        return stored[0] if self.nout == 1 else stored

    def _compute(self, inputs: Sequence[Any]) -> Tuple[Any, ...]:
        """The results (a tensor, or a Python number where NumPy's is 0-d), one per output."""
        if self.__name__ == "divmod":  # one loop in NumPy: one report of its errors
            with float_errors.deferred("divmod"):
                return elementwise("floor_divide", *inputs), elementwise("remainder", *inputs)
        if self.nin == 1:
            return (unary(self.__name__, inputs[0]),)
        return (elementwise(self.__name__, *inputs),)

    def _outputs(self, out: Any) -> Tuple[Optional[Tensor], ...]:
        """``out`` as one entry (a tensor or None) per result."""
        if out is None:
            return (None,) * self.nout
        if not isinstance(out, tuple) and self.nout > 1:
            raise TypeError("'out' must be a tuple of arrays")
        outs = out if isinstance(out, tuple) else (out,)
        if len(outs) != self.nout:
            raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
        for target in outs:
            if target is not None and not isinstance(target, Tensor):
                raise TypeError("return arrays must be of ArrayType")
        return outs

    def _converted(self, inputs: List[Any], to: DType) -> List[Any]:
        """The operands converted to ``dtype=``'s ``to`` (each by the "same_kind" rule), after
        checking that the ufunc has a loop for it."""
        name = self.__name__
        loop_name = "floor_divide" if name == "divmod" else name  # (divmod's loop is floor_divide's)
        if loops.UFUNCS[loop_name].bool_result:  # comparisons and the like: dtype= names the result, which is bool
            if to is not dtypes.bool_:
                raise TypeError(f"No loop matching the specified signature and casting was found for ufunc {name}")
            return inputs
        converted = [self._converted_one(x, position, to) for position, x in enumerate(inputs)]
        if self.nin == 1:
            loop = loops.unary_loop(loop_name, to)
        else:
            loop = to if to in loops.NATIVE[loop_name] else loops.loop_dtype(loop_name, to, *converted)
        if loops.result_dtype(loop_name, loop) is not to:
            raise TypeError(f"No loop matching the specified signature and casting was found for ufunc {name}")
        return converted

    def _converted_one(self, x: Any, position: int, to: DType) -> Tensor:
        """Operand ``position`` converted to ``to``, which the "same_kind" rule must allow (a
        Python int is "weak": it only has to fit, as ``add(1, 2, dtype="uint8")`` shows)."""
        source = x.dtype if isinstance(x, Tensor) else as_tensor(x).dtype
        weak_int = type(x) is int and to.kind in "iuf"
        if not weak_int and not dtypes.can_cast(source, to, "same_kind"):
            raise TypeError(
                f"Cannot cast ufunc '{self.__name__}' input {position} from {source!r} to {to!r} "
                "with casting rule 'same_kind'"
            )
        return as_tensor(x).astype(to) if isinstance(x, Tensor) else tensor(x, to)

    def _signature(self, signature: Any) -> List[Optional[DType]]:
        """NumPy's ``signature=``: a dtype (or None) per operand and result, as a tuple or as
        type codes (``"dd->d"``); None everywhere when not given."""
        if signature is None:
            return [None] * self.nargs
        if isinstance(signature, str):
            left, _, right = signature.partition("->")
            signature = tuple(left) + tuple(right)
        entries = tuple(signature) if isinstance(signature, (tuple, list)) else (signature,) * self.nargs
        if len(entries) != self.nargs:
            raise ValueError(f"a signature must have {self.nargs} entries, one per operand and result, "
                             f"got {len(entries)}")
        return [None if entry is None else dtypes.dtype(entry) for entry in entries]

    # -----------------------------------------------------------------------
    # Methods: reduce, accumulate, outer, at
    # -----------------------------------------------------------------------

    def reduce(
        self, array: Any, axis: Any = 0, dtype: Optional[DTypeLike] = None, out: Optional[Tensor] = None,
        keepdims: bool = False, initial: Any = _NO_VALUE, where: Any = True,
    ) -> Any:
        """The operation applied along ``axis`` (the first by default; None for all, or a
        tuple where the order does not matter) until one value is left per lane:
        ``add.reduce`` is ``sum``, ``multiply.reduce`` ``prod``, ``maximum.reduce`` ``max``.

        ``initial`` starts each lane; an empty lane without it gives the ufunc's
        ``identity``, or an error if it has none. Floating-point errors are reported as
        "... encountered in reduce", as NumPy's are.

        >>> subtract.reduce([10, 1, 2]), maximum.reduce([[1, 5], [7, 2]], axis=1)
        (7, tensor([5, 7]))
        >>> with errstate(divide="raise"):
        ...     floor_divide.reduce([1, 0])
        Traceback (most recent call last):
        ...
        FloatingPointError: divide by zero encountered in reduce
        >>> floor_divide.reduce([])
        Traceback (most recent call last):
        ...
        ValueError: zero-size array to reduction operation floor_divide which has no identity
        """
        name = self._binary("reduce")
        a = as_tensor(array)
        if dtype is not None:
            a = a.astype(dtype)
        if name in _METHODS:
            keywords: Dict[str, Any] = {"axis": axis, "keepdims": keepdims, "where": where, "out": out}
            if name in ("add", "multiply") and dtype is not None:
                keywords["dtype"] = dtype
            if initial is not _NO_VALUE and name not in ("logical_and", "logical_or"):
                keywords["initial"] = initial
            return getattr(a, _METHODS[name])(**keywords)
        if where is not True:
            raise TypeError(f"zeronn's {name}.reduce does not take where= (NumPy's does): select the elements first")
        axes = list(range(a.ndim)) if axis is None else list(axis) if isinstance(axis, tuple) else [axis]
        axes = sorted((normalize_axis(k, a.ndim) for k in axes), reverse=True)
        if len(axes) > 1 and name not in _REORDERABLE:
            raise ValueError(f"reduction operation '{name}' is not reorderable, so at most one axis may be specified")
        a = a.astype(self._reduction_loop(a.dtype))
        with float_errors.deferred("reduce"):
            result: Any = a
            for k in axes:  # from the last, so that the others keep their numbers
                result = self._fold(as_tensor(result), k, initial)
        if keepdims:
            result = as_tensor(result).reshape(tuple(1 if k in axes else n for k, n in enumerate(a.shape)))
        return _store(result, out, True, name, [a]) if out is not None else result

    def accumulate(self, array: Any, axis: int = 0, dtype: Optional[DTypeLike] = None,
                   out: Optional[Tensor] = None) -> Any:
        """Every running result of the operation along ``axis``: ``add.accumulate`` is
        ``cumsum``, ``multiply.accumulate`` ``cumprod``.

        >>> subtract.accumulate([1, 2, 3]), maximum.accumulate([1, 3, 2, 5])
        (tensor([ 1, -1, -4]), tensor([1, 3, 3, 5]))
        >>> add.accumulate([[1, 2], [3, 4]], axis=None)
        Traceback (most recent call last):
        ...
        ValueError: accumulate does not allow multiple axes
        """
        name = self._binary("accumulate")
        a = as_tensor(array)
        if axis is None or isinstance(axis, tuple):
            raise ValueError("accumulate does not allow multiple axes")
        k = normalize_axis(axis, a.ndim)
        if name in _ACCUMULATIONS:
            return getattr(a, _ACCUMULATIONS[name])(axis=k, dtype=dtype, out=out)
        if dtype is not None:
            a = a.astype(dtype)
        a = a.astype(self._reduction_loop(a.dtype))
        totals = zeros(a.shape, a.dtype)
        running: Any = None
        with float_errors.deferred("accumulate"):
            for i in range(a.shape[k]):
                piece = a[(slice(None),) * k + (i, Ellipsis)]
                running = piece.copy() if running is None else self(running, piece)
                totals[(slice(None),) * k + (i,)] = running
        return _store(totals, out, True, name, [a]) if out is not None else totals

    def outer(self, a: Any, b: Any, **keywords: Any) -> Any:
        """The operation on every pair ``(a[i, ...], b[j, ...])``: a result of shape
        ``a.shape + b.shape``.

        >>> multiply.outer([1, 2, 3], [1, 10])
        tensor([[ 1, 10],
                [ 2, 20],
                [ 3, 30]])
        """
        self._binary("outer")
        left, right = as_tensor(a), as_tensor(b)
        return self(left.reshape(left.shape + (1,) * right.ndim), right, **keywords)

    def at(self, a: Tensor, indices: Any, b: Any = None) -> None:
        """The operation done in place on the elements of ``a`` that ``indices`` selects, one
        selected element at a time: an element selected twice is operated on twice
        (``a[indices] += b`` would add once). The result is cast into ``a`` as assignment
        casts; errors are reported as "... encountered in at".

        >>> a = tensor([127, 0], dtype="int8")
        >>> add.at(a, [0, 0, 1], 1); a        # 127 + 1 + 1 wraps to -127
        tensor([-127,    1], dtype=int8)
        >>> x = zeros((2, 2)); add.at(x, ([0, 1, 1], [1, 0, 0]), [10, 20, 30]); x
        tensor([[ 0., 10.],
                [50.,  0.]])
        >>> add.at(zeros(2), [0], [1, 2])
        Traceback (most recent call last):
        ...
        ValueError: array is not broadcastable to correct shape
        """
        if not isinstance(a, Tensor):
            raise TypeError(f"first operand of {self.__name__}.at must be an array, got {type(a).__name__}")
        if (b is None) != (self.nin == 1):
            raise ValueError("second operand needed for ufunc" if b is None else
                             "second operand provided when ufunc is unary")
        if not a.flags.writeable:
            raise ValueError("output array is read-only")
        positions = as_tensor(arange(a.size).reshape(a.shape)[indices])  # flat positions, repeats kept
        operand = as_tensor(0 if b is None else b)
        if broadcast_shapes(operand.shape, positions.shape) != positions.shape:
            raise ValueError("array is not broadcastable to correct shape")
        values = broadcast_to(list(elements(operand)), operand.shape, positions.shape)
        with float_errors.deferred("at"):  # (b is an array, as NumPy's asarray makes it: -1 is int64)
            for position, value in zip(positions.to_flat_list(), values):
                element = a[unravel(int(position), a.shape) + (Ellipsis,)]  # a 0-d view, of a's own dtype
                result = self(element) if b is None else self(element, tensor(value, operand.dtype))
                element[...] = as_tensor(result)  # (a tensor, so that it is cast as astype casts: 128 wraps)

    def _binary(self, method: str) -> str:
        if self.nin != 2:
            raise ValueError(f"{method} only supported for binary functions")
        if self.nout != 1:
            raise ValueError(f"{method} only supported for functions returning a single value")
        return self.__name__

    def _reduction_loop(self, dtype: DType) -> DType:
        """The dtype a reduction of ``dtype`` computes in: the ufunc's loop for it, which must
        give its own dtype back (``equal`` of two ints is a bool: it cannot reduce ints)."""
        name = self.__name__
        if name in ("logical_and", "logical_or", "logical_xor"):
            return dtypes.bool_  # NumPy reduces these as bools, whatever the operands
        loop = dtype if dtype in loops.NATIVE[name] else loops.loop_dtype(name, dtype)
        if loops.result_dtype(name, loop) is not loop:
            raise TypeError(f"No loop matching the specified signature and casting was found for ufunc {name}")
        return loop

    def _fold(self, a: Tensor, axis: int, initial: Any) -> Any:
        """The reduction of ``a`` along one ``axis``: its slices combined one after another,
        starting from ``initial`` if given, else from the first slice (or, for no slice at
        all, from the ufunc's identity)."""
        pieces = [a[(slice(None),) * axis + (i, Ellipsis)] for i in range(a.shape[axis])]
        if initial is _NO_VALUE and pieces:
            result: Any = pieces.pop(0).copy()
        else:
            start = self.identity if initial is _NO_VALUE else initial
            if start is None:
                raise ValueError(f"zero-size array to reduction operation {self.__name__} which has no identity")
            result = _filled(a.shape[:axis] + a.shape[axis + 1 :], start, a.dtype)
        for piece in pieces:
            result = self(result, piece)
        return result


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def _filled(shape: Shape, value: Any, dtype: DType) -> Any:
    """A reduction's start: ``value`` (an identity or ``initial``) as an element of ``dtype``,
    wrapped as NumPy wraps ``-1`` into an unsigned ``bitwise_and`` identity."""
    if dtype.kind in "iu":
        value = casting.wrap([int(value)], dtype)[0]
    result = full(shape, value, dtype=dtype)
    return result if shape else result.item()


def _store(result: Any, out: Optional[Tensor], where: Any, name: str, inputs: Sequence[Any]) -> Any:
    """A result written into ``out`` where ``where`` is True, as NumPy's ``out=`` and
    ``where=`` do; ``out`` is returned. Without ``out``, the result itself (or, with a mask,
    a new tensor of zeros where it is False: NumPy leaves that memory uninitialised)."""
    if out is None and where is True:
        return result
    shape = result.shape if isinstance(result, Tensor) else ()
    dtype = result.dtype if isinstance(result, Tensor) else as_tensor(result).dtype
    if out is None:
        warnings.warn(
            "'where' used without 'out', expect unitialized memory in output. If this is intentional, use out=None.",
            UserWarning, stacklevel=3,
        )
        out = zeros(shape, dtype)
    if not out.flags.writeable:
        raise ValueError("output array is read-only")
    try:
        target = broadcast_shapes(shape, out.shape)
    except ValueError:
        shown = " ".join(format_shape(as_tensor(x).shape) for x in (*inputs, out))
        raise ValueError(f"operands could not be broadcast together with shapes {shown} ") from None
    loops.check_output(name, dtype, target, out.dtype, out.shape)
    if where is True:
        out[...] = result
        return out
    mask = as_tensor(where)
    mask = mask if mask.dtype is dtypes.bool_ else mask.astype(bool)
    if broadcast_shapes(mask.shape, out.shape) != out.shape:
        raise ValueError(f"operands could not be broadcast together with shapes "
                         f"{format_shape(mask.shape)} {format_shape(out.shape)}")
    full_mask = Tensor.from_storage(broadcast_to(list(elements(mask)), mask.shape, out.shape), out.shape, bool)
    values = as_tensor(result)
    stretched = Tensor.from_storage(
        dtype.storage(broadcast_to(list(elements(values)), values.shape, out.shape)), out.shape, dtype
    )
    out[full_mask] = stretched[full_mask]
    return out


# ---------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------

add = ufunc("add", """``x1 + x2`` element by element (``np.add``); on bools it is "or".

>>> add([1, 2], [[10], [20]]), add([True, False], True)
(tensor([[11, 12],
       [21, 22]]), tensor([ True,  True]))
>>> with errstate(over="raise"):
...     add(1e308, 1e308)
Traceback (most recent call last):
...
FloatingPointError: overflow encountered in add
""")
subtract = ufunc("subtract", """``x1 - x2`` element by element (``np.subtract``); refused on bools, as in NumPy.

>>> subtract([5, 3], 1), subtract(tensor([1, 2], dtype="uint8"), 3)     # uint8 wraps
(tensor([4, 2]), tensor([254, 255], dtype=uint8))
>>> subtract([True], [False])
Traceback (most recent call last):
...
TypeError: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, \
or the logical_xor function instead.
""")
multiply = ufunc("multiply", """``x1 * x2`` element by element (``np.multiply``); on bools it is "and".

>>> multiply([1.5, -2.0], 2), multiply(0.0, -1.0), multiply(tensor([100], dtype="int8"), 2)
(tensor([ 3., -4.]), -0.0, tensor([-56], dtype=int8))
""")
divide = ufunc("divide", """``x1 / x2`` element by element (``np.divide``, ``np.true_divide``).

Integers and bools divide as float64.

By zero: ``±inf``, and ``nan`` for ``0 / 0``, each with NumPy's warning (``errstate``).

>>> divide([1, 3], 2), divide(tensor([1.0], dtype="float32"), 3)
(tensor([0.5, 1.5]), tensor([0.33333334], dtype=float32))
>>> with errstate(divide="ignore", invalid="ignore"):
...     divide([1.0, -1.0, 0.0], 0.0)
tensor([ inf, -inf,  nan])
""")
floor_divide = ufunc("floor_divide", """``x1 // x2``: the quotient rounded down (``np.floor_divide``).

Integers by zero give 0 (NumPy's answer, with a "divide by zero" warning); floats by
zero what ``divide`` gives; float32 is computed as NumPy's float32 loop computes it.

>>> floor_divide([7, -7], 2), floor_divide([7.5, -7.5], 2.0)
(tensor([ 3, -4]), tensor([ 3., -4.]))
>>> with errstate(divide="ignore"):
...     floor_divide([1, -1], 0), floor_divide(1.0, 0.0)
(tensor([0, 0]), inf)
""")
remainder = ufunc("remainder", """``x1 % x2``: the remainder with the sign of ``x2`` (``np.remainder``, ``np.mod``).

>>> remainder([7, -7], 3), remainder([7.5, -7.5], -2.0), remainder(-0.0, 3.0)
(tensor([1, 2]), tensor([-0.5, -1.5]), 0.0)
>>> with errstate(invalid="ignore"):
...     remainder(1.0, 0.0)
nan
""")
fmod = ufunc("fmod", """C's remainder: truncated toward zero, with the sign of ``x1`` (``np.fmod``).

>>> fmod([7, -7], 3), fmod([-7.5], 2.0), fmod(5.0, float("inf"))
(tensor([ 1, -1]), tensor([-1.5]), 5.0)
>>> with errstate(invalid="ignore"):
...     fmod(float("inf"), 2.0)
nan
""")
divmod = ufunc("divmod", """``(x1 // x2, x1 % x2)`` in one call (``np.divmod``), two results.

Its floating-point errors are reported once, as "... encountered in divmod".

>>> divmod([7, -7], 2)
(tensor([ 3, -4]), tensor([1, 1]))
>>> with errstate(divide="raise"):
...     divmod(1.0, 0.0)
Traceback (most recent call last):
...
FloatingPointError: divide by zero encountered in divmod
""", nout=2)
power = ufunc("power", """``x1 ** x2`` element by element (``np.power``): C's ``pow``; integers wrap.

>>> power([2, 3], 3), power(tensor([2], dtype="int8"), 7), power(-8.0, 2.0)
(tensor([ 8, 27]), tensor([-128], dtype=int8), 64.0)
>>> power(2, -1)
Traceback (most recent call last):
...
ValueError: Integers to negative integer powers are not allowed.
>>> with errstate(invalid="ignore"):
...     power(-8.0, 1 / 3)            # no real root: nan (an "invalid" error)
nan
""")
float_power = ufunc("float_power", """``x1 ** x2`` in float64 (``np.float_power``): negative powers of integers too.

>>> float_power(2, -1), float_power(tensor([3], dtype="float32"), 2)
(0.5, tensor([9.]))
""")
negative = ufunc("negative", """``-x`` element by element (``np.negative``); refused on bools.

>>> negative([1.0, 0.0]), negative(tensor([-128], dtype="int8"))     # int8's -(-128) wraps
(tensor([-1., -0.]), tensor([-128], dtype=int8))
""")
positive = ufunc("positive", """``+x``: a copy (``np.positive``); refused on bools, as in NumPy 2.

>>> positive([-0.0, 2.0])
tensor([-0.,  2.])
>>> positive([True])
Traceback (most recent call last):
...
TypeError: ufunc 'positive' did not contain a loop with signature matching types bool -> None
""")
absolute = ufunc("absolute", """``|x|`` element by element (``np.absolute``, ``np.abs``).

>>> absolute([-1.5, -0.0, float("-inf")]), absolute(tensor([-128], dtype="int8"))   # int8 wraps
(tensor([1.5, 0. , inf]), tensor([-128], dtype=int8))
""")
fabs = ufunc("fabs", """``|x|`` as a float (``np.fabs``): integers become the float that holds them.

>>> fabs([-2, 3]), fabs(tensor([-2], dtype="int16"))
(tensor([2., 3.]), tensor([2.], dtype=float32))
""")
sign = ufunc("sign", """-1, 0 or 1 by the sign of each element (``np.sign``); ``nan`` stays; no bools.

>>> sign([-2.5, -0.0, 3.0, float("nan")]), sign([-7, 0, 7])
(tensor([-1.,  0.,  1., nan]), tensor([-1,  0,  1]))
""")
square = ufunc("square", """``x * x`` element by element (``np.square``); bools square as int8.

>>> square([1.5, -3.0]), square([True, False]), square(tensor([16], dtype="uint8"))
(tensor([2.25, 9.  ]), tensor([1, 0], dtype=int8), tensor([0], dtype=uint8))
""")
reciprocal = ufunc("reciprocal", """``1 / x`` element by element (``np.reciprocal``); integers truncate (0 unless ±1).

NumPy leaves the integer reciprocal of 0 to C; zeronn refuses it.

>>> reciprocal([2.0, 4.0]), reciprocal([1, 2, -1])
(tensor([0.5 , 0.25]), tensor([ 1,  0, -1]))
>>> reciprocal([0])
Traceback (most recent call last):
...
ValueError: reciprocal of the integer 0 has no value: NumPy leaves it to C; use floats
""")
gcd = ufunc("gcd", """The greatest common divisor of each pair of integers, never negative (``np.gcd``).

>>> gcd([12, -4, 0], [18, 6, 0]), gcd.reduce([12, 18, 8])
(tensor([6, 2, 0]), 2)
""")
lcm = ufunc("lcm", """The least common multiple of each pair of integers, never negative (``np.lcm``).

>>> lcm([4, -4, 0], [6, 6, 5])
tensor([12, 12,  0])
>>> lcm([1.5], [2])
Traceback (most recent call last):
...
TypeError: ufunc 'lcm' did not contain a loop with signature matching types (float64, int64) -> None
""")

# ---------------------------------------------------------------------------
# Exponentials and logarithms
# ---------------------------------------------------------------------------

sqrt = ufunc("sqrt", """The square root of every element (``np.sqrt``); ``nan`` below zero.

Integers compute in the smallest float that holds them: float32 for int16, float64 for
wider ones; int8, uint8 and bools would be float16, which zeronn does not have.

>>> sqrt([4, 2]), sqrt(tensor([9], dtype="int16")), sqrt(-0.0)
(tensor([2.        , 1.41421356]), tensor([3.], dtype=float32), -0.0)
>>> with errstate(invalid="raise"):
...     sqrt(-1.0)
Traceback (most recent call last):
...
FloatingPointError: invalid value encountered in sqrt
""")
cbrt = ufunc("cbrt", """The real cube root of every element (``np.cbrt``): negative below zero.

>>> cbrt([27.0, -8.0, -0.0])
tensor([ 3., -2., -0.])
""")
exp = ufunc("exp", """``e ** x`` for every element (``np.exp``); overflow gives ``inf`` (with NumPy's warning).

Each element's value depends on that element alone.

>>> exp([0.0, 1.0, -1000.0])
tensor([1.        , 2.71828183, 0.        ])
>>> with errstate(over="ignore"):
...     exp([1.0, 710.0])
tensor([2.71828183,        inf])
""")
exp2 = ufunc("exp2", """``2 ** x`` for every element (``np.exp2``).

>>> exp2([3.0, 0.5, -1080.0])
tensor([8.        , 1.41421356, 0.        ])
""")
expm1 = ufunc("expm1", """``e ** x - 1``, accurate for small ``x`` (``np.expm1``).

>>> expm1(1e-10), expm1(float("-inf"))
(1.00000000005e-10, -1.0)
""")
log = ufunc("log", """The natural logarithm of every element (``np.log``): ``-inf`` at 0, ``nan`` below.

Those two are NumPy's answers, with its warnings ("divide by zero", "invalid value").

>>> log([1.0, 0.5])
tensor([ 0.        , -0.69314718])
>>> with errstate(divide="ignore", invalid="ignore"):
...     log([0.0, -1.0])
tensor([-inf,  nan])
""")
log2 = ufunc("log2", """The base-2 logarithm of every element (``np.log2``).

>>> log2([8, 1024, 1])
tensor([ 3., 10.,  0.])
""")
log10 = ufunc("log10", """The base-10 logarithm of every element (``np.log10``).

>>> log10([1000.0, 0.001])
tensor([ 3., -3.])
""")
log1p = ufunc("log1p", """``log(1 + x)``, accurate for small ``x`` (``np.log1p``): ``-inf`` at -1.

>>> log1p(1e-10)
9.999999999500001e-11
>>> with errstate(divide="raise"):
...     log1p(-1.0)
Traceback (most recent call last):
...
FloatingPointError: divide by zero encountered in log1p
""")
logaddexp = ufunc("logaddexp", """``log(exp(x1) + exp(x2))`` without overflow (``np.logaddexp``).

>>> logaddexp(1000.0, 1000.0), logaddexp(float("-inf"), 2.0), logaddexp.reduce([0.0, 0.0, 0.0, 0.0])
(1000.6931471805599, 2.0, 1.3862943611198906)
""")
logaddexp2 = ufunc("logaddexp2", """``log2(2**x1 + 2**x2)`` without overflow (``np.logaddexp2``).

>>> logaddexp2(3.0, 3.0), logaddexp2([0.0], [1.0])
(4.0, tensor([1.5849625]))
""")

# ---------------------------------------------------------------------------
# Trigonometry
# ---------------------------------------------------------------------------

sin = ufunc("sin", """The sine of every element, in radians (``np.sin``); ``nan`` at infinity.

>>> sin([0.0, math.pi / 2, -0.0])
tensor([ 0.,  1., -0.])
>>> with errstate(invalid="raise"):
...     sin(float("inf"))
Traceback (most recent call last):
...
FloatingPointError: invalid value encountered in sin
""")
cos = ufunc("cos", """The cosine of every element, in radians (``np.cos``).

>>> cos([0.0, math.pi])
tensor([ 1., -1.])
""")
tan = ufunc("tan", """The tangent of every element, in radians (``np.tan``).

>>> tan([0.0, math.pi / 4])
tensor([0., 1.])
""")
arcsin = ufunc("arcsin", """The inverse sine (``np.arcsin``, ``np.asin``): ``nan`` outside ``[-1, 1]``.

>>> arcsin([1.0, -0.0])
tensor([ 1.57079633, -0.        ])
>>> with errstate(invalid="ignore"):
...     arcsin(2.0)
nan
""")
arccos = ufunc("arccos", """The inverse cosine (``np.arccos``, ``np.acos``): ``nan`` outside ``[-1, 1]``.

>>> arccos([1.0, -1.0])
tensor([0.        , 3.14159265])
""")
arctan = ufunc("arctan", """The inverse tangent (``np.arctan``, ``np.atan``).

>>> arctan([0.0, 1.0, float("inf")])
tensor([0.        , 0.78539816, 1.57079633])
""")
arctan2 = ufunc("arctan2", """The angle of the point ``(x2, x1)``, in its quadrant (``np.arctan2``, ``np.atan2``).

>>> arctan2([1.0, 1.0, -0.0], [1.0, -1.0, -1.0])
tensor([ 0.78539816,  2.35619449, -3.14159265])
""")
hypot = ufunc("hypot", """``sqrt(x1**2 + x2**2)`` without overflow (``np.hypot``).

>>> hypot(3.0, 4.0), hypot(1e308, 1e308), hypot(float("inf"), float("nan"))
(5.0, 1.4142135623730951e+308, inf)
""")
sinh = ufunc("sinh", """The hyperbolic sine (``np.sinh``).

>>> sinh([0.0, 1.0])
tensor([0.        , 1.17520119])
""")
cosh = ufunc("cosh", """The hyperbolic cosine (``np.cosh``).

>>> cosh([0.0, 1.0])
tensor([1.        , 1.54308063])
""")
tanh = ufunc("tanh", """The hyperbolic tangent (``np.tanh``): between -1 and 1.

>>> tanh([0.0, 1.0, 1000.0])
tensor([0.        , 0.76159416, 1.        ])
""")
arcsinh = ufunc("arcsinh", """The inverse hyperbolic sine (``np.arcsinh``, ``np.asinh``).

>>> arcsinh([0.0, 1.0])
tensor([0.        , 0.88137359])
""")
arccosh = ufunc("arccosh", """The inverse hyperbolic cosine (``np.arccosh``, ``np.acosh``): ``nan`` below 1.

>>> arccosh([1.0, 2.0])
tensor([0.       , 1.3169579])
""")
arctanh = ufunc("arctanh", """The inverse hyperbolic tangent (``np.arctanh``, ``np.atanh``): ``±inf`` at ±1.

>>> arctanh(0.5)
0.5493061443340548
>>> with errstate(divide="ignore", invalid="ignore"):
...     arctanh([1.0, -1.0, 2.0])
tensor([ inf, -inf,  nan])
""")
degrees = ufunc("degrees", """Radians to degrees (``np.degrees``).

>>> degrees([math.pi, -math.pi / 2])
tensor([180., -90.])
""")
radians = ufunc("radians", """Degrees to radians (``np.radians``).

>>> radians([180.0, 90])
tensor([3.14159265, 1.57079633])
""")
rad2deg = ufunc("rad2deg", """Radians to degrees (``np.rad2deg``): ``degrees`` under its other name.

>>> rad2deg([math.pi, -0.0])
tensor([180.,  -0.])
""")
deg2rad = ufunc("deg2rad", """Degrees to radians (``np.deg2rad``): ``radians`` under its other name.

>>> deg2rad([180, -90])
tensor([ 3.14159265, -1.57079633])
""")

# ---------------------------------------------------------------------------
# Rounding and the floating-point kinds
# ---------------------------------------------------------------------------

floor = ufunc("floor", """The largest whole number not above each element (``np.floor``); integers stay integers.

>>> floor([-0.5, 2.7, -0.0]), floor(tensor([3], dtype="uint8"))
(tensor([-1.,  2., -0.]), tensor([3], dtype=uint8))
""")
ceil = ufunc("ceil", """The smallest whole number not below each element (``np.ceil``); ``ceil(-0.5)`` is ``-0.0``.

>>> ceil([-0.5, 2.1, 3.0])
tensor([-0.,  3.,  3.])
""")
trunc = ufunc("trunc", """Each element without its fraction (``np.trunc``).

>>> trunc([-2.7, 2.7, -0.2])
tensor([-2.,  2., -0.])
""")
rint = ufunc("rint", """The nearest whole number, halves to even (``np.rint``).

>>> rint([0.5, 1.5, 2.5, -0.4])
tensor([ 0.,  2.,  2., -0.])
""")
copysign = ufunc("copysign", """``|x1|`` with the sign of ``x2`` (``np.copysign``); the sign of ``-0.0`` counts.

>>> copysign([1.0, 2.0], [-0.0, 1.0])
tensor([-1.,  2.])
""")
nextafter = ufunc("nextafter", """The number next to ``x1`` toward ``x2``, in the dtype's own steps (``np.nextafter``).

>>> nextafter(1.0, 2.0), nextafter(tensor([1.0], dtype="float32"), 2)
(1.0000000000000002, tensor([1.0000001], dtype=float32))
""")
heaviside = ufunc("heaviside", """The step function: 0 below zero, 1 above, ``x2`` at zero (``np.heaviside``).

>>> heaviside([-1.5, 0.0, 2.0], 0.5)
tensor([0. , 0.5, 1. ])
""")
isnan = ufunc("isnan", """Whether each element is NaN (``np.isnan``): bools.

>>> isnan([1.0, float("nan"), float("inf")]), isnan([1, 2])
(tensor([False,  True, False]), tensor([False, False]))
""")
isinf = ufunc("isinf", """Whether each element is ``inf`` or ``-inf`` (``np.isinf``).

>>> isinf([1.0, float("-inf"), float("nan")])
tensor([False,  True, False])
""")
isfinite = ufunc("isfinite", """Whether each element is neither infinite nor NaN (``np.isfinite``).

>>> isfinite([1.0, float("inf"), float("nan")])
tensor([ True, False, False])
""")
signbit = ufunc("signbit", """Whether each element's sign bit is set: true for ``-0.0`` and ``-inf`` (``np.signbit``).

>>> signbit([-0.0, 0.0, -2.0, float("-inf")])
tensor([ True, False,  True,  True])
""")

# ---------------------------------------------------------------------------
# Comparisons and extremes
# ---------------------------------------------------------------------------

less = ufunc("less", """``x1 < x2`` element by element, as bools (``np.less``).

Integers compare exactly, int64 with uint64 too (NumPy does not go through floats).

>>> less([-1, 0, 2], 0), less(tensor([2**60]), tensor([2**60 + 1], dtype="uint64"))
(tensor([ True, False, False]), tensor([ True]))
""")
less_equal = ufunc("less_equal", """``x1 <= x2`` element by element, as bools (``np.less_equal``).

>>> less_equal([-1, 0, 2], 0)
tensor([ True,  True, False])
""")
greater = ufunc("greater", """``x1 > x2`` element by element, as bools (``np.greater``); NaN is greater than nothing.

>>> greater([-1, 0, 2], 0), greater(float("nan"), 0.0)
(tensor([False, False,  True]), False)
""")
greater_equal = ufunc("greater_equal", """``x1 >= x2`` element by element, as bools (``np.greater_equal``).

>>> greater_equal([-1, 0, 2], 0)
tensor([False,  True,  True])
""")
equal = ufunc("equal", """``x1 == x2`` element by element, as bools (``np.equal``); NaN equals nothing.

>>> equal([1, 2, 3], [1, 0, 3]), equal(float("nan"), float("nan"))
(tensor([ True, False,  True]), False)
""")
not_equal = ufunc("not_equal", """``x1 != x2`` element by element, as bools (``np.not_equal``).

>>> not_equal([1.0, 2.0, float("nan")], [1.0, 0.0, float("nan")])
tensor([False,  True,  True])
""")
maximum = ufunc("maximum", """The larger of each pair of elements (``np.maximum``); NaN on either side wins.

This is the notebook's ``Nx.max(t, 0)`` and the book's ``np.maximum(0, x)`` (ReLU).
(Python's ``max(0.0, nan)`` depends on the order; this does not.) Of two equal values
the second is kept, so ``maximum(0, -0.0)`` is ``-0.0``, as in NumPy.

>>> maximum([[1, 5]], [[3], [4]])
tensor([[3, 5],
        [4, 5]])
>>> maximum(0, [float("nan"), -1.0, -0.0])
tensor([nan,  0., -0.])
""")
minimum = ufunc("minimum", """The smaller of each pair of elements (``np.minimum``); NaN on either side wins.

>>> minimum([1.0, 5.0, float("nan")], 2)
tensor([ 1.,  2., nan])
""")
fmax = ufunc("fmax", """The larger of each pair, a NaN losing to a number (``np.fmax``).

>>> fmax([float("nan"), 1.0, float("nan")], [0.0, float("nan"), float("nan")])
tensor([ 0.,  1., nan])
""")
fmin = ufunc("fmin", """The smaller of each pair, a NaN losing to a number (``np.fmin``).

>>> fmin([float("nan"), 1.0], [0.0, float("nan")])
tensor([0., 1.])
""")

# ---------------------------------------------------------------------------
# Logic and bits
# ---------------------------------------------------------------------------

logical_and = ufunc("logical_and", """Whether both elements are true (nonzero), as bools (``np.logical_and``).

>>> logical_and([0, 1, 2], [3, 0, 4]), logical_and.reduce([True, True, False])
(tensor([False, False,  True]), False)
""")
logical_or = ufunc("logical_or", """Whether either element is true (nonzero), as bools (``np.logical_or``).

>>> logical_or([0, 0.0, 2], [0, float("nan"), 0])
tensor([False,  True,  True])
""")
logical_xor = ufunc("logical_xor", """Whether exactly one element is true (nonzero), as bools (``np.logical_xor``).

>>> logical_xor([0, 1, 2], [0, 0, 3])
tensor([False,  True, False])
""")
logical_not = ufunc("logical_not", """Whether each element is false (zero), as bools (``np.logical_not``).

>>> logical_not([0, 1, 2]), logical_not(0.0)
(tensor([ True, False, False]), True)
""")
bitwise_and = ufunc("bitwise_and", """``x1 & x2`` on the bits of bools and integers (``np.bitwise_and``).

>>> bitwise_and([12, -1], [10, 7]), bitwise_and([True, True], [True, False])
(tensor([8, 7]), tensor([ True, False]))
>>> bitwise_and([1.5], 1)
Traceback (most recent call last):
...
TypeError: ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced \
to any supported types according to the casting rule ''safe''
""")
bitwise_or = ufunc("bitwise_or", """``x1 | x2`` on the bits of bools and integers (``np.bitwise_or``).

>>> bitwise_or([12, 1], [10, 2]), bitwise_or.reduce(tensor([1, 2, 4], dtype="uint8"))
(tensor([14,  3]), 7)
""")
bitwise_xor = ufunc("bitwise_xor", """``x1 ^ x2`` on the bits of bools and integers (``np.bitwise_xor``).

>>> bitwise_xor([12, 1], [10, 1]), bitwise_xor(True, [True, False])
(tensor([6, 0]), tensor([False,  True]))
""")
invert = ufunc("invert", """``~x``: every bit flipped (``np.invert``, ``np.bitwise_not``); "not" for bools.

>>> invert([0, 5]), invert(tensor([0, 255], dtype="uint8")), invert([True, False])
(tensor([-1, -6]), tensor([255,   0], dtype=uint8), tensor([False,  True]))
""")
left_shift = ufunc("left_shift", """``x1 << x2`` for integers, wrapped to the dtype (``np.left_shift``).

Shifting by the width or more (or by a negative count) gives 0, as NumPy defines it.

>>> left_shift([1, 3], [4, 1]), left_shift(tensor([1, 1, 1], dtype="int8"), tensor([7, 8, -1], dtype="int8"))
(tensor([16,  6]), tensor([-128,    0,    0], dtype=int8))
""")
right_shift = ufunc("right_shift", """``x1 >> x2`` for integers, keeping the sign (``np.right_shift``).

>>> right_shift([16, -16], 2), right_shift(-1, 100)
(tensor([ 4, -4]), -1)
""")

# NumPy's other names for some of them (NumPy 2 added the Array API's).
true_divide = divide
mod = remainder
abs = absolute
bitwise_not = invert
bitwise_invert = invert
bitwise_left_shift = left_shift
bitwise_right_shift = right_shift
pow = power
asin, acos, atan, atan2 = arcsin, arccos, arctan, arctan2
asinh, acosh, atanh = arcsinh, arccosh, arctanh

_UFUNCS = [value for value in list(globals().values()) if isinstance(value, ufunc)]
# A ufunc's docstring belongs to no function or class, so doctest finds its examples here.
__test__ = {u.__name__: u.__doc__ for u in _UFUNCS}
