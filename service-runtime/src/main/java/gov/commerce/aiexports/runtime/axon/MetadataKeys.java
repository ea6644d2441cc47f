package gov.commerce.aiexports.runtime.axon;

/** The metadata every command and event carries, for the auditors. */
public final class MetadataKeys {
    public static final String ACTOR_SUBJECT = "actorSubject";
    /** The aggregate and version a request's If-Match named (command metadata only, never stored with events). */
    public static final String EXPECTED_VERSION_OF = "expectedVersionOf";
    public static final String EXPECTED_VERSION = "expectedVersion";
    public static final String ACTOR_ORGANISATION = "actorOrganisation";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String CORRELATION_ID = "correlationId";
    /** The trace (OpenTelemetry, when on) the event was stored in, beside the correlation id; and the W3C traceparent of its span. */
    public static final String TRACE_ID = "traceId";
    public static final String TRACE_PARENT = "traceparent";
    /** The id of the message that caused this one: for an event, the command it came from. */
    public static final String CAUSATION_ID = "causationId";
    /** The command's name, e.g. SubmitProposal. */
    public static final String COMMAND = "command";
    /** For commands the system sends on a consumed integration event: that event's id. */
    public static final String SOURCE_EVENT_ID = "sourceEventId";

    private MetadataKeys() {
    }
}
