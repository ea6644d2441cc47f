package gov.commerce.aiexports.proposals.proposal;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.HardwareLayer;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Layer;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Stack;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Target;
import gov.commerce.aiexports.proposals.screening.CountryGroups;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Documents on the Proposal aggregate: attached and versioned while the proposal may change, fixed once submitted. */
@ExtendWith(QuietRefusals.class)
class ProposalDocumentsAggregateTest {

    private static final String ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final String MEMBER = "ACME00000001";
    private static final Instant NOW = Instant.parse("2027-02-01T12:00:00Z");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
    }

    private static ProposalContent content() {
        Layer layer = new Layer("layer", List.of(MEMBER));
        return new ProposalContent("Grid AI", "summary", new Stack(new HardwareLayer("gpus", List.of(MEMBER), new BigDecimal("60"), "US"),
                layer, layer, layer, layer), List.of(new Target("DE", null, null, null)), "model",
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000000.00"), 10)), true, List.of());
    }

    private static ProposalEvent.Drafted drafted() {
        return new ProposalEvent.Drafted(ID, "call-1", "consortium-1", MEMBER, content());
    }

    private static ProposalEvent.Submitted submitted() {
        return new ProposalEvent.Submitted(ID, "AIEP-2027-0F1E2D3C4B5A", "call-1", 2027, "consortium-1", "Acme", MEMBER, content(),
                List.of("STATE"), List.of(), CountryGroups.load().version(), NOW);
    }

    private static AttachedFile file(String fileId, String marking) {
        return new AttachedFile(fileId, "volume.pdf", "application/pdf", 1234, SHA, marking, NOW);
    }

    @Test
    void a_draft_takes_a_document_as_its_version_1() {
        AttachedFile f = file("file-1", AttachedFile.CONFIDENTIAL);
        fixture.given(drafted())
                .when(new ProposalCommand.AttachDocument(ID, "doc-1", f))
                .expectEvents(new ProposalEvent.DocumentAttached(ID, "doc-1", 1, f));
    }

    @Test
    void a_new_version_is_a_new_file_numbered_after_the_latest() {
        AttachedFile second = file("file-2", AttachedFile.NOT_CONFIDENTIAL);
        fixture.given(drafted(), new ProposalEvent.DocumentAttached(ID, "doc-1", 1, file("file-1", AttachedFile.CONFIDENTIAL)),
                        new ProposalEvent.DocumentVersionAdded(ID, "doc-1", 2, file("file-1b", AttachedFile.CONFIDENTIAL)))
                .when(new ProposalCommand.AddDocumentVersion(ID, "doc-1", second))
                .expectEvents(new ProposalEvent.DocumentVersionAdded(ID, "doc-1", 3, second));
    }

    @Test
    void documents_are_fixed_once_the_proposal_is_submitted() {
        fixture.given(drafted(), new ProposalEvent.DocumentAttached(ID, "doc-1", 1, file("file-1", AttachedFile.CONFIDENTIAL)),
                        submitted())
                .when(new ProposalCommand.AddDocumentVersion(ID, "doc-1", file("file-2", AttachedFile.CONFIDENTIAL)))
                .expectNoEvents()
                .expectException(refused(StateConflict.class, "DOCUMENTS_FROZEN"));
        fixture.given(drafted(), submitted())
                .when(new ProposalCommand.AttachDocument(ID, "doc-2", file("file-3", AttachedFile.CONFIDENTIAL)))
                .expectNoEvents()
                .expectException(refused(StateConflict.class, "DOCUMENTS_FROZEN"));
    }

    @Test
    void an_answer_to_an_information_request_may_bring_new_versions() {
        AttachedFile f = file("file-2", AttachedFile.CONFIDENTIAL);
        fixture.given(drafted(), new ProposalEvent.DocumentAttached(ID, "doc-1", 1, file("file-1", AttachedFile.CONFIDENTIAL)),
                        submitted(), new ProposalEvent.InformationRequested(ID, "review-1", "ir-1", List.of("audited financials?"),
                                "COMMERCE", "source-1"))
                .when(new ProposalCommand.AddDocumentVersion(ID, "doc-1", f))
                .expectEvents(new ProposalEvent.DocumentVersionAdded(ID, "doc-1", 2, f));
    }

    @Test
    void a_version_of_an_unknown_document_and_an_unknown_marking_are_refused() {
        fixture.given(drafted())
                .when(new ProposalCommand.AddDocumentVersion(ID, "doc-9", file("file-1", AttachedFile.CONFIDENTIAL)))
                .expectNoEvents()
                .expectException(NotFound.class);
        fixture.given(drafted())
                .when(new ProposalCommand.AttachDocument(ID, "doc-1", file("file-1", "SECRET")))
                .expectNoEvents()
                .expectException(refused(InvalidInput.class, "VALUE_NOT_ALLOWED", "/confidentiality"));
    }

    @Test
    void the_same_document_is_not_attached_twice() {
        fixture.given(drafted(), new ProposalEvent.DocumentAttached(ID, "doc-1", 1, file("file-1", AttachedFile.CONFIDENTIAL)))
                .when(new ProposalCommand.AttachDocument(ID, "doc-1", file("file-2", AttachedFile.CONFIDENTIAL)))
                .expectNoEvents()
                .expectException(refused(StateConflict.class, "DOCUMENT_EXISTS"));
    }
}
