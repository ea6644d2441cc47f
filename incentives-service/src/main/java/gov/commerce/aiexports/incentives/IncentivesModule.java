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

    @Override
    public List<Class<?>> aggregates() {
        return List.of(IncentiveRequest.class, Budget.class);
    }

    @Override
    public List<Object> projections() {
        return List.of(new IncentiveRequestProjection(documents), new BudgetProjection(documents),
                new gov.commerce.aiexports.incentives.budget.AntideficiencyProjection(documents));
    }
}
