package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.request.Representations;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;

/**
 * GET /reports/budget-execution?asOf=: the program report's budget execution per fiscal year,
 * instrument and agency, JSON or CSV, from the replayable Antideficiency projection. The roles that
 * read the Antideficiency report (it sums the lines' obligations by agency).
 */
@Path("/reports/budget-execution")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.EDAG_COORDINATOR, Roles.AUDITOR})
public class BudgetExecutionResource {

    @Inject
    BudgetQueries budgets;
    @Inject
    Clock clock;

    // the answer is a Response: this names the view it serialises (or its CSV), for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "BudgetExecution", content = {@org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = BudgetExecution.class)),
        @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @GET
    @Produces({MediaType.APPLICATION_JSON, Representations.CSV})
    public Response get(@QueryParam("asOf") String asOf, @Context HttpHeaders headers) {
        Instant at = QueryParameters.instant(asOf, "asOf", clock.instant());
        BudgetExecution report = budgets.execution(at);
        return Representations.csvOrJson(headers, report, report::csv, "budget-execution-" + at + ".csv").build();
    }
}
