"""events.evolve: the fast copy of an event gives what dataclasses.replace gives."""
from __future__ import annotations

from dataclasses import replace

import pytest

from timeline.events.evolve import evolve
from timeline.model import AnchorKind, Event, Relation


def test_an_evolved_event_is_the_replaced_one_and_the_original_is_untouched():
    e = Event("e1", "d", 3, 9, "struck", "Russia struck Kyiv.", "Russia struck Kyiv", Relation.ON, AnchorKind.TIMEX,
              participants=("Russia",))
    for changes in ({"rank": 4}, {"salient": False, "same_as": "e7"}, {"label": "Struck Kyiv", "participants": ()}, {}):
        new = evolve(e, **changes)
        assert new == replace(e, **changes) and type(new) is Event
    assert e.rank == 0 and e.salient and e.label == "Russia struck Kyiv"
    with pytest.raises(TypeError):
        evolve(e, ranking=2)
