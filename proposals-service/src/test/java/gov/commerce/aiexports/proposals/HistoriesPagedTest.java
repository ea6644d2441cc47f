package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.consortium;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.newUei;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.proposals.disclosure.DisclosureAccount;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand;
import gov.commerce.aiexports.proposals.proposal.ProposalContent;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.proposals.timeline.TimelineEntry;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The histories are paged like every list (cursor, limit 1 to 1000, Link: rel="next"): a proposal's
 * timeline, its account of disclosure, an aggregate's events and the projections, each longer than
 * a page and read whole by following the Link headers, in a stable order, every row once.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class HistoriesPagedTest {

    @Inject
    Documents documents;
    @Inject
    Commands commands;
    @Inject
    DisclosureAccount account;

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private record Draft(String id, String applicant, String uei) {
    }

    private Draft draft() throws Exception {
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String callId = publishedCall();
        String consortiumId = consortium(applicant, uei);
        String id = given().auth().oauth2(applicant).contentType(ContentType.JSON).body(proposal(callId, consortiumId, uei, "JP"))
                .post("/proposals").then().statusCode(201).extract().path("id");
        return new Draft(id, applicant, uei);
    }

    @Test
    void a_timeline_longer_than_a_page_is_read_whole_by_its_links_each_reader_its_own() throws Exception {
        Draft d = draft();
        // submitted: a draft is its consortium's alone
        given().auth().oauth2(d.applicant()).post("/proposals/" + d.id() + "/submit").then().statusCode(200);
        // 150 entries, three to an instant (the id breaks the tie), every other one for the applicant
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        Set<String> forApplicant = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            TimelineEntry.Audience audience = i % 2 == 0 ? TimelineEntry.Audience.APPLICANT : TimelineEntry.Audience.GOVERNMENT;
            TimelineEntry e = new TimelineEntry(UUID.randomUUID().toString(), d.id(), start.plusMillis(i / 3), "review-service",
                    "PagingSeeded", "seeded " + i, audience, new Actor("seed", "COMMERCE", List.of("commerce-officer")), "paging");
            documents.upsert("timeline_entry", e.eventId(), Map.of("proposal_id", d.id(), "occurred_at", e.occurredAt(),
                    "audience", audience.name()), e);
            all.add(e.eventId());
            if (audience == TimelineEntry.Audience.APPLICANT) {
                forApplicant.add(e.eventId());
            }
        }
        String officer = token("COMMERCE", "commerce-officer");
        LinkPages.Result pages = LinkPages.follow(base(), "/proposals/" + d.id() + "/timeline?limit=40", officer, null);
        List<String> ids = seededInOrder(pages.items(), all);
        assertEquals(all, new HashSet<>(ids), "every seeded entry");
        assertEquals(150, ids.size(), "none twice");
        assertTrue(pages.pages() >= 4, "pages: " + pages.pages());
        pages.links().forEach(l -> assertTrue(l.contains("limit=40") && l.contains("cursor="), l));

        LinkPages.Result applicantPages = LinkPages.follow(base(), "/proposals/" + d.id() + "/timeline?limit=30", d.applicant(), null);
        List<String> applicantIds = seededInOrder(applicantPages.items(), all);
        assertEquals(forApplicant, new HashSet<>(applicantIds), "the applicant's entries only, all of them");
        assertEquals(75, applicantIds.size());
        assertTrue(applicantPages.pages() >= 3);

        // the default page is 100 rows; a limit outside 1 to 1000 is refused, not clamped
        given().auth().oauth2(officer).get("/proposals/" + d.id() + "/timeline").then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\"")).body("size()", equalTo(100));
        given().auth().oauth2(officer).get("/proposals/" + d.id() + "/timeline?limit=1001").then().statusCode(400)
                .body("rule", equalTo("LIMIT_INVALID")).body("field", equalTo("/limit"));
        given().auth().oauth2(officer).get("/proposals/" + d.id() + "/timeline?cursor=bm90LWEtY3Vyc29y").then().statusCode(400)
                .body("rule", equalTo("CURSOR_INVALID"));
    }

    /** The seeded rows of a followed list, in the order given, after checking that order is oldest first. */
    private static List<String> seededInOrder(List<JsonNode> items, Set<String> seeded) {
        List<String> ids = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (JsonNode item : items) {
            Instant at = Instant.parse(item.path("occurredAt").asText());
            assertTrue(!at.isBefore(previous), "oldest first: " + previous + " then " + at);
            previous = at;
            if (seeded.contains(item.path("eventId").asText())) {
                ids.add(item.path("eventId").asText());
            }
        }
        return ids;
    }

    @Test
    void an_account_of_disclosure_longer_than_a_page_is_read_whole_by_its_links() throws Exception {
        Draft d = draft();
        Instant start = Instant.parse("2021-01-01T00:00:00Z");
        List<DisclosureAccount.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            entries.add(new DisclosureAccount.Entry(d.id(), "reader-" + i, "STATE", List.of("agency-reviewer"), start.plusMillis(i / 4),
                    List.of("targets"), "GET /seeded/" + i, "paging"));
        }
        account.writeNow(entries);
        for (String reader : List.of(d.applicant(), token("GAO", "auditor"))) {
            LinkPages.Result pages = LinkPages.follow(base(), "/proposals/" + d.id() + "/disclosures?limit=50", reader, null);
            List<String> paths = new ArrayList<>();
            Instant previous = Instant.MIN;
            for (JsonNode e : pages.items()) {
                Instant at = Instant.parse(e.path("readAt").asText());
                assertTrue(!at.isBefore(previous), "oldest first");
                previous = at;
                paths.add(e.path("path").asText());
            }
            assertEquals(130, paths.size(), "every read once: " + paths);
            assertEquals(130, new HashSet<>(paths).size());
            assertEquals(3, pages.pages());
        }
    }

    @Test
    void an_aggregates_events_longer_than_a_page_are_read_whole_by_their_links_in_sequence() throws Exception {
        Draft d = draft();
        ProposalContent content = documents.find("proposal_view", d.id(), ProposalView.class).orElseThrow().content;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 150; i++) {
                commands.sendAsService(new ProposalCommand.EditProposal(d.id(), null, content), "paging-seed");
            }
        });
        String auditor = token("GAO", "auditor");
        LinkPages.Result pages = LinkPages.follow(base(), "/audit/aggregates/" + d.id() + "/events", auditor, null);
        assertEquals(151, pages.items().size());
        assertEquals(2, pages.pages(), "100 a page by default");
        for (int i = 0; i < pages.items().size(); i++) {
            assertEquals(i, pages.items().get(i).path("sequenceNumber").asLong(), "in sequence, none skipped or twice");
        }
        LinkPages.Result small = LinkPages.follow(base(), "/audit/aggregates/" + d.id() + "/events?limit=7", auditor, null);
        assertEquals(151, small.items().size());
        assertEquals(22, small.pages());
        // an aggregate that does not exist is still 404, not an empty page
        given().auth().oauth2(auditor).get("/audit/aggregates/" + UUID.randomUUID() + "/events").then().statusCode(404);
    }

    @Test
    void the_projections_are_paged_by_name() throws Exception {
        String operator = token("OPS", "operator");
        LinkPages.Result pages = LinkPages.follow(base(), "/admin/projections?limit=2", operator, null);
        List<String> names = pages.items().stream().map(p -> p.path("name").asText()).toList();
        assertTrue(names.size() > 2, "more than a page: " + names);
        assertEquals(names.stream().sorted().distinct().toList(), names, "by name, each once");
        assertEquals((names.size() + 1) / 2, pages.pages());
        List<String> whole = LinkPages.follow(base(), "/admin/projections", operator, null).items().stream()
                .map(p -> p.path("name").asText()).toList();
        assertEquals(names, whole);
    }
}
