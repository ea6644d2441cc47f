package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.events.Instrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A call as readers see it, with every version of its terms (an amendment makes a new one). */
public record CallView(String id, String status, int version, String title, int fiscalYear, String description,
        Instant opensAt, Instant closesAt, int gracePeriodHours, List<Instrument> instruments, List<String> requiredAgencies,
        List<Amendment> amendments) {

    /** One amendment: the version it made, why, by whom and when, and the terms it replaced. */
    public record Amendment(int version, String modificationComment, String amendedBy, Instant amendedAt,
            CallEvent.CallTerms previousTerms) {
    }

    static CallView of(String id, CallStatus status, int version, CallEvent.CallTerms t, List<Amendment> amendments) {
        return new CallView(id, status.name(), version, t.title(), t.fiscalYear(), t.description(), t.opensAt(), t.closesAt(),
                t.gracePeriodHours(), t.instruments(), t.requiredAgencies(), List.copyOf(amendments));
    }

    CallView withStatus(CallStatus s) {
        return of(id, s, version, terms(), amendments);
    }

    CallView amended(CallEvent.Amended e, String by, Instant at) {
        List<Amendment> all = new ArrayList<>(amendments == null ? List.of() : amendments);
        all.add(new Amendment(e.version(), e.modificationComment(), by, at, terms()));
        return of(id, CallStatus.valueOf(status), e.version(), e.terms(), all);
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
