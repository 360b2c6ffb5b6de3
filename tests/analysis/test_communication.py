"""Communication channels n(n − 1)/2, against the PMBOK Guide's worked example.

Source: PMI, *A Guide to the Project Management Body of Knowledge (PMBOK Guide)*,
6th edition (2017), section 10.1.2.2, "Communication requirements analysis": "the
total number of potential communication channels is n(n – 1)/2, where n represents
the number of stakeholders. For example, a project with 10 stakeholders has
10(10 – 1)/2 = 45 potential communication channels."
"""

from __future__ import annotations

import pytest

from pmpath.analysis.communication import communication_channels


def test_ten_stakeholders_have_45_channels() -> None:
    assert communication_channels(10) == 45


@pytest.mark.parametrize(("people", "channels"), [(0, 0), (1, 0), (2, 1), (3, 3), (5, 10),
                                                  (6, 15), (8, 28)])
def test_each_person_added_opens_a_channel_to_everyone_already_there(people: int,
                                                                     channels: int) -> None:
    assert communication_channels(people) == channels
    if people:
        assert channels - communication_channels(people - 1) == people - 1


def test_a_negative_team_is_refused() -> None:
    with pytest.raises(ValueError):
        communication_channels(-1)
