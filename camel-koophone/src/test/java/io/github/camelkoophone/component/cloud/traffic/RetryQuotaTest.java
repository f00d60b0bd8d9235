package io.github.camelkoophone.component.cloud.traffic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryQuotaTest {

    @Test
    void retriesSpendFiveTimeoutsTenAndSuccessesRefundOneUpToTheCapacity() {
        RetryQuota quota = new RetryQuota(20);
        assertThat(quota.spend(false)).isTrue();
        assertThat(quota.spend(true)).isTrue();
        assertThat(quota.available()).isEqualTo(5);
        assertThat(quota.spend(true)).as("a timeout retry costs 10").isFalse();
        assertThat(quota.spend(false)).isTrue();
        assertThat(quota.spend(false)).as("drained").isFalse();
        for (int i = 0; i < 100; i++) {
            quota.refund();
        }
        assertThat(quota.available()).isEqualTo(20);
    }

    @Test
    void zeroTurnsTheBudgetOff() {
        RetryQuota quota = new RetryQuota(0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(quota.spend(true)).isTrue();
        }
    }
}
