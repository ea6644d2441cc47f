package gov.commerce.aiexports.notifications.reminders;

import gov.commerce.aiexports.notifications.dispatch.Causes;
import gov.commerce.aiexports.notifications.dispatch.Dispatcher;
import gov.commerce.aiexports.notifications.routing.Directory;
import gov.commerce.aiexports.notifications.routing.RoutingRules;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;

/**
 * Sends the closing reminders of open calls, on a schedule, on every instance. Nothing in
 * memory decides whether a reminder went out: each is a {@link ClosingReminder} aggregate whose
 * id is the call and the threshold, created in one transaction with the notifications and
 * e-mails it causes. Two runs (two instances, two threads, a run after a restart) that find the
 * same reminder due both try; the event store lets one create it, the other rolls back whole.
 */
@Singleton
public class ClosingReminders {

    private static final Logger LOG = Logger.getLogger(ClosingReminders.class);
    public static final String SOURCE_TYPE = "ClosingReminder";

    @Inject
    Documents documents;
    @Inject
    Commands commands;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Directory directory;
    @Inject
    Clock clock;

    private volatile boolean started;

    void onAxonStarted(@Observes AxonRuntime.Started ignored) {
        started = true;
    }

    @Scheduled(identity = "closing-reminders", every = "${aiexports.notifications.reminders.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (started) {
            runOnce();
        }
    }

    /** Sends every reminder due now and not sent yet; returns how many this run sent. */
    public int runOnce() {
        Instant now = clock.instant();
        List<CallDeadlineView> closingSoon = documents.query("select doc from " + ReminderProjection.DEADLINES
                + " where closes_at > ? and closes_at <= ? order by closes_at, id", CallDeadlineView.class, now,
                now.plus(ClosingReminderPolicies.HORIZON));
        int sent = 0;
        for (CallDeadlineView call : closingSoon) {
            Optional<ClosingReminderPolicies.Threshold> due = ClosingReminderPolicies.dueAt(call.closesAt(), now);
            if (due.isEmpty()) {
                continue;
            }
            String reminderId = ClosingReminderPolicies.reminderId(call.callId(), due.get());
            if (documents.find(ReminderProjection.SENT, reminderId, Object.class).isPresent()) {
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> send(reminderId, call, due.get(), now));
                sent++;
            } catch (RuntimeException e) {
                if (alreadySent(e)) {
                    LOG.debugf("reminder %s was sent by another run", reminderId);
                } else {
                    LOG.warnf("reminder %s not sent now, the next run tries again: %s", reminderId, e.toString());
                }
            }
        }
        return sent;
    }

    private void send(String reminderId, CallDeadlineView call, ClosingReminderPolicies.Threshold threshold, Instant now) {
        List<String> consortia = directory.knownConsortia();
        Commands.Cause cause = Causes.of(call.causeEventId(), call.correlationId());
        // the guard first: if another run created it, nothing below is written
        commands.sendOnCause(new ClosingReminderCommand.SendClosingReminder(reminderId, call.callId(), threshold, call.title(),
                call.closesAt(), now, consortia), cause);
        dispatcher.tell(RoutingRules.closingReminder(call.title(), call.closesAt(), threshold.words(), consortia), reminderId,
                SOURCE_TYPE, cause);
    }

    /** The event store refused a second creation of the same reminder. */
    static boolean alreadySent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException || t instanceof ConcurrencyException
                    || (t instanceof SQLException sql && "23505".equals(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
