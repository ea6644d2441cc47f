package gov.commerce.aiexports.incentives.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A line as readers see it; {@link #forApplicant()} hides the government's internal figures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncentiveRequestView(@org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String id,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String proposalId,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String designationNumber,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) int lineNumber,
        String consortiumId, String organisation, Instrument instrument, BigDecimal amountUsd, Integer tenorYears,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String status, String agency, Instant openedAt, Routing routing, BoardApproval boardApproval, Obligation obligation,
        List<Disbursement> disbursements, List<Deobligation> deobligations, Decision decline, Refusal lastRefusal,
        Instant updatedAt, Cancellation cancellation, DeobligationFlag deobligationFlag, LineOversight oversight) {

    /**
     * What oversight of the designation holds on the line: the suspension in force (null when
     * none), the milestone its disbursements need (set at approval) and the milestones Commerce
     * accepted.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineOversight(Suspension suspension, String requiredMilestoneId, List<String> acceptedMilestones) {
    }

    public record Suspension(String reason, java.time.LocalDate effectiveDate, Instant at) {
    }

    IncentiveRequestView withOversight(LineOversight o, Instant at) {
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, status, agency, openedAt, routing, boardApproval, obligation, disbursements, deobligations,
                decline, lastRefusal, at, cancellation, deobligationFlag, o);
    }

    LineOversight oversightOrEmpty() {
        return oversight == null ? new LineOversight(null, null, List.of()) : oversight;
    }


    /** The line was cancelled because its designation was revoked (cause, e.g. RELINQUISHED). */
    public record Cancellation(String cause, String causeEventId, String reason, Instant at) {
    }

    /**
     * The designation was revoked after the line was obligated: the financing agency is to
     * de-obligate undisbursedUsd (face; budgetCostUsd of budget cost); no disbursement is accepted.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeobligationFlag(String cause, String causeEventId, String reason, BigDecimal undisbursedUsd,
            BigDecimal budgetCostUsd, Instant at) {
    }

    IncentiveRequestView cancelled(Cancellation c, Instant at) {
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, IncentiveStatus.CANCELLED.name(), agency, openedAt, routing, boardApproval, obligation,
                disbursements, deobligations, decline, lastRefusal, at, c, deobligationFlag, oversight);
    }

    IncentiveRequestView flagged(DeobligationFlag f, Instant at) {
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, status, agency, openedAt, routing, boardApproval, obligation, disbursements, deobligations,
                decline, lastRefusal, at, cancellation, f, oversight);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Routing(String agency, String terms, BigDecimal creditSubsidyRatePercent, String routedBy, Instant routedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BoardApproval(String reference, String notes, String approvedBy, Instant approvedAt) {
    }

    /** commitmentUsd: face amount committed net of de-obligations; budgetCostUsd: what the budget has obligated, net. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Obligation(int fiscalYear, String budgetId, BigDecimal faceAmountUsd, BigDecimal budgetCostUsd,
            BigDecimal commitmentUsd, BigDecimal disbursedUsd, BigDecimal undisbursedUsd, String approvedBy,
            Instant obligatedAt) {
    }

    public record Disbursement(BigDecimal amountUsd, String reference, String recordedBy, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deobligation(BigDecimal amountUsd, BigDecimal budgetCostReturnedUsd, String reason, String recordedBy,
            Instant at) {
    }

    public record Decision(String reason, String decidedBy, Instant at) {
    }

    public record Refusal(String rule, int fiscalYear, BigDecimal budgetCostUsd, BigDecimal availableUsd, String refusedTo,
            Instant at) {
    }

    static IncentiveRequestView opened(IncentiveRequestEvent.Opened e, Instant at) {
        return new IncentiveRequestView(e.incentiveRequestId(), e.proposalId(), e.designationNumber(), e.lineNumber(),
                e.consortiumId(), e.applicantOrganisation(), e.instrument(), e.amountUsd(), e.tenorYears(),
                IncentiveStatus.AWAITING_ROUTING.name(), null, at, null, null, null, List.of(), List.of(), null, null, at, null, null, null);
    }

    /** A tombstone: the revocation came before the designation; no instrument, amount nor opening. */
    static IncentiveRequestView cancelledUnopened(IncentiveRequestEvent.CancelledUnopened e, Instant at) {
        return new IncentiveRequestView(e.incentiveRequestId(), e.proposalId(), e.designationNumber(), e.lineNumber(),
                e.consortiumId(), e.applicantOrganisation(), null, null, null, IncentiveStatus.CANCELLED.name(), null, null, null,
                null, null, List.of(), List.of(), null, null, at, new Cancellation(e.cause(), e.causeEventId(), e.reason(), at), null, null);
    }

    IncentiveRequestView routed(Routing r, Instant at) {
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, IncentiveStatus.ROUTED.name(), r.agency(), openedAt, r, boardApproval, obligation,
                disbursements, deobligations, decline, lastRefusal, at, cancellation, deobligationFlag, oversight);
    }

    IncentiveRequestView boardApproved(BoardApproval b, Instant at) {
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, IncentiveStatus.BOARD_APPROVED.name(), agency, openedAt, routing, b, obligation,
                disbursements, deobligations, decline, lastRefusal, at, cancellation, deobligationFlag, oversight);
    }

    IncentiveRequestView obligated(String newStatus, Obligation o, Instant at) {
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, newStatus, agency, openedAt, routing, boardApproval, o, disbursements, deobligations,
                decline, lastRefusal, at, cancellation, deobligationFlag, oversight);
    }

    IncentiveRequestView declined(Decision d, Instant at) {
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, IncentiveStatus.DECLINED.name(), agency, openedAt, routing, boardApproval, obligation,
                disbursements, deobligations, d, lastRefusal, at, cancellation, deobligationFlag, oversight);
    }

    IncentiveRequestView disbursed(String newStatus, Obligation o, Disbursement d, Instant at) {
        List<Disbursement> all = new ArrayList<>(disbursements == null ? List.of() : disbursements);
        all.add(d);
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, newStatus, agency, openedAt, routing, boardApproval, o, all, deobligations, decline,
                lastRefusal, at, cancellation, deobligationFlag, oversight);
    }

    IncentiveRequestView deobligated(String newStatus, Obligation o, Deobligation d, Instant at) {
        List<Deobligation> all = new ArrayList<>(deobligations == null ? List.of() : deobligations);
        all.add(d);
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, newStatus, agency, openedAt, routing, boardApproval, o, disbursements, all, decline,
                lastRefusal, at, cancellation, deobligationFlag, oversight);
    }

    IncentiveRequestView refused(Refusal r, Instant at) {
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, status, agency, openedAt, routing, boardApproval, obligation, disbursements, deobligations,
                decline, r, at, cancellation, deobligationFlag, oversight);
    }

    /** The applicant sees its line's status, agency, terms, amounts and disbursements, not the subsidy rate or budget figures. */
    public IncentiveRequestView forApplicant() {
        Routing r = routing == null ? null : new Routing(routing.agency(), routing.terms(), null, null, routing.routedAt());
        Obligation o = obligation == null ? null : new Obligation(obligation.fiscalYear(), null, obligation.faceAmountUsd(), null,
                obligation.commitmentUsd(), obligation.disbursedUsd(), obligation.undisbursedUsd(), null, obligation.obligatedAt());
        BoardApproval b = boardApproval == null ? null : new BoardApproval(boardApproval.reference(), null, null,
                boardApproval.approvedAt());
        List<Deobligation> d = deobligations == null ? null : deobligations.stream()
                .map(x -> new Deobligation(x.amountUsd(), null, x.reason(), null, x.at())).toList();
        return new IncentiveRequestView(id, proposalId, designationNumber, lineNumber, consortiumId, organisation, instrument,
                amountUsd, tenorYears, status, agency, openedAt, r, b, o, disbursements, d, decline, null, updatedAt, cancellation,
                deobligationFlag == null ? null : new DeobligationFlag(deobligationFlag.cause(), null, deobligationFlag.reason(),
                        deobligationFlag.undisbursedUsd(), null, deobligationFlag.at()), oversight);
    }
}
