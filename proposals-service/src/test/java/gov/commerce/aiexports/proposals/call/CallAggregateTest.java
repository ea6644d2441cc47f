package gov.commerce.aiexports.proposals.call;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.proposals.call.CallCommand.AmendCall;
import gov.commerce.aiexports.proposals.call.CallCommand.ArchiveCall;
import gov.commerce.aiexports.proposals.call.CallCommand.CloseCall;
import gov.commerce.aiexports.proposals.call.CallCommand.DraftCall;
import gov.commerce.aiexports.proposals.call.CallCommand.PublishCall;
import gov.commerce.aiexports.proposals.call.CallEvent.CallTerms;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The call's state machine, given/when/then on the aggregate alone: DRAFT → PUBLISHED → CLOSED → ARCHIVED, amendments. */
@ExtendWith(QuietRefusals.class)
class CallAggregateTest {

    private static final String CALL = "call-1";
    /** When the commands are judged: before the terms' closing (a call closing in the past is refused: CALL_CLOSING_PASSED). */
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final CallTerms TERMS = new CallTerms("AI for grids", 2027, "full-stack packages",
            Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"), 24,
            List.of(Instrument.DIRECT_LOAN), List.of("COMMERCE", "STATE"));
    private static final CallTerms NEW_TERMS = new CallTerms("AI for grids", 2027, "full-stack packages, extended",
            Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"), 24,
            List.of(Instrument.DIRECT_LOAN, Instrument.FEASIBILITY_STUDY), List.of("COMMERCE", "STATE"));

    private FixtureConfiguration<Call> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Call.class);
    }

    private static CallEvent.Drafted drafted() {
        return new CallEvent.Drafted(CALL, TERMS);
    }

    private static CallEvent.Published published() {
        return new CallEvent.Published(CALL, TERMS, 1);
    }

    @Test
    void a_call_closing_in_the_past_is_not_drafted_amended_or_published() {
        Instant afterClosing = TERMS.closesAt().plusSeconds(1);
        fixture.givenNoPriorActivity().when(new DraftCall(CALL, TERMS, afterClosing)).expectNoEvents()
                .expectException(refused(InvalidInput.class, "CALL_CLOSING_PASSED", "/closesAt"));
        fixture.given(drafted()).when(new PublishCall(CALL, afterClosing)).expectNoEvents()
                .expectException(refused(StateConflict.class, "CALL_CLOSING_PASSED", "/closesAt"));
        fixture.given(drafted(), published()).when(new AmendCall(CALL, TERMS, "late", afterClosing)).expectNoEvents()
                .expectException(refused(InvalidInput.class, "CALL_CLOSING_PASSED", "/closesAt"));
    }

    @Test
    void drafting_complete_terms_records_a_draft() {
        fixture.givenNoPriorActivity().when(new DraftCall(CALL, TERMS, NOW)).expectSuccessfulHandlerExecution().expectEvents(drafted());
    }

    @Test
    void drafting_terms_without_title_or_with_closing_before_opening_is_refused() {
        CallTerms bad = new CallTerms(" ", 2027, "d", TERMS.closesAt(), TERMS.opensAt(), 24, TERMS.instruments(),
                TERMS.requiredAgencies());
        fixture.givenNoPriorActivity().when(new DraftCall(CALL, bad, NOW))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/title"))
                .expectException(refused(InvalidInput.class, "CALL_WINDOW_INVALID", "/closesAt"))
                .expectNoEvents();
    }

    @Test
    void drafting_terms_with_an_unknown_agency_no_instrument_or_a_long_grace_period_is_refused() {
        CallTerms bad = new CallTerms("t", 2020, "d", TERMS.opensAt(), TERMS.closesAt(), 200, List.of(), List.of("NASA"));
        fixture.givenNoPriorActivity().when(new DraftCall(CALL, bad, NOW))
                .expectException(refused(InvalidInput.class, "FISCAL_YEAR_INVALID", "/fiscalYear"))
                .expectException(refused(InvalidInput.class, "GRACE_PERIOD_INVALID", "/gracePeriodHours"))
                .expectException(refused(InvalidInput.class, "INSTRUMENTS_REQUIRED", "/instruments"))
                .expectException(refused(InvalidInput.class, "REQUIRED_AGENCIES_INVALID", "/requiredAgencies"))
                .expectNoEvents();
    }

    @Test
    void a_draft_is_published_as_version_1() {
        fixture.given(drafted()).when(new PublishCall(CALL, NOW)).expectEvents(published());
    }

    @Test
    void a_published_closed_or_archived_call_is_not_published_again() {
        fixture.given(drafted(), published()).when(new PublishCall(CALL, NOW))
                .expectException(refused(StateConflict.class, "CALL_NOT_DRAFT")).expectNoEvents();
        fixture.given(drafted(), published(), new CallEvent.Closed(CALL)).when(new PublishCall(CALL, NOW))
                .expectException(refused(StateConflict.class, "CALL_NOT_DRAFT")).expectNoEvents();
        fixture.given(drafted(), published(), new CallEvent.Closed(CALL), new CallEvent.Archived(CALL)).when(new PublishCall(CALL, NOW))
                .expectException(refused(StateConflict.class, "CALL_NOT_DRAFT")).expectNoEvents();
    }

    @Test
    void a_published_call_is_amended_to_the_next_version() {
        fixture.given(drafted(), published()).when(new AmendCall(CALL, NEW_TERMS, "one more month", NOW))
                .expectEvents(new CallEvent.Amended(CALL, NEW_TERMS, 2, "one more month"));
        fixture.given(drafted(), published(), new CallEvent.Amended(CALL, NEW_TERMS, 2, "one more month"))
                .when(new AmendCall(CALL, TERMS, "back", NOW))
                .expectEvents(new CallEvent.Amended(CALL, TERMS, 3, "back"));
    }

    @Test
    void a_draft_is_amended_too() {
        fixture.given(drafted()).when(new AmendCall(CALL, NEW_TERMS, "typo", NOW))
                .expectEvents(new CallEvent.Amended(CALL, NEW_TERMS, 1, "typo"));
    }

    @Test
    void an_amendment_says_why() {
        fixture.given(drafted(), published()).when(new AmendCall(CALL, NEW_TERMS, " ", NOW))
                .expectException(refused(InvalidInput.class, "MODIFICATION_COMMENT_REQUIRED", "/modificationComment"))
                .expectNoEvents();
    }

    @Test
    void an_amendment_keeps_the_terms_coherent() {
        CallTerms bad = new CallTerms("t", 2027, "d", TERMS.opensAt(), TERMS.closesAt(), -1, TERMS.instruments(),
                TERMS.requiredAgencies());
        fixture.given(drafted(), published()).when(new AmendCall(CALL, bad, "why", NOW))
                .expectException(refused(InvalidInput.class, "GRACE_PERIOD_INVALID", "/gracePeriodHours")).expectNoEvents();
    }

    @Test
    void a_closed_or_archived_call_is_not_amended() {
        fixture.given(drafted(), published(), new CallEvent.Closed(CALL)).when(new AmendCall(CALL, NEW_TERMS, "late", NOW))
                .expectException(refused(StateConflict.class, "CALL_NOT_AMENDABLE")).expectNoEvents();
        fixture.given(drafted(), published(), new CallEvent.Closed(CALL), new CallEvent.Archived(CALL))
                .when(new AmendCall(CALL, NEW_TERMS, "late", NOW))
                .expectException(refused(StateConflict.class, "CALL_NOT_AMENDABLE")).expectNoEvents();
    }

    @Test
    void a_published_call_closes() {
        fixture.given(drafted(), published()).when(new CloseCall(CALL)).expectEvents(new CallEvent.Closed(CALL));
    }

    @Test
    void a_draft_or_closed_call_does_not_close() {
        fixture.given(drafted()).when(new CloseCall(CALL))
                .expectException(refused(StateConflict.class, "CALL_NOT_PUBLISHED")).expectNoEvents();
        fixture.given(drafted(), published(), new CallEvent.Closed(CALL)).when(new CloseCall(CALL))
                .expectException(refused(StateConflict.class, "CALL_NOT_PUBLISHED")).expectNoEvents();
    }

    @Test
    void a_closed_call_is_archived() {
        fixture.given(drafted(), published(), new CallEvent.Closed(CALL)).when(new ArchiveCall(CALL))
                .expectEvents(new CallEvent.Archived(CALL));
    }

    @Test
    void only_a_closed_call_is_archived() {
        fixture.given(drafted()).when(new ArchiveCall(CALL))
                .expectException(refused(StateConflict.class, "CALL_NOT_CLOSED")).expectNoEvents();
        fixture.given(drafted(), published()).when(new ArchiveCall(CALL))
                .expectException(refused(StateConflict.class, "CALL_NOT_CLOSED")).expectNoEvents();
        fixture.given(drafted(), published(), new CallEvent.Closed(CALL), new CallEvent.Archived(CALL)).when(new ArchiveCall(CALL))
                .expectException(refused(StateConflict.class, "CALL_NOT_CLOSED")).expectNoEvents();
    }
}
