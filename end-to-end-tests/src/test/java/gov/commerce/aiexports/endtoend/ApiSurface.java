package gov.commerce.aiexports.endtoend;

import gov.commerce.aiexports.localstack.Services;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every operation of the four services, as API.md states it: who may call it, and for the bad-input
 * sweep, the caller who may, the real resource it aims at and a valid body to spoil. The tests
 * check this list against each service's OpenAPI document, so an endpoint added without an entry
 * here fails them.
 */
final class ApiSurface {

    static final String APPLICANT = "applicant";
    static final String COMMERCE_OFFICER = "commerce-officer";
    static final String AGENCY_REVIEWER = "agency-reviewer";
    static final String EDAG_COORDINATOR = "edag-coordinator";
    static final String FINANCING_OFFICER = "financing-officer";
    static final String AUDITOR = "auditor";
    static final String OPERATOR = "operator";

    static final List<String> ROLES = List.of(APPLICANT, COMMERCE_OFFICER, AGENCY_REVIEWER, EDAG_COORDINATOR, FINANCING_OFFICER,
            AUDITOR, OPERATOR);
    static final Set<String> ANYONE = Set.copyOf(ROLES);
    static final Set<String> GOVERNMENT = Set.of(COMMERCE_OFFICER, AGENCY_REVIEWER, EDAG_COORDINATOR, FINANCING_OFFICER);

    /** The public feed: anyone, with any role or no token at all (PRODUCT.md 8; no confidential value, no draft). */
    static final Set<String> PUBLIC = Set.of("proposals-service GET /public/opportunities", "review-service GET /public/designations");

    /**
     * The changes that honour If-Match (412 STALE_VERSION on another version, 400 IF_MATCH_INVALID
     * on a value that is not one), as "METHOD template"; those of {@link #IF_MATCH_REQUIRED} answer
     * 428 IF_MATCH_REQUIRED without one.
     */
    static final Set<String> CONDITIONAL = Set.of("PUT /proposals/{id}", "POST /calls/{id}/publish", "POST /calls/{id}/amendments",
            "POST /calls/{id}/close", "POST /calls/{id}/archive", "POST /consortia/{id}/members", "DELETE /consortia/{id}/members/{uei}",
            "POST /proposals/{id}/submit", "POST /proposals/{id}/responses", "POST /proposals/{id}/withdraw",
            "POST /reviews/{id}/assessments", "POST /reviews/{id}/information-requests", "POST /reviews/{id}/determination",
            "POST /reviews/{id}/assignments", "POST /reviews/{id}/reassignments",
            "POST /oversight/{number}/suspension", "POST /oversight/{number}/reinstatement", "POST /oversight/{number}/revocation",
            "POST /oversight/{number}/conditions/{conditionId}/due-date", "POST /oversight/{number}/milestones",
            "POST /oversight/{number}/reporting-schedule", "POST /oversight/{number}/conditions/{conditionId}/evidence",
            "POST /oversight/{number}/milestones/{milestoneId}/evidence", "POST /oversight/{number}/conditions/{conditionId}/acceptance",
            "POST /oversight/{number}/conditions/{conditionId}/rejection", "POST /oversight/{number}/milestones/{milestoneId}/acceptance",
            "POST /oversight/{number}/milestones/{milestoneId}/rejection", "POST /oversight/{number}/reports",
            "POST /incentive-requests/{id}/routing", "POST /incentive-requests/{id}/board-approval", "POST /incentive-requests/{id}/approval",
            "POST /incentive-requests/{id}/decline", "POST /incentive-requests/{id}/deobligations",
            "POST /incentive-requests/{id}/disbursements", "POST /budgets/{id}/adjustments", "POST /deliveries/{id}/redeliver");
    static final Set<String> IF_MATCH_REQUIRED = Set.of("PUT /proposals/{id}", "POST /calls/{id}/amendments",
            "POST /reviews/{id}/determination", "POST /budgets/{id}/adjustments");

    /** The uploads: their body is a file of any type, swept with files that break the documents' rules (BadInputSweepIT). */
    static final Set<String> UPLOADS = Set.of("proposals-service POST /proposals/{id}/documents",
            "proposals-service POST /proposals/{id}/documents/{documentId}/versions", "review-service POST /oversight/{number}/documents");

    /** Who calls: a role and the organisation in the token. */
    record Caller(String role, String organisation) {
    }

    /**
     * One operation. {@code path} gives the real path for the fixtures; {@code body}, for operations
     * that take one, a valid body; {@code optional} its top-level fields that may be left out.
     */
    record Operation(Services.Service service, String method, String template, Set<String> roles, Caller caller,
            Function<ApiFixtures, String> path, Function<ApiFixtures, Map<String, Object>> body, Set<String> optional) {

        String key() {
            return service.name() + " " + method + " " + template;
        }

        boolean takesBody() {
            return body != null;
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The template with each parameter replaced: used to aim at resources that do not exist, or at hostile ids. */
        String pathWith(Function<String, String> parameter) {
            String p = template;
            for (String name : pathParameters()) {
                p = p.replace("{" + name + "}", parameter.apply(name));
            }
            return p;
        }

        Operation withBody(Function<ApiFixtures, Map<String, Object>> b, String... optionalFields) {
            return new Operation(service, method, template, roles, caller, path, b, Set.of(optionalFields));
        }
    }

    /**
     * Each service's operations as its OpenAPI document lists them (with their query parameters),
     * after checking that they are exactly the operations of this list: a new endpoint fails the
     * tests until it is catalogued here with who may call it.
     */
    static Map<String, Map<String, List<String>>> documentedOperations(List<Operation> operations) throws Exception {
        Map<String, Map<String, List<String>>> openApi = new java.util.HashMap<>();
        java.util.TreeSet<String> documented = new java.util.TreeSet<>();
        for (Services.Service s : Services.ALL) {
            Map<String, List<String>> ops = HttpCalls.openApiOperations(s);
            openApi.put(s.name(), ops);
            ops.keySet().stream().filter(k -> !k.contains(" /q/")).forEach(k -> documented.add(s.name() + " " + k));
        }
        java.util.TreeSet<String> catalogued = new java.util.TreeSet<>();
        operations.forEach(op -> catalogued.add(op.key()));
        org.junit.jupiter.api.Assertions.assertEquals(documented, catalogued,
                "every operation in the OpenAPI documents is in ApiSurface, and only those");
        return openApi;
    }

    /** The default organisation of each role's caller; applicants are the fixtures' organisation. */
    static Caller callerFor(String role, ApiFixtures f) {
        return switch (role) {
            case APPLICANT -> new Caller(role, f.uei);
            case COMMERCE_OFFICER -> new Caller(role, "COMMERCE");
            case AGENCY_REVIEWER -> new Caller(role, "STATE");
            case EDAG_COORDINATOR -> new Caller(role, "EDAG");
            case FINANCING_OFFICER -> new Caller(role, "EXIM");
            case AUDITOR -> new Caller(role, "GAO");
            case OPERATOR -> new Caller(role, "OPS");
            default -> throw new IllegalArgumentException(role);
        };
    }

    private static Operation op(Services.Service service, String method, String template, Set<String> roles, String callerRole,
            Function<ApiFixtures, String> path) {
        return new Operation(service, method, template, roles, new Caller(callerRole, null), path, null, Set.of());
    }

    private static Set<String> union(Set<String> a, String... more) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(List.of(more));
        return Collections.unmodifiableSet(all);
    }

    /** A draft needs its call, consortium and title; the rest is checked at submission (SubmissionPolicies). */
    private static final String[] DRAFT_MAY_LEAVE_OUT = {"summary", "stack", "targets", "businessModel", "incentives",
        "exportControlAttestation", "confidentialSections"};

    static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        Services.Service p = Services.PROPOSALS;
        Set<String> owner = union(GOVERNMENT, APPLICANT, AUDITOR);
        ops.add(op(p, "GET", "/calls", ANYONE, APPLICANT, f -> "/calls"));
        // a draft call may leave out its description (added by amendment), its grace period (0 hours) and its
        // required agencies (all five reviewing agencies)
        ops.add(op(p, "POST", "/calls", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER, f -> "/calls")
                .withBody(f -> call(), "description", "gracePeriodHours", "requiredAgencies"));
        ops.add(op(p, "GET", "/calls/{id}", ANYONE, APPLICANT, f -> "/calls/" + f.callId));
        ops.add(op(p, "POST", "/calls/{id}/amendments", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                f -> "/calls/" + f.callId + "/amendments")
                .withBody(f -> map("closesAt", Instant.now().plusSeconds(60 * 86400).toString(), "gracePeriodHours", 48,
                        "instruments", List.of("DIRECT_LOAN", "FEASIBILITY_STUDY", "EQUITY_INVESTMENT"), "requiredAgencies", List.of("STATE"),
                        "modificationComment", "Window extended"),
                        "closesAt", "gracePeriodHours", "instruments", "requiredAgencies"));
        for (String step : List.of("publish", "close", "archive")) {
            ops.add(op(p, "POST", "/calls/{id}/" + step, Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER, f -> "/calls/" + f.callId + "/" + step));
        }
        // versions of the country-group list: reference data every role reads; a load keeps the bundled groups
        // (so the shared stack screens as before) under a new version, effective now
        ops.add(op(p, "GET", "/country-lists", ANYONE, OPERATOR, f -> "/country-lists"));
        ops.add(op(p, "GET", "/country-lists/{version}", ANYONE, APPLICANT, f -> "/country-lists/" + f.countryListVersion));
        ops.add(op(p, "POST", "/country-lists", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER, f -> "/country-lists")
                .withBody(f -> countryList(), "source", "ofacComprehensiveRegions", "treatedAs"));
        ops.add(op(p, "POST", "/consortia", Set.of(APPLICANT), APPLICANT, f -> "/consortia")
                .withBody(f -> map("name", "Another consortium", "anchorMember", ApiFixtures.member(f.uei),
                        "members", List.of(ApiFixtures.member(f.otherUei))), "members"));
        ops.add(op(p, "GET", "/consortia/{id}", owner, APPLICANT, f -> "/consortia/" + f.consortiumId));
        ops.add(op(p, "POST", "/consortia/{id}/members", Set.of(APPLICANT), APPLICANT, f -> "/consortia/" + f.consortiumId + "/members")
                .withBody(f -> ApiFixtures.member(f.otherUei), "layers"));
        ops.add(op(p, "DELETE", "/consortia/{id}/members/{uei}", Set.of(APPLICANT), APPLICANT,
                f -> "/consortia/" + f.consortiumId + "/members/" + f.memberUei));
        ops.add(op(p, "GET", "/proposals", owner, APPLICANT, f -> "/proposals"));
        ops.add(op(p, "POST", "/proposals", Set.of(APPLICANT), APPLICANT, f -> "/proposals")
                .withBody(ApiSurface::proposal, DRAFT_MAY_LEAVE_OUT));
        // a draft is its consortium's only (Disclosure): every allowed role reads a submitted one
        ops.add(op(p, "GET", "/proposals/{id}", owner, APPLICANT, f -> "/proposals/" + f.submittedProposalId));
        // the public feed of open calls in the CommonGrants shape: no token needed
        ops.add(op(p, "GET", "/public/opportunities", ANYONE, APPLICANT, f -> "/public/opportunities?page=1&pageSize=5"));
        // the program report for Congress and OMB: Commerce and auditors
        ops.add(op(p, "GET", "/reports/program", Set.of(COMMERCE_OFFICER, AUDITOR), AUDITOR, f -> "/reports/program"));
        // decision dossiers: auditors only (PRODUCT.md 8)
        ops.add(op(p, "GET", "/dossiers/designations/{number}", Set.of(AUDITOR), AUDITOR,
                f -> "/dossiers/designations/" + f.designationNumber));
        ops.add(op(p, "GET", "/dossiers/incentive-requests/{id}", Set.of(AUDITOR), AUDITOR,
                f -> "/dossiers/incentive-requests/" + f.routedRequestId));
        // documents: the body of an upload is the file itself, not JSON (BadInputSweepIT sends files that break the content,
        // size, name and marking rules instead of spoiled JSON); the proposal awaits an answer, so files may still be added
        ops.add(op(p, "POST", "/proposals/{id}/documents", Set.of(APPLICANT), APPLICANT,
                f -> "/proposals/" + f.questionedProposalId + "/documents?name=annex.pdf&confidentiality=NOT_CONFIDENTIAL"));
        ops.add(op(p, "POST", "/proposals/{id}/documents/{documentId}/versions", Set.of(APPLICANT), APPLICANT,
                f -> "/proposals/" + f.questionedProposalId + "/documents/" + f.documentId + "/versions"));
        ops.add(op(p, "GET", "/proposals/{id}/documents", owner, APPLICANT, f -> "/proposals/" + f.questionedProposalId + "/documents"));
        // an unmarked file: every role that sees the proposal reads it (a marked one: DocumentsTest in proposals-service)
        ops.add(op(p, "GET", "/proposals/{id}/documents/{documentId}/versions/{version}", owner, APPLICANT,
                f -> "/proposals/" + f.questionedProposalId + "/documents/" + f.documentId + "/versions/1"));
        // the account of disclosure: the owning consortium and auditors
        ops.add(op(p, "GET", "/proposals/{id}/disclosures", Set.of(APPLICANT, AUDITOR), APPLICANT,
                f -> "/proposals/" + f.submittedProposalId + "/disclosures"));
        // an edit changes the content; the call and consortium stay those of the draft, so they may be left out
        ops.add(op(p, "PUT", "/proposals/{id}", Set.of(APPLICANT), APPLICANT, f -> "/proposals/" + f.draftProposalId)
                .withBody(ApiSurface::proposal, union(Set.of(DRAFT_MAY_LEAVE_OUT), "callId", "consortiumId").toArray(String[]::new)));
        ops.add(op(p, "POST", "/proposals/{id}/responses", Set.of(APPLICANT), APPLICANT,
                f -> "/proposals/" + f.questionedProposalId + "/responses")
                .withBody(f -> map("informationRequestId", f.informationRequestId, "response", "Answered",
                        "changes", proposal(f)), "changes", "informationRequestId"));
        ops.add(op(p, "POST", "/proposals/{id}/submit", Set.of(APPLICANT), APPLICANT, f -> "/proposals/" + f.draftProposalId + "/submit"));
        ops.add(op(p, "POST", "/proposals/{id}/withdraw", Set.of(APPLICANT), APPLICANT,
                f -> "/proposals/" + f.submittedProposalId + "/withdraw").withBody(f -> map("reason", "Partner left")));
        ops.add(op(p, "GET", "/proposals/{id}/timeline", owner, APPLICANT, f -> "/proposals/" + f.submittedProposalId + "/timeline"));

        Services.Service r = Services.REVIEW;
        ops.add(op(r, "GET", "/designations", ANYONE, APPLICANT, f -> "/designations"));
        ops.add(op(r, "GET", "/designations/{number}", ANYONE, APPLICANT, f -> "/designations/" + f.designationNumber));
        // the catalogue in the CommonGrants shape, for the public: no token needed
        ops.add(op(r, "GET", "/public/designations", ANYONE, APPLICANT, f -> "/public/designations?page=1&pageSize=5"));
        ops.add(op(r, "GET", "/feedback/{proposalId}", Set.of(APPLICANT, COMMERCE_OFFICER, AGENCY_REVIEWER, AUDITOR), APPLICANT,
                f -> "/feedback/" + f.submittedProposalId));
        ops.add(op(r, "GET", "/reviews", union(GOVERNMENT, AUDITOR), COMMERCE_OFFICER, f -> "/reviews"));
        ops.add(op(r, "GET", "/reviews/{id}", union(GOVERNMENT, AUDITOR), COMMERCE_OFFICER, f -> "/reviews/" + f.reviewId));
        ops.add(op(r, "POST", "/reviews/{id}/assessments", Set.of(AGENCY_REVIEWER, COMMERCE_OFFICER), AGENCY_REVIEWER,
                f -> "/reviews/" + f.reviewId + "/assessments")
                .withBody(f -> Program.assessment("CONCUR_WITH_CONDITIONS", List.of("annual audit"), "Sound", "Cable 12"),
                        "conditions", "comments"));
        // the review desk: Commerce assigns (an agency's lead too, a qualifier role on agency-reviewer that the matrix's
        // one-role tokens do not hold); the workload is Commerce's and the lead's; the worklist is GET /reviews?assignedTo=me
        ops.add(op(r, "POST", "/reviews/{id}/assignments", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                f -> "/reviews/" + f.reviewId + "/assignments")
                .withBody(f -> map("agency", "DEFENSE", "reviewers", List.of("sweep-reviewer@defense"),
                        "dueDate", LocalDate.now().plusDays(30).toString())));
        ops.add(op(r, "POST", "/reviews/{id}/reassignments", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                f -> "/reviews/" + f.reviewId + "/reassignments")
                .withBody(f -> map("agency", "DEFENSE", "from", "sweep-reviewer@defense", "to", "sweep-successor@defense",
                        "dueDate", LocalDate.now().plusDays(30).toString(), "reason", "workload"), "dueDate", "reason"));
        ops.add(op(r, "GET", "/reviews/workload", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER, f -> "/reviews/workload?agency=STATE"));
        ops.add(op(r, "POST", "/reviews/{id}/information-requests", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                f -> "/reviews/" + f.reviewId + "/information-requests")
                .withBody(f -> map("questions", List.of("Who operates the data centre?"))));
        ops.add(op(r, "POST", "/reviews/{id}/determination", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                f -> "/reviews/" + f.concurredReviewId + "/determination")
                .withBody(f -> map("decision", "DESIGNATE", "justification", "Complete stack",
                        "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                        "endorsedIncentives", List.of(map("instrument", "DIRECT_LOAN", "amountUsd", 1000000.00, "tenorYears", 10)),
                        "effectiveDate", LocalDate.now().plusDays(1).toString()),
                        "acknowledgedFlags", "endorsedIncentives"));

        // post-designation oversight (review-service): Commerce's standing changes and obligations, the consortium's evidence
        // and reports; the fixtures' designation is live, with no condition (its agencies set none) and no reporting schedule
        ops.add(op(r, "GET", "/oversight/{number}", union(GOVERNMENT, APPLICANT, AUDITOR), APPLICANT,
                f -> "/oversight/" + f.designationNumber));
        for (String step : List.of("suspension", "reinstatement", "revocation")) {
            ops.add(op(r, "POST", "/oversight/{number}/" + step, Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                    f -> "/oversight/" + f.designationNumber + "/" + step)
                    .withBody(f -> map("reason", "Security audit not delivered", "effectiveDate", LocalDate.now().toString())));
        }
        ops.add(op(r, "POST", "/oversight/{number}/conditions/{conditionId}/due-date", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                f -> "/oversight/" + f.designationNumber + "/conditions/C1/due-date")
                .withBody(f -> map("dueDate", LocalDate.now().plusDays(90).toString())));
        ops.add(op(r, "POST", "/oversight/{number}/milestones", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                f -> "/oversight/" + f.designationNumber + "/milestones")
                .withBody(f -> map("kind", "DEPLOYMENT", "description", "Cluster live in Hanoi", "country", "VN", "lineNumber", 1,
                        "dueDate", LocalDate.now().plusDays(180).toString()), "country", "lineNumber"));
        ops.add(op(r, "POST", "/oversight/{number}/reporting-schedule", Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                f -> "/oversight/" + f.designationNumber + "/reporting-schedule")
                .withBody(f -> map("frequency", "QUARTERLY", "firstPeriodStart", LocalDate.now().toString(), "reportDueDays", 30),
                        "reportDueDays"));
        for (String item : List.of("conditions/{conditionId}", "milestones/{milestoneId}")) {
            String real = item.startsWith("conditions") ? "conditions/C1" : "milestones/M1";
            ops.add(op(r, "POST", "/oversight/{number}/" + item + "/evidence", Set.of(APPLICANT), APPLICANT,
                    f -> "/oversight/" + f.designationNumber + "/" + real + "/evidence")
                    .withBody(f -> map("text", "Audit report signed by the auditor", "documentIds", List.of()), "documentIds"));
            for (String decision : List.of("acceptance", "rejection")) {
                ops.add(op(r, "POST", "/oversight/{number}/" + item + "/" + decision, Set.of(COMMERCE_OFFICER), COMMERCE_OFFICER,
                        f -> "/oversight/" + f.designationNumber + "/" + real + "/" + decision)
                        .withBody(f -> map("reason", "Evidence reviewed"), decision.equals("acceptance") ? "reason" : "none"));
            }
        }
        // files attached to the oversight: uploaded by the consortium; an unmarked one read by all who read the oversight
        // (a marked one: OversightDocumentsTest in review-service)
        ops.add(op(r, "POST", "/oversight/{number}/documents", Set.of(APPLICANT), APPLICANT,
                f -> "/oversight/" + f.designationNumber + "/documents?name=annex.pdf&confidentiality=NOT_CONFIDENTIAL"));
        ops.add(op(r, "GET", "/oversight/{number}/documents/{documentId}", union(GOVERNMENT, APPLICANT, AUDITOR), APPLICANT,
                f -> "/oversight/" + f.designationNumber + "/documents/" + f.oversightDocumentId));
        ops.add(op(r, "POST", "/oversight/{number}/reports", Set.of(APPLICANT), APPLICANT,
                f -> "/oversight/" + f.designationNumber + "/reports")
                .withBody(f -> map("period", 1, "narrative", "Deployment on track",
                        "milestoneStatuses", List.of(map("milestoneId", "M1", "status", "ON_TRACK", "note", "racks delivered")),
                        "figures", List.of(map("name", "revenue", "value", "1250000.00", "unit", "USD"))),
                        "milestoneStatuses", "figures"));

        Services.Service i = Services.INCENTIVES;
        Set<String> budgetReaders = union(GOVERNMENT, AUDITOR, OPERATOR);
        ops.add(op(i, "POST", "/budgets", Set.of(FINANCING_OFFICER, OPERATOR), FINANCING_OFFICER, f -> "/budgets")
                .withBody(f -> map("fiscalYear", f.fiscalYear, "instrument", "EQUITY_INVESTMENT", "amountUsd", 250000.00,
                        "appropriationReference", "Pub. L. 119-4", "periodOfAvailability", "MULTI_YEAR",
                        "lastFiscalYear", f.fiscalYear + 2),
                        "periodOfAvailability", "lastFiscalYear"));
        ops.add(op(i, "GET", "/budgets", budgetReaders, FINANCING_OFFICER, f -> "/budgets?fiscalYear=" + (f.fiscalYear + 1)));
        ops.add(op(i, "GET", "/budgets/{id}", budgetReaders, FINANCING_OFFICER, f -> "/budgets/" + f.budgetId));
        ops.add(op(i, "GET", "/budgets/{id}/antideficiency-report", Set.of(COMMERCE_OFFICER, EDAG_COORDINATOR, AUDITOR), AUDITOR,
                f -> "/budgets/" + f.budgetId + "/antideficiency-report"));
        // the program report's budget execution per fiscal year, instrument and agency: the Antideficiency report's readers
        ops.add(op(i, "GET", "/reports/budget-execution", Set.of(COMMERCE_OFFICER, EDAG_COORDINATOR, AUDITOR), AUDITOR,
                f -> "/reports/budget-execution"));
        ops.add(op(i, "POST", "/budgets/{id}/adjustments", Set.of(FINANCING_OFFICER, OPERATOR), FINANCING_OFFICER,
                f -> "/budgets/" + f.budgetId + "/adjustments")
                .withBody(f -> map("kind", "SUPPLEMENTAL", "amountUsd", 1000.00, "reference", "Pub. L. 119-9", "reason", "Supplemental"),
                        "reason"));
        Set<String> requestReaders = union(GOVERNMENT, APPLICANT, AUDITOR);
        ops.add(op(i, "GET", "/incentive-requests", requestReaders, EDAG_COORDINATOR, f -> "/incentive-requests"));
        ops.add(op(i, "GET", "/incentive-requests/{id}", requestReaders, EDAG_COORDINATOR,
                f -> "/incentive-requests/" + f.routedRequestId));
        ops.add(op(i, "POST", "/incentive-requests/{id}/routing", Set.of(EDAG_COORDINATOR), EDAG_COORDINATOR,
                f -> "/incentive-requests/" + f.unroutedRequestId + "/routing")
                // the fixture's line is a feasibility study: no credit subsidy rate; terms are optional ("any terms")
                .withBody(f -> map("agency", "USTDA", "terms", "Grant, 18 months"), "terms"));
        ops.add(op(i, "POST", "/incentive-requests/{id}/board-approval", Set.of(FINANCING_OFFICER), FINANCING_OFFICER,
                f -> "/incentive-requests/" + f.routedRequestId + "/board-approval")
                .withBody(f -> map("reference", "Board resolution 2027-3", "notes", "Unanimous"), "notes"));
        ops.add(op(i, "POST", "/incentive-requests/{id}/approval", Set.of(FINANCING_OFFICER), FINANCING_OFFICER,
                f -> "/incentive-requests/" + f.routedRequestId + "/approval")
                .withBody(f -> map("fiscalYear", f.fiscalYear, "requiredMilestoneId", "M1"), "requiredMilestoneId"));
        ops.add(op(i, "POST", "/incentive-requests/{id}/decline", Set.of(FINANCING_OFFICER), FINANCING_OFFICER,
                f -> "/incentive-requests/" + f.routedRequestId + "/decline")
                .withBody(f -> map("reason", "Outside the bank's mandate")));
        ops.add(op(i, "POST", "/incentive-requests/{id}/deobligations", Set.of(FINANCING_OFFICER), FINANCING_OFFICER,
                f -> "/incentive-requests/" + f.routedRequestId + "/deobligations")
                .withBody(f -> map("amountUsd", 1000.00, "reason", "Scope reduced")));
        ops.add(op(i, "POST", "/incentive-requests/{id}/disbursements", Set.of(FINANCING_OFFICER), FINANCING_OFFICER,
                f -> "/incentive-requests/" + f.routedRequestId + "/disbursements")
                .withBody(f -> map("amountUsd", 1000.00, "reference", "Wire 0042")));

        Services.Service n = Services.NOTIFICATIONS;
        Set<String> contactOwners = union(GOVERNMENT, APPLICANT, OPERATOR);
        Set<String> webhookOwners = union(GOVERNMENT, OPERATOR);
        ops.add(op(n, "GET", "/contacts", contactOwners, APPLICANT, f -> "/contacts"));
        // separation of duties: operators list and remove contacts and webhooks, but add no contact and subscribe no agency
        ops.add(new Operation(n, "POST", "/contacts", union(GOVERNMENT, APPLICANT), new Caller(APPLICANT, "other"), f -> "/contacts",
                f -> map("organisation", f.otherUei, "email", "desk@" + f.otherUei.toLowerCase() + ".example", "name", "Desk"),
                Set.of("name", "organisation"))); // the organisation defaults to the caller's
        ops.add(new Operation(n, "DELETE", "/contacts/{id}", contactOwners, new Caller(APPLICANT, "other"),
                f -> "/contacts/" + f.contactId, null, Set.of()));
        ops.add(op(n, "GET", "/deliveries", Set.of(OPERATOR), OPERATOR, f -> "/deliveries"));
        ops.add(op(n, "GET", "/deliveries/{id}", Set.of(OPERATOR), OPERATOR, f -> "/deliveries/" + f.inboxEntryId));
        ops.add(op(n, "POST", "/deliveries/{id}/redeliver", Set.of(OPERATOR), OPERATOR, f -> "/deliveries/" + f.inboxEntryId + "/redeliver"));
        ops.add(op(n, "GET", "/inbox", ANYONE, APPLICANT, f -> "/inbox"));
        ops.add(op(n, "POST", "/inbox/{id}/read", ANYONE, APPLICANT, f -> "/inbox/" + f.inboxEntryId + "/read"));
        ops.add(op(n, "POST", "/webhooks", GOVERNMENT, AGENCY_REVIEWER, f -> "/webhooks")
                .withBody(f -> map("url", "https://hooks.state.example/other", "eventTypes", List.of("ProposalDesignated"),
                        "secret", "fedcba9876543210fedcba9876543210"), "agency"));
        ops.add(op(n, "GET", "/webhooks", webhookOwners, AGENCY_REVIEWER, f -> "/webhooks"));
        // rotating a webhook's secret is the agency's own act, as subscribing is (operators: 403)
        ops.add(op(n, "POST", "/webhooks/{id}/secret-rotations", GOVERNMENT, AGENCY_REVIEWER,
                f -> "/webhooks/" + f.webhookId + "/secret-rotations")
                .withBody(f -> map("secret", "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                        "previousValidForHours", 24), "previousValidForHours"));
        ops.add(op(n, "DELETE", "/webhooks/{id}", webhookOwners, AGENCY_REVIEWER, f -> "/webhooks/" + f.webhookId));

        for (Services.Service s : Services.ALL) {
            // an aggregate each service keeps: a call, a review, an incentive request, a webhook
            Function<ApiFixtures, String> aggregate = s == p ? f -> f.callId : s == r ? f -> f.reviewId
                    : s == i ? f -> f.routedRequestId : f -> f.webhookId;
            ops.add(op(s, "GET", "/audit/aggregates/{id}/events", Set.of(AUDITOR), AUDITOR,
                    f -> "/audit/aggregates/" + aggregate.apply(f) + "/events"));
            ops.add(op(s, "GET", "/audit/aggregates/{id}/state", Set.of(AUDITOR), AUDITOR,
                    f -> "/audit/aggregates/" + aggregate.apply(f) + "/state"));
            ops.add(op(s, "GET", "/audit/events", Set.of(AUDITOR), AUDITOR, f -> "/audit/events?limit=5"));
            ops.add(op(s, "GET", "/audit/verify", Set.of(AUDITOR), AUDITOR, f -> "/audit/verify"));
            // a service's part of a decision dossier (proposals-service assembles them with the auditor's token)
            ops.add(op(s, "GET", "/audit/dossier-part", Set.of(AUDITOR), AUDITOR,
                    f -> "/audit/dossier-part?mention=" + f.designationNumber));
            ops.add(op(s, "GET", "/audit/chain/public-key", Set.of(AUDITOR, OPERATOR), AUDITOR, f -> "/audit/chain/public-key"));
            ops.add(op(s, "GET", "/audit/chain/checkpoints", Set.of(AUDITOR, OPERATOR), AUDITOR, f -> "/audit/chain/checkpoints?limit=5"));
            ops.add(op(s, "GET", "/admin/projections", Set.of(OPERATOR), OPERATOR, f -> "/admin/projections"));
            ops.add(op(s, "GET", "/admin/projections/{name}", Set.of(OPERATOR), OPERATOR, f -> "/admin/projections/none"));
            ops.add(op(s, "POST", "/admin/projections/{name}/replay", Set.of(OPERATOR), OPERATOR, f -> "/admin/projections/none/replay"));
            // the consumer's dead letters: operators list and redeliver, auditors may read the list
            ops.add(op(s, "GET", "/admin/dead-letters", Set.of(OPERATOR, AUDITOR), OPERATOR, f -> "/admin/dead-letters"));
            ops.add(op(s, "POST", "/admin/dead-letters/{id}/redeliver", Set.of(OPERATOR), OPERATOR,
                    f -> "/admin/dead-letters/" + f.deadLetterIds.get(s.name()) + "/redeliver"));
        }
        return List.copyOf(ops);
    }

    /** The bundled country groups under a new version, effective now (each call a new version). */
    static Map<String, Object> countryList() {
        return map("version", "EAR-TEST-" + java.util.UUID.randomUUID().toString().substring(0, 12),
                "effectiveAt", Instant.now().toString(), "source", "15 CFR Part 740, Supp. 1 (unchanged)",
                "E1", List.of("IR", "KP", "SY"), "E2", List.of("CU"), "ofacComprehensiveCountries", List.of("CU", "IR", "KP"),
                "ofacComprehensiveRegions", List.of(map("code", "UA-43", "country", "UA", "names", List.of("Crimea")),
                        map("code", "UA-40", "country", "UA", "names", List.of("Sevastopol")),
                        map("code", "UA-14", "country", "UA", "names", List.of("Donetsk")),
                        map("code", "UA-09", "country", "UA", "names", List.of("Luhansk"))),
                "D1", List.of("AM", "AZ", "BY", "MM", "KH", "CN", "GE", "IQ", "KZ", "KP", "KG", "LA", "LY", "MO", "MD", "MN", "NI",
                        "RU", "TJ", "TM", "UZ", "VE", "VN", "YE"),
                "D5", List.of("AF", "BY", "MM", "CF", "CN", "CD", "CU", "ER", "HT", "IR", "IQ", "KP", "LB", "LY", "NI", "RU", "SO",
                        "SS", "SD", "SY", "VE", "ZW"),
                "treatedAs", map("HK", "CN"));
    }

    static Map<String, Object> call() {
        return map("title", "FY2028 call", "fiscalYear", 2028, "description", "Second round",
                "opensAt", Instant.now().plusSeconds(86400).toString(), "closesAt", Instant.now().plusSeconds(40 * 86400).toString(),
                "gracePeriodHours", 24, "instruments", List.of("DIRECT_LOAN"), "requiredAgencies", List.of("STATE"));
    }

    static Map<String, Object> proposal(ApiFixtures f) {
        Map<String, Object> layer = map("description", "layer", "suppliers", List.of(f.uei));
        return map("callId", f.callId, "consortiumId", f.consortiumId, "title", "Sovereign AI cloud", "summary", "Full stack",
                "stack", map("hardware", map("description", "GPU clusters", "suppliers", List.of(f.uei), "usOriginSharePercent", 70),
                        "dataPipelines", layer, "models", layer, "security", layer, "applications", layer),
                "targets", List.of(map("country", "VN")), "businessModel", "Build, own, operate",
                "incentives", List.of(map("instrument", "DIRECT_LOAN", "amountUsd", 25000000.00, "tenorYears", 12)),
                "exportControlAttestation", true,
                "confidentialSections", List.of(map("section", "businessModel", "justification", "Pricing")));
    }

    /** An ordered map, so that the spoiled bodies are reproducible from one run to the next. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            m.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return m;
    }
}
