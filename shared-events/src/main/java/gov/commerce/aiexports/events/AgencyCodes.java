package gov.commerce.aiexports.events;

import java.util.List;

/** The agency codes of API.md: what a government token's {@code org} claim holds. */
public final class AgencyCodes {

    public static final List<String> ALL = List.of("COMMERCE", "STATE", "DEFENSE", "ENERGY", "OSTP", "EDAG", "EXIM", "DFC", "USTDA");

    private AgencyCodes() {
    }
}
