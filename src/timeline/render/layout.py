"""What the charts share of their layout: the colours of outlets (pure data)."""
from __future__ import annotations

OTHER = "#b0b0b0"  # the colour of the outlets not named
MAX_LEGEND = 10  # outlets named with a colour of their own; the rest are "other"
