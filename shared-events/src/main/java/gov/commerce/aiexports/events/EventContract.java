package gov.commerce.aiexports.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a payload record as a published contract: its event type and schema version. The pair is
 * what travels in the envelope; a change to the record's fields needs a new version (see
 * docs/event-catalogue.md) and a JSON Schema under resources/contracts.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {
    String type();

    int version();

    /** The service whose topic carries it. */
    String producer();
}
