package gov.commerce.aiexports.proposals;

import gov.commerce.aiexports.testsupport.OffsetClock;
import jakarta.inject.Singleton;

/** proposals-service's clock in tests (call windows and grace periods). */
@Singleton
public class MovableClock extends OffsetClock {
}
