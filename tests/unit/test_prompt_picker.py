"""Prompt selection (issue 9), with a fixed clock: never repeat within a round, "not for us" hides for good, depth one
step beyond the last used (never the deepest first), and Today picks the least-visited layer with its reason."""

from __future__ import annotations

import datetime as dt

from intimacy_desktop.core.content import DEPTHS, Depth, Mode, Prompt
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.core.prompt_picker import Mark, deck_id, next_depth, queue, round_order, suggest

NOW = dt.datetime(2026, 12, 2, 20, 0)


def _deck(layer: Layer, depth: Depth, n: int = 5) -> list[Prompt]:
    return [Prompt(f"{layer.value}-{depth.value}-{i:03d}", layer, depth, Mode.TOGETHER, f"q{i}") for i in range(n)]


def _decks(n: int = 5) -> dict[tuple[Layer, Depth], list[Prompt]]:
    return {(layer, depth): _deck(layer, depth, n) for layer in LAYERS for depth in DEPTHS}


def test_a_deck_never_repeats_until_it_is_exhausted_then_a_new_round_begins() -> None:
    deck = _deck(Layer.EMOTIONAL, Depth.LIGHT, 6)
    marks: dict[str, Mark] = {}
    round_no = 1
    offered = []
    for _ in range(6):
        left, round_no = queue(deck, marks, round_no)
        offered.append(left[0].id)
        marks[left[0].id] = Mark(left[0].id, seen_round=round_no)  # answered or skipped
    assert sorted(offered) == sorted(p.id for p in deck)  # each once, none twice
    left, round_no = queue(deck, marks, round_no)
    assert round_no == 2 and len(left) == 6  # exhausted: everything comes back, in a new order
    assert [p.id for p in left] != offered


def test_the_order_is_stable_within_a_round_and_differs_between_rounds() -> None:
    deck = _deck(Layer.DIGITAL, Depth.DEEPER, 12)
    assert round_order(deck, 1) == round_order(list(reversed(deck)), 1)
    assert round_order(deck, 1) != round_order(deck, 2)


def test_not_for_us_is_never_offered_again_even_in_later_rounds() -> None:
    deck = _deck(Layer.PHYSICAL, Depth.LIGHT, 3)
    hidden = deck[1].id
    marks = {hidden: Mark(hidden, hidden=True)}
    for round_no in (1, 2, 3):
        left, _ = queue(deck, marks, round_no)
        assert hidden not in [p.id for p in left]
    everything_hidden = {p.id: Mark(p.id, hidden=True) for p in deck}
    assert queue(deck, everything_hidden, 1) == ([], 1)


def test_depth_goes_one_step_beyond_the_last_and_never_starts_deepest() -> None:
    assert next_depth(None) is Depth.LIGHT
    assert next_depth(Depth.LIGHT) is Depth.DEEPER
    assert next_depth(Depth.DEEPER) is Depth.DEEPEST
    assert next_depth(Depth.DEEPEST) is Depth.DEEPEST
    assert next_depth(Depth.DEEPER, deepest_allowed=False) is Depth.DEEPER


def _visits(**days_ago: list[int]) -> dict[Layer, list[dt.datetime]]:
    return {Layer(name): [NOW - dt.timedelta(days=d) for d in ago] for name, ago in days_ago.items()}


def test_today_picks_the_layer_least_visited_this_week_and_says_why() -> None:
    visits = _visits(emotional=[0, 1, 2], physical=[1, 3], intellectual=[10], digital=[0])
    s = suggest(_decks(), {}, {}, visits, NOW)
    assert s is not None
    assert s.prompt.layer is Layer.INTELLECTUAL  # once, but not this week
    assert (s.reason, s.visits) == ("unvisited", 0)
    assert s.prompt.depth is Depth.LIGHT  # never used here: the light deck first


def test_a_layer_never_visited_comes_first_and_ties_go_to_the_longest_ago() -> None:
    visits = _visits(emotional=[1], physical=[2], intellectual=[3])
    s = suggest(_decks(), {}, {}, visits, NOW)
    assert s is not None and s.prompt.layer is Layer.DIGITAL and s.reason == "new"
    visits = _visits(emotional=[1], physical=[5], intellectual=[3], digital=[2])
    s = suggest(_decks(), {}, {}, visits, NOW)
    assert s is not None and s.prompt.layer is Layer.PHYSICAL and s.reason == "least" and s.visits == 1


def test_today_goes_one_depth_beyond_the_last_used_in_that_layer() -> None:
    used = Mark("intellectual-light-000", seen_round=1, used_at=NOW - dt.timedelta(days=9),
                depth=Depth.LIGHT, layer=Layer.INTELLECTUAL)
    deeper = Mark("intellectual-deeper-000", seen_round=1, used_at=NOW - dt.timedelta(days=8),
                  depth=Depth.DEEPER, layer=Layer.INTELLECTUAL)
    visits = _visits(emotional=[0], physical=[0], digital=[0], intellectual=[8])
    s = suggest(_decks(), {used.prompt_id: used}, {}, visits, NOW)
    assert s is not None and s.prompt.depth is Depth.DEEPER
    s = suggest(_decks(), {used.prompt_id: used, deeper.prompt_id: deeper}, {}, visits, NOW)
    assert s is not None and s.prompt.depth is Depth.DEEPEST


def test_the_physical_deepest_level_needs_the_opt_in() -> None:
    deeper = Mark("physical-deeper-000", seen_round=1, used_at=NOW - dt.timedelta(days=9),
                  depth=Depth.DEEPER, layer=Layer.PHYSICAL)
    visits = _visits(emotional=[0], intellectual=[0], digital=[0], physical=[9])
    s = suggest(_decks(), {deeper.prompt_id: deeper}, {}, visits, NOW)
    assert s is not None and s.prompt.layer is Layer.PHYSICAL and s.prompt.depth is Depth.DEEPER
    s = suggest(_decks(), {deeper.prompt_id: deeper}, {}, visits, NOW, deepest_allowed={Layer.PHYSICAL: True})
    assert s is not None and s.prompt.depth is Depth.DEEPEST


def test_a_used_up_depth_falls_back_to_a_shallower_deck_of_the_same_layer() -> None:
    decks = _decks(2)
    decks[(Layer.DIGITAL, Depth.DEEPER)] = []  # nothing there (all hidden, say)
    last = Mark("digital-light-000", seen_round=1, used_at=NOW - dt.timedelta(days=30), depth=Depth.LIGHT,
                layer=Layer.DIGITAL)
    visits = _visits(emotional=[0], physical=[0], intellectual=[0], digital=[30])
    s = suggest(decks, {last.prompt_id: last}, {deck_id(Layer.DIGITAL, Depth.LIGHT): 1}, visits, NOW)
    assert s is not None and s.prompt.layer is Layer.DIGITAL and s.prompt.depth is Depth.LIGHT
    assert s.prompt.id != last.prompt_id  # not the one already used this round
