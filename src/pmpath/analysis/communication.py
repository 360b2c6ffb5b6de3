"""Communication channels: how many one-to-one paths a group of people has.

The PMBOK Guide (6th edition, section 10.1.2.2, "Communication requirements
analysis") gives the number of potential communication channels among n people as
n(n − 1)/2, as an indicator of how complex a project's communications are: every
person added opens a channel to everyone already there, so the count grows with
the square of the team. A team charter's Communication and Meetings sections are
how a team decides which of those channels it will actually use.
"""

from __future__ import annotations


def communication_channels(people: int) -> int:
    """n(n − 1)/2 potential one-to-one channels among ``people`` people."""
    if people < 0:
        raise ValueError(f"a group cannot have {people} people")
    return people * (people - 1) // 2
