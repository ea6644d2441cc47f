package gov.commerce.aiexports.incentives.request;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.incentives.budget.BudgetId;
import gov.commerce.aiexports.incentives.budget.BudgetCost;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.ObligationToRecord;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import java.util.EnumSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** One endorsed line of a designation, on its way through EDAG routing, approval and obligation. */
public class IncentiveRequest {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    @AggregateIdentifier
    private String incentiveRequestId;
    private String proposalId;
    private String designationNumber;
    private String applicantOrganisation;
    private Instrument instrument;
    private BigDecimal amountUsd;
    private IncentiveStatus status;
    private FinancingAgency agency;
    private BigDecimal creditSubsidyRatePercent;
    private boolean boardApproved;
    private String budgetId;
    /** Face amount committed, net of de-obligations. */
    private BigDecimal commitmentUsd = ZERO;
    /** Budget cost obligated, net of what de-obligations returned. */
    private BigDecimal budgetCostUsd = ZERO;
    private BigDecimal disbursedUsd = ZERO;
    /** Flagged for de-obligation after its designation's revocation: no more disbursements. */
    private boolean flaggedForDeobligation;
    /** The designation is suspended by Commerce: no approvals or disbursements. */
    private boolean suspended;
    /** Set at approval: disbursements wait for Commerce's acceptance of this milestone. */
    private String requiredMilestoneId;
    private final java.util.Set<String> acceptedMilestones = new java.util.HashSet<>();

    protected IncentiveRequest() {
    }

    /**
     * Opens the line once. A line that exists already does nothing: a redelivered designation, or
     * one whose revocation came first and left the line cancelled (a tombstone), which must never
     * reopen, and must not fail either (that would dead-letter the designation).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IncentiveRequestCommand.OpenIncentiveRequest c) {
        if (status != null) {
            return;
        }
        apply(new IncentiveRequestEvent.Opened(c.incentiveRequestId(), c.proposalId(), c.designationNumber(), c.lineNumber(),
                c.consortiumId(), c.applicantOrganisation(), c.instrument(), c.amountUsd(), c.tenorYears()));
    }

    @CommandHandler
    void handle(IncentiveRequestCommand.RouteIncentiveRequest c) {
        Violations.conflictIfAny(IncentiveRequestPolicies.checkNotCancelled(status, "routed"));
        Violations.conflictIfAny(IncentiveRequestPolicies.checkInState(status,
                EnumSet.of(IncentiveStatus.AWAITING_ROUTING, IncentiveStatus.ROUTED),
                IncentiveRequestPolicies.LINE_NOT_ROUTABLE, "routed"));
        Violations.invalidIfAny(IncentiveRequestPolicies.checkRoutingInput(instrument, c.agency(), c.creditSubsidyRatePercent()));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkAgencyFinances(instrument, c.agency()));
        apply(new IncentiveRequestEvent.Routed(incentiveRequestId, proposalId, designationNumber, applicantOrganisation,
                instrument, amountUsd, c.agency(), c.terms(), c.creditSubsidyRatePercent()));
    }

    @CommandHandler
    void handle(IncentiveRequestCommand.RecordBoardApproval c) {
        Violations.conflictIfAny(IncentiveRequestPolicies.checkNotCancelled(status, "board-approved"));
        Violations.conflictIfAny(IncentiveRequestPolicies.checkInState(status,
                EnumSet.of(IncentiveStatus.ROUTED), IncentiveRequestPolicies.LINE_NOT_DECIDABLE,
                "board-approved"));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkBoardApplies(agency));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkActingForRoutedAgency(agency, c.actingAgency()));
        apply(new IncentiveRequestEvent.BoardApproved(incentiveRequestId, proposalId, designationNumber, applicantOrganisation,
                amountUsd, IncentiveRequestPolicies.EXIM_BOARD_THRESHOLD_USD, c.reference(), c.notes()));
    }

    @CommandHandler
    ObligationToRecord handle(IncentiveRequestCommand.ApproveIncentiveRequest c) {
        Violations.conflictIfAny(IncentiveRequestPolicies.checkNotCancelled(status, "approved"));
        Violations.conflictIfAny(IncentiveRequestPolicies.checkInState(status,
                EnumSet.of(IncentiveStatus.ROUTED, IncentiveStatus.BOARD_APPROVED),
                IncentiveRequestPolicies.LINE_NOT_DECIDABLE, "approved"));
        Violations.conflictIfAny(IncentiveRequestPolicies.checkNotSuspended(suspended, "approved"));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkActingForRoutedAgency(agency, c.actingAgency()));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkBoardApproval(agency, amountUsd, boardApproved));
        String budget = BudgetId.of(c.fiscalYear(), instrument);
        BigDecimal cost = BudgetCost.of(instrument, amountUsd, creditSubsidyRatePercent);
        apply(new IncentiveRequestEvent.Approved(incentiveRequestId, proposalId, designationNumber, applicantOrganisation, agency,
                instrument, c.fiscalYear(), budget, amountUsd, creditSubsidyRatePercent, cost));
        if (c.requiredMilestoneId() != null) {
            apply(new IncentiveRequestEvent.MilestoneRequired(incentiveRequestId, c.requiredMilestoneId()));
        }
        return new ObligationToRecord(budget, instrument, incentiveRequestId, proposalId, designationNumber, agency.name(), amountUsd,
                creditSubsidyRatePercent, cost);
    }

    @CommandHandler
    void handle(IncentiveRequestCommand.DeclineIncentiveRequest c) {
        Violations.conflictIfAny(IncentiveRequestPolicies.checkNotCancelled(status, "declined"));
        Violations.conflictIfAny(IncentiveRequestPolicies.checkInState(status,
                EnumSet.of(IncentiveStatus.ROUTED, IncentiveStatus.BOARD_APPROVED),
                IncentiveRequestPolicies.LINE_NOT_DECIDABLE, "declined"));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkActingForRoutedAgency(agency, c.actingAgency()));
        apply(new IncentiveRequestEvent.Declined(incentiveRequestId, proposalId, designationNumber, applicantOrganisation, agency,
                c.reason()));
    }

    @CommandHandler
    ObligationToRecord handle(IncentiveRequestCommand.DeobligateIncentiveRequest c) {
        Violations.conflictIfAny(IncentiveRequestPolicies.checkInState(status,
                EnumSet.of(IncentiveStatus.OBLIGATED), IncentiveRequestPolicies.LINE_NOT_OBLIGATED,
                "de-obligated"));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkActingForRoutedAgency(agency, c.actingAgency()));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkDeobligationWithinObligation(c.amountUsd(),
                commitmentUsd.subtract(disbursedUsd)));
        BigDecimal commitmentAfter = commitmentUsd.subtract(c.amountUsd());
        BigDecimal returned = BudgetCost.returnedOnDeobligation(instrument, creditSubsidyRatePercent, c.amountUsd(),
                commitmentAfter, budgetCostUsd);
        apply(new IncentiveRequestEvent.Deobligated(incentiveRequestId, proposalId, designationNumber, applicantOrganisation,
                agency, budgetId, c.amountUsd(), returned, c.reason(), commitmentAfter, budgetCostUsd.subtract(returned)));
        return new ObligationToRecord(budgetId, instrument, incentiveRequestId, proposalId, designationNumber, agency.name(), c.amountUsd(),
                creditSubsidyRatePercent, returned);
    }

    @CommandHandler
    void handle(IncentiveRequestCommand.RecordDisbursement c) {
        Violations.conflictIfAny(IncentiveRequestPolicies.checkNotCancelled(status, "disbursed"));
        Violations.conflictIfAny(IncentiveRequestPolicies.checkInState(status,
                EnumSet.of(IncentiveStatus.OBLIGATED), IncentiveRequestPolicies.LINE_NOT_OBLIGATED,
                "disbursed"));
        Violations.conflictIfAny(IncentiveRequestPolicies.checkNotFlaggedForDeobligation(flaggedForDeobligation));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkActingForRoutedAgency(agency, c.actingAgency()));
        Violations.conflictIfAny(IncentiveRequestPolicies.checkNotSuspended(suspended, "disbursed"));
        Violations.conflictIfAny(IncentiveRequestPolicies.checkMilestoneAccepted(requiredMilestoneId, acceptedMilestones));
        BigDecimal undisbursed = commitmentUsd.subtract(disbursedUsd);
        Violations.refuseIfAny(IncentiveRequestPolicies.checkDisbursementWithinObligation(c.amountUsd(), undisbursed));
        apply(new IncentiveRequestEvent.Disbursed(incentiveRequestId, proposalId, designationNumber, applicantOrganisation,
                agency, c.amountUsd(), c.reference(), disbursedUsd.add(c.amountUsd()), undisbursed.subtract(c.amountUsd())));
    }

    /**
     * Serialised with approvals on the line's own stream, so either order converges: revoked
     * first, a later approval is refused (LINE_CANCELLED); approved first, the line is flagged.
     * Declined, closed, de-obligated or already handled lines change nothing (a redelivery too).
     * A line never opened (the revocation overtook the designation, or the designation was
     * dead-lettered) is created cancelled, as a tombstone, so a designation delivered later opens
     * nothing; a missing line must not fail either, as that would roll back the whole revocation.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IncentiveRequestCommand.ApplyDesignationRevocation c) {
        if (status == null) {
            apply(new IncentiveRequestEvent.CancelledUnopened(c.incentiveRequestId(), c.proposalId(), c.designationNumber(),
                    c.lineNumber(), c.consortiumId(), c.applicantOrganisation(), c.cause(), c.causeEventId(), c.reason()));
        } else if (EnumSet.of(IncentiveStatus.AWAITING_ROUTING, IncentiveStatus.ROUTED, IncentiveStatus.BOARD_APPROVED).contains(status)) {
            apply(new IncentiveRequestEvent.Cancelled(incentiveRequestId, proposalId, designationNumber, applicantOrganisation,
                    agency, instrument, amountUsd, c.cause(), c.causeEventId(), c.reason()));
        } else if (status == IncentiveStatus.OBLIGATED && !flaggedForDeobligation) {
            // the budget cost that de-obligating all the undisbursed commitment would return
            BigDecimal undisbursed = commitmentUsd.subtract(disbursedUsd);
            BigDecimal cost = BudgetCost.returnedOnDeobligation(instrument, creditSubsidyRatePercent, undisbursed, disbursedUsd,
                    budgetCostUsd);
            apply(new IncentiveRequestEvent.FlaggedForDeobligation(incentiveRequestId, proposalId, designationNumber,
                    applicantOrganisation, agency, budgetId, undisbursed, cost, c.cause(), c.causeEventId(), c.reason()));
        }
    }

    /** A suspension or reinstatement seen twice, or of a cancelled line, changes nothing. */
    @CommandHandler
    void handle(IncentiveRequestCommand.ApplyDesignationSuspension c) {
        if (status == IncentiveStatus.CANCELLED || c.suspend() == suspended) {
            return;
        }
        if (c.suspend()) {
            apply(new IncentiveRequestEvent.Suspended(incentiveRequestId, designationNumber, c.reason(), c.effectiveDate(),
                    c.causeEventId()));
        } else {
            apply(new IncentiveRequestEvent.Reinstated(incentiveRequestId, designationNumber, c.reason(), c.effectiveDate(),
                    c.causeEventId()));
        }
    }

    /** Recorded whether or not a disbursement needs it yet: an approval after the acceptance may require it. Once per milestone. */
    @CommandHandler
    void handle(IncentiveRequestCommand.RecordMilestoneAcceptance c) {
        if (!acceptedMilestones.contains(c.milestoneId())) {
            apply(new IncentiveRequestEvent.MilestoneAccepted(incentiveRequestId, c.milestoneId(), c.causeEventId()));
        }
    }

    @CommandHandler
    void handle(IncentiveRequestCommand.RecordApprovalRefusal c) {
        apply(new IncentiveRequestEvent.ApprovalRefused(incentiveRequestId, c.fiscalYear(), c.budgetId(), c.rule(),
                c.budgetCostUsd(), c.availableUsd()));
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Opened e) {
        incentiveRequestId = e.incentiveRequestId();
        proposalId = e.proposalId();
        designationNumber = e.designationNumber();
        applicantOrganisation = e.applicantOrganisation();
        instrument = e.instrument();
        amountUsd = e.amountUsd().setScale(2);
        status = IncentiveStatus.AWAITING_ROUTING;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Routed e) {
        agency = e.agency();
        creditSubsidyRatePercent = e.creditSubsidyRatePercent();
        status = IncentiveStatus.ROUTED;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.BoardApproved e) {
        boardApproved = true;
        status = IncentiveStatus.BOARD_APPROVED;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Approved e) {
        budgetId = e.budgetId();
        commitmentUsd = e.faceAmountUsd();
        budgetCostUsd = e.budgetCostUsd();
        status = IncentiveStatus.OBLIGATED;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Declined e) {
        status = IncentiveStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Deobligated e) {
        commitmentUsd = e.commitmentAfterUsd();
        budgetCostUsd = e.budgetCostObligatedAfterUsd();
        closeWhenNothingLeft();
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Cancelled e) {
        status = IncentiveStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.CancelledUnopened e) {
        incentiveRequestId = e.incentiveRequestId();
        proposalId = e.proposalId();
        designationNumber = e.designationNumber();
        applicantOrganisation = e.applicantOrganisation();
        status = IncentiveStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.FlaggedForDeobligation e) {
        flaggedForDeobligation = true;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Disbursed e) {
        disbursedUsd = e.disbursedTotalUsd();
        closeWhenNothingLeft();
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Suspended e) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Reinstated e) {
        suspended = false;
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.MilestoneRequired e) {
        requiredMilestoneId = e.milestoneId();
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.MilestoneAccepted e) {
        acceptedMilestones.add(e.milestoneId());
    }

    private void closeWhenNothingLeft() {
        if (commitmentUsd.compareTo(disbursedUsd) == 0) {
            status = disbursedUsd.signum() == 0 ? IncentiveStatus.DEOBLIGATED : IncentiveStatus.CLOSED;
        }
    }
}
