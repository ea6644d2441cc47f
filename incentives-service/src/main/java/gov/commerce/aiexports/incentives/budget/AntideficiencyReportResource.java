package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.runtime.request.Representations;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A budget's Antideficiency evidence report: JSON by default, CSV with Accept: text/csv. It lists
 * every line's amounts, the incentives section of proposals whose lines may be routed to several
 * agencies: only the roles the disclosure rule shows every designated proposal's financing sections
 * to may read it (a financing officer sees its own lines on GET /budgets/{id}).
 */
@Path("/budgets/{id}/antideficiency-report")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.EDAG_COORDINATOR, Roles.AUDITOR})
public class AntideficiencyReportResource {

    /** Says, on every answer, whether the check passed, so that a CSV download carries it too. */
    static final String CHECK_HEADER = "X-Antideficiency-Check";
    /** Says whether the replayable projection holds the same evidence: MATCHES, DIFFERS or BEHIND. */
    static final String REPLAY_HEADER = "X-Antideficiency-Replay";

    @Inject
    BudgetQueries budgets;

    // the answer is a Response: this names the view it serialises (or its CSV), for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "AntideficiencyReport", content = {@org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AntideficiencyReport.class)),
        @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @GET
    @Produces({MediaType.APPLICATION_JSON, Representations.CSV})
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        AntideficiencyReport report = budgets.antideficiencyReport(id);
        String check = report.check().passed() ? "PASSED" : "FAILED";
        String replay = budgets.replayAgreement(report).name();
        return Representations.csvOrJson(headers, report, report::csv, id + "-antideficiency.csv")
                .header(CHECK_HEADER, check).header(REPLAY_HEADER, replay).build();
    }
}
