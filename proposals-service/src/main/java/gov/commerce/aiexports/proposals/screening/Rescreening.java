package gov.commerce.aiexports.proposals.screening;

import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand;
import gov.commerce.aiexports.proposals.proposal.ProposalQueries;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.request.Commands;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Screens every submitted, under-review and designated proposal again against a newly loaded list
 * version, and records on each proposal what changed (once per version: the proposal refuses a
 * second record). It starts right after the load and, should the service stop midway, again from
 * the scheduled job, which picks up every version whose rescreening was not completed.
 */
@Singleton
public class Rescreening {

    private static final Logger LOG = Logger.getLogger(Rescreening.class);

    @Inject
    CountryLists lists;
    @Inject
    ProposalQueries proposals;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "country-list-rescreening");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;

    void onAxonStarted(@Observes AxonRuntime.Started ignored) {
        started = true;
    }

    /** After a load: the request returns, the rescreening goes on beside it. */
    public void startAfterLoad(String version) {
        worker.submit(() -> run(version));
    }

    @Scheduled(identity = "country-list-rescreening", every = "${aiexports.screening.rescreening-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeUnfinished() {
        if (started) {
            lists.awaitingRescreening().forEach(v -> run(v.version()));
        }
    }

    /** Screens the open proposals again against the version; returns how many changed, -1 if already running here. */
    public int run(String version) {
        if (!running.add(version)) {
            return -1;
        }
        try {
            CountryListView target = lists.find(version).orElseThrow();
            String correlation = "country-list-" + version;
            int changed = 0;
            for (ProposalView p : proposals.rescreenable()) {
                if (version.equals(p.countryListVersion) || p.content == null) {
                    continue;
                }
                CountryGroups before = lists.find(p.countryListVersion).map(CountryListView::groups)
                        .orElse(CountryLists.bundled().groups());
                List<ScreeningFlag> findings = RescreeningPolicies.changes(p.content, before, target.groups());
                if (!findings.isEmpty()) {
                    commands.sendAsService(new ProposalCommand.RecordRescreening(p.id, version, before.version(), findings,
                            clock.instant()), correlation);
                    changed++;
                }
            }
            commands.sendAsService(new CountryListCommand.CompleteRescreening(version, changed), correlation);
            LOG.infof("country list %s: %d proposal(s) screen differently", version, changed);
            return changed;
        } catch (RuntimeException e) {
            LOG.warnf("rescreening against country list %s stopped; the scheduled job resumes it: %s", version, e.toString());
            return -1;
        } finally {
            running.remove(version);
        }
    }
}
