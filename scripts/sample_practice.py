"""A small hand-made set of exercises, self-assessments and a program, for the GUI tests and the screenshots while
the real content files are being written: one exercise with every step kind, a yes-no scorecard with bands, an
agree-5 mean, a give/receive profile, a true-false quiz, a together check for the mutual reveal and a program."""

from __future__ import annotations

from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.practice import (
    Assessment,
    Band,
    Dimension,
    Exercise,
    Item,
    Option,
    Partner,
    Practice,
    Program,
    ProgramStep,
    Role,
    Scale,
    Scoring,
    Step,
    StepKind,
)

CHECK_IN = Exercise(
    "emotional-evening-check-in", Layer.EMOTIONAL, "Evening check-in",
    "Ten quiet minutes to hear how the day really was for each of you.", 10, Mode.TOGETHER,
    "Gottman, stress-reducing conversation", (
        Step("arrive", StepKind.INSTRUCTION, "Sit somewhere comfortable, side by side, phones in another room."),
        Step("breathe", StepKind.TIMED, "Breathe slowly together for a minute before anyone talks.", seconds=60),
        Step("a-speaks", StepKind.TURN, "Tell your partner about one moment of today that stayed with you.",
             seconds=90, partner=Partner.A, role=Role.SPEAKER),
        Step("b-listens", StepKind.TURN, "Say back what you heard, then tell your own moment.",
             partner=Partner.B, role=Role.LISTENER),
        Step("how", StepKind.CHOICE, "How would you like to finish?",
             options=(Option("Write a few lines about it", "write"), Option("Just rate how close you feel", "rate"))),
        Step("write", StepKind.REFLECTION, "What did you learn about each other tonight?"),
        Step("rate", StepKind.RATING, "How close do you feel right now?", low="Far apart", high="Very close"),
    ), ("everyday",))
PHONE_FREE = Exercise(
    "digital-phone-free-dinner", Layer.DIGITAL, "A phone-free dinner",
    "Notice what changes at the table when the screens are away.", 5, Mode.SOLO, "McDaniel & Coyne 2016", (
        Step("plan", StepKind.INSTRUCTION, "Choose one dinner this week and put your phone in another room."),
        Step("notice", StepKind.REFLECTION, "What did you notice about the conversation?"),
    ))
BOOK_TALK = Exercise(
    "intellectual-big-question", Layer.INTELLECTUAL, "One big question",
    "Pick a question neither of you has an answer to and think it through together.", 25, Mode.TOGETHER,
    "Aron et al. 1997", (
        Step("pick", StepKind.INSTRUCTION, "Each of you writes down a question you have wondered about lately."),
        Step("think", StepKind.TIMED, "Think about your partner's question quietly.", seconds=300),
    ))
HANDS = Exercise(
    "physical-slow-hands", Layer.PHYSICAL, "Slow hands",
    "A gentle, non-sexual touch exercise about attention rather than outcome.", 15, Mode.TOGETHER,
    "Masters & Johnson, sensate focus", (
        Step("agree", StepKind.INSTRUCTION, "Agree that either of you can stop at any time, without a reason."),
        Step("touch", StepKind.TIMED, "One of you gently holds and strokes the other's hands.", seconds=180),
    ))
SCORECARD = Assessment(
    "growth-scorecard", "Growth scorecard", "Four yes-or-no questions about the small habits of closeness.",
    (Layer.EMOTIONAL, Layer.DIGITAL), 5, Mode.SOLO, "Gottman, turning toward bids", Scale.YES_NO, Scoring.COUNT,
    "Answer for the last two weeks, as things really were. There are no wrong answers.", (
        Item("greet", "Did you greet each other warmly most days?", Scale.YES_NO),
        Item("phones", "Did you have meals without phones?", Scale.YES_NO),
        Item("ask", "Did you ask about each other's day and listen to the answer?", Scale.YES_NO),
        Item("cold", "Did whole days pass without a real conversation?", Scale.YES_NO, reverse=True),
    ), (Band(0, 1, "A quiet stretch", "Life has been loud. Start small: one warm greeting a day is a real step.",
             ("emotional-evening-check-in", "gentle-restart")),
        Band(2, 3, "Growing", "Several habits are already there. Pick the one that is missing and try it this week.",
             ("digital-phone-free-dinner",)),
        Band(4, 4, "Well rooted", "Your everyday habits of closeness are strong. Keep them playful.", ())),
    note="A self-check, not a diagnosis: it shows a moment, not who you are.")
CLOSENESS = Assessment(
    "closeness-check", "How close do we feel", "Three statements about feeling known and safe.",
    (Layer.EMOTIONAL,), 4, Mode.SOLO, "Emotional safety research", Scale.AGREE_5, Scoring.MEAN,
    "Say how much you agree with each statement.", (
        Item("known", "My partner knows what worries me at the moment.", Scale.AGREE_5),
        Item("safe", "I can say how I feel without it turning into a fight.", Scale.AGREE_5),
        Item("alone", "I often feel alone even when we are together.", Scale.AGREE_5, reverse=True),
    ), (Band(1, 2.49, "Far apart for now", "It takes courage to see this. Talking with a counselor can help."),
        Band(2.5, 3.99, "Partly close", "There is closeness to build on."),
        Band(4, 5, "Close", "You feel known and safe with each other.")))
LOVE = Assessment(
    "ways-of-love", "Ways you give and receive love", "How much each way of showing love matters to you.",
    (Layer.EMOTIONAL, Layer.PHYSICAL), 6, Mode.SOLO, "Impett, Park & Muise 2024", Scale.AGREE_5, Scoring.PROFILE,
    "Rate every way; most people value several.", (
        Item("wg", "I like to tell my partner what I appreciate.", Scale.AGREE_5, dimension="words-give"),
        Item("wr", "Kind words from my partner stay with me for days.", Scale.AGREE_5, dimension="words-receive"),
        Item("tg", "I reach for my partner's hand without thinking.", Scale.AGREE_5, dimension="touch-give"),
        Item("tr", "A hug at the end of the day matters a lot to me.", Scale.AGREE_5, dimension="touch-receive"),
    ), dimensions=(Dimension("words-give", "Words: giving"), Dimension("words-receive", "Words: receiving"),
                   Dimension("touch-give", "Touch: giving"), Dimension("touch-receive", "Touch: receiving")))
FACTS = Assessment(
    "phubbing-facts", "Phones and closeness: what is known", "Three statements, true or false.",
    (Layer.DIGITAL,), 3, Mode.SOLO, "Roberts & David 2016", Scale.TRUE_FALSE, Scoring.CORRECT,
    "Guess first; each answer comes with a short explanation.", (
        Item("seen", "A phone lying on the table can make a talk feel less close.", Scale.TRUE_FALSE, answer=True,
             explanation="Studies found even a silent phone in sight lowers how connected people feel."),
        Item("rare", "Few couples say phones get in the way.", Scale.TRUE_FALSE, answer=False,
             explanation="Most couples in surveys say it happens at least sometimes."),
    ), (Band(0, 1, "Worth a look", "A little more to learn here."), Band(2, 2, "Well informed", "You know this.")))
TOGETHER = Assessment(
    "how-we-see-us", "How we see us", "Answer separately, then compare: where do you see things alike?",
    (Layer.EMOTIONAL,), 8, Mode.TOGETHER, "Gottman, State of the Union", Scale.AGREE_5, Scoring.MEAN,
    "Each of you answers alone, without looking. The answers are shown side by side at the end.", (
        Item("fun", "We have enough fun together.", Scale.AGREE_5),
        Item("heard", "I feel heard when I bring up something hard.", Scale.AGREE_5),
        Item("time", "We spend enough time just the two of us.", Scale.AGREE_5),
    ), (Band(1, 2.99, "Room to grow", "Pick one question to talk about."), Band(3, 5, "Mostly good", "Keep going.")))
HOURS = Assessment(
    "screen-hours", "Screens in a day", "How many hours go to screens, and how that sits with you.",
    (Layer.DIGITAL,), 3, Mode.SOLO, "Roberts & David 2016", Scale.HOURS, Scoring.PROFILE,
    "Your own estimate for a usual day; nothing is measured.", (
        Item("phone", "Hours a day on your phone outside work", Scale.HOURS, dimension="phone",
             reference="social-media-browsing"),
        Item("ok", "I am at peace with how much time my screens take.", Scale.AGREE_5, dimension="peace"),
    ), dimensions=(Dimension("phone", "Phone outside work"), Dimension("peace", "At peace with it")))
RESTART = Program(
    "gentle-restart", "A gentle restart", "Two weeks of small steps back toward each other.", 14,
    "Gottman, Trust Revival", "Three steps spread over two weeks. Do them in your own time; each can wait.", (
        ProgramStep("start", 1, "Check in with each other", "Begin with an evening check-in.",
                    exercise="emotional-evening-check-in"),
        ProgramStep("see", 3, "See where you stand", "Each of you takes the closeness check.",
                    assessment="closeness-check"),
        ProgramStep("plan", 7, "Plan one evening", "Choose one evening next week that belongs to the two of you."),
    ), care="If either of you feels unsafe at home, stop here and talk to someone you trust or a counselor first.")

SAMPLE_PRACTICE = Practice((CHECK_IN, PHONE_FREE, BOOK_TALK, HANDS),
                           (SCORECARD, CLOSENESS, LOVE, FACTS, TOGETHER, HOURS), (RESTART,))
