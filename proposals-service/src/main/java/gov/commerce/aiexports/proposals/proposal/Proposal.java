package gov.commerce.aiexports.proposals.proposal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A consortium's proposal to one call, from draft to decision. */
public class Proposal {

    /** The proposals a new country list screens again: open ones and designations (their lines may still be financed). */
    static final Set<ProposalStatus> RESCREENED = Set.of(ProposalStatus.SUBMITTED, ProposalStatus.UNDER_REVIEW,
            ProposalStatus.INFORMATION_REQUESTED, ProposalStatus.DESIGNATED);

    private static final Set<ProposalStatus> DECIDED = Set.of(ProposalStatus.DESIGNATED, ProposalStatus.REJECTED,
            ProposalStatus.WITHDRAWN);

    @AggregateIdentifier
    private String proposalId;
    private String callId;
    private String consortiumId;
    private String applicantOrganisation;
    private ProposalContent content;
    private ProposalStatus status;
    private String trackingNumber;
    private String openInformationRequest;
    private String designationNumber;
    private String designationAfterWithdrawal;
    /** The list versions its targets were screened against: a version screens it once. */
    private final java.util.Set<String> screenedListVersions = new java.util.HashSet<>();
    /** Each attached document's latest version. */
    private final java.util.Map<String, Integer> documents = new java.util.HashMap<>();

    /** While the consortium may change its proposal: a draft, or an answer to an information request being prepared. */
    private static final Set<ProposalStatus> DOCUMENTS_OPEN = Set.of(ProposalStatus.DRAFT, ProposalStatus.INFORMATION_REQUESTED);

    protected Proposal() {
    }

    @CommandHandler
    public Proposal(ProposalCommand.DraftProposal command) {
        Violations.invalidIfAny(ProposalInputPolicies.check(command.content()));
        apply(new ProposalEvent.Drafted(command.proposalId(), command.callId(), command.consortiumId(),
                command.applicantOrganisation(), command.content()));
    }

    @CommandHandler
    void handle(ProposalCommand.EditProposal command) {
        if (status != ProposalStatus.DRAFT) {
            throw new StateConflict("PROPOSAL_NOT_DRAFT", "only a draft can be edited; this proposal is " + status);
        }
        Violations.invalidIfAny(ProposalInputPolicies.check(command.content()));
        apply(new ProposalEvent.Edited(proposalId, command.content()));
    }

    @CommandHandler
    void handle(ProposalCommand.SubmitProposal command) {
        if (status != ProposalStatus.DRAFT) {
            throw new StateConflict("PROPOSAL_NOT_DRAFT", "only a draft can be submitted; this proposal is " + status);
        }
        SubmissionPolicies.Screening screening = SubmissionPolicies.screen(content, command.context());
        Violations.refuseIfAny(screening.refusals());
        apply(new ProposalEvent.Submitted(proposalId, trackingNumber(command.fiscalYear()), callId, command.fiscalYear(),
                consortiumId, command.consortiumName(), applicantOrganisation, content, command.requiredAgencies(),
                screening.flags(), screening.countryListVersion(), command.context().now()));
    }

    @CommandHandler
    void handle(ProposalCommand.WithdrawProposal command) {
        // a designated proposal may be withdrawn: that relinquishes its designation (PRODUCT §8)
        if (status == ProposalStatus.DRAFT || status == ProposalStatus.REJECTED || status == ProposalStatus.WITHDRAWN) {
            throw new StateConflict("PROPOSAL_NOT_WITHDRAWABLE", "a proposal can be withdrawn after submission, until it is "
                    + "rejected, and after its designation (a relinquishment); this one is " + status);
        }
        apply(new ProposalEvent.Withdrawn(proposalId, applicantOrganisation, command.reason(), command.at(),
                status == ProposalStatus.DESIGNATED ? designationNumber : null));
    }

    @CommandHandler
    void handle(ProposalCommand.RecordInformationRequest command) {
        if (status == ProposalStatus.SUBMITTED || status == ProposalStatus.UNDER_REVIEW) {
            apply(new ProposalEvent.InformationRequested(proposalId, command.reviewId(), command.informationRequestId(),
                    command.questions(), command.requestedBy(), command.sourceEventId()));
        }
    }

    private static List<Violation> under(List<Violation> violations, String prefix) {
        return violations.stream().map(v -> new Violation(v.rule(), prefix + v.field(), v.detail())).toList();
    }

    @CommandHandler
    void handle(ProposalCommand.RespondToInformationRequest command) {
        if (status != ProposalStatus.INFORMATION_REQUESTED) {
            throw new StateConflict("NO_INFORMATION_REQUESTED", "the proposal is " + status + "; there is no open information request");
        }
        Violations.refuseIfAny(ProposalInputPolicies.checkAnswersOpenRequest(command.informationRequestId(), openInformationRequest));
        Violations.invalidIfAny(ProposalInputPolicies.checkResponse(command.response()));
        ProposalContent changed = content.changedBy(command.content()); // partial: what is left out is kept
        // the changes sit under /changes of the response: the refusal names them there
        String under = command.content() == null ? "" : "/changes";
        Violations.invalidIfAny(under(ProposalInputPolicies.check(changed), under));
        SubmissionPolicies.Screening screening = SubmissionPolicies.rescreen(changed, command.context());
        Violations.refuseIfAny(under(screening.refusals(), under));
        apply(new ProposalEvent.Resubmitted(proposalId, trackingNumber, applicantOrganisation, openInformationRequest,
                command.response(), changed, screening.flags(), screening.countryListVersion(), command.context().now()));
    }

    @CommandHandler
    void handle(ProposalCommand.RecordRejection command) {
        if (!DECIDED.contains(status)) {
            apply(new ProposalEvent.Rejected(proposalId, command.justification(), command.sourceEventId()));
        }
    }

    @CommandHandler
    void handle(ProposalCommand.MarkUnderReview command) {
        if (status == ProposalStatus.SUBMITTED) {
            apply(new ProposalEvent.UnderReview(proposalId, command.reviewId(), command.sourceEventId()));
        }
    }

    @CommandHandler
    void handle(ProposalCommand.RecordDesignation command) {
        if (status == ProposalStatus.WITHDRAWN) {
            // the designation crossed the withdrawal: the proposal stays withdrawn, and the crossing is on record once
            if (designationAfterWithdrawal == null) {
                apply(new ProposalEvent.DesignationAfterWithdrawal(proposalId, command.designationNumber(), command.sourceEventId()));
            }
        } else if (!DECIDED.contains(status)) {
            apply(new ProposalEvent.DesignationRecorded(proposalId, command.designationNumber(), command.sourceEventId()));
        }
    }

    @CommandHandler
    void handle(ProposalCommand.AttachDocument command) {
        checkDocument(command.file());
        if (documents.containsKey(command.documentId())) {
            throw new StateConflict("DOCUMENT_EXISTS", "document " + command.documentId() + " is already attached; add a version");
        }
        apply(new ProposalEvent.DocumentAttached(proposalId, command.documentId(), 1, command.file()));
    }

    @CommandHandler
    void handle(ProposalCommand.AddDocumentVersion command) {
        Integer latest = documents.get(command.documentId());
        if (latest == null) {
            throw new gov.commerce.aiexports.runtime.domain.NotFound("document", command.documentId());
        }
        checkDocument(command.file());
        apply(new ProposalEvent.DocumentVersionAdded(proposalId, command.documentId(), latest + 1, command.file()));
    }

    /**
     * DOCUMENTS_FROZEN: files change only while the proposal may (a draft, or while answering an
     * information request); once submitted, what was submitted stays, and a new version is a new file.
     */
    private void checkDocument(AttachedFile file) {
        if (!DOCUMENTS_OPEN.contains(status)) {
            throw new StateConflict("DOCUMENTS_FROZEN", "the documents of a " + status + " proposal are fixed; files can be "
                    + "attached or versioned in a draft, or while answering an information request");
        }
        new gov.commerce.aiexports.runtime.domain.Checks()
                .require(file.fileName() != null && !file.fileName().isBlank(), "FIELD_REQUIRED", "/name", "a file name is required")
                .require(AttachedFile.CONFIDENTIAL.equals(file.confidentiality())
                        || AttachedFile.NOT_CONFIDENTIAL.equals(file.confidentiality()), "VALUE_NOT_ALLOWED", "/confidentiality",
                        "confidentiality is " + AttachedFile.CONFIDENTIAL + " or " + AttachedFile.NOT_CONFIDENTIAL)
                .throwIfInvalid();
    }

    /** Stable and unique: the fiscal year and the proposal id's first twelve hex digits. */
    private String trackingNumber(int fiscalYear) {
        return "AIEP-" + fiscalYear + "-" + proposalId.replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    /** Recorded once per list version, while the proposal is submitted, under review or designated; else nothing happens. */
    @CommandHandler
    void handle(ProposalCommand.RecordRescreening command) {
        if (!RESCREENED.contains(status) || screenedListVersions.contains(command.listVersion()) || command.findings().isEmpty()) {
            return;
        }
        apply(new ProposalEvent.Rescreened(proposalId, trackingNumber, applicantOrganisation, status.name(), command.listVersion(),
                command.previousListVersion(), command.findings(), command.rescreenedAt(), markedSections()));
    }

    /** The names of the sections its consortium marked confidential (never their values). */
    private List<String> markedSections() {
        return content == null || content.confidentialSections() == null ? List.of()
                : content.confidentialSections().stream().filter(c -> c != null && c.section() != null)
                        .map(ProposalContent.ConfidentialSection::section).distinct().toList();
    }

    @EventSourcingHandler
    void on(ProposalEvent.Drafted e) {
        proposalId = e.proposalId();
        callId = e.callId();
        consortiumId = e.consortiumId();
        applicantOrganisation = e.applicantOrganisation();
        content = e.content();
        status = ProposalStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(ProposalEvent.Edited e) {
        content = e.content();
    }

    @EventSourcingHandler
    void on(ProposalEvent.Submitted e) {
        status = ProposalStatus.SUBMITTED;
        trackingNumber = e.trackingNumber();
        screenedListVersions.add(e.countryListVersion());
    }

    @EventSourcingHandler
    void on(ProposalEvent.Rescreened e) {
        screenedListVersions.add(e.listVersion());
    }

    @EventSourcingHandler
    void on(ProposalEvent.InformationRequested e) {
        status = ProposalStatus.INFORMATION_REQUESTED;
        openInformationRequest = e.informationRequestId();
    }

    @EventSourcingHandler
    void on(ProposalEvent.Resubmitted e) {
        status = ProposalStatus.SUBMITTED;
        screenedListVersions.add(e.countryListVersion());
        content = e.content();
        openInformationRequest = null;
    }

    @EventSourcingHandler
    void on(ProposalEvent.Rejected e) {
        status = ProposalStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ProposalEvent.Withdrawn e) {
        status = ProposalStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ProposalEvent.UnderReview e) {
        status = ProposalStatus.UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(ProposalEvent.DesignationRecorded e) {
        status = ProposalStatus.DESIGNATED;
        designationNumber = e.designationNumber();
    }

    @EventSourcingHandler
    void on(ProposalEvent.DesignationAfterWithdrawal e) {
        designationAfterWithdrawal = e.designationNumber();
    }

    @EventSourcingHandler
    void on(ProposalEvent.DocumentAttached e) {
        documents.put(e.documentId(), e.version());
    }

    @EventSourcingHandler
    void on(ProposalEvent.DocumentVersionAdded e) {
        documents.put(e.documentId(), e.version());
    }
}
