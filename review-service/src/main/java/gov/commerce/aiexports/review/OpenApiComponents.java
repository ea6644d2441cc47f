package gov.commerce.aiexports.review;

import gov.commerce.aiexports.review.designation.DesignationView;
import gov.commerce.aiexports.review.review.ReviewView;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The views the resources answer as JSON trees (shown through the disclosure rule, so typed as
 * ObjectNode in Java), as schemas of the OpenAPI document: META-INF/openapi-contract.json names them
 * as those operations' answers, so a generated client reads them as what they are.
 */
@OpenAPIDefinition(info = @Info(title = "review-service: interagency review and designation", version = "1.1.0"),
        components = @org.eclipse.microprofile.openapi.annotations.Components(schemas = {
                @Schema(name = "ReviewView", implementation = ReviewView.class),
                @Schema(name = "DesignationView", implementation = DesignationView.class)}))
public final class OpenApiComponents {

    private OpenApiComponents() {
    }
}
