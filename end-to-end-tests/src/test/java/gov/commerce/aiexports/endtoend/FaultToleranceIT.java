package gov.commerce.aiexports.endtoend;

import static gov.commerce.aiexports.endtoend.Program.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.localstack.Stack;
import io.restassured.response.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** Faults under load: a service killed, the database restarted. Nothing accepted is lost or doubled. */
class FaultToleranceIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(120);

    /**
     * Retries a call while the service is down: refused connections, and requests cut by the kill
     * (their outcome unknown, so the steps below are written to be safe to repeat).
     */
    static <T> T retrying(Callable<T> call) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                return call.call();
            } catch (Exception e) {
                boolean refused = false;
                for (Throwable t = e; t != null; t = t.getCause()) {
                    refused |= t instanceof ConnectException || t instanceof java.net.SocketException
                            || t instanceof org.apache.http.NoHttpResponseException;
                }
                if (!refused || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    /** Submit, wait for the review, assess by both agencies, designate: returns the designation number. */
    static String throughDesignation(String callId, String consortiumId, String uei) throws Exception {
        // a draft cut by the kill may exist twice: only the submitted one counts
        String proposal = retrying(() -> Program.draftedProposal(callId, consortiumId, uei));
        retrying(() -> {
            int status = as(Services.PROPOSALS, uei, "applicant").post("/proposals/" + proposal + "/submit").statusCode();
            assertTrue(status == 200 || status == 409, "submit: " + status); // 409: an earlier try went through
            return null;
        });
        String review = await().atMost(PROPAGATION).ignoreExceptions().until(() -> as(Services.REVIEW, "COMMERCE",
                "commerce-officer").get("/reviews?proposalId=" + proposal).then().statusCode(200).extract().jsonPath()
                .getString("[0].id"), id -> id != null);
        for (String agency : List.of("STATE", "DEFENSE")) {
            retrying(() -> {
                Program.assess(review, agency, Program.assessment("CONCUR", List.of(), "ok", "internal"));
                return null;
            });
        }
        retrying(() -> {
            int status = as(Services.REVIEW, "COMMERCE", "commerce-officer")
                    .body(Map.of("decision", "DESIGNATE", "justification", "Strategic",
                            "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                            "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 1000000.00, "tenorYears", 10),
                                    Map.of("instrument", "FEASIBILITY_STUDY", "amountUsd", 50000.00)),
                            "effectiveDate", LocalDate.now().plusDays(5).toString()))
                    .header("If-Match", "*").post("/reviews/" + review + "/determination").statusCode();
            assertTrue(status == 200 || status == 409, "determination: " + status); // 409: already recorded by an earlier try
            return null;
        });
        return retrying(() -> as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews/" + review).then().statusCode(200)
                .extract().path("determination.designationNumber"));
    }

    @Test
    void kill_9_of_each_service_while_proposals_flow_loses_and_doubles_nothing() throws Exception {
        Stack stack = RunningStack.get();
        InFlight requests = new InFlight();
        List<io.restassured.filter.Filter> before = new ArrayList<>(io.restassured.RestAssured.filters());
        io.restassured.RestAssured.filters(requests);
        try (Admin admin = Consumption.admin()) {
            for (Services.Service victim : Services.ALL) {
                String uei = Program.newUei();
                String callId = Program.publishedCall();
                String consortiumId = Program.consortium(uei);
                Consumption.awaitQuiet(Duration.ofSeconds(180)); // what the kill falls on is this round's traffic, nothing older
                ExecutorService flows = Executors.newFixedThreadPool(4);
                List<Future<String>> designations = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    designations.add(flows.submit(() -> throughDesignation(callId, consortiumId, uei)));
                }
                // the kill falls in the middle of counted traffic: requests to the victim in flight, or records on its
                // topics its consumer has not committed (read or not), at least two of them
                int port = stack.port(victim);
                long[] seen = new long[2];
                await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(20)).until(() -> {
                    seen[0] = requests.inFlight(port);
                    seen[1] = Consumption.backlog(admin, victim.name());
                    return seen[0] + seen[1] >= 2;
                });
                int cutBefore = requests.cut(port);
                stack.service(victim).kill();
                long uncommitted = Consumption.backlog(admin, victim.name());
                Thread.sleep(2_000); // down for a while: requests meanwhile are refused and retried
                stack.service(victim).start().awaitReady(Duration.ofSeconds(120));
                List<String> numbers = new ArrayList<>();
                for (Future<String> f : designations) {
                    numbers.add(f.get());
                }
                flows.shutdown();
                int cut = requests.cut(port) - cutBefore;

                // counted once nothing is left to happen on the bus: a late double has had its chance
                Consumption.awaitQuiet(Duration.ofSeconds(180));
                for (String number : numbers) {
                    assertEquals(2, as(Services.INCENTIVES, "EDAG", "edag-coordinator").get("/incentive-requests?designation=" + number)
                            .then().statusCode(200).extract().jsonPath().getList("$").size(), victim.name() + ": " + number);
                }
                List<String> subjects = as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox?size=200").then().statusCode(200)
                        .extract().jsonPath().getList("items.subject");
                assertEquals(12, subjects.size(), victim.name() + " " + subjects);
                assertEquals(6, subjects.stream().filter(s -> s.startsWith("Submission received")).count(), victim.name() + " " + subjects);
                assertEquals(6, subjects.stream().filter(s -> s.startsWith("Designated")).count(), victim.name() + " " + subjects);
                assertEquals(6, new java.util.HashSet<>(numbers).size(), victim.name() + ": six distinct designations " + numbers);
                for (String number : numbers) {
                    as(Services.REVIEW, uei, "applicant").get("/designations/" + number).then().statusCode(200);
                }
                List<String> proposals = as(Services.PROPOSALS, uei, "applicant")
                        .get("/proposals?callId=" + callId + "&status=DESIGNATED&size=100").then().statusCode(200).extract().jsonPath()
                        .getList("items.id", String.class);
                assertEquals(6, proposals.size(), victim.name() + ": six proposals designated " + proposals);
                for (String p : proposals) {
                    assertEquals(1, as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews?proposalId=" + p).then()
                            .extract().jsonPath().getList("$").size(), victim.name() + ": one review per proposal");
                }
                System.out.printf("kill -9 of %s with %d requests to it in flight and %d records of its topics uncommitted (%d after "
                        + "the kill); %d requests cut or refused and retried: 6 flows through designation, 6 reviews, 6 distinct "
                        + "designation numbers, 12 incentive requests, 12 inbox entries, 6 proposal mirrors: nothing lost, nothing "
                        + "doubled%n", victim.name(), seen[0], seen[1], uncommitted, cut);
            }
        } finally {
            io.restassured.RestAssured.replaceFiltersWith(before);
        }
    }

    /** Requests in flight to each port, and those that ended without an answer (cut by a kill, or refused while it was down). */
    static final class InFlight implements io.restassured.filter.Filter {

        private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        private final Map<Integer, AtomicInteger> cut = new ConcurrentHashMap<>();

        @Override
        public Response filter(io.restassured.specification.FilterableRequestSpecification request,
                io.restassured.specification.FilterableResponseSpecification response, io.restassured.filter.FilterContext context) {
            int port = java.net.URI.create(request.getURI()).getPort();
            AtomicInteger now = inFlight.computeIfAbsent(port, p -> new AtomicInteger());
            now.incrementAndGet();
            try {
                return context.next(request, response);
            } catch (Throwable t) {
                cut.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
                throw t;
            } finally {
                now.decrementAndGet();
            }
        }

        int inFlight(int port) {
            return inFlight.getOrDefault(port, new AtomicInteger()).get();
        }

        int cut(int port) {
            return cut.getOrDefault(port, new AtomicInteger()).get();
        }
    }

    /** One client request of the crash test and what came of it. */
    record Outcome(String step, String proposal, int status, String contentType, String rule, Throwable failure) {

        boolean accepted() {
            return failure == null && status >= 200 && status < 300;
        }

        /** A refusal the client can act on: a 503 problem document naming its rule, or no answer at all (a connection error). */
        boolean toldSo() {
            if (failure != null) {
                return failure instanceof java.net.ConnectException || failure instanceof java.net.SocketException;
            }
            return status == 503 && contentType != null && contentType.startsWith("application/problem+json")
                    && "SERVICE_UNAVAILABLE".equals(rule);
        }
    }

    @Test
    void a_postgresql_crash_under_load_loses_no_acknowledged_request_and_tells_every_refused_one() throws Exception {
        Stack stack = RunningStack.get();
        boolean durableBefore = stack.postgresDurable();
        // a crash tests what was made durable: fsync, synchronous_commit and full_page_writes on, as in production
        stack.restartPostgres(Duration.ZERO, true);
        awaitAllReady();
        try (java.sql.Connection c = stack.postgres().connect("postgres"); java.sql.Statement st = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (java.sql.ResultSet rs = st.executeQuery("show " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
        try {
            crashUnderLoad(stack);
        } finally {
            if (!durableBefore) {
                stack.restartPostgres(Duration.ZERO, false);
                awaitAllReady();
            }
        }
    }

    private void crashUnderLoad(Stack stack) throws Exception {
        String uei = Program.newUei();
        // set up with the retries of a client that was told 503 (a pooled connection the restart cut)
        String callId = await().atMost(PROPAGATION).ignoreExceptions().until(Program::publishedCall, id -> id != null);
        String consortiumId = await().atMost(PROPAGATION).ignoreExceptions().until(() -> Program.consortium(uei), id -> id != null);
        String token = Program.token(uei, "applicant");
        String draft = HttpCalls.JSON.writeValueAsString(draftBody(callId, consortiumId, uei));
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger acceptedAfterRestart = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        int clients = 4;
        ExecutorService load = Executors.newFixedThreadPool(clients);
        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            submitters.add(load.submit(() -> {
                while (running.get()) {
                    Outcome drafted = call(inFlight, "draft", null, () -> HttpCalls.send(Services.PROPOSALS, "POST", "/proposals", token,
                            "application/json", draft, Map.of()));
                    outcomes.add(drafted);
                    if (drafted.accepted()) {
                        Outcome submittedOutcome = call(inFlight, "submit", drafted.proposal(), () -> HttpCalls.send(Services.PROPOSALS,
                                "POST", "/proposals/" + drafted.proposal() + "/submit", token, null, null, Map.of()));
                        outcomes.add(submittedOutcome);
                        if (submittedOutcome.accepted() && restarted.get()) {
                            acceptedAfterRestart.incrementAndGet();
                        }
                    } else {
                        Thread.sleep(100); // refused: the client backs off a little, as Retry-After asks
                    }
                }
                return null;
            }));
        }
        int inFlightAtCrash;
        int processes;
        try {
            // the crash falls while requests are in flight, after some have been accepted
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(10)).until(() -> inFlight.get() >= 2
                    && outcomes.stream().filter(o -> o.accepted() && o.step().equals("submit")).count() >= 4);
            inFlightAtCrash = inFlight.get();
            processes = stack.crashPostgres(Duration.ofSeconds(3));
            restarted.set(true);
            // the services find the database again by themselves
            awaitAllReady();
            await().atMost(PROPAGATION).until(() -> acceptedAfterRestart.get() >= 4);
        } finally {
            running.set(false);
            load.shutdown();
        }
        for (Future<?> f : submitters) {
            f.get();
        }

        List<Outcome> all = new ArrayList<>(outcomes);
        List<Outcome> accepted = all.stream().filter(Outcome::accepted).toList();
        List<Outcome> refused = all.stream().filter(o -> !o.accepted()).toList();
        // every refusal told the client so: a 503 problem document, or no answer at all; never a 500 or an HTML page
        List<String> untold = refused.stream().filter(o -> !o.toldSo()).map(Outcome::toString).toList();
        assertEquals(List.of(), untold, "refusals that were not a 503 problem document or a connection error");

        // every acknowledged request is there: its events in the store, its read model, its integration event, their effects
        Consumption.awaitQuiet(Duration.ofSeconds(180));
        Set<String> submittedOnTheBus = new java.util.HashSet<>();
        // by event id: the publisher is at-least-once (a batch whose broker acknowledgement came before the crash but
        // whose token was not stored yet is sent again, with the same event id, and the consumers absorb it); what must
        // hold is one submission event per proposal, seen at least once
        Map<String, Set<java.util.UUID>> busSubmissions = new HashMap<>();
        int[] resent = {0};
        for (var r : Consumption.records(gov.commerce.aiexports.events.Topics.PROPOSALS, r -> true)) {
            gov.commerce.aiexports.events.IntegrationEvent e;
            try {
                e = gov.commerce.aiexports.events.EventCodec.decode(r.value());
            } catch (gov.commerce.aiexports.events.EventCodec.UnreadableEventException poison) {
                continue; // the poison records the dead-letter test of this shared stack sent
            }
            if ("ProposalSubmitted".equals(e.eventType())) {
                if (!busSubmissions.computeIfAbsent(r.key(), k -> new java.util.HashSet<>()).add(e.eventId())) {
                    resent[0]++;
                }
                submittedOnTheBus.add(r.key());
            }
        }
        int checked = 0;
        try (java.sql.Connection store = stack.postgres().connect(Services.PROPOSALS.database())) {
            for (Outcome o : accepted) {
                List<String> events = eventTypes(store, o.proposal());
                String status = ok(() -> as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + o.proposal())).extract()
                        .path("status");
                if (o.step().equals("draft")) {
                    assertTrue(!events.isEmpty(), "the acknowledged draft " + o.proposal() + " has its events");
                } else {
                    // the domain event is ProposalEvent$Submitted (ProposalSubmitted is the integration event's name)
                    assertEquals(1, events.stream().filter(e -> e.endsWith("ProposalEvent$Submitted")).count(),
                            "the acknowledged submission of " + o.proposal() + " has its event once: " + events);
                    // submitted, and under review once the review service's ReviewOpened came back (as it has, the bus quiet)
                    assertTrue(Set.of("SUBMITTED", "UNDER_REVIEW").contains(status), "the read model of " + o.proposal() + ": " + status);
                    assertEquals(1, busSubmissions.getOrDefault(o.proposal(), Set.of()).size(),
                            "one ProposalSubmitted of " + o.proposal() + " on the bus");
                    assertEquals(1, ok(() -> as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews?proposalId=" + o.proposal()))
                            .extract().jsonPath().getList("$").size(), "one review for " + o.proposal());
                }
                checked++;
            }
        }
        // a submission whose answer was lost is still a submission: the store is the truth, and each stored submission,
        // acknowledged or not, is on the bus once and has one review and one receipt
        // every page: under load more than a page of submissions may be stored before the clients stop
        List<String> stored = everyPage(Services.PROPOSALS, uei, "/proposals?callId=" + callId + "&size=200",
                "items.findAll { it.status != 'DRAFT' }.id");
        assertEquals(new java.util.HashSet<>(stored), submittedOnTheBus.stream().filter(stored::contains).collect(
                java.util.stream.Collectors.toSet()));
        for (String proposal : stored) {
            assertEquals(1, busSubmissions.getOrDefault(proposal, Set.of()).size(), "stored submission " + proposal + " on the bus once");
        }
        List<String> receipts = everyPage(Services.NOTIFICATIONS, uei, "/inbox?size=200", "items.proposalId");
        assertEquals(stored.size(), receipts.size(), "one receipt per stored submission");
        assertEquals(new java.util.HashSet<>(stored), new java.util.HashSet<>(receipts));
        long connectionErrors = refused.stream().filter(o -> o.failure() != null).count();
        System.out.printf("PostgreSQL crash (SIGKILL of the postmaster and its %d processes, fsync, synchronous_commit and "
                + "full_page_writes on) with %d requests in flight: %d requests accepted, %d refused (%d as 503 problem documents, "
                + "%d connection errors), %d accepted requests checked in the store, read model and bus; %d submissions stored, "
                + "each reviewed and receipted once (%d records sent again after the crash, absorbed by the consumers)%n", processes - 1,
                inFlightAtCrash, accepted.size(), refused.size(), refused.size() - connectionErrors, connectionErrors, checked, stored.size(),
                resent[0]);
    }

    private static Outcome call(AtomicInteger inFlight, String step, String proposal, Callable<HttpCalls.Reply> request) {
        inFlight.incrementAndGet();
        try {
            HttpCalls.Reply r = request.call();
            String id = proposal != null ? proposal : r.status() == 201 ? r.json().path("id").asText() : null;
            return new Outcome(step, id, r.status(), r.contentType(), r.json().path("rule").asText(null), null);
        } catch (Exception e) {
            return new Outcome(step, proposal, 0, null, null, e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The payload types of the aggregate's events in the service's store, in order. */
    private static List<String> eventTypes(java.sql.Connection store, String aggregate) throws Exception {
        List<String> types = new ArrayList<>();
        try (java.sql.PreparedStatement s = store.prepareStatement(
                "select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number")) {
            s.setString(1, aggregate);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    private static Map<String, Object> draftBody(String callId, String consortiumId, String uei) {
        Map<String, Object> layer = Map.of("description", "layer", "suppliers", List.of(uei));
        return Map.of("callId", callId, "consortiumId", consortiumId, "title", "Sovereign AI cloud", "summary", "Full stack",
                "stack", Map.of("hardware", Map.of("description", "GPU clusters", "suppliers", List.of(uei), "usOriginSharePercent", 70),
                        "dataPipelines", layer, "models", layer, "security", layer, "applications", layer),
                "targets", List.of(Map.of("country", "VN")), "businessModel", "Build, own, operate",
                "incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 25000000.00, "tenorYears", 12),
                        Map.of("instrument", "FEASIBILITY_STUDY", "amountUsd", 750000.00)),
                "exportControlAttestation", true);
    }

    /** The items of a list at {@code itemsPath}, page after page by its {@code Link: <...>; rel="next"} (as an applicant). */
    private static List<String> everyPage(Services.Service service, String uei, String firstPage, String itemsPath) throws Exception {
        List<String> all = new ArrayList<>();
        String page = firstPage;
        while (page != null) {
            String path = page;
            Response r = ok(() -> as(service, uei, "applicant").urlEncodingEnabled(false).get(path)).extract().response();
            all.addAll(r.jsonPath().getList(itemsPath, String.class));
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("<([^>]*)>;\\s*rel=\"next\"")
                    .matcher(String.valueOf(r.header("Link")));
            page = next.find() ? next.group(1) : null;
        }
        return all;
    }

    /** A read after the crash: sent again while it is refused with a 503 (told so), then it must be a 200. */
    private static io.restassured.response.ValidatableResponse ok(Callable<Response> read) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(read, r -> r.statusCode() != 503)
                .then().statusCode(200);
    }

    private static void awaitAllReady() {
        for (Services.Service s : Services.ALL) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                    io.restassured.RestAssured.given().baseUri(RunningStack.url(s)).get("/q/health/ready").statusCode() == 200);
        }
    }

    @SuppressWarnings("unused")
    private static boolean problem(Response r) {
        return r.contentType() != null && r.contentType().contains("problem+json");
    }
}
