package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commerce's suspension, reinstatement and revocation on the review's stream (Axon's fixture). */
class DesignationStandingTest {

    private static final String R = "review-1";
    private static final String N = "PAEP-2027-0001";
    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    private static final Instant AT = Instant.parse("2027-03-01T15:00:00Z");
    private AggregateTestFixture<Review> fixture;

    private static final ReviewEvent.Opened OPENED = new ReviewEvent.Opened(R, "p-1", "AIEP-1", "c-1", "Acme", "ACME00000001",
            "Sovereign AI", 2027, List.of("VN"), List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000.00"), 5)),
            List.of("STATE"), List.of(), "EAR", List.of());
    private static final ReviewEvent.Determined DESIGNATED = new ReviewEvent.Determined(R, "p-1", ReviewEvent.Decision.DESIGNATE,
            "national interest", List.of(), N, TODAY, List.of("annual audit"),
            List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000.00"), 5)));
    private static final ReviewEvent.DesignationSuspended SUSPENDED = new ReviewEvent.DesignationSuspended(R, "p-1", N,
            "audit missed", TODAY, 1, AT);

    private static ReviewCommand.ChangeDesignationStanding change(ReviewCommand.Standing s, String reason, LocalDate date) {
        return new ReviewCommand.ChangeDesignationStanding(R, s, reason, date, TODAY, AT);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Review.class);
    }

    @Test
    void a_live_designation_is_suspended_reinstated_and_revoked_by_commerce() {
        fixture.given(OPENED, DESIGNATED).when(change(ReviewCommand.Standing.SUSPEND, " audit missed ", TODAY))
                .expectEvents(SUSPENDED);
        fixture.given(OPENED, DESIGNATED, SUSPENDED).when(change(ReviewCommand.Standing.REINSTATE, "delivered", TODAY))
                .expectEvents(new ReviewEvent.DesignationReinstated(R, "p-1", N, "delivered", TODAY, 1, AT));
        fixture.given(OPENED, DESIGNATED, SUSPENDED).when(change(ReviewCommand.Standing.REVOKE, "breach", TODAY.minusDays(2)))
                .expectEvents(new ReviewEvent.DesignationRevoked(R, "p-1", N, Review.REVOKED_BY_COMMERCE, null, "breach", 1, AT,
                        TODAY.minusDays(2)));
    }

    @Test
    void refusals_record_nothing() {
        fixture.given(OPENED, DESIGNATED, SUSPENDED).when(change(ReviewCommand.Standing.SUSPEND, "again", TODAY))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(OPENED, DESIGNATED).when(change(ReviewCommand.Standing.REINSTATE, "nothing to lift", TODAY))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(OPENED).when(change(ReviewCommand.Standing.REVOKE, "undecided", TODAY))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(OPENED, DESIGNATED).when(change(ReviewCommand.Standing.SUSPEND, "", TODAY))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(OPENED, DESIGNATED).when(change(ReviewCommand.Standing.SUSPEND, "later", TODAY.plusDays(1)))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(OPENED, DESIGNATED, new ReviewEvent.DesignationRevoked(R, "p-1", N, Review.RELINQUISHED, "w-1", "merger", 1, AT,
                        TODAY))
                .when(change(ReviewCommand.Standing.SUSPEND, "too late", TODAY))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void a_withdrawal_of_a_suspended_designation_relinquishes_it() {
        fixture.given(OPENED, DESIGNATED, SUSPENDED).when(new ReviewCommand.RecordWithdrawal(R, "w-1", "merger", AT))
                .expectEvents(new ReviewEvent.DesignationRevoked(R, "p-1", N, Review.RELINQUISHED, "w-1", "merger", 1, AT, TODAY));
    }
}
