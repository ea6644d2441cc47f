package gov.commerce.aiexports.incentives.request;

/**
 * A line not yet obligated becomes CANCELLED when its designation is revoked (e.g. relinquished).
 * AWAITING_ROUTING → ROUTED → (BOARD_APPROVED, EXIM above the threshold) → OBLIGATED, or DECLINED.
 * An obligated line becomes DEOBLIGATED when all of it is cancelled before any disbursement, and
 * CLOSED when nothing of its commitment is left to disburse.
 */
public enum IncentiveStatus { AWAITING_ROUTING, ROUTED, BOARD_APPROVED, OBLIGATED, DECLINED, DEOBLIGATED, CLOSED, CANCELLED }
