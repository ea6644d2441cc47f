package gov.commerce.aiexports.proposals.timeline;

import gov.commerce.aiexports.events.Actor;
import java.time.Instant;

/**
 * One step of a proposal's life, in whichever service it happened. audience APPLICANT entries
 * are shown to the owning consortium; GOVERNMENT entries only to government roles and auditors.
 */
public record TimelineEntry(String eventId, String proposalId, Instant occurredAt, String service, String eventType,
        String summary, Audience audience, Actor actor, String correlationId) {

    public enum Audience { APPLICANT, GOVERNMENT }
}
