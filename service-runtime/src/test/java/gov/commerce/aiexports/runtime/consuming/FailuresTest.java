package gov.commerce.aiexports.runtime.consuming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.runtime.consuming.Failures.Kind;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.transaction.xa.XAException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** Which failures blame the record (bounded retries, then a dead letter) and which the database (retried without limit). */
class FailuresTest {

    @Test
    void the_database_being_away_is_infrastructure_however_deeply_wrapped() {
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(new SQLTransientConnectionException("pool")));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new SQLException("Connection refused", "08001"))));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new SQLException("I/O error", "08006"))));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new SQLException("terminating connection due to administrator command",
                "57P01"))));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(new IllegalStateException("commit", new ConnectException("refused"))));
        // Narayana puts the resource's failure among the suppressed exceptions of its own
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new XAException(XAException.XAER_RMFAIL));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(commit));
    }

    @Test
    void a_request_meets_the_database_away_as_503_but_contention_and_bugs_not() {
        assertTrue(Failures.databaseAway(wrapped(new SQLException("I/O error", "08006"))));
        assertTrue(Failures.databaseAway(wrapped(new SQLException("terminating connection due to crash of another server process",
                "57P02"))));
        assertTrue(Failures.databaseAway(wrapped(new SQLException("Sorry, acquisition timeout!"))));
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new XAException(XAException.XAER_RMFAIL));
        assertTrue(Failures.databaseAway(commit));
        assertFalse(Failures.databaseAway(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertFalse(Failures.databaseAway(wrapped(new ConcurrencyException("already inserted"))));
        assertFalse(Failures.databaseAway(new NullPointerException()));
    }

    @Test
    void a_lost_append_race_on_an_aggregate_stream_is_retried_without_limit_like_a_serialization_failure() {
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new SQLException("could not serialize access", "40001"))));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new ConcurrencyException("An event for aggregate [l-1] at "
                + "sequence [3] was already inserted"))));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new AggregateStreamCreationException(
                "Cannot reuse aggregate identifier [l-1] to create aggregate [IncentiveRequest] since identifiers need to be unique."))));
        assertEquals(Kind.INFRASTRUCTURE, Failures.classify(wrapped(new SQLException("ERROR: duplicate key value violates unique "
                + "constraint \"domain_event_entry_aggregate_sequence\"", "23505"))));
        // the same state on another constraint is the record's own conflict, not a race on a stream
        assertEquals(Kind.INAPPLICABLE, Failures.classify(wrapped(new SQLException("ERROR: duplicate key value violates unique "
                + "constraint \"domain_event_entry_event_identifier_key\"", "23505"))));
    }

    @Test
    void anything_else_a_handler_throws_blames_the_record() {
        assertEquals(Kind.INAPPLICABLE, Failures.classify(new IllegalStateException("no such call")));
        assertEquals(Kind.INAPPLICABLE, Failures.classify(new NullPointerException()));
        assertEquals(Kind.INAPPLICABLE, Failures.classify(wrapped(new SQLException("duplicate key value", "23505"))));
        assertEquals(Kind.INAPPLICABLE, Failures.classify(wrapped(new SQLException("value too long", "22001"))));
        assertEquals(Kind.INAPPLICABLE, Failures.classify(wrapped(new SQLException("check constraint", "23514"))));
    }

    @Test
    void a_rule_or_an_unreadable_payload_is_permanent() {
        assertEquals(Kind.PERMANENT, Failures.classify(wrapped(new RuleViolation("SOME_RULE", "/x", "refused"))));
        assertEquals(Kind.PERMANENT, Failures.classify(wrapped(new EventCodec.UnreadableEventException("bad payload"))));
    }

    @Test
    void the_log_line_names_the_failure_without_its_message() {
        String line = Failures.describeForLog(wrapped(new SQLException("Key (title)=(Secret project) already exists", "23505")));
        assertFalse(line.contains("Secret project"), line);
        assertTrue(line.contains("23505"), line);
        assertTrue(Failures.reason(wrapped(new IllegalStateException("no such call"))).contains("no such call"));
    }

    @Test
    void retries_back_off_exponentially_up_to_the_cap() {
        IntegrationEventConsumer consumer = new IntegrationEventConsumer();
        consumer.baseDelay = Duration.ofMillis(200);
        consumer.maxDelay = Duration.ofSeconds(5);
        assertEquals(200, consumer.delay(1));
        assertEquals(400, consumer.delay(2));
        assertEquals(3_200, consumer.delay(5));
        assertEquals(5_000, consumer.delay(6));
        assertEquals(5_000, consumer.delay(1_000));
    }

    @Test
    void contracts_this_build_does_not_know_are_refused_and_known_ones_pass() {
        assertTrue(ContractVersions.check(event("ProposalSubmitted", 2)).isEmpty());
        assertTrue(ContractVersions.check(event("CallPublished", 1)).isEmpty(), "known, even where no handler acts on it");
        assertEquals("SCHEMA_VERSION_NEWER", ContractVersions.check(event("ProposalSubmitted", 3)).orElseThrow().rule());
        assertEquals("EVENT_TYPE_UNKNOWN", ContractVersions.check(event("ProposalTeleported", 1)).orElseThrow().rule());
        // ProposalWithdrawn is at v3; an old v1 is upcast when read, so a v1 here means no upcaster brought it up
        assertEquals("SCHEMA_VERSION_UNKNOWN", ContractVersions.check(event("ProposalWithdrawn", 1)).orElseThrow().rule());
        assertTrue(ContractVersions.check(EventCodec.decode(EventCodec.encode(event("ProposalWithdrawn", 1)))).isEmpty(),
                "decoded (and so upcast), the v1 is current");
    }

    @Test
    void a_dead_letter_reason_keeps_rule_codes_classes_and_sqlstates_but_no_record_content() {
        // PostgreSQL's unique violation as the driver words it: the Detail quotes the row's key
        SQLException duplicate = new SQLException("ERROR: duplicate key value violates unique constraint \"incentive_line_pkey\"\n"
                + "  Detail: Key (proposal_id, applicant_email)=(p-42, jane.doe@example.com) already exists.", "23505");
        String reason = Failures.reason(wrapped(duplicate));
        assertTrue(reason.startsWith("RuntimeException: outer / caused by SQLException (SQLState 23505): "), reason);
        assertTrue(reason.contains("duplicate key value violates unique constraint \"incentive_line_pkey\""), reason);
        assertFalse(reason.contains("jane.doe") || reason.contains("p-42") || reason.contains("Detail"), reason);

        // a Key (...)=(...) on the first line, a not-null violation's failing row, a quoted bad value
        assertEquals("duplicate key: Key (…)=(…) exists", Failures.sanitise("duplicate key: Key (email)=(a@b.c) exists"));
        assertEquals("null value in column \"title\" violates not-null constraint Failing row contains (…)",
                Failures.sanitise("null value in column \"title\" violates not-null constraint Failing row contains (p-1, Secret, 5000)"));
        assertEquals("ERROR: invalid input syntax for type uuid: \"…\"",
                Failures.sanitise("ERROR: invalid input syntax for type uuid: \"Jane's budget\"\n  Where: SQL statement"));
        assertEquals("Cannot deserialize value of type `java.util.UUID` from String \"…\": not a valid UUID",
                Failures.sanitise("Cannot deserialize value of type `java.util.UUID` from String \"secret\": not a valid UUID\n"
                        + " at [Source: (byte[])\"{\\\"id\\\":\\\"secret\\\"}\"; line: 1, column: 7]"));
        assertEquals("", Failures.sanitise(null));

        // capped, whatever the message
        String capped = Failures.sanitise("x".repeat(10_000));
        assertEquals(Failures.MESSAGE_MAX, capped.length());

        // a rule of the program: its codes and fields, not its sentences (they may quote the record)
        String refused = Failures.reason(new IllegalStateException("apply", new RuleViolation("BUDGET_EXCEEDED", "/amount",
                "the amount 987654 for Acme Secret Corp exceeds the budget")));
        assertEquals("IllegalStateException: apply / caused by RuleViolation [BUDGET_EXCEEDED at /amount]", refused);
    }

    private static IntegrationEvent event(String type, int version) {
        return new IntegrationEvent(UUID.randomUUID(), type, version, "Proposal", "p-1", 1, Instant.now(), "proposals-service", "c",
                "c", null, JsonNodeFactory.instance.objectNode().put("proposalId", "p-1"));
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("outer", new IllegalStateException("middle", cause));
    }
}
