package gov.commerce.aiexports.proposals.document;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.proposals.proposal.AttachedFile;
import gov.commerce.aiexports.proposals.proposal.ProposalEvent;
import gov.commerce.aiexports.proposals.timeline.TimelineEntry;
import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

/**
 * The documents of each proposal, a row per version, and each step on the proposal's timeline (as
 * the owning consortium and government see it). A confidential file's name stays off the timeline:
 * government readers of the timeline may not be entitled to it.
 */
@ReadModel(tables = {"proposal_document"})
@ProcessingGroup("document-projection")
public class DocumentProjection {

    public static final String TABLE = "proposal_document";
    private final Documents documents;

    public DocumentProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ProposalEvent.DocumentAttached e, EventMessage<?> message) {
        save(e.proposalId(), e.documentId(), e.version(), e.file(), message, "DocumentAttached", "attached");
    }

    @EventHandler
    void on(ProposalEvent.DocumentVersionAdded e, EventMessage<?> message) {
        save(e.proposalId(), e.documentId(), e.version(), e.file(), message, "DocumentVersionAdded", "added as a new version");
    }

    private void save(String proposalId, String documentId, int version, AttachedFile f, EventMessage<?> message, String type,
            String what) {
        Actor actor = actor(message.getMetaData());
        DocumentView v = new DocumentView(proposalId, documentId, version, f.fileId(), f.fileName(), f.mediaType(), f.sizeBytes(),
                f.sha256(), f.confidentiality(), f.attachedAt(), actor);
        documents.upsert(TABLE, DocumentView.id(proposalId, documentId, version), Map.of("proposal_id", proposalId,
                "document_id", documentId, "version", version), v);
        String summary = "Document " + documentId + " version " + version + " " + what + " ("
                + (f.confidential() ? AttachedFile.CONFIDENTIAL : "'" + f.fileName() + "'") + ", " + f.mediaType() + ", "
                + f.sizeBytes() + " bytes, SHA-256 " + f.sha256() + ")";
        Instant at = message.getTimestamp();
        TimelineEntry entry = new TimelineEntry(message.getIdentifier(), proposalId, at, "proposals-service", type, summary,
                TimelineEntry.Audience.APPLICANT, actor, (String) message.getMetaData().get(MetadataKeys.CORRELATION_ID));
        documents.upsert("timeline_entry", entry.eventId(), Map.of("proposal_id", proposalId, "occurred_at", at,
                "audience", entry.audience().name()), entry);
    }

    private static Actor actor(MetaData metadata) {
        Object roles = metadata.get(MetadataKeys.ACTOR_ROLES);
        List<String> list = roles instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : roles == null ? List.of() : Arrays.asList(String.valueOf(roles).split(","));
        return new Actor((String) metadata.get(MetadataKeys.ACTOR_SUBJECT), (String) metadata.get(MetadataKeys.ACTOR_ORGANISATION),
                list);
    }
}
