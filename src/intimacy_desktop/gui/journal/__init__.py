"""The journal page: entry list with search, filters and a mood calendar, and the editor beside it."""
