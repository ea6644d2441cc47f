package gov.commerce.aiexports.proposals.proposal;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposal as its readers see it; version is the aggregate's version, for If-Match. A mutable
 * document the projection edits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProposalView {

    public String id;
    public String callId;
    public String consortiumId;
    public String organisation;
    public String status;
    public long version;
    public ProposalContent content;
    public String trackingNumber;
    public List<ScreeningFlag> flags;
    public String countryListVersion;
    /** The agencies the call required when the proposal was submitted: their reviewers see its confidential sections. */
    public List<String> requiredAgencies;
    public Instant submittedAt;
    public String reviewId;
    public List<InformationRequest> informationRequests = new ArrayList<>();
    public String designationNumber;
    public String rejectionJustification;
    public String withdrawalReason;
    /**
     * The designation the withdrawal gave up: the proposal's own (withdrawn while DESIGNATED), or one
     * recorded after the withdrawal (designatedAfterWithdrawal); review-service revokes it.
     */
    public String relinquishedDesignation;
    public Boolean designatedAfterWithdrawal;
    public Instant updatedAt;
    /** Each time a newly loaded country list screened its targets differently (list versions, findings). */
    public List<Rescreening> rescreenings;

    /** What a new version of the country-group list changed in the screening of its targets. */
    public record Rescreening(String listVersion, String previousListVersion, List<ScreeningFlag> findings, Instant rescreenedAt) {
    }

    /** An information request of the review, and the applicant's answer once given. */
    public record InformationRequest(String informationRequestId, List<String> questions, String requestedBy,
            Instant requestedAt, String response, Instant answeredAt) {
    }
}
