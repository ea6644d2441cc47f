package gov.commerce.aiexports.review.review.application;

import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.review.review.ReviewQueries;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/** Commerce asks the applicant questions about the proposal under review. */
@Singleton
public class RequestInformation {

    public record InformationRequestRequest(List<String> questions) {
    }

    @Inject
    ReviewQueries reviews;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;

    public void request(String id, String ifMatch, InformationRequestRequest body) {
        // no body (an empty or a JSON null one) is refused as at every other endpoint, not as a request without questions
        Bodies.require(body);
        reviews.existing(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new ReviewCommand.RequestInformation(id, UUID.randomUUID().toString(), body.questions(),
                request.caller().organisation()));
    }
}
