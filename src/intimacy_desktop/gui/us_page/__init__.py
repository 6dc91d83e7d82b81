"""The Us page: the couple's shared space, and the dialogs that make it and share into it."""
