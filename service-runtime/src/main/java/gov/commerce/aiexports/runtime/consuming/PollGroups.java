package gov.commerce.aiexports.runtime.consuming;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits a poll into groups that may be applied side by side, each in its own transaction: by
 * partition number. Every service keys its records by proposal (by aggregate where there is none)
 * and every topic has the same number of partitions, so a proposal's records are on the same
 * partition number in every topic and stay in one group, in the order of the poll. A group is never empty.
 */
public final class PollGroups {

    private PollGroups() {
    }

    public static <R> List<List<R>> of(List<R> poll, int groups, ToIntFunction<R> partition) {
        if (groups <= 1 || poll.size() < 2) {
            return poll.isEmpty() ? List.of() : List.of(poll);
        }
        List<List<R>> byGroup = new ArrayList<>(groups);
        for (int i = 0; i < groups; i++) {
            byGroup.add(new ArrayList<>());
        }
        for (R record : poll) {
            byGroup.get(Math.floorMod(partition.applyAsInt(record), groups)).add(record);
        }
        byGroup.removeIf(List::isEmpty);
        return byGroup;
    }
}
