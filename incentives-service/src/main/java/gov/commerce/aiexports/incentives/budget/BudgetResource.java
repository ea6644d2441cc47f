package gov.commerce.aiexports.incentives.budget;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.incentives.budget.application.AdjustBudget;
import gov.commerce.aiexports.incentives.budget.application.AdjustBudget.AdjustmentRequest;
import gov.commerce.aiexports.incentives.budget.application.RecordAppropriation;
import gov.commerce.aiexports.incentives.budget.application.RecordAppropriation.AppropriationRequest;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.paging.Cursor;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.request.Preconditions;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Budget authority per fiscal year and instrument: appropriations, adjustments, and the figures with the obligations. */
@Path("/budgets")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER, Roles.AUDITOR,
        Roles.OPERATOR})
public class BudgetResource {

    @Inject
    RecordAppropriation appropriations;
    @Inject
    AdjustBudget adjustments;
    @Inject
    BudgetQueries budgets;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;

    @POST
    @RolesAllowed({Roles.FINANCING_OFFICER, Roles.OPERATOR})
    public Response recordAppropriation(AppropriationRequest body) {
        String id = appropriations.record(body);
        return Response.created(URI.create("/budgets/" + id)).entity(get(id)).build();
    }

    @POST
    @Path("{id}/adjustments")
    @RolesAllowed({Roles.FINANCING_OFFICER, Roles.OPERATOR})
    public ObjectNode adjust(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AdjustmentRequest body) {
        adjustments.adjust(id, ifMatch, body);
        return get(id);
    }

    /** One fiscal year's budgets by instrument, paged by cursor (Link: rel="next"). */
    @GET
    public List<ObjectNode> list(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        if (!page.first()) {
            // an unreadable cursor is refused for itself (CURSOR_INVALID at /cursor), before what else the request lacks
            Cursor.decode(page.cursor(), BudgetQueries.ORDER.name(), BudgetQueries.ORDER.keys().size());
        }
        if (fiscalYear == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/fiscalYear", "fiscalYear is required");
        }
        if (!BudgetPolicies.validFiscalYear(fiscalYear)) {
            throw new InvalidInput(BudgetPolicies.FISCAL_YEAR_INVALID, "/fiscalYear", "fiscalYear is a federal fiscal year from 2025 to 2100");
        }
        return links.of(budgets.page(fiscalYear, page)).stream().map(v -> budgets.shown(request.caller(), v)).toList();
    }

    // the answer is a JSON tree (or a Response): this names the view it serialises, for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "BudgetView", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = BudgetView.class)))
    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        ObjectNode shown = budgets.shown(request.caller(), budgets.existing(id));
        preconditions.tag(id);
        return shown;
    }
}
