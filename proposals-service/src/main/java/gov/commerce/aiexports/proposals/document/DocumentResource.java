package gov.commerce.aiexports.proposals.document;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.proposals.disclosure.DisclosureAccount;
import gov.commerce.aiexports.proposals.document.application.AttachDocument;
import gov.commerce.aiexports.proposals.document.application.AttachDocument.Attached;
import gov.commerce.aiexports.proposals.document.application.AttachDocument.Upload;
import gov.commerce.aiexports.proposals.proposal.ProposalDisclosure;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.files.DocumentPolicies;
import gov.commerce.aiexports.runtime.files.DocumentRefused;
import gov.commerce.aiexports.runtime.files.FileTransfers;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files attached to a proposal: uploaded as the raw request body (streamed to the {@link DocumentStore},
 * hashed, size-limited and type-checked by content on the way), listed with their versions, and
 * downloaded as stored. Who may read a file is the disclosure rule applied to the file's own marking;
 * every download by someone outside the owning consortium goes into the account of disclosure.
 */
@Path("/proposals/{id}/documents")
@Authenticated
public class DocumentResource {

    /** Who reads a proposal's documents: the caller, the proposal it may see (else 404), whether its consortium owns it. */
    private record Reader(Caller caller, ProposalView proposal, boolean owner) {
    }

    @Inject
    FileTransfers files;
    @Inject
    AttachDocument attaching;
    @Inject
    DocumentQueries documents;
    @Inject
    RequestContext request;
    @Inject
    ProposalDisclosure disclosure;
    @Inject
    DisclosureAccount account;
    @Inject
    Clock clock;
    @Inject
    PageLinks links;

    /** Attaches a new document: the body is the file, Content-Type its declared type, ?name= its file name. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    public Response attach(@PathParam("id") String id, @QueryParam("name") String name,
            @QueryParam("confidentiality") String confidentiality, @Context HttpHeaders headers, InputStream body) throws IOException {
        return created(id, attaching.attach(id, name, confidentiality, upload(headers, body)));
    }

    /** A new version of a document (a new file; the earlier ones stay): name and marking default to the latest version's. */
    @POST
    @Path("{documentId}/versions")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    public Response addVersion(@PathParam("id") String id, @PathParam("documentId") String documentId,
            @QueryParam("name") String name, @QueryParam("confidentiality") String confidentiality, @Context HttpHeaders headers,
            InputStream body) throws IOException {
        return created(id, attaching.addVersion(id, documentId, name, confidentiality, upload(headers, body)));
    }

    private static Upload upload(HttpHeaders headers, InputStream body) {
        return new Upload(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), body);
    }

    /** The caller and the proposal, if the disclosure rule lets it see the proposal at all (else 404). */
    private Reader reader(String id) {
        Caller caller = request.caller();
        ProposalView proposal = disclosure.visible(caller, id);
        return new Reader(caller, proposal, caller.has(Roles.APPLICANT) && proposal.organisation.equals(caller.organisation()));
    }

    /**
     * Each document with its versions. A version the caller may not read shows its number, marking and
     * the withheld marker only (its name may be as confidential as its content); a confidential one it
     * may read, shown to someone outside the consortium, is accounted for.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ObjectNode> list(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Reader reader = reader(id);
        Caller caller = reader.caller();
        ProposalView proposal = reader.proposal();
        boolean owner = reader.owner();
        Map<String, ObjectNode> byDocument = new LinkedHashMap<>();
        Map<String, List<String>> disclosedByDocument = new LinkedHashMap<>();
        for (DocumentView v : documents.ofProposal(id)) {
            ObjectNode doc = byDocument.computeIfAbsent(v.documentId(), d -> {
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.put("documentId", d);
                n.putArray("versions");
                return n;
            });
            Disclosure.Decision decision = disclosure.document(caller, proposal, v.documentId(), v.confidential());
            ObjectNode shown;
            if (decision.shown()) {
                shown = Disclosure.tree(v);
                shown.remove("fileId");
                shown.remove("proposalId");
                shown.remove("documentId");
                if (!owner && v.confidential()) {
                    disclosedByDocument.computeIfAbsent(v.documentId(), d -> new ArrayList<>())
                            .add("document:" + v.documentId() + "/v" + v.version() + "/metadata");
                }
            } else {
                shown = JsonNodeFactory.instance.objectNode();
                shown.put("version", v.version());
                shown.put("confidentiality", v.confidentiality());
                shown.setAll(Disclosure.marker(decision.reason()));
            }
            ((ArrayNode) doc.get("versions")).add(shown);
        }
        // a proposal has few documents: a page of them in the order of their ids; only what the page
        // shows goes into the account of disclosure
        List<ObjectNode> shownPage = links.of(Slice.of(new ArrayList<>(byDocument.values()), page, "documentId",
                n -> n.get("documentId").asText()));
        List<String> disclosed = shownPage.stream()
                .flatMap(n -> disclosedByDocument.getOrDefault(n.get("documentId").asText(), List.of()).stream()).toList();
        if (!disclosed.isEmpty()) {
            record(caller, id, disclosed, "GET /proposals/{id}/documents");
        }
        return shownPage;
    }

    /**
     * The file's bytes, streamed, with ETag the SHA-256 recorded at upload (If-None-Match: 304). The
     * stored bytes are hashed first, while nothing is sent yet: a file changed in the database is
     * answered 500 {@code DOCUMENT_INTEGRITY_FAILED}, never sent as a success. They are hashed again
     * while streaming; a change between the two passes aborts the response before its last byte
     * (the client sees a cut transfer, not a complete file).
     */
    @GET
    @Path("{documentId}/versions/{version}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id, @PathParam("documentId") String documentId,
            @PathParam("version") String versionText, @Context HttpHeaders headers) throws IOException {
        Reader reader = reader(id);
        Caller caller = reader.caller();
        ProposalView proposal = reader.proposal();
        int version = versionNumber(versionText, documentId);
        DocumentView v = documents.version(id, documentId, version);
        Disclosure.Decision decision = disclosure.document(caller, proposal, documentId, v.confidential());
        DocumentRefused.refuseIfAny(403, DocumentPolicies.checkDisclosed(decision, v.confidentiality()));
        Response response = files.download(new FileTransfers.Served(v.fileId(), v.fileName(), v.mediaType(), v.sizeBytes(), v.sha256(),
                "document " + documentId + " version " + version + " of proposal " + id), headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        if (!reader.owner() && response.getStatus() == 200) {
            record(caller, id, List.of("document:" + documentId + "/v" + version), "GET /proposals/{id}/documents/{documentId}/versions/{version}");
        }
        return response;
    }

    /** A version is a number from 1; anything else names no version (404, like an unknown one). */
    private static int versionNumber(String text, String documentId) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new NotFound("document version", documentId + "/" + text);
    }

    private Response created(String id, Attached a) {
        return Response.created(URI.create("/proposals/" + id + "/documents/" + a.documentId() + "/versions/" + a.version()))
                .tag(new EntityTag(a.sha256())).entity(a).type(MediaType.APPLICATION_JSON).build();
    }

    private void record(Caller caller, String proposalId, List<String> parts, String path) {
        account.record(new DisclosureAccount.Entry(proposalId, caller.subject(), caller.organisation(),
                caller.roles().stream().sorted().toList(), clock.instant(), parts, path, request.correlationId()));
    }
}
