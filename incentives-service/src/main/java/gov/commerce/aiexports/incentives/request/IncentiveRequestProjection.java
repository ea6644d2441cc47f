package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

@ProcessingGroup("incentive-request-projection")
public class IncentiveRequestProjection {

    static final String TABLE = "incentive_request_view";
    private final Documents documents;

    public IncentiveRequestProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(IncentiveRequestEvent.Opened e, @Timestamp Instant at) {
        save(new IncentiveRequestView(e.incentiveRequestId(), e.proposalId(), e.designationNumber(), e.lineNumber(),
                e.consortiumId(), e.applicantOrganisation(), e.instrument(), e.amountUsd(), e.tenorYears(), "AWAITING_ROUTING",
                null, at));
    }

    private void save(IncentiveRequestView v) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("designation_number", v.designationNumber());
        columns.put("proposal_id", v.proposalId());
        columns.put("organisation", v.organisation());
        columns.put("status", v.status());
        columns.put("agency", v.agency());
        documents.upsert(TABLE, v.id(), columns, v);
    }
}
