package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import java.util.Map;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

@ReadModel(tables = {"call_view"})
@ProcessingGroup("call-projection")
public class CallProjection {

    static final String TABLE = "call_view";
    private final Documents documents;

    public CallProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(CallEvent.Drafted e) {
        save(CallView.of(e.callId(), CallStatus.DRAFT, 0, e.terms(), java.util.List.of()));
    }

    @EventHandler
    void on(CallEvent.Published e) {
        documents.find(TABLE, e.callId(), CallView.class).ifPresent(v ->
                save(CallView.of(e.callId(), CallStatus.PUBLISHED, e.version(), e.terms(), v.amendments())));
    }

    @EventHandler
    void on(CallEvent.Amended e, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String by, @Timestamp java.time.Instant at) {
        documents.find(TABLE, e.callId(), CallView.class).ifPresent(v -> save(v.amended(e, by, at)));
    }

    @EventHandler
    void on(CallEvent.Closed e) {
        documents.find(TABLE, e.callId(), CallView.class).ifPresent(v -> save(v.withStatus(CallStatus.CLOSED)));
    }

    @EventHandler
    void on(CallEvent.Archived e) {
        documents.find(TABLE, e.callId(), CallView.class).ifPresent(v -> save(v.withStatus(CallStatus.ARCHIVED)));
    }

    private void save(CallView view) {
        documents.upsert(TABLE, view.id(), Map.of("status", view.status(), "fiscal_year", view.fiscalYear()), view);
    }
}
