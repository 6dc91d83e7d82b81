"""JournalService over a real encrypted database: trash, drafts, and what locking keeps and refuses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from journal_support import ids, search

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import EntryFields, EntryFilter, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.services.journal import JournalService
from intimacy_desktop.services.profiles import ProfileService, UnlockedProfile

D = dt.date


# ---- trash, restore, purge ----------------------------------------------------------------------------------------


def test_trash_hides_from_list_and_search_but_shows_in_trash(journal: JournalService) -> None:
    keep = journal.add(EntryFields(title="keeper", body="pineapple"))
    gone = journal.add(EntryFields(title="binned", body="pineapple"))
    journal.trash(gone.id)
    assert ids(journal.summaries()) == [keep.id]
    assert search(journal, "pineapple") == [keep.id]
    assert search(journal, "binned") == []
    assert ids(journal.summaries(trash=True)) == [gone.id]
    assert ids(journal.summaries(EntryFilter(text="pineapple"), trash=True)) == [gone.id]
    assert journal.count(trash=True) == 1
    assert journal.get(gone.id).fields.title == "binned"  # still readable from the trash

    journal.restore(gone.id)
    assert set(search(journal, "pineapple")) == {keep.id, gone.id}
    assert journal.summaries(trash=True) == []


def test_purge_removes_entry_and_index(journal: JournalService, profile: UnlockedProfile) -> None:
    keep = journal.add(EntryFields(title="keeper", body="mango", tags=("fruit",)))
    gone = journal.add(EntryFields(title="purged", body="mango secretword", tags=("fruit", "only-here")))
    journal.trash(gone.id)
    journal.purge(gone.id)
    with pytest.raises(UsageError):
        journal.get(gone.id)
    assert search(journal, "secretword") == []
    assert ids(journal.summaries(EntryFilter(text="secretword"), trash=True)) == []
    assert search(journal, "mango") == [keep.id]
    assert journal.count(trash=True) == 0
    assert journal.tags() == ["fruit"]
    # the FTS row itself is gone, not merely hidden by the join
    with profile._db.session() as s:  # type: ignore[union-attr]
        assert s.rows("SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'secretword'") == []
        assert s.scalar("SELECT count(*) FROM entry_tags WHERE entry_id = :i", {"i": gone.id}) == 0


def test_purge_works_without_trashing_first(journal: JournalService) -> None:
    gone = journal.add(EntryFields(title="direct", body="kiwi"))
    journal.purge(gone.id)
    assert search(journal, "kiwi") == []
    assert journal.count() == 0


# ---- drafts -------------------------------------------------------------------------------------------------------


def test_drafts_save_replace_and_drop(journal: JournalService) -> None:
    assert journal.drafts() == []
    first = EntryFields(title="typing", body="half a thought", tags=("Wip",), mood=3, entry_date=D(2024, 4, 4))
    journal.save_draft(None, first)
    second = EntryFields(title="typing more", body="a whole thought", layer=Layer.DIGITAL, kind=Kind.LOW)
    journal.save_draft(None, second)  # replaces, does not add
    drafts = journal.drafts()
    assert len(drafts) == 1
    entry_id, fields, saved = drafts[0]
    assert entry_id is None
    assert fields == second
    assert isinstance(saved, dt.datetime)

    entry = journal.add(EntryFields(title="existing"))
    assert journal.drafts() == []  # adding the new entry drops the new-entry draft
    journal.save_draft(None, first)
    journal.save_draft(entry.id, EntryFields(title="existing, edited"))
    assert sorted((d[0] or 0, d[1].title) for d in journal.drafts()) == [(0, "typing"), (entry.id, "existing, edited")]
    assert next(d for d in journal.drafts() if d[0] is None)[1].tags == ("wip",)

    journal.update(entry.id, EntryFields(title="existing, saved"))
    assert [(d[0], d[1].title) for d in journal.drafts()] == [(None, "typing")]  # update drops its own draft
    journal.discard_draft(None)
    assert journal.drafts() == []
    journal.discard_draft(None)  # dropping nothing is fine
    journal.discard_draft(12345)


def test_draft_of_a_purged_entry_goes_with_it(journal: JournalService) -> None:
    entry = journal.add(EntryFields(title="x"))
    journal.save_draft(entry.id, EntryFields(title="x edited"))
    journal.purge(entry.id)
    assert journal.drafts() == []


# ---- lock and unlock ----------------------------------------------------------------------------------------------


def test_everything_survives_lock_and_unlock(profiles: ProfileService, tmp_path: Path) -> None:
    created = profiles.create("Persist", "pw")
    j = created.profile.journal
    a = j.add(EntryFields(title="persisted", body="durian", tags=("t",), mood=2))
    b = j.add(EntryFields(title="trashed", body="durian"))
    j.trash(b.id)
    j.save_draft(None, EntryFields(title="draft"))
    created.profile.close()
    assert not created.profile.is_open

    profile = profiles.unlock(profiles.find("Persist"), "pw")
    try:
        j = profile.journal
        assert j.get(a.id).fields == EntryFields(
            title="persisted", body="durian", tags=("t",), mood=2, entry_date=a.fields.entry_date
        )
        assert search(j, "durian") == [a.id]
        assert ids(j.summaries(trash=True)) == [b.id]
        assert [d[1].title for d in j.drafts()] == ["draft"]
    finally:
        profile.close()


def test_database_errors_never_carry_entry_text(profiles) -> None:  # type: ignore[no-untyped-def]
    """An unexpected database error's message (what a crash prints) holds the SQL, never the values."""
    import sqlcipher3

    created = profiles.create("Errors", "pw")
    db = created.profile._db
    assert db is not None
    secret = "the-thing-we-never-told-anyone"
    with pytest.raises(sqlcipher3.DatabaseError) as info, db.session() as s:
        s.run("INSERT INTO no_such_table VALUES (:v)", {"v": secret})
    assert secret not in str(info.value)
    created.profile.close()


def test_a_locked_journal_refuses_work_and_holds_no_engine(profiles) -> None:  # type: ignore[no-untyped-def]
    from intimacy_desktop.core.errors import VaultLocked

    created = profiles.create("Locked", "pw")
    journal = created.profile.journal
    db = created.profile._db
    journal.add(EntryFields(title="before the lock"))
    created.profile.close()
    assert not hasattr(db, "pool")  # nothing left that holds the key
    with pytest.raises(VaultLocked):
        journal.summaries()
    created.profile.close()  # twice is fine
