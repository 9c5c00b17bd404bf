package com.example.slacompliance.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The support policy as the job applies it: its versions over time, the integrations' own targets,
 * and the reporting zone in which effective dates, office hours and periods are read.
 */
public final class Policy {

    private final ZoneId zone;
    private final List<PolicyVersion> versions;
    private final Map<String, List<IntegrationTargets>> integrations;
    private final Map<Set<LocalDate>, SupportCalendar> officeHours = new ConcurrentHashMap<>();
    /** The office-hours calendar of each version, by position in {@link #versions}, once looked up. */
    private final AtomicReferenceArray<SupportCalendar> versionCalendars;

    public Policy(ZoneId zone, List<PolicyVersion> versions, List<IntegrationTargets> integrationTargets) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("the policy needs at least one version");
        }
        this.versions = sortedByDate(versions, PolicyVersion::effectiveDate, PolicyVersion::id, "policy version");
        this.versionCalendars = new AtomicReferenceArray<>(this.versions.size());
        Map<String, List<IntegrationTargets>> byName = new HashMap<>();
        for (IntegrationTargets t : integrationTargets == null ? List.<IntegrationTargets>of() : integrationTargets) {
            byName.computeIfAbsent(IntegrationTargets.key(t.integration()), k -> new ArrayList<>()).add(t);
        }
        byName.replaceAll((name, list) -> sortedByDate(list, IntegrationTargets::effectiveDate,
                IntegrationTargets::id, "targets of integration " + name));
        this.integrations = Map.copyOf(byName);
    }

    /** The policy as published (the table, no holidays, no integration targets) in a zone. */
    public static Policy defaultPolicy(ZoneId zone) {
        return new Policy(zone, List.of(PolicyVersion.defaultVersion()), List.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public List<PolicyVersion> versions() {
        return versions;
    }

    public List<IntegrationTargets> integrationTargets() {
        return integrations.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(IntegrationTargets::integration).thenComparing(IntegrationTargets::effectiveDate))
                .toList();
    }

    /** The version in force for a ticket created at {@code created}; the earliest one for tickets before it. */
    public PolicyVersion versionAt(Instant created) {
        LocalDate day = LocalDate.ofInstant(created, zone);
        PolicyVersion inForce = versions.get(0);
        for (PolicyVersion v : versions) {
            if (v.effectiveDate().isAfter(day)) {
                break;
            }
            inForce = v;
        }
        return inForce;
    }

    /** The integration's targets in force at {@code created}, or null when it has none then (the ticket is exempt). */
    public IntegrationTargets integrationTargetsAt(String integration, Instant created) {
        List<IntegrationTargets> list = integrations.get(IntegrationTargets.key(integration));
        if (list == null) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(created, zone);
        IntegrationTargets inForce = null;
        for (IntegrationTargets t : list) {
            if (t.effectiveDate().isAfter(day)) {
                break;
            }
            inForce = t;
        }
        return inForce;
    }

    /** The desk calendar of a tier under a policy version. */
    public SupportCalendar calendar(Tier tier, PolicyVersion version) {
        if (!tier.keepsOfficeHours()) {
            return SupportCalendar.ALWAYS_OPEN;
        }
        // one of our own versions (as versionAt returns them): remember its calendar by position, so
        // that judging a ticket does not hash the version's holiday set every time
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i) == version) {
                SupportCalendar calendar = versionCalendars.get(i);
                if (calendar == null) {
                    calendar = officeHours(version.holidays());
                    versionCalendars.set(i, calendar);
                }
                return calendar;
            }
        }
        return officeHours(version.holidays());
    }

    private SupportCalendar officeHours(Set<LocalDate> holidays) {
        return officeHours.computeIfAbsent(holidays, h -> OfficeHoursCalendar.fourteenBySeven(zone, h));
    }

    private static <T> List<T> sortedByDate(List<T> items, java.util.function.Function<T, LocalDate> date,
                                            java.util.function.Function<T, String> id, String what) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(date));
        for (int i = 1; i < sorted.size(); i++) {
            if (date.apply(sorted.get(i)).equals(date.apply(sorted.get(i - 1)))) {
                throw new IllegalArgumentException("two " + what + "s take effect on " + date.apply(sorted.get(i))
                        + ": " + id.apply(sorted.get(i - 1)) + " and " + id.apply(sorted.get(i)));
            }
        }
        return List.copyOf(sorted);
    }
}
