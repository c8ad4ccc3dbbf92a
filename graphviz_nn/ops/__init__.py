"""The op registry: ``OPS[name] -> OpSpec``, one entry per op, grouped by category."""

from . import activations, arith, losses, tensor  # noqa: F401  (each registers its ops)
from .losses import OpError
from .spec import CATEGORIES, OPS, OpSpec, register, unbroadcast

__all__ = ["CATEGORIES", "OPS", "OpError", "OpSpec", "register", "unbroadcast"]
