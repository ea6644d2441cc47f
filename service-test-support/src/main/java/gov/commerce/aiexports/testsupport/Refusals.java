package gov.commerce.aiexports.testsupport;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Hamcrest matchers for an aggregate test fixture's {@code expectException}: the refusal's type and
 * its stable rule code (and field). Read by reflection ({@code rule()}, {@code field()},
 * {@code violations()}) so that this module needs no dependency on service-runtime's domain
 * exceptions: a StateConflict has rule() and field(), a RuleViolation (and InvalidInput) a list of
 * violations, each with rule() and field().
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * A refusal of exactly this type (so a 422 RuleViolation is told from its 400 subclass InvalidInput)
     * naming this rule (among its violations, for a RuleViolation).
     */
    public static Matcher<Throwable> refused(Class<? extends Throwable> type, String rule) {
        return refused(type, rule, null);
    }

    /** As {@link #refused(Class, String)}, the rule naming this field (a JSON pointer) too. */
    public static Matcher<Throwable> refused(Class<? extends Throwable> type, String rule, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t.getClass() == type && codes(t).stream()
                        .anyMatch(c -> c[0].equals(rule) && (field == null || field.equals(c[1])));
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(type.getSimpleName() + " with rule " + rule + (field == null ? "" : " on " + field));
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText(t.getClass().getSimpleName() + " with rules " + codes(t).stream().map(c -> c[0] + " on " + c[1]).toList()
                        + ": " + t.getMessage());
            }
        };
    }

    /** Every (rule, field) pair a refusal names. */
    static List<String[]> codes(Throwable t) {
        List<String[]> codes = new ArrayList<>();
        Object violations = call(t, "violations");
        if (violations instanceof List<?> list) {
            for (Object v : list) {
                codes.add(new String[] {Objects.toString(call(v, "rule"), null), Objects.toString(call(v, "field"), null)});
            }
        } else if (call(t, "rule") != null) {
            codes.add(new String[] {Objects.toString(call(t, "rule"), null), Objects.toString(call(t, "field"), null)});
        }
        return codes;
    }

    private static Object call(Object target, String accessor) {
        try {
            Method m = target.getClass().getMethod(accessor);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
