package gov.commerce.aiexports.incentives;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.DesignationRevoked;
import gov.commerce.aiexports.events.review.DesignationReinstated;
import gov.commerce.aiexports.events.review.DesignationSuspended;
import gov.commerce.aiexports.events.review.ObligationAccepted;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.incentives.disclosure.IncentivesDisclosure;
import gov.commerce.aiexports.incentives.request.IncentiveRequestQueries;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A designation opens one incentive request per endorsed line; its revocation cancels the lines
 * not yet obligated and flags the obligated ones for de-obligation (see IncentiveRequest).
 */
@Singleton
public class Designations implements IntegrationEventHandler {

    @Inject
    Commands commands;
    @Inject
    IncentivesDisclosure disclosure;
    @Inject
    IncentiveRequestQueries requests;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REVIEW);
    }

    @Override
    public void handle(IntegrationEvent event) {
        if (event.is(DesignationRevoked.class)) {
            revoke(event.payloadAs(DesignationRevoked.class), event);
            return;
        }
        if (event.is(DesignationSuspended.class)) {
            DesignationSuspended s = event.payloadAs(DesignationSuspended.class);
            suspension(s.designationNumber(), s.endorsedLineCount(), true, s.reason(), s.effectiveDate(), event);
            return;
        }
        if (event.is(DesignationReinstated.class)) {
            DesignationReinstated r = event.payloadAs(DesignationReinstated.class);
            suspension(r.designationNumber(), r.endorsedLineCount(), false, r.reason(), r.effectiveDate(), event);
            return;
        }
        if (event.is(ObligationAccepted.class)) {
            milestoneAccepted(event.payloadAs(ObligationAccepted.class), event);
            return;
        }
        if (!event.is(ProposalDesignated.class)) {
            return;
        }
        ProposalDesignated d = event.payloadAs(ProposalDesignated.class);
        disclosure.remember(d);
        List<IncentiveLine> lines = d.endorsedIncentives() == null ? List.of() : d.endorsedIncentives();
        for (int i = 0; i < lines.size(); i++) {
            IncentiveLine line = lines.get(i);
            String id = lineId(d.designationNumber(), i + 1);
            commands.sendOnEvent(new IncentiveRequestCommand.OpenIncentiveRequest(id, d.proposalId(), d.designationNumber(),
                    i + 1, d.consortiumId(), d.applicantOrganisation(), line.instrument(), line.amountUsd(), line.tenorYears()),
                    event);
        }
    }

    /**
     * Every line of the designation, in this one transaction: an approval that reaches a line
     * first is flagged here, one that comes after finds the line cancelled. The revocation follows
     * the designation on the same partition, but the designation may not have been applied (it was
     * dead-lettered, and may be redelivered later): such a line is created cancelled, a tombstone
     * the late designation cannot reopen. No command here may fail on a missing line: a failure
     * marks the consumer's transaction rollback-only and the whole revocation would be lost.
     */
    private void revoke(DesignationRevoked r, IntegrationEvent event) {
        for (int line = 1; line <= r.endorsedLineCount(); line++) {
            commands.sendOnEvent(new IncentiveRequestCommand.ApplyDesignationRevocation(lineId(r.designationNumber(), line),
                    r.proposalId(), r.designationNumber(), line, r.consortiumId(), r.applicantOrganisation(), r.cause(),
                    r.causeEventId(), reasonOf(r)), event);
        }
    }

    /**
     * The line's own words for its cancellation: DesignationRevoked v2 no longer carries the
     * applicant's reason (free text the lines' readers, every financing agency, may not see), so
     * the cause says it.
     */
    static String reasonOf(DesignationRevoked r) {
        return "designation " + r.designationNumber() + " revoked (" + r.cause() + ")";
    }

    /**
     * Each opened line of the designation is suspended or reinstated on its own stream, so an
     * approval racing the suspension is either before it or refused. A line not opened yet (its
     * designation dead-lettered) is skipped: sending to it would fail the whole consumer transaction.
     */
    private void suspension(String number, int lines, boolean suspend, String reason, java.time.LocalDate effectiveDate,
            IntegrationEvent event) {
        for (int line = 1; line <= lines; line++) {
            String id = lineId(number, line);
            if (requests.exists(id)) {
                commands.sendOnEvent(new IncentiveRequestCommand.ApplyDesignationSuspension(id, suspend, reason, effectiveDate,
                        event.eventId().toString()), event);
            }
        }
    }

    /** A milestone of a line goes to that line; one of the whole package (no line) to every line of the designation. */
    private void milestoneAccepted(ObligationAccepted a, IntegrationEvent event) {
        if (!"MILESTONE".equals(a.itemType())) {
            return;
        }
        List<String> ids = a.lineNumber() != null ? List.of(lineId(a.designationNumber(), a.lineNumber()))
                : requests.idsOfDesignation(a.designationNumber());
        for (String id : ids) {
            if (requests.exists(id)) {
                commands.sendOnEvent(new IncentiveRequestCommand.RecordMilestoneAcceptance(id, a.itemId(),
                        event.eventId().toString()), event);
            }
        }
    }

    /** One id per designation and line number, so a line is opened once however often the designation is delivered. */
    static String lineId(String designationNumber, int lineNumber) {
        return UUID.nameUUIDFromBytes((designationNumber + ":" + lineNumber).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
