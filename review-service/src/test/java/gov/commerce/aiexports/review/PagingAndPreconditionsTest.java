package gov.commerce.aiexports.review;

import static gov.commerce.aiexports.review.InteragencyReviewTest.as;
import static gov.commerce.aiexports.review.InteragencyReviewTest.assessment;
import static gov.commerce.aiexports.review.InteragencyReviewTest.designate;
import static gov.commerce.aiexports.review.InteragencyReviewTest.openReview;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.testsupport.LinkPages;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One way to page (cursor, limit, Link: rel="next") on the reviews, nothing cut (the list was cut
 * at 500 before), and the conditional requests on a review (ETag, If-Match: 412, 428).
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class PagingAndPreconditionsTest {

    @Inject
    Commands commands;
    @Inject
    Documents documents;

    /** 1,200 reviews opened through the aggregate's own command, 200 to a transaction (fast, and each a real review). */
    private Set<String> seedReviews(int count, String marker) {
        Set<String> ids = new HashSet<>();
        for (int batch = 0; batch < count / 200; batch++) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 200; i++) {
                    String proposalId = UUID.randomUUID().toString();
                    String reviewId = SubmittedProposals.reviewIdFor(proposalId);
                    ProposalSubmitted submitted = new ProposalSubmitted(proposalId, "AIEP-2027-" + proposalId.substring(0, 8), "call-"
                            + marker, 2027, "cons-1", "Acme", "APPL00000001", "Paged " + marker, List.of("VN"),
                            List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000000.00"), 5)), List.of("STATE"),
                            List.<ScreeningFlag>of(), "EAR-TEST", Instant.now(), List.of());
                    commands.sendAsService(new ReviewCommand.OpenReview(reviewId, submitted), "paging-seed");
                    ids.add(reviewId);
                }
            });
        }
        return ids;
    }

    @Test
    void twelve_hundred_reviews_are_listed_completely_by_following_link_headers() throws Exception {
        Set<String> seeded = seedReviews(1200, "paging");
        long inTable = documents.count("select count(*) from review_view");
        String token = TestInfrastructure.get().tokens().mint("auditor@AUDIT", "AUDIT", "auditor");
        String base = "http://localhost:" + RestAssured.port;

        LinkPages.Result all = LinkPages.follow(base, "/reviews?limit=250", token, null);
        Set<String> listed = new HashSet<>();
        all.items().forEach(r -> listed.add(r.path("id").asText()));
        assertEquals(all.items().size(), listed.size(), "no review is listed twice");
        assertTrue(listed.containsAll(seeded), "every seeded review is listed");
        assertTrue(listed.size() >= inTable, "every review in the read model is listed: " + listed.size() + " of " + inTable);
        assertTrue(all.pages() >= 5, "paged: " + all.pages() + " pages");
        // each Link keeps the request's own parameters and carries an opaque cursor
        all.links().forEach(l -> assertTrue(l.startsWith("/reviews?") && l.contains("limit=250") && l.contains("cursor="), l));
        // newest opened first, stable
        String previous = null;
        for (JsonNode r : all.items()) {
            String openedAt = r.path("openedAt").asText("");
            if (previous != null) {
                assertTrue(previous.compareTo(openedAt) >= 0, "newest opened first");
            }
            previous = openedAt;
        }

        // the default page is 100, and a filter is kept in the next link
        var first = as("AUDIT", "auditor").get("/reviews?status=OPEN").then().statusCode(200).body("$", hasSize(100)).extract();
        String next = LinkPages.next(first.header("Link"));
        assertTrue(next != null && next.contains("status=OPEN"), "the filter is kept: " + next);
        LinkPages.Result open = LinkPages.follow(base, "/reviews?status=OPEN&limit=1000", token, null);
        open.items().forEach(r -> assertEquals("OPEN", r.path("status").asText()));
        assertTrue(open.items().size() >= 1200);
    }

    @Test
    void a_bad_cursor_or_limit_is_refused_by_name() throws Exception {
        as("AUDIT", "auditor").get("/reviews?cursor=not-a-cursor").then().statusCode(400)
                .body("rule", equalTo("CURSOR_INVALID")).body("field", equalTo("/cursor"));
        as("AUDIT", "auditor").get("/reviews?limit=0").then().statusCode(400)
                .body("rule", equalTo("LIMIT_INVALID")).body("field", equalTo("/limit"));
        as("AUDIT", "auditor").get("/reviews?limit=1001").then().statusCode(400).body("rule", equalTo("LIMIT_INVALID"));
        // a cursor of another list's sort is not read as a position
        String designationsCursor = gov.commerce.aiexports.runtime.paging.Cursor.encode("number", List.of("PAEP-2027-0001"));
        as("AUDIT", "auditor").get("/reviews?cursor=" + designationsCursor).then().statusCode(400)
                .body("rule", equalTo("CURSOR_INVALID"));
    }

    @Test
    void changes_to_a_review_honour_if_match_and_a_determination_requires_it() throws Exception {
        String reviewId = openReview();
        String etag = as("COMMERCE", "commerce-officer").get("/reviews/" + reviewId).then().statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag, "the review's version after it opened");

        // an assessment (If-Match optional): a stale one is 412 and records nothing; the current one is accepted
        as("STATE", "agency-reviewer").header("If-Match", "\"7\"").body(assessment("CONCUR", List.of()))
                .post("/reviews/" + reviewId + "/assessments").then().statusCode(412)
                .body("rule", equalTo("STALE_VERSION")).body("field", equalTo("/If-Match"));
        as("COMMERCE", "commerce-officer").get("/reviews/" + reviewId).then().header("ETag", "\"0\"");
        String afterState = as("STATE", "agency-reviewer").header("If-Match", etag).body(assessment("CONCUR", List.of()))
                .post("/reviews/" + reviewId + "/assessments").then().statusCode(201).extract().header("ETag");
        String current = as("COMMERCE", "commerce-officer").get("/reviews/" + reviewId).then().statusCode(200).extract().header("ETag");
        assertEquals(current, afterState, "a conditional change answers with the version it made");
        // without If-Match an assessment is still accepted (unconditional)
        as("DEFENSE", "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + reviewId + "/assessments")
                .then().statusCode(201);
        String latest = as("COMMERCE", "commerce-officer").get("/reviews/" + reviewId).then().extract().header("ETag");

        // a determination: without If-Match 428, with the version before the last assessment 412, then with the current one
        as("COMMERCE", "commerce-officer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "25000000.00"))
                .post("/reviews/" + reviewId + "/determination").then().statusCode(428)
                .body("rule", equalTo("IF_MATCH_REQUIRED")).body("field", equalTo("/If-Match"));
        as("COMMERCE", "commerce-officer").header("If-Match", current).body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "25000000.00"))
                .post("/reviews/" + reviewId + "/determination").then().statusCode(412).body("rule", equalTo("STALE_VERSION"));
        as("COMMERCE", "commerce-officer").get("/reviews/" + reviewId).then().body("status", equalTo("OPEN"));
        as("COMMERCE", "commerce-officer").header("If-Match", "not a version")
                .body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "25000000.00"))
                .post("/reviews/" + reviewId + "/determination").then().statusCode(400).body("rule", equalTo("IF_MATCH_INVALID"));
        as("COMMERCE", "commerce-officer").header("If-Match", latest).body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "25000000.00"))
                .post("/reviews/" + reviewId + "/determination").then().statusCode(200).body("status", equalTo("DESIGNATED"));

        // a designation's standing is conditional on the designation's ETag (its review's version)
        String number = as("COMMERCE", "commerce-officer").get("/reviews/" + reviewId).then().extract().path("determination.designationNumber");
        String designationTag = as("COMMERCE", "commerce-officer").get("/designations/" + number).then().statusCode(200)
                .extract().header("ETag");
        assertEquals(as("COMMERCE", "commerce-officer").get("/reviews/" + reviewId).then().extract().header("ETag"), designationTag);
        as("COMMERCE", "commerce-officer").header("If-Match", latest)
                .body(java.util.Map.of("reason", "audit finding", "effectiveDate", java.time.LocalDate.now().minusDays(1).toString()))
                .post("/oversight/" + number + "/suspension").then().statusCode(412).body("rule", equalTo("STALE_VERSION"));
        // a caller that may not see a resource learns nothing from If-Match: 404 first
        as("APPL99999999", "applicant").header("If-Match", "\"0\"").get("/oversight/" + number).then().statusCode(404);
    }
}
