package gov.commerce.aiexports.incentives.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.DesignationNumber;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.incentives.disclosure.IncentivesDisclosure;
import gov.commerce.aiexports.incentives.budget.BudgetRules;
import gov.commerce.aiexports.incentives.budget.Money;
import gov.commerce.aiexports.incentives.obligation.Obligations;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.OrganisationScope;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Government roles and auditors see every line; an applicant sees its own consortium's lines. EDAG
 * routes; only a financing officer of the agency a line is routed to decides on it: another
 * agency's officer gets 403 (lines are visible to every government role, so their existence is
 * no secret and a 404 would mislead).
 */
@Path("/incentive-requests")
@RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR,
        Roles.FINANCING_OFFICER, Roles.AUDITOR})
public class IncentiveRequestResource {

    public record RoutingRequest(FinancingAgency agency, String terms, BigDecimal creditSubsidyRatePercent) {
    }

    public record BoardApprovalRequest(String reference, String notes) {
    }

    /** requiredMilestoneId (optional): a milestone of the designation (M1, M2, ...) Commerce must accept before any disbursement. */
    public record ApprovalRequest(Integer fiscalYear, String requiredMilestoneId) {
    }

    public record DeclineRequest(String reason) {
    }

    public record DeobligationRequest(BigDecimal amountUsd, String reason) {
    }

    public record DisbursementRequest(BigDecimal amountUsd, String reference) {
    }

    @Inject
    Documents documents;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;
    @Inject
    Obligations obligations;
    @Inject
    IncentivesDisclosure disclosure;

    /** By designation, then line number, then id: a stable order for the cursor. */
    static final Keyset ORDER = Keyset.named("designation").asc("coalesce(designation_number, '')").asc("coalesce((doc->>'lineNumber')::int, 0)", "int")
            .asc("id").build();

    /** Paged by cursor (Link: rel="next"), nothing cut. */
    @GET
    public List<ObjectNode> list(@QueryParam("designation") String designation, @QueryParam("status") String status,
            @QueryParam("agency") String agency, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        QueryParameters.matching(designation, "designation", DesignationNumber.PATTERN, "a designation number such as PAEP-2027-0001");
        status = QueryParameters.oneOf(status, "status", IncentiveStatus.class);
        agency = QueryParameters.oneOf(agency, "agency", FinancingAgency.class);
        StringBuilder sql = new StringBuilder("from incentive_request_view where 1 = 1");
        List<Object> params = new ArrayList<>();
        Caller caller = request.caller();
        if (!caller.readsAcrossOrganisations()) {
            sql.append(" and organisation = ?");
            params.add(caller.organisation());
        }
        if (designation != null) {
            sql.append(" and designation_number = ?");
            params.add(designation);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (agency != null) {
            sql.append(" and agency = ?");
            params.add(agency);
        }
        List<IncentiveRequestView> lines = links.of(documents.page(sql.toString(), params, ORDER, page, IncentiveRequestView.class));
        Map<String, Disclosure.Outcome> outcomes = disclosure.outcomes(caller, owners(lines));
        return lines.stream().map(v -> disclosure.showLine(shownTo(caller, v), outcomes.get(v.proposalId()))).toList();
    }

    /** The line as the caller may see it: an applicant without the government's figures, and the incentives section as the disclosure rule allows. */
    // the answer is a JSON tree (or a Response): this names the view it serialises, for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "IncentiveRequestView", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = IncentiveRequestView.class)))
    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        Caller caller = request.caller();
        IncentiveRequestView v = OrganisationScope.readable(caller, find(id), IncentiveRequestView::organisation,
                "incentive request", id);
        preconditions.tag(id);
        return disclosure.showLine(shownTo(caller, v), disclosure.outcomes(caller, owners(List.of(v))).get(v.proposalId()));
    }

    private static Map<String, String> owners(List<IncentiveRequestView> lines) {
        Map<String, String> owners = new HashMap<>();
        lines.forEach(l -> owners.put(l.proposalId(), l.organisation()));
        return owners;
    }

    @POST
    @Path("{id}/routing")
    @RolesAllowed(Roles.EDAG_COORDINATOR)
    public ObjectNode route(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, RoutingRequest body) {
        require(body);
        // the terms are what the agency is routed to finance: a routing without them is refused naming them
        new Checks().required(body.terms(), "/terms").throwIfInvalid();
        existing(id);
        preconditions.check(ifMatch, id, false);
        if (body.terms().length() > 4000) {
            throw new InvalidInput("TERMS_TOO_LONG", "/terms", "terms are at most 4000 characters");
        }
        commands.send(new IncentiveRequestCommand.RouteIncentiveRequest(id, body.agency(), body.terms(),
                body.creditSubsidyRatePercent()));
        return get(id);
    }

    @POST
    @Path("{id}/board-approval")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode boardApproval(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, BoardApprovalRequest body) {
        Caller caller = request.caller();
        if (!FinancingAgency.EXIM.name().equals(caller.organisation())) {
            throw new ForbiddenException("only EXIM's financing officers record EXIM board approvals");
        }
        require(body);
        new Checks().required(body.reference(), "/reference").throwIfInvalid();
        existing(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new IncentiveRequestCommand.RecordBoardApproval(id, caller.organisation(), body.reference().trim(),
                body.notes()));
        return get(id);
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ApprovalRequest body) {
        String agency = routedToCaller(id);
        preconditions.check(ifMatch, id, false);
        require(body);
        new Checks().require(BudgetRules.validFiscalYear(body.fiscalYear()), BudgetRules.FISCAL_YEAR_INVALID, "/fiscalYear",
                "fiscalYear is the federal fiscal year whose authority is obligated, from 2025")
                .require(body.requiredMilestoneId() == null || body.requiredMilestoneId().matches("M[1-9][0-9]{0,3}"),
                        IncentiveRequestPolicies.MILESTONE_ID_INVALID, "/requiredMilestoneId",
                        "requiredMilestoneId is a milestone of the designation, such as M1")
                .throwIfInvalid();
        obligations.approve(id, agency, body.fiscalYear(), body.requiredMilestoneId());
        return get(id);
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode decline(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DeclineRequest body) {
        String agency = routedToCaller(id);
        preconditions.check(ifMatch, id, false);
        require(body);
        new Checks().required(body.reason(), "/reason").throwIfInvalid();
        commands.send(new IncentiveRequestCommand.DeclineIncentiveRequest(id, agency, body.reason()));
        return get(id);
    }

    @POST
    @Path("{id}/deobligations")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode deobligate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DeobligationRequest body) {
        String agency = routedToCaller(id);
        preconditions.check(ifMatch, id, false);
        require(body);
        new Checks().required(body.reason(), "/reason").throwIfInvalid();
        obligations.deobligate(id, agency, Money.positive(body.amountUsd(), "/amountUsd"), body.reason());
        return get(id);
    }

    @POST
    @Path("{id}/disbursements")
    @RolesAllowed(Roles.FINANCING_OFFICER)
    public ObjectNode disburse(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DisbursementRequest body) {
        String agency = routedToCaller(id);
        preconditions.check(ifMatch, id, false);
        require(body);
        new Checks().required(body.reference(), "/reference").throwIfInvalid();
        obligations.disburse(id, agency, Money.positive(body.amountUsd(), "/amountUsd"), body.reference().trim());
        return get(id);
    }

    private java.util.Optional<IncentiveRequestView> find(String id) {
        return documents.find(IncentiveRequestProjection.TABLE, id, IncentiveRequestView.class);
    }

    private IncentiveRequestView existing(String id) {
        return find(id).orElseThrow(() -> new NotFound("incentive request", id));
    }

    /** The caller's agency, when the line is routed to it: 403 for another agency's officer. */
    private String routedToCaller(String id) {
        IncentiveRequestView line = existing(id);
        if (line.agency() == null) {
            // a line cancelled before it was routed says so (LINE_CANCELLED), not that it waits for its routing
            IncentiveRequestPolicies.notCancelled(IncentiveStatus.valueOf(line.status()), "decided");
            throw new StateConflict("LINE_NOT_ROUTED", "EDAG has not routed this line to a financing agency yet");
        }
        String organisation = request.caller().organisation();
        if (!line.agency().equals(organisation)) {
            throw new ForbiddenException("the line is routed to " + line.agency() + ", not to " + organisation);
        }
        return organisation;
    }

    private static IncentiveRequestView shownTo(Caller caller, IncentiveRequestView v) {
        return caller.readsAcrossOrganisations() ? v : v.forApplicant();
    }

    private static void require(Object body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
    }
}
