package gov.commerce.aiexports.proposals.proposal;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.Instant;
import java.util.List;

/** A proposal as its readers see it. version is the aggregate's version, for If-Match. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposalView(String id, String callId, String consortiumId, String organisation, String status, long version,
        ProposalContent content, String trackingNumber, List<ScreeningFlag> flags, String countryListVersion,
        Instant submittedAt, String designationNumber, Instant updatedAt) {

    ProposalView with(String newStatus, long newVersion, Instant at) {
        return new ProposalView(id, callId, consortiumId, organisation, newStatus, newVersion, content, trackingNumber, flags,
                countryListVersion, submittedAt, designationNumber, at);
    }
}
