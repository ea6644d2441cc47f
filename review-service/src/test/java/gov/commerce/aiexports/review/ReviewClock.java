package gov.commerce.aiexports.review;

import gov.commerce.aiexports.testsupport.OffsetClock;
import jakarta.inject.Singleton;

/** review-service's clock in tests (the fiscal year of designation numbers). */
@Singleton
public class ReviewClock extends OffsetClock {
}
