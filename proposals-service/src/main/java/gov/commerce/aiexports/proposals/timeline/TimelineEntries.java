package gov.commerce.aiexports.proposals.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.proposals.timeline.TimelineEntry.Audience;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How each integration event reads on a proposal's timeline, and who may see it: every mapping in
 * one place. Recommendations and anything internal stay government-only; the applicant sees what
 * concerns it (receipt, requests, decisions, its incentive lines, its notifications).
 */
public final class TimelineEntries {

    private static String findings(JsonNode p) {
        java.util.List<String> out = new java.util.ArrayList<>();
        p.path("findings").forEach(f -> out.add(f.path("code").asText() + " " + f.path("field").asText()));
        return String.join(", ", out);
    }

    private record Describe(Audience audience, Function<JsonNode, String> summary) {
    }

    private static final Map<String, Describe> BY_TYPE = Map.ofEntries(
            Map.entry("ProposalSubmitted", new Describe(Audience.APPLICANT,
                    p -> "Submitted; tracking number " + p.path("trackingNumber").asText()
                            + flags(p) + " (country list " + p.path("countryListVersion").asText() + ")")),
            // codes and fields only: a finding's detail names the target, a section that may be confidential
            Map.entry("ProposalRescreened", new Describe(Audience.APPLICANT,
                    p -> "Screened again under country list " + p.path("listVersion").asText() + " (was "
                            + p.path("previousListVersion").asText() + "): " + findings(p))),
            Map.entry("ProposalResubmitted", new Describe(Audience.APPLICANT,
                    p -> "Resubmitted with the answer: " + p.path("response").asText())),
            Map.entry("ProposalWithdrawn", new Describe(Audience.APPLICANT, p -> p.path("relinquishment").asBoolean()
                    ? "Withdrawn, relinquishing designation " + p.path("designationNumber").asText() + ": " + p.path("reason").asText()
                    : "Withdrawn: " + p.path("reason").asText())),
            // v2 carries no applicant's reason (its withdrawal, just before on the timeline, does)
            Map.entry("DesignationRevoked", new Describe(Audience.APPLICANT,
                    p -> "Designation " + p.path("designationNumber").asText() + " revoked ("
                            + p.path("cause").asText() + ")")),
            // post-designation oversight (review-service)
            Map.entry("DesignationSuspended", new Describe(Audience.APPLICANT,
                    p -> "Designation " + p.path("designationNumber").asText() + " suspended from "
                            + p.path("effectiveDate").asText() + ": " + p.path("reason").asText())),
            Map.entry("DesignationReinstated", new Describe(Audience.APPLICANT,
                    p -> "Designation " + p.path("designationNumber").asText() + " reinstated from "
                            + p.path("effectiveDate").asText() + ": " + p.path("reason").asText())),
            Map.entry("OversightPlanSet", new Describe(Audience.APPLICANT,
                    p -> "Obligations of " + p.path("designationNumber").asText() + " set: " + p.path("change").asText())),
            Map.entry("EvidenceSubmitted", new Describe(Audience.APPLICANT,
                    p -> "Evidence submitted for " + p.path("itemId").asText())),
            Map.entry("ObligationAccepted", new Describe(Audience.APPLICANT,
                    p -> p.path("itemId").asText() + " accepted by Commerce")),
            Map.entry("ObligationRejected", new Describe(Audience.APPLICANT,
                    p -> p.path("itemId").asText() + " rejected by Commerce: " + p.path("reason").asText())),
            Map.entry("ObligationOverdue", new Describe(Audience.APPLICANT,
                    p -> "Overdue since " + p.path("dueDate").asText() + ": " + p.path("description").asText())),
            Map.entry("ProgressReportFiled", new Describe(Audience.APPLICANT,
                    p -> "Progress report of period " + p.path("period").asInt() + " filed"
                            + (p.path("late").asBoolean() ? " (late)" : ""))),
            Map.entry("IncentiveRequestCancelled", new Describe(Audience.APPLICANT,
                    p -> "Incentive request cancelled: " + p.path("instrument").asText() + " " + usd(p.path("amountUsd")) + " USD ("
                            + p.path("cause").asText() + ")")),
            Map.entry("IncentiveRequestFlaggedForDeobligation", new Describe(Audience.APPLICANT,
                    p -> p.path("agency").asText() + " line flagged for de-obligation: " + usd(p.path("undisbursedUsd"))
                            + " USD undisbursed (" + p.path("cause").asText() + ")")),
            Map.entry("ReviewOpened", new Describe(Audience.APPLICANT,
                    p -> "Interagency review opened with " + p.path("requiredAgencies"))),
            Map.entry("AssessmentRecorded", new Describe(Audience.GOVERNMENT,
                    p -> p.path("agency").asText() + " assessed (round " + p.path("round").asInt() + "): "
                            + p.path("recommendation").asText())),
            // the review desk: reviewers' names and dates are the government's own
            Map.entry("ReviewersAssigned", new Describe(Audience.GOVERNMENT,
                    p -> p.path("agency").asText() + " reviewers " + ("REASSIGNED".equals(p.path("change").asText())
                            ? "reassigned: " + p.path("removed") + " to " + p.path("added") : "assigned: " + p.path("added"))
                            + ", due " + p.path("dueDate").asText())),
            Map.entry("ReviewerReassignmentRequested", new Describe(Audience.GOVERNMENT,
                    p -> p.path("recusedReviewer").asText() + " recused; " + p.path("agency").asText() + " asked to reassign")),
            Map.entry("AssessmentOverdue", new Describe(Audience.GOVERNMENT,
                    p -> p.path("agency").asText() + " assessment overdue since " + p.path("dueDate").asText())),
            Map.entry("InformationRequested", new Describe(Audience.APPLICANT,
                    p -> "Information requested by " + p.path("requestedBy").asText() + ": " + p.path("questions"))),
            Map.entry("ReviewReopened", new Describe(Audience.APPLICANT,
                    p -> "Review reopened, round " + p.path("round").asInt())),
            Map.entry("ProposalDesignated", new Describe(Audience.APPLICANT,
                    p -> "Designated priority AI export package " + p.path("designationNumber").asText() + ", effective "
                            + p.path("effectiveDate").asText())),
            Map.entry("ProposalRejected", new Describe(Audience.APPLICANT,
                    p -> "Not designated: " + p.path("justification").asText())),
            Map.entry("IncentiveRequestOpened", new Describe(Audience.APPLICANT,
                    p -> "Incentive request opened: " + line(p) + " under " + p.path("designationNumber").asText())),
            Map.entry("IncentiveRequestRouted", new Describe(Audience.APPLICANT,
                    p -> "EDAG routed " + line(p) + " to " + p.path("agency").asText())),
            Map.entry("IncentiveRequestBoardApproved", new Describe(Audience.APPLICANT,
                    p -> p.path("agency").asText() + " board approved " + p.path("amountUsd").asText() + " USD")),
            Map.entry("IncentiveRequestApproved", new Describe(Audience.APPLICANT,
                    p -> p.path("agency").asText() + " approved " + p.path("faceAmountUsd").asText() + " USD of "
                            + p.path("instrument").asText() + " (fiscal year " + p.path("fiscalYear").asInt() + ")")),
            Map.entry("IncentiveRequestDeclined", new Describe(Audience.APPLICANT,
                    p -> p.path("agency").asText() + " declined: " + p.path("reason").asText())),
            Map.entry("IncentiveRequestDeobligated", new Describe(Audience.APPLICANT,
                    p -> p.path("agency").asText() + " de-obligated " + p.path("amountUsd").asText() + " USD: "
                            + p.path("reason").asText())),
            Map.entry("IncentiveDisbursementRecorded", new Describe(Audience.APPLICANT,
                    p -> p.path("agency").asText() + " disbursed " + p.path("amountUsd").asText() + " USD (ref "
                            + p.path("reference").asText() + ")")),
            Map.entry("NotificationRecorded", new Describe(Audience.GOVERNMENT,
                    p -> "Notified " + p.path("recipientType").asText() + " " + p.path("recipient").asText() + ": "
                            + p.path("subject").asText())));

    private TimelineEntries() {
    }

    /**
     * The confidential section an entry's summary carries, if any: the incentive events name the
     * lines and amounts. Shown only to whom the section may be (Disclosure).
     */
    public static String sectionCarried(String eventType) {
        return eventType.startsWith("Incentive") ? Sections.INCENTIVES : null;
    }

    public static Optional<TimelineEntry> of(IntegrationEvent event) {
        JsonNode proposalId = event.payload().get("proposalId");
        if (proposalId == null || proposalId.isNull()) {
            return Optional.empty();
        }
        Describe describe = BY_TYPE.get(event.eventType());
        Audience audience = describe == null ? Audience.GOVERNMENT : describe.audience();
        String summary = describe == null ? event.eventType() + " from " + event.producer() : describe.summary().apply(event.payload());
        // notifications to the consortium itself are the applicant's to see
        if (event.eventType().equals("NotificationRecorded") && "CONSORTIUM".equals(event.payload().path("recipientType").asText())) {
            audience = Audience.APPLICANT;
        }
        return Optional.of(new TimelineEntry(event.eventId().toString(), proposalId.asText(), event.occurredAt(), event.producer(),
                event.eventType(), summary, audience, event.actor(), event.correlationId()));
    }

    private static String flags(JsonNode p) {
        return p.path("flags").isEmpty() ? "" : "; flags " + p.path("flags").findValuesAsText("code");
    }

    /** Dollars with their two decimals, however the number was written (750000.0, 2.0E7). */
    private static String usd(JsonNode amount) {
        return amount.isNumber() || amount.isTextual()
                ? new java.math.BigDecimal(amount.asText()).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() : "?";
    }

    private static String line(JsonNode p) {
        return p.path("instrument").asText() + " " + p.path("amountUsd").asText() + " USD";
    }
}
