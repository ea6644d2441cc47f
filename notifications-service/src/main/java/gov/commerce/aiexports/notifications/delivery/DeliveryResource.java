package gov.commerce.aiexports.notifications.delivery;

import gov.commerce.aiexports.notifications.delivery.application.Redeliver;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;

/** Operators watch deliveries (e-mail and webhook), above all the failed and dead-lettered ones, and redeliver. */
@Path("/deliveries")
@RolesAllowed(Roles.OPERATOR)
public class DeliveryResource {

    /** {@code page} is null on a page reached by cursor; {@code next} is the cursor of the next page (also in Link). */
    public record Page(List<DeliveryView.Summary> items, Integer page, int size, long total, String next) {
    }

    @Inject
    DeliveryQueries deliveries;
    @Inject
    Redeliver redeliveries;
    @Inject
    PageLinks links;
    @Inject
    Preconditions preconditions;

    /** Newest first; paged by cursor (Link: rel="next"), page numbers still taken. */
    @GET
    public Page list(@QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("cursor") String cursor) {
        PageRequest paging = PageRequest.sized(cursor, page, size, 50, 200);
        new Checks()
                .require(status == null || Arrays.stream(DeliveryStatus.values()).anyMatch(v -> v.name().equals(status)),
                        "STATUS_INVALID", "/status", "status is one of " + Arrays.toString(DeliveryStatus.values()))
                .require(channel == null || Arrays.stream(Channel.values()).anyMatch(v -> v.name().equals(channel)),
                        "CHANNEL_INVALID", "/channel", "channel is one of " + Arrays.toString(Channel.values()))
                .throwIfInvalid();
        DeliveryQueries.Counted found = deliveries.page(status, channel, paging, paging.offset(page));
        var slice = found.slice();
        long total = found.total();
        List<DeliveryView.Summary> items = links.of(slice).stream().map(DeliveryView::summary).toList();
        return new Page(items, paging.first() ? (page == null ? 0 : page) : null, paging.limit(), total, slice.next());
    }

    @GET
    @Path("{id}")
    public DeliveryView.Summary get(@PathParam("id") String id) {
        DeliveryView.Summary summary = deliveries.existing(id).summary();
        preconditions.tag(id);
        return summary;
    }

    /** Puts a failed or dead-lettered delivery back in the queue, due now, with a fresh retry budget. */
    @POST
    @Path("{id}/redeliver")
    public DeliveryView.Summary redeliver(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        redeliveries.redeliver(id, ifMatch);
        return deliveries.existing(id).summary();
    }
}
