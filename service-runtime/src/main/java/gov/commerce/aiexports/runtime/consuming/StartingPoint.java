package gov.commerce.aiexports.runtime.consuming;

import java.util.OptionalLong;

/**
 * Where the consumer starts a partition it has no committed offset for: from the beginning on its
 * first start (nothing of the partition applied yet), after the last record it applied when only
 * the group's offset was lost; never past records that expired from the broker ({@code expired}
 * says which, and the consumer stops instead).
 *
 * @param offset  the offset to read from, when nothing expired
 * @param why     for the log
 * @param expired what expired, or null
 */
record StartingPoint(long offset, String why, String expired) {

    /**
     * @param beginning   the partition's first offset on the broker now (after retention)
     * @param lastApplied the offset of the last record of the partition this service applied, if any
     */
    static StartingPoint of(long beginning, OptionalLong lastApplied) {
        if (lastApplied.isEmpty()) {
            if (beginning > 0) {
                return new StartingPoint(beginning, null, "the partition's first " + beginning
                        + " records have expired from the broker before this service read any of them");
            }
            return new StartingPoint(0, "its first start: from the beginning", null);
        }
        long next = lastApplied.getAsLong() + 1;
        if (next < beginning) {
            return new StartingPoint(next, null, "records from offset " + next + " (after the last applied) to " + (beginning - 1)
                    + " have expired from the broker");
        }
        return new StartingPoint(next, "the group's offset was lost: going on after the last record applied", null);
    }
}
