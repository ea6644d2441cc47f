package gov.commerce.aiexports.proposals.report;

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
 * GET /reports/program?asOf=: the program report for Congress and OMB, JSON or CSV (Accept:
 * text/csv), from the replayable program-report projection. Commerce and auditors: it breaks the
 * proposals down by target country and requested financing, which only they see of every proposal.
 */
@Path("/reports/program")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AUDITOR})
public class ProgramReportResource {

    @Inject
    ProgramReportQueries reports;
    @Inject
    gov.commerce.aiexports.proposals.proposal.ProposalQueries proposals;
    @Inject
    Clock clock;
    @Inject
    gov.commerce.aiexports.proposals.disclosure.DisclosureAccount account;
    @Inject
    gov.commerce.aiexports.runtime.request.RequestContext request;

    // the answer is a Response: this names the view it serialises (or its CSV), for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "ProgramReport", content = {@org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ProgramReport.class)),
        @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response get(@QueryParam("asOf") String asOf, @Context HttpHeaders headers) {
        Instant at = QueryParameters.instant(asOf, "asOf", clock.instant());
        java.util.List<ProgramFact> facts = reports.facts();
        ProgramReport report = ProgramReport.of(facts, at);
        account(facts, at, asOf == null ? "GET /reports/program" : "GET /reports/program?asOf=" + asOf);
        return Representations.csvOrJson(headers, report, report::csv, "program-report-" + at + ".csv").build();
    }

    /**
     * The report sums the requested lines (incentives) and counts the targets (countries, regions) of
     * every proposal submitted by the instant: a read of those sections where a proposal marks them
     * confidential, accounted like any other read outside the consortium.
     */
    private void account(java.util.List<ProgramFact> facts, Instant at, String path) {
        java.util.List<String> ids = facts.stream().filter(f -> ProgramFact.by(f.submittedAt(), at)).map(ProgramFact::proposalId).toList();
        if (ids.isEmpty()) {
            return;
        }
        gov.commerce.aiexports.runtime.request.Caller caller = request.caller();
        java.util.List<String> roles = caller.roles().stream().sorted().toList();
        Instant now = clock.instant();
        for (int from = 0; from < ids.size(); from += 500) {
            java.util.List<String> page = ids.subList(from, Math.min(ids.size(), from + 500));
            for (gov.commerce.aiexports.proposals.proposal.ProposalView v : proposals.withIds(page)) {
                if (v.content == null || v.content.confidentialSections() == null || caller.organisation() != null
                        && caller.organisation().equals(v.organisation)) {
                    continue;
                }
                java.util.List<String> read = v.content.confidentialSections().stream().filter(c -> c != null && c.section() != null)
                        .map(gov.commerce.aiexports.proposals.proposal.ProposalContent.ConfidentialSection::section)
                        .filter(x -> x.equals("incentives") || x.equals("targets")).distinct().sorted().toList();
                if (!read.isEmpty()) {
                    account.record(new gov.commerce.aiexports.proposals.disclosure.DisclosureAccount.Entry(v.id, caller.subject(),
                            caller.organisation(), roles, now, read, path, request.correlationId()));
                }
            }
        }
    }
}
