package gov.commerce.aiexports.events;

/** The federal support instruments of the program. DIRECT_LOAN and CREDIT_GUARANTEE are credit instruments (FCRA). */
public enum Instrument {
    DIRECT_LOAN, CREDIT_GUARANTEE, EQUITY_INVESTMENT, FEASIBILITY_STUDY, TECHNICAL_ASSISTANCE;

    public boolean isCredit() {
        return this == DIRECT_LOAN || this == CREDIT_GUARANTEE;
    }
}
