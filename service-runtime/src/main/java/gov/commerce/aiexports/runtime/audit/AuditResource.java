package gov.commerce.aiexports.runtime.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What auditors read in every service: histories, states as of an instant, the ordered stream, and the chain's check. */
@Path("/audit")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    private static final java.util.regex.Pattern EVENT_TYPE = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_.$]{0,199}");

    public static final String NDJSON = "application/x-ndjson";
    private static final int EXPORT_PAGE = 1000;
    private static final java.util.Base64.Encoder BASE64 = java.util.Base64.getEncoder();

    /**
     * A page of the stream. {@code cursor} is where to read on from ({@code ?cursor=}): it also
     * holds the positions passed over whose transactions had not committed yet, so an event that
     * commits late is read on a later page, once ({@link StreamCursor}). {@code next}, the last
     * position read, is kept for readers of {@code ?after=}, which may miss such an event.
     */
    public record Page(List<StoredEvent> items, long next, int limit, long head, String cursor) {
    }

    @Inject
    gov.commerce.aiexports.runtime.paging.PageLinks links;
    @Inject
    EventLog log;
    @Inject
    AggregateStates states;
    @Inject
    HashChain chain;
    @Inject
    AuditCheckpoints checkpoints;
    @Inject
    AuditSigningKey signingKey;
    @Inject
    jakarta.enterprise.inject.Instance<AuditReads> reads;
    @Inject
    gov.commerce.aiexports.runtime.request.RequestContext request;
    @Inject
    DossierParts dossierParts;
    @Inject
    gov.commerce.aiexports.runtime.axon.AxonRuntime axon;

    private final ObjectMapper json = EventCodec.mapper();

    /** By sequence number, paged by cursor like every list (Link: rel="next"). */
    @GET
    @Path("aggregates/{id}/events")
    public List<StoredEvent> history(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        gov.commerce.aiexports.runtime.paging.PageRequest page = gov.commerce.aiexports.runtime.paging.PageRequest.of(cursor, limit);
        long after = -1;
        if (page.cursor() != null) {
            String last = gov.commerce.aiexports.runtime.paging.Cursor.decode(page.cursor(), "sequence", 1).get(0);
            try {
                after = Long.parseLong(last);
            } catch (NumberFormatException e) {
                gov.commerce.aiexports.runtime.paging.Cursor.decode("", "sequence", 1); // refused as every unreadable cursor is
            }
        }
        // one row beyond the page says whether there is a next one
        List<StoredEvent> read = log.ofAggregate(id, after, page.limit() + 1);
        if (read.isEmpty() && page.first()) {
            throw new NotFound("aggregate", id);
        }
        List<StoredEvent> events = read.size() > page.limit() ? List.copyOf(read.subList(0, page.limit())) : read;
        if (read.size() > page.limit()) {
            links.next(gov.commerce.aiexports.runtime.paging.Cursor.encode("sequence",
                    List.of(String.valueOf(events.get(events.size() - 1).sequenceNumber()))));
        }
        AuditReads.Reader reader = reader();
        reads.forEach(r -> r.events(reader, "GET /audit/aggregates/{id}/events", events));
        return events;
    }

    private AuditReads.Reader reader() {
        return new AuditReads.Reader(request.caller(), request.correlationId());
    }

    @GET
    @Path("aggregates/{id}/state")
    public AggregateStates.State state(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        AggregateStates.State state = states.asOf(id, asOf == null ? Instant.now() : instant(asOf, "/asOf"));
        AuditReads.Reader reader = reader();
        reads.forEach(r -> r.state(reader, "GET /audit/aggregates/{id}/state", state));
        return state;
    }

    /**
     * The ordered stream, paged by global position from a cursor that never skips (or from a bare
     * position, {@code after}); with Accept: application/x-ndjson, all of it up to now, streamed.
     */
    @GET
    @Path("events")
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    public Response events(@QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("after") Long after, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Context HttpHeaders headers) {
        QueryParameters.matching(type, "type", EVENT_TYPE, "an event type's name, such as ProposalSubmitted");
        if (after != null && after < 0) {
            throw new InvalidInput("VALUE_NOT_ALLOWED", "/after", "after is a global position, from 0");
        }
        if (after != null && cursor != null) {
            throw new InvalidInput("VALUE_NOT_ALLOWED", "/cursor", "give the cursor of the previous page or a position (after), not both");
        }
        StreamCursor position = cursor == null ? StreamCursor.at(after == null ? 0 : after) : StreamCursor.decode(cursor);
        EventLog.Filter filter = new EventLog.Filter(type, from == null ? null : instant(from, "/from"),
                to == null ? null : instant(to, "/to"), position.after());
        boolean ndjson = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.getType().equals("application") && m.getSubtype().equals("x-ndjson"));
        if (ndjson) {
            return Response.ok(export(filter, reader()), NDJSON).build();
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw new InvalidInput("LIMIT_INVALID", "/limit", "limit is from 1 to 1000");
        }
        long head = log.head();
        EventLog.CursorPage page = log.page(filter, position, size, axon.gapSettings(), Instant.now());
        List<StoredEvent> items = page.items();
        AuditReads.Reader reader = reader();
        reads.forEach(r -> r.events(reader, "GET /audit/events", items));
        if (items.size() == size && page.next().after() < head) {
            links.next("cursor", page.next().encode()); // Link: rel="next", as every list
        }
        return Response.ok(new Page(items, page.next().after(), size, head, page.next().encode()), MediaType.APPLICATION_JSON).build();
    }

    /**
     * This service's part of a decision dossier (see {@link DossierParts}): the events of the
     * aggregates named and of those mentioning a value, with their chain links, the covering signed
     * checkpoints and the witnesses between them; NDJSON. Read by proposals-service, which assembles
     * the dossier with the auditor's own token; every event read is accounted like the stream's.
     */
    @GET
    @Path("dossier-part")
    @Produces(NDJSON)
    public Response dossierPart(@QueryParam("aggregate") List<String> aggregates, @QueryParam("mention") List<String> mentions,
            @QueryParam("whole") List<String> whole) {
        java.util.Set<String> a = dossierValues(aggregates, "aggregate");
        java.util.Set<String> m = dossierValues(mentions, "mention");
        java.util.Set<String> w = dossierValues(whole, "whole");
        if (a.isEmpty() && m.isEmpty()) {
            throw new InvalidInput("FIELD_REQUIRED", "/aggregate", "name at least one aggregate or one value to mention");
        }
        if (a.size() + m.size() + w.size() > 100) {
            throw new InvalidInput("LIMIT_INVALID", "/mention", "at most 100 values in all");
        }
        DossierParts.Part part = dossierParts.part(new DossierParts.Selection(a, m, w));
        AuditReads.Reader reader = reader();
        List<StoredEvent> read = part.rows().stream().map(r -> r.exported().event()).toList();
        if (!read.isEmpty()) {
            reads.forEach(r -> r.events(reader, "GET /audit/dossier-part", read));
        }
        List<com.fasterxml.jackson.databind.node.ObjectNode> lines = dossierParts.lines(part);
        StreamingOutput body = output -> {
            OutputStream out = new BufferedOutputStream(output, 64 * 1024);
            for (var line : lines) {
                json.writeValue(new NonClosing(out), line);
                out.write('\n');
            }
            out.flush();
        };
        return Response.ok(body, NDJSON).build();
    }

    /** A UUID, or another id, a designation number or an aggregate type, with letters in it (no id here is a bare number). */
    private static final java.util.regex.Pattern DOSSIER_VALUE = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?=[^A-Za-z]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

    private static java.util.Set<String> dossierValues(List<String> values, String name) {
        java.util.Set<String> set = new java.util.LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                QueryParameters.matching(v, name, DOSSIER_VALUE, "an identifier, a designation number or an aggregate type");
                set.add(v);
            }
        }
        return set;
    }

    @GET
    @Path("verify")
    public HashChain.Verification verify() {
        return chain.verify();
    }

    public record Checkpoints(List<AuditVerifier.Checkpoint> items, long next, int limit) {
    }

    /**
     * The key that checks this service's checkpoints. Not secret, but served to those who verify
     * (auditors) and those who run the service (operators), like the rest of /audit.
     */
    @GET
    @Path("chain/public-key")
    @RolesAllowed({Roles.AUDITOR, Roles.OPERATOR})
    public AuditSigningKey.Published publicKey() {
        return signingKey.published();
    }

    /** The signed checkpoints kept by this service, by chain position: the offline verifier's second input. */
    @GET
    @Path("chain/checkpoints")
    @RolesAllowed({Roles.AUDITOR, Roles.OPERATOR})
    public Checkpoints checkpoints(@QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        if (after != null && after < 0) {
            throw new InvalidInput("VALUE_NOT_ALLOWED", "/after", "after is a chain position, from 0");
        }
        int size = limit == null ? 1000 : limit;
        if (size < 1 || size > 10000) {
            throw new InvalidInput("LIMIT_INVALID", "/limit", "limit is from 1 to 10000");
        }
        long from = after == null ? 0 : after;
        List<AuditVerifier.Checkpoint> items = checkpoints.page(from, size);
        long next = items.isEmpty() ? from : items.get(items.size() - 1).position();
        if (items.size() == size) {
            links.next("after", String.valueOf(next)); // a full page: there may be more (Link: rel="next", as every list)
        }
        return new Checkpoints(items, next, size);
    }

    /**
     * Writes page after page as it reads them. Each line is the event as the paged API shows it,
     * plus what the offline verifier needs to recompute its link: chainPosition and link (absent
     * until chained) and the stored payload and metadata bytes exactly, base64 (rawPayload, rawMetadata).
     * Memory stays bounded whatever the stream's length.
     */
    private StreamingOutput export(EventLog.Filter filter, AuditReads.Reader reader) {
        return (OutputStream output) -> {
            OutputStream out = new BufferedOutputStream(output, 64 * 1024);
            long after = filter.after();
            while (true) {
                List<EventLog.Exported> page = log.exportPage(
                        new EventLog.Filter(filter.eventType(), filter.from(), filter.to(), after), EXPORT_PAGE);
                if (!page.isEmpty() && reads.iterator().hasNext()) {
                    List<StoredEvent> read = page.stream().map(EventLog.Exported::event).toList();
                    reads.forEach(r -> r.events(reader, "GET /audit/events (application/x-ndjson)", read));
                }
                for (EventLog.Exported e : page) {
                    com.fasterxml.jackson.databind.node.ObjectNode line = json.valueToTree(e.event());
                    if (e.chainPosition() != null) {
                        line.put("chainPosition", e.chainPosition());
                        line.put("link", HashChain.hex(e.link()));
                    }
                    line.put("rawPayload", BASE64.encodeToString(e.payload()));
                    if (e.metadata() != null) {
                        line.put("rawMetadata", BASE64.encodeToString(e.metadata()));
                    }
                    json.writeValue(new NonClosing(out), line);
                    out.write('\n');
                }
                out.flush();
                if (page.size() < EXPORT_PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).event().globalIndex();
            }
            out.flush();
        };
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("INSTANT_INVALID", field, "an ISO-8601 UTC instant such as 2026-11-26T12:00:00Z");
        }
    }

    /** Jackson closes the stream it writes to; the export must stay open between events. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
