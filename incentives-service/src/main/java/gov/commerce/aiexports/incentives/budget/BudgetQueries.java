package gov.commerce.aiexports.incentives.budget;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.incentives.disclosure.IncentivesDisclosure;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every read of the budget concept: budgets with their obligations, the Antideficiency evidence, budget execution. */
@Singleton
public class BudgetQueries {

    static final Keyset ORDER = Keyset.named("instrument").asc("coalesce(instrument, '')").asc("id").build();

    @Inject
    Documents documents;
    @Inject
    Clock clock;
    @Inject
    IncentivesDisclosure disclosure;
    @Inject
    AntideficiencyReports reports;

    /** One fiscal year's budgets by instrument, with their obligations. */
    public Slice<BudgetView> page(int fiscalYear, PageRequest page) {
        Slice<BudgetView> slice = documents.page("from " + BudgetProjection.TABLE + " where fiscal_year = ?",
                List.<Object>of(fiscalYear), ORDER, page, BudgetView.class);
        return new Slice<>(slice.items().stream().map(this::withObligations).toList(), slice.next());
    }

    /** The budget with its obligations; 404 when there is none. */
    public BudgetView existing(String id) {
        return withObligations(documents.find(BudgetProjection.TABLE, id, BudgetView.class)
                .orElseThrow(() -> new NotFound("budget", id)));
    }

    /**
     * The budget's own figures are appropriations accounting, shown to all its readers; each
     * obligation's figures are its incentive line's amount, the proposal's incentives section, shown
     * only to whom the disclosure rule allows (another financing agency's officer, a reviewer of an
     * agency the call did not require and an operator see the marker).
     */
    public ObjectNode shown(Caller caller, BudgetView v) {
        ObjectNode node = Disclosure.tree(v);
        if (!(node.get("obligations") instanceof ArrayNode lines) || lines.isEmpty()) {
            return node;
        }
        Map<String, String> proposals = new HashMap<>();
        v.obligations().forEach(o -> proposals.put(o.proposalId(), null));
        Map<String, Disclosure.Outcome> outcomes = disclosure.outcomes(caller, proposals);
        for (int i = 0; i < lines.size(); i++) {
            disclosure.showObligation((ObjectNode) lines.get(i), outcomes.get(v.obligations().get(i).proposalId()));
        }
        return node;
    }

    /** The budget's Antideficiency evidence, folded from its own stream. */
    public AntideficiencyReport antideficiencyReport(String budgetId) {
        return reports.of(budgetId);
    }

    /** Whether the replayable projection holds the same evidence as the stream. */
    public AntideficiencyReports.ReplayAgreement replayAgreement(AntideficiencyReport report) {
        return reports.agreement(report);
    }

    /** The program report's budget execution as of an instant, from the replayable Antideficiency projection. */
    public BudgetExecution execution(Instant at) {
        return BudgetExecution.of(documents.query("select doc from " + AntideficiencyProjection.TABLE
                + " order by budget_id, sequence", AntideficiencyProjection.Row.class), at);
    }

    /** With its obligations, and where its period stands in the fiscal year of now (in Washington). */
    private BudgetView withObligations(BudgetView v) {
        return v.withObligations(documents.query("select doc from " + BudgetProjection.OBLIGATIONS
                + " where budget_id = ? order by doc->>'obligatedAt', id", BudgetView.ObligationLine.class, v.id()))
                .asOfFiscalYear(FiscalYear.current(clock));
    }
}
