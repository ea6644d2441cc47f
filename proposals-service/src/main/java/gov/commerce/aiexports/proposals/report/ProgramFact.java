package gov.commerce.aiexports.proposals.report;

import gov.commerce.aiexports.events.IncentiveLine;
import java.time.Instant;
import java.util.List;

/**
 * One proposal's path through the program as the report counts it: when it entered each stage
 * (null until it did), its call and fiscal year, and what its latest submission targeted and
 * requested. Written by {@link ProgramReportProjection}, one row per proposal.
 */
public record ProgramFact(String proposalId, String callId, int fiscalYear, Instant draftedAt, Instant submittedAt,
        Instant underReviewAt, Instant designatedAt, String designationNumber, Instant rejectedAt, Instant withdrawnAt,
        List<String> countries, List<String> regions, List<IncentiveLine> requested) {

    static ProgramFact drafted(String proposalId, String callId, Instant at) {
        return new ProgramFact(proposalId, callId, 0, at, null, null, null, null, null, null, List.of(), List.of(), List.of());
    }

    ProgramFact submitted(int year, Instant at, List<String> countries, List<String> regions, List<IncentiveLine> lines) {
        return new ProgramFact(proposalId, callId, year, draftedAt, submittedAt == null ? at : submittedAt, underReviewAt, designatedAt,
                designationNumber, rejectedAt, withdrawnAt, countries, regions, lines);
    }

    ProgramFact underReview(Instant at) {
        return new ProgramFact(proposalId, callId, fiscalYear, draftedAt, submittedAt, underReviewAt == null ? at : underReviewAt,
                designatedAt, designationNumber, rejectedAt, withdrawnAt, countries, regions, requested);
    }

    ProgramFact designated(Instant at, String number) {
        return new ProgramFact(proposalId, callId, fiscalYear, draftedAt, submittedAt, underReviewAt, at, number, rejectedAt,
                withdrawnAt, countries, regions, requested);
    }

    ProgramFact rejected(Instant at) {
        return new ProgramFact(proposalId, callId, fiscalYear, draftedAt, submittedAt, underReviewAt, designatedAt, designationNumber,
                at, withdrawnAt, countries, regions, requested);
    }

    ProgramFact withdrawn(Instant at) {
        return new ProgramFact(proposalId, callId, fiscalYear, draftedAt, submittedAt, underReviewAt, designatedAt, designationNumber,
                rejectedAt, at, countries, regions, requested);
    }

    static boolean by(Instant at, Instant asOf) {
        return at != null && !at.isAfter(asOf);
    }
}
