package gov.commerce.aiexports.notifications.delivery;

import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
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
import java.time.Clock;
import java.util.ArrayList;
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
    Documents documents;
    @Inject
    PageLinks links;
    @Inject
    Commands commands;
    @Inject
    Preconditions preconditions;
    @Inject
    Clock clock;

    static final Keyset ORDER = Keyset.named("createdAt").desc("created_at", "timestamptz").asc("id").build();

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
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            params.add(status);
        }
        if (channel != null) {
            where.append(" and channel = ?");
            params.add(channel);
        }
        long total = documents.count("select count(*) from " + DeliveryProjection.TABLE + where, params.toArray());
        var slice = documents.page("from " + DeliveryProjection.TABLE + where, params, ORDER, paging, DeliveryView.class, null,
                paging.offset(page));
        List<DeliveryView.Summary> items = links.of(slice).stream().map(DeliveryView::summary).toList();
        return new Page(items, paging.first() ? (page == null ? 0 : page) : null, paging.limit(), total, slice.next());
    }

    @GET
    @Path("{id}")
    public DeliveryView.Summary get(@PathParam("id") String id) {
        DeliveryView.Summary summary = find(id).summary();
        preconditions.tag(id);
        return summary;
    }

    /** Puts a failed or dead-lettered delivery back in the queue, due now, with a fresh retry budget. */
    @POST
    @Path("{id}/redeliver")
    public DeliveryView.Summary redeliver(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        find(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new DeliveryCommand.Redeliver(id, clock.instant()));
        return find(id).summary();
    }

    private DeliveryView find(String id) {
        return documents.find(DeliveryProjection.TABLE, id, DeliveryView.class).orElseThrow(() -> new NotFound("delivery", id));
    }
}
