package gov.commerce.aiexports.endtoend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.endtoend.ApiSurface.Operation;
import gov.commerce.aiexports.endtoend.HttpCalls.Reply;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.events.disclosure.Viewer;
import gov.commerce.aiexports.localstack.Services;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The confidentiality canary (issue 12): a proposal whose every confidential section holds its own
 * unique string goes through the whole program against the packaged stack (submission, an
 * information request and its answer, a second round, designation, incentive requests routed to
 * EXIM with its board's approval, notifications to e-mail contacts and webhooks of the owning
 * consortium, another consortium, a required agency (STATE), an agency the call does not require
 * (ENERGY), EDAG, the routed financing agency (EXIM) and one not routed to (DFC)). Then every
 * operation of {@link ApiSurface} is called by every role of several organisations, and every
 * response, every Kafka record of every topic (read from the beginning), every webhook body and
 * every e-mail is searched for each canary.
 *
 * <p>Where a canary may appear comes from {@link Disclosure} itself (the rule the services use, and
 * that {@code DisclosureTableTest} holds to the README's table), never from a copy here:
 * <ul>
 * <li>an HTTP answer: to a caller the rule shows the canary's section to, on the proposal's state
 * at the time of the call (draft, submitted, designated, routed);</li>
 * <li>an e-mail or a webhook POST: to an organisation the rule shows the section to, taking the
 * role the organisation's people hold (a consortium's UEI: applicant; COMMERCE: commerce-officer;
 * STATE, DEFENSE, ENERGY, OSTP: agency-reviewer; EDAG: edag-coordinator; EXIM, DFC, USTDA:
 * financing-officer), at the time it was sent (an e-mail's date) or received (a webhook);</li>
 * <li>Kafka (the decision the issue left to this test): every consumer reads a whole topic, operators
 * run the broker (console consumers, dead-letter topics) and may see no program content, and
 * notifications-service forwards envelopes to webhooks. So no free-text section (summary, the stack's
 * layers, the business model, a target bloc's name) may be in any record of any topic, dead-letter
 * topics included. The one exception is the requested incentive lines ({@code requestedIncentives}
 * of {@code ProposalSubmitted} and {@code ProposalResubmitted} on {@code proposals.events}): review-service
 * needs them for the determination, the event names the marked sections, and its two consumers
 * (review-service, notifications-service) apply the rule before showing them, which the HTTP and
 * webhook checks of this test verify. Likewise the loan Commerce endorses (its amount is the incentives
 * section too: the public catalogue withholds it) in {@code ProposalDesignated} on {@code review.events}
 * and the incentive-request events on {@code incentives.events}, which incentives-service needs to open
 * and work the lines. Anywhere else on Kafka an incentives canary is a leak.</li>
 * </ul>
 * A canary must also be found where the rule shows it: each caller's {@code GET /proposals/{id}}
 * (the owner's above all). The account of disclosure ({@code GET /proposals/{id}/disclosures} as the
 * owner) must list every answer that showed a confidential section to someone outside the consortium
 * (matched by the request's correlation id) and no read by the owner. And the README's table itself
 * is held, cell by cell, against what {@code GET /proposals/{id}} answered the caller of each row.
 *
 * <p>The incentive lines have no free-text field, so their canaries are amounts (unique dollars and
 * cents, searched as plain, grouped and floating-point text): the direct loan requested, and the
 * different amount Commerce endorses for it (which the lines incentives-service opens carry). Writes are sent as the
 * access matrix sends them (at resources that do not exist, with an empty body), so the sweep
 * changes nothing; the flow's own writes (with their answers) are searched as well.
 */
class ConfidentialityCanaryIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final Set<String> REQUIRED = Set.of("STATE", "DEFENSE");
    private static final String ROUTED = "EXIM";
    private static final Set<String> FORWARDING_EVENTS = Set.of("ProposalSubmitted", "ProposalResubmitted");

    /** A unique string planted in one field of one section; {@code forms} are what is searched for. */
    record Canary(String section, String field, List<String> forms, BiPredicate<String, String> onKafka) {

        /** A free-text canary: on no topic, in no event. */
        Canary(String section, String field, String value) {
            this(section, field, List.of(value), (topic, eventType) -> false);
        }

        String value() {
            return forms.get(0);
        }

        boolean in(String text) {
            return forms.stream().anyMatch(text::contains);
        }

        String name() {
            return section + (field.isEmpty() ? "" : "/" + field);
        }

        /** Whether it is in the proposal's content (what Commerce endorses is not). */
        boolean inContent() {
            return !field.startsWith("endorsed");
        }
    }

    /** A caller: a role of an organisation. */
    record Who(String role, String org, String note) {

        Viewer viewer() {
            return new Viewer(org, Set.of(role));
        }

        String label() {
            return role + " of " + org + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    /**
     * One text searched: an answer (with its caller and correlation id), a Kafka record, a webhook body
     * or an e-mail; the canaries found in it (the text itself is not kept) and which may be there.
     */
    record Place(String kind, String label, Set<Canary> found, Predicate<Canary> allowed, Who caller, String correlationId) {
    }

    private Place place(String kind, String label, String text, Predicate<Canary> allowed, Who caller, String correlationId) {
        Set<Canary> found = new LinkedHashSet<>();
        canaries.stream().filter(c -> c.in(text)).forEach(found::add);
        return new Place(kind, label, found, allowed, caller, correlationId);
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String owner = Program.newUei();
    private final String other = Program.newUei();
    private final int fiscalYear = FiscalYear.of(Instant.now());
    private final List<Canary> canaries = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, String> contactOrganisation = new HashMap<>();
    private final Map<String, String> contactIds = new HashMap<>();
    private final Map<String, String> webhookIds = new HashMap<>();
    private BigDecimal loanAmount;
    private BigDecimal endorsedLoan;
    private String callId;
    private String consortiumId;
    private String proposalId;
    private String reviewId;
    private String designationNumber;
    private String loanId;
    private String studyId;
    private Instant submittedFrom;
    private Instant designatedFrom;
    private Instant routedFrom;
    /** Which part of the test a call belongs to, for the report: the flow, the sweep of the draft, the sweep after the flow. */
    private String phase = "flow";
    /** Each caller's GET /proposals/{id} by phase ("sweep OWNER applicant"): its status, canaries and whether it holds the marker. */
    private final Map<String, ProposalRead> proposalReads = new HashMap<>();

    record ProposalRead(int status, Set<Canary> found, boolean marker) {
    }
    /** Kafka records keyed by this proposal, deliveries and notifications of it: the collection found something to search. */
    private int proposalRecords;
    private int proposalDeliveries;
    private int proposalNotifications;

    private final List<Who> callers = List.of(
            new Who(ApiSurface.APPLICANT, owner, "owning consortium"),
            new Who(ApiSurface.APPLICANT, other, "another consortium"),
            new Who(ApiSurface.COMMERCE_OFFICER, "COMMERCE", ""),
            new Who(ApiSurface.AGENCY_REVIEWER, "STATE", "required"),
            new Who(ApiSurface.AGENCY_REVIEWER, "DEFENSE", "required"),
            new Who(ApiSurface.AGENCY_REVIEWER, "ENERGY", "not required"),
            new Who(ApiSurface.EDAG_COORDINATOR, "EDAG", ""),
            new Who(ApiSurface.FINANCING_OFFICER, ROUTED, "routed"),
            new Who(ApiSurface.FINANCING_OFFICER, "DFC", "not routed"),
            new Who(ApiSurface.AUDITOR, "GAO", ""),
            new Who(ApiSurface.OPERATOR, "OPS", ""));

    /** The organisations told of the proposal by e-mail and webhook, and the role their people hold. */
    private final Map<String, String> told = new LinkedHashMap<>();

    @Test
    void every_canary_appears_only_where_the_disclosure_rule_allows() throws Exception {
        told.put(owner, ApiSurface.APPLICANT);
        told.put(other, ApiSurface.APPLICANT);
        told.put("STATE", ApiSurface.AGENCY_REVIEWER);
        told.put("ENERGY", ApiSurface.AGENCY_REVIEWER);
        told.put("EDAG", ApiSurface.EDAG_COORDINATOR);
        told.put(ROUTED, ApiSurface.FINANCING_OFFICER);
        told.put("DFC", ApiSurface.FINANCING_OFFICER);
        plantCanaries();
        List<Operation> operations = ApiSurface.operations();
        Map<String, Map<String, List<String>>> openApi = ApiSurface.documentedOperations(operations);
        try {
            callId = Program.publishedCall();
            consortiumId = Program.consortium(owner);
            subscribe();
            flow(operations, openApi);
            settleNotifications();
            phase = "sweep";
            sweep(operations, openApi, false);
            List<String> account = checkAccount();
            int responses = places.size();
            awaitPublished();
            collectKafka();
            int records = places.size() - responses;
            collectWebhooks();
            int hooks = places.size() - responses - records;
            collectMails();
            int mails = places.size() - responses - records - hooks;
            List<String> table = checkTable();
            judge(responses, records, hooks, mails, account, table);
        } finally {
            unsubscribe();
        }
    }

    // ---------------------------------------------------------------- the proposal and its canaries

    private void plantCanaries() {
        for (String section : List.of(Sections.SUMMARY, "stack.dataPipelines", "stack.models", "stack.security", "stack.applications",
                Sections.TARGETS, Sections.BUSINESS_MODEL)) {
            canaries.add(new Canary(section, section.startsWith("stack.") ? "description" : section.equals(Sections.TARGETS) ? "bloc" : "",
                    token(section)));
        }
        canaries.add(new Canary("stack.hardware", "description", token("stack.hardware.description")));
        canaries.add(new Canary("stack.hardware", "domesticManufacturing", token("stack.hardware.domesticManufacturing")));
        loanAmount = amount(25_000_000);
        canaries.add(new Canary(Sections.INCENTIVES, "0/amountUsd (requested)", amountForms(loanAmount),
                (topic, type) -> topic.equals(Topics.PROPOSALS) && FORWARDING_EVENTS.contains(type)));
        // what Commerce endorses of the loan is the incentives section too (the catalogue withholds it): the
        // designation carries it to incentives-service, which opens the line and announces its steps
        endorsedLoan = amount(20_000_000);
        canaries.add(new Canary(Sections.INCENTIVES, "endorsed DIRECT_LOAN amountUsd", amountForms(endorsedLoan),
                (topic, type) -> topic.equals(Topics.REVIEW) && type.equals("ProposalDesignated")
                        || topic.equals(Topics.INCENTIVES) && type.startsWith("Incentive")));
    }

    /** A unique amount above a base: random dollars and cents ending in 1-9, so no serializer drops a trailing zero. */
    private static BigDecimal amount(int base) {
        int cents = 10 * ThreadLocalRandom.current().nextInt(1, 10) + ThreadLocalRandom.current().nextInt(1, 10);
        return new BigDecimal(base + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "." + cents);
    }

    /** An amount as JSON writes it, as a person writes it, and as a double prints it. */
    private static List<String> amountForms(BigDecimal amount) {
        String grouped = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(amount);
        return List.of(amount.toPlainString(), grouped, Double.toString(amount.doubleValue()));
    }

    private String token(String where) {
        return "CANARY-" + run + "-" + where.replace('.', '-');
    }

    private String canary(String section, String field) {
        return canaries.stream().filter(c -> c.section().equals(section) && (field == null || c.field().equals(field))).findFirst()
                .orElseThrow().value();
    }

    private Map<String, Object> content() {
        Map<String, Object> stack = new LinkedHashMap<>();
        stack.put("hardware", ApiSurface.map("description", "GPU clusters " + canary("stack.hardware", "description"),
                "suppliers", List.of(owner), "usOriginSharePercent", 70,
                "domesticManufacturing", "US fabs " + canary("stack.hardware", "domesticManufacturing")));
        for (String layer : List.of("dataPipelines", "models", "security", "applications")) {
            stack.put(layer, ApiSurface.map("description", layer + " " + canary("stack." + layer, null), "suppliers", List.of(owner)));
        }
        return ApiSurface.map("callId", callId, "consortiumId", consortiumId, "title", "Sovereign AI cloud, canary " + run,
                "summary", "Full-stack package. " + canary(Sections.SUMMARY, null),
                "stack", stack,
                "targets", List.of(ApiSurface.map("bloc", "Mekong partners " + canary(Sections.TARGETS, null),
                        "countries", List.of("VN", "TH"))),
                "businessModel", "Build, own, operate. " + canary(Sections.BUSINESS_MODEL, null),
                "incentives", List.of(ApiSurface.map("instrument", "DIRECT_LOAN", "amountUsd", loanAmount, "tenorYears", 12),
                        ApiSurface.map("instrument", "FEASIBILITY_STUDY", "amountUsd", new BigDecimal("750000.00"))),
                "exportControlAttestation", true,
                "confidentialSections", Sections.ALL.stream()
                        .map(s -> ApiSurface.map("section", s, "justification", "Business confidential")).toList());
    }

    // ---------------------------------------------------------------- the rule

    /** The proposal as the rule knows it at an instant of the flow. */
    private ProposalFacts factsAt(Instant t) {
        boolean draft = submittedFrom == null || t.isBefore(submittedFrom);
        boolean designated = designatedFrom != null && !t.isBefore(designatedFrom);
        Set<String> routed = routedFrom != null && !t.isBefore(routedFrom) ? Set.of(ROUTED) : Set.of();
        return new ProposalFacts(owner, draft, designated, REQUIRED, routed, Set.copyOf(Sections.ALL));
    }

    private Predicate<Canary> shownTo(Viewer viewer, Instant at) {
        Disclosure.Outcome outcome = Disclosure.decide(viewer, factsAt(at));
        return c -> outcome.visible() && outcome.shown(c.section());
    }

    /** Whom an organisation's e-mails and webhooks speak to: the role its people hold. */
    private Viewer organisationViewer(String org) {
        String role = told.get(org);
        if (role == null) {
            role = switch (org) {
                case "COMMERCE" -> ApiSurface.COMMERCE_OFFICER;
                case "STATE", "DEFENSE", "ENERGY", "OSTP" -> ApiSurface.AGENCY_REVIEWER;
                case "EDAG" -> ApiSurface.EDAG_COORDINATOR;
                case "EXIM", "DFC", "USTDA" -> ApiSurface.FINANCING_OFFICER;
                default -> ApiSurface.APPLICANT;
            };
        }
        return new Viewer(org, Set.of(role));
    }

    // ---------------------------------------------------------------- the flow

    private Reply call(Who who, Services.Service service, String method, String path, Object body, String accept) throws Exception {
        String correlation = "canary-" + run + "-" + requests.incrementAndGet();
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Correlation-Id", correlation);
        if (accept != null) {
            headers.put("Accept", accept);
        }
        if (path.endsWith("/determination")) {
            headers.put("If-Match", "*"); // a determination must be conditional; the canary decides on what it just read
        }
        Instant at = Instant.now();
        String json = body == null ? null : body instanceof String s ? s : HttpCalls.JSON.writeValueAsString(body);
        Reply reply = HttpCalls.send(service, method, path, Program.token(who.org(), who.role()), json == null ? null : "application/json",
                json, headers);
        String label = "[" + phase + "] " + service.name() + " " + method + " " + path + (accept == null ? "" : " [" + accept + "]") + " as " + who.label()
                + ": " + reply.status();
        // auditors read each service's event store as stored, a draft's content included (the chain is
        // verified on the exact bytes: README, Confidentiality): allowed, and so held to the account below
        Predicate<Canary> allowed = who.role().equals(ApiSurface.AUDITOR) && path.startsWith("/audit/") ? c -> true
                : shownTo(who.viewer(), at);
        Place place = place("response", label, reply.body(), allowed, who, correlation);
        places.add(place);
        if (method.equals("GET") && accept == null && path.equals("/proposals/" + proposalId)) {
            proposalReads.put(phase + " " + who.org() + " " + who.role(), new ProposalRead(reply.status(), place.found(),
                    reply.body().contains(Disclosure.WITHHELD)));
        }
        return reply;
    }

    private JsonNode ok(Reply reply, String what) {
        assertTrue(reply.status() >= 200 && reply.status() < 300, what + ": " + reply.status() + " " + reply.shortBody());
        return reply.json();
    }

    private Who who(String org) {
        return callers.stream().filter(w -> w.org().equals(org)).findFirst().orElseThrow();
    }

    private void subscribe() throws Exception {
        List<String> types = EventCatalog.CONTRACTS.stream().map(EventCatalog::contractOf)
                .filter(c -> !"notifications-service".equals(c.producer())).map(EventContract::type).distinct().toList();
        for (Map.Entry<String, String> org : told.entrySet()) {
            String email = "canary-" + run + "@" + org.getKey().toLowerCase(Locale.ROOT) + ".example";
            contactOrganisation.put(email, org.getKey());
            JsonNode contact = ok(HttpCalls.send(Services.NOTIFICATIONS, "POST", "/contacts", Program.token(org.getKey(), org.getValue()),
                    "application/json", HttpCalls.JSON.writeValueAsString(ApiSurface.map("email", email, "name", "Canary desk")), Map.of()),
                    "contact of " + org.getKey());
            contactIds.put(org.getKey(), contact.path("id").asText());
            if (!org.getValue().equals(ApiSurface.APPLICANT)) {
                // webhooks are the agencies' (API.md): consortia are told by e-mail and in their inbox
                JsonNode hook = ok(HttpCalls.send(Services.NOTIFICATIONS, "POST", "/webhooks", Program.token(org.getKey(), org.getValue()),
                        "application/json", HttpCalls.JSON.writeValueAsString(ApiSurface.map("url",
                                Outbound.webhookUrl(org.getKey() + "-" + run), "eventTypes", types,
                                "secret", "canary-secret-" + run + "-0123456789")), Map.of()), "webhook of " + org.getKey());
                webhookIds.put(org.getKey(), hook.path("id").asText());
            }
        }
    }

    private void unsubscribe() throws Exception {
        for (Map.Entry<String, String> hook : webhookIds.entrySet()) {
            HttpCalls.send(Services.NOTIFICATIONS, "DELETE", "/webhooks/" + hook.getValue(), Program.token(hook.getKey(), told.get(hook.getKey())),
                    null, null, Map.of());
        }
        for (Map.Entry<String, String> contact : contactIds.entrySet()) {
            HttpCalls.send(Services.NOTIFICATIONS, "DELETE", "/contacts/" + contact.getValue(),
                    Program.token(contact.getKey(), told.get(contact.getKey())), null, null, Map.of());
        }
    }

    private void flow(List<Operation> operations, Map<String, Map<String, List<String>>> openApi) throws Exception {
        Who applicant = who(owner);
        Who commerce = who("COMMERCE");
        proposalId = ok(call(applicant, Services.PROPOSALS, "POST", "/proposals", content(), null), "draft").path("id").asText();
        // a draft is its consortium's only: every read of proposals-service by everyone, before submission
        phase = "draft sweep";
        sweep(operations, openApi, true);
        phase = "flow";

        submittedFrom = Instant.now();
        ok(call(applicant, Services.PROPOSALS, "POST", "/proposals/" + proposalId + "/submit", null, null), "submission");
        reviewId = await().atMost(PROPAGATION).until(() -> items(HttpCalls.send(Services.REVIEW, "GET", "/reviews?proposalId=" + proposalId,
                Program.token("COMMERCE", ApiSurface.COMMERCE_OFFICER), null, null, Map.of()).json()).path(0).path("id").asText(null),
                id -> id != null);
        // submitted, not designated: the README table's row "edag-coordinator, proposal not designated"
        call(who("EDAG"), Services.PROPOSALS, "GET", "/proposals/" + proposalId, null, null);
        // each step's e-mails and webhooks are out before the next step changes what their recipients may see,
        // so each is judged in the state it was sent in, run after run
        settleNotifications();

        // Commerce asks; the applicant answers with its content again (same canaries) and the review opens a second round
        ok(call(commerce, Services.REVIEW, "POST", "/reviews/" + reviewId + "/information-requests",
                ApiSurface.map("questions", List.of("Who operates the data centre?")), null), "information request");
        String informationRequestId = await().atMost(PROPAGATION).until(() -> ownersView().path("informationRequests").path(0)
                .path("informationRequestId").asText(null), id -> id != null);
        Map<String, Object> changes = new LinkedHashMap<>(content());
        ok(call(applicant, Services.PROPOSALS, "POST", "/proposals/" + proposalId + "/responses", ApiSurface.map(
                "informationRequestId", informationRequestId, "response", "Operated by the consortium from Da Nang",
                "changes", changes), null), "response");
        await().atMost(PROPAGATION).until(() -> {
            JsonNode review = HttpCalls.send(Services.REVIEW, "GET", "/reviews/" + reviewId,
                    Program.token("COMMERCE", ApiSurface.COMMERCE_OFFICER), null, null, Map.of()).json();
            return review.path("round").asInt() == 2 && "OPEN".equals(review.path("status").asText());
        });
        settleNotifications();
        for (String agency : REQUIRED) {
            ok(call(who(agency), Services.REVIEW, "POST", "/reviews/" + reviewId + "/assessments",
                    Program.assessment("CONCUR", List.of(), "Sound", "none"), null), agency + " concurs");
        }
        JsonNode review = ok(call(commerce, Services.REVIEW, "GET", "/reviews/" + reviewId, null, null), "review");
        List<String> flags = new ArrayList<>();
        review.path("flags").forEach(f -> flags.add(f.path("code").asText()));

        designatedFrom = Instant.now();
        designationNumber = ok(call(commerce, Services.REVIEW, "POST", "/reviews/" + reviewId + "/determination", ApiSurface.map(
                "decision", "DESIGNATE", "justification", "Complete stack", "acknowledgedFlags", flags,
                "endorsedIncentives", List.of(ApiSurface.map("instrument", "DIRECT_LOAN", "amountUsd", endorsedLoan,
                        "tenorYears", 12), ApiSurface.map("instrument", "FEASIBILITY_STUDY", "amountUsd", new BigDecimal("500000.00"))),
                "effectiveDate", LocalDate.now().plusDays(1).toString()), null), "designation")
                .path("determination").path("designationNumber").asText();
        JsonNode lines = await().atMost(PROPAGATION).until(() -> items(HttpCalls.send(Services.INCENTIVES, "GET",
                "/incentive-requests?designation=" + designationNumber, Program.token("EDAG", ApiSurface.EDAG_COORDINATOR), null, null,
                Map.of()).json()), json -> json.size() == 2);
        for (JsonNode line : lines) {
            if (line.path("instrument").asText().equals("DIRECT_LOAN")) {
                loanId = line.path("id").asText();
            } else {
                studyId = line.path("id").asText();
            }
        }
        awaitOnTimeline("IncentiveRequestOpened");
        settleNotifications();
        routedFrom = Instant.now();
        ok(call(who("EDAG"), Services.INCENTIVES, "POST", "/incentive-requests/" + loanId + "/routing",
                ApiSurface.map("agency", ROUTED, "terms", "12 years, semi-annual", "creditSubsidyRatePercent", 2.0), null), "routing");
        ok(call(who(ROUTED), Services.INCENTIVES, "POST", "/incentive-requests/" + loanId + "/board-approval",
                ApiSurface.map("reference", "EXIM board resolution " + run, "notes", "Unanimous"), null), "board approval");
        awaitOnTimeline("IncentiveRequestBoardApproved");
        // proposals-service learns of the designation and the route (facts of the rule) from Kafka: until its
        // status says DESIGNATED, and (if it shows the routed agency anything) until it shows it
        await().atMost(PROPAGATION).until(() -> "DESIGNATED".equals(ownersView().path("status").asText()));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> HttpCalls.send(Services.PROPOSALS, "GET", "/proposals/" + proposalId,
                    Program.token(ROUTED, ApiSurface.FINANCING_OFFICER), null, null, Map.of()).body()
                    .contains(canary(Sections.BUSINESS_MODEL, null)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the sweep reports it as MISSING where the rule shows the routed agency the business model
        }
    }

    /** A list's items, whether it is answered as an array or as a page ({@code items}). */
    private static JsonNode items(JsonNode list) {
        return list.isArray() ? list : list.path("items");
    }

    private JsonNode ownersView() throws Exception {
        return HttpCalls.send(Services.PROPOSALS, "GET", "/proposals/" + proposalId, Program.token(owner, ApiSurface.APPLICANT), null,
                null, Map.of()).json();
    }

    /**
     * Waits until notifications-service has consumed everything published so far (its committed
     * offsets reach the ends of the topics it reads) and every e-mail and webhook it scheduled to this
     * test's destinations is sent (or given up).
     */
    private void settleNotifications() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", RunningStack.get().kafkaBootstrap());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(Topics.PROPOSALS, Topics.REVIEW, Topics.INCENTIVES)) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(part -> latest.put(new TopicPartition(topic, part.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("notifications-service")
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
            });
        }
        Set<String> destinations = new HashSet<>(contactOrganisation.keySet());
        told.keySet().forEach(org -> destinations.add(Outbound.webhookUrl(org + "-" + run)));
        try {
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(() -> deliveries(destinations).stream()
                    .noneMatch(d -> Set.of("PENDING", "FAILED").contains(d.path("status").asText())));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<String> stuck = deliveries(destinations).stream().filter(d -> Set.of("PENDING", "FAILED").contains(d.path("status").asText()))
                    .map(d -> d.path("destination").asText() + " " + d.path("status").asText() + " " + d.path("lastError").asText())
                    .toList();
            throw new AssertionError("deliveries to this test's e-mail contacts and webhooks not sent within " + PROPAGATION + ": " + stuck,
                    e);
        }
    }

    /** The deliveries to these destinations, as operators list them. */
    private List<JsonNode> deliveries(Set<String> destinations) throws Exception {
        List<JsonNode> mine = new ArrayList<>();
        String ops = Program.token("OPS", ApiSurface.OPERATOR);
        for (int page = 0; ; page++) {
            JsonNode json = HttpCalls.send(Services.NOTIFICATIONS, "GET", "/deliveries?size=200&page=" + page, ops, null, null, Map.of())
                    .json();
            items(json).forEach(d -> {
                if (destinations.contains(d.path("destination").asText())) {
                    mine.add(d);
                }
            });
            if (items(json).size() < 200) {
                return mine;
            }
        }
    }

    /** Until an event of the proposal is on Kafka: proposals-service has put it on the proposal's timeline. */
    private void awaitOnTimeline(String eventType) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(300)).until(() -> items(HttpCalls.send(Services.PROPOSALS, "GET",
                "/proposals/" + proposalId + "/timeline", Program.token("GAO", ApiSurface.AUDITOR), null, null, Map.of()).json())
                .findValuesAsText("eventType").contains(eventType));
    }

    /**
     * Until every service's publisher has put every stored event on Kafka (its lag gauge at 0), for at most
     * 20 s: the gauge can stay above 0 on an idle publisher, and what matters was awaited event by event.
     */
    private void awaitPublished() {
        try {
            awaitLagZero();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("publisher lag not 0 after 20 s: Kafka read as it is");
        }
    }

    private void awaitLagZero() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (Services.Service s : Services.ALL) {
                String metrics = HttpCalls.send(s, "GET", "/q/metrics", null, null, null, Map.of()).body();
                for (String line : metrics.split("\n")) {
                    if (line.startsWith("aiexports_publisher_lag_events") && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) > 0) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    // ---------------------------------------------------------------- the sweep

    /**
     * Every operation by every caller: reads aimed at this proposal's resources (each documented query
     * parameter this test has a value for, one at a time; CSV and NDJSON where offered); writes as the
     * access matrix sends them. With {@code draftOnly}, only proposals-service's reads (nothing else
     * knows of a draft).
     */
    private void sweep(List<Operation> operations, Map<String, Map<String, List<String>>> openApi, boolean draftOnly) throws Exception {
        Map<Services.Service, List<String>> projections = new HashMap<>();
        for (Services.Service s : Services.ALL) {
            List<String> names = new ArrayList<>();
            items(HttpCalls.send(s, "GET", "/admin/projections", Program.token("OPS", ApiSurface.OPERATOR), null, null, Map.of()).json())
                    .forEach(n -> names.add(n.path("name").asText()));
            projections.put(s, names);
        }
        List<String> deliveryIds = new ArrayList<>();
        List<String> notificationIds = new ArrayList<>();
        if (!draftOnly) {
            Set<String> destinations = new HashSet<>(contactOrganisation.keySet());
            told.keySet().forEach(org -> destinations.add(Outbound.webhookUrl(org + "-" + run)));
            deliveries(destinations).forEach(d -> {
                deliveryIds.add(d.path("id").asText());
                proposalDeliveries += proposalId.equals(d.path("proposalId").asText()) ? 1 : 0;
                if (d.hasNonNull("notificationId")) {
                    notificationIds.add(d.path("notificationId").asText());
                }
            });
            for (Map.Entry<String, String> org : told.entrySet()) {
                items(HttpCalls.send(Services.NOTIFICATIONS, "GET", "/inbox?size=100", Program.token(org.getKey(), org.getValue()), null,
                        null, Map.of()).json()).forEach(e -> {
                            if (proposalId.equals(e.path("proposalId").asText())) {
                                proposalNotifications++;
                                notificationIds.add(e.path("id").asText());
                            }
                        });
            }
        }
        for (Operation op : operations) {
            if (draftOnly && (op.service() != Services.PROPOSALS || !op.method().equals("GET"))) {
                continue;
            }
            if (!op.method().equals("GET")) {
                String path = op.pathWith(ConfidentialityCanaryIT::absent);
                for (Who who : callers) {
                    call(who, op.service(), op.method(), path, op.takesBody() ? "{}" : null, null);
                }
                continue;
            }
            List<String> query = openApi.get(op.service().name()).getOrDefault(op.method() + " " + op.template(), List.of());
            for (String base : bases(op, projections.get(op.service()), deliveryIds, notificationIds)) {
                for (String path : variants(op, base, query)) {
                    for (String accept : accepts(op)) {
                        for (Who who : callers) {
                            call(who, op.service(), "GET", path, null, accept);
                        }
                    }
                }
            }
        }
    }

    /** The operation's path with each parameter given this test's resources (several paths where several apply). */
    private List<String> bases(Operation op, List<String> projectionNames, List<String> deliveryIds, List<String> notificationIds) {
        List<String> paths = List.of(op.template());
        for (String parameter : op.pathParameters()) {
            List<String> values = values(op, parameter, projectionNames, deliveryIds, notificationIds);
            List<String> next = new ArrayList<>();
            for (String p : paths) {
                for (String v : values) {
                    next.add(p.replace("{" + parameter + "}", v));
                }
            }
            paths = next;
        }
        return paths;
    }

    private List<String> values(Operation op, String parameter, List<String> projectionNames, List<String> deliveryIds,
            List<String> notificationIds) {
        String t = op.template();
        List<String> ids = new ArrayList<>(List.of(proposalId, callId, consortiumId));
        if (reviewId != null) {
            ids.addAll(List.of(reviewId, loanId, studyId));
        }
        switch (parameter) {
            case "proposalId":
                return List.of(proposalId);
            case "number":
                return designationNumber == null ? List.of("PAEP-2099-9999") : List.of(designationNumber);
            case "name":
                return projectionNames.isEmpty() ? List.of("none") : projectionNames;
            case "uei":
                return List.of(owner);
            default:
                break;
        }
        if (t.startsWith("/calls/")) {
            return List.of(callId);
        } else if (t.startsWith("/consortia/")) {
            return List.of(consortiumId);
        } else if (t.startsWith("/proposals/")) {
            return List.of(proposalId);
        } else if (t.startsWith("/reviews/")) {
            return reviewId == null ? List.of(UUID.randomUUID().toString()) : List.of(reviewId);
        } else if (t.startsWith("/incentive-requests/")) {
            return loanId == null ? List.of(UUID.randomUUID().toString()) : List.of(loanId, studyId);
        } else if (t.startsWith("/budgets/")) {
            return List.of("budget-FY" + fiscalYear + "-DIRECT_LOAN");
        } else if (t.startsWith("/deliveries/")) {
            return deliveryIds.isEmpty() ? List.of(UUID.randomUUID().toString()) : deliveryIds;
        } else if (t.startsWith("/audit/aggregates/")) {
            if (op.service() == Services.PROPOSALS) {
                return List.of(proposalId, callId, consortiumId);
            } else if (op.service() == Services.REVIEW) {
                return reviewId == null ? List.of(proposalId) : List.of(reviewId);
            } else if (op.service() == Services.INCENTIVES) {
                return loanId == null ? List.of(proposalId) : List.of(loanId, studyId);
            }
            List<String> n = new ArrayList<>(new LinkedHashSet<>(notificationIds));
            n.addAll(deliveryIds.stream().limit(6).toList());
            return n.isEmpty() ? List.of(proposalId) : n;
        }
        // an operation this test does not know yet: every resource of the flow
        return ids.stream().filter(i -> i != null).toList();
    }

    /** The bare path (with a page size where the operation takes one), then each known query parameter alone. */
    private List<String> variants(Operation op, String base, List<String> query) {
        List<String> out = new ArrayList<>();
        out.add(base + (query.contains("size") ? "?size=100" : query.contains("limit") ? "?limit=100" : ""));
        for (String q : query) {
            String v = switch (q) {
                case "callId" -> callId;
                case "proposalId" -> proposalId;
                case "designation" -> designationNumber;
                case "country" -> "VN";
                case "instrument" -> "DIRECT_LOAN";
                case "agency" -> op.template().startsWith("/incentive-requests") ? ROUTED : "STATE";
                case "organisation" -> owner;
                case "fiscalYear" -> String.valueOf(fiscalYear);
                case "asOf" -> Instant.now().toString();
                case "status" -> op.template().equals("/proposals") ? (designationNumber == null ? "DRAFT" : "DESIGNATED") : null;
                default -> null;
            };
            if (v != null) {
                out.add(base + "?" + q + "=" + v);
            }
        }
        return out;
    }

    private static List<String> accepts(Operation op) {
        if (op.template().equals("/proposals")) {
            return java.util.Arrays.asList(null, "text/csv");
        }
        if (op.template().equals("/audit/events")) {
            return java.util.Arrays.asList(null, "application/x-ndjson");
        }
        return java.util.Collections.singletonList(null);
    }

    /** A value for a path parameter that names nothing, as the access matrix aims its writes. */
    private static String absent(String parameter) {
        return switch (parameter) {
            case "number" -> "PAEP-2099-9999";
            case "uei" -> "ZZZZZZZZZZZZ";
            case "name" -> "no-such-projection";
            default -> UUID.randomUUID().toString();
        };
    }

    // ---------------------------------------------------------------- the account of disclosure

    /**
     * The owner's account must list every answer that showed a confidential section to someone
     * outside the consortium (by correlation id, with those sections), and no read of the owner's.
     */
    private List<String> checkAccount() throws Exception {
        Map<String, Place> disclosing = new LinkedHashMap<>();
        Map<String, Set<String>> shownSections = new HashMap<>();
        Set<String> ownerReads = new HashSet<>();
        for (Place place : places) {
            if (place.caller() == null) {
                continue;
            }
            if (place.caller().org().equals(owner)) {
                ownerReads.add(place.correlationId());
                continue;
            }
            // what the rule let this caller see; a leak is reported as such, not as a gap in the account
            Set<String> sections = place.found().stream().filter(place.allowed()).map(Canary::section)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!sections.isEmpty()) {
                disclosing.put(place.correlationId(), place);
                shownSections.put(place.correlationId(), sections);
            }
        }
        List<String> problems = new ArrayList<>();
        List<JsonNode> entries = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                entries.clear();
                Reply reply = HttpCalls.send(Services.PROPOSALS, "GET", "/proposals/" + proposalId + "/disclosures?limit=1000", // paged: the largest page
                        Program.token(owner, ApiSurface.APPLICANT), null, null, Map.of());
                items(reply.json()).forEach(entries::add);
                Set<String> listed = entries.stream().map(e -> e.path("correlationId").asText()).collect(Collectors.toSet());
                return listed.containsAll(disclosing.keySet());
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below, read by read
        }
        Map<String, List<JsonNode>> byCorrelation = entries.stream().collect(Collectors.groupingBy(e -> e.path("correlationId").asText()));
        for (Map.Entry<String, Place> d : disclosing.entrySet()) {
            List<JsonNode> listed = byCorrelation.getOrDefault(d.getKey(), List.of());
            Set<String> recorded = new HashSet<>();
            listed.forEach(e -> e.path("sections").forEach(s -> recorded.add(s.asText())));
            List<String> missing = shownSections.get(d.getKey()).stream()
                    .filter(s -> recorded.stream().noneMatch(r -> s.equals(r) || s.startsWith(r + "."))).toList();
            if (listed.isEmpty()) {
                problems.add("NOT IN THE ACCOUNT: " + d.getValue().label() + " showed " + shownSections.get(d.getKey())
                        + " (correlation " + d.getKey() + ")");
            } else if (!missing.isEmpty()) {
                problems.add("ACCOUNT INCOMPLETE: " + d.getValue().label() + " showed " + missing + " not listed (recorded " + recorded
                        + ", correlation " + d.getKey() + ")");
            }
        }
        for (JsonNode e : entries) {
            if (owner.equals(e.path("organisation").asText()) || ownerReads.contains(e.path("correlationId").asText())) {
                problems.add("OWNER'S READ IN THE ACCOUNT: " + e);
            }
        }
        System.out.printf("disclosure account: %d entries listed for the proposal; %d answers showed confidential sections to "
                + "non-owners; %d problems%n", entries.size(), disclosing.size(), problems.size());
        return problems;
    }

    // ---------------------------------------------------------------- Kafka, webhooks, e-mails

    /** Every record of every topic, from the beginning to the end it has now. */
    private void collectKafka() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", RunningStack.get().kafkaBootstrap());
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        p.put("enable.auto.commit", "false");
        p.put("max.poll.records", "2000");
        try (Admin admin = Admin.create(p); KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            Set<String> topics = admin.listTopics().names().get();
            List<TopicPartition> partitions = new ArrayList<>();
            for (var d : admin.describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(part -> partitions.add(new TopicPartition(d.name(), part.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + PROPAGATION.toMillis();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                assertTrue(System.currentTimeMillis() < deadline, "read every topic to its end within " + PROPAGATION);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    StringBuilder text = new StringBuilder(r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8));
                    for (Header h : r.headers()) {
                        text.append('\n').append(h.key()).append(": ").append(new String(h.value(), StandardCharsets.UTF_8));
                    }
                    String type;
                    try {
                        type = EventCodec.decode(r.value()).eventType();
                    } catch (RuntimeException e) {
                        type = "(not an envelope)";
                    }
                    String eventType = type;
                    proposalRecords += proposalId.equals(r.key()) ? 1 : 0;
                    Predicate<Canary> allowed = c -> c.onKafka().test(r.topic(), eventType);
                    places.add(place("kafka", "topic " + r.topic() + ", " + eventType + " (key " + r.key() + ", partition "
                            + r.partition() + ", offset " + r.offset() + ")", text.toString(), allowed, null, null));
                }
            }
        }
    }

    private void collectWebhooks() {
        for (Outbound.WebhookCall hook : Outbound.webhookCalls()) {
            String name = hook.path().substring(hook.path().lastIndexOf('/') + 1);
            String org = name.endsWith("-" + run) ? name.substring(0, name.length() - run.length() - 1) : "(another test's " + name + ")";
            Viewer viewer = organisationViewer(org);
            places.add(place("webhook", "webhook to " + org + ": " + hook.header("X-Event-Type") + " (event " + hook.header("X-Event-Id")
                    + ")", hook.body(), shownTo(viewer, hook.receivedAt()), null, null));
        }
    }

    private void collectMails() throws Exception {
        Set<String> seen = new HashSet<>();
        for (MimeMessage m : Outbound.mails()) {
            List<String> recipients = new ArrayList<>();
            Address[] all = m.getAllRecipients();
            if (all != null) {
                for (Address a : all) {
                    recipients.add(a.toString().replaceAll(".*<|>.*", "").toLowerCase(Locale.ROOT));
                }
            }
            // GreenMail keeps a copy per recipient's mailbox: one message is searched once
            if (!seen.add(m.getMessageID() + recipients)) {
                continue;
            }
            String text = m.getSubject() + "\n" + text(m);
            Instant sent = m.getSentDate() == null ? Instant.now() : m.getSentDate().toInstant();
            for (String to : recipients) {
                String org = contactOrganisation.get(to);
                Predicate<Canary> allowed = org == null ? c -> false : shownTo(organisationViewer(org), sent);
                places.add(place("e-mail", "e-mail to " + to + " (" + (org == null ? "an address of no organisation of this test" : org)
                        + ") \"" + m.getSubject() + "\"", text, allowed, null, null));
            }
        }
    }

    /** The decoded text of a message's parts (quoted-printable and base64 undone). */
    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                b.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return b.toString();
        }
        return content == null ? "" : content.toString();
    }

    // ---------------------------------------------------------------- the verdict

    /**
     * The README's table (the one {@code DisclosureTableTest} holds the code to), row by row against
     * what the running services answered to {@code GET /proposals/{id}}: each row is a caller of this
     * test, each cell shown (every canary of that column), withheld (none, and the marker) or absent (4xx).
     */
    private List<String> checkTable() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getProperty("aiexports.root", ".."))
                .resolve("README.md"));
        int begin = lines.indexOf("<!-- disclosure-table:begin -->");
        int end = lines.indexOf("<!-- disclosure-table:end -->");
        List<String> problems = new ArrayList<>();
        if (begin < 0 || end < begin) {
            problems.add("TABLE: README.md has no disclosure table between its markers");
            return problems;
        }
        Map<String, String> rows = new HashMap<>();
        rows.put("applicant of the owning consortium", "sweep " + owner + " " + ApiSurface.APPLICANT);
        rows.put("applicant of another consortium", "sweep " + other + " " + ApiSurface.APPLICANT);
        rows.put("commerce-officer", "sweep COMMERCE " + ApiSurface.COMMERCE_OFFICER);
        rows.put("agency-reviewer of an agency the call requires", "sweep STATE " + ApiSurface.AGENCY_REVIEWER);
        rows.put("agency-reviewer of another agency", "sweep ENERGY " + ApiSurface.AGENCY_REVIEWER);
        rows.put("edag-coordinator, designated proposal", "sweep EDAG " + ApiSurface.EDAG_COORDINATOR);
        rows.put("edag-coordinator, proposal not designated", "flow EDAG " + ApiSurface.EDAG_COORDINATOR);
        rows.put("financing-officer of an agency a line is routed to, designated proposal", "sweep " + ROUTED + " "
                + ApiSurface.FINANCING_OFFICER);
        rows.put("financing-officer of another agency", "sweep DFC " + ApiSurface.FINANCING_OFFICER);
        rows.put("auditor", "sweep GAO " + ApiSurface.AUDITOR);
        rows.put("operator", "sweep OPS " + ApiSurface.OPERATOR);
        List<String> header = cells(lines.get(begin + 1));
        int checked = 0;
        for (String line : lines.subList(begin + 3, end)) {
            List<String> row = cells(line);
            ProposalRead read = rows.containsKey(row.get(0)) ? proposalReads.get(rows.get(row.get(0))) : null;
            if (read == null) {
                problems.add("TABLE: no read of this test answers the README's row \"" + row.get(0) + "\"");
                continue;
            }
            boolean withheldSomewhere = false;
            for (int c = 1; c < header.size(); c++) {
                String column = header.get(c);
                List<Canary> of = canaries.stream().filter(Canary::inContent)
                        .filter(k -> k.section().equals(column) || k.section().startsWith(column + ".")).toList();
                long found = of.stream().filter(read.found()::contains).count();
                String observed = read.status() >= 400 ? "absent" : found == of.size() ? "shown" : found == 0 ? "withheld" : "partly shown";
                withheldSomewhere |= observed.equals("withheld");
                checked++;
                // a 404 shows less than the marker: another consortium's applicant meets its organisation scope first
                boolean stricter = observed.equals("absent") && row.get(c).equals("withheld");
                if (!observed.equals(row.get(c)) && !stricter) {
                    problems.add("TABLE: " + row.get(0) + " x " + column + ": README says " + row.get(c) + ", GET /proposals/{id} answered "
                            + observed + " (status " + read.status() + ")");
                }
            }
            if (withheldSomewhere && !read.marker()) {
                problems.add("TABLE: " + row.get(0) + ": sections withheld without the marker " + Disclosure.WITHHELD);
            }
        }
        System.out.printf("README disclosure table: %d cells checked against the answers; %d problems%n", checked, problems.size());
        return problems;
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        return List.of(trimmed.substring(1, trimmed.length() - 1).split("\\|")).stream().map(String::trim).toList();
    }

    private void judge(int responses, int records, int hooks, int mails, List<String> account, List<String> table) {
        Map<String, Integer> allowedFound = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> foundByKind = new LinkedHashMap<>();
        canaries.forEach(c -> {
            allowedFound.put(c.name(), 0);
            foundByKind.put(c.name(), new TreeMap<>());
        });
        List<String> leaks = new ArrayList<>();
        for (Place place : places) {
            List<String> leaked = new ArrayList<>();
            for (Canary c : canaries) {
                if (place.found().contains(c)) {
                    foundByKind.get(c.name()).merge(place.kind(), 1, Integer::sum);
                    if (place.allowed().test(c)) {
                        allowedFound.merge(c.name(), 1, Integer::sum);
                    } else {
                        leaked.add(c.name());
                    }
                }
            }
            if (!leaked.isEmpty()) {
                leaks.add("LEAK " + leaked + " in " + place.kind() + ": " + place.label());
            }
        }
        // where the rule shows a section, each caller's read of the proposal shows its canary
        List<String> missing = new ArrayList<>();
        for (Place place : places) {
            if (place.caller() == null || !place.label().contains("] proposals-service GET /proposals/" + proposalId + " as")) {
                continue;
            }
            List<String> absent = canaries.stream().filter(c -> c.inContent() && place.allowed().test(c) && !place.found().contains(c)).map(Canary::name).toList();
            if (!absent.isEmpty()) {
                missing.add("MISSING " + absent + " from " + place.label() + " although the rule shows them");
            }
        }
        boolean ownerSawAll = places.stream().anyMatch(pl -> pl.caller() != null && pl.caller().org().equals(owner)
                && pl.label().contains("] proposals-service GET /proposals/" + proposalId + " as")
                && pl.found().containsAll(canaries.stream().filter(Canary::inContent).toList()));
        if (!ownerSawAll) {
            missing.add("MISSING: the owner's GET /proposals/" + proposalId + " does not show every canary");
        }
        allowedFound.forEach((name, count) -> {
            if (count == 0) {
                missing.add("MISSING: " + name + " was found nowhere the rule shows it");
            }
        });

        System.out.printf("confidentiality canary %s: searched %d HTTP answers, %d Kafka records, %d webhook bodies, %d e-mails "
                + "(%d callers, %d canaries)%n", run, responses, records, hooks, mails, callers.size(), canaries.size());
        for (Canary c : canaries) {
            System.out.printf("  %-40s %-45s found in %s; %d where the rule allows%n", c.name(), c.value(), foundByKind.get(c.name()),
                    allowedFound.get(c.name()));
        }
        // a search of nothing proves nothing: each channel must have carried something of this proposal
        List<String> uncollected = new ArrayList<>();
        if (places.stream().noneMatch(pl -> pl.kind().equals("e-mail") && pl.label().contains("(" + owner + ")"))) {
            uncollected.add("NOT COLLECTED: no e-mail reached the owning consortium's contact");
        }
        if (places.stream().noneMatch(pl -> pl.kind().equals("webhook") && pl.label().startsWith("webhook to STATE:"))) {
            uncollected.add("NOT COLLECTED: no webhook POST reached STATE's receiver");
        }
        if (proposalRecords == 0) {
            uncollected.add("NOT COLLECTED: no Kafka record keyed by the proposal");
        }
        if (proposalDeliveries == 0 || proposalNotifications == 0) {
            uncollected.add("NOT COLLECTED: " + proposalDeliveries + " deliveries and " + proposalNotifications
                    + " inbox entries of the proposal swept");
        }
        System.out.printf("  the proposal's own: %d Kafka records, %d deliveries, %d inbox entries%n", proposalRecords, proposalDeliveries,
                proposalNotifications);
        List<String> problems = new ArrayList<>(leaks);
        problems.addAll(missing);
        problems.addAll(account);
        problems.addAll(table);
        problems.addAll(uncollected);
        System.out.printf("  %d leaks, %d missing, %d account problems, %d table cells unlike the README, %d channels not collected%n",
                leaks.size(), missing.size(), account.size(), table.size(), uncollected.size());
        problems.forEach(line -> System.out.println("  " + line));
        assertTrue(problems.isEmpty(), problems.size() + " confidentiality problems (" + leaks.size() + " leaks, " + missing.size()
                + " missing, " + account.size() + " account, " + table.size() + " table, " + uncollected.size() + " not collected):\n"
                + String.join("\n", problems));
    }
}
