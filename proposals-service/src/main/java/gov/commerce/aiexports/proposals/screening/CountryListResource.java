package gov.commerce.aiexports.proposals.screening;

import gov.commerce.aiexports.proposals.screening.application.LoadCountryList;
import gov.commerce.aiexports.proposals.screening.application.LoadCountryList.CountryListRequest;
import gov.commerce.aiexports.runtime.domain.NotFound;
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
import java.util.List;

/**
 * The versions of the country-group list: public reference data (every role may read them); Commerce
 * loads a new one, which screens submissions from its effective date and, at once, every open
 * proposal and designation again.
 */
@Path("/country-lists")
@Authenticated
public class CountryListResource {

    @Inject
    gov.commerce.aiexports.runtime.request.Preconditions preconditions;
    @Inject
    gov.commerce.aiexports.runtime.paging.PageLinks links;
    @Inject
    CountryLists lists;
    @Inject
    LoadCountryList loading;

    @POST
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public Response load(CountryListRequest body) {
        loading.load(body);
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
