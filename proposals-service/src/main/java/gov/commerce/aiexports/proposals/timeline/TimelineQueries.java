package gov.commerce.aiexports.proposals.timeline;

import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** The reads of a proposal's timeline. */
@Singleton
public class TimelineQueries {

    /** Oldest first, then by id: a stable order for the cursor. */
    static final Keyset ORDER = Keyset.named("occurredAt").asc("occurred_at", "timestamptz").asc("id").build();

    @Inject
    Documents documents;

    /** A page of the proposal's entries: all of them for the government, those meant for the applicant otherwise. */
    public Slice<TimelineEntry> page(String proposalId, boolean government, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(proposalId));
        return documents.page("from " + TimelineRecorder.TABLE + " where proposal_id = ?" + (government ? "" : " and audience = 'APPLICANT'"),
                params, ORDER, page, TimelineEntry.class);
    }
}
