package gov.commerce.aiexports.incentives;

import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.testsupport.OffsetClock;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/** incentives-service's clock in tests: the fiscal year in which an approval obligates. */
@Singleton
public class IncentivesClock extends OffsetClock {

    /** Sets the clock to that instant (the past included); time then runs on from it. */
    public void at(Instant instant) {
        reset();
        moveBy(Duration.between(instant(), instant));
    }

    /** Sets the clock into that fiscal year (mid-December of it, well away from its edges). */
    public void inFiscalYear(int fiscalYear) {
        at(FiscalYear.startsAt(fiscalYear).plus(Duration.ofDays(75)));
    }
}
