"""iCalendar (RFC 5545): an artifact's events for a calendar app.

A kind hands over an :class:`~pmpath.export.shapes.EventCalendar` (sprint ceremonies,
a plan's milestones and phases); this module writes it with the ``icalendar`` library.

Two exports of the same file are identical, so a calendar that imports the file again
updates its events instead of adding copies:

- every UID is a hash of the event's ``uid_key`` (which names the artifact and the
  event, e.g. "…/standup-2027-01-05") followed by ``@pmpath``;
- DTSTAMP is the calendar's ``stamp``, a date from the artifact, not the time of export.

Times of day are floating (no time zone): a stand-up at 09:30 is at 09:30 wherever the
team's calendar is. Events given as dates are all-day events, marked free (TRANSP) so a
milestone does not block anyone's day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pmpath.export.shapes import CalendarEvent, EventCalendar

PRODID = "-//pmpath//pmpath export//EN"


def uid_of(uid_key: str) -> str:
    """A UID that is the same in every export of the same event: a hash of its key."""
    return hashlib.sha256(uid_key.encode("utf-8")).hexdigest()[:32] + "@pmpath"


def export(shape: EventCalendar | Iterable[CalendarEvent]) -> str:
    """The calendar as iCalendar text (CRLF line ends, as RFC 5545 asks)."""
    from icalendar import Calendar, Event

    if isinstance(shape, EventCalendar):
        calendar_shape = shape
    else:
        events = tuple(shape)
        first = min((_day_of(event.start) for event in events), default=date(2000, 1, 1))
        calendar_shape = EventCalendar("pmpath", events, first)
    stamp = datetime(calendar_shape.stamp.year, calendar_shape.stamp.month,
                     calendar_shape.stamp.day, tzinfo=UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_shape.name)
    seen: set[str] = set()
    for item in calendar_shape.events:
        uid = uid_of(item.uid_key)
        if uid in seen:
            raise ValueError(f"two events share the key '{item.uid_key}'")
        seen.add(uid)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        event.add("dtstart", item.start)
        end = _end_of(item)
        if end is not None:
            event.add("dtend", end)
        if not isinstance(item.start, datetime):
            event.add("transp", "TRANSPARENT")
        if item.description:
            event.add("description", item.description)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def _day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _end_of(item: CalendarEvent) -> Any:
    """DTEND: the shape's (exclusive) end; for an all-day event without one, the next day."""
    if item.end is not None:
        return item.end
    if isinstance(item.start, datetime):
        return None
    return item.start + timedelta(days=1)
