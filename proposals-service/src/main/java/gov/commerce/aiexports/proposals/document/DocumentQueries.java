package gov.commerce.aiexports.proposals.document;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** Every read of a proposal's documents: all their versions, one document's, one version. */
@Singleton
public class DocumentQueries {

    @Inject
    Documents documents;

    /** Every version of every document of the proposal, by document, then version. */
    public List<DocumentView> ofProposal(String proposalId) {
        return documents.query("select doc from " + DocumentProjection.TABLE + " where proposal_id = ? order by document_id, version",
                DocumentView.class, proposalId);
    }

    /** The versions of one document, oldest first (none: no such document). */
    public List<DocumentView> versions(String proposalId, String documentId) {
        return documents.query("select doc from " + DocumentProjection.TABLE + " where proposal_id = ? and document_id = ? order by version",
                DocumentView.class, proposalId, documentId);
    }

    public DocumentView version(String proposalId, String documentId, int version) {
        return documents.find(DocumentProjection.TABLE, DocumentView.id(proposalId, documentId, version), DocumentView.class)
                .orElseThrow(() -> new NotFound("document version", documentId + "/" + version));
    }
}
