package gov.commerce.aiexports.incentives.request.application;

import gov.commerce.aiexports.incentives.request.IncentiveRequestQueries;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The first steps of every decision of a financing agency on a line (approve, decline,
 * de-obligate, disburse), in their order: the line exists and is routed to the caller's agency
 * (404, 409, 403), then If-Match, then a body is there.
 */
@Singleton
public class LineDecision {

    @Inject
    IncentiveRequestQueries lines;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;

    /** The agency deciding: the caller's, which the line is routed to. */
    public String agencyDeciding(String id, String ifMatch, Object body) {
        String agency = lines.routedTo(request.caller(), id);
        preconditions.check(ifMatch, id, false);
        Bodies.require(body);
        return agency;
    }
}
