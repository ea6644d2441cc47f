package gov.commerce.aiexports.review.oversight.application;

import gov.commerce.aiexports.review.oversight.OversightCommand;
import gov.commerce.aiexports.review.oversight.OversightQueries;
import gov.commerce.aiexports.review.review.StandingPolicies;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.review.review.application.Bodies;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The first steps every write of a designation's obligations takes, in the caller's transaction:
 * the body, the live designation (opening its oversight on the first write), the If-Match.
 */
@Singleton
public class Obligations {

    @Inject
    OversightQueries oversight;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;

    /** Commerce's write: any designation. */
    ReviewView open(String number, String ifMatch, Object body) {
        Bodies.require(body);
        ReviewView review = open(number);
        preconditions.check(ifMatch, number, false);
        return review;
    }

    /** The applicant's write: its own designation (another consortium's: 404). */
    ReviewView ownedOpen(String number, String ifMatch, Object body) {
        Bodies.require(body);
        oversight.readable(request.caller(), number);
        ReviewView review = open(number);
        preconditions.check(ifMatch, number, false);
        return review;
    }

    /** The applicant's file upload: its own live designation, no body to check and no If-Match (a file conflicts with nothing). */
    ReviewView ownedOpen(String number) {
        oversight.readable(request.caller(), number);
        return open(number);
    }

    /**
     * The review of a live designation whose oversight is open: opened here, in the request's
     * transaction, on the first write (designations made before oversight existed too). A revoked
     * designation owes nothing more: DESIGNATION_REVOKED (409).
     */
    private ReviewView open(String number) {
        ReviewView review = oversight.designated(number);
        if ("REVOKED".equals(review.status)) {
            throw new StateConflict(StandingPolicies.DESIGNATION_REVOKED, "the designation is revoked; its obligations ended with it");
        }
        if (oversight.record(number).isEmpty()) {
            commands.send(new OversightCommand.OpenOversight(number, review.id, review.proposalId, review.applicantOrganisation,
                    review.determination.conditions() == null ? List.of() : review.determination.conditions()));
        }
        return review;
    }
}
