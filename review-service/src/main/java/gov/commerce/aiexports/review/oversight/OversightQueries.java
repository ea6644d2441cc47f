package gov.commerce.aiexports.review.oversight;

import gov.commerce.aiexports.review.SubmittedProposals;
import gov.commerce.aiexports.review.designation.DesignationQueries;
import gov.commerce.aiexports.review.designation.DesignationView;
import gov.commerce.aiexports.review.review.ReviewQueries;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.review.disclosure.ReviewDisclosure;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.files.DocumentPolicies;
import gov.commerce.aiexports.runtime.files.DocumentRefused;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every read of a designation's oversight: its obligations' record, its review (the standing), as a caller may see them. */
@Singleton
public class OversightQueries {

    @Inject
    Documents documents;
    @Inject
    DesignationQueries designations;
    @Inject
    ReviewQueries reviews;
    @Inject
    ReviewDisclosure disclosure;
    @Inject
    RequestContext request;

    /** The obligations' record, once the first oversight write opened it. */
    public Optional<OversightRecord> record(String number) {
        return documents.find(OversightProjection.TABLE, number, OversightRecord.class);
    }

    /** The review of a designation, whoever asks (writes check their role by annotation). */
    public ReviewView designated(String number) {
        DesignationView d = designations.existing(number);
        return reviews.find(SubmittedProposals.reviewIdFor(d.proposalId())).orElseThrow(() -> new NotFound("designation", number));
    }

    /** As {@link #designated}, and an applicant of another consortium gets 404. */
    public ReviewView readable(Caller caller, String number) {
        ReviewView review = designated(number);
        if (!caller.readsAcrossOrganisations() && !caller.organisation().equals(review.applicantOrganisation)) {
            throw new NotFound("designation", number);
        }
        return review;
    }

    /**
     * The standing and the obligations, as the caller may read them: each attached document in full
     * or withheld by the disclosure rule; a confidential one shown to someone outside the consortium
     * is accounted for.
     */
    public OversightView view(Caller caller, String number) {
        ReviewView review = readable(caller, number);
        OversightRecord record = record(number).orElse(null);
        List<OversightView.DocumentShown> shown = new ArrayList<>();
        List<String> disclosed = new ArrayList<>();
        for (OversightRecord.Document d : record == null ? List.<OversightRecord.Document>of() : record.documents) {
            Disclosure.Decision decision = decision(caller, review, d);
            if (decision.shown()) {
                shown.add(OversightView.DocumentShown.shown(d));
                if (d.confidential() && !owner(caller, review)) {
                    disclosed.add(part(d) + "/metadata");
                }
            } else {
                shown.add(OversightView.DocumentShown.withheld(d, decision.reason().name()));
            }
        }
        disclosure.disclosed(caller, review, disclosed, "GET /oversight/{number}", request.correlationId());
        return OversightView.of(review, record, shown);
    }

    /** An attached document the caller may read (404 if absent or the designation unreadable, 403 DOCUMENT_WITHHELD if withheld). */
    public OversightRecord.Document readableDocument(Caller caller, String number, String documentId) {
        ReviewView review = readable(caller, number);
        OversightRecord.Document d = record(number).flatMap(r -> r.document(documentId))
                .orElseThrow(() -> new NotFound("document", documentId));
        Disclosure.Decision decision = decision(caller, review, d);
        DocumentRefused.refuseIfAny(403, DocumentPolicies.checkDisclosed(decision, d.confidentiality()));
        return d;
    }

    /** A download of a confidential document by someone outside the consortium, into the account of disclosure. */
    public void downloaded(Caller caller, String number, OversightRecord.Document d) {
        ReviewView review = designated(number);
        if (d.confidential() && !owner(caller, review)) {
            disclosure.disclosed(caller, review, List.of(part(d)), "GET /oversight/{number}/documents/{documentId}",
                    request.correlationId());
        }
    }

    private Disclosure.Decision decision(Caller caller, ReviewView review, OversightRecord.Document d) {
        return disclosure.part(caller, review, part(d), d.confidential());
    }

    private static String part(OversightRecord.Document d) {
        return "oversight-document:" + d.documentId();
    }

    private static boolean owner(Caller caller, ReviewView review) {
        return caller.has(Roles.APPLICANT) && caller.organisation() != null && caller.organisation().equals(review.applicantOrganisation);
    }
}
