package gov.commerce.aiexports.proposals.disclosure;

import jakarta.inject.Singleton;

/** proposals-service learns where lines were routed (the rule's routed agencies) through the shared handler. */
@Singleton
public class FinancingRoutes extends gov.commerce.aiexports.runtime.disclosure.FinancingRoutes {
}
