"""The four layer pages: what a layer is, its figures, its three prompt decks, the card view and the glossary."""
