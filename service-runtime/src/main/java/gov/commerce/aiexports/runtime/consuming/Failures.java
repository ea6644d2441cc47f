package gov.commerce.aiexports.runtime.consuming;

import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * How the consumer treats a failure to apply a record. Three kinds: the record can never be applied
 * ({@link Kind#PERMANENT}: unreadable, or a rule of the program refuses it; dead-lettered at once),
 * the infrastructure is away ({@link Kind#INFRASTRUCTURE}: the database unreachable, a connection
 * lost, the pool exhausted, a deadlock, or a lost append race on an aggregate's stream; retried
 * without limit, since no record is to blame), and everything else ({@link Kind#INAPPLICABLE}: retried a bounded number of times, then dead-lettered).
 */
public final class Failures {

    enum Kind { PERMANENT, INFRASTRUCTURE, INAPPLICABLE }

    private Failures() {
    }

    static Kind classify(Throwable failure) {
        if (permanentCause(failure) != null) {
            return Kind.PERMANENT;
        }
        return infrastructure(failure) ? Kind.INFRASTRUCTURE : Kind.INAPPLICABLE;
    }

    /** The RuleViolation or UnreadableEventException behind the failure, if any. */
    static Throwable permanentCause(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof RuleViolation || t instanceof EventCodec.UnreadableEventException) {
                return t;
            }
        }
        return null;
    }

    /**
     * True when some cause is the database (or the way to it) being away, or contention, not the record:
     * retried without limit and counted as no attempt.
     */
    static boolean infrastructure(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (lostAppendRace(t)) {
                return true;
            }
            if (away(t)) {
                return true;
            }
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when some cause is the database, or the way to it, being away (not contention): a request
     * that meets it is answered 503 (ProblemMapper), as a record meeting it is retried.
     */
    public static boolean databaseAway(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (away(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean away(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException || t instanceof SocketException) {
            return true;
        }
        if (t instanceof SQLException sql && transientState(sql.getSQLState()) && !"40001".equals(sql.getSQLState())
                && !"40P01".equals(sql.getSQLState())) {
            return true;
        }
        if (t instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL)) {
            return true;
        }
        // Agroal: "Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection"
        String message = t.getMessage();
        return t instanceof SQLException && message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /**
     * Another writer (a REST call, another record) appended to the same aggregate's stream first:
     * Axon's optimistic lock, or the unique (aggregate, sequence) constraint of the event store. Like
     * a serialization failure (40001), the retry reloads the aggregate and wins; counting it against
     * the record would dead-letter a valid one that keeps losing to busy REST traffic.
     */
    static boolean lostAppendRace(Throwable t) {
        if (t instanceof org.axonframework.modelling.command.ConcurrencyException
                || t instanceof org.axonframework.modelling.command.AggregateStreamCreationException) {
            return true;
        }
        String message = t.getMessage();
        return t instanceof SQLException sql && "23505".equals(sql.getSQLState()) && message != null
                && message.contains(EVENT_STREAM_CONSTRAINT);
    }

    /** The event store's unique (aggregate_identifier, sequence_number) constraint (runtime V1__event_store.sql). */
    static final String EVENT_STREAM_CONSTRAINT = "domain_event_entry_aggregate_sequence";

    /**
     * SQLState classes that say nothing about the record: 08 connection exception, 57P01-57P03
     * (administrator or crash shutdown, cannot connect now: PostgreSQL restarting), 53300 too many
     * connections, 40001 serialization failure and 40P01 deadlock (contention; the retry wins).
     */
    static boolean transientState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300") || state.equals("40001")
                || state.equals("40P01");
    }

    /** A short description without the message: messages can quote program content, which logs must not carry. */
    public static String describeForLog(Throwable failure) {
        Throwable root = root(failure);
        String state = root instanceof SQLException sql && sql.getSQLState() != null ? " (SQLState " + sql.getSQLState() + ")" : "";
        return failure.getClass().getSimpleName() + (root == failure ? "" : " caused by " + root.getClass().getSimpleName()) + state;
    }

    /** Longest message kept per exception in a dead-letter reason. */
    static final int MESSAGE_MAX = 300;

    /**
     * The reason kept with a dead letter (operators and auditors read it): the outermost and the
     * innermost exception, each as its class, its rule codes and fields (a RuleViolation, whose
     * sentences may quote the record), or its SQLState and {@link #sanitise sanitised} message;
     * never the record's content.
     */
    static String reason(Throwable failure) {
        Throwable root = root(failure);
        String reason = describe(failure);
        if (root != failure) {
            reason += " / caused by " + describe(root);
        }
        return reason;
    }

    private static String describe(Throwable t) {
        String name = t.getClass().getSimpleName();
        if (t instanceof RuleViolation violation) {
            // the codes and fields say which rule refused it; the sentences are for the requester and may quote values
            StringBuilder rules = new StringBuilder();
            for (var v : violation.violations()) {
                rules.append(rules.length() == 0 ? "" : ", ").append(v.rule()).append(v.field() == null ? "" : " at " + v.field());
            }
            return name + " [" + rules + "]";
        }
        String state = t instanceof SQLException sql && sql.getSQLState() != null ? " (SQLState " + sql.getSQLState() + ")" : "";
        return name + state + ": " + sanitise(t.getMessage());
    }

    private static final java.util.regex.Pattern KEY_VALUES =
            java.util.regex.Pattern.compile("Key \\(.*?\\)=\\(.*?\\)(?=\\s|$)");
    private static final java.util.regex.Pattern FAILING_ROW = java.util.regex.Pattern.compile("Failing row contains \\(.*\\)");
    /** A quoted literal after the words PostgreSQL and Jackson put before a value (not before a constraint or column name). */
    private static final java.util.regex.Pattern QUOTED_VALUE = java.util.regex.Pattern.compile(
            "(?i)(for type [\\w ]+:|from String|value|token|text|character|enum) (\"[^\"]*\"|'[^']*')");
    private static final java.util.regex.Pattern PARTS_AFTER =
            java.util.regex.Pattern.compile("(\\s*(Detail|Where|Hint|Position|Internal Query|Routine):| at \\[Source:| \\(through reference chain).*",
                    java.util.regex.Pattern.DOTALL);

    /**
     * A message without record content: its first line only, without PostgreSQL's Detail, Where
     * and Hint parts, a unique violation's {@code Key (...)=(...)}, a not-null violation's failing
     * row, quoted values (syntax errors, Jackson's "from String"), Jackson's source location; at most
     * {@value #MESSAGE_MAX} characters. What is left names the constraint, column or type at fault.
     */
    static String sanitise(String message) {
        if (message == null) {
            return "";
        }
        String s = PARTS_AFTER.matcher(message).replaceFirst("");
        int newline = s.indexOf('\n');
        if (newline >= 0) {
            s = s.substring(0, newline);
        }
        s = KEY_VALUES.matcher(s).replaceAll("Key (…)=(…)");
        s = FAILING_ROW.matcher(s).replaceAll("Failing row contains (…)");
        s = QUOTED_VALUE.matcher(s).replaceAll("$1 \"…\"");
        s = s.replaceAll("\\p{Cntrl}", " ").strip();
        return s.length() <= MESSAGE_MAX ? s : s.substring(0, MESSAGE_MAX - 1) + "…";
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 50; depth++) {
            t = t.getCause();
        }
        return t;
    }

    /** The failure, its causes and suppressed exceptions (transaction managers put the resource's error there), once each. */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        todo.add(failure);
        while (!todo.isEmpty() && all.size() < 50) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return all;
    }
}
