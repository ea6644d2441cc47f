package gov.commerce.aiexports.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.util.List;

/** RFC 9457 problem details, with the rule code and field (a JSON pointer) of API.md. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String rule,
        String field,
        String correlationId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String typeOf(String rule) {
        return "https://aiexports.commerce.gov/problems/" + rule.toLowerCase().replace('_', '-');
    }
}
