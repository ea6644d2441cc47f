package gov.commerce.aiexports.runtime.request;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.Violation;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Query parameters are read as strictly as bodies, for every operation in one place:
 * <ul>
 * <li>a parameter the operation does not declare is refused (400 {@code UNKNOWN_PARAMETER}), as an
 * unknown body field is: a misspelt filter ({@code ?stauts=}) would otherwise widen the answer
 * silently;</li>
 * <li>a numeric parameter whose value is not a number is refused (400 {@code WRONG_TYPE}). Left to
 * JAX-RS, the conversion failure is a 404 (the spec's rule for query parameters), which a client
 * reads as "no such resource".</li>
 * </ul>
 * The field of the problem is the parameter, as {@code /name}, like the other query checks
 * ({@link QueryParameters}). Runs after matching (so it knows the operation's declared parameters)
 * and before the parameters are converted.
 */
@Provider
@Priority(Priorities.USER - 100)
public class QueryParameterGuard implements ContainerRequestFilter {

    public static final String UNKNOWN_PARAMETER = "UNKNOWN_PARAMETER";
    public static final String WRONG_TYPE = "WRONG_TYPE";

    /** Per resource method: its query parameters and their Java types. */
    private static final Map<Method, Map<String, Class<?>>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, List<String>> given = request.getUriInfo().getQueryParameters();
        if (given.isEmpty()) {
            return;
        }
        List<Violation> violations = check(DECLARED.computeIfAbsent(method, QueryParameterGuard::declared), given);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    /** The violations of the given query parameters against the declared ones (name to type). */
    public static List<Violation> check(Map<String, Class<?>> declared, Map<String, List<String>> given) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            String name = parameter.getKey();
            Class<?> type = declared.get(name);
            if (type == null) {
                violations.add(new Violation(UNKNOWN_PARAMETER, "/" + name, "The query parameter '" + name
                        + "' is not part of this operation" + (declared.isEmpty() ? ", which takes none." : "; it takes "
                        + String.join(", ", declared.keySet()) + ".")));
                continue;
            }
            String kind = numericKind(type);
            if (kind == null) {
                continue;
            }
            for (String value : parameter.getValue()) {
                if (!parses(type, value)) {
                    violations.add(new Violation(WRONG_TYPE, "/" + name, name + " is " + kind + "; '" + abbreviated(value)
                            + "' is not one (or is out of range)."));
                    break;
                }
            }
        }
        return violations;
    }

    static Map<String, Class<?>> declared(Method method) {
        Map<String, Class<?>> names = new LinkedHashMap<>();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                names.put(q.value(), p.getType());
            }
        }
        return names;
    }

    private static String numericKind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == Short.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return "a number";
        }
        return null;
    }

    private static boolean parses(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.trim());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.trim());
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value.trim());
            } else {
                new BigDecimal(value.trim());
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String abbreviated(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
