"""Where the network diagram puts its units: one column (or row) per layer, scaled to the view.

Layers run left to right, as in TensorFlow Playground, unless the view is tall and narrow
enough that running them top to bottom gives bigger units. A layer of more than ``MAX_UNITS``
units is drawn as one block (an MNIST input, a wide hidden layer of a digits model) instead of
unit by unit. No Qt here: rectangles are ``(x, y, w, h)`` tuples in view pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_UNITS = 64       # a wider layer is one block
MAX_SIDE = 56.0      # no unit's square is bigger than this (px)
MARGIN = 8.0
TITLE = 18.0         # room for the layers' titles above (or beside) them
GAP = 0.2            # of a unit's pitch along its layer, left empty between two units
EDGE_ROOM = 0.62     # of a layer's pitch across layers, left to the edges between two layers

Rect = tuple[float, float, float, float]


@dataclass
class Layout:
    """Unit squares per layer (empty for a block layer), block rectangles, title anchors."""

    horizontal: bool                      # layers left to right (else top to bottom)
    side: float                           # a unit's square side (px)
    units: list[list[Rect]] = field(default_factory=list)
    blocks: dict[int, Rect] = field(default_factory=dict)     # layer -> its block
    titles: list[Rect] = field(default_factory=list)          # where each layer's title goes

    def layer_rect(self, layer: int) -> Rect:
        """The rectangle around a layer's units (or its block)."""
        if layer in self.blocks:
            return self.blocks[layer]
        rs = self.units[layer]
        x0 = min(r[0] for r in rs)
        y0 = min(r[1] for r in rs)
        return (x0, y0, max(r[0] + r[2] for r in rs) - x0, max(r[1] + r[3] for r in rs) - y0)


def _side(sizes: list[int], along: float, across: float) -> float:
    """The unit side that fits ``sizes`` with layers spread over ``along`` and each layer's
    units over ``across``."""
    drawn = [min(s, MAX_UNITS) if s <= MAX_UNITS else 1 for s in sizes]
    per_layer = along / max(len(sizes), 1)
    per_unit = across / max(max(drawn), 1)
    return max(1.0, min(MAX_SIDE, per_layer * (1 - EDGE_ROOM), per_unit * (1 - GAP)))


def layout(sizes: list[int], width: float, height: float) -> Layout:
    """Place layers of ``sizes`` units (inputs first, output last) in a ``width``×``height``
    view."""
    w, h = max(width - 2 * MARGIN, 1.0), max(height - 2 * MARGIN - TITLE, 1.0)
    across_h = _side(sizes, w, h)          # layers left to right: units stacked vertically
    across_v = _side(sizes, h, w)          # layers top to bottom: units side by side
    horizontal = across_h >= across_v * 0.8     # Playground's way, unless much smaller
    side = float(int(across_h if horizontal else across_v))   # whole pixels: crisp maps
    along, across = (w, h) if horizontal else (h, w)
    pitch_layer = along / max(len(sizes), 1)
    out = Layout(horizontal=horizontal, side=side)
    biggest = max((s for s in sizes if s <= MAX_UNITS), default=1)
    pitch_unit = min(across / biggest, side / (1 - GAP))
    for i, n in enumerate(sizes):
        centre = pitch_layer * (i + 0.5)
        a0 = centre - side / 2                        # along-axis start of the layer's squares
        if n > MAX_UNITS:                             # one block as tall as the view allows
            extent = min(across, pitch_unit * biggest)
            c0 = (across - extent) / 2
            rects = [(a0, c0, side, extent)]
            out.blocks[i] = _place(rects, horizontal, h)[0]
            out.units.append([])
        else:
            c0 = (across - pitch_unit * n) / 2 + (pitch_unit - side) / 2
            rects = [(a0, c0 + k * pitch_unit, side, side) for k in range(n)]
            out.units.append(_place(rects, horizontal, h))
        lay = out.layer_rect(i)
        out.titles.append((MARGIN + pitch_layer * i if horizontal else MARGIN,
                           MARGIN if horizontal else lay[1] - TITLE,
                           pitch_layer if horizontal else w, TITLE))
    return out


def _place(rects: list[Rect], horizontal: bool, _h: float) -> list[Rect]:
    """Along/across coordinates to view pixels (margins and the title strip added)."""
    if horizontal:
        return [(MARGIN + a, MARGIN + TITLE + c, sa, sc) for a, c, sa, sc in rects]
    return [(MARGIN + c, MARGIN + TITLE + a, sc, sa) for a, c, sa, sc in rects]
