package cn.fengxing.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an install prints: where the platform is and how to follow its Jobs. */
class NotesTest {

    @Test
    void showsThePortForwardWithoutIngressAndTheHostWithIt() {
        assertThat(Chart.with("minimal").notes())
                .contains("kubectl -n fengxing port-forward svc/" + Chart.FULLNAME + " 8080:8080")
                .contains("Sign-in: https://id.example.com/realms/fengxing")
                .doesNotContain("Townships:");
        assertThat(Chart.with("production").notes()).contains("https://fengxing.example.com/")
                .doesNotContain("port-forward");
    }

    @Test
    void namesTheTownshipsAndTheirJob() {
        assertThat(Chart.with("townships").notes()).contains("Townships: gongcheng, ningxiang applied by Job "
                + Chart.FULLNAME + "-tenants");
    }

    @Test
    void pointsAtTheTrialKeycloaksAdminPassword() {
        assertThat(Chart.with("trial").notes()).contains("Trial database: CloudNativePG Cluster " + Chart.FULLNAME + "-db")
                .contains("secret " + Chart.FULLNAME + "-keycloak-initial-admin");
    }
}
