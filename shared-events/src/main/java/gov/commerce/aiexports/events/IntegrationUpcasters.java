package gov.commerce.aiexports.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The way from each older contract version to the next, applied when an envelope is read: a
 * consumer always sees the current version, whatever version the record was published in.
 * Published versions are never edited; a new version comes with its step here.
 */
public final class IntegrationUpcasters {

    /** One step: an envelope of (type, fromVersion) becomes fromVersion + 1. */
    public record Step(String eventType, int fromVersion, UnaryOperator<IntegrationEvent> upcast) {
    }

    /** ProposalWithdrawn v1 to v2: withdrawnAt is the envelope's occurredAt, when the withdrawal was stored. */
    static final Step PROPOSAL_WITHDRAWN_1_TO_2 = new Step("ProposalWithdrawn", 1, e -> {
        ObjectNode payload = ((ObjectNode) e.payload()).deepCopy();
        payload.put("withdrawnAt", e.occurredAt() == null ? null : e.occurredAt().toString());
        return withPayload(e, 2, payload);
    });

    /**
     * ProposalWithdrawn v2 to v3: a v2 withdrawal was accepted only before a decision, so it
     * relinquished nothing as far as proposals-service knew.
     */
    static final Step PROPOSAL_WITHDRAWN_2_TO_3 = new Step("ProposalWithdrawn", 2, e -> {
        ObjectNode payload = ((ObjectNode) e.payload()).deepCopy();
        payload.put("relinquishment", false);
        payload.putNull("designationNumber");
        return withPayload(e, 3, payload);
    });

    /**
     * ProposalSubmitted v1 to v2: v1 did not say which sections were marked confidential; not knowing,
     * a consumer must withhold, so every markable section is taken as marked.
     */
    static final Step PROPOSAL_SUBMITTED_1_TO_2 = new Step("ProposalSubmitted", 1, e -> {
        ObjectNode payload = ((ObjectNode) e.payload()).deepCopy();
        payload.putArray("confidentialSections").addAll(
                gov.commerce.aiexports.events.disclosure.Sections.ALL.stream().map(TextNode::valueOf).toList());
        return withPayload(e, 2, payload);
    });

    /**
     * ProposalResubmitted v1 to v2: v1 did not say what was marked after the answer's changes. The
     * proposal's last marking is not in the event, and the answer may have marked a section anew:
     * not knowing, a consumer must withhold, so every markable section is taken as marked.
     */
    static final Step PROPOSAL_RESUBMITTED_1_TO_2 = new Step("ProposalResubmitted", 1, e -> {
        ObjectNode payload = ((ObjectNode) e.payload()).deepCopy();
        payload.putArray("confidentialSections").addAll(
                gov.commerce.aiexports.events.disclosure.Sections.ALL.stream().map(TextNode::valueOf).toList());
        return withPayload(e, 2, payload);
    });

    /**
     * ProposalDesignated v1 to v2: neither the required agencies nor the marking were said; read as
     * no agency required and every section marked, so the endorsed lines are withheld from all but
     * those who see everything (the consortium, Commerce, EDAG and routed agencies, auditors).
     */
    static final Step PROPOSAL_DESIGNATED_1_TO_2 = new Step("ProposalDesignated", 1, e -> {
        ObjectNode payload = ((ObjectNode) e.payload()).deepCopy();
        payload.putArray("requiredAgencies");
        payload.putArray("confidentialSections").addAll(
                gov.commerce.aiexports.events.disclosure.Sections.ALL.stream().map(TextNode::valueOf).toList());
        return withPayload(e, 2, payload);
    });

    /**
     * DesignationRevoked v1 to v2: the applicant's free-text reason is dropped, wherever the record was
     * published from; v1 revocations (relinquishments) took effect when recorded, so effectiveDate is
     * the day of revokedAt (else of the envelope's occurredAt) in Washington.
     */
    static final Step DESIGNATION_REVOKED_1_TO_2 = new Step("DesignationRevoked", 1, e -> {
        ObjectNode payload = ((ObjectNode) e.payload()).deepCopy();
        payload.remove("reason");
        String at = payload.path("revokedAt").isTextual() ? payload.path("revokedAt").asText()
                : e.occurredAt() == null ? null : e.occurredAt().toString();
        payload.put("effectiveDate", at == null ? null : FederalTime.dateOf(java.time.Instant.parse(at)).toString());
        return withPayload(e, 2, payload);
    });

    public static final List<Step> STEPS = List.of(PROPOSAL_WITHDRAWN_1_TO_2, PROPOSAL_WITHDRAWN_2_TO_3, PROPOSAL_SUBMITTED_1_TO_2,
            PROPOSAL_RESUBMITTED_1_TO_2, PROPOSAL_DESIGNATED_1_TO_2, DESIGNATION_REVOKED_1_TO_2);

    private IntegrationUpcasters() {
    }

    public static IntegrationEvent toCurrent(IntegrationEvent event) {
        IntegrationEvent current = event;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Step step : STEPS) {
                if (step.eventType().equals(current.eventType()) && step.fromVersion() == current.schemaVersion()
                        && current.payload() instanceof ObjectNode) {
                    current = step.upcast().apply(current);
                    changed = true;
                }
            }
        }
        return current;
    }

    private static IntegrationEvent withPayload(IntegrationEvent e, int version, ObjectNode payload) {
        return new IntegrationEvent(e.eventId(), e.eventType(), version, e.aggregateType(), e.aggregateId(), e.aggregateSequence(),
                e.occurredAt(), e.producer(), e.correlationId(), e.causationId(), e.actor(), payload);
    }
}
