package gov.commerce.aiexports.runtime.axon;

import java.util.List;

/**
 * What a service contributes to its Axon configuration. Each service has exactly one bean of
 * this type; the runtime does the rest (event store, serializer, transactions, publishing).
 */
public interface ServiceModule {

    /** Event-sourced aggregate classes. */
    List<Class<?>> aggregates();

    /**
     * Read-model projections. They run in the command's own transaction (subscribing processors),
     * so a read after a write sees it, and a failing projection rolls the command back.
     */
    List<Object> projections();

    /**
     * How events stored in older revisions become the current ones, applied whenever events are
     * read (aggregates, processors, replays, audit state): stored events are never rewritten.
     */
    default List<org.axonframework.serialization.upcasting.event.EventUpcaster> upcasters() {
        return List.of();
    }
}
