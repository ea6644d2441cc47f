package gov.commerce.aiexports.runtime.publishing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures replace the producer (and so send its unsettled records anew) and which leave it retrying. */
class KafkaPublisherTest {

    @Test
    void a_broker_away_or_slow_keeps_the_producer_and_its_unsettled_records() {
        assertFalse(KafkaPublisher.fatal(new ExecutionException(new TimeoutException("Expiring 3 record(s)"))));
        assertFalse(KafkaPublisher.fatal(new TimeoutException("Topic not present in metadata after 5000 ms")));
        assertFalse(KafkaPublisher.fatal(new java.util.concurrent.TimeoutException()));
        assertFalse(KafkaPublisher.fatal(new ExecutionException(new NotLeaderOrFollowerException("moving"))));
    }

    @Test
    void a_producer_that_cannot_go_on_is_replaced() {
        assertTrue(KafkaPublisher.fatal(new ExecutionException(new ProducerFencedException("fenced"))));
        assertTrue(KafkaPublisher.fatal(new ExecutionException(new OutOfOrderSequenceException("gap"))));
        assertTrue(KafkaPublisher.fatal(new IllegalStateException("Cannot perform operation after producer has been closed")));
    }
}
