package gov.commerce.aiexports.proposals.consortium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * MemberAdded revision 1 (no revision stored) to 2: the single {@code country} of a member was
 * both where it is incorporated and where it is controlled from; revision 2 records them apart.
 */
public class MemberAddedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ConsortiumEvent.MemberAdded.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            ObjectNode member = (ObjectNode) event.get("member");
            if (member != null && member.has("country")) {
                JsonNode country = member.remove("country");
                member.set("countryOfIncorporation", country);
                member.set("controlledFrom", country);
            }
            return event;
        });
    }
}
