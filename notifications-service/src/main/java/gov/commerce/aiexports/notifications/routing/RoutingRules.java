package gov.commerce.aiexports.notifications.routing;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.incentives.IncentiveDisbursementRecorded;
import gov.commerce.aiexports.events.incentives.IncentiveRequestApproved;
import gov.commerce.aiexports.events.incentives.IncentiveRequestBoardApproved;
import gov.commerce.aiexports.events.incentives.IncentiveRequestDeclined;
import gov.commerce.aiexports.events.incentives.IncentiveRequestDeobligated;
import gov.commerce.aiexports.events.incentives.IncentiveRequestRouted;
import gov.commerce.aiexports.events.proposals.CallAmended;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.events.proposals.ProposalWithdrawn;
import gov.commerce.aiexports.events.incentives.IncentiveRequestCancelled;
import gov.commerce.aiexports.events.incentives.IncentiveRequestFlaggedForDeobligation;
import gov.commerce.aiexports.events.review.DesignationRevoked;
import gov.commerce.aiexports.events.review.InformationRequested;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.events.review.ProposalRejected;
import gov.commerce.aiexports.events.review.ReviewOpened;
import gov.commerce.aiexports.events.review.ReviewReopened;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.notifications.disclosure.EventRedaction;
import gov.commerce.aiexports.notifications.disclosure.Viewers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Who is told what, for each integration event: every rule in one place, each named after what
 * it announces (the name is recorded with the notification). An event no rule matches tells
 * nobody (it may still go to webhooks subscribed to its type). Adding a rule for a new contract
 * is one entry: a constant built with {@link #rule} and its place in {@link #ALL}.
 * Routing tables, not validation rules: they refuse nothing (the program's rules are the domain
 * {@code *Policies} classes, each {@code check...} returning its violations).
 */
public final class RoutingRules {

    /** One named mapping from an integration event type to the notices it causes. */
    public record Rule(String name, Class<? extends IntegrationPayload> eventType,
            BiFunction<IntegrationEvent, Directory, List<Notice>> notices) {

        public boolean matches(IntegrationEvent event) {
            return event.is(eventType);
        }

        public List<Notice> apply(IntegrationEvent event, Directory directory) {
            return notices.apply(event, directory);
        }
    }

    /** The applicant consortium gets a receipt with its tracking number. */
    public static final Rule SUBMISSION_RECEIPT = rule("SUBMISSION_RECEIPT", ProposalSubmitted.class, (s, d) -> List.of(
            new Notice("SUBMISSION_RECEIPT", Recipient.consortium(s.applicantOrganisation()), s.proposalId(),
                    "Submission received: " + s.trackingNumber(),
                    "Your proposal \"" + s.title() + "\" was received with tracking number " + s.trackingNumber() + ".")));

    /** The applicant consortium gets a receipt for its answer to an information request. */
    public static final Rule RESUBMISSION_RECEIPT = rule("RESUBMISSION_RECEIPT", ProposalResubmitted.class, (s, d) -> List.of(
            new Notice("RESUBMISSION_RECEIPT", Recipient.consortium(s.applicantOrganisation()), s.proposalId(),
                    "Resubmission received: " + s.trackingNumber(),
                    "Your answer to information request " + s.informationRequestId() + " on proposal \"" + s.title()
                            + "\" (" + s.trackingNumber() + ") was received; the review continues.")));

    /** The applicant consortium is told its withdrawal is recorded. */
    public static final Rule WITHDRAWAL_CONFIRMATION = rule("WITHDRAWAL_CONFIRMATION", ProposalWithdrawn.class, (w, d) -> List.of(
            new Notice("WITHDRAWAL_CONFIRMATION", Recipient.consortium(w.applicantOrganisation()), w.proposalId(),
                    "Proposal withdrawn", "Your proposal " + w.proposalId() + " is withdrawn. Reason given: " + w.reason())));

    /** The applicant consortium is asked for information, with the questions. */
    public static final Rule INFORMATION_REQUEST = rule("INFORMATION_REQUEST", InformationRequested.class, (r, d) -> List.of(
            new Notice("INFORMATION_REQUEST", Recipient.consortium(r.applicantOrganisation()), r.proposalId(),
                    "Information requested on your proposal",
                    "The review of proposal " + r.proposalId() + " asks for information (request "
                            + r.informationRequestId() + "):\n- " + String.join("\n- ", r.questions()))));

    /** Each required agency is told a review awaits its assessment. */
    public static final Rule REVIEW_AWAITS_AGENCY = rule("REVIEW_AWAITS_AGENCY", ReviewOpened.class, (r, d) ->
            r.requiredAgencies().stream().map(agency -> new Notice("REVIEW_AWAITS_AGENCY", Recipient.agency(agency),
                    r.proposalId(), "Review awaits your assessment",
                    "Review " + r.reviewId() + " of proposal " + r.proposalId() + " awaits " + agency + "'s assessment."))
                    .toList());

    /** After a resubmission, each required agency is told a new round awaits its assessment. */
    public static final Rule REVIEW_ROUND_AWAITS_AGENCY = rule("REVIEW_ROUND_AWAITS_AGENCY", ReviewReopened.class, (r, d) ->
            r.requiredAgencies().stream().map(agency -> new Notice("REVIEW_ROUND_AWAITS_AGENCY", Recipient.agency(agency),
                    r.proposalId(), "Review round " + r.round() + " awaits your assessment",
                    "Review " + r.reviewId() + " of proposal " + r.proposalId() + " reopened (round " + r.round()
                            + ") after the applicant's answer; it awaits " + agency + "'s assessment."))
                    .toList());

    /** The applicant learns of its designation. */
    public static final Rule DESIGNATION = rule("DESIGNATION", ProposalDesignated.class, (p, d) -> List.of(
            new Notice("DESIGNATION", Recipient.consortium(p.applicantOrganisation()), p.proposalId(),
                    "Designated priority AI export package " + p.designationNumber(),
                    "Your proposal is designated " + p.designationNumber() + ", effective " + p.effectiveDate() + ".")));

    /** EDAG learns that the designation opens incentive requests, one per endorsed line. */
    public static final Rule INCENTIVE_REQUESTS_TO_EDAG = rule("INCENTIVE_REQUESTS_TO_EDAG", ProposalDesignated.class, (p, d) ->
            List.of(new Notice("INCENTIVE_REQUESTS_TO_EDAG", Recipient.agency("EDAG"), p.proposalId(),
                    "Incentive requests opened by " + p.designationNumber(),
                    p.endorsedIncentives().size() + " endorsed incentive line(s) await EDAG routing.")));

    /** The applicant learns of a rejection and why. */
    public static final Rule REJECTION = rule("REJECTION", ProposalRejected.class, (r, d) -> List.of(
            new Notice("REJECTION", Recipient.consortium(r.applicantOrganisation()), r.proposalId(), "Proposal not designated",
                    r.justification())));

    /**
     * A newly loaded country list screens a proposal's targets differently: Commerce and the
     * consortium are told what changed (both may see the targets), once per proposal and list version.
     */
    public static final Rule PROPOSAL_RESCREENED = rule("PROPOSAL_RESCREENED",
            gov.commerce.aiexports.events.proposals.ProposalRescreened.class, (r, d) -> {
                String subject = "Screening changed under country list " + r.listVersion() + ": " + r.trackingNumber();
                String body = "The " + r.status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " proposal " + r.trackingNumber()
                        + " was screened against country list " + r.previousListVersion() + "; under " + r.listVersion() + ":\n"
                        + r.findings().stream().map(f -> "- " + f.code() + " " + f.field() + ": " + f.detail())
                                .collect(java.util.stream.Collectors.joining("\n"));
                return List.of(new Notice("PROPOSAL_RESCREENED", Recipient.consortium(r.applicantOrganisation()), r.proposalId(),
                                subject, body),
                        new Notice("PROPOSAL_RESCREENED", Recipient.agency("COMMERCE"), r.proposalId(), subject, body));
            });

    /** The routed financing agency is told a line awaits its decision. */
    public static final Rule LINE_ROUTED_TO_AGENCY = rule("LINE_ROUTED_TO_AGENCY", IncentiveRequestRouted.class, (r, d) -> List.of(
            new Notice("LINE_ROUTED_TO_AGENCY", Recipient.agency(r.agency()), r.proposalId(),
                    "Incentive line routed to " + r.agency() + ": " + r.designationNumber(),
                    "EDAG routed the " + line(d, Recipient.agency(r.agency()), r.proposalId(), String.valueOf(r.instrument()))
                            + " line of " + line(d, Recipient.agency(r.agency()), r.proposalId(), usd(r.amountUsd()) + " USD")
                            + " (request " + r.incentiveRequestId() + ", " + r.designationNumber() + ") to " + r.agency() + ". Terms: "
                            + r.terms() + ".")));

    /** The applicant consortium learns to which agency a line was routed. */
    public static final Rule LINE_ROUTED_TO_APPLICANT = rule("LINE_ROUTED_TO_APPLICANT", IncentiveRequestRouted.class, (r, d) ->
            List.of(new Notice("LINE_ROUTED_TO_APPLICANT", Recipient.consortium(r.applicantOrganisation()), r.proposalId(),
                    "Incentive line routed to " + r.agency(),
                    "Your " + line(d, Recipient.consortium(r.applicantOrganisation()), r.proposalId(), String.valueOf(r.instrument()))
                            + " line of " + line(d, Recipient.consortium(r.applicantOrganisation()), r.proposalId(),
                            usd(r.amountUsd()) + " USD") + " (" + r.designationNumber() + ") is routed to " + r.agency()
                            + ", which decides on it.")));

    /** The applicant consortium learns that EXIM's board approved a line. */
    public static final Rule BOARD_APPROVAL = rule("BOARD_APPROVAL", IncentiveRequestBoardApproved.class, (b, d) -> List.of(
            new Notice("BOARD_APPROVAL", Recipient.consortium(b.applicantOrganisation()), b.proposalId(),
                    "Board approval by " + b.agency(),
                    "The board of " + b.agency() + " approved your line of " + line(d, Recipient.consortium(b.applicantOrganisation()),
                            b.proposalId(), usd(b.amountUsd()) + " USD") + " (" + b.designationNumber()
                            + ", board reference " + b.boardReference() + ").")));

    /** The applicant consortium learns its line is approved and obligated. */
    public static final Rule INCENTIVE_APPROVAL = rule("INCENTIVE_APPROVAL", IncentiveRequestApproved.class, (a, d) -> List.of(
            new Notice("INCENTIVE_APPROVAL", Recipient.consortium(a.applicantOrganisation()), a.proposalId(),
                    "Incentive approved by " + a.agency(),
                    a.agency() + " approved your " + line(d, Recipient.consortium(a.applicantOrganisation()), a.proposalId(),
                            a.instrument() + " line of " + usd(a.faceAmountUsd()) + " USD") + " ("
                            + a.designationNumber() + "), obligated in fiscal year " + a.fiscalYear() + ".")));

    /** The applicant consortium learns its line is declined, and why. */
    public static final Rule INCENTIVE_DECLINE = rule("INCENTIVE_DECLINE", IncentiveRequestDeclined.class, (x, d) -> List.of(
            new Notice("INCENTIVE_DECLINE", Recipient.consortium(x.applicantOrganisation()), x.proposalId(),
                    "Incentive declined by " + x.agency(),
                    x.agency() + " declined your line (" + x.designationNumber() + "). Reason: " + x.reason())));

    /** The applicant consortium learns a commitment was cancelled in part or whole. */
    public static final Rule INCENTIVE_DEOBLIGATION = rule("INCENTIVE_DEOBLIGATION", IncentiveRequestDeobligated.class, (x, d) ->
            List.of(new Notice("INCENTIVE_DEOBLIGATION", Recipient.consortium(x.applicantOrganisation()), x.proposalId(),
                    "Incentive commitment reduced by " + x.agency(),
                    x.agency() + " cancelled " + line(d, Recipient.consortium(x.applicantOrganisation()), x.proposalId(),
                            usd(x.amountUsd()) + " USD") + " of your commitment (" + x.designationNumber() + "); "
                            + line(d, Recipient.consortium(x.applicantOrganisation()), x.proposalId(),
                            usd(x.remainingCommitmentUsd()) + " USD") + " remain. Reason: " + x.reason())));

    /** The applicant consortium learns of each disbursement. */
    public static final Rule DISBURSEMENT = rule("DISBURSEMENT", IncentiveDisbursementRecorded.class, (x, d) -> List.of(
            // the subject names no amount: subjects are shown to operators and announced in NotificationRecorded
            new Notice("DISBURSEMENT", Recipient.consortium(x.applicantOrganisation()), x.proposalId(),
                    "Disbursement by " + x.agency(),
                    x.agency() + " disbursed " + line(d, Recipient.consortium(x.applicantOrganisation()), x.proposalId(),
                            usd(x.amountUsd()) + " USD") + " (reference " + x.reference() + ", " + x.designationNumber() + "); "
                            + line(d, Recipient.consortium(x.applicantOrganisation()), x.proposalId(), usd(x.undisbursedUsd()) + " USD")
                            + " of the obligation remain.")));

    /**
     * The applicant consortium learns its designation is revoked, and why (e.g. RELINQUISHED by its
     * withdrawal). DesignationRevoked v2 carries no applicant's reason: the cause says why.
     */
    public static final Rule DESIGNATION_REVOKED = rule("DESIGNATION_REVOKED", DesignationRevoked.class, (r, d) -> List.of(
            new Notice("DESIGNATION_REVOKED", Recipient.consortium(r.applicantOrganisation()), r.proposalId(),
                    "Designation " + r.designationNumber() + " revoked",
                    "Designation " + r.designationNumber() + " is revoked (" + r.cause() + ")"
                            + ". Its open incentive lines are cancelled and obligated ones flagged for de-obligation.")));

    /** EDAG learns that the designation's lines are withdrawn from routing and financing. */
    public static final Rule DESIGNATION_REVOKED_TO_EDAG = rule("DESIGNATION_REVOKED_TO_EDAG", DesignationRevoked.class, (r, d) ->
            List.of(new Notice("DESIGNATION_REVOKED_TO_EDAG", Recipient.agency("EDAG"), r.proposalId(),
                    "Designation " + r.designationNumber() + " revoked",
                    "Designation " + r.designationNumber() + " is revoked (" + r.cause() + "); its " + r.endorsedLineCount()
                            + " incentive line(s) are cancelled or flagged for de-obligation.")));

    /** The consortium, and the financing agency when the line was routed, learn that a line is cancelled. */
    public static final Rule LINE_CANCELLED = rule("LINE_CANCELLED", IncentiveRequestCancelled.class, (x, d) -> {
        List<Notice> notices = new ArrayList<>();
        List<Recipient> told = x.agency() == null ? List.of(Recipient.consortium(x.applicantOrganisation()))
                : List.of(Recipient.consortium(x.applicantOrganisation()), Recipient.agency(x.agency()));
        for (Recipient recipient : told) {
            notices.add(new Notice("LINE_CANCELLED", recipient, x.proposalId(), "Incentive line cancelled: " + x.designationNumber(),
                    "The " + line(d, recipient, x.proposalId(), x.instrument() + " line of " + usd(x.amountUsd()) + " USD")
                            + " (request " + x.incentiveRequestId() + ", " + x.designationNumber()
                            + ") is cancelled: its designation was revoked (" + x.cause() + ")."));
        }
        return notices;
    });

    /** The financing agency is asked to de-obligate a line whose designation was revoked; the consortium is told. */
    public static final Rule LINE_FLAGGED_FOR_DEOBLIGATION = rule("LINE_FLAGGED_FOR_DEOBLIGATION",
            IncentiveRequestFlaggedForDeobligation.class, (x, d) -> List.of(
                    new Notice("LINE_FLAGGED_FOR_DEOBLIGATION", Recipient.agency(x.agency()), x.proposalId(),
                            "De-obligation needed: " + x.designationNumber(),
                            "Designation " + x.designationNumber() + " was revoked (" + x.cause() + "). Request "
                                    + x.incentiveRequestId() + " is flagged for de-obligation: "
                                    + line(d, Recipient.agency(x.agency()), x.proposalId(), usd(x.undisbursedUsd()) + " USD undisbursed, "
                                    + usd(x.budgetCostUsd()) + " USD of budget cost in " + x.budgetId())
                                    + ". No further disbursement is accepted."),
                    new Notice("LINE_FLAGGED_FOR_DEOBLIGATION", Recipient.consortium(x.applicantOrganisation()), x.proposalId(),
                            "Incentive commitment to be cancelled: " + x.designationNumber(),
                            x.agency() + " will cancel the undisbursed " + line(d, Recipient.consortium(x.applicantOrganisation()),
                                    x.proposalId(), usd(x.undisbursedUsd()) + " USD") + " of your commitment ("
                                    + x.designationNumber() + "), whose designation was revoked (" + x.cause() + ").")));

    /** Every consortium the service knows is told that a call changed, with Commerce's comment. */
    public static final Rule CALL_AMENDED = rule("CALL_AMENDED", CallAmended.class, (c, d) ->
            d.knownConsortia().stream().map(uei -> new Notice("CALL_AMENDED", Recipient.consortium(uei), null,
                    "Call amended: " + c.title(),
                    "The call \"" + c.title() + "\" (version " + c.callVersion() + ") was amended: " + c.modificationComment()
                            + ". It now closes at " + c.closesAt() + " (grace period " + c.gracePeriodHours() + " h)."))
                    .toList());

    /** Every rule, in the order their notices are recorded. */
    public static final List<Rule> ALL = java.util.stream.Stream.concat(List.of(SUBMISSION_RECEIPT, RESUBMISSION_RECEIPT, WITHDRAWAL_CONFIRMATION,
            INFORMATION_REQUEST, REVIEW_AWAITS_AGENCY, REVIEW_ROUND_AWAITS_AGENCY, DESIGNATION, INCENTIVE_REQUESTS_TO_EDAG,
            REJECTION, LINE_ROUTED_TO_AGENCY, LINE_ROUTED_TO_APPLICANT, BOARD_APPROVAL, INCENTIVE_APPROVAL, INCENTIVE_DECLINE,
            INCENTIVE_DEOBLIGATION, DISBURSEMENT, DESIGNATION_REVOKED, DESIGNATION_REVOKED_TO_EDAG, LINE_CANCELLED,
            LINE_FLAGGED_FOR_DEOBLIGATION, CALL_AMENDED, PROPOSAL_RESCREENED).stream(),
            java.util.stream.Stream.concat(OversightRoutingRules.ALL.stream(), ReviewDeskRoutingRules.ALL.stream())).toList();
            // post-designation oversight: OversightRoutingRules; assigned reviewers: ReviewDeskRoutingRules

    /**
     * The published contracts that deliberately tell nobody (webhooks may still subscribe to them):
     * with {@link #ALL}, every contract of the catalogue is named here or there (a test checks).
     */
    public static final List<Class<? extends IntegrationPayload>> SILENT = List.of(
            gov.commerce.aiexports.events.proposals.CallPublished.class,       // reminders are scheduled from it instead
            gov.commerce.aiexports.events.review.AssessmentRecorded.class,     // internal to the review
            gov.commerce.aiexports.events.incentives.IncentiveRequestOpened.class, // EDAG is told once per designation
            gov.commerce.aiexports.events.notifications.NotificationRecorded.class, // this service's own
            gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead.class); // for the account of disclosure only

    /** The rule of the scheduled reminders: it has no integration event, the scheduler calls it (see reminders/). */
    public static final String CLOSING_REMINDER = "CLOSING_REMINDER";

    private RoutingRules() {
    }

    /**
     * A value of the proposal's incentive lines (instrument, amounts) as the recipient may see it
     * under the disclosure rule: the value, or the withheld marker's text in its place.
     */
    static String line(Directory d, Recipient recipient, String proposalId, String value) {
        return section(d, recipient, proposalId, Sections.INCENTIVES, value);
    }

    /** A value of one of the proposal's sections as the recipient may see it (the rule decides on the facts the directory knows). */
    static String section(Directory d, Recipient recipient, String proposalId, String section, String value) {
        Disclosure.Decision decision = Disclosure.decide(Viewers.of(recipient), d.facts(proposalId)).sections().get(section);
        return decision.shown() ? value : EventRedaction.withheldText(decision);
    }

    /** Dollars as people read them: two decimals, no exponent. */
    static String usd(BigDecimal amount) {
        return amount == null ? "?" : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static <P extends IntegrationPayload> Rule rule(String name, Class<P> type, BiFunction<P, Directory, List<Notice>> notices) {
        return new Rule(name, type, (event, directory) -> notices.apply(event.payloadAs(type), directory));
    }

    public static List<Notice> noticesFor(IntegrationEvent event, Directory directory) {
        List<Notice> notices = new ArrayList<>();
        for (Rule rule : ALL) {
            if (rule.matches(event)) {
                notices.addAll(rule.apply(event, directory));
            }
        }
        return notices;
    }

    /** Each known consortium is reminded that an open call closes soon. */
    public static List<Notice> closingReminder(String callTitle, Instant closesAt, String within, Collection<String> consortia) {
        return consortia.stream().map(uei -> new Notice(CLOSING_REMINDER, Recipient.consortium(uei), null,
                "Call closes within " + within + ": " + callTitle,
                "The call \"" + callTitle + "\" closes at " + closesAt + ". Submit your proposal before then.")).toList();
    }
}
