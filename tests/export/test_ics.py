"""`pmpath export ics`: sprint ceremonies and plan dates as iCalendar events."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from exported import EXAMPLES, export_example, export_file
from icalendar import Calendar

from pmpath.core.errors import UsageError


def events_of(text: str) -> list:
    calendar = Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert "pmpath" in str(calendar["PRODID"])
    events = list(calendar.walk("VEVENT"))
    for event in events:
        for field in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert field in event, f"{event.get('SUMMARY')} has no {field}"
    return events


def start_of(event) -> date | datetime:
    return event.decoded("DTSTART")


def test_a_two_week_sprint_gives_planning_ten_standups_review_and_retro():
    events = events_of(export_example("ics", "sprint"))
    assert len(events) == 13
    titles = [str(event["SUMMARY"]) for event in events]
    assert titles[0] == "Sprint planning"
    assert titles[-2:] == ["Sprint review", "Sprint retrospective"]
    standups = [event for event in events if str(event["SUMMARY"]).startswith("Daily stand-up")]
    assert len(standups) == 10
    days = [start_of(event).date() for event in standups]
    assert days[0] == date(2027, 1, 4) and days[-1] == date(2027, 1, 15)
    assert all(day.weekday() < 5 for day in days)
    for event in standups:
        assert (event.decoded("DTEND") - start_of(event)).total_seconds() == 15 * 60
    planning, review, retro = events[0], events[-2], events[-1]
    assert start_of(planning).date() == date(2027, 1, 4) and start_of(planning).hour < 12
    assert start_of(review).date() == start_of(retro).date() == date(2027, 1, 15)
    assert start_of(review) < start_of(retro)
    assert "Returning customers can save a card" in str(planning["DESCRIPTION"])


def test_uids_are_unique_and_the_same_in_every_export():
    first = export_example("ics", "sprint")
    second = export_example("ics", "sprint")
    assert first == second
    uids = [str(event["UID"]) for event in events_of(first)]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@pmpath") for uid in uids)
    assert uids == [str(event["UID"]) for event in events_of(second)]


def test_dtstamp_comes_from_the_artifact_not_the_clock():
    stamps = {event.decoded("DTSTAMP") for event in events_of(export_example("ics", "sprint"))}
    assert len(stamps) == 1
    stamp = stamps.pop()
    assert (stamp.year, stamp.month, stamp.day) == (2027, 1, 4)
    assert stamp.utcoffset().total_seconds() == 0


def test_standups_skip_the_sprints_holidays_and_its_countrys_public_holidays(tmp_path):
    text = (EXAMPLES / "sprint.yaml").read_text(encoding="utf-8")
    text = text.replace("holidays: []", "holidays: [2027-01-06]")
    events = events_of(export_file(tmp_path, "ics", text, "sprint.yaml"))
    assert len(events) == 13
    days = [start_of(event).date() for event in events
            if str(event["SUMMARY"]).startswith("Daily stand-up")]
    # 2027-01-06 is the file's holiday, 2027-01-18 is Martin Luther King Jr. Day (US).
    assert date(2027, 1, 6) not in days and date(2027, 1, 18) not in days
    assert days[-1] == date(2027, 1, 19)
    assert start_of(events[-1]).date() == date(2027, 1, 19)


def test_editing_the_sprint_keeps_its_uids_so_a_reimport_updates_the_events(tmp_path):
    text = (EXAMPLES / "sprint.yaml").read_text(encoding="utf-8")
    original = events_of(export_file(tmp_path, "ics", text, "sprint.yaml"))
    edited = events_of(export_file(tmp_path, "ics", text.replace("Returning customers can",
                                                                 "Customers can"),
                                   "sprint.yaml"))
    assert [str(event["UID"]) for event in original] == [str(event["UID"]) for event in edited]


def test_a_launch_plan_gives_its_milestones_go_no_go_rollout_and_ga():
    events = events_of(export_example("ics", "launch-plan"))
    titles = [str(event["SUMMARY"]) for event in events]
    assert titles == [
        "Milestone: Private beta live", "Milestone: Public beta live", "Milestone: Ready for GA",
        "Go/no-go decision: Instant payouts for marketplace sellers",
        "Rollout to 5%: Instant payouts for marketplace sellers",
        "Rollout to 25%: Instant payouts for marketplace sellers",
        "Rollout to 50%: Instant payouts for marketplace sellers",
        "Rollout to 100%: Instant payouts for marketplace sellers",
        "General availability: Instant payouts for marketplace sellers"]
    assert [start_of(event) for event in events] == [
        date(2027, 1, 13), date(2027, 2, 4), date(2027, 3, 16), date(2027, 3, 17),
        date(2027, 3, 18), date(2027, 3, 22), date(2027, 3, 25), date(2027, 3, 31),
        date(2027, 3, 31)]
    for event in events:  # all-day: a date, not a time, and ending the next day
        assert not isinstance(start_of(event), datetime)
        assert (event.decoded("DTEND") - start_of(event)).days == 1
    assert "Dana Whitfield" in str(events[3]["DESCRIPTION"])


def test_a_project_plan_gives_its_phases_milestones_and_deadline():
    events = events_of(export_example("ics", "project-plan"))
    titles = [str(event["SUMMARY"]) for event in events]
    assert titles[:5] == ["Phase: initiating", "Phase: planning", "Phase: executing",
                          "Phase: monitoring", "Phase: closing"]
    assert titles[-1] == "Deadline: Card payments processor migration"
    assert len(events) == 5 + 5 + 1
    initiating = events[0]
    assert start_of(initiating) == date(2027, 1, 4)
    assert initiating.decoded("DTEND") == date(2027, 1, 15)  # exclusive: ends on the 14th
    assert start_of(events[-1]) == date(2027, 5, 28)
    assert "2027-05-17" in str(events[-1]["DESCRIPTION"])  # the expected finish
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)


def test_a_kind_without_dates_cannot_be_exported_to_a_calendar() -> None:
    from pmpath import api

    with pytest.raises(UsageError, match="cannot be exported as ics; it can be exported as md"):
        api.export("ics", EXAMPLES / "risk-register.yaml", as_of=date(2027, 1, 20))


def test_the_exporter_stamps_and_hashes_any_events() -> None:
    from pmpath.export import ics
    from pmpath.export.shapes import CalendarEvent, EventCalendar

    text = ics.export(EventCalendar("Demo", (
        CalendarEvent("demo/a", "A", date(2027, 3, 1)),
        CalendarEvent("demo/b", "B", datetime(2027, 3, 2, 10, 0), datetime(2027, 3, 2, 11, 0),
                      "two\nlines, with a comma"),
    ), date(2027, 2, 1)))
    events = events_of(text)
    assert str(events[1]["DESCRIPTION"]) == "two\nlines, with a comma"
    assert str(events[0]["UID"]) == ics.uid_of("demo/a")
    assert "\r\n" in text
    with pytest.raises(ValueError, match="share the key"):
        ics.export(EventCalendar("Demo", (CalendarEvent("x", "A", date(2027, 3, 1)),
                                          CalendarEvent("x", "B", date(2027, 3, 2))),
                                 date(2027, 2, 1)))
