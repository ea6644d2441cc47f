package gov.commerce.aiexports.endtoend;

import static gov.commerce.aiexports.endtoend.Program.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.localstack.Services;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Withdrawal against designation, with real concurrency across the packaged services: 50 proposals
 * that every required agency concurred in, each withdrawn (proposals-service) and designated
 * (review-service) by two threads released by one barrier; where the designation wins, EDAG
 * routes and USTDA approves (obligates) its feasibility-study line at once. Whatever the
 * interleaving, the services must converge: no proposal withdrawn while holding a live
 * designation, no obligation of a withdrawn proposal without a recorded relinquishment and a
 * de-obligation flag, every open line of a relinquished designation cancelled.
 */
class RelinquishmentRaceIT {

    private static final int PROPOSALS = 50;
    private static final Duration PROPAGATION = Duration.ofSeconds(120);
    private static final Set<String> OPEN = Set.of("AWAITING_ROUTING", "ROUTED", "BOARD_APPROVED");

    /** What one race did, as its two threads saw it. */
    record Race(String proposalId, String reviewId, int withdrawal, int designation, String designationNumber, String approval) {
    }

    @Test
    void withdrawal_and_designation_at_the_same_moment_converge_with_no_live_designation_and_no_unflagged_money() throws Exception {
        String uei = Program.newUei();
        String call = Program.publishedCall();
        String consortium = Program.consortium(uei);
        // the budget of the fiscal year now (in Washington): a one-year authority obligates only in its own year
        int fiscalYear = FiscalYear.of(java.time.Instant.now());
        as(Services.INCENTIVES, "USTDA", "financing-officer").body(Map.of("fiscalYear", fiscalYear, "instrument", "FEASIBILITY_STUDY",
                "amountUsd", 100000000.00, "appropriationReference", "Pub. L. 119-4, USTDA Program Account"))
                .post("/budgets").then().statusCode(201);

        // 50 proposals brought to the point where they can be designated
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<String[]>> preparations = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            preparations.add(() -> {
                String proposal = Program.submittedProposal(call, consortium, uei);
                String review = await().atMost(PROPAGATION).until(() -> as(Services.REVIEW, "COMMERCE", "commerce-officer")
                        .get("/reviews?proposalId=" + proposal).then().extract().jsonPath().getString("[0].id"), id -> id != null);
                Program.assess(review, "STATE", Program.assessment("CONCUR", List.of(), "Sound", "none"));
                Program.assess(review, "DEFENSE", Program.assessment("CONCUR", List.of(), "Sound", "none"));
                // proposals-service has heard of the review, so the withdrawal meets a proposal UNDER_REVIEW
                await().atMost(PROPAGATION).until(() -> as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposal)
                        .then().extract().path("status"), "UNDER_REVIEW"::equals);
                return new String[] {proposal, review};
            });
        }
        List<String[]> ready = new ArrayList<>();
        for (Future<String[]> f : pool.invokeAll(preparations)) {
            ready.add(f.get());
        }

        // the races: two threads per proposal, released together
        String applicant = Program.token(uei, "applicant");
        String officer = Program.token("COMMERCE", "commerce-officer");
        Map<String, Race> races = new ConcurrentHashMap<>();
        AtomicInteger approvalsObligated = new AtomicInteger();
        AtomicInteger approvalsRefused = new AtomicInteger();
        List<Callable<Void>> sides = new ArrayList<>();
        for (String[] pr : ready) {
            String proposal = pr[0];
            String review = pr[1];
            CyclicBarrier barrier = new CyclicBarrier(2);
            int[] codes = new int[2];
            String[] number = new String[1];
            // a little jitter on one side explores the interleavings around the crossing (the barrier releases both at once)
            int mode = ThreadLocalRandom.current().nextInt(3);
            sides.add(() -> {
                barrier.await();
                jitter(mode == 0 ? 1500 : 0);
                var withdrawn = io.restassured.RestAssured.given().baseUri(RunningStack.url(Services.PROPOSALS)).auth()
                        .oauth2(applicant).contentType(io.restassured.http.ContentType.JSON)
                        .body(Map.of("reason", "consortium dissolved")).post("/proposals/" + proposal + "/withdraw");
                codes[0] = withdrawn.statusCode();
                assertEquals(200, codes[0], "the applicant's withdrawal is accepted, before or after the designation: "
                        + withdrawn.asString());
                record(races, proposal, review, codes, number, null);
                return null;
            });
            sides.add(() -> {
                barrier.await();
                jitter(mode == 1 ? 40 : 0);
                var response = io.restassured.RestAssured.given().baseUri(RunningStack.url(Services.REVIEW)).auth().oauth2(officer)
                        .contentType(io.restassured.http.ContentType.JSON)
                        .body(Map.of("decision", "DESIGNATE", "justification", "Complete stack",
                                "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                                "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 20000000.00,
                                        "tenorYears", 12), Map.of("instrument", "FEASIBILITY_STUDY", "amountUsd", 750000.00)),
                                "effectiveDate", LocalDate.now().plusDays(1).toString()))
                        .header("If-Match", "*").post("/reviews/" + review + "/determination");
                codes[1] = response.statusCode();
                String approval = null;
                if (codes[1] == 200) {
                    number[0] = response.path("determination.designationNumber");
                    approval = routeAndApprove(number[0], fiscalYear);
                    (approval.equals("OBLIGATED") ? approvalsObligated : approvalsRefused).incrementAndGet();
                } else {
                    // refused because the withdrawal reached the review first, or lost the append to it on the same stream
                    assertTrue(Set.of("PROPOSAL_WITHDRAWN", "CONCURRENT_MODIFICATION").contains(response.path("rule")),
                            "a refused designation names why: " + response.asString());
                }
                record(races, proposal, review, codes, number, approval);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(sides)) {
            f.get();
        }
        pool.shutdown();

        // convergence, awaited per proposal from the services' own answers
        int withdrawalFirst = 0;
        int designationFirst = 0;
        int relinquishedByProposals = 0;
        int obligatedAndFlagged = 0;
        int cancelledLines = 0;
        for (Race race : races.values()) {
            assertEquals(200, race.withdrawal(), "the applicant's withdrawal is accepted, before or after the designation");
            JsonPath review = await().atMost(PROPAGATION).until(() -> as(Services.REVIEW, "COMMERCE", "auditor")
                    .get("/reviews/" + race.reviewId()).then().statusCode(200).extract().jsonPath(),
                    r -> Set.of("CLOSED", "REVOKED").contains(r.getString("status")));
            JsonPath proposal = as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + race.proposalId()).then().extract()
                    .jsonPath();
            assertEquals("WITHDRAWN", proposal.getString("status"), race.toString());
            if ("CLOSED".equals(review.getString("status"))) {
                withdrawalFirst++;
                assertNotEquals(200, race.designation(), "a designation recorded before the withdrawal is revoked, not closed: " + race);
                continue;
            }
            designationFirst++;
            String number = review.getString("determination.designationNumber");
            assertEquals("RELINQUISHED", review.getString("revocation.cause"), race.toString());
            as(Services.REVIEW, uei, "applicant").get("/designations/" + number).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("REVOKED"))
                    .body("revocation.cause", org.hamcrest.Matchers.equalTo("RELINQUISHED"));
            if (proposal.getString("relinquishedDesignation") != null && proposal.get("designatedAfterWithdrawal") == null) {
                relinquishedByProposals++;
            }
            List<Map<String, Object>> lines = await().atMost(PROPAGATION).until(() -> as(Services.INCENTIVES, "EDAG", "auditor")
                    .get("/incentive-requests?designation=" + number).then().statusCode(200).extract().jsonPath()
                    .<Map<String, Object>>getList("$"), l -> l.size() == 2 && l.stream().allMatch(RelinquishmentRaceIT::settled));
            for (Map<String, Object> line : lines) {
                if (line.get("obligation") != null) {
                    obligatedAndFlagged++;
                } else if ("CANCELLED".equals(line.get("status"))) {
                    cancelledLines++;
                }
            }
            List<String> timeline = await().atMost(PROPAGATION).until(() -> as(Services.PROPOSALS, "GAO", "auditor")
                    .get("/proposals/" + race.proposalId() + "/timeline").then().extract().jsonPath().getList("eventType", String.class),
                    t -> t.contains("DesignationRevoked") && t.contains("ProposalWithdrawn")
                            && t.stream().filter(x -> x.equals("IncentiveRequestCancelled") || x.equals("IncentiveRequestFlaggedForDeobligation"))
                            .count() == lines.stream().filter(l -> !"DECLINED".equals(l.get("status"))).count());
        }
        // nothing in the public catalogue is live for these proposals
        List<Map<String, Object>> catalogue = as(Services.REVIEW, uei, "applicant").get("/designations").then().statusCode(200)
                .extract().jsonPath().getList("$");
        long live = catalogue.stream().filter(d -> races.containsKey(String.valueOf(d.get("proposalId"))))
                .filter(d -> !"REVOKED".equals(d.get("status"))).count();
        assertEquals(0, live, "no withdrawn proposal holds a live designation");
        assertEquals(PROPOSALS, races.size());
        assertEquals(PROPOSALS, withdrawalFirst + designationFirst);
        System.out.printf("Relinquishment race: %d proposals; withdrawal first %d (designation refused), designation first %d "
                        + "(revoked as relinquished; %d of them withdrawn by the applicant as a relinquishment, the rest crossed); "
                        + "approvals obligated %d, refused %d; checked: %d obligated lines flagged for de-obligation, %d open lines "
                        + "cancelled, %d designations in the catalogue none live%n",
                PROPOSALS, withdrawalFirst, designationFirst, relinquishedByProposals, approvalsObligated.get(), approvalsRefused.get(),
                obligatedAndFlagged, cancelledLines, catalogue.stream().filter(d -> races.containsKey(String.valueOf(d.get("proposalId"))))
                        .count());
    }

    /**
     * A line of a relinquished designation has settled: never left open, and an obligated one
     * carries its de-obligation flag (else the await goes on, and times out naming the line).
     */
    private static boolean settled(Map<String, Object> line) {
        if (OPEN.contains(String.valueOf(line.get("status")))) {
            return false;
        }
        return line.get("obligation") == null || line.get("deobligationFlag") != null;
    }

    /** EDAG routes the designation's study line to USTDA, whose officer approves it at once: OBLIGATED, or the refusal's rule. */
    private static String routeAndApprove(String number, int fiscalYear) throws Exception {
        String id = await().atMost(PROPAGATION).until(() -> as(Services.INCENTIVES, "EDAG", "edag-coordinator")
                .get("/incentive-requests?designation=" + number).then().statusCode(200).extract().jsonPath()
                .getString("find { it.instrument == 'FEASIBILITY_STUDY' }.id"), x -> x != null);
        var routed = as(Services.INCENTIVES, "EDAG", "edag-coordinator").body(Map.of("agency", "USTDA", "terms", "grant"))
                .post("/incentive-requests/" + id + "/routing");
        if (routed.statusCode() != 200) {
            assertEquals(409, routed.statusCode(), routed.asString());
            return routed.path("rule");
        }
        var approved = as(Services.INCENTIVES, "USTDA", "financing-officer").body(Map.of("fiscalYear", fiscalYear))
                .post("/incentive-requests/" + id + "/approval");
        if (approved.statusCode() == 200) {
            return approved.path("status");
        }
        assertEquals(409, approved.statusCode(), approved.asString());
        return approved.path("rule");
    }

    private static void record(Map<String, Race> races, String proposal, String review, int[] codes, String[] number,
            String approval) {
        synchronized (codes) {
            Race before = races.get(proposal);
            races.put(proposal, new Race(proposal, review, codes[0], codes[1], number[0],
                    approval != null ? approval : before == null ? null : before.approval()));
        }
    }

    private static void jitter(int maxMillis) throws InterruptedException {
        if (maxMillis > 0) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(maxMillis));
        }
    }
}
