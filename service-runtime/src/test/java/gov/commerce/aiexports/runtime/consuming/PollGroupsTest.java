package gov.commerce.aiexports.runtime.consuming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PollGroupsTest {

    record Rec(String topic, int partition, long offset) {
    }

    @Test
    void records_of_one_partition_number_stay_in_one_group_in_the_order_of_the_poll_whatever_their_topic() {
        List<Rec> poll = List.of(new Rec("proposals", 4, 10), new Rec("review", 1, 3), new Rec("review", 4, 7),
                new Rec("proposals", 1, 11), new Rec("incentives", 5, 2), new Rec("proposals", 4, 12));
        List<List<Rec>> groups = PollGroups.of(poll, 3, Rec::partition);
        assertEquals(List.of(
                List.of(new Rec("proposals", 4, 10), new Rec("review", 1, 3), new Rec("review", 4, 7), new Rec("proposals", 1, 11),
                        new Rec("proposals", 4, 12)),
                List.of(new Rec("incentives", 5, 2))), groups, "partitions 1 and 4 share group 1; 5 is group 2; group 0 is empty");
    }

    @Test
    void one_group_is_the_whole_poll() {
        List<Rec> poll = List.of(new Rec("a", 0, 1), new Rec("a", 3, 2));
        assertEquals(List.of(poll), PollGroups.of(poll, 1, Rec::partition));
        assertEquals(List.of(), PollGroups.of(List.<Rec>of(), 4, Rec::partition));
    }
}
