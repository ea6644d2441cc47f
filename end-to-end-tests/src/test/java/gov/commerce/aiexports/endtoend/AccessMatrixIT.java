package gov.commerce.aiexports.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.endtoend.ApiSurface.Operation;
import gov.commerce.aiexports.endtoend.HttpCalls.Reply;
import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.testsupport.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The role-by-endpoint matrix of API.md, generated over every operation of the four services:
 * every role that must be refused is refused (403, or 404 where a read must not reveal that the
 * resource exists), every role that is allowed gets through, every request without a valid token
 * gets 401, and callers of another organisation reach nothing of this one's. Nothing is written.
 */
class AccessMatrixIT {

    private static final Set<Integer> REFUSED_READ = Set.of(403, 404);

    @Test
    void every_role_is_refused_or_allowed_on_every_endpoint_as_api_md_says() throws Exception {
        ApiFixtures f = ApiFixtures.get();
        List<Operation> operations = ApiSurface.operations();
        ApiSurface.documentedOperations(operations);
        List<String> unexpected = new ArrayList<>();
        int refused = 0;
        int allowed = 0;
        int unauthenticated = 0;

        StoreSnapshot before = StoreSnapshot.settled();
        Map<String, String> badTokens = badTokens(f);
        for (Operation op : operations) {
            boolean read = op.method().equals("GET");
            // reads aim at the real resources; writes at ones that do not exist, with an empty body, so nothing changes
            String path = read ? op.path().apply(f) : op.pathWith(AccessMatrixIT::absent);
            String body = op.takesBody() ? "{}" : null;
            for (String role : ApiSurface.ROLES) {
                ApiSurface.Caller caller = ApiSurface.callerFor(role, f);
                Reply reply = HttpCalls.send(op.service(), op.method(), path, Program.token(caller.organisation(), role),
                        body == null ? null : "application/json", body, Map.of());
                if (op.roles().contains(role)) {
                    allowed++;
                    boolean through = read ? reply.status() == 200 || notFoundExpected(op) && reply.status() == 404
                            : reply.status() != 401 && reply.status() != 403 && reply.status() < 500;
                    if (!through) {
                        unexpected.add(op.key() + " as " + role + " (allowed): " + reply.status() + " " + reply.shortBody());
                    }
                } else {
                    refused++;
                    boolean refusedAsSaid = read ? REFUSED_READ.contains(reply.status()) : reply.status() == 403;
                    if (!refusedAsSaid || reply.notAProblem() != null) {
                        unexpected.add(op.key() + " as " + role + " (refused): " + reply.status() + " " + reply.shortBody());
                    }
                }
            }
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                unauthenticated++;
                Reply reply = HttpCalls.send(op.service(), op.method(), path, bad.getValue(), body == null ? null : "application/json",
                        body, Map.of());
                // the public feed answers without a token; a token that does not verify is still refused (or ignored)
                boolean publicFeed = ApiSurface.PUBLIC.contains(op.key());
                boolean asSaid = publicFeed ? bad.getValue() == null ? reply.status() == 200
                        : reply.status() == 200 || reply.status() == 401 && reply.notAProblem() == null
                        : reply.status() == 401 && reply.notAProblem() == null;
                if (!asSaid) {
                    unexpected.add(op.key() + " with " + bad.getKey() + ": " + reply.status() + " " + reply.shortBody());
                }
            }
        }
        List<String> crossOrganisation = crossOrganisation(f, unexpected);
        List<String> written = StoreSnapshot.take().differencesFrom(before);

        System.out.printf("access matrix: %d operations x %d roles = %d role cases (%d refused, %d allowed), "
                        + "%d without a valid token, %d across organisations; unexpected: %d; tables written: %d%n",
                operations.size(), ApiSurface.ROLES.size(), refused + allowed, refused, allowed, unauthenticated,
                crossOrganisation.size(), unexpected.size(), written.size());
        unexpected.forEach(line -> System.out.println("  UNEXPECTED " + line));
        assertTrue(unexpected.isEmpty(), unexpected.size() + " unexpected answers; first: " + unexpected.stream().limit(10).toList());
        assertEquals(List.of(), written, "refused and aimless requests wrote nothing");
    }

    /** Callers of another organisation or agency, aimed at this one's resources with valid bodies: nothing reached. */
    private static List<String> crossOrganisation(ApiFixtures f, List<String> unexpected) throws Exception {
        String other = f.otherUei;
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {Services.PROPOSALS, "GET", "/consortia/" + f.consortiumId, other, "applicant", null});
        cases.add(new Object[] {Services.PROPOSALS, "POST", "/consortia/" + f.consortiumId + "/members", other, "applicant",
                ApiFixtures.member(other)});
        cases.add(new Object[] {Services.PROPOSALS, "DELETE", "/consortia/" + f.consortiumId + "/members/" + f.memberUei, other,
                "applicant", null});
        // drafting for another organisation's consortium is refused by its named rule (422 CONSORTIUM_NOT_OWNED)
        cases.add(new Object[] {Services.PROPOSALS, "POST", "/proposals", other, "applicant", ApiSurface.proposal(f), Set.of(422)});
        cases.add(new Object[] {Services.PROPOSALS, "GET", "/proposals/" + f.draftProposalId, other, "applicant", null});
        cases.add(new Object[] {Services.PROPOSALS, "POST", "/proposals/" + f.draftProposalId + "/submit", other, "applicant", null});
        cases.add(new Object[] {Services.PROPOSALS, "POST", "/proposals/" + f.submittedProposalId + "/withdraw", other, "applicant",
                ApiSurface.map("reason", "not mine")});
        cases.add(new Object[] {Services.PROPOSALS, "GET", "/proposals/" + f.submittedProposalId + "/timeline", other, "applicant", null});
        cases.add(new Object[] {Services.REVIEW, "GET", "/feedback/" + f.submittedProposalId, other, "applicant", null});
        // a designation's oversight is its consortium's (and the government's): another consortium neither reads nor files
        cases.add(new Object[] {Services.REVIEW, "GET", "/oversight/" + f.designationNumber, other, "applicant", null});
        cases.add(new Object[] {Services.REVIEW, "POST", "/oversight/" + f.designationNumber + "/conditions/C1/evidence", other,
                "applicant", ApiSurface.map("text", "not ours")});
        cases.add(new Object[] {Services.REVIEW, "POST", "/oversight/" + f.designationNumber + "/reports", other, "applicant",
                ApiSurface.map("period", 1, "narrative", "not ours")});
        cases.add(new Object[] {Services.REVIEW, "GET", "/oversight/" + f.designationNumber + "/documents/" + f.oversightDocumentId,
                other, "applicant", null});
        cases.add(new Object[] {Services.REVIEW, "POST", "/reviews/" + f.reviewId + "/assessments", "STATE", "agency-reviewer",
                withAgency(Program.assessment("CONCUR", List.of(), "ok", "ok"), "DEFENSE")});
        cases.add(new Object[] {Services.INCENTIVES, "GET", "/incentive-requests/" + f.routedRequestId, other, "applicant", null});
        for (String[] step : new String[][] {{"approval", null}, {"board-approval", null}, {"decline", null}, {"deobligations", null},
                {"disbursements", null}}) {
            Map<String, Object> body = switch (step[0]) {
                case "approval" -> ApiSurface.map("fiscalYear", f.fiscalYear);
                case "board-approval" -> ApiSurface.map("reference", "DFC board 12");
                case "decline" -> ApiSurface.map("reason", "not ours");
                case "deobligations" -> ApiSurface.map("amountUsd", 10.00, "reason", "scope reduced");
                default -> ApiSurface.map("amountUsd", 10.00, "reference", "wire 7");
            };
            // the loan is routed to EXIM: DFC's financing officer acts on none of it
            cases.add(new Object[] {Services.INCENTIVES, "POST", "/incentive-requests/" + f.routedRequestId + "/" + step[0], "DFC",
                    "financing-officer", body});
        }
        cases.add(new Object[] {Services.NOTIFICATIONS, "POST", "/inbox/" + f.inboxEntryId + "/read", other, "applicant", null});
        cases.add(new Object[] {Services.NOTIFICATIONS, "DELETE", "/webhooks/" + f.webhookId, "DEFENSE", "agency-reviewer", null});
        cases.add(new Object[] {Services.NOTIFICATIONS, "DELETE", "/contacts/" + f.contactId, f.uei, "applicant", null});
        cases.add(new Object[] {Services.NOTIFICATIONS, "GET", "/contacts?organisation=" + other, f.uei, "applicant", null});

        List<String> tried = new ArrayList<>();
        for (Object[] c : cases) {
            Services.Service service = (Services.Service) c[0];
            String method = (String) c[1];
            String path = (String) c[2];
            String body = c[5] == null ? null : HttpCalls.JSON.writeValueAsString(c[5]);
            Reply reply = HttpCalls.send(service, method, path, Program.token((String) c[3], (String) c[4]),
                    body == null ? null : "application/json", body, Map.of());
            String label = service.name() + " " + method + " " + path + " as " + c[4] + " of " + c[3];
            tried.add(label);
            @SuppressWarnings("unchecked")
            Set<Integer> expected = c.length > 6 ? (Set<Integer>) c[6] : Set.of(403, 404);
            if (!expected.contains(reply.status()) || reply.notAProblem() != null) {
                unexpected.add(label + " (another organisation): " + reply.status() + " " + reply.shortBody());
            }
        }
        // lists are scoped: another organisation's caller sees none of this one's resources
        String[][] lists = {{"proposals", "/proposals", f.draftProposalId}, {"incentives", "/incentive-requests", f.routedRequestId},
            {"notifications", "/inbox", f.inboxEntryId}};
        for (String[] list : lists) {
            Services.Service service = switch (list[0]) {
                case "proposals" -> Services.PROPOSALS;
                case "incentives" -> Services.INCENTIVES;
                default -> Services.NOTIFICATIONS;
            };
            Reply reply = HttpCalls.send(service, "GET", list[1], Program.token(other, "applicant"), null, null, Map.of());
            String label = service.name() + " GET " + list[1] + " as applicant of " + other;
            tried.add(label);
            if (reply.status() != 200 || reply.body().contains(list[2])) {
                unexpected.add(label + " (scoped list): " + reply.status() + " lists this organisation's " + list[2]);
            }
        }
        return tried;
    }

    private static Map<String, Object> withAgency(Map<String, Object> assessment, String agency) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(assessment);
        copy.put("agency", agency);
        return copy;
    }

    /** Operations whose real path in the fixtures names nothing (no delivery or projection of that name exists). */
    private static boolean notFoundExpected(Operation op) {
        return op.template().equals("/deliveries/{id}") || op.template().equals("/admin/projections/{name}");
    }

    /** A value for a path parameter that names nothing. */
    private static String absent(String parameter) {
        return switch (parameter) {
            case "number" -> "PAEP-2099-9999";
            case "uei" -> "ZZZZZZZZZZZZ";
            case "name" -> "no-such-projection";
            default -> UUID.randomUUID().toString();
        };
    }

    /** Tokens that must all be refused with 401: none, a forged signature, an expired one, one signed by another key. */
    private static Map<String, String> badTokens(ApiFixtures f) throws Exception {
        Tokens real = RunningStack.get().tokens();
        String valid = real.mint("auditor@GAO", "GAO", "auditor", "operator", "applicant", "commerce-officer");
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("a forged signature", valid.substring(0, valid.lastIndexOf('.') + 1)
                + new StringBuilder(valid.substring(valid.lastIndexOf('.') + 1)).reverse());
        bad.put("an expired token", real.mint("auditor@GAO", "GAO", List.of("auditor", "operator"), -600));
        bad.put("a token of another signer", Tokens.generate().mint("auditor@GAO", "GAO", "auditor", "operator"));
        bad.put("not a JWT", "not-a-jwt");
        return bad;
    }
}
