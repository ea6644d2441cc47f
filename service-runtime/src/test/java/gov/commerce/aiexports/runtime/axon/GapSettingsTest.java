package gov.commerce.aiexports.runtime.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GapSettingsTest {

    @Test
    void a_transaction_committing_just_before_its_timeout_is_still_waited_for() {
        GapSettings gaps = GapSettings.derive(Duration.ofSeconds(120), 5000);
        // committed at the last moment, with every event the store can take meanwhile appended after it
        assertTrue(gaps.waitsFor(Duration.ofSeconds(120), 5000L * 120));
        assertTrue(gaps.gapTimeoutMillis() >= Duration.ofSeconds(120).plus(GapSettings.CLOCK_SKEW).toMillis());
        assertEquals(250, gaps.gapCleaningThreshold());
    }

    @Test
    void axons_defaults_would_skip_such_a_transaction() {
        // Axon's own bounds: 60 s and 10,000 events
        GapSettings axonDefaults = new GapSettings(60_000, 10_000, 250);
        assertFalse(axonDefaults.waitsFor(Duration.ofSeconds(90), 10));
        assertFalse(axonDefaults.waitsFor(Duration.ofSeconds(5), 20_000));
        GapSettings derived = GapSettings.derive(Duration.ofSeconds(120), 5000);
        assertTrue(derived.waitsFor(Duration.ofSeconds(90), 10));
        assertTrue(derived.waitsFor(Duration.ofSeconds(5), 20_000));
    }

    @Test
    void the_offset_never_falls_below_axons_default_and_grows_with_the_rate() {
        assertEquals(10_000, GapSettings.derive(Duration.ofSeconds(1), 1).maxGapOffset());
        assertEquals(2000 * 90, GapSettings.derive(Duration.ofSeconds(60), 2000).maxGapOffset());
    }

    @Test
    void nonsense_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> GapSettings.derive(Duration.ZERO, 10));
        assertThrows(IllegalArgumentException.class, () -> GapSettings.derive(Duration.ofSeconds(10), 0));
    }
}
