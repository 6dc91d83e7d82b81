"""The window's shell: pages plug into it, the lock controller guards it (docs/ARCHITECTURE.md)."""
