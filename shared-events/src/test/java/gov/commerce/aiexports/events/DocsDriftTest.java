package gov.commerce.aiexports.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md and docs/event-catalogue.md against the code, both ways: an aggregate, a
 * topic, a contract version, a consumer of a contract or a package that exists in one and not in
 * the other fails the build.
 *
 * <p>Why here: shared-events holds the contracts, the topics and the upcasters as classes, and the
 * services' aggregates, consumers and packages are read from their sources (this module is built
 * first and needs no service on its classpath, nor Quarkus, nor a packaged service), so the check
 * runs in a second and fails before anything else is built.
 */
class DocsDriftTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> SERVICES = List.of("proposals", "review", "incentives", "notifications");

    /**
     * Consumers that act on every event of the topics they read rather than on types they name:
     * the timeline records each event that concerns a proposal, and notifications routes each one
     * through its RoutingRules and forwards any type to the webhooks subscribed to it.
     */
    private static final Map<String, String> CONSUMERS_OF_EVERY_TYPE = Map.of(
            "TimelineRecorder", "every event with a proposalId, on its proposal's timeline (TimelineEntries)",
            "ProgramEvents", "every event, through RoutingRules and to subscribed webhooks");

    private static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CATALOGUE = read("docs/event-catalogue.md");
    private static final String ARCHITECTURE = read("docs/architecture.md");

    private static List<Path> sources(String service) {
        Path main = ROOT.resolve(service + "-service/src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String simpleName(Path p) {
        return p.getFileName().toString().replace(".java", "");
    }

    /** The lines of a markdown section, from its heading to the next heading of the same or a higher level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "no section '" + heading + "'");
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = markdown.length();
        Matcher next = Pattern.compile("\n#{1," + (level.length() - 1) + "} ").matcher(markdown);
        if (next.find(start + heading.length() + 1)) {
            end = next.start();
        }
        return markdown.substring(start, end);
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    // --- aggregates

    private static Set<String> aggregatesInCode(String service) {
        return sources(service).stream().filter(p -> text(p).contains("@AggregateIdentifier")).map(DocsDriftTest::simpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void every_aggregate_is_in_the_architecture_diagram_and_no_other() {
        for (String service : SERVICES) {
            Matcher subgraph = Pattern.compile("subgraph \\w+\\[" + service + "-service[^\\n]*\\n(.*?)\\n\\s*end\\n", Pattern.DOTALL)
                    .matcher(ARCHITECTURE);
            assertTrue(subgraph.find(), "architecture.md has no subgraph for " + service + "-service");
            Matcher aggregates = Pattern.compile("Aggregates?: ([A-Za-z, ]+)\\]").matcher(subgraph.group(1));
            assertTrue(aggregates.find(), "architecture.md names no aggregate of " + service + "-service");
            Set<String> documented = new TreeSet<>(Arrays.asList(aggregates.group(1).split(",\\s*")));
            assertEquals(aggregatesInCode(service), documented, "aggregates of " + service + "-service in architecture.md");
        }
    }

    @Test
    void every_aggregate_has_its_domain_events_in_the_catalogue_and_no_other() {
        for (String service : SERVICES) {
            String events = section(section(CATALOGUE, "## Domain events"), "### " + service + "-service");
            Set<String> documented = all(Pattern.compile("\\n\\| ([A-Z]\\w+)[ (]"), events);
            assertEquals(aggregatesInCode(service), documented, "aggregates of " + service + "-service in event-catalogue.md");
        }
    }

    // --- packages

    @Test
    void every_package_of_every_service_is_listed_and_no_other() {
        String layout = section(ARCHITECTURE, "## Code layout");
        for (String service : SERVICES) {
            Path base = ROOT.resolve(service + "-service/src/main/java/gov/commerce/aiexports/" + service);
            Set<String> inCode;
            try (Stream<Path> dirs = Files.list(base)) {
                inCode = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                        .collect(Collectors.toCollection(TreeSet::new));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher line = Pattern.compile("\\n- `" + service + "-service`( \\([^)]*\\))?: ([^\\n]*)").matcher(layout);
            assertTrue(line.find(), "architecture.md's code layout lists no packages of " + service + "-service");
            assertEquals(inCode, all(Pattern.compile("`(\\w+)`"), line.group(2)), "packages of " + service + "-service");
        }
    }

    // --- topics

    private static Set<String> topicsInCode() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                topics.add((String) f.get(null));
            }
        }
        return topics;
    }

    @Test
    void every_topic_is_documented_and_every_documented_topic_exists() throws IllegalAccessException {
        Set<String> inCode = topicsInCode();
        assertFalse(inCode.isEmpty());
        Pattern topic = Pattern.compile("\\b([a-z]+\\.(?:events|checkpoints))\\b");
        Set<String> inCatalogue = all(topic, CATALOGUE);
        Set<String> inArchitecture = all(topic, ARCHITECTURE);
        assertEquals(inCode, inCatalogue, "topics in event-catalogue.md");
        assertTrue(inCode.containsAll(inArchitecture), "architecture.md names topics that do not exist: " + inArchitecture);
        for (String service : SERVICES) {
            assertTrue(ARCHITECTURE.contains("|" + Topics.of(service + "-service") + "|"),
                    "architecture.md's diagram shows no topic of " + service + "-service");
        }
    }

    // --- contracts and their versions

    private static final Pattern CONTRACT_ROW = Pattern.compile("\\n\\| `(\\w+)` v(\\d+)( \\(superseded\\))? \\| (\\w+) \\|[^\\n]*\\| ([^|\\n]*) \\|");

    private record Row(String type, int version, boolean superseded, String producer, String consumedBy) {
    }

    private static List<Row> contractRows() {
        Matcher m = CONTRACT_ROW.matcher(CATALOGUE);
        List<Row> rows = new java.util.ArrayList<>();
        while (m.find()) {
            rows.add(new Row(m.group(1), Integer.parseInt(m.group(2)), m.group(3) != null, m.group(4), m.group(5)));
        }
        return rows;
    }

    @Test
    void every_contract_version_is_catalogued_and_nothing_else() {
        Set<String> current = EventCatalog.CONTRACTS.stream().map(EventCatalog::contractOf).map(c -> c.type() + " v" + c.version())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> superseded = IntegrationUpcasters.STEPS.stream().map(s -> s.eventType() + " v" + s.fromVersion())
                .collect(Collectors.toCollection(TreeSet::new));
        List<Row> rows = contractRows();
        assertEquals(current, rows.stream().filter(r -> !r.superseded()).map(r -> r.type() + " v" + r.version())
                .collect(Collectors.toCollection(TreeSet::new)), "current contract versions in event-catalogue.md");
        assertEquals(superseded, rows.stream().filter(Row::superseded).map(r -> r.type() + " v" + r.version())
                .collect(Collectors.toCollection(TreeSet::new)), "superseded versions (read through IntegrationUpcasters)");
        for (Class<? extends IntegrationPayload> type : EventCatalog.CONTRACTS) {
            EventContract c = EventCatalog.contractOf(type);
            Row row = rows.stream().filter(r -> r.type().equals(c.type()) && r.version() == c.version()).findFirst().orElseThrow();
            assertEquals(c.producer(), row.producer() + "-service", "producer of " + c.type());
        }
    }

    // --- consumers

    /** Per service, the contract types its IntegrationEventHandlers act on, read from their sources. */
    static Map<String, Set<String>> consumedInCode() {
        Map<String, EventContract> contracts = EventCatalog.CONTRACTS.stream().map(EventCatalog::contractOf)
                .collect(Collectors.toMap(EventContract::type, c -> c, (a, b) -> a, LinkedHashMap::new));
        Map<String, Set<String>> consumed = new TreeMap<>();
        for (String service : SERVICES) {
            Set<String> types = new TreeSet<>();
            for (Path p : sources(service)) {
                String source = text(p);
                if (!Pattern.compile("implements[^{]*\\bIntegrationEventHandler\\b").matcher(source).find()) {
                    continue;
                }
                Set<String> producers = all(Pattern.compile("Topics\\.([A-Z]+)"), source).stream()
                        .map(t -> t.toLowerCase(java.util.Locale.ROOT) + "-service").collect(Collectors.toSet());
                String handler = simpleName(p);
                if (CONSUMERS_OF_EVERY_TYPE.containsKey(handler)) {
                    contracts.forEach((type, c) -> {
                        if (producers.contains(c.producer()) && (!handler.equals("TimelineRecorder") || carriesProposalId(type))) {
                            types.add(type);
                        }
                    });
                    continue;
                }
                Set<String> named = new TreeSet<>(all(Pattern.compile("\\bis\\((\\w+)\\.class\\)"), source));
                named.addAll(all(Pattern.compile("eventType\\(\\)\\.equals\\(\"(\\w+)\"\\)"), source));
                assertFalse(named.isEmpty(), handler + " names no event type it acts on; if it acts on every one, list it in "
                        + "CONSUMERS_OF_EVERY_TYPE with why");
                for (String type : named) {
                    assertTrue(contracts.containsKey(type), handler + " acts on " + type + ", which is no contract");
                    assertTrue(producers.contains(contracts.get(type).producer()), handler + " acts on " + type
                            + " but does not read its producer's topic");
                }
                types.addAll(named);
            }
            consumed.put(service, types);
        }
        return consumed;
    }

    private static boolean carriesProposalId(String type) {
        return EventCatalog.CONTRACTS.stream().filter(c -> EventCatalog.contractOf(c).type().equals(type)).findFirst()
                .map(c -> Arrays.stream(c.getRecordComponents()).anyMatch(rc -> rc.getName().equals("proposalId"))).orElse(false);
    }

    @Test
    void every_consumer_of_a_contract_is_in_its_consumed_by_column_and_no_other() {
        Map<String, Set<String>> byService = consumedInCode();
        Pattern serviceName = Pattern.compile("\\b(" + String.join("|", SERVICES) + ")\\b");
        for (Row row : contractRows()) {
            if (row.superseded()) {
                continue;
            }
            Set<String> inCode = byService.entrySet().stream().filter(e -> e.getValue().contains(row.type())).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(inCode, all(serviceName, row.consumedBy()), "consumers of " + row.type() + " v" + row.version()
                    + " (event-catalogue.md's 'consumed by': " + row.consumedBy() + ")");
        }
    }
}
