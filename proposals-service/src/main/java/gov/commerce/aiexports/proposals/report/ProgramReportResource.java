package gov.commerce.aiexports.proposals.report;

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
 * GET /reports/program?asOf=: the program report for Congress and OMB, JSON or CSV (Accept:
 * text/csv), from the replayable program-report projection. Commerce and auditors: it breaks the
 * proposals down by target country and requested financing, which only they see of every proposal.
 */
@Path("/reports/program")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AUDITOR})
public class ProgramReportResource {

    @Inject
    Documents documents;
    @Inject
    Clock clock;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response get(@QueryParam("asOf") String asOf, @Context HttpHeaders headers) {
        Instant at;
        try {
            at = asOf == null ? clock.instant() : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("INSTANT_INVALID", "/asOf", "an ISO-8601 UTC instant such as 2027-09-30T23:59:59Z");
        }
        ProgramReport report = ProgramReport.of(documents.query("select doc from " + ProgramReportProjection.TABLE + " order by id",
                ProgramFact.class), at);
        boolean csv = headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv"));
        if (csv) {
            return Response.ok(report.csv(), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"program-report-" + at + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
