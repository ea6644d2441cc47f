package gov.commerce.aiexports.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors, time-outs and quiescing per section of the run. A failed step is not a sample (it has
 * no latency), so it is counted here instead of vanishing, and a section with any holds no target.
 */
final class SectionHealth {

    /** One section's counts. */
    static final class Counts {
        long errors;
        long timeouts;
        String firstError;
        int quiesces;
        double quiesceSeconds;
        int quiesceGaveUp;

        boolean clean() {
            return errors == 0 && timeouts == 0;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("errors", errors);
            m.put("timeouts", timeouts);
            if (firstError != null) {
                m.put("firstError", firstError);
            }
            m.put("quiesces", quiesces);
            m.put("quiesceSeconds", Report.round(quiesceSeconds));
            m.put("quiesceGaveUp", quiesceGaveUp);
            return m;
        }
    }

    private final Map<String, Counts> sections = new LinkedHashMap<>();
    private volatile String current = "set-up";

    /** From now on, failures and quiescing count against this section. */
    void enter(String section) {
        current = section;
        of(section);
    }

    String current() {
        return current;
    }

    /** A step that failed: a time-out or another error. */
    synchronized void failed(Throwable failure) {
        Counts c = of(current);
        if (Verdicts.isTimeout(failure)) {
            c.timeouts++;
        } else {
            c.errors++;
        }
        if (c.firstError == null) {
            c.firstError = String.valueOf(failure);
        }
    }

    /** The failed steps of a load the section ran. */
    synchronized void add(Load.Result result) {
        Counts c = of(current);
        c.errors += result.errors();
        c.timeouts += result.timeouts();
        if (c.firstError == null && result.firstError() != null) {
            c.firstError = String.valueOf(result.firstError());
        }
    }

    /** One quiescing wait; one that gave up counts as an error: the next measure overlaps the previous load's tail. */
    synchronized void quiesced(double seconds, boolean gaveUp, String still) {
        Counts c = of(current);
        c.quiesces++;
        c.quiesceSeconds += seconds;
        if (gaveUp) {
            c.quiesceGaveUp++;
            c.errors++;
            if (c.firstError == null) {
                c.firstError = "quiescing gave up after " + Math.round(seconds) + " s, the stores still moving: " + still;
            }
        }
    }

    synchronized Counts of(String section) {
        return sections.computeIfAbsent(section, s -> new Counts());
    }

    /** A section's counts with those of its parts ("capacity" and "capacity/40", ...), or null if none was counted. */
    static Counts sum(Map<String, Counts> counts, String section) {
        Counts total = null;
        for (Map.Entry<String, Counts> e : counts.entrySet()) {
            if (e.getKey().equals(section) || e.getKey().startsWith(section + "/")) {
                total = total == null ? new Counts() : total;
                Counts c = e.getValue();
                total.errors += c.errors;
                total.timeouts += c.timeouts;
                total.firstError = total.firstError == null ? c.firstError : total.firstError;
                total.quiesces += c.quiesces;
                total.quiesceSeconds += c.quiesceSeconds;
                total.quiesceGaveUp += c.quiesceGaveUp;
            }
        }
        return total;
    }

    synchronized Map<String, Counts> all() {
        return new LinkedHashMap<>(sections);
    }
}
