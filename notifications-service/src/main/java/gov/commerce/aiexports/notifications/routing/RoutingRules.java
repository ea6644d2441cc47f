package gov.commerce.aiexports.notifications.routing;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.events.review.ProposalRejected;
import gov.commerce.aiexports.events.review.ReviewOpened;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Who is told what, for each integration event: every rule in one place, each named after what
 * it announces. An event no rule matches tells nobody.
 */
public final class RoutingRules {

    /** The applicant consortium gets a receipt with its tracking number. */
    static final Function<IntegrationEvent, List<Notice>> SUBMISSION_RECEIPT = event -> {
        ProposalSubmitted s = event.payloadAs(ProposalSubmitted.class);
        return List.of(new Notice(Recipient.consortium(s.applicantOrganisation()), s.proposalId(),
                "Submission received: " + s.trackingNumber(),
                "Your proposal \"" + s.title() + "\" was received with tracking number " + s.trackingNumber() + "."));
    };

    /** Each required agency is told a review awaits its assessment. */
    static final Function<IntegrationEvent, List<Notice>> REVIEW_AWAITS_AGENCY = event -> {
        ReviewOpened r = event.payloadAs(ReviewOpened.class);
        List<Notice> notices = new ArrayList<>();
        for (String agency : r.requiredAgencies()) {
            notices.add(new Notice(Recipient.agency(agency), r.proposalId(), "Review awaits your assessment",
                    "Review " + r.reviewId() + " of proposal " + r.proposalId() + " awaits " + agency + "'s assessment."));
        }
        return notices;
    };

    /** The applicant learns of its designation; EDAG learns that incentive requests are opening. */
    static final Function<IntegrationEvent, List<Notice>> DESIGNATION = event -> {
        ProposalDesignated d = event.payloadAs(ProposalDesignated.class);
        return List.of(
                new Notice(Recipient.consortium(d.applicantOrganisation()), d.proposalId(),
                        "Designated priority AI export package " + d.designationNumber(),
                        "Your proposal is designated " + d.designationNumber() + ", effective " + d.effectiveDate() + "."),
                new Notice(Recipient.agency("EDAG"), d.proposalId(), "Incentive requests opened by " + d.designationNumber(),
                        d.endorsedIncentives().size() + " endorsed incentive line(s) await EDAG routing."));
    };

    /** The applicant learns of a rejection and why. */
    static final Function<IntegrationEvent, List<Notice>> REJECTION = event -> {
        ProposalRejected r = event.payloadAs(ProposalRejected.class);
        return List.of(new Notice(Recipient.consortium(r.applicantOrganisation()), r.proposalId(), "Proposal not designated",
                r.justification()));
    };

    private RoutingRules() {
    }

    public static List<Notice> noticesFor(IntegrationEvent event) {
        if (event.is(ProposalSubmitted.class)) {
            return SUBMISSION_RECEIPT.apply(event);
        }
        if (event.is(ReviewOpened.class)) {
            return REVIEW_AWAITS_AGENCY.apply(event);
        }
        if (event.is(ProposalDesignated.class)) {
            return DESIGNATION.apply(event);
        }
        if (event.is(ProposalRejected.class)) {
            return REJECTION.apply(event);
        }
        return List.of();
    }
}
