"""Realistic sample entries for screenshots and demos: a couple's two months, written with care."""

from __future__ import annotations

import datetime as dt

from intimacy_desktop.core.journal import EntryFields, Kind
from intimacy_desktop.core.layers import Layer

# (days ago, title, mood, layer, kind, tags, shared, body)
_SAMPLES: list[tuple[int, str, int | None, Layer, Kind, tuple[str, ...], bool, str]] = [
    (0, "Phones in the drawer, feet in the leaves", 5, Layer.DIGITAL, Kind.HIGH, ("walk", "device-free"), True,
     "We left both phones in the kitchen drawer and walked the long loop by the river.\n\n"
     "- Sam laughed at the heron that refused to move\n- I talked about my sister without rushing\n\n"
     "**Forty minutes** without a single buzz. I felt *listened to*. Same time next Sunday?"),
    (1, "The chores talk we kept postponing", 3, Layer.EMOTIONAL, Kind.REFLECTION, ("chores", "conflict"), False,
     "It started badly: I opened with \"you never\" and watched Sam's shoulders go up. We paused, made tea, and "
     "tried again with the speaker-listener cards.\n\nWhat helped: saying what I *need* (a clear split of "
     "evening jobs) instead of listing what went wrong. We wrote the list together and stuck it on the fridge."),
    (3, "36 questions, set one", 4, Layer.INTELLECTUAL, Kind.HIGH, ("36 questions", "date night"), True,
     "We tried the first set of the 36 questions over dinner. The one about a *perfect day* turned into an hour. "
     "I learned Sam still dreams about a workshop with a big window. I had no idea."),
    (4, "A low day", 1, Layer.NONE, Kind.LOW, ("tired", "work"), False,
     "Work flattened me. I snapped about the dishes and then hid in the bedroom.\n\n"
     "Writing this to remember: it was not about the dishes. Tomorrow I will say sorry and tell Sam what "
     "actually happened at the office."),
    (5, "Repair over breakfast", 4, Layer.EMOTIONAL, Kind.ENTRY, ("repair",), True,
     "I said sorry for last night. Sam said \"thanks for telling me what was really going on\" and squeezed my hand."),
    (7, "Slow Sunday morning", 5, Layer.PHYSICAL, Kind.HIGH, ("touch", "weekend"), False,
     "No alarm, coffee in bed, a long hug that neither of us ended first. Small, and exactly what I needed."),
    (9, "Book club for two", 4, Layer.INTELLECTUAL, Kind.ENTRY, ("reading",), True,
     "We are reading the same novel, a chapter each evening. Tonight we argued (kindly) about whether the "
     "brother was right to leave. I love how Sam thinks."),
    (11, "Felt far apart", 2, Layer.EMOTIONAL, Kind.LOW, ("distance",), False,
     "Three evenings in a row of both of us on our phones on the sofa. Nothing wrong, exactly. Just far."),
    (12, "We named the phubbing", 3, Layer.DIGITAL, Kind.REFLECTION, ("device-free", "habits"), True,
     "I brought up the sofa-phones thing gently. Sam admitted the same feeling. New rule: chargers live in the "
     "hallway after nine."),
    (14, "Cooked the recipe from our first trip", 5, Layer.EMOTIONAL, Kind.HIGH, ("memories", "date night"), True,
     "Lemon pasta, the one from the tiny place in Naples. The kitchen smelled like that summer."),
    (16, "Stress-reducing chat", 3, Layer.EMOTIONAL, Kind.ENTRY, ("check-in", "work"), False,
     "Twenty minutes, each of us talking about our day outside the relationship. No fixing, only listening. "
     "Harder than it sounds for me. I wanted to give advice every two minutes."),
    (18, "Nervous about the visit", 2, Layer.NONE, Kind.ENTRY, ("family",), False,
     "Sam's parents arrive Friday. I am worried about the old comments about our jobs. Want to agree on a "
     "signal we can use if either of us needs a break."),
    (20, "The visit went better", 4, Layer.EMOTIONAL, Kind.ENTRY, ("family",), True,
     "We used the signal once (tugging an ear, very subtle). Sam stepped in. I felt like a team."),
    (22, "Dancing in the kitchen", 5, Layer.PHYSICAL, Kind.HIGH, ("music", "touch"), True,
     "Our song came on the radio while washing up. Soapy hands and terrible dancing. Perfect."),
    (24, "Questions set two", 4, Layer.INTELLECTUAL, Kind.ENTRY, ("36 questions",), True,
     "Set two went deeper. We both got a bit teary on the question about our mothers."),
    (26, "Screen-free Saturday", 4, Layer.DIGITAL, Kind.ENTRY, ("device-free", "weekend"), True,
     "Whole afternoon without screens. Board game, a nap, a long bath. I checked my pocket for my phone at least "
     "ten times out of habit."),
    (29, "Did not feel like talking", 2, Layer.EMOTIONAL, Kind.LOW, ("tired",), False,
     "Sam wanted to talk about the holiday plans and I had nothing left. I said \"can we do this tomorrow\" "
     "instead of shutting down. Small progress."),
    (31, "Holiday plans, properly", 4, Layer.INTELLECTUAL, Kind.ENTRY, ("plans",), True,
     "We each wrote three wishes for the holiday on paper and swapped. Two overlapped: sea and no schedule."),
    (34, "Touch without expectations", 3, Layer.PHYSICAL, Kind.REFLECTION, ("touch", "exercise"), False,
     "Tried the first sensate-focus step. Awkward at the start, then surprisingly calm. Noticing, not doing."),
    (37, "Morning check-in", 3, Layer.NONE, Kind.ENTRY, ("check-in",), False,
     "Cloudy inside. Slept badly, but the coffee Sam left by the bed helped more than it should have."),
    (40, "Long walk, hard topic", 3, Layer.EMOTIONAL, Kind.REFLECTION, ("walk", "money"), True,
     "Talked about money on a walk rather than at the table. Side by side is easier than face to face for us."),
    (44, "Thank-you notes", 5, Layer.EMOTIONAL, Kind.HIGH, ("appreciation",), True,
     "We each wrote five small things we appreciated this week. Sam's list had \"the way you hum when you cook\"."),
    (48, "Argument about the car", 1, Layer.NONE, Kind.LOW, ("conflict",), False,
     "Loud and unfair on both sides. We stopped ourselves after ten minutes and agreed to try again tomorrow."),
    (49, "Trying again about the car", 3, Layer.EMOTIONAL, Kind.ENTRY, ("conflict", "repair"), True,
     "Calmer. We found the real worry underneath: feeling unsafe on long drives at night. Solvable."),
    (55, "Why we started this journal", 4, Layer.NONE, Kind.REFLECTION, ("beginnings",), True,
     "We want to notice the good days as much as the hard ones, and to be a little more deliberate about "
     "being close. This is our space for that."),
]


def sample_entries(today: dt.date | None = None) -> list[EntryFields]:
    base = today or dt.date.today()
    return [
        EntryFields(title=t, body=b, entry_date=base - dt.timedelta(days=d), mood=m, layer=layer, kind=k,
                    tags=tags, shared=sh)
        for d, t, m, layer, k, tags, sh, b in _SAMPLES
    ]
