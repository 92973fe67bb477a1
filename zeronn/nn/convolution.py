"""Convolution and pooling (chapter 7): images in, images out, by im2col.

A convolution slides each filter over the image and, at each place, takes the sum of the
products of the filter and the patch under it (7.2). Written as loops that is six deep;
the book's trick (7.4.3) is to cut the images into patches first, one patch per row of a
matrix, ``im2col``: then the whole convolution is one matrix product, ``col · W``, which
is the one kind of loop zeronn (like NumPy) does fast. ``col2im`` is its adjoint: it adds
each row back where its patch was, which is what the backward pass needs.

- ``conv_output_size(input_size, filter_size, stride, pad)`` (7.2.4): how many places a
  filter fits;
- ``im2col(input_data, filter_h, filter_w, stride, pad)`` and ``col2im(col, input_shape,
  ...)`` (7.4.3): a batch ``(N, C, H, W)`` to patch rows and back;
- ``Convolution(W, b, stride, pad)`` (7.4.3): the convolution layer, ``forward`` and
  ``backward``;
- ``Pooling(pool_h, pool_w, stride, pad)`` (7.3, 7.4.4): max pooling, ``forward`` and
  ``backward``.

Shapes follow the book: a batch of images is ``(N, C, H, W)`` (number, channels, height,
width), filters are ``(FN, C, FH, FW)`` and a convolution's output is ``(N, FN, out_h,
out_w)``. As with the book's (whose ``im2col`` fills ``np.zeros``), the results are
float64 whatever the input's dtype.

>>> x = arange(16.0).reshape(1, 1, 4, 4)              # one image, one channel, 4 x 4
>>> W = tensor([[[[1.0, 0.0], [0.0, -1.0]]]])          # one 2 x 2 filter: top left - bottom right
>>> Convolution(W, tensor([0.5])).forward(x)
tensor([[[[-4.5, -4.5, -4.5],
          [-4.5, -4.5, -4.5],
          [-4.5, -4.5, -4.5]]]])
>>> Pooling(2, 2, stride=2).forward(x)                 # the largest of each 2 x 2 block
tensor([[[[ 5.,  7.],
          [13., 15.]]]])

How it is done: the batch stays one flat list of numbers, row-major (padded with zeros
when ``pad`` asks for it). For one line of output places and one place in the filter, the
numbers a patch row needs are evenly spaced in that list, so one slice gathers them, and
``zip`` of a line's slices gives its rows of ``im2col``: Python runs both at C speed. The
products are ``kernels.dot``, the substrate's matrix product (which skips the zeros of a
row when there are many: MNIST's images are mostly background). ``_Patches`` below holds
the arithmetic of where the slices start. The layers use these pieces directly, so that a
batch is never copied into patches more than once; ``im2col`` and ``col2im`` give the same
rows and sums as tensors, to read, test and use.
"""

from __future__ import annotations

__all__ = ["conv_output_size", "im2col", "col2im", "Convolution", "Pooling"]

import math
from itertools import chain, repeat
from operator import add
from typing import Any, Iterable, Iterator, List, Optional, Sequence, Tuple

from .. import kernels
from .._shape import format_shape
from ..core import Tensor, as_tensor, elements, tensor  # noqa: F401  (tensor: the examples use it)
from ..creation import arange  # noqa: F401  (the examples use it)
from ..dtypes import float64
from ..reductions import argmax_of, extreme

Shape4 = Tuple[int, int, int, int]

# Convolution.backward computes dx as a convolution from this many input channels on
# (DeepConvNet's layers have 16 to 64): with fewer, the book's col2im is about as fast.
_CHANNELS_FOR_CONVOLVED_DX = 8

# ---------------------------------------------------------------------------
# 7.2.4: output size
# ---------------------------------------------------------------------------


def conv_output_size(input_size: int, filter_size: int, stride: int = 1, pad: int = 0) -> int:
    """How many places a filter of ``filter_size`` fits along an input of ``input_size``
    padded by ``pad`` on each side, stepping by ``stride``: ``(input_size + 2*pad -
    filter_size) // stride + 1`` (7.2.4).

    >>> conv_output_size(28, 5)                      # SimpleConvNet: 28 - 5 + 1
    24
    >>> conv_output_size(7, 3, stride=2, pad=1)      # (7 + 2 - 3) // 2 + 1
    4
    >>> conv_output_size(28, 3, stride=2)            # a filter that would hang over the edge stops short
    13
    >>> conv_output_size(2, 3)
    Traceback (most recent call last):
    ...
    ValueError: a filter of size 3 does not fit an input of size 2 padded by 0

    The book's ``conv_output_size`` (``common/util.py``) returns the float ``(input_size +
    2*pad - filter_size) / stride + 1``; this returns the number of places, as the book's
    ``im2col`` and layers compute it (``//``).
    """
    for name, value, least in (("input_size", input_size, 0), ("filter_size", filter_size, 1), ("stride", stride, 1),
                               ("pad", pad, 0)):  # fmt: skip
        if not isinstance(value, int):
            raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
        if value < least:
            raise ValueError(f"{name} must be at least {least}, got {value}")
    if input_size + 2 * pad < filter_size:
        raise ValueError(f"a filter of size {filter_size} does not fit an input of size {input_size} padded by {pad}")
    return (input_size + 2 * pad - filter_size) // stride + 1


# ---------------------------------------------------------------------------
# 7.4.3: im2col and col2im
# ---------------------------------------------------------------------------


def im2col(input_data: Any, filter_h: int, filter_w: int, stride: int = 1, pad: int = 0) -> Tensor:
    """The patches of a batch of images, one per row: ``(N*out_h*out_w, C*filter_h*filter_w)``.

    Row ``(n, i, j)`` is the patch of image ``n`` that the filter covers at output place
    ``(i, j)``: all ``C`` channels of it, each ``filter_h`` lines of ``filter_w`` numbers,
    one after the other. For one image of two channels, 3 x 3, and a 2 x 2 filter::

        channel 0      channel 1          col (4 places x 2*2*2 numbers)
        a b c          A B C              (0,0)  a b d e  A B D E
        d e f          D E F       ->     (0,1)  b c e f  B C E F
        g h i          G H I              (1,0)  d e g h  D E G H
                                          (1,1)  e f h i  E F H I

    The rows of image 0 come first, then those of image 1, and so on. The images are
    padded with ``pad`` zeros on every side first, and the filter steps ``stride`` at a
    time. A convolution is then ``dot(col, W.reshape(FN, -1).T)``: each row of the
    product is one output place, each column one filter.

    >>> x = arange(18.0).reshape(1, 2, 3, 3)
    >>> im2col(x, 2, 2)
    tensor([[ 0.,  1.,  3.,  4.,  9., 10., 12., 13.],
            [ 1.,  2.,  4.,  5., 10., 11., 13., 14.],
            [ 3.,  4.,  6.,  7., 12., 13., 15., 16.],
            [ 4.,  5.,  7.,  8., 13., 14., 16., 17.]])
    >>> im2col(arange(4).reshape(1, 1, 2, 2), 2, 2, pad=1)[:, 0]   # ints come out float64; corners padded
    tensor([0., 0., 0., 0., 0., 1., 0., 2., 3.])
    >>> im2col(arange(4.0).reshape(2, 2), 2, 2)
    Traceback (most recent call last):
    ...
    ValueError: im2col needs a batch of images (N, C, H, W), got shape (2,2)

    The book's ``im2col`` (``common/util.py``), with the same rows in the same order.
    """
    x = as_tensor(input_data)
    patches = _Patches(_images_shape(x, "im2col"), filter_h, filter_w, stride, pad)
    rows = patches.rows(patches.padded(_floats(x)))
    return Tensor.from_storage(list(chain.from_iterable(rows)), patches.col_shape)


def col2im(col: Any, input_shape: Sequence[int], filter_h: int, filter_w: int, stride: int = 1, pad: int = 0) -> Tensor:
    """The images of ``input_shape`` ``(N, C, H, W)`` that ``col`` ``(N*out_h*out_w,
    C*filter_h*filter_w)`` is the patches of, each number added back where ``im2col``
    took it from.

    Where patches overlap, a pixel was copied into several rows, and its result is the
    sum of all of them: that is exactly what the backward pass of a convolution needs
    (the gradient of a copied number is the sum of its copies' gradients). The padding
    is cut off at the end. The sums are made in the book's order (by the place in the
    filter), so on the same numbers they are NumPy's to the last bit.

    >>> col = im2col(arange(9.0).reshape(1, 1, 3, 3), 2, 2)   # 4 overlapping 2 x 2 patches
    >>> col2im(col, (1, 1, 3, 3), 2, 2)                      # the middle pixel was in all 4
    tensor([[[[ 0.,  2.,  2.],
              [ 6., 16., 10.],
              [ 6., 14.,  8.]]]])
    >>> col2im(col, (1, 1, 4, 4), 2, 2)
    Traceback (most recent call last):
    ...
    ValueError: col2im: col of shape (4,4) does not hold the 2 x 2 patches of images (1, 1, 4, 4): expected (9,4)

    The book's ``col2im`` (``common/util.py``).
    """
    shape = _four(input_shape, "col2im")
    patches = _Patches(shape, filter_h, filter_w, stride, pad)
    col = as_tensor(col)
    expected = patches.col_shape
    if col.shape != expected:
        raise ValueError(
            f"col2im: col of shape {format_shape(col.shape)} does not hold the {filter_h} x {filter_w} patches "
            f"of images {shape}: expected {format_shape(expected)}"
        )
    return Tensor.from_storage(patches.added(_floats(col)), shape)


# ---------------------------------------------------------------------------
# 7.4.3: the convolution layer
# ---------------------------------------------------------------------------


class Convolution:
    """The convolution layer: ``FN`` filters slid over a batch of images, plus a bias per filter.

    Shapes: ``W`` is ``(FN, C, FH, FW)``, ``b`` is ``(FN,)``, ``x`` is ``(N, C, H, W)``,
    and the output is ``(N, FN, out_h, out_w)`` with ``out_h = conv_output_size(H, FH,
    stride, pad)`` (and the same for ``out_w``). With ``col = im2col(x, FH, FW, stride,
    pad)`` and ``col_W = W.reshape(FN, -1).T``, the layer is ``Affine`` on the patches::

        out = col · col_W + b          (N*out_h*out_w, FN), then laid out (N, FN, out_h, out_w)
        dW  = col.T · dout             (C*FH*FW, FN), laid out as W
        db  = dout summed              (FN,)
        dx  = col2im(dout · col_W.T)   (N, C, H, W): each patch's gradient added back in place

    ``W`` and ``b`` are the very tensors given (an optimizer's in-place update reaches
    the layer). ``needs_dx`` is as for ``Affine``: a network sets it False on its first
    layer, whose input is the data, and ``backward`` then leaves out ``dx`` (as many
    multiply-adds as the forward pass) and returns None.

    >>> layer = Convolution(tensor([[[[1.0, 2.0]]]]), tensor([0.0]))     # one 1 x 2 filter
    >>> layer.forward(tensor([[[[1.0, 10.0, 100.0]]]]))                 # 1*1 + 2*10, 1*10 + 2*100
    tensor([[[[ 21., 210.]]]])
    >>> layer.backward(tensor([[[[1.0, 0.0]]]]))                         # dx: W where the first patch was
    tensor([[[[1., 2., 0.]]]])
    >>> layer.dW, layer.db
    (tensor([[[[ 1., 10.]]]]), tensor([1.]))
    >>> layer.forward(tensor([[[[1.0]], [[2.0]]]]))
    Traceback (most recent call last):
    ...
    ValueError: Convolution: input of shape (1,2,1,1) has 2 channels, the filters (1,1,1,2) take 1

    The book's ``Convolution`` in ``common/layers.py``. Unlike it, the layer keeps the
    input rather than its patches (``col``), and cuts the patches again in ``backward``:
    they are ``FH * FW`` times the input, for ``DeepConvNet`` about 100 MB per batch of
    100, and cutting costs little next to the products.
    """

    def __init__(self, W: Tensor, b: Tensor, stride: int = 1, pad: int = 0) -> None:
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.needs_dx = True

        self.x: Any = None  # set by forward: the input, for backward
        # the gradients of the weights, set by backward
        self.dW: Any = None
        self.db: Any = None

    def forward(self, x: Tensor) -> Tensor:
        """The filters' sums over every patch of ``x``, plus the bias: ``(N, FN, out_h, out_w)``."""
        FN, C, FH, FW = self._filters_shape(x)
        N = x.shape[0]
        patches = _Patches(_images_shape(x, "Convolution"), FH, FW, self.stride, self.pad)
        out_h, out_w = patches.out_h, patches.out_w

        col = patches.rows(patches.padded(_floats(x)))  # im2col(x, FH, FW, stride, pad), a row at a time
        col_W = _rows_of(_floats(self.W), FN)  # the filters, one per row: W.reshape(FN, -1)
        out = _dot(col, col_W)  # dot(col, col_W.T): (N*out_h*out_w, FN), one row per place
        out = _channels_first(out, N, out_h * out_w, FN, elements(self.b))  # + b, laid out (N, FN, out_h, out_w)

        self.x = x
        return Tensor.from_storage(out, (N, FN, out_h, out_w))

    def backward(self, dout: Tensor) -> Optional[Tensor]:
        """Set ``dW`` and ``db``; return ``dx`` (None when ``needs_dx`` is False)."""
        FN, C, FH, FW = self.W.shape
        N = self.x.shape[0]
        patches = _Patches(self.x.shape, FH, FW, self.stride, self.pad)
        out_shape = _check_dout(dout, (N, FN, patches.out_h, patches.out_w), "Convolution")
        places = patches.out_h * patches.out_w
        dout_values = _floats(dout)
        # dout as the book has it, dout.transpose(0, 2, 3, 1).reshape(-1, FN), has a row for
        # each place; for dW and db it is read by filter: filter f's at every place of every image.
        each_filter = [
            list(chain.from_iterable(dout_values[(n * FN + f) * places : (n * FN + f + 1) * places] for n in range(N)))
            for f in range(FN)
        ]

        self.db = Tensor.from_storage([sum(filter_dout, 0.0) for filter_dout in each_filter], (FN,))
        col_T = patches.columns(patches.padded(_floats(self.x)))  # im2col(x, ...).T: the patches again
        self.dW = Tensor.from_storage(_dot(each_filter, col_T), self.W.shape)  # dout.T · col, shaped as W
        if not self.needs_dx:
            return None

        if self._dx_is_a_convolution(patches):  # the same numbers, summed FN*FH*FW at a time
            return Tensor.from_storage(self._dx_by_convolution(dout_values, out_shape), self.x.shape)
        dout_rows = _place_rows(dout_values, N, FN, places)
        # dot(dout, col_W.T), where col_W.T is W.reshape(FN, -1): W's own values, row-major,
        # are the right operand. (N*out_h*out_w, C*FH*FW)
        dcol = kernels.dot(dout_rows, _floats(self.W), C * FH * FW)
        return Tensor.from_storage(patches.added(dcol), self.x.shape)  # col2im(dcol, x.shape, ...)

    def _dx_is_a_convolution(self, patches: _Patches) -> bool:
        """Whether ``dx`` is computed faster as a convolution (``_dx_by_convolution``):
        with stride 1, square filters, no more products than the book's way (an output
        at least as large as the input), and enough channels (measured: with fewer than 8,
        the book's sums of ``FN`` terms are about as fast, or faster)."""
        FN, C, FH, FW = self.W.shape
        N, _, H, W = self.x.shape
        return (self.stride == 1 and FH == FW and self.pad < FH and C >= _CHANNELS_FOR_CONVOLVED_DX
                and patches.out_h * patches.out_w >= H * W)  # fmt: skip

    def _dx_by_convolution(self, dout_values: List[float], dout_shape: Shape4) -> List[float]:
        """``dx`` as a convolution: of ``dout``, padded by ``FH - 1 - pad``, with each filter
        turned half a turn and the roles of ``FN`` and ``C`` swapped (stride 1).

        Input pixel ``(c, y, x)`` was in the patch at ``(y - dy, x - dx)`` for each filter
        place ``(dy, dx)``, times ``W[f, c, dy, dx]``; so its gradient is the sum of
        ``dout[f, y - dy, x - dx] * W[f, c, dy, dx]`` over ``f, dy, dx``: a patch of ``dout``
        (read backwards) times filter ``c`` of the turned ``W``. The same products as
        ``col2im(dout · col_W.T)``, added in another order: in sums of ``FN*FH*FW`` terms
        rather than ``FN``, which for ``DeepConvNet`` (``FN`` = 16) is about twice as fast.
        """
        FN, C, FH, FW = self.W.shape
        N, _, H, W = self.x.shape
        size = FH * FW
        filters = _floats(self.W)
        turned = [  # filter c of dx: W[f, c, FH-1-dy, FW-1-dx] for every (f, dy, dx)
            list(chain.from_iterable(filters[(f * C + c) * size : (f * C + c + 1) * size][::-1] for f in range(FN)))
            for c in range(C)
        ]  # fmt: skip
        back = _Patches(dout_shape, FH, FW, 1, FH - 1 - self.pad)
        dx = _dot(back.rows(back.padded(dout_values)), turned)  # (N*H*W, C)
        return _channels_first(dx, N, H * W, C, [0.0] * C)  # (+ 0.0, as col2im's sums start from zeros)

    def _filters_shape(self, x: Tensor) -> Shape4:
        """``W``'s shape, after checking that ``W``, ``b`` and ``x`` fit together."""
        if self.W.ndim != 4:
            shape = format_shape(self.W.shape)
            raise ValueError(f"Convolution: the filters W must be (FN, C, FH, FW), got shape {shape}")
        FN, C, FH, FW = self.W.shape
        if self.b.size != FN:
            raise ValueError(f"Convolution: {FN} filters need {FN} biases, got b of shape {format_shape(self.b.shape)}")
        _images_shape(x, "Convolution")
        if x.shape[1] != C:
            raise ValueError(
                f"Convolution: input of shape {format_shape(x.shape)} has {x.shape[1]} channels, "
                f"the filters {format_shape(self.W.shape)} take {C}"
            )
        return FN, C, FH, FW


# ---------------------------------------------------------------------------
# 7.3, 7.4.4: the pooling layer
# ---------------------------------------------------------------------------


class Pooling:
    """Max pooling: the largest number in each ``pool_h x pool_w`` window of each channel.

    Shapes: ``x`` is ``(N, C, H, W)`` and the output ``(N, C, out_h, out_w)``, with
    ``out_h = conv_output_size(H, pool_h, stride, pad)``. Each channel is pooled on its
    own (no weights, nothing to learn). Backward, the gradient of each window goes to
    the one number that was its largest (``arg_max``, the first of equals), and to none of
    the others: they did not change the output.

    >>> layer = Pooling(2, 2, stride=2)
    >>> x = tensor([[[[1.0, 2.0, 5.0, 0.0], [4.0, 3.0, 0.0, 0.0]]]])     # two windows
    >>> layer.forward(x)
    tensor([[[[4., 5.]]]])
    >>> layer.backward(tensor([[[[10.0, 20.0]]]]))
    tensor([[[[ 0.,  0., 20.,  0.],
              [10.,  0.,  0.,  0.]]]])
    >>> Pooling(2, 2).forward(tensor([[[[1.0, float("nan")], [3.0, -0.0]]]]))   # NaN wins, as in NumPy
    tensor([[[[nan]]]])

    ``arg_max`` holds, for each window in the output's order ``(n, c, i, j)``, where its
    largest number is (``dy * pool_w + dx``). It is found by ``backward``, the only one to
    need it (so that predicting does not pay for it); the book's is found by ``forward``,
    in the order ``(n, i, j, c)``. The book's ``Pooling`` in ``common/layers.py`` (whose
    ``forward`` sizes its output without the padding, which only works for ``pad=0``).
    """

    def __init__(self, pool_h: int, pool_w: int, stride: int = 2, pad: int = 0) -> None:
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad

        self.x: Any = None  # set by forward
        self.arg_max: Any = None

    def forward(self, x: Tensor) -> Tensor:
        """The largest number of each window: ``(N, C, out_h, out_w)``."""
        N, C, H, W = _images_shape(x, "Pooling")
        patches = self._patches((N, C, H, W))

        values = _floats(x)
        columns = patches.columns(patches.padded(values))  # for each place in the window, its number in every window
        if math.isnan(sum(values)) or len(columns) == 1:  # a NaN (or inf and -inf), or 1 x 1 windows:
            maximum = extreme("maximum")  # NaN wins in NumPy, and compares false in Python
            out = [maximum(window) for window in zip(*columns)]
        else:  # (columns reversed: of equal numbers, max keeps the first it sees, NumPy's max the last,
            out = list(map(max, *reversed(columns)))  # which shows in max(0.0, -0.0))

        self.x = x
        self.arg_max = None  # found by backward, the only one that needs it
        return Tensor.from_storage(out, (N, C, patches.out_h, patches.out_w))

    def backward(self, dout: Tensor) -> Tensor:
        """Each window's gradient at the place of its largest number, zeros elsewhere: ``(N, C, H, W)``."""
        N, C, H, W = self.x.shape
        patches = self._patches(self.x.shape)
        _check_dout(dout, (N, C, patches.out_h, patches.out_w), "Pooling")
        values = _floats(self.x)
        windows = list(zip(*patches.columns(patches.padded(values))))
        if math.isnan(sum(values)):  # NumPy's argmax: the first NaN, if there is one
            self.arg_max = [argmax_of(window) for window in windows]
        else:  # the first largest
            self.arg_max = list(map(tuple.index, windows, map(max, windows)))

        # dcol, one row per window, as im2col of one channel at a time would give: all 0,
        # but dout at the window's arg_max (the book puts the channels side by side instead).
        pool_size = self.pool_h * self.pool_w
        dcol = [0.0] * (len(self.arg_max) * pool_size)
        for row_start, a, d in zip(range(0, len(dcol), pool_size), self.arg_max, _floats(dout)):
            dcol[row_start + a] = d
        return Tensor.from_storage(patches.added(dcol), self.x.shape)  # col2im(dcol, x.shape, ...)

    def _patches(self, shape: Shape4) -> _Patches:
        """The windows, as the patches of one-channel images: each channel is pooled on its own."""
        N, C, H, W = shape
        return _Patches((N * C, 1, H, W), self.pool_h, self.pool_w, self.stride, self.pad)


# ---------------------------------------------------------------------------
# Private helpers: images as lines, patches cut from them, patches added back
# ---------------------------------------------------------------------------


def _images_shape(x: Tensor, where: str) -> Shape4:
    if x.ndim != 4:
        raise ValueError(f"{where} needs a batch of images (N, C, H, W), got shape {format_shape(x.shape)}")
    N, C, H, W = x.shape
    return N, C, H, W


def _check_dout(dout: Tensor, expected: Shape4, where: str) -> Shape4:
    """``expected``, the shape of the last forward pass's output, which ``dout`` must have."""
    if dout.shape != expected:
        raise ValueError(
            f"{where}.backward: dout of shape {format_shape(dout.shape)} does not fit the last forward "
            f"pass's output, of shape {format_shape(expected)}"
        )
    return expected


def _four(shape: Sequence[int], where: str) -> Shape4:
    shape = tuple(shape)
    if len(shape) != 4 or not all(isinstance(n, int) and n >= 0 for n in shape):
        raise ValueError(f"{where}: input_shape must be four sizes (N, C, H, W), got {shape!r}")
    N, C, H, W = shape
    return N, C, H, W


def _floats(x: Tensor) -> List[float]:
    """``x``'s elements, row-major, as Python floats (float64): as the book's ``np.zeros``
    makes them. The float64 storage itself when there is one (read, never written)."""
    values = elements(x)
    if x.dtype is float64 and isinstance(values, list):
        return values
    if x.dtype.kind == "f":  # float32 (MNIST's pixels) in an array: its items are Python floats already
        return list(values)
    return [float(v) for v in values]


class _Patches:
    """Where the patches of a batch of images lie: what ``im2col``, ``col2im`` and the
    layers share.

    The images are read as one flat list, row-major ``(N, C, Hp, Wp)`` with ``Hp = H +
    2*pad`` and ``Wp = W + 2*pad`` (``padded`` adds the zeros). A patch's number at place
    ``(c, dy, dx)`` of the filter, at output place ``(i, j)`` of image ``n``, is at::

        (n*C*Hp + i*stride) * Wp      +   (c*Hp + dy) * Wp + dx     +   j*stride
        `---- tops[n*out_h + i] ----'     `----- starts[k] -----'

    so one output line's numbers for one filter place are one slice, ``images[top + start
    :: stride]`` (``out_w`` of them): ``rows`` zips a line's slices into its patch rows,
    ``columns`` joins each filter place's slices over all lines, and ``added`` adds a
    column's numbers back through the same slices.
    """

    def __init__(self, shape: Shape4, filter_h: int, filter_w: int, stride: int, pad: int) -> None:
        N, C, H, W = shape
        self.shape = shape
        self.pad = pad
        self.stride = stride
        self.out_h = conv_output_size(H, filter_h, stride, pad)
        self.out_w = conv_output_size(W, filter_w, stride, pad)
        self.Hp, self.Wp = H + 2 * pad, W + 2 * pad
        self.span = stride * (self.out_w - 1) + 1  # from a line's first patch to its last
        Hp, Wp = self.Hp, self.Wp
        self.starts = [(c * Hp + dy) * Wp + dx for c in range(C) for dy in range(filter_h) for dx in range(filter_w)]
        self.tops = [(n * C * Hp + i * stride) * Wp for n in range(N) for i in range(self.out_h)]
        self.col_shape = (N * self.out_h * self.out_w, len(self.starts))  # im2col's

    def padded(self, values: Sequence[float]) -> Sequence[float]:
        """The images with ``pad`` zeros around each channel (``values`` itself if ``pad`` is 0)."""
        if not self.pad:
            return values
        N, C, H, W = self.shape
        edge, blank = [0.0] * self.pad, [0.0] * (self.pad * self.Wp)
        padded: List[float] = []
        for plane in range(0, N * C * H * W, H * W):
            padded += blank
            for start in range(plane, plane + H * W, W):
                padded += edge
                padded += values[start : start + W]
                padded += edge
            padded += blank
        return padded

    def rows(self, images: Sequence[float]) -> Iterator[Tuple[float, ...]]:
        """The rows of ``im2col``, one tuple per output place, made as they are read."""
        span, stride, starts = self.span, self.stride, self.starts
        for top in self.tops:
            yield from zip(*[images[top + start : top + start + span : stride] for start in starts])

    def columns(self, images: Sequence[float]) -> List[List[float]]:
        """The columns of ``im2col`` (the rows of ``col.T``): one list per filter place."""
        span, stride, tops = self.span, self.stride, self.tops
        return [
            list(chain.from_iterable(images[top + start : top + start + span : stride] for top in tops))
            for start in self.starts
        ]

    def added(self, col: Sequence[float]) -> List[float]:
        """``col2im``: ``col`` (row-major, one row per output place) added back into zeros
        where ``rows`` took it from, the padding cut off: the images, row-major.

        Each filter place's column goes in, a line at a time, before the next place's, so
        every pixel's sum is made in the book's order (by place in the filter).
        """
        N, C, H, W = self.shape
        span, stride, out_w, row_length = self.span, self.stride, self.out_w, len(self.starts)
        images = [0.0] * (N * C * self.Hp * self.Wp)
        for k, start in enumerate(self.starts):
            column = col[k::row_length]  # this filter place, at every output place
            for line, top in enumerate(self.tops):
                where = slice(top + start, top + start + span, stride)
                images[where] = map(add, images[where], column[line * out_w : (line + 1) * out_w])
        if not self.pad:
            return images
        pad, Wp = self.pad, self.Wp
        values: List[float] = []
        for plane in range(N * C):  # the padding cut off
            for y in range(pad, pad + H):
                start = (plane * self.Hp + y) * Wp + pad
                values += images[start : start + W]
        return values


def _rows_of(values: Sequence[float], count: int) -> List[Sequence[float]]:
    """``values`` as ``count`` equal rows: ``W.reshape(FN, -1)``, one filter each."""
    length = len(values) // count if count else 0
    return [values[start : start + length] for start in range(0, count * length, length)] if length else [[]] * count


def _dot(rows: Iterable[Sequence[float]], columns: Sequence[Sequence[float]]) -> List[float]:
    """The matrix product of ``rows`` and the matrix whose columns are ``columns``, row-major:
    ``kernels.dot``, which takes its right operand row by row."""
    return kernels.dot(rows, list(chain.from_iterable(zip(*columns))), len(columns))


def _channels_first(products: List[float], N: int, places: int, FN: int, b: Sequence[Any]) -> List[float]:
    """``products`` ``(N * places, FN)`` plus ``b`` along each row, laid out ``(N, FN, places)``:
    the book's ``(dot(col, col_W) + b).reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)``."""
    out: List[float] = []
    for n in range(N):
        image = products[n * places * FN : (n + 1) * places * FN]
        for f in range(FN):
            out += map(add, image[f::FN], repeat(b[f], places))  # filter f at every place, plus its bias
    return out


def _place_rows(values: Sequence[float], N: int, FN: int, places: int) -> Iterator[Tuple[float, ...]]:
    """``(N, FN, places)`` read a place at a time: the book's ``dout.transpose(0, 2, 3, 1).reshape(-1, FN)``."""
    for n in range(N):
        yield from zip(*[values[(n * FN + f) * places : (n * FN + f + 1) * places] for f in range(FN)])
