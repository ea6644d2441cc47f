package gov.commerce.aiexports.review.disclosure;

import gov.commerce.aiexports.runtime.disclosure.FinancingRoutes;
import jakarta.inject.Singleton;

/**
 * review-service learns where a designated proposal's lines were routed (from incentives.events),
 * so a financing officer of such an agency reads a review's financing sections (Disclosure).
 */
@Singleton
public class ReviewFinancingRoutes extends FinancingRoutes {
}
