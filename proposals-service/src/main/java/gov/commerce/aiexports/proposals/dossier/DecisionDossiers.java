package gov.commerce.aiexports.proposals.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.runtime.audit.AuditReads;
import gov.commerce.aiexports.runtime.audit.DossierParts;
import gov.commerce.aiexports.runtime.audit.StoredEvent;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Assembles a decision dossier: every event of every service that led to a designation (or an
 * incentive request) and followed from it, one NDJSON file that the offline verifier checks
 * (./verify-audit dossier). This service knows the case (its proposal, call and consortium); each
 * service answers its own part with its own chain and signed checkpoints, read with the auditor's
 * own token, so each service accounts for what the auditor read.
 */
@Singleton
public class DecisionDossiers {

    public static final String FORMAT = "aiexports-decision-dossier/v1";

    @Inject
    gov.commerce.aiexports.proposals.proposal.ProposalQueries proposals;
    @Inject
    DossierParts parts;
    @Inject
    Instance<AuditReads> reads;
    @Inject
    RequestContext request;
    @Inject
    DossierPeers peers;
    @Inject
    Clock clock;

    private final ObjectMapper json = EventCodec.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The dossier of a designation: its proposal, review, oversight, incentive requests, budget entries and notifications. */
    public List<String> ofDesignation(String number, String bearer) {
        ProposalView proposal = designated(number).orElseThrow(() -> new NotFound("designation", number));
        return assemble("designation", number, null, proposal, bearer);
    }

    /** The dossier of one incentive request: what led to it (its designation's story) and what followed from it. */
    public List<String> ofIncentiveRequest(String requestId, String bearer) {
        List<ObjectNode> incentives = peer("incentives-service", peers.incentivesUrl(),
                query(Set.of(requestId), Set.of(requestId), Set.of("IncentiveRequest")), bearer);
        String number = incentives.stream().filter(l -> "event".equals(l.path("record").asText()))
                .map(l -> l.path("payload").path("designationNumber").asText(null)).filter(n -> n != null && !n.isBlank())
                .findFirst().orElseThrow(() -> new NotFound("incentive request", requestId));
        ProposalView proposal = designated(number).orElseThrow(() -> new NotFound("incentive request", requestId));
        return assemble("incentive-request", number, requestId, proposal, bearer);
    }

    private java.util.Optional<ProposalView> designated(String number) {
        return proposals.designated(number);
    }

    private List<String> assemble(String kind, String number, String requestId, ProposalView proposal, String bearer) {
        String p = proposal.id;
        // this service: the proposal whole, its call and consortium, and what mentions the proposal or the designation
        DossierParts.Part local = parts.part(new DossierParts.Selection(ordered(p, proposal.callId, proposal.consortiumId),
                ordered(p, number), Set.of("Proposal")));
        AuditReads.Reader reader = new AuditReads.Reader(request.caller(), request.correlationId());
        List<StoredEvent> read = local.rows().stream().map(r -> r.exported().event()).toList();
        if (!read.isEmpty()) {
            reads.forEach(r -> r.events(reader, "GET /dossiers (proposals-service part)", read));
        }
        List<List<ObjectNode>> all = new ArrayList<>();
        all.add(parts.lines(local));
        all.add(peer("review-service", peers.reviewUrl(), query(Set.of(), ordered(p, number), Set.of("Review", "Oversight")), bearer));
        List<ObjectNode> incentives = peer("incentives-service", peers.incentivesUrl(), requestId == null
                ? query(Set.of(), ordered(number), Set.of("IncentiveRequest"))
                : query(Set.of(requestId), Set.of(requestId), Set.of("IncentiveRequest")), bearer);
        all.add(incentives);
        Set<String> requests = new LinkedHashSet<>();
        incentives.get(0).path("wholeAggregates").forEach(a -> requests.add(a.asText()));
        Set<String> told = ordered(p, number);
        told.addAll(requests);
        all.add(peer("notifications-service", peers.notificationsUrl(), query(Set.of(), told, Set.of("Notification")), bearer));

        ObjectNode manifest = json.createObjectNode();
        manifest.put("record", "manifest");
        manifest.put("format", FORMAT);
        ObjectNode subject = manifest.putObject("subject");
        subject.put("kind", kind);
        subject.put("designationNumber", number);
        if (requestId != null) {
            subject.put("incentiveRequestId", requestId);
        }
        subject.put("proposalId", p);
        subject.put("callId", proposal.callId);
        subject.put("consortiumId", proposal.consortiumId);
        ArrayNode requestIds = subject.putArray("incentiveRequests");
        requests.forEach(requestIds::add);
        manifest.put("generatedAt", clock.instant().toString());
        ObjectNode by = manifest.putObject("generatedBy");
        by.put("subject", reader.caller().subject());
        by.put("organisation", reader.caller().organisation());
        manifest.put("correlationId", reader.correlationId());
        manifest.put("verify", "./verify-audit dossier THIS_FILE [--key SERVICE=PUBLIC_KEY ...]");
        ArrayNode services = manifest.putArray("services");
        for (List<ObjectNode> part : all) {
            ObjectNode header = part.get(0);
            ObjectNode s = services.addObject();
            s.put("service", header.path("service").asText());
            s.set("publicKey", header.get("publicKey"));
            s.set("events", header.get("events"));
            s.set("witnesses", header.get("witnesses"));
            s.set("checkpoints", header.get("checkpoints"));
            ArrayNode ids = s.putArray("eventIds");
            part.stream().filter(l -> "event".equals(l.path("record").asText())).forEach(l -> ids.add(l.path("eventId").asText()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(write(manifest));
        for (List<ObjectNode> part : all) {
            part.stream().skip(1).map(this::write).forEach(lines::add);
        }
        return lines;
    }

    private static Set<String> ordered(String... values) {
        Set<String> set = new LinkedHashSet<>();
        Stream.of(values).filter(v -> v != null && !v.isBlank()).forEach(set::add);
        return set;
    }

    private static String query(Set<String> aggregates, Set<String> mentions, Set<String> whole) {
        List<String> q = new ArrayList<>();
        aggregates.forEach(a -> q.add("aggregate=" + URLEncoder.encode(a, StandardCharsets.UTF_8)));
        mentions.forEach(m -> q.add("mention=" + URLEncoder.encode(m, StandardCharsets.UTF_8)));
        whole.forEach(w -> q.add("whole=" + URLEncoder.encode(w, StandardCharsets.UTF_8)));
        return String.join("&", q);
    }

    /** A service's part, read with the caller's own token: that service checks the role and accounts for the read. */
    private List<ObjectNode> peer(String service, String baseUrl, String query, String bearer) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/audit/dossier-part?" + query))
                .timeout(Duration.ofSeconds(60)).header("Authorization", bearer).header("Accept", "application/x-ndjson")
                .header(RequestContext.CORRELATION_HEADER, request.correlationId()).GET().build();
        HttpResponse<String> answer;
        try {
            answer = http.send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unavailable(service + " did not answer its part of the dossier: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while reading " + service + "'s part of the dossier");
        }
        if (answer.statusCode() != 200) {
            throw unavailable(service + " answered " + answer.statusCode() + " for its part of the dossier");
        }
        List<ObjectNode> lines = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add((ObjectNode) json.readTree(line));
                } catch (IOException e) {
                    throw unavailable(service + " answered a part of the dossier that is not NDJSON");
                }
            }
        }
        if (lines.isEmpty() || !"part".equals(lines.get(0).path("record").asText())
                || !service.equals(lines.get(0).path("service").asText())) {
            throw unavailable(service + " answered a part of the dossier without its header");
        }
        return lines;
    }

    private static WebApplicationException unavailable(String why) {
        return new WebApplicationException(why, 502);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
