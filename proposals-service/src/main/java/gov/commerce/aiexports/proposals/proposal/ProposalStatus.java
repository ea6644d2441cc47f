package gov.commerce.aiexports.proposals.proposal;

public enum ProposalStatus { DRAFT, SUBMITTED, UNDER_REVIEW, INFORMATION_REQUESTED, DESIGNATED, REJECTED, WITHDRAWN }
