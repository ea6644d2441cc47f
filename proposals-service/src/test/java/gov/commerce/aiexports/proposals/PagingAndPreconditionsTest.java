package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.consortium;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.newUei;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.proposals.proposal.ProposalCommand;
import gov.commerce.aiexports.proposals.proposal.ProposalContent;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.testsupport.LinkPages;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The proposal list by cursor beside its page numbers, its CSV export whole (it held one page
 * before), and the conditional changes of proposals, calls and consortia.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class PagingAndPreconditionsTest {

    @Inject
    Commands commands;
    @Inject
    Documents documents;

    /** One draft made over HTTP, then {@code more} drafts of the same content through the aggregate's command (200 a transaction). */
    private Set<String> seedDrafts(String applicant, String callId, String consortiumId, String uei, int more) throws Exception {
        Set<String> ids = new HashSet<>();
        String first = given().auth().oauth2(applicant).contentType(ContentType.JSON).body(proposal(callId, consortiumId, uei, "JP"))
                .post("/proposals").then().statusCode(201).extract().path("id");
        ids.add(first);
        ProposalContent content = documents.find("proposal_view", first, ProposalView.class).orElseThrow().content;
        for (int batch = 0; batch < more / 200; batch++) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 200; i++) {
                    String id = UUID.randomUUID().toString();
                    commands.sendAsService(new ProposalCommand.DraftProposal(id, callId, consortiumId, uei, content), "paging-seed");
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    @Test
    void the_csv_export_holds_all_twelve_hundred_proposals_and_the_list_pages_by_cursor() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        Set<String> seeded = seedDrafts(applicant, callId, consortiumId, uei, 1200);
        assertEquals(1201, seeded.size());

        // the CSV: the whole selection, whatever page, size or cursor, one line per proposal
        String csv = given().auth().oauth2(applicant).accept("text/csv").queryParam("size", 5).get("/proposals").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("id,trackingNumber,"), lines.get(0));
        assertEquals(1201, lines.size() - 1, "one line per proposal of the selection");
        Set<String> exported = new HashSet<>();
        lines.stream().skip(1).forEach(l -> exported.add(l.substring(1, l.indexOf('"', 1))));
        assertEquals(seeded, exported);

        // JSON: pages of 200 by cursor, Link to the next while more remain, every proposal once, the total kept
        String base = "http://localhost:" + RestAssured.port;
        LinkPages.Result pages = LinkPages.follow(base, "/proposals?size=200&sort=title", applicant, "items");
        Set<String> listed = new HashSet<>();
        pages.items().forEach(p -> listed.add(p.path("id").asText()));
        assertEquals(pages.items().size(), listed.size(), "no proposal twice");
        assertEquals(seeded, listed);
        assertEquals(7, pages.pages());
        pages.links().forEach(l -> assertTrue(l.contains("sort=title") && l.contains("size=200") && l.contains("cursor=")
                && !l.contains("page="), l));
        var first = given().auth().oauth2(applicant).get("/proposals?size=200").then().statusCode(200)
                .body("total", equalTo(1201)).body("page", equalTo(0)).body("items", hasSize(200)).extract();
        String next = LinkPages.next(first.header("Link"));
        assertEquals(first.path("next"), next.replaceAll(".*cursor=([^&]*).*", "$1"));
        given().auth().oauth2(applicant).get(next).then().statusCode(200).body("page", nullValue()).body("items", hasSize(200));
        // page numbers are still taken, and lead on by cursor too
        var third = given().auth().oauth2(applicant).get("/proposals?size=200&page=2").then().statusCode(200).body("page", equalTo(2))
                .extract();
        assertTrue(LinkPages.next(third.header("Link")).contains("cursor="));
        given().auth().oauth2(applicant).get("/proposals?page=1&cursor=" + first.path("next")).then().statusCode(400)
                .body("rule", equalTo("PAGE_INVALID"));
        // a cursor made for one sort is not read under another
        given().auth().oauth2(applicant).get("/proposals?sort=title&cursor=" + first.path("next")).then().statusCode(400)
                .body("rule", equalTo("CURSOR_INVALID"));
    }

    @Test
    void an_edit_of_a_proposal_needs_if_match_and_a_stale_one_is_412() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        String id = given().auth().oauth2(applicant).contentType(ContentType.JSON).body(proposal(callId, consortiumId, uei, "JP"))
                .post("/proposals").then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(applicant).get("/proposals/" + id).then().extract().header("ETag");

        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(proposal(callId, consortiumId, uei, "FR"))
                .put("/proposals/" + id).then().statusCode(428).body("rule", equalTo("IF_MATCH_REQUIRED"))
                .body("field", equalTo("/If-Match"));
        given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", "\"4\"")
                .body(proposal(callId, consortiumId, uei, "FR")).put("/proposals/" + id).then().statusCode(412)
                .body("rule", equalTo("STALE_VERSION"));
        String edited = given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", etag)
                .body(proposal(callId, consortiumId, uei, "FR")).put("/proposals/" + id).then().statusCode(200)
                .body("content.targets[0].country", equalTo("FR")).extract().header("ETag");
        assertEquals("\"1\"", edited);
        // a submission (If-Match optional) on the version before the edit: 412, still a draft; on the current one: submitted
        given().auth().oauth2(applicant).header("If-Match", etag).post("/proposals/" + id + "/submit").then().statusCode(412);
        given().auth().oauth2(applicant).get("/proposals/" + id).then().body("status", equalTo("DRAFT"));
        given().auth().oauth2(applicant).header("If-Match", edited).post("/proposals/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        // another organisation learns nothing from If-Match: 404, as without it
        given().auth().oauth2(token(newUei(), "applicant")).contentType(ContentType.JSON).header("If-Match", "\"9\"")
                .body(Map.of("reason", "x")).post("/proposals/" + id + "/withdraw").then().statusCode(404);
    }

    @Test
    void a_call_amendment_needs_if_match_and_its_lifecycle_and_a_consortium_honour_it() throws Exception {
        String callId = publishedCall();
        String officer = token("COMMERCE", "commerce-officer");
        String etag = given().auth().oauth2(officer).get("/calls/" + callId).then().statusCode(200).extract().header("ETag");
        Map<String, Object> amendment = Map.of("gracePeriodHours", 6, "modificationComment", "portal outage");

        given().auth().oauth2(officer).contentType(ContentType.JSON).body(amendment).post("/calls/" + callId + "/amendments").then()
                .statusCode(428).body("rule", equalTo("IF_MATCH_REQUIRED"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(amendment)
                .post("/calls/" + callId + "/amendments").then().statusCode(412).body("rule", equalTo("STALE_VERSION"));
        String amended = given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", etag).body(amendment)
                .post("/calls/" + callId + "/amendments").then().statusCode(200).body("gracePeriodHours", equalTo(6))
                .extract().header("ETag");
        // closing on the version before the amendment: 412; on the current one: closed
        given().auth().oauth2(officer).header("If-Match", etag).post("/calls/" + callId + "/close").then().statusCode(412);
        given().auth().oauth2(officer).header("If-Match", amended).post("/calls/" + callId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));

        // a consortium's membership
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        String version = given().auth().oauth2(applicant).get("/consortia/" + consortiumId).then().statusCode(200).extract().header("ETag");
        Map<String, Object> member = ProposalIntakeTest.member(newUei(), "US", "US");
        given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", "\"8\"").body(member)
                .post("/consortia/" + consortiumId + "/members").then().statusCode(412);
        given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", version).body(member)
                .post("/consortia/" + consortiumId + "/members").then().statusCode(200);
    }
}
