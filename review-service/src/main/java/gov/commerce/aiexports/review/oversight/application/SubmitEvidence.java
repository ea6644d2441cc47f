package gov.commerce.aiexports.review.oversight.application;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.review.oversight.OversightCommand;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The consortium submits evidence that a condition or a milestone of its own designation is met. */
@ApplicationScoped
public class SubmitEvidence {

    /** documentIds: documents attached to this designation's oversight (POST /oversight/{number}/documents), or none. */
    public record EvidenceRequest(String text, List<String> documentIds) {
    }

    @Inject
    Obligations obligations;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    /** type: ObligationItems.CONDITION or MILESTONE. */
    @Transactional
    public void submit(String number, String type, String itemId, String ifMatch, EvidenceRequest body) {
        obligations.ownedOpen(number, ifMatch, body);
        commands.send(new OversightCommand.SubmitEvidence(number, type, itemId, UUID.randomUUID().toString(), body.text(),
                body.documentIds(), clock.instant()));
    }
}
