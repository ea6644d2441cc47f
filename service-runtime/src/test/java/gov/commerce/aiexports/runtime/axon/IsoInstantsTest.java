package gov.commerce.aiexports.runtime.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void parses_what_the_general_parser_parses_to_the_same_instant() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(0, 4_102_444_800L);
            int nano = random.nextInt(1_000_000_000);
            for (Instant shape : List.of(Instant.ofEpochSecond(second, nano), Instant.ofEpochSecond(second),
                    Instant.ofEpochSecond(second, nano / 1_000_000 * 1_000_000))) {
                String text = shape.toString();
                assertEquals(Instant.parse(text), IsoInstants.parse(text), text);
            }
        }
        for (String text : List.of("2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "2026-11-26T09:24:22.6Z", "2026-11-26T09:24:22+01:00")) {
            assertEquals(Instant.parse(text), IsoInstants.parse(text), text);
        }
    }

    @Test
    void refuses_what_is_not_an_instant() {
        for (String text : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-26T25:00:00Z", "2026-11-26T09:24:60Z",
                "2026-11-26 09:24:22Z", "not a time")) {
            assertThrows(DateTimeParseException.class, () -> IsoInstants.parse(text), text);
        }
    }
}
