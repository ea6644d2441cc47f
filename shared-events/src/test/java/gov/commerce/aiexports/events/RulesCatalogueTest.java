package gov.commerce.aiexports.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md lists every rule code the code can answer with, and no other. Beside DocsDriftTest
 * for the same reason: the codes are read from the sources of service-runtime and the four
 * services, with no service on the classpath.
 *
 * <p>A rule code is an UPPER_SNAKE string (a literal, or a String constant holding one) that is
 * <ul>
 * <li>the rule of a refusal: the first argument of {@code new StateConflict}, {@code RuleViolation},
 * {@code InvalidInput}, {@code Violation}, {@code ScreeningFlag}, a dead letter's {@code Refusal},
 * or of a {@code super(...)} call of such an exception;</li>
 * <li>followed by the field it names (a JSON pointer: {@code "/..."}, {@code x + "/..."},
 * {@code field}, {@code pointer(e)}), as in {@code Checks.require(ok, rule, field, detail)} and the
 * problem responses;</li>
 * <li>a String constant of a {@code *Rules}, {@code *Policies} or {@code *Policy} class (but
 * RoutingRules, whose names are of notices, not refusals);</li>
 * <li>any such literal of the HTTP edge's guards and problems (service-runtime's {@code problem}
 * and {@code request} packages), and the dead letters' own rules ({@code IntegrationEventConsumer.RULES}).</li>
 * </ul>
 */
class RulesCatalogueTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> MODULES = List.of("service-runtime", "proposals-service", "review-service",
            "incentives-service", "notifications-service");

    private static final String CODE = "((?:[A-Za-z]\\w*\\.)*[A-Z][A-Z0-9_]+|\"[A-Z][A-Z0-9_]+\")";
    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([A-Z][A-Z0-9_]+)\";");
    private static final Pattern REFUSAL = Pattern.compile(
            "(?:new (?:[\\w.]+\\.)?(?:StateConflict|RuleViolation|InvalidInput|Violation|ScreeningFlag|Refusal)|\\bsuper)\\( ?" + CODE
                    + " ?[,)]");
    private static final Pattern BEFORE_FIELD = Pattern.compile(", ?" + CODE
            + "(?=, ?(?:\"/|\\w+ \\+ \"/|\"/\" \\+|field\\b|pointer\\(|null, null, uri))");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    private static final Pattern DEAD_LETTER_RULES = Pattern.compile("RULES = List\\.of\\(([^)]*)\\)");

    private static String normalised(Path p) {
        try {
            return Files.readString(p).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> codesInCode() {
        Map<Path, String> sources = new HashMap<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.put(p, normalised(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> constants = new HashMap<>();
        Set<String> codes = new TreeSet<>();
        sources.forEach((path, source) -> {
            String name = path.getFileName().toString().replace(".java", "");
            // the RoutingRules classes name notices (who is told), not refusals
            // RetrySchedule (once RetryPolicy) names the rule its dead-lettered deliveries record
            boolean rules = (name.endsWith("Rules") || name.endsWith("Policies") || name.endsWith("Policy")
                    || name.equals("RetrySchedule")) && !name.endsWith("RoutingRules");
            Matcher c = CONSTANT.matcher(source);
            while (c.find()) {
                constants.put(c.group(1), c.group(2));
                if (rules) {
                    codes.add(c.group(2));
                }
            }
        });
        sources.forEach((path, source) -> {
            for (Pattern p : List.of(REFUSAL, BEFORE_FIELD)) {
                Matcher m = p.matcher(source);
                while (m.find()) {
                    String token = m.group(1);
                    if (token.startsWith("\"")) {
                        codes.add(token.substring(1, token.length() - 1));
                    } else if (constants.containsKey(token.substring(token.lastIndexOf('.') + 1))) {
                        codes.add(constants.get(token.substring(token.lastIndexOf('.') + 1)));
                    }
                }
            }
            String p = path.toString().replace('\\', '/');
            if (p.contains("/runtime/problem/") || p.contains("/runtime/request/")) {
                Matcher m = LITERAL.matcher(source);
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
            Matcher deadLetters = DEAD_LETTER_RULES.matcher(source);
            if (deadLetters.find()) {
                Matcher m = Pattern.compile("\"([A-Z_]+)\"").matcher(deadLetters.group(1));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        });
        return codes;
    }

    private static Set<String> codesInDoc() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/rules.md"));
        Set<String> codes = new TreeSet<>();
        Matcher m = Pattern.compile("\\n\\| `([A-Z][A-Z0-9_]+)` \\|").matcher(doc);
        while (m.find()) {
            assertTrue(codes.add(m.group(1)), m.group(1) + " is listed twice in docs/rules.md");
        }
        return codes;
    }

    @Test
    void every_rule_code_in_the_code_is_catalogued_and_every_catalogued_code_is_in_the_code() throws IOException {
        Set<String> inCode = codesInCode();
        assertTrue(inCode.size() > 100, "the scan found only " + inCode);
        Set<String> missing = new TreeSet<>(inCode);
        Set<String> inDoc = codesInDoc();
        missing.removeAll(inDoc);
        Set<String> unknown = new TreeSet<>(inDoc);
        unknown.removeAll(inCode);
        assertEquals(Set.of(), missing, "rule codes in the code and not in docs/rules.md");
        assertEquals(Set.of(), unknown, "rule codes in docs/rules.md and not in the code");
    }
}
