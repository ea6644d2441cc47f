package gov.commerce.aiexports.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.runtime.domain.Violation;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParameterGuardTest {

    @SuppressWarnings("unused")
    public void list(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("after") Long after,
            @QueryParam("status") String status) {
    }

    private static Map<String, Class<?>> declared() throws Exception {
        return QueryParameterGuard.declared(QueryParameterGuardTest.class.getMethod("list", Integer.class, Long.class, String.class));
    }

    @Test
    void reads_the_declared_parameters_and_their_types() throws Exception {
        assertEquals(Map.of("fiscalYear", Integer.class, "after", Long.class, "status", String.class), declared());
    }

    @Test
    void a_non_numeric_value_of_a_numeric_parameter_is_a_wrong_type_naming_it() throws Exception {
        List<Violation> v = QueryParameterGuard.check(declared(), Map.of("fiscalYear", List.of("abc")));
        assertEquals(1, v.size());
        assertEquals("WRONG_TYPE", v.get(0).rule());
        assertEquals("/fiscalYear", v.get(0).field());
        assertEquals("/after", QueryParameterGuard.check(declared(), Map.of("after", List.of("1e3"))).get(0).field());
        assertEquals("/fiscalYear", QueryParameterGuard.check(declared(), Map.of("fiscalYear", List.of("99999999999"))).get(0).field());
    }

    @Test
    void numbers_and_text_pass() throws Exception {
        assertEquals(List.of(), QueryParameterGuard.check(declared(),
                Map.of("fiscalYear", List.of("2027"), "after", List.of("-1"), "status", List.of("abc"))));
    }

    @Test
    void an_undeclared_parameter_is_unknown_naming_it() throws Exception {
        List<Violation> v = QueryParameterGuard.check(declared(), Map.of("stauts", List.of("OPEN")));
        assertEquals(1, v.size());
        assertEquals("UNKNOWN_PARAMETER", v.get(0).rule());
        assertEquals("/stauts", v.get(0).field());
        assertEquals("UNKNOWN_PARAMETER", QueryParameterGuard.check(Map.of(), Map.of("x", List.of(""))).get(0).rule());
    }
}
