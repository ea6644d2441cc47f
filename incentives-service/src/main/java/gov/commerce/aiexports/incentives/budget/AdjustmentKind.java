package gov.commerce.aiexports.incentives.budget;

/** A change of budget authority after the first appropriation. */
public enum AdjustmentKind {
    /** Congress adds authority (a supplemental appropriation). */
    SUPPLEMENTAL,
    /** Congress cancels authority not yet obligated (a rescission). */
    RESCISSION
}
