package gov.commerce.aiexports.events.proposals;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.Instant;
import java.util.List;

/**
 * Commerce loaded a new version of the country-group list and a submitted or designated proposal's
 * targets screen differently under it: {@code findings} says what changed (a target now embargoed or
 * newly in a D group, or a group finding lifted), each citing both list versions. At most one per
 * proposal and list version. {@code confidentialSections} as in ProposalSubmitted v2: the findings
 * name targets, which consumers show only to whom the disclosure rule lets see them.
 */
@EventContract(type = "ProposalRescreened", version = 1, producer = "proposals-service")
public record ProposalRescreened(
        String proposalId,
        String trackingNumber,
        String applicantOrganisation,
        String status,
        String previousListVersion,
        String listVersion,
        List<ScreeningFlag> findings,
        Instant rescreenedAt,
        List<String> confidentialSections) implements IntegrationPayload {
}
