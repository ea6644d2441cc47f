package gov.commerce.aiexports.proposals.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.proposals.call.CallView;
import gov.commerce.aiexports.runtime.feed.PublicFeed;
import gov.commerce.aiexports.proposals.call.CallQueries;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /public/opportunities: the open (and forecasted) calls for proposals in the CommonGrants
 * shape, without a token, paged, with ETag and Cache-Control. A call carries nothing confidential;
 * drafts and closed calls are not listed. When a call was created and last changed comes from its
 * stored events.
 */
@Path("/public/opportunities")
@PermitAll
public class PublicOpportunitiesResource {

    @Inject
    CallQueries calls;
    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("page") Integer page, @QueryParam("pageSize") Integer pageSize,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PublicFeed.Paging paging = PublicFeed.paging(page, pageSize);
        Instant now = clock.instant();
        List<CallView> listed = calls.published().stream().filter(c -> OpportunityFeed.listed(c, now))
                .sorted(java.util.Comparator.comparing(CallView::closesAt).thenComparing(CallView::id)).toList();
        List<CallView> shown = listed.stream().skip(paging.offset()).limit(paging.pageSize()).toList();
        Map<String, Instant[]> stamps = calls.stamps(shown.stream().map(CallView::id).toList());
        List<ObjectNode> items = shown.stream().map(c -> {
            Instant[] s = stamps.getOrDefault(c.id(), new Instant[] {c.opensAt(), c.opensAt()});
            return OpportunityFeed.opportunity(c, now, s[0], s[1]);
        }).toList();
        return PublicFeed.respond(items, paging, listed.size(), ifNoneMatch);
    }
}
