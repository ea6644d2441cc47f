package gov.commerce.aiexports.notifications.disclosure;

import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.disclosure.LearntFacts;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

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

    /** Learns from the event, if it is about a proposal. */
    public void learn(IntegrationEvent event) {
        String proposalId = LearntFacts.proposalOf(event).orElse(null);
        if (proposalId == null) {
            return;
        }
        List<LearntFacts> locked = lock(proposalId);
        if (locked.isEmpty()) {
            // the proposal's first event here: the row inserted now stays locked until the commit; another consumer
            // that inserted it first holds it until its own commit, and it is locked as it then stands
            boolean inserted = documents.update("insert into " + TABLE + " (id, doc) values (?, cast(? as jsonb))"
                    + " on conflict (id) do nothing", proposalId, json(LearntFacts.none(proposalId))) == 1;
            if (!inserted) {
                locked = lock(proposalId);
            }
        }
        LearntFacts current = locked.isEmpty() ? LearntFacts.none(proposalId) : locked.get(0);
        LearntFacts next = current.learn(event);
        if (!next.equals(current)) {
            documents.upsert(TABLE, proposalId, Map.of(), next);
        }
    }

    private List<LearntFacts> lock(String proposalId) {
        return documents.query("select doc from " + TABLE + " where id = ? for update", LearntFacts.class, proposalId);
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

    private static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write proposal facts", e);
        }
    }
}
