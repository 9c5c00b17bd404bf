package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The pool holds the run lock's connection and two per evaluate slice, whatever it was configured to. */
class EnoughConnectionsTest {

    @Test
    void aPoolTooSmallForTheSlicesIsRaised() {
        assertThat(poolSize(4, "4")).isEqualTo(10);
        assertThat(poolSize(4, null)).isEqualTo(6); // two slices unless configured
        assertThat(poolSize(1, "1")).isEqualTo(4);
    }

    @Test
    void aLargerPoolIsKept() {
        assertThat(poolSize(20, "4")).isEqualTo(20);
    }

    static int poolSize(int configured, String threads) {
        MockEnvironment environment = new MockEnvironment();
        if (threads != null) {
            environment.setProperty("sla.threads", threads);
        }
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setMaximumPoolSize(configured);
            SlaJobConfiguration.enoughConnections(environment).postProcessAfterInitialization(pool, "dataSource");
            return pool.getMaximumPoolSize();
        }
    }
}
