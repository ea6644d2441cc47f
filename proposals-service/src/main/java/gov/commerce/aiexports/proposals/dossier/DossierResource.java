package gov.commerce.aiexports.proposals.dossier;

import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decision dossiers for auditors (PRODUCT.md 8): one NDJSON file, a manifest then every event of
 * the four services behind a designation or an incentive request, with their chain links, the
 * signed checkpoints covering them and the witnesses between; checked offline by ./verify-audit dossier.
 */
@Path("/dossiers")
@RolesAllowed(Roles.AUDITOR)
public class DossierResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final Pattern NUMBER = Pattern.compile("PAEP-\\d{4}-\\d{4}");

    @Inject
    DecisionDossiers dossiers;

    @GET
    @Path("designations/{number}")
    @Produces(NDJSON)
    public Response ofDesignation(@PathParam("number") String number, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer) {
        QueryParameters.matching(number, "number", NUMBER, "a designation number such as PAEP-2027-0001");
        return file("dossier-" + number + ".ndjson", dossiers.ofDesignation(number, bearer));
    }

    @GET
    @Path("incentive-requests/{id}")
    @Produces(NDJSON)
    public Response ofIncentiveRequest(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer) {
        QueryParameters.identifier(id, "id");
        return file("dossier-incentive-request-" + id + ".ndjson", dossiers.ofIncentiveRequest(id, bearer));
    }

    private static Response file(String name, List<String> lines) {
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return Response.ok(body, NDJSON).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
