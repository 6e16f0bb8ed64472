"""scripts/train_events.py: the shipped models are the mean of several averaged perceptrons,
one per shuffling seed, reproducible byte for byte (no ../shared needed here: toy data)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import train_events  # noqa: E402


def _data() -> list[tuple[list[str], int]]:
    # label 1 when the word is a verb-like "ran"/"met", whatever the noisy neighbours say
    out = []
    for i in range(60):
        word = ["ran", "met", "dog", "tree"][i % 4]
        out.append(([f"w={word}", f"w+1={['a', 'b', 'c'][i % 3]}", "bias"], int(word in ("ran", "met"))))
    return out


def _decide(s: list[float]) -> int:
    return max(range(len(s)), key=lambda k: (s[k], -k))


def test_the_same_data_gives_the_same_weights():
    one = train_events.bagged(["O", "E"], _data(), 5, (13, 1, 2), _decide, quiet=True)
    two = train_events.bagged(["O", "E"], _data(), 5, (13, 1, 2), _decide, quiet=True)
    assert one == two and list(one) == sorted(one)


def test_the_bag_is_the_mean_of_its_perceptrons_and_learns_the_toy_task():
    a = train_events.bagged(["O", "E"], _data(), 4, (13,), _decide, quiet=True, digits=9)
    b = train_events.bagged(["O", "E"], _data(), 4, (5,), _decide, quiet=True, digits=9)
    both = train_events.bagged(["O", "E"], _data(), 4, (13, 5), _decide, quiet=True, digits=9)
    assert a != b  # the shuffles differ
    for f in both:
        for k in range(2):
            assert abs(both[f][k] - (a.get(f, [0, 0])[k] + b.get(f, [0, 0])[k]) / 2) < 1e-8
    model = train_events.bagged(["O", "E"], _data(), 4, (13, 5), _decide, quiet=True)
    for feats, gold in _data():
        s = [sum(model.get(f, [0.0, 0.0])[k] for f in feats) for k in range(2)]
        assert _decide(s) == gold
