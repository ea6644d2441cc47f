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
import java.util.concurrent.atomic.AtomicBoolean;
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
        for (Services.Service victim : Services.ALL) {
            String uei = Program.newUei();
            String callId = Program.publishedCall();
            String consortiumId = Program.consortium(uei);
            ExecutorService flows = Executors.newFixedThreadPool(4);
            List<Future<String>> designations = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                designations.add(flows.submit(() -> throughDesignation(callId, consortiumId, uei)));
            }
            Thread.sleep(1_500);
            stack.service(victim).kill();
            Thread.sleep(2_000);
            stack.service(victim).start().awaitReady(Duration.ofSeconds(120));
            List<String> numbers = new ArrayList<>();
            for (Future<String> f : designations) {
                numbers.add(f.get());
            }
            flows.shutdown();

            for (String number : numbers) {
                await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> assertEquals(2,
                        as(Services.INCENTIVES, "EDAG", "edag-coordinator").get("/incentive-requests?designation=" + number).then()
                                .statusCode(200).extract().jsonPath().getList("$").size(), victim.name() + ": " + number));
            }
            await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> {
                List<String> subjects = as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox?size=200").then().statusCode(200)
                        .extract().jsonPath().getList("items.subject");
                assertEquals(6, subjects.stream().filter(s -> s.startsWith("Submission received")).count(), victim.name() + " " + subjects);
                assertEquals(6, subjects.stream().filter(s -> s.startsWith("Designated")).count(), victim.name() + " " + subjects);
            });
            assertEquals(6, new java.util.HashSet<>(numbers).size(), victim.name() + ": six distinct designations " + numbers);
            for (String number : numbers) {
                as(Services.REVIEW, uei, "applicant").get("/designations/" + number).then().statusCode(200);
            }
            List<String> proposals = await().atMost(PROPAGATION).ignoreExceptions().until(() -> as(Services.PROPOSALS, uei, "applicant")
                    .get("/proposals?callId=" + callId + "&status=DESIGNATED&size=100").then().extract().jsonPath()
                    .getList("items.id", String.class), l -> l.size() == 6);
            for (String p : proposals) {
                assertEquals(1, as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews?proposalId=" + p).then()
                        .extract().jsonPath().getList("$").size(), victim.name() + ": one review per proposal");
                await().atMost(PROPAGATION).untilAsserted(() -> assertEquals("DESIGNATED", as(Services.PROPOSALS, uei, "applicant")
                        .get("/proposals/" + p).then().extract().path("status")));
            }
            System.out.printf("kill -9 of %s survived: 6 flows through designation, 6 reviews, 6 distinct designation numbers, "
                    + "12 incentive requests, 12 inbox entries, 6 proposal mirrors checked: nothing lost, nothing doubled%n", victim.name());
        }
    }

    @Test
    void a_postgresql_restart_under_load_is_survived_without_restarting_the_services() throws Exception {
        Stack stack = RunningStack.get();
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String consortiumId = Program.consortium(uei);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(2);
        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            submitters.add(load.submit(() -> {
                while (running.get()) {
                    try {
                        accepted.add(Program.submittedProposal(callId, consortiumId, uei));
                    } catch (AssertionError e) {
                        refusals.add(e.getMessage());
                    } catch (Exception e) {
                        refusals.add(e.toString());
                    }
                    Thread.sleep(100);
                }
                return null;
            }));
        }
        Thread.sleep(2_000);
        stack.restartPostgres(Duration.ofSeconds(3));
        // the services find the database again by themselves
        for (Services.Service s : Services.ALL) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    io.restassured.RestAssured.given().baseUri(RunningStack.url(s)).get("/q/health/ready").statusCode() == 200);
        }
        int before = accepted.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() > before + 3);
        running.set(false);
        for (Future<?> f : submitters) {
            f.get();
        }
        load.shutdown();

        // refused requests were told so: a problem response, never a silent loss
        for (String refusal : refusals) {
            assertTrue(refusal.contains("problem+json") || refusal.contains("Expected status code") || refusal.contains("Connection"),
                    refusal);
        }
        // a submission whose answer was lost (an error after its commit, while the database went away) is
        // still a submission: the store is the truth, and each submitted proposal has one review and one receipt
        List<String> submitted = as(Services.PROPOSALS, uei, "applicant").get("/proposals?callId=" + callId + "&size=200").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.status != 'DRAFT' }.id", String.class);
        assertTrue(submitted.containsAll(accepted), "every accepted submission is stored: " + accepted + " in " + submitted);
        for (String proposal : submitted) {
            await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> assertEquals(1, as(Services.REVIEW, "COMMERCE",
                    "commerce-officer").get("/reviews?proposalId=" + proposal).then().statusCode(200).extract().jsonPath()
                    .getList("$").size(), proposal));
        }
        await().atMost(PROPAGATION).ignoreExceptions().untilAsserted(() -> assertEquals(submitted.size(),
                (int) as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox?size=200").then().extract().jsonPath()
                        .getList("items.subject", String.class).stream().filter(s -> s.startsWith("Submission received")).count()));
        System.out.printf("PostgreSQL restart: %d submissions accepted, %d refused and told so, %d stored (one review and one "
                + "receipt each)%n", accepted.size(), refusals.size(), submitted.size());
    }

    @SuppressWarnings("unused")
    private static boolean problem(Response r) {
        return r.contentType() != null && r.contentType().contains("problem+json");
    }
}
