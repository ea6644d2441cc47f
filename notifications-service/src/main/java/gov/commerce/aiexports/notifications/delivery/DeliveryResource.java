package gov.commerce.aiexports.notifications.delivery;

import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

    public record Page(List<DeliveryView.Summary> items, int page, int size, long total) {
    }

    @Inject
    Documents documents;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    @GET
    public Page list(@QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        new Checks()
                .require(status == null || Arrays.stream(DeliveryStatus.values()).anyMatch(v -> v.name().equals(status)),
                        "STATUS_INVALID", "/status", "status is one of " + Arrays.toString(DeliveryStatus.values()))
                .require(channel == null || Arrays.stream(Channel.values()).anyMatch(v -> v.name().equals(channel)),
                        "CHANNEL_INVALID", "/channel", "channel is one of " + Arrays.toString(Channel.values()))
                .require(p >= 0, "PAGE_INVALID", "/page", "page counts from 0")
                .require(s >= 1 && s <= 200, "PAGE_INVALID", "/size", "size is from 1 to 200")
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
        params.add(s);
        params.add((long) p * s);
        List<DeliveryView.Summary> items = documents.query("select doc from " + DeliveryProjection.TABLE + where
                + " order by created_at desc, id limit ? offset ?", DeliveryView.class, params.toArray())
                .stream().map(DeliveryView::summary).toList();
        return new Page(items, p, s, total);
    }

    @GET
    @Path("{id}")
    public DeliveryView.Summary get(@PathParam("id") String id) {
        return find(id).summary();
    }

    /** Puts a failed or dead-lettered delivery back in the queue, due now, with a fresh retry budget. */
    @POST
    @Path("{id}/redeliver")
    public DeliveryView.Summary redeliver(@PathParam("id") String id) {
        find(id);
        commands.send(new DeliveryCommand.Redeliver(id, clock.instant()));
        return find(id).summary();
    }

    private DeliveryView find(String id) {
        return documents.find(DeliveryProjection.TABLE, id, DeliveryView.class).orElseThrow(() -> new NotFound("delivery", id));
    }
}
