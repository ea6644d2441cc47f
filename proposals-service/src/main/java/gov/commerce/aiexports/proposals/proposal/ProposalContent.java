package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.events.IncentiveLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Everything an applicant writes in a proposal (EO 14320 section 3(b)). */
public record ProposalContent(
        String title,
        String summary,
        Stack stack,
        List<Target> targets,
        String businessModel,
        List<IncentiveLine> incentives,
        Boolean exportControlAttestation,
        List<ConfidentialSection> confidentialSections) {

    /**
     * This content with the given changes laid over it: each top-level field the changes give
     * replaces this one's, each they leave out (null) is kept. A response to an information request
     * sends only what it changes (README: "with optional changes").
     */
    public ProposalContent changedBy(ProposalContent changes) {
        if (changes == null) {
            return this;
        }
        return new ProposalContent(
                changes.title() != null ? changes.title() : title,
                changes.summary() != null ? changes.summary() : summary,
                changes.stack() != null ? changes.stack() : stack,
                changes.targets() != null ? changes.targets() : targets,
                changes.businessModel() != null ? changes.businessModel() : businessModel,
                changes.incentives() != null ? changes.incentives() : incentives,
                changes.exportControlAttestation() != null ? changes.exportControlAttestation() : exportControlAttestation,
                changes.confidentialSections() != null ? changes.confidentialSections() : confidentialSections);
    }

    /** The five layers of the full-stack package. */
    public record Stack(HardwareLayer hardware, Layer dataPipelines, Layer models, Layer security, Layer applications) {
    }

    public record Layer(String description, List<String> suppliers) {
    }

    /** Layer A, with the share of its value of US origin and the extent of domestic manufacturing. */
    public record HardwareLayer(String description, List<String> suppliers, BigDecimal usOriginSharePercent,
            String domesticManufacturing) {
    }

    /** A target: one country (with an optional ISO 3166-2 region), or a named bloc of countries. */
    public record Target(String country, String region, String bloc, List<String> countries) {

        List<String> allCountries() {
            List<String> all = new ArrayList<>();
            if (country != null) {
                all.add(country);
            }
            if (countries != null) {
                all.addAll(countries);
            }
            return all;
        }
    }

    public record ConfidentialSection(String section, String justification) {
    }

    public List<String> targetCountries() {
        return targets == null ? List.of() : targets.stream().flatMap(t -> t.allCountries().stream()).distinct().toList();
    }

    public List<IncentiveLine> incentiveLines() {
        return incentives == null ? List.of() : incentives;
    }
}
