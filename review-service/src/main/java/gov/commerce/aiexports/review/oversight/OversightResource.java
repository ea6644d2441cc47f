package gov.commerce.aiexports.review.oversight;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.review.SubmittedProposals;
import gov.commerce.aiexports.review.designation.DesignationView;
import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.review.review.ReviewProjection;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

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

    /** Suspension, reinstatement and revocation all say why and from when. */
    public record StandingRequest(String reason, LocalDate effectiveDate) {
    }

    public record DueDateRequest(LocalDate dueDate) {
    }

    public enum MilestoneKind { DEPLOYMENT, FINANCING_CLOSE, FIRST_REVENUE, OTHER }

    /** country: for a deployment, the target country (ISO 3166-1 alpha-2); lineNumber: the endorsed line it belongs to. */
    public record MilestoneRequest(MilestoneKind kind, String description, String country, Integer lineNumber, LocalDate dueDate) {
    }

    public enum Frequency { MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL }

    public record ScheduleRequest(Frequency frequency, LocalDate firstPeriodStart, Integer reportDueDays) {
    }

    /** documentIds: the seam for documents, which do not exist yet (any is refused, DOCUMENTS_NOT_SUPPORTED). */
    public record EvidenceRequest(String text, java.util.List<String> documentIds) {
    }

    public record DecisionRequest(String reason) {
    }

    public enum MilestoneProgress { NOT_STARTED, ON_TRACK, AT_RISK, DELAYED, ACHIEVED }

    public record MilestoneStatusRequest(String milestoneId, MilestoneProgress status, String note) {
    }

    public record FigureRequest(String name, String value, String unit) {
    }

    public record ReportRequest(Integer period, String narrative, java.util.List<MilestoneStatusRequest> milestoneStatuses,
            java.util.List<FigureRequest> figures) {
    }

    private static final java.util.Set<String> COUNTRIES = java.util.Set.copyOf(
            java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA2));

    @Inject
    Commands commands;
    @Inject
    Documents documents;
    @Inject
    RequestContext request;
    @Inject
    Clock clock;
    @Inject
    Preconditions preconditions;
    /** If-Match is read here rather than per operation: the oversight's writes share their helpers. */
    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @GET
    public OversightView get(@PathParam("number") String number) {
        ReviewView review = readable(number);
        OversightView view = OversightView.of(review, documents.find(OversightProjection.TABLE, number, OversightRecord.class).orElse(null));
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
    @Transactional
    public OversightView conditionDueDate(@PathParam("number") String number, @PathParam("conditionId") String conditionId,
            DueDateRequest body) {
        require(body);
        ReviewView review = open(number);
        preconditions.check(headers.getHeaderString(Preconditions.IF_MATCH), number, false);
        commands.send(new OversightCommand.SetConditionDueDate(number, conditionId, body.dueDate(), FederalTime.today(clock)));
        return get(number);
    }

    @POST
    @Path("milestones")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    @Transactional
    public Response addMilestone(@PathParam("number") String number, MilestoneRequest body) {
        require(body);
        ReviewView review = open(number);
        preconditions.check(headers.getHeaderString(Preconditions.IF_MATCH), number, false);
        if (body.country() != null && !COUNTRIES.contains(body.country())) {
            throw new InvalidInput("COUNTRY_INVALID", "/country", "country is an ISO 3166-1 alpha-2 code such as VN");
        }
        int lines = review.determination.endorsedIncentives() == null ? 0 : review.determination.endorsedIncentives().size();
        commands.send(new OversightCommand.AddMilestone(number, body.kind() == null ? null : body.kind().name(),
                body.description(), body.country(), body.lineNumber(), body.dueDate(), lines, FederalTime.today(clock)));
        return Response.status(201).entity(get(number)).build();
    }

    @POST
    @Path("reporting-schedule")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    @Transactional
    public OversightView schedule(@PathParam("number") String number, ScheduleRequest body) {
        require(body);
        open(number);
        preconditions.check(headers.getHeaderString(Preconditions.IF_MATCH), number, false);
        commands.send(new OversightCommand.SetReportingSchedule(number, body.frequency() == null ? null : body.frequency().name(),
                body.firstPeriodStart(), body.reportDueDays()));
        return get(number);
    }

    @POST
    @Path("conditions/{conditionId}/evidence")
    @RolesAllowed(Roles.APPLICANT)
    @Transactional
    public Response conditionEvidence(@PathParam("number") String number, @PathParam("conditionId") String conditionId,
            EvidenceRequest body) {
        return evidence(number, ObligationItems.CONDITION, conditionId, body);
    }

    @POST
    @Path("milestones/{milestoneId}/evidence")
    @RolesAllowed(Roles.APPLICANT)
    @Transactional
    public Response milestoneEvidence(@PathParam("number") String number, @PathParam("milestoneId") String milestoneId,
            EvidenceRequest body) {
        return evidence(number, ObligationItems.MILESTONE, milestoneId, body);
    }

    @POST
    @Path("conditions/{conditionId}/acceptance")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    @Transactional
    public OversightView acceptCondition(@PathParam("number") String number, @PathParam("conditionId") String conditionId,
            DecisionRequest body) {
        return decide(number, ObligationItems.CONDITION, conditionId, true, body);
    }

    @POST
    @Path("conditions/{conditionId}/rejection")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    @Transactional
    public OversightView rejectCondition(@PathParam("number") String number, @PathParam("conditionId") String conditionId,
            DecisionRequest body) {
        return decide(number, ObligationItems.CONDITION, conditionId, false, body);
    }

    @POST
    @Path("milestones/{milestoneId}/acceptance")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    @Transactional
    public OversightView acceptMilestone(@PathParam("number") String number, @PathParam("milestoneId") String milestoneId,
            DecisionRequest body) {
        return decide(number, ObligationItems.MILESTONE, milestoneId, true, body);
    }

    @POST
    @Path("milestones/{milestoneId}/rejection")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    @Transactional
    public OversightView rejectMilestone(@PathParam("number") String number, @PathParam("milestoneId") String milestoneId,
            DecisionRequest body) {
        return decide(number, ObligationItems.MILESTONE, milestoneId, false, body);
    }

    @POST
    @Path("reports")
    @RolesAllowed(Roles.APPLICANT)
    @Transactional
    public Response fileReport(@PathParam("number") String number, ReportRequest body) {
        require(body);
        ownedOpen(number);
        preconditions.check(headers.getHeaderString(Preconditions.IF_MATCH), number, false);
        java.util.List<OversightEvent.MilestoneStatus> statuses = body.milestoneStatuses() == null ? java.util.List.of()
                : body.milestoneStatuses().stream().map(m -> m == null ? null : new OversightEvent.MilestoneStatus(m.milestoneId(),
                        m.status() == null ? null : m.status().name(), m.note())).toList();
        java.util.List<OversightEvent.Figure> figures = body.figures() == null ? java.util.List.of()
                : body.figures().stream().map(f -> f == null ? null : new OversightEvent.Figure(f.name(), f.value(), f.unit()))
                        .toList();
        String reportId = java.util.UUID.randomUUID().toString();
        commands.send(new OversightCommand.FileProgressReport(number, reportId, body.period(), body.narrative(), statuses, figures,
                FederalTime.today(clock), clock.instant()));
        return Response.status(201).entity(get(number)).build();
    }

    private Response evidence(String number, String type, String itemId, EvidenceRequest body) {
        require(body);
        ownedOpen(number);
        preconditions.check(headers.getHeaderString(Preconditions.IF_MATCH), number, false);
        commands.send(new OversightCommand.SubmitEvidence(number, type, itemId, java.util.UUID.randomUUID().toString(), body.text(),
                body.documentIds(), clock.instant()));
        return Response.status(201).entity(get(number)).build();
    }

    private OversightView decide(String number, String type, String itemId, boolean accept, DecisionRequest body) {
        require(body);
        open(number);
        preconditions.check(headers.getHeaderString(Preconditions.IF_MATCH), number, false);
        commands.send(new OversightCommand.DecideEvidence(number, type, itemId, accept, body.reason(), clock.instant()));
        return get(number);
    }

    /**
     * The review of a live designation whose oversight is open: opened here, in the request's
     * transaction, on the first write (designations made before oversight existed too). A revoked
     * designation owes nothing more: DESIGNATION_REVOKED (409).
     */
    private ReviewView open(String number) {
        ReviewView review = designated(number);
        if ("REVOKED".equals(review.status)) {
            throw new gov.commerce.aiexports.runtime.domain.StateConflict(
                    gov.commerce.aiexports.review.review.StandingPolicies.DESIGNATION_REVOKED,
                    "the designation is revoked; its obligations ended with it");
        }
        if (documents.find(OversightProjection.TABLE, number, OversightRecord.class).isEmpty()) {
            commands.send(new OversightCommand.OpenOversight(number, review.id, review.proposalId, review.applicantOrganisation,
                    review.determination.conditions() == null ? java.util.List.of() : review.determination.conditions()));
        }
        return review;
    }

    /** The applicant's own designation (another consortium's: 404), open. */
    private ReviewView ownedOpen(String number) {
        readable(number);
        return open(number);
    }

    private OversightView standing(String number, ReviewCommand.Standing change, StandingRequest body) {
        require(body);
        ReviewView review = designated(number);
        // the standing is the review's (GET /designations/{number} gives its ETag)
        preconditions.check(headers.getHeaderString(Preconditions.IF_MATCH), review.id, false);
        commands.send(new ReviewCommand.ChangeDesignationStanding(review.id, change, body.reason(), body.effectiveDate(),
                FederalTime.today(clock), clock.instant()));
        return get(number);
    }

    /** The review of a designation, whoever asks (writes check their role by annotation). */
    ReviewView designated(String number) {
        DesignationView d = documents.find("designation_view", number, DesignationView.class)
                .orElseThrow(() -> new NotFound("designation", number));
        return documents.find(ReviewProjection.TABLE, SubmittedProposals.reviewIdFor(d.proposalId()), ReviewView.class)
                .orElseThrow(() -> new NotFound("designation", number));
    }

    /** As {@link #designated}, and an applicant of another consortium gets 404. */
    ReviewView readable(String number) {
        ReviewView review = designated(number);
        Caller caller = request.caller();
        if (!caller.readsAcrossOrganisations() && !caller.organisation().equals(review.applicantOrganisation)) {
            throw new NotFound("designation", number);
        }
        return review;
    }

    static void require(Object body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
    }
}
