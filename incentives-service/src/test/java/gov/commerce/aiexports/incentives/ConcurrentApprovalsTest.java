package gov.commerce.aiexports.incentives;

import static gov.commerce.aiexports.incentives.Fixtures.auditor;
import static gov.commerce.aiexports.incentives.Fixtures.edag;
import static gov.commerce.aiexports.incentives.Fixtures.officer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.incentives.budget.AntideficiencyProjection;
import gov.commerce.aiexports.incentives.budget.AntideficiencyReport;
import gov.commerce.aiexports.incentives.budget.AntideficiencyReports;
import gov.commerce.aiexports.incentives.budget.BudgetCost;
import gov.commerce.aiexports.incentives.budget.BudgetEvent;
import gov.commerce.aiexports.incentives.budget.BudgetLedger;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The Antideficiency guard under real concurrency: 200 approvals from 12 threads against a budget
 * that fits only some of them, on the real database. (Two running instances: see
 * end-to-end-tests' ConcurrentApprovalsAcrossInstancesIT.) Then the Antideficiency evidence report of
 * that budget: every line non-negative, its sums those of the budget view, equal to a fold of the events.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "incentives"))
class ConcurrentApprovalsTest {

    private static final int LINES = 200;
    private static final BigDecimal RATE = new BigDecimal("3.3333");
    private static final BigDecimal AUTHORITY = new BigDecimal("500000.00");

    @Inject
    AxonRuntime axon;
    @Inject
    IncentivesClock clock;
    @Inject
    AntideficiencyReports reports;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    @org.junit.jupiter.api.BeforeAll
    static void exactMoney() {
        Fixtures.init();
    }

    @Test
    void parallel_approvals_never_obligate_beyond_the_authority() throws Exception {
        String budgetId = "budget-FY2045-DIRECT_LOAN";
        // a one-year FY2045 budget: the approvals are made in FY2045
        clock.inFiscalYear(2045);
        given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).body(Map.of("fiscalYear", 2045, "instrument",
                "DIRECT_LOAN", "amountUsd", AUTHORITY, "appropriationReference", "P.L. 119-45")).post("/budgets")
                .then().statusCode(201);
        List<IncentiveLine> lines = new ArrayList<>();
        Map<Integer, BigDecimal> costByLine = new HashMap<>();
        for (int i = 0; i < LINES; i++) {
            BigDecimal face = new BigDecimal("200000.00").add(new BigDecimal("1234.57").multiply(BigDecimal.valueOf(i)));
            lines.add(new IncentiveLine(Instrument.DIRECT_LOAN, face, 10));
            costByLine.put(i, BudgetCost.of(Instrument.DIRECT_LOAN, face, RATE));
        }
        String designation = Fixtures.designate("CONC00000001", lines);
        List<String> ids = Fixtures.awaitLines(designation, LINES);

        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            String edag = edag();
            List<Callable<Integer>> routings = new ArrayList<>();
            for (String id : ids) {
                routings.add(() -> given().auth().oauth2(edag).contentType(ContentType.JSON)
                        .body(Map.of("agency", "DFC", "terms", "10 years", "creditSubsidyRatePercent", RATE)).post("/incentive-requests/" + id + "/routing")
                        .statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(routings)) {
                assertEquals(200, f.get());
            }

            String dfc = officer("DFC");
            List<Callable<Response>> approvals = new ArrayList<>();
            for (String id : ids) {
                approvals.add(() -> given().auth().oauth2(dfc).contentType(ContentType.JSON).body(Map.of("fiscalYear", 2045))
                        .post("/incentive-requests/" + id + "/approval"));
            }
            List<Future<Response>> results = pool.invokeAll(approvals);

            BigDecimal acceptedTotal = BigDecimal.ZERO;
            List<BigDecimal> refusedCosts = new ArrayList<>();
            int accepted = 0;
            for (int i = 0; i < LINES; i++) {
                Response r = results.get(i).get();
                if (r.statusCode() == 200) {
                    accepted++;
                    BigDecimal cost = new BigDecimal(r.jsonPath().getString("obligation.budgetCostUsd"));
                    assertEquals(0, costByLine.get(i).compareTo(cost));
                    acceptedTotal = acceptedTotal.add(cost);
                } else {
                    assertEquals(422, r.statusCode(), "line " + i + ": " + r.asString());
                    assertEquals("INSUFFICIENT_BUDGET_AUTHORITY", r.jsonPath().getString("rule"), r.asString());
                    refusedCosts.add(costByLine.get(i));
                }
            }
            assertTrue(accepted > 0 && !refusedCosts.isEmpty(), "the budget fits some, not all: " + accepted + " accepted");

            Map<String, Object> budget = given().auth().oauth2(auditor()).get("/budgets/" + budgetId).then().statusCode(200)
                    .extract().jsonPath().getMap("$");
            BigDecimal obligated = new BigDecimal(budget.get("obligatedUsd").toString());
            BigDecimal available = new BigDecimal(budget.get("availableUsd").toString());
            assertEquals(0, acceptedTotal.compareTo(obligated), "obligated = sum of the accepted: " + acceptedTotal + " vs " + obligated);
            assertTrue(obligated.compareTo(AUTHORITY) <= 0, "never above authority: " + obligated);
            assertEquals(0, AUTHORITY.subtract(obligated).compareTo(available));
            assertEquals(accepted, ((List<?>) budget.get("obligations")).size());
            // available only shrank, so every refused line was refused rightly: it does not fit even now
            for (BigDecimal cost : refusedCosts) {
                assertTrue(cost.compareTo(available) > 0, cost + " would have fitted " + available);
            }

            List<BudgetEvent> events = new ArrayList<>();
            axon.configuration().eventStore().readEvents(budgetId).asStream().forEach(m -> events.add((BudgetEvent) m.getPayload()));
            BudgetLedger replayed = BudgetLedger.replay(events);
            assertEquals(accepted + 1, events.size(), "one appropriation and one event per accepted approval");
            assertEquals(0, replayed.obligatedUsd().compareTo(obligated));
            assertEquals(0, replayed.availableUsd().compareTo(available));
            assertEquals(0, replayed.authorityUsd().compareTo(AUTHORITY));

            // the evidence report: one entry per stored event, in order, none below zero, its sums the budget view's
            io.restassured.path.json.JsonPath report = given().auth().oauth2(auditor()).get("/budgets/" + budgetId
                    + "/antideficiency-report").then().statusCode(200).header("X-Antideficiency-Check", "PASSED").extract().jsonPath();
            assertEquals(true, report.getBoolean("check.passed"), report.prettify());
            List<Map<String, Object>> entries = report.getList("entries");
            assertEquals(events.size(), entries.size());
            BudgetLedger fold = BudgetLedger.EMPTY;
            BigDecimal obligations = BigDecimal.ZERO;
            for (int i = 0; i < entries.size(); i++) {
                Map<String, Object> entry = entries.get(i);
                BudgetLedger before = fold;
                fold = fold.apply(events.get(i));
                BigDecimal availableAfter = new BigDecimal(entry.get("availableAfterUsd").toString());
                assertTrue(availableAfter.signum() >= 0, "entry " + i + " left " + availableAfter);
                assertEquals(0, fold.availableUsd().compareTo(availableAfter), "entry " + i);
                assertEquals(0, before.availableUsd().compareTo(new BigDecimal(entry.get("availableBeforeUsd").toString())));
                assertEquals(0, availableAfter.compareTo(new BigDecimal(entry.get("recordedAvailableAfterUsd").toString())));
                if ("OBLIGATION".equals(entry.get("kind"))) {
                    obligations = obligations.add(new BigDecimal(entry.get("amountUsd").toString()));
                }
            }
            assertEquals(accepted, report.getInt("totals.obligations"));
            assertEquals(0, obligations.compareTo(obligated), "the obligations sum to the budget view's obligated");
            assertEquals(0, available.compareTo(new BigDecimal(report.getString("totals.availableUsd"))));
            given().auth().oauth2(officer("DFC")).get("/budgets/" + budgetId + "/antideficiency-report").then().statusCode(403);
            String csv = given().auth().oauth2(Fixtures.edag()).accept("text/csv").get("/budgets/" + budgetId + "/antideficiency-report")
                    .then().statusCode(200).header("X-Antideficiency-Check", "PASSED").extract().asString();
            assertEquals(entries.size() + 1, csv.split("\r\n").length, "a header and a line per entry");
            given().auth().oauth2(Fixtures.token("ACME00000001", "applicant")).get("/budgets/" + budgetId + "/antideficiency-report")
                    .then().statusCode(403);
            given().auth().oauth2(auditor()).get("/budgets/budget-FY2046-EQUITY/antideficiency-report").then().statusCode(404);
            given().auth().oauth2(auditor()).get("/budgets/" + ids.get(0) + "/antideficiency-report").then().statusCode(404);

            // the report equals the one the replayable projection holds, live and after an operator's replay of it
            AntideficiencyReport folded = reports.of(budgetId);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                    .oauth2(auditor()).get("/budgets/" + budgetId + "/antideficiency-report").then().statusCode(200)
                    .header("X-Antideficiency-Replay", "MATCHES"));
            assertTrue(AntideficiencyReports.same(folded, reports.replayed(budgetId).orElseThrow()));
            String operator = Fixtures.token("OPS", "operator");
            String started = given().auth().oauth2(operator).post("/admin/projections/" + AntideficiencyProjection.NAME + "/replay")
                    .then().statusCode(202).extract().path("startedAt");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(operator)
                    .get("/admin/projections/" + AntideficiencyProjection.NAME).then().statusCode(200)
                    .body("startedAt", org.hamcrest.Matchers.equalTo(started))
                    .body("status", org.hamcrest.Matchers.equalTo("LIVE")).body("eventsApplied", org.hamcrest.Matchers.greaterThan(0)));
            AntideficiencyReport rebuilt = reports.replayed(budgetId).orElseThrow();
            assertTrue(AntideficiencyReports.same(folded, rebuilt), "the report rebuilt by the replay equals the one folded");
            assertEquals(entries.size(), rebuilt.entries().size());
            assertTrue(rebuilt.check().passed());
            assertTrue(rebuilt.entries().stream().allMatch(e -> e.availableAfterUsd().signum() >= 0));
            given().auth().oauth2(auditor()).get("/budgets/" + budgetId + "/antideficiency-report").then().statusCode(200)
                    .header("X-Antideficiency-Replay", "MATCHES");

            // the program report's budget execution, from the same replayed rows: FY2045's loan line is the budget view's
            io.restassured.path.json.JsonPath execution = given().auth().oauth2(auditor()).get("/reports/budget-execution").then()
                    .statusCode(200).extract().jsonPath();
            String line = "fiscalYears.find { it.fiscalYear == 2045 }.instruments.find { it.instrument == 'DIRECT_LOAN' }";
            assertEquals(0, obligated.compareTo(new BigDecimal(execution.getString(line + ".netObligatedUsd"))));
            assertEquals(0, available.compareTo(new BigDecimal(execution.getString(line + ".availableUsd"))));
            assertEquals(accepted, execution.getInt(line + ".obligations"));
            given().auth().oauth2(Fixtures.token("ACME00000001", "applicant")).get("/reports/budget-execution").then().statusCode(403);
            given().auth().oauth2(auditor()).accept("text/csv").get("/reports/budget-execution").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString(",2045,instrument,DIRECT_LOAN,500000.00,"));
        } finally {
            pool.shutdown();
        }
    }
}
