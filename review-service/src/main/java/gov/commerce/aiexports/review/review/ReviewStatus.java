package gov.commerce.aiexports.review.review;

/**
 * CLOSED: withdrawn before a decision; REVOKED: designated, then the designation was revoked (e.g. relinquished);
 * SUSPENDED: designated, and suspended by Commerce until a reinstatement or a revocation.
 */
public enum ReviewStatus { OPEN, INFORMATION_REQUESTED, DESIGNATED, REJECTED, CLOSED, REVOKED, SUSPENDED }
