package gov.commerce.aiexports.review;

import gov.commerce.aiexports.review.review.Review;
import gov.commerce.aiexports.review.review.ReviewProjection;
import gov.commerce.aiexports.runtime.axon.ServiceModule;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class ReviewModule implements ServiceModule {

    @Inject
    Documents documents;

    @Override
    public List<Class<?>> aggregates() {
        return List.of(Review.class, gov.commerce.aiexports.review.oversight.Oversight.class);
    }

    @Override
    public List<org.axonframework.serialization.upcasting.event.EventUpcaster> upcasters() {
        return List.of(new gov.commerce.aiexports.review.oversight.ProgressReportFiledUpcaster());
    }

    @Override
    public List<Object> projections() {
        return List.of(new ReviewProjection(documents), new gov.commerce.aiexports.review.oversight.OversightProjection(documents));
    }
}
