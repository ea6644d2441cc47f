package gov.commerce.aiexports.incentives.budget;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.incentives.disclosure.IncentivesDisclosure;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.events.Instrument;

import gov.commerce.aiexports.incentives.Retries;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Cursor;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Budget authority per fiscal year and instrument: appropriations, adjustments, and the figures with the obligations. */
@Path("/budgets")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER, Roles.AUDITOR,
        Roles.OPERATOR})
public class BudgetResource {

    /**
     * periodOfAvailability and lastFiscalYear are optional (added later; older clients send neither):
     * left out, a new budget is one-year and an existing one keeps its period.
     */
    public record AppropriationRequest(Integer fiscalYear, Instrument instrument, BigDecimal amountUsd,
            String appropriationReference, AvailabilityKind periodOfAvailability, Integer lastFiscalYear) {
    }

    public record AdjustmentRequest(AdjustmentKind kind, BigDecimal amountUsd, String reference, String reason) {
    }

    @Inject
    Commands commands;
    @Inject
    Documents documents;
    @Inject
    PageLinks links;
    @Inject
    Clock clock;
    @Inject
    IncentivesDisclosure disclosure;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;


    @POST
    @RolesAllowed({Roles.FINANCING_OFFICER, Roles.OPERATOR})
    public Response recordAppropriation(AppropriationRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        Checks checks = new Checks()
                .require(BudgetRules.validFiscalYear(body.fiscalYear()), BudgetRules.FISCAL_YEAR_INVALID, "/fiscalYear",
                        "fiscalYear is a federal fiscal year from 2025")
                .required(body.instrument(), "/instrument")
                .required(body.appropriationReference(), "/appropriationReference");
        BudgetRules.checkPeriod(checks, body.fiscalYear(), body.periodOfAvailability(), body.lastFiscalYear()).throwIfInvalid();
        BigDecimal amount = Money.positive(body.amountUsd(), "/amountUsd");
        String id = BudgetId.of(body.fiscalYear(), body.instrument());
        // the budget stream is shared with concurrent approvals: a lost race is retried on fresh state
        Retries.inFreshTransactions(() -> commands.send(new BudgetCommand.RecordAppropriation(id, body.fiscalYear(),
                body.instrument(), amount, body.appropriationReference().trim(), body.periodOfAvailability(),
                body.lastFiscalYear())));
        return Response.created(URI.create("/budgets/" + id)).entity(get(id)).build();
    }

    @POST
    @Path("{id}/adjustments")
    @RolesAllowed({Roles.FINANCING_OFFICER, Roles.OPERATOR})
    public ObjectNode adjust(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AdjustmentRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        new Checks().required(body.kind(), "/kind").required(body.reference(), "/reference").throwIfInvalid();
        BigDecimal amount = Money.positive(body.amountUsd(), "/amountUsd");
        find(id);
        // an adjustment changes the authority read: made on figures changed meanwhile, it would be a lost update
        preconditions.check(ifMatch, id, true);
        Retries.inFreshTransactions(() -> commands.send(new BudgetCommand.AdjustBudget(id, body.kind(), amount,
                body.reference().trim(), body.reason())));
        return get(id);
    }

    static final Keyset ORDER = Keyset.named("instrument").asc("coalesce(instrument, '')").asc("id").build();

    /** One fiscal year's budgets by instrument, paged by cursor (Link: rel="next"). */
    @GET
    public List<ObjectNode> list(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        if (!page.first()) {
            // an unreadable cursor is refused for itself (CURSOR_INVALID at /cursor), before what else the request lacks
            Cursor.decode(page.cursor(), ORDER.name(), ORDER.keys().size());
        }
        if (fiscalYear == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/fiscalYear", "fiscalYear is required");
        }
        if (!BudgetRules.validFiscalYear(fiscalYear)) {
            throw new InvalidInput(BudgetRules.FISCAL_YEAR_INVALID, "/fiscalYear", "fiscalYear is a federal fiscal year from 2025 to 2100");
        }
        return links.of(documents.page("from budget_view where fiscal_year = ?", List.<Object>of(fiscalYear), ORDER, page, BudgetView.class))
                .stream().map(this::withObligations).map(this::shown).toList();
    }

    // the answer is a JSON tree (or a Response): this names the view it serialises, for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "BudgetView", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = BudgetView.class)))
    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        ObjectNode shown = shown(withObligations(find(id)));
        preconditions.tag(id);
        return shown;
    }

    /**
     * The budget's own figures are appropriations accounting, shown to all its readers; each
     * obligation's figures are its incentive line's amount, the proposal's incentives section, shown
     * only to whom the disclosure rule allows (another financing agency's officer, a reviewer of an
     * agency the call did not require and an operator see the marker).
     */
    private ObjectNode shown(BudgetView v) {
        ObjectNode node = Disclosure.tree(v);
        if (!(node.get("obligations") instanceof com.fasterxml.jackson.databind.node.ArrayNode lines) || lines.isEmpty()) {
            return node;
        }
        Map<String, String> proposals = new HashMap<>();
        v.obligations().forEach(o -> proposals.put(o.proposalId(), null));
        Map<String, Disclosure.Outcome> outcomes = disclosure.outcomes(request.caller(), proposals);
        for (int i = 0; i < lines.size(); i++) {
            disclosure.showObligation((ObjectNode) lines.get(i), outcomes.get(v.obligations().get(i).proposalId()));
        }
        return node;
    }

    private BudgetView find(String id) {
        return documents.find(BudgetProjection.TABLE, id, BudgetView.class).orElseThrow(() -> new NotFound("budget", id));
    }

    /** With its obligations, and where its period stands in the fiscal year of now (in Washington). */
    private BudgetView withObligations(BudgetView v) {
        return v.withObligations(documents.query("select doc from " + BudgetProjection.OBLIGATIONS
                + " where budget_id = ? order by doc->>'obligatedAt', id", BudgetView.ObligationLine.class, v.id()))
                .asOfFiscalYear(FiscalYear.current(clock));
    }
}
