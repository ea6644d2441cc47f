package gov.commerce.aiexports.incentives;

import static gov.commerce.aiexports.incentives.Fixtures.auditor;
import static gov.commerce.aiexports.incentives.Fixtures.designate;
import static gov.commerce.aiexports.incentives.Fixtures.edag;
import static gov.commerce.aiexports.incentives.Fixtures.eventTypes;
import static gov.commerce.aiexports.incentives.Fixtures.officer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.incentives.budget.BudgetId;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The period of availability of budget authority over HTTP: an obligation is judged by the fiscal
 * year in which it is made (in America/New_York, on the service's clock, which the tests move);
 * outside the period it is refused and nothing changes; expired authority still de-obligates and
 * disburses. Each test has budgets of its own fiscal years (FY2051 and later).
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "incentives"))
class AppropriationsTest {

    @Inject
    IncentivesClock clock;

    @BeforeAll
    static void exactMoney() {
        Fixtures.init();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static ValidatableResponse post(String token, String path, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    static Map<String, Object> appropriation(int fiscalYear, Instrument instrument, String amount, Object... period) {
        Map<String, Object> body = new HashMap<>(Map.of("fiscalYear", fiscalYear, "instrument", instrument.name(), "amountUsd",
                new BigDecimal(amount), "appropriationReference", "P.L. 131-" + fiscalYear));
        for (int k = 0; k < period.length; k += 2) {
            body.put((String) period[k], period[k + 1]);
        }
        return body;
    }

    static org.hamcrest.Matcher<BigDecimal> usd(String amount) {
        return org.hamcrest.Matchers.comparesEqualTo(new BigDecimal(amount));
    }

    /** Lines of that instrument, routed to USTDA (no subsidy rate: the budget cost is the face amount). */
    static List<String> routedStudies(Instrument instrument, String... amounts) throws Exception {
        List<IncentiveLine> lines = java.util.Arrays.stream(amounts).map(a -> new IncentiveLine(instrument, new BigDecimal(a), null))
                .toList();
        List<String> ids = Fixtures.awaitLines(designate("APPR00000001", lines), amounts.length);
        for (String id : ids) {
            post(edag(), "/incentive-requests/" + id + "/routing", Map.of("agency", "USTDA", "terms", "Grant")).statusCode(200);
        }
        return ids;
    }

    static ValidatableResponse approve(String id, int fiscalYear) throws Exception {
        return post(officer("USTDA"), "/incentive-requests/" + id + "/approval", Map.of("fiscalYear", fiscalYear));
    }

    static ValidatableResponse budget(String id) throws Exception {
        return given().auth().oauth2(auditor()).get("/budgets/" + id).then().statusCode(200);
    }

    @Test
    void a_multi_year_authority_obligates_from_its_first_through_its_last_fiscal_year_counted_in_new_york() throws Exception {
        String budgetId = BudgetId.of(2051, Instrument.FEASIBILITY_STUDY);
        post(officer("USTDA"), "/budgets", appropriation(2051, Instrument.FEASIBILITY_STUDY, "10000.00",
                "periodOfAvailability", "MULTI_YEAR", "lastFiscalYear", 2052)).statusCode(201)
                .body("periodOfAvailability", equalTo("MULTI_YEAR")).body("lastFiscalYear", equalTo(2052))
                .body("periodStatus", equalTo("NOT_YET_AVAILABLE"));
        List<String> ids = routedStudies(Instrument.FEASIBILITY_STUDY, "1000.00", "2000.00", "3000.00");
        List<String> routed = eventTypes(ids.get(0));

        // 03:00Z on 1 October 2050 is 23:00 on 30 September in Washington: still FY2050, before the period
        clock.at(Instant.parse("2050-10-01T03:00:00Z"));
        approve(ids.get(0), 2051).statusCode(422).body("rule", equalTo("OUTSIDE_PERIOD_OF_AVAILABILITY"))
                .body("field", equalTo("/fiscalYear"))
                .body("violations[0].detail", containsString("multi-year (FY2051 through FY2052)"))
                .body("violations[0].detail", containsString("made in FY2050"));
        assertEquals(routed, eventTypes(ids.get(0)), "a refusal outside the period writes nothing, not even a refusal record");
        assertEquals(List.of("BudgetEvent$AppropriationRecorded"), eventTypes(budgetId));
        budget(budgetId).body("obligatedUsd", usd("0.00")).body("obligations", hasSize(0))
                .body("periodStatus", equalTo("NOT_YET_AVAILABLE"));

        // midnight EDT (04:00Z): FY2051 has begun
        clock.at(Instant.parse("2050-10-01T04:00:01Z"));
        approve(ids.get(0), 2051).statusCode(200).body("status", equalTo("OBLIGATED"));
        // 23:00 EDT on 30 September 2052, the last evening of FY2052 (03:00Z on 1 October)
        clock.at(Instant.parse("2052-10-01T03:00:00Z"));
        approve(ids.get(1), 2051).statusCode(200).body("status", equalTo("OBLIGATED"));
        budget(budgetId).body("obligatedUsd", usd("3000.00")).body("periodStatus", equalTo("CURRENT"));

        // FY2053: after the last year
        clock.at(Instant.parse("2052-10-01T04:00:01Z"));
        List<String> before = eventTypes(ids.get(2));
        approve(ids.get(2), 2051).statusCode(422).body("rule", equalTo("OUTSIDE_PERIOD_OF_AVAILABILITY")).body("field", equalTo("/fiscalYear"))
                .body("violations[0].detail", containsString("made in FY2053"))
                .body("violations[0].detail", containsString("period has ended"));
        assertEquals(before, eventTypes(ids.get(2)));
        assertEquals(List.of("BudgetEvent$AppropriationRecorded", "BudgetEvent$Obligated", "BudgetEvent$Obligated"),
                eventTypes(budgetId));
        budget(budgetId).body("obligatedUsd", usd("3000.00")).body("availableUsd", usd("7000.00")).body("obligations", hasSize(2))
                .body("periodStatus", equalTo("EXPIRED"));

        // expired authority still records, adjusts and liquidates the obligations made in its period
        post(officer("USTDA"), "/incentive-requests/" + ids.get(0) + "/deobligations", Map.of("amountUsd", 400.00,
                "reason", "study narrowed")).statusCode(200);
        post(officer("USTDA"), "/incentive-requests/" + ids.get(1) + "/disbursements", Map.of("amountUsd", 2000.00,
                "reference", "W-2053-1")).statusCode(200).body("status", equalTo("CLOSED"));
        budget(budgetId).body("obligatedUsd", usd("2600.00")).body("availableUsd", usd("7400.00"));
        // what the de-obligation returned cannot be obligated anew once the period has ended
        approve(ids.get(2), 2051).statusCode(422).body("rule", equalTo("OUTSIDE_PERIOD_OF_AVAILABILITY")).body("field", equalTo("/fiscalYear"));
    }

    @Test
    void a_budget_is_one_year_by_default_and_a_no_year_authority_obligates_in_any_later_year() throws Exception {
        String oneYear = BudgetId.of(2055, Instrument.TECHNICAL_ASSISTANCE);
        String noYear = BudgetId.of(2055, Instrument.FEASIBILITY_STUDY);
        // an older client's body, without a period: one-year
        post(officer("USTDA"), "/budgets", appropriation(2055, Instrument.TECHNICAL_ASSISTANCE, "5000.00")).statusCode(201)
                .body("periodOfAvailability", equalTo("ONE_YEAR")).body("lastFiscalYear", equalTo(2055));
        post(officer("USTDA"), "/budgets", appropriation(2055, Instrument.FEASIBILITY_STUDY, "5000.00",
                "periodOfAvailability", "NO_YEAR")).statusCode(201)
                .body("periodOfAvailability", equalTo("NO_YEAR")).body("lastFiscalYear", nullValue());
        // a later appropriation keeps the budget's period when it states none, and may not state another
        post(officer("USTDA"), "/budgets", appropriation(2055, Instrument.FEASIBILITY_STUDY, "1000.00")).statusCode(201)
                .body("periodOfAvailability", equalTo("NO_YEAR")).body("authorityUsd", usd("6000.00"));
        post(officer("USTDA"), "/budgets", appropriation(2055, Instrument.FEASIBILITY_STUDY, "1000.00",
                "periodOfAvailability", "ONE_YEAR")).statusCode(422).body("rule", equalTo("BUDGET_PERIOD_MISMATCH"))
                .body("field", equalTo("/periodOfAvailability"));
        assertEquals(List.of("BudgetEvent$AppropriationRecorded", "BudgetEvent$AppropriationRecorded"), eventTypes(noYear));

        List<String> studies = routedStudies(Instrument.FEASIBILITY_STUDY, "1500.00");
        List<String> assistance = routedStudies(Instrument.TECHNICAL_ASSISTANCE, "1500.00");
        // eight years on
        clock.inFiscalYear(2063);
        approve(assistance.get(0), 2055).statusCode(422).body("rule", equalTo("OUTSIDE_PERIOD_OF_AVAILABILITY")).body("field", equalTo("/fiscalYear"))
                .body("violations[0].detail", containsString("one-year (FY2055 only)"));
        assertEquals(List.of("BudgetEvent$AppropriationRecorded"), eventTypes(oneYear));
        approve(studies.get(0), 2055).statusCode(200).body("status", equalTo("OBLIGATED"))
                .body("obligation.budgetId", equalTo(noYear));
        budget(noYear).body("obligatedUsd", usd("1500.00")).body("periodStatus", equalTo("CURRENT"));
        budget(oneYear).body("periodStatus", equalTo("EXPIRED"));
        given().auth().oauth2(auditor()).queryParam("fiscalYear", 2055).get("/budgets").then().statusCode(200)
                .body("periodOfAvailability", equalTo(List.of("NO_YEAR", "ONE_YEAR")));
    }

    @Test
    void a_budget_stored_before_periods_existed_replays_from_its_old_event_as_one_year() throws Exception {
        String recorded = BudgetId.of(2059, Instrument.FEASIBILITY_STUDY);
        String old = BudgetId.of(2059, Instrument.TECHNICAL_ASSISTANCE);
        post(officer("USTDA"), "/budgets", appropriation(2059, Instrument.FEASIBILITY_STUDY, "5000.00",
                "periodOfAvailability", "NO_YEAR")).statusCode(201);
        // the same appropriation as the store kept it before the period fields existed, for another budget
        try (Connection c = TestInfrastructure.get().postgres().connect("incentives");
             PreparedStatement s = c.prepareStatement("insert into domain_event_entry (event_identifier, meta_data, payload, "
                     + "payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                     + "select ?, meta_data, convert_to(((convert_from(payload, 'UTF8')::jsonb - 'periodOfAvailability' - 'lastFiscalYear')"
                     + " || jsonb_build_object('budgetId', ?::text, 'instrument', 'TECHNICAL_ASSISTANCE'))::text, 'UTF8'), "
                     + "payload_revision, payload_type, time_stamp, ?, 0, type from domain_event_entry "
                     + "where aggregate_identifier = ? and sequence_number = 0")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, old);
            s.setString(3, old);
            s.setString(4, recorded);
            assertEquals(1, s.executeUpdate());
        }
        List<String> lines = routedStudies(Instrument.TECHNICAL_ASSISTANCE, "1000.00", "1000.00");
        // read as one-year: refused in FY2060 (a no-year budget would obligate), obligated in FY2059
        clock.inFiscalYear(2060);
        approve(lines.get(0), 2059).statusCode(422).body("rule", equalTo("OUTSIDE_PERIOD_OF_AVAILABILITY")).body("field", equalTo("/fiscalYear"))
                .body("violations[0].detail", containsString("one-year (FY2059 only)"));
        clock.inFiscalYear(2059);
        approve(lines.get(1), 2059).statusCode(200).body("obligation.budgetId", equalTo(old));
        assertEquals(List.of("BudgetEvent$AppropriationRecorded", "BudgetEvent$Obligated"), eventTypes(old));
    }

    @Test
    void a_stated_period_that_makes_no_sense_is_refused_naming_the_field_and_nothing_is_written() throws Exception {
        String budgetId = BudgetId.of(2057, Instrument.EQUITY_INVESTMENT);
        post(officer("DFC"), "/budgets", appropriation(2057, Instrument.EQUITY_INVESTMENT, "1.00",
                "periodOfAvailability", "TWO_YEAR")).statusCode(400).body("rule", equalTo("VALUE_NOT_ALLOWED"))
                .body("field", equalTo("/periodOfAvailability"));
        post(officer("DFC"), "/budgets", appropriation(2057, Instrument.EQUITY_INVESTMENT, "1.00",
                "periodOfAvailability", "MULTI_YEAR")).statusCode(400).body("rule", equalTo("LAST_FISCAL_YEAR_REQUIRED"))
                .body("field", equalTo("/lastFiscalYear"));
        post(officer("DFC"), "/budgets", appropriation(2057, Instrument.EQUITY_INVESTMENT, "1.00",
                "periodOfAvailability", "MULTI_YEAR", "lastFiscalYear", 2056)).statusCode(400)
                .body("rule", equalTo("LAST_FISCAL_YEAR_INVALID")).body("field", equalTo("/lastFiscalYear"));
        post(officer("DFC"), "/budgets", appropriation(2057, Instrument.EQUITY_INVESTMENT, "1.00",
                "periodOfAvailability", "ONE_YEAR", "lastFiscalYear", 2057)).statusCode(400)
                .body("rule", equalTo("LAST_FISCAL_YEAR_NOT_APPLICABLE")).body("field", equalTo("/lastFiscalYear"));
        post(officer("DFC"), "/budgets", appropriation(2057, Instrument.EQUITY_INVESTMENT, "1.00",
                "periodOfAvailability", "NO_YEAR", "lastFiscalYear", 2060)).statusCode(400)
                .body("rule", equalTo("LAST_FISCAL_YEAR_NOT_APPLICABLE")).body("field", equalTo("/lastFiscalYear"));
        post(officer("DFC"), "/budgets", appropriation(2057, Instrument.EQUITY_INVESTMENT, "1.00",
                "lastFiscalYear", 2060)).statusCode(400)
                .body("rule", equalTo("LAST_FISCAL_YEAR_NOT_APPLICABLE")).body("field", equalTo("/lastFiscalYear"));
        post(officer("DFC"), "/budgets", appropriation(2057, Instrument.EQUITY_INVESTMENT, "1.00",
                "periodOfAvailability", "MULTI_YEAR", "lastFiscalYear", "2060")).statusCode(400)
                .body("rule", equalTo("WRONG_TYPE")).body("field", equalTo("/lastFiscalYear"));
        assertEquals(List.of(), eventTypes(budgetId));
        given().auth().oauth2(auditor()).get("/budgets/" + budgetId).then().statusCode(404);
    }
}
