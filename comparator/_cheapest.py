"""The smallest sums of one pick from each of several lists, in order, without trying every combination.

With n lists of up to k numbers there are k**n combinations; this yields them smallest sum first
and does work only for those taken: each sum taken costs O(n + log(taken)). The search is the
classic one over "pick vectors" (e.g. for the k best assignments), made duplicate-free by giving
every vector exactly one parent:

- the lists that offer a choice are ordered by the extra cost of their second-cheapest pick;
- a vector is extended only at its last changed list (`position`) or the one after it:
  advance that list to its next pick; start the next list at its second pick; or, when the
  current list is at its second pick, hand that step to the next list ("move").

Every child costs at least its parent (lists are sorted, and the order of the lists makes a
move never cheaper), so a heap pops the vectors in order of their sums.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence

__all__ = ["smallest_sums"]


def smallest_sums(lists: Sequence[Sequence[int]]) -> Iterator[tuple[int, tuple[int, ...]]]:
    """(sum, index picked in each list) for every combination, smallest sum first.

    Each list must be non-empty and sorted ascending. Lazy: take only what you need.
    """
    picks = (0,) * len(lists)
    total = sum(numbers[0] for numbers in lists)
    yield total, picks
    order = sorted((j for j, numbers in enumerate(lists) if len(numbers) > 1), key=lambda j: lists[j][1] - lists[j][0])
    if not order:
        return

    def step(j: int, pick: int) -> int:
        """The extra cost of moving list j from pick - 1 to `pick`."""
        return lists[j][pick] - lists[j][pick - 1]

    def with_pick(vector: tuple[int, ...], j: int, pick: int) -> tuple[int, ...]:
        return vector[:j] + (pick,) + vector[j + 1 :]

    first = order[0]
    heap = [(total + step(first, 1), 0, with_pick(picks, first, 1))]
    while heap:
        total, position, picks = heapq.heappop(heap)
        yield total, picks
        j = order[position]
        if picks[j] + 1 < len(lists[j]):
            heapq.heappush(heap, (total + step(j, picks[j] + 1), position, with_pick(picks, j, picks[j] + 1)))
        if position + 1 < len(order):
            following = order[position + 1]
            started = with_pick(picks, following, 1)
            heapq.heappush(heap, (total + step(following, 1), position + 1, started))
            if picks[j] == 1:
                moved = with_pick(started, j, 0)
                heapq.heappush(heap, (total + step(following, 1) - step(j, 1), position + 1, moved))
