package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.events.Instrument;
import java.time.Instant;
import java.util.List;

/** A call as readers see it. */
public record CallView(String id, String status, int version, String title, int fiscalYear, String description,
        Instant opensAt, Instant closesAt, int gracePeriodHours, List<Instrument> instruments, List<String> requiredAgencies) {

    static CallView of(String id, CallStatus status, int version, CallEvent.CallTerms t) {
        return new CallView(id, status.name(), version, t.title(), t.fiscalYear(), t.description(), t.opensAt(), t.closesAt(),
                t.gracePeriodHours(), t.instruments(), t.requiredAgencies());
    }

    CallView withStatus(CallStatus s) {
        return new CallView(id, s.name(), version, title, fiscalYear, description, opensAt, closesAt, gracePeriodHours,
                instruments, requiredAgencies);
    }

    /** The submission window: opening instant to closing instant plus the grace period, on the server's clock. */
    public boolean acceptsSubmissionsAt(Instant now) {
        return CallStatus.PUBLISHED.name().equals(status) && !now.isBefore(opensAt)
                && !now.isAfter(closesAt.plusSeconds(3600L * gracePeriodHours));
    }

    public CallEvent.CallTerms terms() {
        return new CallEvent.CallTerms(title, fiscalYear, description, opensAt, closesAt, gracePeriodHours, instruments,
                requiredAgencies);
    }
}
