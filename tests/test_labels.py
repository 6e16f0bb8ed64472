"""Event labels as a copy desk reads them: the label lint (timeline.syntax.lint), each class
with the labels it must reject and the headlines it must pass (rules/en/labels.toml)."""
from __future__ import annotations

import pytest

from timeline.syntax.lint import CLASSES, lint, lint_examples

EXAMPLES, NEGATIVES = lint_examples()


def classes(label: str) -> set[str]:
    return {p.split(":", 1)[0] for p in lint(label)}


def test_every_class_has_examples_and_negatives():
    assert set(EXAMPLES) == set(CLASSES) == set(NEGATIVES)
    assert all(EXAMPLES[c] and NEGATIVES[c] for c in CLASSES)


@pytest.mark.parametrize("cls,label", [(c, x) for c in CLASSES for x in EXAMPLES[c]],
                         ids=[f"{c}:{x[:40]}" for c in CLASSES for x in EXAMPLES[c]])
def test_lint_rejects(cls, label):
    assert cls in classes(label), lint(label)


@pytest.mark.parametrize("cls,label", [(c, x) for c in CLASSES for x in NEGATIVES[c]],
                         ids=[f"{c}:{x[:40]}" for c in CLASSES for x in NEGATIVES[c]])
def test_lint_passes(cls, label):
    assert cls not in classes(label), lint(label)


@pytest.mark.parametrize("label", [
    "World Health Organization raised its pandemic alert to phase 5",
    "Michael Jackson died at his Los Angeles home",
    "Trilateral peace negotiations in Abu Dhabi",
    "NATO Secretary-General Mark Rutte arrived in Kyiv",
    "Jury found Conrad Murray guilty of involuntary manslaughter",
    "Mexico City closed schools, museums and cinemas",
])
def test_headlines_pass_clean(label):
    assert lint(label) == ()


def test_each_problem_is_one_line_naming_its_class():
    found = lint("GENEVA 7:03 EDT GENEVA advised governments to")
    assert {"capitals", "ending"} <= {p.split(":", 1)[0] for p in found}
    assert all(p.split(":", 1)[0] in CLASSES and "\n" not in p for p in found)
