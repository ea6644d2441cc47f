package gov.commerce.aiexports.incentives.budget;

/** How long a budget authority is available for new obligations (its period of availability). */
public enum AvailabilityKind {
    /** Only in its fiscal year: what an appropriation is unless the act says otherwise. */
    ONE_YEAR,
    /** From its fiscal year through a last fiscal year the act names. */
    MULTI_YEAR,
    /** From its fiscal year until it is spent ("to remain available until expended"). */
    NO_YEAR
}
