package gov.commerce.aiexports.review.review;

public enum ReviewStatus { OPEN, INFORMATION_REQUESTED, DESIGNATED, REJECTED, CLOSED }
