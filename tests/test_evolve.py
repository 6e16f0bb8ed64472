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


def test_a_made_event_is_the_constructed_one_and_a_wrong_field_list_is_refused():
    from dataclasses import fields

    from timeline.events.evolve import maker

    names = [f.name for f in fields(Event)]
    order = " ".join(reversed(names))  # any order of the names, each once
    make = maker(Event, order)
    values = {n: k for k, n in enumerate(names)}
    values.update(relation=Relation.AFTER, anchor=AnchorKind.DCT_TENSE, participants=("Kyiv",), text="struck")
    made = make(*(values[n] for n in reversed(names)))
    assert made == Event(**values) and type(made) is Event and made.relation is Relation.AFTER
    with pytest.raises(TypeError):
        maker(Event, " ".join(names[:-1]))  # one missing
    with pytest.raises(TypeError):
        maker(Event, " ".join(names + ["id"]))  # one twice
