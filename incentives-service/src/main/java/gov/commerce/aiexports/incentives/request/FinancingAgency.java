package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.events.Instrument;
import java.util.EnumSet;
import java.util.Set;

/**
 * The financing agencies EDAG routes lines to, and the instruments each may take (PRODUCT.md §4):
 * EXIM direct loans and credit guarantees; DFC loans, guarantees and equity investments; USTDA
 * feasibility studies and technical assistance.
 */
public enum FinancingAgency {
    EXIM(EnumSet.of(Instrument.DIRECT_LOAN, Instrument.CREDIT_GUARANTEE)),
    DFC(EnumSet.of(Instrument.DIRECT_LOAN, Instrument.CREDIT_GUARANTEE, Instrument.EQUITY_INVESTMENT)),
    USTDA(EnumSet.of(Instrument.FEASIBILITY_STUDY, Instrument.TECHNICAL_ASSISTANCE));

    private final Set<Instrument> instruments;

    FinancingAgency(Set<Instrument> instruments) {
        this.instruments = instruments;
    }

    public boolean takes(Instrument instrument) {
        return instruments.contains(instrument);
    }

    public Set<Instrument> instruments() {
        return instruments;
    }
}
