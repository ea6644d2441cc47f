package gov.commerce.aiexports.review.oversight;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Looks for overdue conditions and progress reports, and for reviewers' assessments overdue, on a
 * schedule, on every instance. It decides nothing itself: each designation's Oversight aggregate
 * (each review's Review aggregate) flags what is overdue and not flagged yet, so two runs (two instances, or a run after a restart) flag an item once; when they meet on
 * the same aggregate the event store lets one append and the other is rolled back. Revoked
 * designations owe nothing more.
 */
@Singleton
public class OverdueScan {

    private static final Logger LOG = Logger.getLogger(OverdueScan.class);

    @Inject
    Documents documents;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    private volatile boolean started;

    void onAxonStarted(@Observes AxonRuntime.Started ignored) {
        started = true;
    }

    @Scheduled(identity = "oversight-overdue", every = "${aiexports.oversight.overdue-scan-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (started) {
            runOnce();
        }
    }

    /**
     * Asks every live designation's oversight, and every open review with an assignment due before
     * today, to flag what is overdue today (in Washington); returns how many it asked.
     */
    public int runOnce() {
        Instant now = clock.instant();
        LocalDate today = FederalTime.today(clock);
        List<String> numbers = documents.query("select to_jsonb(o.id) from " + OversightProjection.TABLE + " o join review_view r"
                + " on r.id = o.doc->>'reviewId' where r.status <> 'REVOKED' order by o.id", String.class);
        for (String number : numbers) {
            ask("overdue-scan:" + number + ":" + today, new OversightCommand.FlagOverdue(number, today, now));
        }
        // the same scan for the review desk: the Review aggregate keeps what it flagged (ISO dates compare as text)
        List<String> reviews = documents.query("select to_jsonb(id) from review_view where status = 'OPEN'"
                + " and doc->>'earliestDueDate' < ? order by id", String.class, today.toString());
        for (String review : reviews) {
            ask("assessment-overdue-scan:" + review + ":" + today,
                    new gov.commerce.aiexports.review.review.ReviewCommand.FlagOverdueAssessments(review, today, now));
        }
        return numbers.size() + reviews.size();
    }

    /**
     * Sends one aggregate's flag command in a transaction of its own: the service is the actor,
     * the scan of that day the cause (one correlation id per aggregate and day). A run that loses
     * a race with another instance is rolled back; the next run finds the flag already set.
     */
    private void ask(String run, Object command) {
        try {
            gov.commerce.aiexports.events.IntegrationEvent cause = new gov.commerce.aiexports.events.IntegrationEvent(
                    java.util.UUID.nameUUIDFromBytes(run.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "(overdue scan)", 1,
                    null, null, 0, null, null, run, null, null, null);
            QuarkusTransaction.requiringNew().run(() -> commands.sendOnEvent(command, cause));
        } catch (RuntimeException e) {
            LOG.debugf("%s not done now, the next run tries again: %s", run, e.toString());
        }
    }
}
