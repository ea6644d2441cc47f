package gov.commerce.aiexports.review.designation;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The catalogue of priority AI export packages, readable by anyone with a token. */
@Path("/designations")
@Authenticated
public class DesignationResource {

    @Inject
    Documents documents;

    @GET
    public List<DesignationView> list() {
        return documents.query("select doc from designation_view order by id", DesignationView.class);
    }

    @GET
    @Path("{number}")
    public DesignationView get(@PathParam("number") String number) {
        return documents.find("designation_view", number, DesignationView.class)
                .orElseThrow(() -> new NotFound("designation", number));
    }
}
