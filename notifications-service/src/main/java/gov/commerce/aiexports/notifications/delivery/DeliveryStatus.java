package gov.commerce.aiexports.notifications.delivery;

/**
 * PENDING: due, not tried in this round yet. FAILED: the last try failed, another is scheduled.
 * DELIVERED: accepted by the receiver. DEAD_LETTERED: every try of the round failed; an operator
 * may redeliver it. CANCELLED: its webhook was removed before it could be delivered.
 */
public enum DeliveryStatus { PENDING, FAILED, DELIVERED, DEAD_LETTERED, CANCELLED }
