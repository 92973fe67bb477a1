"""The yardstick for training speed: chapter 5's two-layer net written by hand in plain Python.

One SGD step of the book's ``TwoLayerNet`` (784-50-10, Affine-ReLU-Affine-SoftmaxWithLoss,
batch 100) on nested lists, as fast as a careful programmer writes it without a tensor
library: every matrix product picks the form that suits its operands, and knows which
of them are sparse (an MNIST image is 82 % zeros, the gradient through ReLU about half).

The forms tried, per product, on CPython 3.11 and 3.12 (``benchmarks/run.py`` times the step):

- dense ``sum(map(mul, row, column))`` per output, the right operand transposed once
  with ``zip(*B)`` (``math.sumprod`` on 3.12+, about 4x faster per term);
- *compressed nonzeros*: the positions ``k`` where a left row is not zero
  (``compress(range(n), row)``), an ``itemgetter`` of them to pick the same positions
  out of every column, and the same sum over the picked terms: the fastest for the
  sparse left operands (``x`` and ``x.T``, and the ReLU gradient on 3.11);
- *row-axpy*: ``out_row += x[i, k] * B[k]`` for each nonzero ``x[i, k]``, written as
  ``map(add, out, map(mul, B[k], repeat(x_ik)))``: no transposition at all, but two
  float operations per term instead of one; measured slower than the compressed form
  (``x @ W1``: 1.5-1.9x on 3.11, 3x on 3.12), so it is not used.

``step(params, x, t, with_dx)`` is the measured function; ``with_dx`` says whether the
first Affine computes the gradient with respect to its input (the book's code does, and
throws it away; a network that knows its first layer needs no ``dx`` skips it).
"""

from __future__ import annotations

import math
import sys
from itertools import compress, repeat
from operator import itemgetter, mul, sub

if sys.version_info >= (3, 12):
    from math import sumprod
else:

    def sumprod(p, q):
        return sum(map(mul, p, q))


# Skipping zeros pays once this share of a row is zero (measured, as in zeronn's kernels).
SPARSE = 0.6 if sys.version_info >= (3, 12) else 0.4


def matmul(A, BT):
    """``A @ B`` from the rows of ``A`` and the columns of ``B`` (``BT``, tuples), each
    row dense or compressed as its zeros say."""
    out = []
    for row in A:
        nonzero = list(compress(range(len(row)), row))
        if len(nonzero) > (1 - SPARSE) * len(row):
            out.append([sumprod(row, column) for column in BT])
        elif len(nonzero) > 1:
            pick = itemgetter(*nonzero)
            values = pick(row)
            out.append([sumprod(values, pick(column)) for column in BT])
        elif nonzero:
            (k,) = nonzero
            value = row[k]
            out.append([0.0 + value * column[k] for column in BT])
        else:
            out.append([0.0] * len(BT))
    return out


def transpose(A):
    return list(zip(*A))


def step(params, x, t, lr=0.1, with_dx=True):
    """One SGD step of the two-layer net; ``params`` (lists of rows) are updated in place.
    Returns the loss before the step."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    batch = len(x)
    # forward: Affine, ReLU, Affine, softmax and the cross-entropy loss
    a1 = [list(map(float.__add__, row, b1)) for row in matmul(x, transpose(W1))]
    z1 = [[v if v > 0.0 else 0.0 for v in row] for row in a1]
    a2 = [list(map(float.__add__, row, b2)) for row in matmul(z1, transpose(W2))]
    y = []
    for row in a2:
        c = max(row)
        exps = [math.exp(v - c) for v in row]
        total = sum(exps)
        y.append([e / total for e in exps])
    loss = -sum(math.log(row[label] + 1e-7) for row, label in zip(y, t)) / batch
    # backward
    dy = [[(p - 1.0 if k == label else p) / batch for k, p in enumerate(row)] for row, label in zip(y, t)]
    dyT = transpose(dy)
    dW2 = matmul(transpose(z1), dyT)
    db2 = [sum(column) for column in dyT]
    dz1 = matmul(dy, W2)  # dy @ W2.T: the columns of W2.T are the rows of W2
    da1 = [[d if a > 0.0 else 0.0 for d, a in zip(drow, arow)] for drow, arow in zip(dz1, a1)]
    da1T = transpose(da1)
    dW1 = matmul(transpose(x), da1T)
    db1 = [sum(column) for column in da1T]
    if with_dx:
        matmul(da1, W1)  # da1 @ W1.T, which the book's Affine.backward computes and the net ignores
    # the SGD update, as the book writes it: params[key] -= learning_rate * grad[key]
    for W, dW in ((W1, dW1), (W2, dW2)):
        for row, drow in zip(W, dW):
            row[:] = map(sub, row, map(mul, repeat(lr), drow))
    for b, db in ((b1, db1), (b2, db2)):
        b[:] = map(sub, b, map(mul, repeat(lr), db))
    return loss
