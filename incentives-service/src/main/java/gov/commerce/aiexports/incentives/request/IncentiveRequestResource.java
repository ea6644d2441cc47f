package gov.commerce.aiexports.incentives.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.DesignationNumber;
import gov.commerce.aiexports.incentives.obligation.application.ApproveLine;
import gov.commerce.aiexports.incentives.obligation.application.ApproveLine.ApprovalRequest;
import gov.commerce.aiexports.incentives.obligation.application.DeobligateLine;
import gov.commerce.aiexports.incentives.obligation.application.DeobligateLine.DeobligationRequest;
import gov.commerce.aiexports.incentives.obligation.application.RecordDisbursement;
import gov.commerce.aiexports.incentives.obligation.application.RecordDisbursement.DisbursementRequest;
import gov.commerce.aiexports.incentives.request.application.DeclineLine;
import gov.commerce.aiexports.incentives.request.application.DeclineLine.DeclineRequest;
import gov.commerce.aiexports.incentives.request.application.RecordBoardApproval;
import gov.commerce.aiexports.incentives.request.application.RecordBoardApproval.BoardApprovalRequest;
import gov.commerce.aiexports.incentives.request.application.RouteLine;
import gov.commerce.aiexports.incentives.request.application.RouteLine.RoutingRequest;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * Government roles and auditors see every line; an applicant sees its own consortium's lines. EDAG
 * routes; only a financing officer of the agency a line is routed to decides on it: another
 * agency's officer gets 403 (lines are visible to every government role, so their existence is
 * no secret and a 404 would mislead). Each change is a use case of request/application or
 * obligation/application; every answer is the line as the caller may see it.
 */
@Path("/incentive-requests")
@RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR,
        Roles.FINANCING_OFFICER, Roles.AUDITOR})
public class IncentiveRequestResource {

    @Inject
    IncentiveRequestQueries lines;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    RouteLine routing;
    @Inject
    RecordBoardApproval boardApprovals;
    @Inject
    ApproveLine approvals;
    @Inject
    DeclineLine declines;
    @Inject
    DeobligateLine deobligations;
    @Inject
    RecordDisbursement disbursements;

    /** Paged by cursor (Link: rel="next"), nothing cut. */
    @GET
    public List<ObjectNode> list(@QueryParam("designation") String designation, @QueryParam("status") String status,
            @QueryParam("agency") String agency, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        QueryParameters.matching(designation, "designation", DesignationNumber.PATTERN, "a designation number such as PAEP-2027-0001");
        IncentiveRequestQueries.Filter filter = new IncentiveRequestQueries.Filter(designation,
                QueryParameters.oneOf(status, "status", IncentiveStatus.class), QueryParameters.oneOf(agency, "agency", FinancingAgency.class));
        Caller caller = request.caller();
        return lines.shown(caller, links.of(lines.page(caller, filter, page)));
    }

    /** The line as the caller may see it: an applicant without the government's figures, and the incentives section as the disclosure rule allows. */
    // the answer is a JSON tree (or a Response): this names the view it serialises, for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "IncentiveRequestView", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = IncentiveRequestView.class)))
    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        Caller caller = request.caller();
        IncentiveRequestView v = lines.readable(caller, id);
        preconditions.tag(id);
        return lines.shown(caller, List.of(v)).get(0);
    }

    @POST
    @Path("{id}/routing")
    @RolesAllowed(Roles.EDAG_COORDINATOR)
    public ObjectNode route(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, RoutingRequest body) {
        routing.route(id, ifMatch, body);
        return get(id);
    }

    @POST
    @Path("{id}/board-approval")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode boardApproval(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, BoardApprovalRequest body) {
        boardApprovals.record(id, ifMatch, body);
        return get(id);
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ApprovalRequest body) {
        approvals.approve(id, ifMatch, body);
        return get(id);
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode decline(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DeclineRequest body) {
        declines.decline(id, ifMatch, body);
        return get(id);
    }

    @POST
    @Path("{id}/deobligations")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode deobligate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DeobligationRequest body) {
        deobligations.deobligate(id, ifMatch, body);
        return get(id);
    }

    @POST
    @Path("{id}/disbursements")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode disburse(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DisbursementRequest body) {
        disbursements.disburse(id, ifMatch, body);
        return get(id);
    }
}
