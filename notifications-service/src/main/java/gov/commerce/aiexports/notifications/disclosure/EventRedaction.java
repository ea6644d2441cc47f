package gov.commerce.aiexports.notifications.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.Sections;
import java.util.Map;
import java.util.Set;

/**
 * An integration event as one reader may see it: each value of a proposal's section in the payload
 * is replaced, where it stands, by the disclosure marker {@code {"withheld":
 * "BUSINESS_CONFIDENTIAL", "because": ...}}. The sections travel under their own names or under
 * the event's names for them, at any depth (so a later version that carries, say, a changed
 * summary is covered): {@code summary}, {@code stack} (and its layers), {@code businessModel},
 * {@code targets}/{@code targetCountries}, {@code incentives}/{@code requestedIncentives}/
 * {@code endorsedIncentives}. An incentive request's own event carries one line of the proposal's
 * incentives: its instrument and amounts (and its budget, named after the instrument) are that
 * section. A screening flag about a withheld section keeps its code, its detail is the marker.
 * Identifiers, titles, decisions and the government's own texts are not sections and stay.
 */
public final class EventRedaction {

    private static final Map<String, String> SECTION_FIELDS = Map.of(
            "summary", Sections.SUMMARY,
            "stack", Sections.STACK,
            "businessModel", Sections.BUSINESS_MODEL,
            "targets", Sections.TARGETS,
            "targetCountries", Sections.TARGETS,
            "incentives", Sections.INCENTIVES,
            "requestedIncentives", Sections.INCENTIVES,
            "endorsedIncentives", Sections.INCENTIVES);

    /** The fields of an incentive request's event that state or derive its line (instrument, amount, tenor). */
    static final Set<String> LINE_FIELDS = Set.of("instrument", "amountUsd", "tenorYears", "faceAmountUsd", "obligatedBudgetCostUsd",
            "budgetCostReturnedUsd", "remainingCommitmentUsd", "disbursedTotalUsd", "undisbursedUsd", "budgetCostUsd", "budgetId");

    private EventRedaction() {
    }

    /** The event with what the outcome withholds replaced by markers; the same event when nothing is withheld. */
    public static IntegrationEvent redact(IntegrationEvent event, Disclosure.Outcome outcome) {
        if (!(event.payload() instanceof ObjectNode original)) {
            return event;
        }
        ObjectNode payload = original.deepCopy();
        boolean changed = redactObject(payload, outcome);
        if (payload.has("incentiveRequestId")) {
            Disclosure.Decision incentives = outcome.sections().get(Sections.INCENTIVES);
            if (incentives != null && !incentives.shown()) {
                for (String field : LINE_FIELDS) {
                    if (payload.has(field) && !payload.get(field).isNull()) {
                        payload.set(field, Disclosure.marker(incentives.reason()));
                        changed = true;
                    }
                }
            }
        }
        if (!changed) {
            return event;
        }
        return new IntegrationEvent(event.eventId(), event.eventType(), event.schemaVersion(), event.aggregateType(),
                event.aggregateId(), event.aggregateSequence(), event.occurredAt(), event.producer(), event.correlationId(),
                event.causationId(), event.actor(), payload);
    }

    private static boolean redactObject(ObjectNode node, Disclosure.Outcome outcome) {
        boolean changed = false;
        var names = node.fieldNames();
        java.util.List<String> fields = new java.util.ArrayList<>();
        names.forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode value = node.get(field);
            String section = SECTION_FIELDS.get(field);
            if (section != null && value != null && !value.isNull()) {
                Disclosure.Decision d = outcome.sections().get(section);
                if (d != null && !d.shown()) {
                    node.set(field, Disclosure.marker(d.reason()));
                    changed = true;
                    continue;
                }
                if (Sections.STACK.equals(section) && value instanceof ObjectNode stack) {
                    changed |= redactLayers(stack, outcome);
                    continue;
                }
            }
            if ("flags".equals(field) && value instanceof ArrayNode flags) {
                changed |= redactFlags(flags, outcome);
            } else if (value instanceof ObjectNode child) {
                changed |= redactObject(child, outcome);
            } else if (value instanceof ArrayNode array) {
                for (JsonNode item : array) {
                    if (item instanceof ObjectNode o) {
                        changed |= redactObject(o, outcome);
                    }
                }
            }
        }
        return changed;
    }

    private static boolean redactLayers(ObjectNode stack, Disclosure.Outcome outcome) {
        boolean changed = false;
        for (Disclosure.Decision d : outcome.sections().values()) {
            if (!d.shown() && d.section().startsWith(Sections.STACK + ".")) {
                String layer = d.section().substring(Sections.STACK.length() + 1);
                if (stack.has(layer) && !stack.get(layer).isNull()) {
                    stack.set(layer, Disclosure.marker(d.reason()));
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static boolean redactFlags(ArrayNode flags, Disclosure.Outcome outcome) {
        boolean changed = false;
        for (JsonNode flag : flags) {
            if (flag instanceof ObjectNode f && f.hasNonNull("detail")) {
                Disclosure.Decision d = decisionAt(outcome, f.path("field").asText(null));
                if (d != null) {
                    f.set("detail", Disclosure.marker(d.reason()));
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** The withholding decision covering a JSON pointer of the content, if one does. */
    static Disclosure.Decision decisionAt(Disclosure.Outcome outcome, String pointer) {
        if (pointer == null) {
            return null;
        }
        for (Disclosure.Decision d : outcome.sections().values()) {
            String p = Sections.pointer(d.section());
            if (!d.shown() && (pointer.equals(p) || pointer.startsWith(p + "/"))) {
                return d;
            }
        }
        return null;
    }

    /** The text that takes a withheld value's place in a notice (inbox entry, e-mail). */
    public static String withheldText(Disclosure.Decision decision) {
        return "[withheld: " + Disclosure.WITHHELD + " because " + decision.reason().name() + "]";
    }
}
