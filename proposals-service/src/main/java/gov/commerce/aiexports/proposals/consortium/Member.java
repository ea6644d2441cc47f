package gov.commerce.aiexports.proposals.consortium;

import java.util.List;

/** A member organisation of a consortium, with the stack layers it supplies. */
public record Member(String legalName, String uei, String countryOfIncorporation, String controlledFrom, List<String> layers) {
}
