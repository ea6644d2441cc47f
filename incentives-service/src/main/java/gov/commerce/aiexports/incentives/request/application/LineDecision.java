package gov.commerce.aiexports.incentives.request.application;

import gov.commerce.aiexports.incentives.request.IncentiveRequestQueries;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Function;

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

    /** The same, then the field the decision cannot do without (a reason, a reference) is there. */
    public <B> String agencyDeciding(String id, String ifMatch, B body, Function<B, Object> required, String field) {
        String agency = agencyDeciding(id, ifMatch, body);
        new Checks().required(required.apply(body), field).throwIfInvalid();
        return agency;
    }
}
