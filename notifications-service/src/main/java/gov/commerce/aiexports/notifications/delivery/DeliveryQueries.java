package gov.commerce.aiexports.notifications.delivery;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Every read of deliveries, for the operators who watch them. */
@Singleton
public class DeliveryQueries {

    static final Keyset ORDER = Keyset.named("createdAt").desc("created_at", "timestamptz").asc("id").build();

    /** A page of deliveries and how many there are with those filters. */
    public record Counted(Slice<DeliveryView> slice, long total) {
    }

    @Inject
    Documents documents;

    /** Newest first, filtered by status and channel (null: any), from the offset of a numbered page. */
    public Counted page(String status, String channel, PageRequest paging, long offset) {
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
        return new Counted(documents.page("from " + DeliveryProjection.TABLE + where, params, ORDER, paging, DeliveryView.class, null,
                offset), total);
    }

    public DeliveryView existing(String id) {
        return documents.find(DeliveryProjection.TABLE, id, DeliveryView.class).orElseThrow(() -> new NotFound("delivery", id));
    }
}
