"""The prompt history in the encrypted database (migration v3): marks, deck rounds, times, settings, reloaded."""

from __future__ import annotations

import datetime as dt

from intimacy_desktop.core.content import Depth, Mode, Prompt
from intimacy_desktop.core.journal import EntryFields
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.prompt_picker import Mark
from intimacy_desktop.services.profiles import ProfileService
from intimacy_desktop.storage.prompt_repo import PromptRepository

PROMPT = Prompt("emotional-light-001", Layer.EMOTIONAL, Depth.LIGHT, Mode.TOGETHER, "A question?")
WHEN = dt.datetime(2026, 11, 30, 20, 15, 0)


def test_marks_rounds_and_settings_survive_a_lock(profiles: ProfileService) -> None:
    created = profiles.create("Ari", "a good passphrase")
    db = created.profile._db
    assert db is not None
    with db.session() as tx:
        repo = PromptRepository(tx)
        repo.save(PROMPT, Mark(PROMPT.id, seen_round=2, favourite=True, hidden=False, used_at=WHEN))
        repo.set_round("emotional-light", 2)
        repo.set_round("emotional-light", 3)  # the second call updates, it does not add
        repo.set_setting("physical_deepest", "on")
    created.profile.journal.add(EntryFields(title="about us", layer=Layer.DIGITAL))
    created.profile.close()

    profile = profiles.unlock(profiles.find("Ari"), "a good passphrase")
    try:
        db = profile._db
        assert db is not None
        with db.session() as tx:
            repo = PromptRepository(tx)
            mark = repo.marks()[PROMPT.id]
            assert (mark.seen_round, mark.favourite, mark.hidden, mark.used_at) == (2, True, False, WHEN)
            assert (mark.depth, mark.layer) == (Depth.LIGHT, Layer.EMOTIONAL)
            assert repo.rounds() == {"emotional-light": 3}
            assert repo.setting("physical_deepest") == "on" and repo.setting("missing") is None
            assert repo.used_times(WHEN - dt.timedelta(days=1)) == [(Layer.EMOTIONAL, WHEN)]
            assert repo.used_times(WHEN + dt.timedelta(seconds=1)) == []
            [(layer, _written)] = repo.entry_times(dt.datetime.now() - dt.timedelta(hours=1))
            assert layer is Layer.DIGITAL
    finally:
        profile.close()
