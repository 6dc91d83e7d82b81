"""The Conversation page: the device-free timer with cards, turns and calm mode (issue 11)."""
