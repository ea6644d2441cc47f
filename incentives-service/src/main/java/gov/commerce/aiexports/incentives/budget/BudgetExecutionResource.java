package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.readmodel.Documents;
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
import java.time.format.DateTimeParseException;

/**
 * GET /reports/budget-execution?asOf=: the program report's budget execution per fiscal year,
 * instrument and agency, JSON or CSV, from the replayable Antideficiency projection. The roles that
 * read the Antideficiency report (it sums the lines' obligations by agency).
 */
@Path("/reports/budget-execution")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.EDAG_COORDINATOR, Roles.AUDITOR})
public class BudgetExecutionResource {

    @Inject
    Documents documents;
    @Inject
    Clock clock;

    // the answer is a Response: this names the view it serialises (or its CSV), for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "BudgetExecution", content = {@org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = BudgetExecution.class)),
        @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response get(@QueryParam("asOf") String asOf, @Context HttpHeaders headers) {
        Instant at;
        try {
            at = asOf == null ? clock.instant() : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("INSTANT_INVALID", "/asOf", "an ISO-8601 UTC instant such as 2027-09-30T23:59:59Z");
        }
        BudgetExecution report = BudgetExecution.of(documents.query("select doc from " + AntideficiencyProjection.TABLE
                + " order by budget_id, sequence", AntideficiencyProjection.Row.class), at);
        boolean csv = headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv"));
        if (csv) {
            return Response.ok(report.csv(), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"budget-execution-" + at + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
