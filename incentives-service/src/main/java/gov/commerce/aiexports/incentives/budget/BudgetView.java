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
public record BudgetView(String id, int fiscalYear, Instrument instrument, BigDecimal authorityUsd, BigDecimal obligatedUsd,
        BigDecimal availableUsd, List<AuthorityChange> authorityChanges, Instant updatedAt, List<ObligationLine> obligations,
        AvailabilityKind periodOfAvailability, Integer lastFiscalYear, PeriodOfAvailability.Status periodStatus) {

    /** An appropriation, supplemental appropriation or rescission, with its reference. */
    public record AuthorityChange(String kind, BigDecimal amountUsd, String reference, String reason, String recordedBy,
            Instant at) {
    }

    /** One line's obligation against this budget. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObligationLine(String incentiveRequestId, String proposalId, String designationNumber, String agency,
            BigDecimal faceAmountUsd, BigDecimal creditSubsidyRatePercent, BigDecimal budgetCostUsd, BigDecimal returnedUsd,
            BigDecimal netObligatedUsd, Instant obligatedAt, Instant updatedAt) {
    }

    /** The period this view shows; a view stored before periods were recorded has none and shows the one-year default. */
    PeriodOfAvailability period() {
        return periodOfAvailability == null ? PeriodOfAvailability.oneYear(fiscalYear)
                : new PeriodOfAvailability(periodOfAvailability, fiscalYear, lastFiscalYear);
    }

    BudgetView withPeriod(PeriodOfAvailability p) {
        return new BudgetView(id, fiscalYear, instrument, authorityUsd, obligatedUsd, availableUsd, authorityChanges, updatedAt,
                obligations, p.kind(), p.lastFiscalYear(), null);
    }

    BudgetView withFigures(BigDecimal authority, BigDecimal obligated, BigDecimal available, Instant at) {
        return new BudgetView(id, fiscalYear, instrument, authority, obligated, available, authorityChanges, at, null,
                periodOfAvailability, lastFiscalYear, null);
    }

    BudgetView withChange(AuthorityChange change, BigDecimal authority, BigDecimal available, Instant at) {
        List<AuthorityChange> changes = new ArrayList<>(authorityChanges);
        changes.add(change);
        return new BudgetView(id, fiscalYear, instrument, authority, obligatedUsd, available, changes, at, null,
                periodOfAvailability, lastFiscalYear, null);
    }

    public BudgetView withObligations(List<ObligationLine> lines) {
        return new BudgetView(id, fiscalYear, instrument, authorityUsd, obligatedUsd, availableUsd, authorityChanges, updatedAt,
                lines, periodOfAvailability, lastFiscalYear, periodStatus);
    }

    /** As read in that fiscal year: the period (the default filled in for an old view) and where it stands. */
    public BudgetView asOfFiscalYear(int currentFiscalYear) {
        PeriodOfAvailability p = period();
        return new BudgetView(id, fiscalYear, instrument, authorityUsd, obligatedUsd, availableUsd, authorityChanges, updatedAt,
                obligations, p.kind(), p.lastFiscalYear(), p.statusIn(currentFiscalYear));
    }
}
