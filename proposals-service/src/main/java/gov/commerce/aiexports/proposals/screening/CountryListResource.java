package gov.commerce.aiexports.proposals.screening;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The versions of the country-group list: public reference data (every role may read them); Commerce
 * loads a new one, which screens submissions from its effective date and, at once, every open
 * proposal and designation again.
 */
@Path("/country-lists")
@Authenticated
public class CountryListResource {

    public record CountryListRequest(String version, Instant effectiveAt, String source, List<String> E1, List<String> E2,
            List<String> ofacComprehensiveCountries, List<CountryGroups.Region> ofacComprehensiveRegions, List<String> D1,
            List<String> D5, Map<String, String> treatedAs) {
    }

    @Inject
    gov.commerce.aiexports.runtime.request.Preconditions preconditions;
    @Inject
    gov.commerce.aiexports.runtime.paging.PageLinks links;
    @Inject
    CountryLists lists;
    @Inject
    Commands commands;
    @Inject
    Rescreening rescreening;

    @POST
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public Response load(CountryListRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        if (body.version() != null && lists.find(body.version()).isPresent()) {
            throw new StateConflict("COUNTRY_LIST_VERSION_EXISTS", "/version", "version " + body.version() + " is already loaded");
        }
        CountryGroups groups = new CountryGroups(body.version(), body.source(),
                body.effectiveAt() == null ? null : body.effectiveAt().atZone(ZoneOffset.UTC).toLocalDate().toString(), body.E1(),
                body.E2(), body.ofacComprehensiveCountries(), body.ofacComprehensiveRegions(), body.D1(), body.D5(), body.treatedAs());
        commands.send(new CountryListCommand.LoadCountryList(body.version(), groups, body.effectiveAt(),
                lists.latest().effectiveAt()));
        rescreening.startAfterLoad(body.version());
        return Response.created(URI.create("/country-lists/" + body.version())).entity(get(body.version())).build();
    }

    /** Every version, oldest first: the bundled one, then those Commerce loaded. */
    @GET
    public List<CountryListView> history(@jakarta.ws.rs.QueryParam("cursor") String cursor,
            @jakarta.ws.rs.QueryParam("limit") Integer limit) {
        var page = gov.commerce.aiexports.runtime.paging.PageRequest.of(cursor, limit);
        return links.of(gov.commerce.aiexports.runtime.paging.Slice.of(lists.history(), page, "history", CountryListView::version));
    }

    @GET
    @Path("{version}")
    public CountryListView get(@PathParam("version") String version) {
        CountryListView list = lists.find(version).orElseThrow(() -> new NotFound("country list", version));
        preconditions.tag(version); // a loaded version is an aggregate (the bundled one has no events, so no ETag)
        return list;
    }
}
