"""The connector's memory, one SQLite file: which CSV rows are in the registry already (and as
what), the feed's cursor, the events already handled and the answers already posted. Every step
commits as soon as it is done, so an interrupted run resumes where it stopped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA = """
create table if not exists mirrored (
    case_id text primary key,       -- the case system's id of the person (the CSV's key)
    person_id text not null,        -- the registry's id
    row_hash text not null,         -- what was sent last, to notice a changed row
    updated_at text not null default (datetime('now'))
);
create table if not exists cursor (
    feed text primary key,
    position text
);
create table if not exists events_seen (
    event_id text primary key,
    seen_at text not null default (datetime('now'))
);
create table if not exists answers (
    referral_id text not null,
    action text not null,
    status integer not null,
    answered_at text not null default (datetime('now')),
    primary key (referral_id, action)
);
"""


class State:
    def __init__(self, path: Path) -> None:
        self.path = path
        # one connection, used under a lock by the webhook receiver's threads
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- the CSV mirror
    def mirrored(self, case_id: str) -> tuple[str, str] | None:
        """``(person_id, row_hash)`` of a row already sent."""
        row = self.db.execute(
            "select person_id, row_hash from mirrored where case_id = ?", (case_id,)
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def remember_row(self, case_id: str, person_id: str, row_hash: str) -> None:
        with self.db:
            self.db.execute(
                "insert into mirrored (case_id, person_id, row_hash) values (?, ?, ?) "
                "on conflict (case_id) do update set person_id = excluded.person_id, "
                "row_hash = excluded.row_hash, updated_at = datetime('now')",
                (case_id, person_id, row_hash),
            )

    def person_of(self, case_id: str) -> str | None:
        found = self.mirrored(case_id)
        return None if found is None else found[0]

    # -- the feed
    def cursor(self, feed: str) -> str | None:
        row = self.db.execute("select position from cursor where feed = ?", (feed,)).fetchone()
        return None if row is None else row[0]

    def save_cursor(self, feed: str, position: str | None) -> None:
        if position is None:
            return
        with self.db:
            self.db.execute(
                "insert into cursor (feed, position) values (?, ?) "
                "on conflict (feed) do update set position = excluded.position",
                (feed, position),
            )

    def seen(self, event_id: str) -> bool:
        """Handled already (a feed page read again, a webhook delivered again, both for one event)."""
        return (
            self.db.execute("select 1 from events_seen where event_id = ?", (event_id,)).fetchone()
            is not None
        )

    def mark_seen(self, event_id: str) -> None:
        with self.db:
            self.db.execute("insert or ignore into events_seen (event_id) values (?)", (event_id,))

    # -- answers
    def answered(self, referral_id: str, action: str) -> bool:
        row = self.db.execute(
            "select 1 from answers where referral_id = ? and action = ?", (referral_id, action)
        ).fetchone()
        return row is not None

    def remember_answer(self, referral_id: str, action: str, status: int) -> None:
        with self.db:
            self.db.execute(
                "insert or replace into answers (referral_id, action, status) values (?, ?, ?)",
                (referral_id, action, status),
            )
