package gov.commerce.aiexports.review.oversight;

import gov.commerce.aiexports.review.oversight.application.AddMilestone;
import gov.commerce.aiexports.review.oversight.application.AttachOversightDocument;
import gov.commerce.aiexports.review.oversight.application.AddMilestone.MilestoneRequest;
import gov.commerce.aiexports.review.oversight.application.ChangeStanding;
import gov.commerce.aiexports.review.oversight.application.ChangeStanding.StandingRequest;
import gov.commerce.aiexports.review.oversight.application.DecideEvidence;
import gov.commerce.aiexports.review.oversight.application.DecideEvidence.DecisionRequest;
import gov.commerce.aiexports.review.oversight.application.FileProgressReport;
import gov.commerce.aiexports.review.oversight.application.FileProgressReport.ReportRequest;
import gov.commerce.aiexports.review.oversight.application.SetConditionDueDate;
import gov.commerce.aiexports.review.oversight.application.SetConditionDueDate.DueDateRequest;
import gov.commerce.aiexports.review.oversight.application.SetReportingSchedule;
import gov.commerce.aiexports.review.oversight.application.SetReportingSchedule.ScheduleRequest;
import gov.commerce.aiexports.review.oversight.application.SubmitEvidence;
import gov.commerce.aiexports.review.oversight.application.SubmitEvidence.EvidenceRequest;
import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.runtime.files.FileTransfers;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * A designation after it is made, by its number: Commerce's suspension, reinstatement and
 * revocation (on the review's stream, which owns the designation's standing) and the
 * consortium's obligations (conditions, milestones, progress reports: the Oversight aggregate).
 * Government roles and auditors read it; an applicant only its own consortium's (404 otherwise,
 * as if absent); operators run the system, not the program.
 */
@Path("/oversight/{number}")
@RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER,
        Roles.AUDITOR})
public class OversightResource {

    @Inject
    OversightQueries oversight;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    ChangeStanding standing;
    @Inject
    SetConditionDueDate conditionDueDate;
    @Inject
    AddMilestone milestones;
    @Inject
    SetReportingSchedule schedule;
    @Inject
    SubmitEvidence evidence;
    @Inject
    DecideEvidence decisions;
    @Inject
    FileProgressReport reports;
    @Inject
    AttachOversightDocument attaching;
    @Inject
    FileTransfers files;
    /** If-Match is read here rather than per operation: the oversight's writes share their helpers. */
    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @GET
    public OversightView get(@PathParam("number") String number) {
        OversightView view = oversight.view(request.caller(), number);
        // the ETag is the oversight's version (conditions, milestones, schedule, reports); the standing's is the designation's
        preconditions.tag(number);
        return view;
    }

    @POST
    @Path("suspension")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public OversightView suspend(@PathParam("number") String number, StandingRequest body) {
        return standing(number, ReviewCommand.Standing.SUSPEND, body);
    }

    @POST
    @Path("reinstatement")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public OversightView reinstate(@PathParam("number") String number, StandingRequest body) {
        return standing(number, ReviewCommand.Standing.REINSTATE, body);
    }

    /** The same compensation as a relinquishment follows in incentives-service (cause REVOKED_BY_COMMERCE). */
    @POST
    @Path("revocation")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public OversightView revoke(@PathParam("number") String number, StandingRequest body) {
        return standing(number, ReviewCommand.Standing.REVOKE, body);
    }

    @POST
    @Path("conditions/{conditionId}/due-date")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public OversightView conditionDueDate(@PathParam("number") String number, @PathParam("conditionId") String conditionId,
            DueDateRequest body) {
        conditionDueDate.set(number, conditionId, ifMatch(), body);
        return get(number);
    }

    @POST
    @Path("milestones")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public Response addMilestone(@PathParam("number") String number, MilestoneRequest body) {
        milestones.add(number, ifMatch(), body);
        return Response.status(201).entity(get(number)).build();
    }

    @POST
    @Path("reporting-schedule")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public OversightView schedule(@PathParam("number") String number, ScheduleRequest body) {
        schedule.set(number, ifMatch(), body);
        return get(number);
    }

    @POST
    @Path("conditions/{conditionId}/evidence")
    @RolesAllowed(Roles.APPLICANT)
    public Response conditionEvidence(@PathParam("number") String number, @PathParam("conditionId") String conditionId,
            EvidenceRequest body) {
        evidence.submit(number, ObligationItems.CONDITION, conditionId, ifMatch(), body);
        return Response.status(201).entity(get(number)).build();
    }

    @POST
    @Path("milestones/{milestoneId}/evidence")
    @RolesAllowed(Roles.APPLICANT)
    public Response milestoneEvidence(@PathParam("number") String number, @PathParam("milestoneId") String milestoneId,
            EvidenceRequest body) {
        evidence.submit(number, ObligationItems.MILESTONE, milestoneId, ifMatch(), body);
        return Response.status(201).entity(get(number)).build();
    }

    @POST
    @Path("conditions/{conditionId}/acceptance")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public OversightView acceptCondition(@PathParam("number") String number, @PathParam("conditionId") String conditionId,
            DecisionRequest body) {
        return decide(number, ObligationItems.CONDITION, conditionId, true, body);
    }

    @POST
    @Path("conditions/{conditionId}/rejection")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public OversightView rejectCondition(@PathParam("number") String number, @PathParam("conditionId") String conditionId,
            DecisionRequest body) {
        return decide(number, ObligationItems.CONDITION, conditionId, false, body);
    }

    @POST
    @Path("milestones/{milestoneId}/acceptance")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public OversightView acceptMilestone(@PathParam("number") String number, @PathParam("milestoneId") String milestoneId,
            DecisionRequest body) {
        return decide(number, ObligationItems.MILESTONE, milestoneId, true, body);
    }

    @POST
    @Path("milestones/{milestoneId}/rejection")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public OversightView rejectMilestone(@PathParam("number") String number, @PathParam("milestoneId") String milestoneId,
            DecisionRequest body) {
        return decide(number, ObligationItems.MILESTONE, milestoneId, false, body);
    }

    @POST
    @Path("reports")
    @RolesAllowed(Roles.APPLICANT)
    public Response fileReport(@PathParam("number") String number, ReportRequest body) {
        reports.file(number, ifMatch(), body);
        return Response.status(201).entity(get(number)).build();
    }

    /**
     * Attaches a file to the designation's oversight: the body is the file, Content-Type its declared
     * type, ?name= its file name, ?confidentiality= its marking. Evidence and reports name it by its id.
     */
    @POST
    @Path("documents")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    public Response attachDocument(@PathParam("number") String number, @QueryParam("name") String name,
            @QueryParam("confidentiality") String confidentiality, InputStream body) throws IOException {
        AttachOversightDocument.Attached a = attaching.attach(number, name, confidentiality,
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), body);
        return Response.created(URI.create("/oversight/" + number + "/documents/" + a.documentId()))
                .tag(new EntityTag(a.sha256())).entity(a).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * The file's bytes, streamed, ETag its SHA-256 (If-None-Match: 304); checked against that hash
     * before anything is sent (500 DOCUMENT_INTEGRITY_FAILED otherwise). A confidential file is
     * withheld (403 DOCUMENT_WITHHELD) from those the disclosure rule withholds it from, and its
     * download by anyone outside the consortium is accounted for.
     */
    @GET
    @Path("documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    public Response downloadDocument(@PathParam("number") String number, @PathParam("documentId") String documentId)
            throws IOException {
        Caller caller = request.caller();
        OversightRecord.Document d = oversight.readableDocument(caller, number, documentId);
        Response response = files.download(new FileTransfers.Served(d.fileId(), d.fileName(), d.mediaType(), d.sizeBytes(),
                d.sha256(), "oversight document " + documentId + " of designation " + number),
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        if (response.getStatus() == 200) {
            oversight.downloaded(caller, number, d);
        }
        return response;
    }

    private OversightView decide(String number, String type, String itemId, boolean accept, DecisionRequest body) {
        decisions.decide(number, type, itemId, accept, ifMatch(), body);
        return get(number);
    }

    private OversightView standing(String number, ReviewCommand.Standing change, StandingRequest body) {
        standing.change(number, ifMatch(), change, body);
        return get(number);
    }

    private String ifMatch() {
        return headers.getHeaderString(Preconditions.IF_MATCH);
    }
}
