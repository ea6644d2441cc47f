package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every read of calls for proposals: the list, one call as a caller may see it, the published ones, when each was stamped. */
@Singleton
public class CallQueries {

    /** Latest opening first, then by id: a stable order for the cursor. */
    static final Keyset ORDER = Keyset.named("opensAt").desc("coalesce(doc->>'opensAt', '')").desc("id").build();

    @Inject
    Documents documents;
    @Inject
    AgroalDataSource dataSource;

    /** The calls the caller may see (drafts only Commerce's and auditors'), of one status or any (null). */
    public Slice<CallView> page(Caller caller, String status, PageRequest page) {
        String drafts = seesDrafts(caller) ? "" : " and status <> 'DRAFT'";
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status);
        }
        return documents.page("from " + CallProjection.TABLE + " where " + (status == null ? "1 = 1" : "status = ?") + drafts, params,
                ORDER, page, CallView.class);
    }

    public Optional<CallView> find(String id) {
        return documents.find(CallProjection.TABLE, id, CallView.class);
    }

    /** The call, if the caller may see it (a draft is Commerce's work in progress: 404 to others, as if absent). */
    public CallView visible(Caller caller, String id) {
        return find(id).filter(c -> !CallStatus.DRAFT.name().equals(c.status()) || seesDrafts(caller))
                .orElseThrow(() -> new NotFound("call", id));
    }

    /** A draft call is Commerce's work in progress: applicants and other agencies see it once published. */
    private static boolean seesDrafts(Caller caller) {
        return caller.has(Roles.COMMERCE_OFFICER) || caller.has(Roles.AUDITOR);
    }

    /** The published calls, by id. */
    public List<CallView> published() {
        return documents.query("select doc from " + CallProjection.TABLE + " where status = 'PUBLISHED' order by id", CallView.class);
    }

    /** Each call's first and last stored event: when it was created and last modified. */
    public Map<String, Instant[]> stamps(List<String> ids) {
        Map<String, Instant[]> stamps = new HashMap<>();
        if (ids.isEmpty()) {
            return stamps;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select aggregate_identifier, "
                + "min(cast(time_stamp as timestamptz)), max(cast(time_stamp as timestamptz)) from domain_event_entry where aggregate_identifier = any(?) "
                + "group by aggregate_identifier")) {
            s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stamps.put(rs.getString(1), new Instant[] {rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the calls' events", e);
        }
        return stamps;
    }
}
