package gov.commerce.aiexports.notifications.reminders;

import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

/** The calls' closing instants (what the scheduler looks at) and the reminders already sent. */
@ProcessingGroup("reminder-projection")
@ReadModel(tables = {"call_deadline", "closing_reminder"})
public class ReminderProjection {

    public static final String DEADLINES = "call_deadline";
    public static final String SENT = "closing_reminder";
    private final Documents documents;

    public ReminderProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(CallDeadlineEvent.Tracked e, @MetaDataValue(MetadataKeys.SOURCE_EVENT_ID) String cause,
            @MetaDataValue(MetadataKeys.CORRELATION_ID) String correlationId) {
        documents.upsert(DEADLINES, e.callId(), Map.of("closes_at", e.closesAt()),
                new CallDeadlineView(e.callId(), e.title(), e.closesAt(), e.callVersion(), cause, correlationId));
    }

    @EventHandler
    void on(ClosingReminderEvent.Sent e) {
        documents.upsert(SENT, e.reminderId(), Map.of("call_id", e.callId(), "threshold", e.threshold().code()), e);
    }
}
