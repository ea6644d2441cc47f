package gov.commerce.aiexports.proposals.consortium;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.proposals.consortium.ConsortiumCommand.AddMember;
import gov.commerce.aiexports.proposals.consortium.ConsortiumCommand.RegisterConsortium;
import gov.commerce.aiexports.proposals.consortium.ConsortiumCommand.RemoveMember;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A consortium's membership, given/when/then on the aggregate alone. */
@ExtendWith(QuietRefusals.class)
class ConsortiumAggregateTest {

    private static final String ID = "consortium-1";
    private static final Member ANCHOR = new Member("Acme AI", "ACME00000001", "US", "US", List.of("models"));
    private static final Member CHIPS = new Member("Chips Inc", "CHIP00000002", "US", "US", List.of("hardware"));
    private static final Member GRID = new Member("Grid GmbH", "GRID00000003", "DE", "DE", List.of("applications"));

    private FixtureConfiguration<Consortium> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consortium.class);
    }

    private static ConsortiumEvent.Registered registered() {
        return new ConsortiumEvent.Registered(ID, "Acme consortium", ANCHOR);
    }

    @Test
    void registering_records_the_anchor_then_each_other_member() {
        fixture.givenNoPriorActivity().when(new RegisterConsortium(ID, "  Acme consortium ", ANCHOR, List.of(CHIPS, GRID)))
                .expectEvents(registered(), new ConsortiumEvent.MemberAdded(ID, CHIPS), new ConsortiumEvent.MemberAdded(ID, GRID));
    }

    @Test
    void the_anchor_listed_again_among_the_members_is_added_once() {
        fixture.givenNoPriorActivity().when(new RegisterConsortium(ID, "Acme consortium", ANCHOR, List.of(ANCHOR)))
                .expectEvents(registered());
    }

    @Test
    void a_consortium_has_a_name() {
        fixture.givenNoPriorActivity().when(new RegisterConsortium(ID, " ", ANCHOR, List.of()))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/name")).expectNoEvents();
    }

    @Test
    void malformed_members_are_refused_with_their_field() {
        Member badUei = new Member("Bad", "short", "US", "US", List.of());
        Member badCountry = new Member("Bad", "BADC00000009", "XX", "US", List.of());
        Member badLayer = new Member("Bad", "BADL00000009", "US", "US", List.of("catering"));
        fixture.givenNoPriorActivity().when(new RegisterConsortium(ID, "n", badUei, List.of()))
                .expectException(refused(InvalidInput.class, "UEI_INVALID", "/anchorMember/uei")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterConsortium(ID, "n", ANCHOR, List.of(CHIPS, badCountry)))
                .expectException(refused(InvalidInput.class, "COUNTRY_INVALID", "/members/1/countryOfIncorporation"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterConsortium(ID, "n", ANCHOR, List.of(badLayer)))
                .expectException(refused(InvalidInput.class, "LAYER_INVALID", "/members/0/layers")).expectNoEvents();
    }

    @Test
    void a_member_listed_twice_is_refused() {
        fixture.givenNoPriorActivity().when(new RegisterConsortium(ID, "n", ANCHOR, List.of(CHIPS, CHIPS)))
                .expectException(refused(InvalidInput.class, "MEMBER_ALREADY_PRESENT", "/members/1")).expectNoEvents();
    }

    @Test
    void no_member_from_or_controlled_from_a_country_of_concern() {
        Member chinese = new Member("Dragon", "DRAG00000004", "CN", "CN", List.of());
        Member controlled = new Member("Front", "FRON00000005", "US", "HK", List.of());
        fixture.givenNoPriorActivity().when(new RegisterConsortium(ID, "n", chinese, List.of()))
                .expectException(refused(RuleViolation.class, "COUNTRY_OF_CONCERN_MEMBER", "/anchorMember/countryOfIncorporation"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterConsortium(ID, "n", ANCHOR, List.of(controlled)))
                .expectException(refused(RuleViolation.class, "COUNTRY_OF_CONCERN_MEMBER", "/members/0/controlledFrom"))
                .expectNoEvents();
        fixture.given(registered()).when(new AddMember(ID, controlled))
                .expectException(refused(RuleViolation.class, "COUNTRY_OF_CONCERN_MEMBER", "/controlledFrom")).expectNoEvents();
    }

    @Test
    void a_member_is_added() {
        fixture.given(registered()).when(new AddMember(ID, CHIPS)).expectEvents(new ConsortiumEvent.MemberAdded(ID, CHIPS));
    }

    @Test
    void a_member_already_present_is_not_added_again() {
        fixture.given(registered(), new ConsortiumEvent.MemberAdded(ID, CHIPS)).when(new AddMember(ID, CHIPS))
                .expectException(refused(StateConflict.class, "MEMBER_ALREADY_PRESENT", "/uei")).expectNoEvents();
        fixture.given(registered()).when(new AddMember(ID, ANCHOR))
                .expectException(refused(StateConflict.class, "MEMBER_ALREADY_PRESENT", "/uei")).expectNoEvents();
    }

    @Test
    void an_added_member_is_well_formed() {
        fixture.given(registered()).when(new AddMember(ID, new Member("Bad", "bad", "US", "US", List.of())))
                .expectException(refused(InvalidInput.class, "UEI_INVALID", "/uei")).expectNoEvents();
    }

    @Test
    void a_member_is_removed_and_may_come_back() {
        fixture.given(registered(), new ConsortiumEvent.MemberAdded(ID, CHIPS)).when(new RemoveMember(ID, CHIPS.uei()))
                .expectEvents(new ConsortiumEvent.MemberRemoved(ID, CHIPS.uei()));
        fixture.given(registered(), new ConsortiumEvent.MemberAdded(ID, CHIPS), new ConsortiumEvent.MemberRemoved(ID, CHIPS.uei()))
                .when(new AddMember(ID, CHIPS)).expectEvents(new ConsortiumEvent.MemberAdded(ID, CHIPS));
    }

    @Test
    void the_anchor_member_stays() {
        fixture.given(registered()).when(new RemoveMember(ID, ANCHOR.uei()))
                .expectException(refused(RuleViolation.class, "ANCHOR_MEMBER_REQUIRED", "/uei")).expectNoEvents();
    }

    @Test
    void removing_someone_who_is_not_a_member_finds_nothing() {
        fixture.given(registered()).when(new RemoveMember(ID, GRID.uei())).expectException(NotFound.class).expectNoEvents();
        fixture.given(registered(), new ConsortiumEvent.MemberAdded(ID, CHIPS), new ConsortiumEvent.MemberRemoved(ID, CHIPS.uei()))
                .when(new RemoveMember(ID, CHIPS.uei())).expectException(NotFound.class).expectNoEvents();
    }
}
