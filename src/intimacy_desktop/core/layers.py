"""The four layers of intimacy an entry can be about (DESIGN.md): emotional, physical, intellectual and digital.

``NONE`` is an entry about no layer in particular. The stored values are these lower-case words (the database,
the CLI's ``--layer`` and its JSON use them), so they never change; the names a person sees are translated in the
GUI (gui/journal/labels.py).
"""

from __future__ import annotations

from enum import StrEnum


class Layer(StrEnum):
    NONE = "none"
    EMOTIONAL = "emotional"
    PHYSICAL = "physical"
    INTELLECTUAL = "intellectual"
    DIGITAL = "digital"


# The four layers themselves, in the order they are shown and talked about.
LAYERS: tuple[Layer, ...] = (Layer.EMOTIONAL, Layer.PHYSICAL, Layer.INTELLECTUAL, Layer.DIGITAL)
