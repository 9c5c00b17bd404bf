package com.example.slacompliance.job;

import com.example.slacompliance.sla.IntegrationTargets;
import com.example.slacompliance.sla.Policy;
import com.example.slacompliance.sla.PolicyVersion;
import com.example.slacompliance.sla.Targets;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The job's settings, all under {@code sla.}.
 *
 * @param zone                 reporting zone: office hours, effective dates and months are read in it (any IANA id)
 * @param outputDir            folder that receives {@code <YYYY-MM>/} with the workbook, CSV and run summary
 * @param complianceGoalPct    compliance below this stands out in the workbook
 * @param maxRejectRatio       a period whose rejected / (judged + rejected) exceeds this fails and publishes nothing
 * @param chunkSize            tickets per transaction in the evaluate step
 * @param fetchSize            rows the source cursor fetches at a time
 * @param threads              slices of the month evaluated at once (each with its own cursor and connection)
 * @param policy               policy versions and third-party integration targets (default: the policy's table)
 */
@ConfigurationProperties("sla")
public record SlaProperties(
        @DefaultValue("Asia/Kolkata") ZoneId zone,
        @DefaultValue("reports") Path outputDir,
        @DefaultValue("95") BigDecimal complianceGoalPct,
        @DefaultValue("0.05") double maxRejectRatio,
        @DefaultValue("5000") int chunkSize,
        @DefaultValue("2000") int fetchSize,
        @DefaultValue("2") int threads,
        @DefaultValue PolicySettings policy) {

    /** The policy as configured, or the published table when no version is configured. */
    public Policy toPolicy() {
        List<PolicyVersion> versions = policy.versions() == null || policy.versions().isEmpty()
                ? List.of(PolicyVersion.defaultVersion())
                : policy.versions().stream().map(VersionSettings::toVersion).toList();
        List<IntegrationTargets> integrations = policy.integrations() == null ? List.of()
                : policy.integrations().stream().map(IntegrationSettings::toTargets).toList();
        return new Policy(zone, versions, integrations);
    }

    /** {@code sla.policy.versions[i]} and {@code sla.policy.integrations[i]}. */
    public record PolicySettings(List<VersionSettings> versions, List<IntegrationSettings> integrations) {
    }

    /**
     * One policy version.
     *
     * @param ack      four durations, severity 1 first (e.g. {@code 30m,30m,30m,30m})
     * @param response four durations, severity 1 first (e.g. {@code 2h,5h,24h,24h})
     * @param holidays local dates on which the SME/SMB desk is closed
     */
    public record VersionSettings(String id, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
                                  List<Duration> ack, List<Duration> response,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Set<LocalDate> holidays) {
        PolicyVersion toVersion() {
            return new PolicyVersion(id, effectiveDate, Targets.of(ack, response), holidays);
        }
    }

    /** One third-party integration's own targets, from {@code effectiveDate} on. */
    public record IntegrationSettings(String name, String id,
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
                                      List<Duration> ack, List<Duration> response) {
        IntegrationTargets toTargets() {
            return new IntegrationTargets(name, id, effectiveDate, Targets.of(ack, response));
        }
    }
}
