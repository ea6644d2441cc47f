package gov.commerce.aiexports.runtime.request;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.PreconditionFailed;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Optimistic concurrency for every resource that is an aggregate, in one place. Its version is
 * the sequence number of the aggregate's last event in the store (0 after the first): the
 * {@code ETag} of a GET ({@link #tag}) and what a change sends back as {@code If-Match}
 * ({@link #check}):
 * <ul>
 * <li>another version: 412 {@code STALE_VERSION} (the caller read an older state: read it again);</li>
 * <li>none, where a lost update would matter (edits, determinations, budget adjustments): 428
 * {@code IF_MATCH_REQUIRED}; elsewhere the change is unconditional;</li>
 * <li>not a version: 400 {@code IF_MATCH_INVALID};</li>
 * <li>{@code *}: any version (RFC 9110), a deliberate overwrite: conditional, so no 428, and held to nothing.</li>
 * </ul>
 * The check passes the version on with the request's commands to that aggregate, and Axon
 * refuses their events if another change came in between (also 412): the check and the write
 * cannot be raced. A resource calls {@link #check} after its own access checks, so a 412 or 428
 * never tells a caller that a resource it may not see exists.
 */
@RequestScoped
public class Preconditions {

    public static final String IF_MATCH = "If-Match";
    public static final String STALE_VERSION = "STALE_VERSION";
    public static final String IF_MATCH_REQUIRED = "IF_MATCH_REQUIRED";
    public static final String IF_MATCH_INVALID = "IF_MATCH_INVALID";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RequestContext request;

    private Long tagged;

    /** The aggregate's current version, or empty if it has no event (or is not an aggregate). */
    public OptionalLong version(String aggregateId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the version of " + aggregateId, e);
        }
    }

    /** This response's ETag is the aggregate's current version ({@link VersionETag} writes it). */
    public void tag(String aggregateId) {
        version(aggregateId).ifPresent(v -> tagged = v);
    }

    /** This response's ETag is that version (a change answers with the version it made). */
    public void tag(long version) {
        tagged = version;
    }

    Long tagged() {
        return tagged;
    }

    /** Checks {@code If-Match} against the aggregate's current version; see the class. */
    public void check(String ifMatch, String aggregateId, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new PreconditionFailed(428, IF_MATCH_REQUIRED, "This change must be conditional: send the ETag of the "
                        + "resource, as read by GET, in If-Match (a change made meanwhile is then refused, not overwritten).");
            }
            return;
        }
        if (ifMatch.trim().equals("*")) {
            // any current version (RFC 9110): the caller overwrites deliberately; only existence is required, which the resource checked
            return;
        }
        OptionalLong current = version(aggregateId);
        Set<Long> given = parse(ifMatch);
        if (current.isEmpty() || !given.contains(current.getAsLong())) {
            throw new PreconditionFailed(412, STALE_VERSION, "The resource has changed since the version given in If-Match ("
                    + ifMatch.trim() + "); read it again (its ETag is its version now) and decide again.");
        }
        request.expect(aggregateId, current.getAsLong());
    }

    /** Entity tags as versions: "3", a list of them, also weak (W/"3") or bare (3) as clients send them. */
    static Set<Long> parse(String ifMatch) {
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            try {
                versions.add(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw new InvalidInput(IF_MATCH_INVALID, "/If-Match",
                        "If-Match carries the ETag read from GET: the resource's version in quotes, such as \"3\"");
            }
        }
        return versions;
    }
}
