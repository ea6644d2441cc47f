package gov.commerce.aiexports.proposals.call;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Instrument;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallWindowTest {

    private static final Instant OPENS = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-03-01T00:00:00Z");

    private static CallView call(CallStatus status) {
        return CallView.of("c", status, 1, new CallEvent.CallTerms("t", 2026, "d", OPENS, CLOSES, 24,
                List.of(Instrument.DIRECT_LOAN), List.of("STATE")), List.of());
    }

    @Test
    void open_from_opening_to_closing_plus_grace_and_only_when_published() {
        CallView published = call(CallStatus.PUBLISHED);
        assertFalse(published.acceptsSubmissionsAt(OPENS.minusSeconds(1)));
        assertTrue(published.acceptsSubmissionsAt(OPENS));
        assertTrue(published.acceptsSubmissionsAt(CLOSES.plusSeconds(24 * 3600)));
        assertFalse(published.acceptsSubmissionsAt(CLOSES.plusSeconds(24 * 3600 + 1)));
        assertFalse(call(CallStatus.CLOSED).acceptsSubmissionsAt(OPENS.plusSeconds(60)));
        assertFalse(call(CallStatus.DRAFT).acceptsSubmissionsAt(OPENS.plusSeconds(60)));
    }
}
