"""The Exercises page: the library, the step-by-step runner, self-assessments with their history, and programs."""
