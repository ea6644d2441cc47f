package gov.commerce.aiexports.review.oversight;

import gov.commerce.aiexports.review.SubmittedProposals;
import gov.commerce.aiexports.review.designation.DesignationQueries;
import gov.commerce.aiexports.review.designation.DesignationView;
import gov.commerce.aiexports.review.review.ReviewQueries;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
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

    /** The standing and the obligations, as the caller may read them. */
    public OversightView view(Caller caller, String number) {
        return OversightView.of(readable(caller, number), record(number).orElse(null));
    }
}
