package gov.commerce.aiexports.events;

import java.util.regex.Pattern;

/**
 * The number of a priority AI export package: PAEP-2026-0007 is the seventh designation of fiscal
 * year 2026, the fiscal year of the determination's instant in America/New_York ({@link FiscalYear#of(java.time.Instant)}).
 */
public final class DesignationNumber {

    public static final Pattern PATTERN = Pattern.compile("PAEP-\\d{4}-\\d{4,}");

    private DesignationNumber() {
    }

    public static String of(int fiscalYear, int sequence) {
        return String.format("PAEP-%d-%04d", fiscalYear, sequence);
    }
}
