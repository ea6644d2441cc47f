package gov.commerce.aiexports.events.disclosure;

/** Why a section is shown or withheld: stable codes, carried in the withheld marker's {@code because}. */
public enum Reason {
    /** Not marked confidential: shown to whoever may see the proposal. */
    NOT_CONFIDENTIAL,
    /** The owning consortium reads its own proposal. */
    OWNER,
    /** Commerce runs the program and reads every submitted proposal. */
    COMMERCE,
    /** An agency reviewer of an agency the proposal's call requires. */
    REQUIRED_AGENCY,
    /** A reviewer of an agency the call does not require. */
    AGENCY_NOT_REQUIRED,
    /** EDAG or a financing agency reading what a financing decision needs of a designated proposal routed to it. */
    FINANCING_NEED,
    /** EDAG or a financing agency, but the proposal is not designated, not routed to it, or the section is not a financing one. */
    NO_FINANCING_NEED,
    /** Auditors read everything, and every read is accounted for. */
    AUDIT,
    /** Operators run the system and read no program content. */
    OPERATOR,
    /** Everyone else, other applicants included. */
    NO_NEED_TO_KNOW
}
