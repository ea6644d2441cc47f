package gov.commerce.aiexports.incentives.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A budget as readers see it: authority, obligated, available, its period of availability (kind,
 * last fiscal year unless no-year, and where it stands in the current fiscal year), its history
 * of authority, and its obligations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BudgetView(@org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String id,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) int fiscalYear,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) Instrument instrument, BigDecimal authorityUsd, BigDecimal obligatedUsd,
        BigDecimal availableUsd, List<AuthorityChange> authorityChanges, Instant updatedAt, List<ObligationLine> obligations,
        AvailabilityKind periodOfAvailability, Integer lastFiscalYear, PeriodOfAvailability.Status periodStatus,
        BigDecimal flaggedForDeobligationUsd) {

    /** An appropriation, supplemental appropriation or rescission, with its reference. */
    public record AuthorityChange(String kind, BigDecimal amountUsd, String reference, String reason, String recordedBy,
            Instant at) {
    }

    /**
     * One line's obligation against this budget. flaggedForDeobligation: the line's designation was
     * revoked (flagCause, e.g. RELINQUISHED); flaggedForDeobligationUsd is the budget cost of its
     * undisbursed commitment still to be de-obligated (it falls as de-obligations return cost).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObligationLine(String incentiveRequestId, String proposalId, String designationNumber, String agency,
            BigDecimal faceAmountUsd, BigDecimal creditSubsidyRatePercent, BigDecimal budgetCostUsd, BigDecimal returnedUsd,
            BigDecimal netObligatedUsd, Instant obligatedAt, Instant updatedAt, Boolean flaggedForDeobligation, String flagCause,
            BigDecimal flaggedForDeobligationUsd) {

        ObligationLine flagged(String cause, BigDecimal amount, Instant at) {
            return new ObligationLine(incentiveRequestId, proposalId, designationNumber, agency, faceAmountUsd,
                    creditSubsidyRatePercent, budgetCostUsd, returnedUsd, netObligatedUsd, obligatedAt, at, true, cause, amount);
        }
    }

    /** The period this view shows; a view stored before periods were recorded has none and shows the one-year default. */
    PeriodOfAvailability period() {
        return periodOfAvailability == null ? PeriodOfAvailability.oneYear(fiscalYear)
                : new PeriodOfAvailability(periodOfAvailability, fiscalYear, lastFiscalYear);
    }

    BudgetView withPeriod(PeriodOfAvailability p) {
        return new BudgetView(id, fiscalYear, instrument, authorityUsd, obligatedUsd, availableUsd, authorityChanges, updatedAt,
                obligations, p.kind(), p.lastFiscalYear(), null, flaggedForDeobligationUsd);
    }

    BudgetView withFigures(BigDecimal authority, BigDecimal obligated, BigDecimal available, Instant at) {
        return new BudgetView(id, fiscalYear, instrument, authority, obligated, available, authorityChanges, at, null,
                periodOfAvailability, lastFiscalYear, null, null);
    }

    BudgetView withChange(AuthorityChange change, BigDecimal authority, BigDecimal available, Instant at) {
        List<AuthorityChange> changes = new ArrayList<>(authorityChanges);
        changes.add(change);
        return new BudgetView(id, fiscalYear, instrument, authority, obligatedUsd, available, changes, at, null,
                periodOfAvailability, lastFiscalYear, null, null);
    }

    /** With its obligations, and the budget cost still obligated on lines flagged for de-obligation. */
    public BudgetView withObligations(List<ObligationLine> lines) {
        BigDecimal flagged = lines.stream().filter(l -> Boolean.TRUE.equals(l.flaggedForDeobligation()))
                .map(ObligationLine::flaggedForDeobligationUsd).filter(java.util.Objects::nonNull).reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new BudgetView(id, fiscalYear, instrument, authorityUsd, obligatedUsd, availableUsd, authorityChanges, updatedAt,
                lines, periodOfAvailability, lastFiscalYear, periodStatus, flagged);
    }

    /** As read in that fiscal year: the period (the default filled in for an old view) and where it stands. */
    public BudgetView asOfFiscalYear(int currentFiscalYear) {
        PeriodOfAvailability p = period();
        return new BudgetView(id, fiscalYear, instrument, authorityUsd, obligatedUsd, availableUsd, authorityChanges, updatedAt,
                obligations, p.kind(), p.lastFiscalYear(), p.statusIn(currentFiscalYear), flaggedForDeobligationUsd);
    }
}
