"""SQLAlchemy 2.0 typed models of the journal tables; the schema itself is owned by ``migrations``.

The ``settings`` table (the commit counter) has no model: database.py reads and writes it in plain SQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Integer, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column("entry_id", Integer, ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class EntryRow(Base):
    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    entry_date: Mapped[dt.date]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    mood: Mapped[int | None]
    layer: Mapped[str] = mapped_column(Text, default="none")
    kind: Mapped[str] = mapped_column(Text, default="entry")
    shared: Mapped[bool] = mapped_column(default=False)
    deleted_at: Mapped[dt.datetime | None]

    tags: Mapped[list[TagRow]] = relationship(secondary=entry_tags, lazy="selectin", order_by="TagRow.name")


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class DraftRow(Base):
    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), unique=True)
    payload: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime]
