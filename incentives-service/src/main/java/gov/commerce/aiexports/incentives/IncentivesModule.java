package gov.commerce.aiexports.incentives;

import gov.commerce.aiexports.incentives.budget.Budget;
import gov.commerce.aiexports.incentives.budget.BudgetProjection;
import gov.commerce.aiexports.incentives.request.IncentiveRequest;
import gov.commerce.aiexports.incentives.request.IncentiveRequestProjection;
import gov.commerce.aiexports.runtime.axon.ServiceModule;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** incentives-service's aggregates and read models. */
@Singleton
public class IncentivesModule implements ServiceModule {

    @Inject
    Documents documents;
    /** Looked up when an event needs it, after Axon is configured (it reads this module to configure itself). */
    @Inject
    jakarta.inject.Provider<gov.commerce.aiexports.runtime.axon.AxonRuntime> axon;

    @Override
    public List<Class<?>> aggregates() {
        return List.of(IncentiveRequest.class, Budget.class);
    }

    @Override
    public List<Object> projections() {
        return List.of(new IncentiveRequestProjection(documents), new BudgetProjection(documents),
                new gov.commerce.aiexports.incentives.budget.AntideficiencyProjection(documents,
                        budgetId -> gov.commerce.aiexports.incentives.budget.AntideficiencyReports.history(
                                axon.get().configuration().eventStore(), budgetId)));
    }
}
