package gov.commerce.aiexports.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.endtoend.ApiSurface.Caller;
import gov.commerce.aiexports.endtoend.ApiSurface.Operation;
import gov.commerce.aiexports.endtoend.HttpCalls.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A generated sweep over every endpoint of the four services: spoiled bodies, hostile path and
 * query values, wrong media types. Every answer must be a 4xx problem document (never a 5xx)
 * that names what the case spoiled, whatever its status: the spoiled field (or, for a case that
 * spoils the whole body, the rule refusing it), so a refusal for an unrelated reason (a 404, 409
 * or 422 the fixtures' state causes) fails the case; and nothing may be written anywhere.
 */
class BadInputSweepIT {

    @Test
    void every_endpoint_refuses_bad_input_with_a_problem_and_writes_nothing() throws Exception {
        ApiFixtures f = ApiFixtures.get();
        List<Operation> operations = ApiSurface.operations();
        Map<String, Map<String, List<String>>> openApi = ApiSurface.documentedOperations(operations);
        Map<String, Map<String, List<String>>> numeric = new HashMap<>();
        for (gov.commerce.aiexports.localstack.Services.Service s : gov.commerce.aiexports.localstack.Services.ALL) {
            numeric.put(s.name(), HttpCalls.openApiNumericQueryParameters(s));
        }

        StoreSnapshot before = StoreSnapshot.settled();
        Map<String, Integer> tried = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Operation op : operations) {
            String token = token(op.caller(), f);
            String realPath = op.path().apply(f);
            // every POST carries an Idempotency-Key: the snapshot below proves a refused request keeps none
            String change = op.method() + " " + op.template();
            // a conditional change carries If-Match (the version read, or * for any), so that what is swept is the body
            Map<String, String> headers = op.method().equals("PUT") ? Map.of("If-Match", currentVersion(op, realPath, token))
                    : op.method().equals("POST") ? ApiSurface.CONDITIONAL.contains(change)
                            ? Map.of("Idempotency-Key", "sweep-" + java.util.UUID.randomUUID(), "If-Match", "*")
                            : Map.of("Idempotency-Key", "sweep-" + java.util.UUID.randomUUID())
                    : ApiSurface.CONDITIONAL.contains(change) ? Map.of("If-Match", "*") : Map.of();
            if (ApiSurface.CONDITIONAL.contains(change)) {
                // the valid request with a stale, an invalid and no If-Match: refused by the precondition alone, nothing written
                String valid = op.takesBody() ? HttpCalls.JSON.writeValueAsString(op.body().apply(f)) : null;
                String media = valid == null ? null : "application/json";
                Reply stale = HttpCalls.send(op.service(), op.method(), realPath, token, media, valid, Map.of("If-Match", "\"987654\""));
                if (stale.status() == 404) {
                    // a fixture this caller may not know of: its 404 comes first, and the precondition is never reached
                    tried.merge("If-Match on an absent fixture (404)", 1, Integer::sum);
                } else {
                    checkPrecondition(op, "stale If-Match", stale, 412, "STALE_VERSION", failures);
                    Reply invalid = HttpCalls.send(op.service(), op.method(), realPath, token, media, valid, Map.of("If-Match", "yesterday"));
                    checkPrecondition(op, "invalid If-Match", invalid, 400, "IF_MATCH_INVALID", failures);
                    tried.merge("stale or invalid If-Match", 2, Integer::sum);
                    if (ApiSurface.IF_MATCH_REQUIRED.contains(change)) {
                        Reply missing = HttpCalls.send(op.service(), op.method(), realPath, token, media, valid, Map.of());
                        checkPrecondition(op, "no If-Match", missing, 428, "IF_MATCH_REQUIRED", failures);
                        tried.merge("missing If-Match", 1, Integer::sum);
                    }
                }
            }
            if (op.takesBody()) {
                String valid = HttpCalls.JSON.writeValueAsString(op.body().apply(f));
                for (BodyMutations.Mutation m : BodyMutations.of(op.body().apply(f), op.optional())) {
                    Reply reply = HttpCalls.send(op.service(), op.method(), realPath, token, "application/json", m.body(), headers);
                    check(op, m.kind() + (m.pointer() == null ? "" : " at " + m.pointer()), reply, expected(m), failures);
                    if (RULE_NAMES_IT.contains(m.kind()) && reply.status() != 400 && reply.status() != 422) {
                        failures.add(op.key() + " [" + m.kind() + " at " + m.pointer() + "]: status " + reply.status()
                                + " instead of 400 or 422 " + reply.shortBody());
                    }
                    tried.merge(m.kind(), 1, Integer::sum);
                }
                for (String[] media : new String[][] {{"text/plain", "title=x"}, {"application/xml", "<call/>"}, {null, valid}}) {
                    Reply reply = HttpCalls.send(op.service(), op.method(), realPath, token, media[0], media[1], headers);
                    check(op, "media type " + media[0], reply, Expected.rule(415, "UNSUPPORTED_MEDIA_TYPE"), failures);
                    tried.merge("wrong media type", 1, Integer::sum);
                }
            }
            if (ApiSurface.UPLOADS.contains(op.key())) {
                uploads(op, realPath, token, headers, tried, failures);
            }
            Map<String, String> realParameters = parameters(op.template(), realPath.replaceAll("\\?.*", ""));
            for (String parameter : op.pathParameters()) {
                for (String hostile : BodyMutations.INJECTIONS) {
                    String path = op.pathWith(name -> name.equals(parameter)
                            ? URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20") : realParameters.get(name));
                    String body = op.takesBody() ? HttpCalls.JSON.writeValueAsString(op.body().apply(f)) : null;
                    Reply reply = HttpCalls.send(op.service(), op.method(), path, token, body == null ? null : "application/json", body,
                            headers);
                    check(op, "path {" + parameter + "} = " + abbreviated(hostile), reply, Expected.pathValue(parameter, hostile),
                            failures);
                    tried.merge("hostile path value", 1, Integer::sum);
                }
            }
            if (op.method().equals("GET")) {
                for (String parameter : openApi.get(op.service().name()).get(op.method() + " " + op.template())) {
                    for (String hostile : hostileQueryValues()) {
                        String path = op.pathWith(realParameters::get) + "?" + parameter + "="
                                + URLEncoder.encode(hostile, StandardCharsets.UTF_8);
                        Reply reply = HttpCalls.send(op.service(), "GET", path, token, null, null, Map.of());
                        check(op, "query " + parameter + " = " + abbreviated(hostile), reply, Expected.queryValue(parameter, hostile),
                                failures);
                        tried.merge("hostile query value", 1, Integer::sum);
                    }
                }
                // a number that is not one, and a parameter the operation does not take: 400 naming the parameter
                for (String parameter : numeric.get(op.service().name()).getOrDefault(op.method() + " " + op.template(), List.of())) {
                    Reply reply = HttpCalls.send(op.service(), "GET", op.pathWith(realParameters::get) + "?" + parameter + "=abc", token,
                            null, null, Map.of());
                    checkQuery(op, parameter + "=abc", reply, "WRONG_TYPE", "/" + parameter, failures);
                    tried.merge("non-numeric query number", 1, Integer::sum);
                }
                String realQuery = realPath.contains("?") ? realPath.substring(realPath.indexOf('?') + 1) + "&" : "";
                Reply reply = HttpCalls.send(op.service(), "GET", op.pathWith(realParameters::get) + "?" + realQuery + "sweepUnknown=1",
                        token, null, null, Map.of());
                checkQuery(op, "unknown query parameter", reply, "UNKNOWN_PARAMETER", "/sweepUnknown", failures);
                tried.merge("unknown query parameter", 1, Integer::sum);
            }
        }
        List<String> written = StoreSnapshot.take().differencesFrom(before);

        int total = tried.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("bad-input sweep: %d cases over %d operations of 4 services%n", total, operations.size());
        tried.forEach((kind, count) -> System.out.printf("  %-28s %5d%n", kind, count));
        System.out.printf("  refused as a 4xx problem naming the spoiled field or the rule: %d (of which %d invalid countries and "
                        + "amounts refused by a rule naming them), failures: %d, tables written: %d%n", total - failures.size(),
                RULE_NAMES_IT.stream().mapToInt(k -> tried.getOrDefault(k, 0)).sum(), failures.size(), written.size());
        failures.stream().limit(400).forEach(line -> System.out.println("  FAIL " + line));
        assertTrue(failures.isEmpty(), failures.size() + " cases not refused with a 4xx problem naming what they spoiled; first: "
                + failures.stream().limit(10).toList());
        assertEquals(List.of(), written, "refused requests wrote nothing");
    }

    /**
     * Values a rule of the program must refuse by name: the fixtures are in a state where the
     * unspoiled body would pass, so the refusal is a 400 or 422 (besides naming the value, as every
     * case must).
     */
    private static final java.util.Set<String> RULE_NAMES_IT = java.util.Set.of("invalid country", "negative or absurd amount");

    /**
     * What a refusal must name, whatever its status, to show that it refused the spoiled value and
     * not something else (a 404, 409 or 422 for another reason fails the case): the spoiled field
     * (its problem field or one of its violations' fields), or for a case that spoils no one field,
     * the rule that refuses it.
     */
    record Expected(String description, java.util.function.Predicate<Reply> namedBy) {

        /** The field itself (exact), or also the part that holds it: a country refused at its target, a line at its incentive. */
        static Expected field(String pointer, boolean exact) {
            return new Expected("field " + pointer + (exact ? "" : " (or the part holding it)"),
                    r -> fields(r).stream().anyMatch(f -> pointer.equals(f) || !exact && !f.isEmpty() && pointer.startsWith(f + "/")));
        }

        /** One of the required fields: an empty body is refused at any one of them. */
        static Expected anyField(java.util.Set<String> pointers) {
            return new Expected("one of the fields " + new java.util.TreeSet<>(pointers),
                    r -> fields(r).stream().anyMatch(f -> pointers.stream().anyMatch(p -> p.equals(f) || f.startsWith(p + "/"))));
        }

        static Expected rule(int status, String... rules) {
            java.util.Set<String> accepted = java.util.Set.of(rules);
            return new Expected(status + " " + new java.util.TreeSet<>(accepted),
                    r -> r.status() == status && accepted.contains(r.json().path("rule").asText()));
        }

        /** A hostile id in the path: not found, or a 400 naming the parameter (or a control character, when it holds one). */
        static Expected pathValue(String parameter, String hostile) {
            return new Expected("404 NOT_FOUND or 400 at /" + parameter + (controls(hostile) ? " or CONTROL_CHARACTER" : ""),
                    r -> r.status() == 404 && "NOT_FOUND".equals(r.json().path("rule").asText())
                            || r.status() == 400 && (fields(r).contains("/" + parameter)
                                    || controls(hostile) && "CONTROL_CHARACTER".equals(r.json().path("rule").asText())));
        }

        /** A hostile query value: a 400 naming the parameter (or a control character, when it holds one). */
        static Expected queryValue(String parameter, String hostile) {
            return new Expected("400 at /" + parameter + (controls(hostile) ? " or CONTROL_CHARACTER" : ""),
                    r -> r.status() == 400 && (fields(r).contains("/" + parameter)
                            || controls(hostile) && "CONTROL_CHARACTER".equals(r.json().path("rule").asText())));
        }

        private static boolean controls(String value) {
            return value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
        }
    }

    /**
     * An upload's body is a file, not JSON: it is spoiled by breaking the documents' rules, each refused
     * by its rule (and nothing stored): an executable renamed .pdf, a type that is not the content's, an
     * empty file (a file past the size limit is proposals-service's DocumentsTest: a 100 MiB body is not a sweep case),
     * a file name with a path in it and a marking that is none.
     */
    private static void uploads(Operation op, String realPath, String token, Map<String, String> headers, Map<String, Integer> tried,
            List<String> failures) throws Exception {
        String bare = realPath.replaceAll("\\?.*", "");
        String named = bare + "?name=annex.pdf&confidentiality=NOT_CONFIDENTIAL";
        byte[] exe = new byte[20_000];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] pdf = "%PDF-1.7\n% annex\n".getBytes(StandardCharsets.US_ASCII);
        Object[][] cases = {
            {"executable renamed .pdf", named, "application/pdf", exe, null, Expected.rule(422, "DOCUMENT_TYPE_NOT_ALLOWED")},
            {"declared type not the content's", named, "image/png", pdf, null, Expected.rule(422, "DOCUMENT_TYPE_MISMATCH")},
            {"empty file", named, "application/pdf", new byte[0], null, Expected.rule(422, "DOCUMENT_EMPTY")},
            {"file name with a path", bare + "?name=..%2F..%2Fetc%2Fpasswd&confidentiality=NOT_CONFIDENTIAL", "application/pdf", pdf, null,
                Expected.field("/name", true)},
            {"marking that is none", bare + "?name=annex.pdf&confidentiality=TOP_SECRET", "application/pdf", pdf, null,
                Expected.field("/confidentiality", true)}};
        for (Object[] c : cases) {
            Reply reply = HttpCalls.sendBytes(op.service(), op.method(), (String) c[1], token, (String) c[2], (byte[]) c[3], (Long) c[4],
                    headers);
            check(op, (String) c[0], reply, (Expected) c[5], failures);
            tried.merge("spoiled file", 1, Integer::sum);
        }
    }

    /** What a spoiled body's refusal must name. */
    static Expected expected(BodyMutations.Mutation m) {
        if (m.pointer() != null) {
            return Expected.field(m.pointer(), m.namesField());
        }
        if (!m.anyOf().isEmpty()) {
            return Expected.anyField(m.anyOf());
        }
        return switch (m.kind()) {
            case "oversized body" -> Expected.rule(413, "BODY_TOO_LARGE");
            case "duplicate key" -> Expected.rule(400, "MALFORMED_JSON");
            // not JSON, JSON that is not an object (WRONG_TYPE), or no body at all (FIELD_REQUIRED)
            case "malformed JSON" -> Expected.rule(400, "MALFORMED_JSON", "WRONG_TYPE", "FIELD_REQUIRED");
            default -> throw new IllegalArgumentException("no expectation for " + m.kind());
        };
    }

    /** The problem's field and its violations' fields. */
    static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        fields.add(reply.json().path("field").asText());
        reply.json().path("violations").forEach(v -> fields.add(v.path("field").asText()));
        return fields;
    }

    private static void check(Operation op, String variant, Reply reply, Expected expected, List<String> failures) {
        String why = null;
        if (reply.status() < 400 || reply.status() >= 500 || reply.status() == 401 || reply.status() == 403) {
            why = "status " + reply.status();
        } else if (reply.notAProblem() != null) {
            why = reply.notAProblem();
        } else if (!expected.namedBy().test(reply)) {
            why = "refused as " + reply.status() + " " + reply.json().path("rule").asText() + " at " + fields(reply)
                    + " instead of naming " + expected.description();
        }
        if (why != null) {
            failures.add(op.key() + " [" + variant + "]: " + why + " " + reply.shortBody());
        }
    }

    /** A precondition's refusal: exactly this status and rule, on the field /If-Match. */
    private static void checkPrecondition(Operation op, String variant, Reply reply, int status, String rule, List<String> failures) {
        String why = reply.notAProblem();
        if (reply.status() != status) {
            why = "status " + reply.status() + " instead of " + status;
        } else if (why == null && !(rule.equals(reply.json().path("rule").asText())
                && "/If-Match".equals(reply.json().path("field").asText()))) {
            why = "rule " + reply.json().path("rule").asText() + " field " + reply.json().path("field").asText() + " instead of "
                    + rule + " /If-Match";
        }
        if (why != null) {
            failures.add(op.key() + " [" + variant + "]: " + why + " " + reply.shortBody());
        }
    }

    /** A query refusal must be exactly a 400 with this rule and field. */
    private static void checkQuery(Operation op, String variant, Reply reply, String rule, String field, List<String> failures) {
        String why = reply.notAProblem();
        if (reply.status() != 400) {
            why = "status " + reply.status() + " instead of 400";
        } else if (why == null && !(rule.equals(reply.json().path("rule").asText()) && field.equals(reply.json().path("field").asText()))) {
            why = "rule " + reply.json().path("rule").asText() + " field " + reply.json().path("field").asText() + " instead of "
                    + rule + " " + field;
        }
        if (why != null) {
            failures.add(op.key() + " [" + variant + "]: " + why + " " + reply.shortBody());
        }
    }

    static String token(Caller caller, ApiFixtures f) throws Exception {
        Caller c = caller.organisation() == null ? ApiSurface.callerFor(caller.role(), f)
                : new Caller(caller.role(), f.otherUei);
        return Program.token(c.organisation(), c.role());
    }

    private static String currentVersion(Operation op, String path, String token) throws Exception {
        Reply reply = HttpCalls.send(op.service(), "GET", path, token, null, null, Map.of());
        return String.valueOf(reply.json().path("version").asLong());
    }

    /** The values of a template's parameters in a real path: /calls/{id} and /calls/42 give id=42. */
    static Map<String, String> parameters(String template, String path) {
        String[] t = template.split("/");
        String[] p = path.split("/");
        Map<String, String> values = new HashMap<>();
        for (int k = 0; k < t.length && k < p.length; k++) {
            if (t[k].startsWith("{")) {
                values.put(t[k].substring(1, t[k].length() - 1), p[k]);
            }
        }
        return values;
    }

    private static List<String> hostileQueryValues() {
        List<String> values = new ArrayList<>(BodyMutations.INJECTIONS);
        values.add("-1");
        values.add("99999999999999999999");
        return values;
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 12) + "...(" + value.length() + " chars)" : value.replace("\u0000", "\\0");
    }
}
