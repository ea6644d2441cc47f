package gov.commerce.aiexports.proposals.call;

public enum CallStatus { DRAFT, PUBLISHED, CLOSED, ARCHIVED }
