package gov.commerce.aiexports.review.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.runtime.feed.PublicFeed;
import gov.commerce.aiexports.review.designation.DesignationQueries;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * GET /public/designations: the catalogue of priority AI export packages in the CommonGrants shape,
 * without a token, paged by designation number, with ETag and Cache-Control; what a consortium
 * marked confidential is left out ({@link DesignationFeed}).
 */
@Path("/public/designations")
@PermitAll
public class PublicDesignationsResource {

    @Inject
    DesignationQueries designations;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("page") Integer page, @QueryParam("pageSize") Integer pageSize,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PublicFeed.Paging paging = PublicFeed.paging(page, pageSize);
        long total = designations.count();
        List<ObjectNode> items = designations.byNumber(paging.pageSize(), paging.offset()).stream().map(DesignationFeed::proposal).toList();
        return PublicFeed.respond(items, paging, total, ifNoneMatch);
    }
}
