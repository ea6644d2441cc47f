package gov.commerce.aiexports.notifications.disclosure;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.disclosure.LearntFacts;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the disclosure rule needs to know of each proposal (owner, marking, required agencies,
 * designation, routed agencies), learnt from the integration events in the consumer's transaction
 * before the event is routed, so its own facts already count for it. Facts arrive on three topics
 * in any order: what is not known yet withholds ({@link LearntFacts}), and a row is locked while
 * it is changed, so events of one proposal consumed at once (other partitions, other instances)
 * lose nothing of each other.
 */
@Singleton
public class ProposalFactsStore {

    public static final String TABLE = "proposal_facts";

    @Inject
    Documents documents;

    /**
     * Before a poll group is learnt from: every proposal row it touches locked in one statement (in id order), the
     * rows of its submissions inserted first where missing, in one more. Each event's {@link #learn} then finds its
     * row locked already, instead of a statement or two of its own per event.
     */
    public void lockAll(List<IntegrationEvent> events) {
        Set<String> proposals = new TreeSet<>();
        Map<String, LearntFacts> submitted = new TreeMap<>();
        for (IntegrationEvent event : events) {
            LearntFacts.proposalOf(event).ifPresent(id -> {
                proposals.add(id);
                if (event.is(ProposalSubmitted.class)) {
                    submitted.put(id, LearntFacts.none(id));
                }
            });
        }
        if (!proposals.isEmpty()) {
            documents.lockAll(TABLE, proposals, LearntFacts.class, submitted);
        }
    }

    /** Learns from the event, if it is about a proposal. */
    public void learn(IntegrationEvent event) {
        String proposalId = LearntFacts.proposalOf(event).orElse(null);
        if (proposalId == null) {
            return;
        }
        LearntFacts current = lockedOrInserted(proposalId, event.is(ProposalSubmitted.class)).orElse(LearntFacts.none(proposalId));
        LearntFacts next = current.learn(event);
        if (!next.equals(current)) {
            documents.upsert(TABLE, proposalId, Map.of(), next);
        }
    }

    /**
     * The proposal's row, locked until the commit: as it stands, or empty when this call inserted it (a row inserted
     * stays locked by its insert; another consumer that inserted it first holds it until its own commit, and it is
     * then locked as it stands). By id, so the facts of other proposals this poll group learnt stay in memory, to
     * be written together. A submission is most often the first event of its proposal here: it tries the insert
     * first, the others the lock (either order is right, this one takes one statement in the common case).
     */
    private Optional<LearntFacts> lockedOrInserted(String proposalId, boolean likelyFirst) {
        if (likelyFirst && documents.insertIfAbsent(TABLE, proposalId, LearntFacts.none(proposalId))) {
            return Optional.empty();
        }
        Optional<LearntFacts> locked = documents.lock(TABLE, proposalId, LearntFacts.class);
        if (locked.isPresent() || likelyFirst) {
            // likelyFirst: its insert found the row, so the lock did too
            return locked;
        }
        return documents.insertIfAbsent(TABLE, proposalId, LearntFacts.none(proposalId)) ? Optional.empty()
                : documents.lock(TABLE, proposalId, LearntFacts.class);
    }

    /** The facts of a proposal as far as known; a proposal never heard of withholds every section. */
    public ProposalFacts facts(String proposalId) {
        return known(proposalId).facts();
    }

    public LearntFacts known(String proposalId) {
        if (proposalId == null) {
            return LearntFacts.none(null);
        }
        return documents.find(TABLE, proposalId, LearntFacts.class).orElse(LearntFacts.none(proposalId));
    }
}
