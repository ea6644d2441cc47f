package gov.commerce.aiexports.review.review;

/** CLOSED: withdrawn before a decision; REVOKED: designated, then the designation was revoked (e.g. relinquished). */
public enum ReviewStatus { OPEN, INFORMATION_REQUESTED, DESIGNATED, REJECTED, CLOSED, REVOKED }
