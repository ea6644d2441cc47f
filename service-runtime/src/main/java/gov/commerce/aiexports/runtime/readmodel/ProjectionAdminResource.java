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

    @GET
    public List<ProjectionReplayer.Progress> all() {
        return replayer.all();
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
