package gov.commerce.aiexports.review.designation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.events.disclosure.Viewer;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue of priority AI export packages, readable by anyone with a token. It is public, so
 * whoever reads it is the public to the disclosure rule: a section marked confidential (targets,
 * incentives) never shows its value here, whatever the token; its place holds the withheld marker.
 */
@Path("/designations")
@Authenticated
public class DesignationResource {

    /** The public: no organisation, no role. */
    private static final Viewer PUBLIC = new Viewer(null, Set.of());
    /** The catalogue's fields that carry a markable section. */
    private static final Map<String, String> FIELDS = Map.of("targetCountries", Sections.TARGETS,
            "endorsedIncentives", Sections.INCENTIVES);

    @Inject
    DesignationQueries designations;
    @Inject
    PageLinks links;
    @Inject
    gov.commerce.aiexports.runtime.request.Preconditions preconditions;

    /** The catalogue by designation number, paged by cursor (Link: rel="next"). */
    @GET
    public List<ObjectNode> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return links.of(designations.page(page)).stream().map(this::shown).toList();
    }

    // the answer is a JSON tree (or a Response): this names the view it serialises, for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "DesignationView", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = DesignationView.class)))
    @GET
    @Path("{number}")
    public ObjectNode get(@PathParam("number") String number) {
        DesignationView d = designations.existing(number);
        // its standing is its review's: that version is the If-Match of a suspension, reinstatement or revocation
        preconditions.tag(gov.commerce.aiexports.review.SubmittedProposals.reviewIdFor(d.proposalId()));
        return shown(d);
    }

    static Disclosure.Outcome outcome(DesignationView d) {
        Set<String> marked = d.confidentialSections() == null ? Set.copyOf(Sections.ALL) : Set.copyOf(d.confidentialSections());
        return Disclosure.decide(PUBLIC, new ProposalFacts(null, false, true, Set.of(), Set.of(), marked));
    }

    private ObjectNode shown(DesignationView d) {
        Disclosure.Outcome outcome = outcome(d);
        ObjectNode node = Disclosure.tree(d);
        node.remove("confidentialSections");
        FIELDS.forEach((field, section) -> {
            if (!outcome.shown(section)) {
                node.set(field, Disclosure.marker(outcome.sections().get(section).reason()));
            }
        });
        return node;
    }
}
