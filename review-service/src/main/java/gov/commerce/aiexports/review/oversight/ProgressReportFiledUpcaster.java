package gov.commerce.aiexports.review.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** ProgressReportFiled revision 1 (no revision stored) to 2: a report filed before documents could be attached points to none. */
public class ProgressReportFiledUpcaster extends SingleEventUpcaster {

    private static final String TYPE = OversightEvent.ProgressReportFiled.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            if (!event.has("documentIds")) {
                event.putArray("documentIds");
            }
            return event;
        });
    }
}
