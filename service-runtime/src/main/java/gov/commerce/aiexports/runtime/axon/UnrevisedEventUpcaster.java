package gov.commerce.aiexports.runtime.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Upcasts a stored event of one type written before it had a revision (revision 1, none stored)
 * to the given revision: the subclass changes a copy of its JSON payload. Stored events are never
 * rewritten; they are read as the current contract.
 */
public abstract class UnrevisedEventUpcaster extends SingleEventUpcaster {

    private final String type;
    private final String revision;

    protected UnrevisedEventUpcaster(Class<?> type, String revision) {
        this.type = type.getName();
        this.revision = revision;
    }

    /** The payload as the new revision reads it; {@code payload} is a copy, free to change. */
    protected abstract ObjectNode upcast(ObjectNode payload);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return type.equals(representation.getType().getName()) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(type, revision), JsonNode.class,
                payload -> upcast(((ObjectNode) payload).deepCopy()));
    }
}
