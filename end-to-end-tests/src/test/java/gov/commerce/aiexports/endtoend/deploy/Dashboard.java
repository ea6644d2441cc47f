package gov.commerce.aiexports.endtoend.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The committed Grafana dashboard (docker/observability/grafana/dashboards/aiexports.json) and the metrics its queries name. */
public final class Dashboard {

    public static final String FILE = "docker/observability/grafana/dashboards/aiexports.json";
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "by", "without", "on", "ignoring", "and", "or", "unless", "offset", "bool", "topk", "bottomk", "abs",
            "clamp_min", "clamp_max", "delta", "deriv", "le");

    private Dashboard() {
    }

    public static JsonNode read() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper.readTree(Repo.read(FILE));
    }

    public static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                queries.add(target.get("expr").asText());
            }
        }
        return queries;
    }

    /** The metric names a PromQL query reads: what is left once grouping labels, selectors, ranges and functions are taken out. */
    public static Set<String> metricNames(String query) {
        String bare = query.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?").matcher(bare);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    public static Set<String> metricNames() throws Exception {
        Set<String> names = new TreeSet<>();
        queries(read()).forEach(q -> names.addAll(metricNames(q)));
        return names;
    }
}
