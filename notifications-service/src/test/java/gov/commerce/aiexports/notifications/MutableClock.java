package gov.commerce.aiexports.notifications;

import gov.commerce.aiexports.testsupport.OffsetClock;
import jakarta.inject.Singleton;

/** notifications-service's clock in tests; the tests only move it forward, so deliveries already scheduled stay due. */
@Singleton
public class MutableClock extends OffsetClock {
}
