package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.events.Instrument;
import java.time.Instant;
import java.util.List;

/** What happened to a call for proposals. */
public sealed interface CallEvent {

    String callId();

    record Drafted(String callId, CallTerms terms) implements CallEvent {
    }

    record Published(String callId, CallTerms terms, int version) implements CallEvent {
    }

    /** A published call changed: the new terms, the new version and why. */
    record Amended(String callId, CallTerms terms, int version, String modificationComment) implements CallEvent {
    }

    record Closed(String callId) implements CallEvent {
    }

    record Archived(String callId) implements CallEvent {
    }

    /** The terms of a call; an amendment replaces them with a new version. */
    record CallTerms(String title, int fiscalYear, String description, Instant opensAt, Instant closesAt,
            int gracePeriodHours, List<Instrument> instruments, List<String> requiredAgencies) {
    }
}
