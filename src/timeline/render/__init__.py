"""Renderers: a Timeline as a text log (``log``) or a Gantt-style chart (``gantt``)."""
