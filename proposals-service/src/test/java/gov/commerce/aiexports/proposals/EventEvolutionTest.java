package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.consortium;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.member;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.newUei;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event stored in revision 1 years ago still rebuilds aggregates, read models and audit states, through its upcaster. */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class EventEvolutionTest {

    @Test
    void a_revision_1_member_added_event_replays_as_revision_2() throws Exception {
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        String legacyUei = "LEGACY" + uei.substring(6);
        // as an older version of the service stored it: one country, no revision
        String v1 = "{\"consortiumId\":\"" + consortiumId + "\",\"member\":{\"legalName\":\"Legacy Secure Ltd\",\"uei\":\""
                + legacyUei + "\",\"country\":\"GB\",\"layers\":[\"security\"]}}";
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement("insert into domain_event_entry (event_identifier, meta_data, payload, "
                     + "payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                     + "values (?, ?, ?, null, ?, ?, ?, 1, 'Consortium')")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setBytes(2, "{\"actorSubject\":\"legacy-import\"}".getBytes(StandardCharsets.UTF_8));
            s.setBytes(3, v1.getBytes(StandardCharsets.UTF_8));
            s.setString(4, "gov.commerce.aiexports.proposals.consortium.ConsortiumEvent$MemberAdded");
            s.setString(5, Instant.now().toString());
            s.setString(6, consortiumId);
            s.executeUpdate();
        }

        // the aggregate's own handlers see revision 2
        given().auth().oauth2(token("GAO", "auditor")).get("/audit/aggregates/" + consortiumId + "/state").then().statusCode(200)
                .body("version", equalTo(1))
                .body("state.members." + legacyUei + ".countryOfIncorporation", equalTo("GB"))
                .body("state.members." + legacyUei + ".controlledFrom", equalTo("GB"));
        // the read model rebuilt from the store shows it too
        ReplayTest.replay("consortium-projection");
        given().auth().oauth2(applicant).get("/consortia/" + consortiumId).then().statusCode(200)
                .body("members.find { it.uei == '" + legacyUei + "' }.controlledFrom", equalTo("GB"));
        // and commands load the aggregate through it
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(member(legacyUei, "GB", "GB"))
                .post("/consortia/" + consortiumId + "/members").then().statusCode(409).body("rule", equalTo("MEMBER_ALREADY_PRESENT"))
                .body("field", equalTo("/uei"));
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(member(newUei(), "FR", "FR"))
                .post("/consortia/" + consortiumId + "/members").then().statusCode(200);
    }
}
