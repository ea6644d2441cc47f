package gov.commerce.aiexports.proposals.consortium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.runtime.axon.UnrevisedEventUpcaster;

/**
 * MemberAdded revision 1 (no revision stored) to 2: the single {@code country} of a member was
 * both where it is incorporated and where it is controlled from; revision 2 records them apart.
 */
public class MemberAddedUpcaster extends UnrevisedEventUpcaster {

    public MemberAddedUpcaster() {
        super(ConsortiumEvent.MemberAdded.class, "2");
    }

    @Override
    protected ObjectNode upcast(ObjectNode event) {
        ObjectNode member = (ObjectNode) event.get("member");
        if (member != null && member.has("country")) {
            JsonNode country = member.remove("country");
            member.set("countryOfIncorporation", country);
            member.set("controlledFrom", country);
        }
        return event;
    }
}
