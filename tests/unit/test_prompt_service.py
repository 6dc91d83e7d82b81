"""The prompt service over a real encrypted profile (issue 9): what is answered or skipped stays out of the round
across a lock, "not for us" holds until restored, the deepest decks open as the issue says, and Today's suggestion
follows the person's own week. Small hand-made decks and a fixed clock keep the expectations exact."""

from __future__ import annotations

import datetime as dt

import pytest

from intimacy_desktop.core.changes import Changed
from intimacy_desktop.core.content import DEPTHS, Content, Depth, Mode, Prompt
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile
from intimacy_desktop.services.prompts import PromptService

PASS = "a good passphrase"
NOW = dt.datetime(2026, 12, 2, 20, 0)
CONTENT = Content(prompts=tuple(
    Prompt(f"{layer.value}-{depth.value}-{i:03d}", layer, depth, Mode.TOGETHER, f"{layer} {depth} {i}?")
    for layer in LAYERS for depth in DEPTHS for i in range(1, 5)
))


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


def _service(profile: UnlockedProfile, clock: Clock, seen: list[Changed] | None = None) -> PromptService:
    db = profile._db
    assert db is not None
    return PromptService(db, (seen.append if seen is not None else profile.changes), content=lambda: CONTENT,
                         clock=clock)


@pytest.fixture
def ari(profiles: ProfileService) -> UnlockedProfile:
    return profiles.create("Ari", PASS).profile


def test_answered_and_skipped_cards_stay_out_of_the_round_across_a_lock(profiles: ProfileService,
                                                                       ari: UnlockedProfile) -> None:
    clock = Clock()
    seen: list[Changed] = []
    service = _service(ari, clock, seen)
    first = service.deck(Layer.EMOTIONAL, Depth.LIGHT).left
    assert len(first) == 4
    service.answer(first[0].id)
    service.skip(first[1].id)
    assert seen == [Changed.PROMPTS, Changed.PROMPTS]
    ari.close()

    again = profiles.unlock(profiles.find("Ari"), PASS)
    try:
        service = _service(again, clock)
        deck = service.deck(Layer.EMOTIONAL, Depth.LIGHT)
        assert [p.id for p in deck.left] == [p.id for p in first[2:]]  # the same order, minus the two used
        assert deck.round_no == 1
        assert service.mark(first[0].id).used_at == NOW  # answered: a visit to the layer
        assert service.mark(first[1].id).used_at is None  # skipped: no visit
        for prompt in deck.left:
            service.skip(prompt.id)
        renewed = service.deck(Layer.EMOTIONAL, Depth.LIGHT)
        assert renewed.round_no == 2 and len(renewed.left) == 4  # exhausted: every card comes back
        service.answer(renewed.left[0].id)
        assert len(service.deck(Layer.EMOTIONAL, Depth.LIGHT).left) == 3  # and round 2 is remembered
        assert service.deck(Layer.EMOTIONAL, Depth.DEEPER).round_no == 1  # other decks are untouched
    finally:
        again.close()


def test_not_for_us_hides_a_card_in_every_round_until_it_is_restored(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    card = service.deck(Layer.DIGITAL, Depth.LIGHT).left[0]
    service.hide(card.id)
    deck = service.deck(Layer.DIGITAL, Depth.LIGHT)
    assert card not in deck.left and deck.hidden == 1 and deck.total == 4
    for prompt in deck.left:
        service.answer(prompt.id)
    assert card not in service.deck(Layer.DIGITAL, Depth.LIGHT).left  # the new round leaves it out too
    assert service.hidden() == [card] and service.hidden(Layer.EMOTIONAL) == []
    service.restore(card.id)
    assert service.hidden() == []
    assert card in service.deck(Layer.DIGITAL, Depth.LIGHT).left


def test_favourites_are_kept_per_layer_and_can_be_taken_back(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    a, b = service.deck(Layer.INTELLECTUAL, Depth.DEEPER).left[:2]
    c = service.deck(Layer.PHYSICAL, Depth.LIGHT).left[0]
    for prompt in (a, b, c):
        service.set_favourite(prompt.id, True)
    service.set_favourite(b.id, False)
    assert set(service.favourites()) == {a, c}
    assert service.activity(Layer.INTELLECTUAL).favourites == (a,)
    assert service.deck(Layer.INTELLECTUAL, Depth.DEEPER).left[:1] == (a,)  # a favourite is not "used"
    service.hide(a.id)  # "not for us" wins: a hidden card is not offered as a favourite either
    assert service.favourites() == [c] and service.activity(Layer.INTELLECTUAL).favourites == ()
    service.restore(a.id)
    assert set(service.favourites()) == {a, c}


def test_the_deepest_deck_waits_for_a_lighter_card_and_the_physical_one_for_a_yes(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    assert service.deck(Layer.EMOTIONAL, Depth.DEEPEST).closed == "warm_up"
    service.skip(service.deck(Layer.EMOTIONAL, Depth.LIGHT).left[0].id)
    assert service.deck(Layer.EMOTIONAL, Depth.DEEPEST).closed == ""
    assert service.deck(Layer.INTELLECTUAL, Depth.DEEPEST).closed == "warm_up"  # per layer

    service.answer(service.deck(Layer.PHYSICAL, Depth.DEEPER).left[0].id)
    assert service.physical_deepest_allowed() is False  # off until the person says yes
    assert service.deck(Layer.PHYSICAL, Depth.DEEPEST).closed == "opt_in"
    service.allow_physical_deepest(True)
    assert [d.closed for d in service.decks(Layer.PHYSICAL)] == ["", "", ""]
    service.allow_physical_deepest(False)
    assert service.deck(Layer.PHYSICAL, Depth.DEEPEST).closed == "opt_in"


def test_today_suggests_the_least_visited_layer_one_depth_further(ari: UnlockedProfile) -> None:
    clock = Clock()
    service = _service(ari, clock)
    first = service.suggestion()
    assert first is not None and first.reason == "new"
    assert (first.prompt.layer, first.prompt.depth) == (Layer.EMOTIONAL, Depth.LIGHT)

    service.answer(first.prompt.id)  # emotional visited today
    ari.journal.add(EntryFields(title="on touch", layer=Layer.PHYSICAL))  # physical visited, through the journal
    clock.now = dt.datetime.now()  # the entry's time is the real one; keep the clock after it
    service.answer(service.deck(Layer.INTELLECTUAL, Depth.LIGHT).left[0].id)
    nxt = service.suggestion()
    assert nxt is not None and nxt.prompt.layer is Layer.DIGITAL and nxt.reason == "new"

    clock.now += dt.timedelta(days=9)  # a quiet week later: nothing visited this week
    later = service.suggestion()
    assert later is not None and later.reason == "new"
    assert later.prompt.layer is Layer.DIGITAL  # never visited still comes before visited long ago

    service.answer(service.deck(Layer.DIGITAL, Depth.LIGHT).left[0].id)
    again = service.suggestion()
    assert again is not None and again.prompt.layer is Layer.EMOTIONAL and again.reason == "unvisited"
    assert again.prompt.depth is Depth.DEEPER  # one step beyond the light card answered there


def test_an_unknown_card_is_a_clear_error_and_changes_nothing(ari: UnlockedProfile) -> None:
    service = _service(ari, Clock())
    with pytest.raises(UsageError) as caught:
        service.answer("emotional-light-999")
    assert caught.value.code == "prompt_not_found"
    assert len(service.deck(Layer.EMOTIONAL, Depth.LIGHT).left) == 4


def test_the_profile_builds_its_prompt_service_on_the_real_content(ari: UnlockedProfile) -> None:
    decks = ari.prompts.decks(Layer.EMOTIONAL)
    assert [d.total for d in decks] == [40, 40, 40]
    assert ari.prompts is ari.prompts
