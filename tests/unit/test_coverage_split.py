"""`geo.coverage.split` on shapes drawn here: the pieces tile the territory whatever the parts' gaps and
overhangs, and the territory's outline gains vertices only where a border between pieces meets it."""
from __future__ import annotations

import pytest
import shapely
from shapely.geometry import Polygon, box

from geo import coverage

# a 10 × 10 territory with an islet off its east side
TERRITORY = shapely.union_all([box(0, 0, 10, 10), box(12, 4, 13, 5)])
# west part overhangs the territory (x < 0) and stops short of the border at x = 4.8; east part
# starts at x = 5.2 and misses the islet and the top strip (y > 9.5): the layers disagree
WEST = box(-1, -1, 4.8, 11)
EAST = Polygon([(5.2, 0), (11, 0), (11, 9.5), (5.2, 9.5)])


@pytest.fixture(scope="module")
def pieces() -> dict[str, shapely.Geometry]:
    return coverage.split(TERRITORY, {"W": WEST, "E": EAST})


def test_pieces_tile_the_territory(pieces):
    assert shapely.union_all(list(pieces.values())).symmetric_difference(TERRITORY).area == pytest.approx(0, abs=1e-9)
    assert shapely.intersection(pieces["W"], pieces["E"]).area == pytest.approx(0, abs=1e-9)
    assert sum(p.area for p in pieces.values()) == pytest.approx(TERRITORY.area)


def test_gaps_go_to_the_longest_border_and_islets_to_the_nearest(pieces):
    assert pieces["W"].contains(shapely.Point(2, 5)) and pieces["E"].contains(shapely.Point(8, 5))
    # the strip between x = 4.8 and 5.2 and the top strip over EAST are in neither part
    assert pieces["E"].contains(shapely.Point(8, 9.8))  # the top strip borders E's face longest
    assert pieces["E"].contains(shapely.Point(12.5, 4.5))  # the islet, nearest to E
    assert pieces["W"].area == pytest.approx(48) and pieces["E"].area == pytest.approx(53)


def test_outline_gains_vertices_only_where_a_border_meets_it(pieces):
    outline = {tuple(c) for c in shapely.get_coordinates(TERRITORY.boundary).round(9)}
    corners = {tuple(c) for p in pieces.values() for c in shapely.get_coordinates(p).round(9)}
    border = shapely.intersection(pieces["W"].boundary, pieces["E"].boundary)
    ends = {tuple(c) for c in shapely.get_coordinates(shapely.intersection(border, TERRITORY.boundary)).round(9)}
    new_on_outline = {c for c in corners - outline if TERRITORY.boundary.distance(shapely.Point(c)) < 1e-9}
    assert new_on_outline and new_on_outline <= ends
