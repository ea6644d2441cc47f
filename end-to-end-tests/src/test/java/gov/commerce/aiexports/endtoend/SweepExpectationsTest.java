package gov.commerce.aiexports.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.endtoend.BadInputSweepIT.Expected;
import gov.commerce.aiexports.endtoend.HttpCalls.Reply;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the bad-input sweep accepts as a refusal of a case, without the stack: a refusal counts
 * only if it names what the case spoiled, whatever its status, so a 404, 409 or 422 for another
 * reason, or a 400 naming another field, fails the case.
 */
class SweepExpectationsTest {

    private static Reply problem(int status, String rule, String field, String... violationFields) {
        StringBuilder violations = new StringBuilder();
        for (String v : violationFields) {
            violations.append(violations.length() == 0 ? "" : ",").append("{\"rule\":\"").append(rule).append("\",\"field\":\"")
                    .append(v).append("\"}");
        }
        return new Reply(status, "application/problem+json", "{\"title\":\"t\",\"status\":" + status + ",\"rule\":\"" + rule + "\""
                + (field == null ? "" : ",\"field\":\"" + field + "\"") + ",\"violations\":[" + violations + "]}");
    }

    @Test
    void a_spoiled_field_must_be_named_whatever_the_status() {
        Expected missing = BadInputSweepIT.expected(new BodyMutations.Mutation("missing field", "/reason", "{}", false));
        assertTrue(missing.namedBy().test(problem(400, "FIELD_REQUIRED", "/reason")));
        assertTrue(missing.namedBy().test(problem(422, "JUSTIFICATION_REQUIRED", "/reason")));
        assertFalse(missing.namedBy().test(problem(404, "NOT_FOUND", null)), "a 404 for another reason");
        assertFalse(missing.namedBy().test(problem(409, "LINE_NOT_DECIDABLE", null)), "a 409 of the fixtures' state");
        assertFalse(missing.namedBy().test(problem(400, "FIELD_REQUIRED", "/reference")), "another field");

        Expected injection = BadInputSweepIT.expected(new BodyMutations.Mutation("injection string", "/incentives/0/instrument", "{}",
                false));
        assertTrue(injection.namedBy().test(problem(400, "VALUE_NOT_ALLOWED", "/incentives/0/instrument")));
        assertTrue(injection.namedBy().test(problem(422, "INCENTIVE_INVALID", null, "/title", "/incentives/0")),
                "named by a violation at the part that holds it");
        assertFalse(injection.namedBy().test(problem(422, "CONSORTIUM_NOT_OWNED", "/consortiumId")));
        assertFalse(injection.namedBy().test(problem(400, "WRONG_TYPE", "")), "the root holds everything: it names nothing");

        Expected wrongType = BadInputSweepIT.expected(new BodyMutations.Mutation("wrong type", "/stack/hardware", "{}", true));
        assertTrue(wrongType.namedBy().test(problem(400, "WRONG_TYPE", "/stack/hardware")));
        assertFalse(wrongType.namedBy().test(problem(400, "WRONG_TYPE", "/stack")), "exactly the field, for a wrong type");
    }

    @Test
    void a_whole_body_case_must_be_refused_by_its_rule() {
        Expected empty = BadInputSweepIT.expected(new BodyMutations.Mutation("missing field", null, "{}", false,
                Set.of("/title", "/fiscalYear")));
        assertTrue(empty.namedBy().test(problem(400, "FIELD_REQUIRED", "/title")));
        assertFalse(empty.namedBy().test(problem(409, "CALL_NOT_DRAFT", null)));
        Expected oversized = BadInputSweepIT.expected(new BodyMutations.Mutation("oversized body", null, "{}", false));
        assertTrue(oversized.namedBy().test(problem(413, "BODY_TOO_LARGE", null)));
        assertFalse(oversized.namedBy().test(problem(400, "MALFORMED_JSON", null)));
        Expected malformed = BadInputSweepIT.expected(new BodyMutations.Mutation("malformed JSON", null, "{", false));
        assertTrue(malformed.namedBy().test(problem(400, "MALFORMED_JSON", null)));
        assertFalse(malformed.namedBy().test(problem(404, "NOT_FOUND", null)));
    }

    @Test
    void hostile_path_and_query_values_are_refused_for_themselves() {
        Expected path = Expected.pathValue("id", "' OR '1'='1' --");
        assertTrue(path.namedBy().test(problem(404, "NOT_FOUND", null)));
        assertTrue(path.namedBy().test(problem(400, "IDENTIFIER_INVALID", "/id")));
        assertFalse(path.namedBy().test(problem(409, "CALL_NOT_DRAFT", null)));
        assertFalse(path.namedBy().test(problem(400, "CONTROL_CHARACTER", null)), "no control character in this value");
        assertTrue(Expected.pathValue("id", "a\u0000b").namedBy().test(problem(400, "CONTROL_CHARACTER", null)));

        Expected query = Expected.queryValue("status", "<script>alert(1)</script>");
        assertTrue(query.namedBy().test(problem(400, "VALUE_NOT_ALLOWED", "/status")));
        assertFalse(query.namedBy().test(problem(400, "VALUE_NOT_ALLOWED", "/channel")));
        assertFalse(query.namedBy().test(problem(404, "NOT_FOUND", null)));
    }

    @Test
    void an_empty_body_is_a_case_only_when_some_field_is_required() {
        List<BodyMutations.Mutation> allOptional = BodyMutations.of(Map.of("reason", "x"), Set.of("reason"));
        assertTrue(allOptional.stream().noneMatch(m -> m.body().equals("{}")), "{} is a valid body there");
        List<BodyMutations.Mutation> someRequired = BodyMutations.of(ApiSurface.map("reason", "x", "notes", "y"), Set.of("notes"));
        BodyMutations.Mutation empty = someRequired.stream().filter(m -> m.body().equals("{}")).findFirst().orElseThrow();
        assertEquals(Set.of("/reason"), empty.anyOf());
    }
}
