package gov.commerce.aiexports.runtime.readmodel;

import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Operators: the read models' status and lag, and a rebuild from the event store with progress. */
@Path("/admin/projections")
@RolesAllowed(Roles.OPERATOR)
public class ProjectionAdminResource {

    @Inject
    ProjectionReplayer replayer;
    @Inject
    gov.commerce.aiexports.runtime.paging.PageLinks links;

    /** By name, paged by cursor like every list (Link: rel="next"); a service has a few dozen at most, read in memory. */
    @GET
    public List<ProjectionReplayer.Progress> all(@jakarta.ws.rs.QueryParam("cursor") String cursor,
            @jakarta.ws.rs.QueryParam("limit") Integer limit) {
        gov.commerce.aiexports.runtime.paging.PageRequest page = gov.commerce.aiexports.runtime.paging.PageRequest.of(cursor, limit);
        List<ProjectionReplayer.Progress> all = replayer.all().stream()
                .sorted(java.util.Comparator.comparing(ProjectionReplayer.Progress::name)).toList();
        return links.of(gov.commerce.aiexports.runtime.paging.Slice.of(all, page, "name", ProjectionReplayer.Progress::name));
    }

    @GET
    @Path("{name}")
    public ProjectionReplayer.Progress one(@PathParam("name") String name) {
        return replayer.get(name);
    }

    @POST
    @Path("{name}/replay")
    public Response replay(@PathParam("name") String name) {
        return Response.accepted(replayer.start(name)).build();
    }
}
