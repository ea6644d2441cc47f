package gov.commerce.aiexports.incentives;

import gov.commerce.aiexports.incentives.budget.AntideficiencyReport;
import gov.commerce.aiexports.incentives.budget.BudgetView;
import gov.commerce.aiexports.incentives.request.IncentiveRequestView;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The views the resources answer as JSON trees (shown through the disclosure rule, so typed as
 * ObjectNode in Java), as schemas of the OpenAPI document: META-INF/openapi-contract.json names them
 * as those operations' answers, so a generated client reads them as what they are.
 */
@OpenAPIDefinition(info = @Info(title = "incentives-service: budget authority, EDAG routing, approvals and obligations", version = "1.1.0"),
        components = @org.eclipse.microprofile.openapi.annotations.Components(schemas = {
                @Schema(name = "BudgetView", implementation = BudgetView.class),
                @Schema(name = "AntideficiencyReport", implementation = AntideficiencyReport.class),
                @Schema(name = "IncentiveRequestView", implementation = IncentiveRequestView.class)}))
public final class OpenApiComponents {

    private OpenApiComponents() {
    }
}
